// The types of single values: raw, anything, unspecified, bool, boolByOr, int, and mkOptionType.
// Expected values are what Nixpkgs' lib.types gives for the same definitions (see helpers.ts).
import { describe, expect, test } from "vitest";
import { lib } from "../../../src/index.js";
import { evalOption, expectOptionError, valueOf } from "./helpers.js";

const t = lib.types;

describe("types.raw", () => {
  test("is named raw and described as a raw value, a noun", () => {
    expect([t.raw.name, t.raw.description, t.raw.descriptionClass]).toEqual(["raw", "raw value", "noun"]);
  });

  test("check accepts every kind of value", () => {
    for (const v of [1, "x", null, [], {}, () => 1, true]) expect(t.raw.check(v)).toBe(true);
  });

  test("a single definition is taken as it is, unmerged", () => {
    const value = { nested: { list: [1] } };
    expect(evalOption(t.raw, [value]).config["a"]).toBe(value);
  });

  test("two equal definitions are a UniqueViolation naming both files", () => {
    expectOptionError(t.raw, [1, 1], { kind: "UniqueViolation", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("mkForce on one of two definitions leaves a single definition", () => {
    expect(valueOf(t.raw, [lib.mkForce(1), 2])).toBe(1);
  });
});

describe("types.anything", () => {
  test("is named anything and described as anything", () => {
    expect([t.anything.name, t.anything.description, t.anything.descriptionClass]).toEqual(["anything", "anything", "noun"]);
  });

  test("check accepts every kind of value", () => {
    for (const v of [{}, [], "x", null, 1]) expect(t.anything.check(v)).toBe(true);
  });

  test("attribute sets merge recursively", () => {
    expect(valueOf(t.anything, [{ a: 1 }, { b: 2 }])).toEqual({ a: 1, b: 2 });
    expect(valueOf(t.anything, [{ a: { b: 1 } }, { a: { c: [2] } }])).toEqual({ a: { b: 1, c: [2] } });
  });

  test("priorities apply inside attribute sets", () => {
    expect(valueOf(t.anything, [{ a: lib.mkForce(1) }, { a: 2 }])).toEqual({ a: 1 });
  });

  test("equal scalars merge to that value", () => {
    expect(valueOf(t.anything, [1, 1])).toBe(1);
    expect(valueOf(t.anything, [null, null])).toBe(null);
  });

  test("different integers are ConflictingDefinitions naming both files", () => {
    expectOptionError(t.anything, [1, 2], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("different booleans conflict rather than merging with or", () => {
    expectOptionError(t.anything, [true, false], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("different strings conflict rather than concatenating", () => {
    expectOptionError(t.anything, ["a", "b"], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("lists are not concatenated: different lists conflict", () => {
    expectOptionError(t.anything, [[1], [2]], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("values of different kinds conflict", () => {
    expectOptionError(t.anything, [1, "x"], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("a conflict inside a set names the nested path", () => {
    expectOptionError(t.anything, [{ a: 1 }, { a: 2 }], {
      kind: "ConflictingDefinitions",
      path: ["a", "a"],
      includes: ["m1.nix", "m2.nix"],
    });
    expectOptionError(t.anything, [{ a: null }, { a: 1 }], {
      kind: "ConflictingDefinitions",
      path: ["a", "a"],
      includes: ["m1.nix", "m2.nix"],
    });
  });

  test("functions merge their results", () => {
    const f = evalOption(t.anything, [(x: number) => ({ a: x }), (x: number) => ({ b: x })]).config["a"] as (x: number) => unknown;
    expect(f(1)).toEqual({ a: 1, b: 1 });
  });

  test("conflicting function results name the <function body> path", () => {
    const f = evalOption(t.anything, [(x: number) => x, (x: number) => x + 1]).config["a"] as (x: number) => unknown;
    expect(() => f(1)).toThrow(expect.objectContaining({ kind: "ConflictingDefinitions", path: ["a", "<function body>"] }));
  });

  test("function results are merged as plain values: a mkForce in a result is not a priority", () => {
    const f = evalOption(t.anything, [() => lib.mkForce(1), () => 2]).config["a"] as (x: number) => unknown;
    expect(() => f(0)).toThrow(expect.objectContaining({ kind: "ConflictingDefinitions", path: ["a", "<function body>"] }));
  });
});

describe("types.unspecified", () => {
  test("is named unspecified and described as an unspecified value", () => {
    expect([t.unspecified.name, t.unspecified.description]).toEqual(["unspecified", "unspecified value"]);
  });

  test("lists concatenate in reverse module order", () => {
    expect(valueOf(t.unspecified, [[1], [2]])).toEqual([2, 1]);
  });

  test("sets update shallowly, the earlier module's key winning", () => {
    expect(valueOf(t.unspecified, [{ a: 1 }, { a: 2, b: 3 }])).toEqual({ a: 1, b: 3 });
  });

  test("booleans merge with or", () => {
    expect(valueOf(t.unspecified, [true, false])).toBe(true);
  });

  test("strings concatenate in reverse module order", () => {
    expect(valueOf(t.unspecified, ["a", "b"])).toBe("ba");
  });

  test("equal integers agree", () => {
    expect(valueOf(t.unspecified, [1, 1])).toBe(1);
  });

  test("different integers cannot merge: ConflictingDefinitions naming both files", () => {
    expectOptionError(t.unspecified, [1, 2], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  // A deliberate difference: Nixpkgs' mergeDefaultOption hands bare values where it expects
  // definitions, so calling the merged function fails there ("value is a list while a set was
  // expected"). The engine merges the results, as the function evidently means to.
  test("several function definitions merge their results (Nixpkgs fails here, a bug of its own)", () => {
    const f = evalOption(t.unspecified, [(x: number) => [x], (x: number) => [x + 1]]).config["a"] as (x: number) => unknown;
    expect(f(1)).toEqual([2, 1]);
  });

  test("an option declared without a type is unspecified", () => {
    const r = lib.evalModules({ modules: [{ options: { a: lib.mkOption({}) } }, { a: [1] }, { a: [2] }] });
    expect((r.options["a"] as { type: { name: string } }).type.name).toBe("unspecified");
    expect(r.config["a"]).toEqual([2, 1]);
  });
});

describe("types.bool", () => {
  test("is named bool and described as boolean", () => {
    expect([t.bool.name, t.bool.description, t.bool.descriptionClass]).toEqual(["bool", "boolean", "noun"]);
  });

  test("check accepts true and false only", () => {
    expect([true, false, 1, 0, "true", null].map((v) => t.bool.check(v))).toEqual([true, true, false, false, false, false]);
  });

  test("equal definitions merge to their value", () => {
    expect(valueOf(t.bool, [true, true])).toBe(true);
  });

  test("true and false conflict, naming both files", () => {
    expectOptionError(t.bool, [true, false], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("a non-boolean is a TypeMismatch naming the file and the type", () => {
    expectOptionError(t.bool, [1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "boolean"] });
  });

  test("mkDefault loses to a plain definition", () => {
    expect(valueOf(t.bool, [lib.mkDefault(true), false])).toBe(false);
  });
});

describe("types.boolByOr", () => {
  test("is named boolByOr and described as merged using or", () => {
    expect([t.boolByOr.name, t.boolByOr.description]).toEqual(["boolByOr", "boolean (merged using or)"]);
  });

  test("check accepts booleans only", () => {
    expect([true, false, 1].map((v) => t.boolByOr.check(v))).toEqual([true, true, false]);
  });

  test("definitions merge with or", () => {
    expect(valueOf(t.boolByOr, [false, true, false])).toBe(true);
    expect(valueOf(t.boolByOr, [false, false])).toBe(false);
  });

  test("a non-boolean is a TypeMismatch", () => {
    expectOptionError(t.boolByOr, ["yes"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix"] });
  });
});

describe("types.int", () => {
  test("is named int and described as signed integer", () => {
    expect([t.int.name, t.int.description, t.int.descriptionClass]).toEqual(["int", "signed integer", "noun"]);
  });

  test("check accepts integers, not floats, strings or booleans", () => {
    expect([3, -3, 0, 1.5, "3", true].map((v) => t.int.check(v))).toEqual([true, true, true, false, false, false]);
  });

  test("equal definitions merge to their value", () => {
    expect(valueOf(t.int, [3, 3])).toBe(3);
  });

  test("different integers conflict, naming both files and values", () => {
    expectOptionError(t.int, [3, 4], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix", "3", "4"] });
  });

  test("a string is a TypeMismatch naming the file and the type", () => {
    expectOptionError(t.int, ["3"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "signed integer"] });
  });

  test("a float is a TypeMismatch", () => {
    expectOptionError(t.int, [1.5], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "1.5"] });
  });

  test("the highest priority wins before values are compared", () => {
    expect(valueOf(t.int, [lib.mkDefault(1), lib.mkDefault(1), 3])).toBe(3);
  });
});

describe("mkOptionType", () => {
  test("description defaults to the name and check to accepting everything", () => {
    const foo = lib.mkOptionType({ name: "foo" });
    expect([foo.name, foo.description, foo.descriptionClass, foo.check(42)]).toEqual(["foo", "foo", null, true]);
  });

  test("a custom check makes other values a TypeMismatch naming the description", () => {
    const even = lib.mkOptionType({
      name: "even",
      description: "even integer",
      check: (x) => Number.isInteger(x) && (x as number) % 2 === 0,
    });
    expect(valueOf(even, [2])).toBe(2);
    expectOptionError(even, [3], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "even integer"] });
  });

  test("the default merge concatenates lists as unspecified does", () => {
    expect(valueOf(lib.mkOptionType({ name: "foo" }), [[1], [2]])).toEqual([2, 1]);
  });
});
