// Every type of the catalogue maps to a JSON Schema fragment: exact where JSON Schema can say what
// the type accepts (ajv then agrees with the type's codec on sample values), else the closest
// looser schema, whose description says what it leaves unchecked (issue 7). The oracle of "what
// the type accepts" is the module system itself: `check` of an option of the type defined once.
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { posixRegex } from "../../src/lib/types/posix-regex.js";
import {
  check,
  ecmaPatternOfPosix,
  isLooserSchema,
  jsonSchemaOf,
  lib,
  mkOption,
  optionsJsonSchema,
  types as t,
  type JsonSchema,
  type OptionType,
} from "../../src/lib/index.js";

const ajv = new Ajv({ strict: true, allErrors: true });
const accepts = (schema: JsonSchema, value: unknown) => ajv.validate(schema, value) === true;
/** Whether the module system accepts `value` as the one definition of an option of `type`. */
const typeAccepts = (type: OptionType, value: unknown) =>
  check({ modules: [{ options: { a: mkOption({ type }) } }, { config: { a: value } }] }).length === 0;

const server = t.submodule({
  options: {
    host: mkOption({ type: t.str, description: "The host name." }),
    port: mkOption({ type: t.port, default: 80, description: "The port." }),
  },
});
const openServer = t.submodule({ freeformType: t.attrsOf(t.int), options: { host: mkOption({ type: t.str }) } });

/** A type, its exact schema, and values on which ajv must agree with the module system. */
const exact: [string, OptionType, JsonSchema, unknown[]][] = [
  ["raw", t.raw, {}, [1, "x", null, [], {}]],
  ["anything", t.anything, {}, [1, "x", null, { a: [1] }]],
  ["unspecified", t.unspecified, {}, [true, {}]],
  ["bool", t.bool, { type: "boolean" }, [true, false, 0, "true", null]],
  ["boolByOr", t.boolByOr, { type: "boolean" }, [true, 1]],
  ["int", t.int, { type: "integer" }, [0, -3, 1.5, "1", null]],
  ["ints.unsigned", t.ints.unsigned, { type: "integer", minimum: 0 }, [0, 7, -1, 0.5]],
  ["ints.positive", t.ints.positive, { type: "integer", minimum: 1 }, [1, 0, -1]],
  ["ints.between", t.ints.between(-5, 10), { type: "integer", minimum: -5, maximum: 10 }, [-5, 10, 11, -6, 3.5]],
  ["ints.u8", t.ints.u8, { type: "integer", minimum: 0, maximum: 255 }, [0, 255, 256, -1]],
  ["ints.u16 (port)", t.port, { type: "integer", minimum: 0, maximum: 65535 }, [80, 65536]],
  ["ints.u32", t.ints.u32, { type: "integer", minimum: 0, maximum: 4294967295 }, [4294967295, 4294967296]],
  ["ints.s8", t.ints.s8, { type: "integer", minimum: -128, maximum: 127 }, [-128, 127, 128, -129]],
  ["ints.s16", t.ints.s16, { type: "integer", minimum: -32768, maximum: 32767 }, [-32768, 32768]],
  ["ints.s32", t.ints.s32, { type: "integer", minimum: -2147483648, maximum: 2147483647 }, [-2147483648, 2147483648]],
  ["float", t.float, { type: "number", not: { type: "integer" } }, [1.5, 1, "1.5"]],
  ["number", t.number, { type: "number" }, [1, 1.5, "1", null]],
  ["numbers.between", t.numbers.between(0, 1.5), { type: "number", minimum: 0, maximum: 1.5 }, [0, 1.5, 1.6, -0.1, 1]],
  ["numbers.nonnegative", t.numbers.nonnegative, { type: "number", minimum: 0 }, [0, 0.1, -0.1]],
  ["numbers.positive", t.numbers.positive, { type: "number", exclusiveMinimum: 0 }, [0, 0.1, 3]],
  ["str", t.str, { type: "string" }, ["", "x", 1]],
  ["nonEmptyStr", t.nonEmptyStr, { type: "string", pattern: "[^ \\t\\n]" }, ["", " \t\n", " x ", 1]],
  ["singleLineStr", t.singleLineStr, { type: "string", pattern: "^[^\\n\\r]*\\n?$" }, ["a", "a\n", "a\nb", "a\r"]],
  ["strMatching", t.strMatching("[0-9]+\\.[0-9]+"), { type: "string", pattern: "^(?:[0-9]+\\.[0-9]+)$" }, ["1.2", "1.2.3", "x1.2", 1]],
  ["separatedString", t.separatedString(";"), { type: "string" }, ["a;b", 1]],
  ["lines", t.lines, { type: "string" }, ["a\nb"]],
  ["commas", t.commas, { type: "string" }, ["a,b"]],
  ["envVar", t.envVar, { type: "string" }, ["a:b"]],
  ["passwdEntry", t.passwdEntry(t.str), { type: "string", pattern: "^[^:\\n]*$" }, ["alice", "a:b", "a\nb", 1]],
  ["path", t.path, { type: "string", pattern: "^/" }, ["/etc", "etc", 1]],
  ["pathWith relative", t.pathWith({ absolute: false }), { type: "string", pattern: "^(?!/)" }, ["etc", "/etc"]],
  ["pathWith anything", t.pathWith({}), { type: "string" }, ["etc", "/etc", 1]],
  ["attrs", t.attrs, { type: "object" }, [{}, { a: 1 }, [], null]],
  ["attrsOf", t.attrsOf(t.int), { type: "object", additionalProperties: { type: "integer" } }, [{}, { a: 1 }, { a: "1" }, []]],
  ["lazyAttrsOf", t.lazyAttrsOf(t.str), { type: "object", additionalProperties: { type: "string" } }, [{ a: "x" }, { a: 1 }]],
  ["listOf", t.listOf(t.str), { type: "array", items: { type: "string" } }, [[], ["a"], [1], "a"]],
  ["nonEmptyListOf", t.nonEmptyListOf(t.int), { type: "array", items: { type: "integer" }, minItems: 1 }, [[], [1], ["a"]]],
  ["nullOr", t.nullOr(t.str), { anyOf: [{ type: "null" }, { type: "string" }] }, [null, "a", 1]],
  ["either", t.either(t.int, t.str), { anyOf: [{ type: "integer" }, { type: "string" }] }, [1, "a", true]],
  [
    "oneOf",
    t.oneOf([t.bool, t.int, t.listOf(t.str)]),
    { anyOf: [{ type: "boolean" }, { type: "integer" }, { type: "array", items: { type: "string" } }] },
    [true, 1, ["a"], [1], "a"],
  ],
  ["uniq", t.uniq(t.int), { type: "integer" }, [1, "1"]],
  ["unique", t.unique({ message: "once" }, t.str), { type: "string" }, ["a", 1]],
  ["enum", t.enum(["low", "high", 3, true]), { enum: ["low", "high", 3, true] }, ["low", "mid", 3, 4, true, false]],
  ["empty enum", t.enum([]), { not: {} }, ["a", 1, null]],
  [
    "submodule",
    server,
    {
      type: "object",
      properties: {
        host: { description: "The host name.", type: "string" },
        port: { description: "The port.", type: "integer", minimum: 0, maximum: 65535, default: 80 },
      },
      required: ["host"],
      additionalProperties: false,
    },
    [{ host: "h" }, { host: "h", port: 8080 }, { port: 80 }, { host: "h", extra: 1 }, { host: 1 }],
  ],
  [
    "submodule with a freeformType",
    openServer,
    {
      type: "object",
      properties: { host: { type: "string" } },
      required: ["host"],
      additionalProperties: { type: "integer" },
    },
    [{ host: "h", a: 1 }, { host: "h", a: "x" }, { a: 1 }],
  ],
];

