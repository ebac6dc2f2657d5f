/**
 * JSON Schema (draft-07) fragments generated from option types and option declarations, to
 * validate data files without the module system. The traversal follows `codec.ts`: scalar types by
 * name, lists, attribute sets, nullable and either types by their element types, submodules by
 * their declared options and free-form type. A type that no schema describes exactly maps to the
 * closest looser schema, and its `description` says so.
 */
import { compareNames, isAttrs, setOwn, type Attrs } from "./attrs.js";
import { declares, isOption } from "./options.js";
import { translatePosixRegex } from "./types/posix-regex.js";
import { namedType } from "./types/registry.js";
import { isOptionType, type OptionType } from "./types/type.js";

/** The names of JSON Schema's `type` keyword. */
export type JsonSchemaTypeName = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

/** A JSON Schema (draft-07), limited to the keywords the export writes. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: JsonSchemaTypeName | JsonSchemaTypeName[];
  enum?: unknown[];
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
}

/** The draft the export writes, as `$schema` names it. */
export const jsonSchemaDraft = "http://json-schema.org/draft-07/schema#";

/** The sentence that starts the `description` of every looser fragment. */
const looserMark = "not exactly representable in JSON Schema";

/** `schema`, marked as accepting more than the type: `what` says what is not checked. */
function looser(schema: JsonSchema, type: OptionType, what: string): JsonSchema {
  return { ...schema, description: `${type.name}: ${looserMark}; ${what}.` };
}

/**
 * Whether a fragment (or one of its parts) accepts more than its type does, as its `description`
 * says.
 * @example isLooserSchema(jsonSchemaOf(types.functionTo(types.int))) // true
 */
export function isLooserSchema(schema: JsonSchema): boolean {
  return JSON.stringify(schema).includes(looserMark);
}

/** The keywords of a JS regular expression that JSON Schema (ECMA-262, `u` flag, no `s` flag) needs. */
const syntaxCharacters = new Set([..."^$\\.*+?()[]{}|/"]);

/**
 * The ECMA-262 pattern (for JSON Schema's `pattern`, which ajv compiles with the `u` flag and
 * searches unanchored) matching the strings that `builtins.match pattern` matches, or null when
 * there is none. `.` becomes `[\s\S]`, since JSON Schema has no `s` flag, and an escape the `u`
 * flag refuses (`\-`, `\"` outside brackets) becomes the bare character it stands for.
 * @example ecmaPatternOfPosix("[[:digit:]]+") // "^(?:[0-9]+)$"
 */
export function ecmaPatternOfPosix(pattern: string): string | null {
  let source: string;
  try {
    source = translatePosixRegex(pattern);
  } catch {
    return null;
  }
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      const next = source[i + 1] ?? "";
      i++;
      out += inClass || syntaxCharacters.has(next) ? `\\${next}` : next;
    } else if (inClass) {
      if (ch === "]") inClass = false;
      out += ch;
    } else if (ch === "[") {
      inClass = true;
      out += ch;
      // A `^` or `]` right after `[` is part of the class' syntax, never its end.
      if (source[i + 1] === "^") out += source[++i];
    } else {
      out += ch === "." ? "[\\s\\S]" : ch;
    }
  }
  const anchored = `^(?:${out})$`;
  try {
    new RegExp(anchored, "u");
  } catch {
    return null;
  }
  return anchored;
}

/** The inclusive bounds written in a range type's description ("… between 0 and 255 (both inclusive)"). */
function boundsOf(description: string): { lo: number; hi: number } | null {
  const match = /between (\S+) and (\S+) \(both inclusive\)$/.exec(description);
  if (match === null) return null;
  const lo = Number(match[1]);
  const hi = Number(match[2]);
  return Number.isFinite(lo) && Number.isFinite(hi) ? { lo, hi } : null;
}

/** Names of sized integer types, as `ints.u8` … `ints.s32` are named. */
const sizedInt = /^(?:un)?signedInt(?:8|16|32)$/;

/** The scalar families, by name: their exact schemas. */
const scalarSchemas: Readonly<Record<string, JsonSchema>> = {
  raw: {},
  anything: {},
  unspecified: {},
  bool: { type: "boolean" },
  boolByOr: { type: "boolean" },
  int: { type: "integer" },
  unsignedInt: { type: "integer", minimum: 0 },
  positiveInt: { type: "integer", minimum: 1 },
  float: { type: "number", not: { type: "integer" } },
  numberNonnegative: { type: "number", minimum: 0 },
  numberPositive: { type: "number", exclusiveMinimum: 0 },
  str: { type: "string" },
  nonEmptyStr: { type: "string", pattern: "[^ \\t\\n]" },
  singleLineStr: { type: "string", pattern: "^[^\\n\\r]*\\n?$" },
  attrs: { type: "object" },
};

