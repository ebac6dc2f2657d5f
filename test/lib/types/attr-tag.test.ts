// types.attrTag: an attribute-tagged union whose tags are options. Expected values and messages are
// what Nixpkgs gives (checked with nix-instantiate against lib/types.nix), in our wording.
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { check, codecOf, isLooserSchema, jsonSchemaOf, lib, mkOption, optionDocs, type Evaluation, type OptionType } from "../../../src/lib/index.js";
import { errorOf, evalOption, evalTwoDeclarations, expectError, expectOptionError, valueOf } from "./helpers.js";

const t = lib.types;

const leftRight = () => t.attrTag({ left: mkOption({ type: t.int }), right: mkOption({ type: t.str }) });

describe("types.attrTag: name, description and check", () => {
  test("is named attrTag, a noun, described by its choices in Nix's order of names", () => {
    const type = t.attrTag({ right: mkOption({ type: t.str }), left: mkOption({ type: t.int }) });
    expect([type.name, type.description, type.descriptionClass]).toEqual(["attrTag", "attribute-tagged union with choices: left, right", "noun"]);
  });

  test("a choice that is not an identifier or is a keyword is quoted, as Nix code writes it", () => {
    expect(t.attrTag({ "a b": mkOption({}), if: mkOption({}), ok: mkOption({}) }).description).toBe(
      'attribute-tagged union with choices: "a b", "if", ok',
    );
    expect(t.attrTag({}).description).toBe("attribute-tagged union with choices: ");
  });

  test("reads as a noun inside other types", () => {
    expect(t.listOf(leftRight()).description).toBe("list of attribute-tagged union with choices: left, right");
    expect(t.nullOr(leftRight()).description).toBe("null or attribute-tagged union with choices: left, right");
  });

  test("check accepts a set with exactly one attribute that is a tag, without reading its value", () => {
    const type = leftRight();
    const unread = {
      get left(): never {
        throw new Error("read");
      },
    };
    expect([{ left: 1 }, { right: "x" }, unread, {}, { left: 1, right: "x" }, { rite: 1 }, 1, null, [["left", 1]]].map(type.check)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("types.attrTag: merging", () => {
  test("the value is the tag with its option's value, merged as that option's type", () => {
    expect(valueOf(leftRight(), [{ left: 1 }])).toEqual({ left: 1 });
    expect(valueOf(t.attrTag({ xs: mkOption({ type: t.listOf(t.int) }) }), [{ xs: [1] }, { xs: [2] }])).toEqual({ xs: [2, 1] });
  });

  test("the tag's option gives its default and apply, and priorities hold inside the tag", () => {
    const type = t.attrTag({ left: mkOption({ type: t.int, default: 3, apply: (x: number) => x * 2 }) });
    expect(valueOf(type, [{ left: lib.mkDefault(5) }])).toEqual({ left: 10 });
    expect(valueOf(type, [{ left: lib.mkForce(4) }, { left: 7 }])).toEqual({ left: 8 });
  });

  test("a value not of the tag's type is a TypeMismatch at the tag's path", () => {
    expectOptionError(leftRight(), [{ left: "bad" }], { kind: "TypeMismatch", path: ["a", "left"], includes: ["signed integer", "m1.nix", '"bad"'] });
  });

  test("a set that is not one tag is a TypeMismatch naming the union and the file", () => {
    for (const value of [1, {}, { left: 1, right: "x" }, { rite: 1 }]) {
      expectOptionError(leftRight(), [value], {
        kind: "TypeMismatch",
        path: ["a"],
        includes: ["attribute-tagged union with choices: left, right", "m1.nix"],
      });
    }
  });

  test("definitions with two different tags conflict, naming both tags and both files", () => {
    expectOptionError(leftRight(), [{ left: 1 }, { right: "x" }], {
      kind: "ConflictingDefinitions",
      path: ["a"],
      includes: ["defined both as `right' and `left'", "m1.nix", "m2.nix", "mkForce"],
    });
  });

  test("the tag's value is computed when read, and a tag that is never defined stays unread", () => {
    const evaluation = evalOption(leftRight(), [
      {
        get left(): never {
          throw new Error("read too early");
        },
      },
    ]);
    const value = evaluation.config["a"] as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["left"]);
    expect(() => value["left"]).toThrow("read too early");
  });

  test("a tag defined only under mkIf false has no value, as an option without definitions", () => {
    expectOptionError(leftRight(), [{ left: lib.mkIf(false, 2) }], { kind: "NoDefinition", path: ["a", "left"] });
  });

  test("a read-only tag set twice (its default counts) is a UniqueViolation", () => {
    const type = t.attrTag({ left: mkOption({ type: t.int, readOnly: true, default: 1 }) });
    expectOptionError(type, [{ left: 2 }], { kind: "UniqueViolation", path: ["a", "left"] });
  });

  test("nested unions report the innermost path", () => {
    const type = t.attrTag({ left: mkOption({ type: t.int }), right: mkOption({ type: leftRight() }) });
    expect(valueOf(type, [{ right: { right: "x" } }])).toEqual({ right: { right: "x" } });
    expectOptionError(type, [{ right: { left: "no" } }], { kind: "TypeMismatch", path: ["a", "right", "left"], includes: ["signed integer"] });
  });

  test("inside either and nullOr it merges as alone", () => {
    expect(valueOf(t.either(t.int, leftRight()), [{ left: 2 }])).toEqual({ left: 2 });
    expect(valueOf(t.nullOr(leftRight()), [])).toBe(null);
  });

  test("a submodule tag evaluates its module, with defaults", () => {
    const type = t.attrTag({
      server: mkOption({ type: t.submodule({ options: { port: mkOption({ type: t.port, default: 80 }), host: mkOption({ type: t.str }) } }) }),
    });
    expect(valueOf(type, [{ server: { host: "h" } }])).toEqual({ server: { host: "h", port: 80 } });
  });
});

describe("types.attrTag: tags that are not options", () => {
  const declared = (tags: Record<string, unknown>) => evalOption(t.attrTag(tags), [{ int: 1 }]).config["a"] as Record<string, unknown>;

  test("a bare type is refused when the tag is used, saying to wrap it in mkOption", () => {
    const type = t.attrTag({ int: t.int });
    // The description does not read the tags; Nix's does not either.
    expect(type.description).toBe("attribute-tagged union with choices: int");
    const e = errorOf(() => declared({ int: t.int })["int"]);
    expect(e.kind).toBe("InvalidModule");
    expect(e.message).toMatch(/^In attrTag, each tag value must be an option, but tag int was a bare type, not wrapped in mkOption\. /);
  });

  test("another tagged value names its _type; a plain value is not an option", () => {
    expect(() => declared({ int: { _type: "foo" } })["int"]).toThrow('but tag int was of type "foo".');
    expect(() => declared({ int: 1 })["int"]).toThrow("but tag int was not.");
  });

  test("an option without a type is refused when its tag is merged", () => {
    expectError(() => declared({ int: mkOption({}) })["int"], { kind: "InvalidModule", path: ["a", "int"], includes: ["without a type"] });
  });
});

describe("types.attrTag: sub-options and documentation", () => {
  test("getSubOptions gives each tag's option at the prefix, declarations empty without a position", () => {
    const tag = t.attrTag({ a: mkOption({ type: t.int, description: "The a." }) });
    const sub = tag.getSubOptions(["x"]) as Record<string, Record<string, unknown>>;
    expect(Object.keys(sub)).toEqual(["a"]);
    expect(sub["a"]).toMatchObject({ _type: "option", loc: ["x", "a"], description: "The a.", declarations: [], declarationPositions: [], type: t.int });
  });

  test("a tag's own declarations are kept", () => {
    const tag = t.attrTag({ a: { ...mkOption({ type: t.int }), declarations: ["a.nix"] } });
    expect((tag.getSubOptions([]) as Record<string, Record<string, unknown>>)["a"]?.["declarations"]).toEqual(["a.nix"]);
  });

  test("nestedTypes gives each tag's type", () => {
    expect(leftRight().nestedTypes["right"]).toBe(t.str);
  });

  test("option documentation lists the tags as sub-options, and their submodules' options", () => {
    const evaluation = lib.evalModules({
      modules: [
        {
          _file: "decl.nix",
          options: {
            listen: mkOption({
              type: t.attrsOf(
                t.attrTag({
                  port: mkOption({ type: t.port, description: "A port." }),
                  unix: mkOption({ type: t.submodule({ options: { path: mkOption({ type: t.str }) } }) }),
                }),
              ),
              description: "Where to listen.",
            }),
          },
        },
      ],
    });
    const docs = optionDocs(evaluation.options).filter((d) => d.loc[0] !== "_module");
    expect(docs.map((d) => [d.name, d.type])).toEqual([
      ["listen", "attribute set of attribute-tagged union with choices: port, unix"],
      ["listen.<name>.port", "16 bit unsigned integer; between 0 and 65535 (both inclusive)"],
      ["listen.<name>.unix", "submodule"],
      ["listen.<name>.unix.path", "string"],
    ]);
    expect(docs[1]).toMatchObject({ description: "A port.", declarations: [], loc: ["listen", "<name>", "port"], readOnly: false, visible: true });
  });
});

describe("types.attrTag: two declarations", () => {
  const declare = (tags: Record<string, unknown>) => t.attrTag(tags);
  const typeOfA = (evaluation: Evaluation) => (evaluation.options["a"] as { type: OptionType }).type;

  test("merge their tags into one union", () => {
    const evaluation = evalTwoDeclarations(declare({ a: mkOption({ type: t.int }) }), declare({ b: mkOption({ type: t.str }) }), [{ b: "x" }]);
    expect(typeOfA(evaluation).description).toBe("attribute-tagged union with choices: a, b");
    expect(evaluation.config["a"]).toEqual({ b: "x" });
  });

  test("a shared tag merges its two options' types, as Nix orders them", () => {
    const evaluation = evalTwoDeclarations(declare({ e: mkOption({ type: t.enum(["p"]) }) }), declare({ e: mkOption({ type: t.enum(["q"]) }) }), [{ e: "p" }, { e: "q" }]);
    const type = typeOfA(evaluation);
    expect(type.nestedTypes["e"]?.description).toBe('one of "q", "p"');
    expect(() => evaluation.config["a"]).not.toThrow();
  });

  test("a shared tag declared with two descriptions, or two types that do not merge, is a DuplicateDeclaration when used", () => {
    for (const [first, second] of [
      [mkOption({ type: t.int, description: "A" }), mkOption({ type: t.int, description: "B" })],
      [mkOption({ type: t.int }), mkOption({ type: t.str })],
    ]) {
      const evaluation = evalTwoDeclarations(declare({ s: first }), declare({ s: second }), [{ s: 1 }]);
      expect(typeOfA(evaluation).description).toBe("attribute-tagged union with choices: s");
      expectError(() => (evaluation.config["a"] as Record<string, unknown>)["s"], {
        kind: "DuplicateDeclaration",
        path: ["s"],
        includes: ["<attrTag {...}>"],
      });
    }
  });

  test("an attrTag and another type do not merge", () => {
    const evaluation = evalTwoDeclarations(declare({ a: mkOption({ type: t.int }) }), t.int, []);
    expectError(() => typeOfA(evaluation), { kind: "DuplicateDeclaration", path: ["a"], includes: ["cannot be merged"] });
  });
});

describe("types.attrTag: JSON Schema and codec", () => {
  const ajv = new Ajv({ strict: true, allErrors: true });
  const typeAccepts = (type: OptionType, value: unknown) => check({ modules: [{ options: { a: mkOption({ type }) } }, { config: { a: value } }] }).length === 0;

  test("one object schema per tag, each requiring its tag alone, agreeing with the module system", () => {
    const type = t.attrTag({ port: mkOption({ type: t.port, description: "A port." }), path: mkOption({ type: t.str }) });
    const schema = jsonSchemaOf(type);
    expect(schema).toEqual({
      anyOf: [
        { type: "object", properties: { path: { type: "string" } }, required: ["path"], additionalProperties: false },
        {
          type: "object",
          properties: { port: { description: "A port.", type: "integer", minimum: 0, maximum: 65535 } },
          required: ["port"],
          additionalProperties: false,
        },
      ],
    });
    expect(isLooserSchema(schema)).toBe(false);
    for (const value of [{ port: 80 }, { path: "/s" }, { port: 70000 }, { port: 80, path: "/s" }, {}, { other: 1 }, "port"]) {
      expect([value, ajv.validate(schema, value)]).toEqual([value, typeAccepts(type, value)]);
    }
  });

  test("a single tag is its object schema; no tag accepts nothing", () => {
    expect(jsonSchemaOf(t.attrTag({ a: mkOption({ type: t.bool }) }))).toEqual({
      type: "object",
      properties: { a: { type: "boolean" } },
      required: ["a"],
      additionalProperties: false,
    });
    expect(jsonSchemaOf(t.attrTag({}))).toEqual({ not: {} });
  });

  test("the codec checks the tag, shallowly as check does", () => {
    const codec = codecOf(leftRight());
    expect([{ left: 1 }, { both: 1 }, {}].map((v) => codec.is(v))).toEqual([true, false, false]);
  });
});

describe("types.attrTag: merge called without check", () => {
  test("refuses what check refuses, as a TypeMismatch naming the union", () => {
    const type = leftRight();
    for (const value of [1, null, {}, { left: 1, right: "x" }]) {
      expectError(() => type.merge(["a"], [{ file: "m.nix", value }]), { kind: "TypeMismatch", path: ["a"], includes: ["exactly one attribute", "m.nix"] });
    }
    expectError(() => type.merge(["a"], [{ file: "m.nix", value: { rite: 1 } }]), {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["defined as rite, but rite is not among the valid choices (left, right)", "m.nix"],
    });
  });
});