describe("types with an exact schema", () => {
  test.each(exact)("%s", (_, type, schema, samples) => {
    const fragment = jsonSchemaOf(type);
    expect(fragment).toEqual(schema);
    expect(isLooserSchema(fragment)).toBe(false);
    for (const value of samples) expect([value, accepts(fragment, value)]).toEqual([value, typeAccepts(type, value)]);
  });
});

/** A type, its looser schema, and a value it refuses that the schema accepts. */
const looser: [string, OptionType, JsonSchema, unknown][] = [
  ["functionTo", t.functionTo(t.int), {}, 1],
  ["optionType", t.optionType, {}, "str"],
  ["deferredModule", t.deferredModule, { anyOf: [{ type: "object" }, { type: "string" }] }, "relative/module.nix"],
  ["pathInStore", t.pathInStore, { type: "string", pattern: "^/" }, "/etc"],
  ["externalPath", t.externalPath, { type: "string", pattern: "^/" }, "/nix/store/00000000000000000000000000000000-x"],
  ["coercedTo", t.coercedTo(t.int, String, t.strMatching("[0-9]")), { anyOf: [{ type: "string", pattern: "^(?:[0-9])$" }, { type: "integer" }] }, 10],
  ["addCheck", t.addCheck(t.int, (x) => x % 2 === 0), { type: "integer" }, 3],
  ["mkOptionType", t.mkOptionType({ name: "even", description: "even integer", check: (x) => x === 2 }), {}, 3],
];