/** The types on the way from the root to the fragment being made (a type that contains itself stops there). */
type Stack = readonly OptionType[];

/** The schemas of either's alternatives, nested eithers (`oneOf`) flattened. */
function alternatives(type: OptionType, stack: Stack): JsonSchema[] {
  if (type.name !== "either") return [fragment(type, stack)];
  return [type.nestedTypes["left"]!, type.nestedTypes["right"]!].flatMap((t) => alternatives(t, [...stack, type]));
}

/** `anyOf` of `schemas`, an integer-or-float pair (`types.number`) read as any number. */
function anyOf(schemas: JsonSchema[]): JsonSchema {
  const text = schemas.map((s) => JSON.stringify(s));
  const integer = text.indexOf(JSON.stringify(scalarSchemas["int"]));
  const float = text.indexOf(JSON.stringify(scalarSchemas["float"]));
  if (integer >= 0 && float >= 0) {
    const rest = schemas.filter((_, i) => i !== integer && i !== float);
    const number: JsonSchema = { type: "number" };
    return rest.length === 0 ? number : { anyOf: [number, ...rest] };
  }
  return { anyOf: schemas };
}

/** A number schema with the bounds of `type`'s description, or looser without them. */
function ranged(type: OptionType, base: JsonSchemaTypeName): JsonSchema {
  const bounds = boundsOf(type.description);
  if (bounds === null) return looser({ type: base }, type, "its range is not checked");
  return { type: base, minimum: bounds.lo, maximum: bounds.hi };
}

function strMatchingSchema(type: OptionType): JsonSchema {
  const pattern = (type.functor.payload as { pattern?: unknown } | null)?.pattern;
  const ecma = typeof pattern === "string" ? ecmaPatternOfPosix(pattern) : null;
  if (ecma === null) return looser({ type: "string" }, type, "its pattern has no ECMA-262 equivalent and is not checked");
  return { type: "string", pattern: ecma };
}

function pathSchema(type: OptionType): JsonSchema {
  const { inStore, absolute } = (type.functor.payload ?? {}) as { inStore?: boolean | null; absolute?: boolean | null };
  const schema: JsonSchema = { type: "string" };
  if (absolute === true || inStore === true) schema.pattern = "^/";
  if (absolute === false) schema.pattern = "^(?!/)";
  if (inStore === true || inStore === false) {
    return looser(schema, type, `whether it is ${inStore ? "in" : "outside"} the Nix store is not checked`);
  }
  return schema;
}

function passwdEntrySchema(type: OptionType, stack: Stack): JsonSchema {
  // passwdEntry keeps its entry type's functor: building it again gives the entry type.
  const entry = type.functor.build(type.functor.payload) ?? namedType("str");
  const noSeparators: JsonSchema = { type: "string", pattern: "^[^:\\n]*$" };
  if (entry === null) return noSeparators;
  const entrySchema = fragment(entry, [...stack, type]);
  return entrySchema.pattern === undefined && entrySchema.type === "string" && entrySchema.description === undefined
    ? { ...entrySchema, pattern: noSeparators.pattern! }
    : { allOf: [entrySchema, noSeparators] };
}

function enumSchema(type: OptionType): JsonSchema {
  const values = (type.functor.payload as { values?: unknown } | null)?.values;
  if (!Array.isArray(values)) return looser({}, type, "its values are unknown");
  // JSON Schema wants a non-empty `enum`; the empty enum accepts nothing.
  return values.length === 0 ? { not: {} } : { enum: [...values] };
}

function listSchema(type: OptionType, stack: Stack): JsonSchema {
  const schema: JsonSchema = { type: "array", items: fragment(type.nestedTypes["elemType"]!, [...stack, type]) };
  // nonEmptyListOf keeps listOf's name; its check is what refuses the empty list.
  if (!type.check([])) schema.minItems = 1;
  return schema;
}

function coercedToSchema(type: OptionType, stack: Stack): JsonSchema {
  const final = fragment(type.nestedTypes["finalType"]!, [...stack, type]);
  const coerced = fragment(type.nestedTypes["coercedType"]!, [...stack, type]);
  return looser(anyOf([final, coerced]), type, "a value of the coerced type is accepted without checking its conversion");
}

