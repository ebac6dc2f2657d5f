// Descriptions of nested types: Nixpkgs parenthesises an inner description only where its
// descriptionClass calls for it. Every expected string is what Nixpkgs gives for the same type.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";

const t = lib.types;
const toStr = (x: unknown) => String(x);

const cases: Array<[string, () => OptionType, string]> = [
  ["attrsOf (listOf int)", () => t.attrsOf(t.listOf(t.int)), "attribute set of list of signed integer"],
  ["listOf (nullOr str)", () => t.listOf(t.nullOr(t.str)), "list of (null or string)"],
  ["listOf (enum of two)", () => t.listOf(t.enum(["a", "b"])), 'list of (one of "a", "b")'],
  ["listOf (enum of one)", () => t.listOf(t.enum(["a"])), 'list of value "a" (singular enum)'],
  ["listOf submodule", () => t.listOf(t.submodule({})), "list of (submodule)"],
  ["attrsOf submodule", () => t.attrsOf(t.submodule({})), "attribute set of (submodule)"],
  ["listOf ints.unsigned", () => t.listOf(t.ints.unsigned), "list of (unsigned integer, meaning >=0)"],
  ["listOf (either int str)", () => t.listOf(t.either(t.int, t.str)), "list of (signed integer or string)"],
  ["nullOr (listOf int)", () => t.nullOr(t.listOf(t.int)), "null or (list of signed integer)"],
  ["nullOr (either int str)", () => t.nullOr(t.either(t.int, t.str)), "null or signed integer or string"],
  ["nullOr ints.positive", () => t.nullOr(t.ints.positive), "null or (positive integer, meaning >0)"],
  ["nullOr (enum of two)", () => t.nullOr(t.enum(["a", "b"])), 'null or one of "a", "b"'],
  ["either ints.unsigned str", () => t.either(t.ints.unsigned, t.str), "unsigned integer, meaning >=0, or string"],
  ["either str ints.unsigned", () => t.either(t.str, t.ints.unsigned), "string or (unsigned integer, meaning >=0)"],
  ["either (listOf int) str", () => t.either(t.listOf(t.int), t.str), "(list of signed integer) or string"],
  ["either str (listOf int)", () => t.either(t.str, t.listOf(t.int)), "string or list of signed integer"],
  ["either str (nullOr int)", () => t.either(t.str, t.nullOr(t.int)), "string or null or signed integer"],
  ["either attrs str", () => t.either(t.attrs, t.str), "(attribute set) or string"],
  ["either str attrs", () => t.either(t.str, t.attrs), "string or (attribute set)"],
  ["either str submodule", () => t.either(t.str, t.submodule({})), "string or (submodule)"],
  [
    "either ints.unsigned (either str bool)",
    () => t.either(t.ints.unsigned, t.either(t.str, t.bool)),
    "unsigned integer, meaning >=0, or string or boolean",
  ],
  ["functionTo (listOf str)", () => t.functionTo(t.listOf(t.str)), "function that evaluates to a(n) list of string"],
  ["functionTo (nullOr str)", () => t.functionTo(t.nullOr(t.str)), "function that evaluates to a(n) (null or string)"],
  [
    "coercedTo int to listOf str",
    () => t.coercedTo(t.int, (x: number) => [String(x)], t.listOf(t.str)),
    "(list of string) or signed integer convertible to it",
  ],
  ["coercedTo listOf str to str", () => t.coercedTo(t.listOf(t.str), toStr, t.str), "string or (list of string) convertible to it"],
  ["coercedTo nullOr int to str", () => t.coercedTo(t.nullOr(t.int), toStr, t.str), "string or (null or signed integer) convertible to it"],
  ["nonEmptyListOf (nullOr int)", () => t.nonEmptyListOf(t.nullOr(t.int)), "non-empty (list of (null or signed integer))"],
  ["uniq (listOf int)", () => t.uniq(t.listOf(t.int)), "list of signed integer"],
  ["listOf (uniq (nullOr int))", () => t.listOf(t.uniq(t.nullOr(t.int))), "list of (null or signed integer)"],
  ["listOf (uniq ints.unsigned)", () => t.listOf(t.uniq(t.ints.unsigned)), "list of (unsigned integer, meaning >=0)"],
  ["attrsOf attrs", () => t.attrsOf(t.attrs), "attribute set of (attribute set)"],
  ["listOf (attrsOf int)", () => t.listOf(t.attrsOf(t.int)), "list of attribute set of signed integer"],
  ["lazyAttrsOf (either int bool)", () => t.lazyAttrsOf(t.either(t.int, t.bool)), "lazy attribute set of (signed integer or boolean)"],
  [
    "attrsOf numbers.positive",
    () => t.attrsOf(t.numbers.positive),
    "attribute set of (positive integer or floating point number, meaning >0)",
  ],
  ["listOf coercedTo", () => t.listOf(t.coercedTo(t.int, toStr, t.str)), "list of (string or signed integer convertible to it)"],
  ["nullOr submodule", () => t.nullOr(t.submodule({})), "null or (submodule)"],
  ["listOf port", () => t.listOf(t.port), "list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)"],
  ["listOf (passwdEntry str)", () => t.listOf(t.passwdEntry(t.str)), "list of (string, not containing newlines or colons)"],
  ["listOf (functionTo int)", () => t.listOf(t.functionTo(t.int)), "list of function that evaluates to a(n) signed integer"],
  ["listOf (nonEmptyListOf int)", () => t.listOf(t.nonEmptyListOf(t.int)), "list of non-empty (list of signed integer)"],
  ["nullOr (nullOr int)", () => t.nullOr(t.nullOr(t.int)), "null or null or signed integer"],
  [
    "listOf (open submodule)",
    () => t.listOf(t.submodule({ freeformType: t.attrsOf(t.str) })),
    "list of (open submodule of attribute set of string)",
  ],
  [
    "attrsOf (listOf (attrsOf (nullOr str)))",
    () => t.attrsOf(t.listOf(t.attrsOf(t.nullOr(t.str)))),
    "attribute set of list of attribute set of (null or string)",
  ],
  ["oneOf [int str bool]", () => t.oneOf([t.int, t.str, t.bool]), "signed integer or string or boolean"],
];

describe("nested descriptions", () => {
  test.each(cases)("%s is described as Nixpkgs does", (_label, make, description) => {
    expect(make().description).toBe(description);
  });
});