describe("types without an exact schema map to a looser one that says so", () => {
  test.each(looser)("%s", (_, type, schema, refused) => {
    const fragment = jsonSchemaOf(type);
    const { description, ...rest } = fragment;
    expect(rest).toEqual(schema);
    expect(description).toMatch(new RegExp(`^${type.name}: not exactly representable in JSON Schema; .+\\.$`));
    expect(isLooserSchema(fragment)).toBe(true);
    expect(typeAccepts(type, refused)).toBe(false);
    expect(accepts(fragment, refused)).toBe(true);
  });

  test("functionTo says a function is not representable in JSON and any value is accepted", () => {
    expect(jsonSchemaOf(t.functionTo(t.str)).description).toBe(
      "functionTo: not exactly representable in JSON Schema; a function is not representable in JSON; any value accepted.",
    );
  });

  test("a looser part keeps its note inside an exact whole", () => {
    const fragment = jsonSchemaOf(t.attrsOf(t.functionTo(t.int)));
    expect(fragment.type).toBe("object");
    expect(fragment.description).toBeUndefined();
    expect(isLooserSchema(fragment)).toBe(true);
  });

  test("a renamed strMatching (as generic.types makes them) keeps its pattern", () => {
    const version = { ...t.strMatching("^([[:digit:]]+)\\.([[:digit:]]+)$"), name: "majorMinorVersion", description: "A version." };
    const fragment = jsonSchemaOf(version);
    expect(fragment.pattern).toBeDefined();
    expect(["12.2", "12.2.1", "a.b"].map((v) => accepts(fragment, v))).toEqual([true, false, false]);
  });
});

describe("POSIX patterns become ECMA-262 patterns that match the same strings", () => {
  const cases: [string, string[]][] = [
    ["[0-9]+\\.[0-9]+", ["1.2", "1x2", "12.34", ""]],
    ["a.b", ["axb", "a\nb", "ab"]],
    ["[^\n\r]*\n?", ["abc", "abc\n", "a\nb"]],
    ["[[:alpha:]_][[:alnum:]_-]*", ["a_1-b", "1a", "_", "a b"]],
    ["[[:punct:]]+", ["!/[`~", "a"]],
    ["[]a]+", ["]a]", "b"]],
    ["[^]a]+", ["bc", "b]"]],
    ["\\-\\\"x", ['-"x', "x"]],
    ["(foo|bar){2}", ["foobar", "foo", "barbarbar"]],
    ["sm_[[:digit:]]+[a-z]?", ["sm_90a", "sm_", "sm_80"]],
    [".*\\.so(\\.[[:digit:]]+)*", ["libcudart.so.12", "libcudart.so.x", "lib.so"]],
    ["[.]x", [".x", "ax"]],
  ];
  test.each(cases)("%j", (pattern, samples) => {
    const ecma = ecmaPatternOfPosix(pattern);
    expect(ecma).not.toBeNull();
    const re = new RegExp(ecma!, "u");
    for (const s of samples) expect([s, re.test(s)]).toEqual([s, posixRegex(pattern).test(s)]);
  });

  test("a pattern that is not a valid POSIX expression has none", () => {
    expect(ecmaPatternOfPosix("[[:nope:]]")).toBeNull();
  });
});

describe("optionsJsonSchema", () => {
  test("an evaluation's options give a whole draft-07 schema with descriptions and JSON defaults", () => {
    const evaluation = lib.evalModules({
      modules: [
        {
          options: {
            name: mkOption({ type: t.str, description: "A name." }),
            tags: mkOption({ type: t.listOf(t.str), default: [], description: "Tags." }),
            servers: mkOption({ type: t.attrsOf(server), default: {} }),
            nested: { level: mkOption({ type: t.enum(["a", "b"]) }), opt: mkOption({ type: t.int, default: 1 }) },
            computed: mkOption({ type: t.functionTo(t.int), default: () => 1 }),
          },
        },
      ],
    });
    const schema = optionsJsonSchema(evaluation.options, { title: "Test" });
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.title).toBe("Test");
    expect(Object.keys(schema.properties ?? {})).toEqual(["computed", "name", "nested", "servers", "tags"]);
    expect(schema.required).toEqual(["name", "nested"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.["tags"]).toEqual({ description: "Tags.", type: "array", items: { type: "string" }, default: [] });
    expect(schema.properties?.["nested"]).toEqual({
      type: "object",
      properties: { level: { enum: ["a", "b"] }, opt: { type: "integer", default: 1 } },
      required: ["level"],
      additionalProperties: false,
    });
    // A function is no JSON default.
    expect(schema.properties?.["computed"] && "default" in schema.properties["computed"]).toBe(false);
    expect(ajv.validate(schema, { name: "x", nested: { level: "a" }, servers: { s: { host: "h" } } })).toBe(true);
    expect(ajv.validate(schema, { name: "x", nested: { level: "c" } })).toBe(false);
    expect(ajv.validate(schema, { name: "x", nested: { level: "a" }, servers: { s: { port: 1 } } })).toBe(false);
  });

  test("a submodule type gives the schema of its values", () => {
    expect(optionsJsonSchema(server)).toEqual({ $schema: "http://json-schema.org/draft-07/schema#", ...jsonSchemaOf(server) });
  });

  test("an option named __proto__ is a property like any other", () => {
    const type = t.submodule({ options: { ["__proto__"]: mkOption({ type: t.int }) } });
    const schema = jsonSchemaOf(type);
    expect(Object.keys(schema.properties ?? {})).toEqual(["__proto__"]);
    expect(JSON.parse(JSON.stringify(schema)).required).toEqual(["__proto__"]);
  });
});