/** The schema of a free-form type as the `additionalProperties` of its submodule. */
function freeformSchema(freeform: OptionType, stack: Stack): JsonSchema | boolean {
  if (freeform.functor.name === "attrsWith") return fragment(freeform.nestedTypes["elemType"]!, stack);
  if (freeform.name === "attrs" || freeform.name === "anything" || freeform.name === "raw") return true;
  return looser({}, freeform, "the free-form attributes are not checked");
}

/** A JSON-serialisable copy of `value`, or undefined where it has functions, option types, cycles or non-finite numbers. */
function jsonValue(value: unknown, seen: ReadonlySet<object> = new Set()): { value: unknown } | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return { value };
  if (typeof value === "number") return Number.isFinite(value) ? { value } : undefined;
  if (typeof value !== "object" || seen.has(value) || isOptionType(value)) return undefined;
  const inner = new Set([...seen, value]);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const copy = jsonValue(item, inner);
      if (copy === undefined) return undefined;
      items.push(copy.value);
    }
    return { value: items };
  }
  const out: Attrs = {};
  for (const key of Object.keys(value).sort(compareNames)) {
    const copy = jsonValue((value as Attrs)[key], inner);
    if (copy === undefined) return undefined;
    setOwn(out, key, copy.value);
  }
  return { value: out };
}

/** The declared default of an option record, when it is JSON data and evaluates without error. */
function defaultOf(option: Attrs): { value: unknown } | undefined {
  if (!declares(option, "default")) return undefined;
  try {
    return jsonValue(option["default"]);
  } catch {
    return undefined;
  }
}

/** An option's fragment: its type's, with the option's description and default. */
function optionSchema(option: Attrs, stack: Stack): JsonSchema {
  const type = option["type"];
  const schema = isOptionType(type) ? fragment(type, stack) : {};
  const description = option["description"];
  // The option's description comes first, then the type's note on what the schema leaves out.
  const out: JsonSchema =
    typeof description === "string"
      ? { description, ...schema, ...(schema.description === undefined ? {} : { description: `${description}\n\n${schema.description}` }) }
      : { ...schema };
  const fallback = defaultOf(option);
  if (fallback !== undefined) out.default = fallback.value;
  return out;
}

/** Whether an option must be given: it has no default (a set of options, when one inside must be). */
function isRequired(node: unknown, schema: JsonSchema): boolean {
  if (isOption(node)) return !declares(node as Attrs, "default");
  return (schema.required ?? []).length > 0;
}

/** The object schema of a tree of options: declared names as properties, others as `rest` says. */
function treeSchema(tree: Attrs, rest: JsonSchema | boolean, stack: Stack): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const name of Object.keys(tree).sort(compareNames)) {
    if (name === "_module" || name === "_freeformOptions") continue;
    const node = tree[name];
    if (!isAttrs(node)) continue;
    // A nested set of options under a free-form submodule may hold free-form attributes too.
    const schema = isOption(node) ? optionSchema(node, stack) : treeSchema(node, rest === false ? false : true, stack);
    setOwn(properties, name, schema);
    if (isRequired(node, schema)) required.push(name);
  }
  const schema: JsonSchema = { type: "object", properties };
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = rest;
  return schema;
}

/**
 * A package: a derivation (a set whose `type` is "derivation") or a store path. A set with an
 * `outPath` is one where that path is a store path, which the schema does not check.
 */
function packageSchema(type: OptionType): JsonSchema {
  return looser(
    {
      anyOf: [
        { type: "object", properties: { type: { enum: ["derivation"] } }, required: ["type"] },
        { type: "string", pattern: "^(?:/nix/store/[^/]*|/[0-9a-z]{52})$" },
        { type: "object", properties: { outPath: {} }, required: ["outPath"] },
      ],
    },
    type,
    "a set with an outPath is accepted without checking that it is a store path",
  );
}

/**
 * An attribute-tagged union: one object schema per tag, each with that tag as its only property
 * (its option's schema); no tag at all accepts nothing.
 */
function attrTagSchema(type: OptionType, stack: Stack): JsonSchema {
  const inner = [...stack, type];
  const tags = type.getSubOptions([]);
  const choices = Object.keys(tags)
    .sort(compareNames)
    .map((tag): JsonSchema => {
      const properties: Record<string, JsonSchema> = {};
      setOwn(properties, tag, optionSchema(tags[tag] as Attrs, inner));
      return { type: "object", properties, required: [tag], additionalProperties: false };
    });
  if (choices.length === 0) return { not: {} };
  return choices.length === 1 ? choices[0]! : { anyOf: choices };
}

function submoduleSchema(type: OptionType, stack: Stack): JsonSchema {
  const inner = [...stack, type];
  const freeform = type.nestedTypes["freeformType"];
  return treeSchema(type.getSubOptions([]), freeform ? freeformSchema(freeform, inner) : false, inner);
}

/** Whether a parameterless catalogue type was narrowed by `addCheck` (its check is not the catalogue's). */
function hasAddedCheck(type: OptionType): boolean {
  const catalogued = namedType(type.name);
  return catalogued !== null && type.functor.payload === null && catalogued.name === type.name && catalogued.check !== type.check;
}

function fragment(type: OptionType, stack: Stack): JsonSchema {
  if (stack.includes(type)) return looser({}, type, "it contains itself, and the inner occurrence is not checked");
  const schema = exactOrLooser(type, stack);
  return hasAddedCheck(type) && schema.description === undefined
    ? looser(schema, type, "its additional check is not expressed")
    : schema;
}

function exactOrLooser(type: OptionType, stack: Stack): JsonSchema {
  const byName = scalarSchemas[type.name];
  if (byName !== undefined) return { ...byName };
  if (type.name === "intBetween" || sizedInt.test(type.name)) return ranged(type, "integer");
  if (type.name === "numberBetween") return ranged(type, "number");
  if (type.name.startsWith("passwdEntry ")) return passwdEntrySchema(type, stack);
  const inner = [...stack, type];
  switch (type.functor.name) {
    case "strMatching":
      return strMatchingSchema(type);
    case "separatedString":
      return { type: "string" };
    case "path":
      return pathSchema(type);
    case "enum":
      return enumSchema(type);
    case "listOf":
      return listSchema(type, stack);
    case "attrsWith":
      return { type: "object", additionalProperties: fragment(type.nestedTypes["elemType"]!, inner) };
    case "nullOr":
      return anyOf([{ type: "null" }, fragment(type.nestedTypes["elemType"]!, inner)]);
    case "either":
      return anyOf(alternatives(type, stack));
    case "unique":
      return fragment(type.nestedTypes["elemType"]!, inner);
    case "submodule":
      return submoduleSchema(type, stack);
    case "attrTag":
      return attrTagSchema(type, stack);
    case "package":
      return packageSchema(type);
    case "functionTo":
      return looser({}, type, "a function is not representable in JSON; any value accepted");
    case "deferredModuleWith":
      return looser({ anyOf: [{ type: "object" }, { type: "string" }] }, type, "a module (a set, or the path of a file); its options are not checked");
    default:
      break;
  }
  if (type.name === "coercedTo") return coercedToSchema(type, stack);
  if (type.name === "optionType") return looser({}, type, "an option type is not representable in JSON; any value accepted");
  // A type renamed with `//` (Nix) or a spread (here) keeps its family's functor.
  const family = scalarSchemas[type.functor.name];
  if (family !== undefined) return { ...family };
  return looser({}, type, `no schema is known for the type "${type.description}"; any value accepted`);
}

/**
 * The JSON Schema fragment of the values of `type` as a data file writes them (draft-07, without
 * `$schema`). Submodules give objects of their declared options (`required`: those without a
 * default), closed unless they have a free-form type.
 * @example jsonSchemaOf(types.attrsOf(types.ints.u8)) // { type: "object", additionalProperties: { type: "integer", minimum: 0, maximum: 255 } }
 */
export function jsonSchemaOf(type: OptionType): JsonSchema {
  return fragment(type, []);
}

/**
 * The whole JSON Schema (draft-07, with `$schema`) of a set of options: an evaluation's `options`,
 * or a submodule type (its options and free-form type). `title` names it where given.
 * @example optionsJsonSchema(lib.evalModules({ modules }).options, { title: "My configuration" })
 */
export function optionsJsonSchema(options: Readonly<Attrs> | OptionType, meta: { title?: string } = {}): JsonSchema {
  const body = isOptionType(options) ? jsonSchemaOf(options) : treeSchema(options as Attrs, false, []);
  return { $schema: jsonSchemaDraft, ...(meta.title === undefined ? {} : { title: meta.title }), ...body };
}
