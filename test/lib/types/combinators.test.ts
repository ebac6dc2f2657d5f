// Types built from other types: nullOr, either, oneOf, coercedTo, addCheck, uniq, unique,
// functionTo, enum. Expected values are what Nixpkgs gives.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";
import { evalOption, expectOptionError, valueOf } from "./helpers.js";

const t = lib.types;

function identity(type: OptionType): [string, string, unknown] {
  return [type.name, type.description, type.descriptionClass];
}

describe("types.nullOr", () => {
  test("is named nullOr, a conjunction, described as null or its element", () => {
    expect(identity(t.nullOr(t.int))).toEqual(["nullOr", "null or signed integer", "conjunction"]);
  });

  test("check accepts null and values of the element type", () => {
    expect([null, 1, "x"].map((v) => t.nullOr(t.int).check(v))).toEqual([true, true, false]);
  });

  test("all-null definitions give null", () => {
    expect(valueOf(t.nullOr(t.int), [null, null])).toBe(null);
  });

  test("non-null definitions merge as the element type", () => {
    expect(valueOf(t.nullOr(t.int), [3, 3])).toBe(3);
    expect(valueOf(t.nullOr(t.listOf(t.int)), [[1], [2]])).toEqual([2, 1]);
    expectOptionError(t.nullOr(t.int), [3, 4], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("null in one module and a value in another are ConflictingDefinitions naming both files", () => {
    expectOptionError(t.nullOr(t.int), [null, 3], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("mkForce null beats a plain value", () => {
    expect(valueOf(t.nullOr(t.int), [lib.mkForce(null), 3])).toBe(null);
  });

  test("a value of neither kind is a TypeMismatch naming the type", () => {
    expectOptionError(t.nullOr(t.int), ["x"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "null or signed integer"] });
  });

  test("with no definition its value is null", () => {
    expect(valueOf(t.nullOr(t.int), [])).toBe(null);
  });

  test("a submodule element is evaluated when defined and null when not", () => {
    const sub = t.nullOr(t.submodule({ options: { x: lib.mkOption({ type: t.int, default: 1 }) } }));
    expect(valueOf(sub, [{}])).toEqual({ x: 1 });
    expect(valueOf(sub, [])).toBe(null);
  });
});

describe("types.either", () => {
  test("is named either, a conjunction, described as one or the other", () => {
    expect(identity(t.either(t.int, t.str))).toEqual(["either", "signed integer or string", "conjunction"]);
  });

  test("check accepts values of either type", () => {
    expect([1, "x", true, null].map((v) => t.either(t.int, t.str).check(v))).toEqual([true, true, false, false]);
  });

  test("definitions all of one branch merge by that branch", () => {
    expect(valueOf(t.either(t.int, t.str), [1, 1])).toBe(1);
    expect(valueOf(t.either(t.int, t.str), ["a", "a"])).toBe("a");
    const listOrSet = t.either(t.listOf(t.int), t.attrsOf(t.int));
    expect(valueOf(listOrSet, [[1], [2]])).toEqual([2, 1]);
    expect(valueOf(listOrSet, [{ a: 1 }, { b: 2 }])).toEqual({ a: 1, b: 2 });
  });

  test("definitions that fit different branches are a TypeMismatch naming both files", () => {
    expectOptionError(t.either(t.int, t.str), [1, "a"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("a value of neither type is a TypeMismatch naming both types", () => {
    expectOptionError(t.either(t.int, t.str), [true], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "signed integer", "string"],
    });
  });

  test("an element error inside the chosen branch keeps its own path", () => {
    expectOptionError(t.either(t.str, t.listOf(t.int)), [[1, "x"]], {
      kind: "TypeMismatch",
      path: ["a", "[definition 1-entry 2]"],
      includes: ["m1.nix"],
    });
  });

  test("with no definition reading it is NoDefinition", () => {
    expectOptionError(t.either(t.int, t.str), [], { kind: "NoDefinition", path: ["a"] });
  });
});

describe("types.oneOf", () => {
  test("is either folded over the list, named either", () => {
    expect(identity(t.oneOf([t.int, t.str, t.bool]))).toEqual(["either", "signed integer or string or boolean", "conjunction"]);
  });

  test("accepts a value of any of the types", () => {
    expect(valueOf(t.oneOf([t.bool, t.int, t.str]), ["x"])).toBe("x");
  });

  test("a value of none of them is a TypeMismatch", () => {
    expectOptionError(t.oneOf([t.bool, t.int, t.str]), [1.5], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix"] });
  });

  test("an empty list of types is refused", () => {
    expect(() => t.oneOf([])).toThrow();
  });
});

describe("types.coercedTo", () => {
  const intToStr = t.coercedTo(t.int, (x: number) => String(x), t.str);

  test("is named coercedTo and described as the final type or the coerced type convertible to it", () => {
    expect(identity(intToStr)).toEqual(["coercedTo", "string or signed integer convertible to it", null]);
  });

  test("check accepts final values and coercible values", () => {
    expect([1, "1", true].map((v) => intToStr.check(v))).toEqual([true, true, false]);
  });

  test("a value of the coerced type is converted", () => {
    expect(valueOf(intToStr, [5])).toBe("5");
    expect(valueOf(intToStr, ["5"])).toBe("5");
  });

  test("converted and final definitions merge as the final type", () => {
    expect(valueOf(intToStr, [5, "5"])).toBe("5");
    const strToList = t.coercedTo(t.str, (x: string) => [x], t.listOf(t.str));
    expect(valueOf(strToList, ["a", ["b"]])).toEqual(["b", "a"]);
  });

  test("a value of neither type is a TypeMismatch naming the description", () => {
    expectOptionError(intToStr, [true], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "string or signed integer convertible to it"],
    });
  });

  test("the final type's element errors keep their path", () => {
    const strToList = t.coercedTo(t.str, (x: string) => [x], t.listOf(t.str));
    expectOptionError(strToList, [["b", 1]], {
      kind: "TypeMismatch",
      path: ["a", "[definition 1-entry 2]"],
      includes: ["m1.nix"],
    });
  });

  test("a coerced type with submodules is refused", () => {
    expect(() => t.coercedTo(t.submodule({}), (x: unknown) => x, t.attrs)).toThrow();
  });
});

describe("types.addCheck", () => {
  test("keeps the name, description and class of the type it narrows", () => {
    expect(identity(t.addCheck(t.int, () => true))).toEqual(["int", "signed integer", "noun"]);
    expect(identity(t.addCheck(t.ints.positive, (x) => x < 10))).toEqual([
      "positiveInt",
      "positive integer, meaning >0",
      "nonRestrictiveClause",
    ]);
    expect(t.addCheck(t.listOf(t.int), () => true).name).toBe("listOf");
  });

  test("check needs both the type's check and the predicate", () => {
    const big = t.addCheck(t.int, (x) => x > 2);
    expect([3, 1, "5"].map((v) => big.check(v))).toEqual([true, false, false]);
  });

  test("a value failing the predicate is a TypeMismatch naming the original description", () => {
    expect(valueOf(t.addCheck(t.int, (x) => x > 2), [3])).toBe(3);
    expectOptionError(t.addCheck(t.int, (x) => x > 2), [1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "signed integer"] });
  });

  test("merges as the original type", () => {
    expectOptionError(t.addCheck(t.int, (x) => x > 2), [3, 4], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("the predicate applies to each definition, not to the merged value", () => {
    const short = t.addCheck(t.listOf(t.int), (x) => x.length < 3);
    expect(valueOf(short, [[1, 2], [3]])).toEqual([3, 1, 2]);
    expectOptionError(short, [[1, 2, 3]], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "list of signed integer"] });
  });
});

describe("types.uniq and types.unique", () => {
  test("uniq is named unique and keeps its element's description and class", () => {
    expect(identity(t.uniq(t.int))).toEqual(["unique", "signed integer", "noun"]);
    expect(identity(t.uniq(t.ints.unsigned))).toEqual(["unique", "unsigned integer, meaning >=0", "nonRestrictiveClause"]);
    expect(identity(t.unique({ message: "m" }, t.listOf(t.int)))).toEqual(["unique", "list of signed integer", "composite"]);
  });

  test("check is the element's check", () => {
    expect([1, "1"].map((v) => t.uniq(t.int).check(v))).toEqual([true, false]);
  });

  test("a single definition is merged by the element type", () => {
    expect(valueOf(t.uniq(t.int), [1])).toBe(1);
    expect(valueOf(t.uniq(t.listOf(t.int)), [[1, 2]])).toEqual([1, 2]);
  });

  test("the element type still checks the single definition's entries", () => {
    expectOptionError(t.uniq(t.listOf(t.int)), [[1, "x"]], {
      kind: "TypeMismatch",
      path: ["a", "[definition 1-entry 2]"],
      includes: ["m1.nix"],
    });
  });

  test("two definitions, even equal, are a UniqueViolation naming both files", () => {
    expectOptionError(t.uniq(t.int), [1, 1], { kind: "UniqueViolation", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("unique adds its message to the UniqueViolation", () => {
    expectOptionError(t.unique({ message: "Set it once." }, t.int), [1, 2], {
      kind: "UniqueViolation",
      path: ["a"],
      includes: ["m1.nix", "m2.nix", "Set it once."],
    });
  });

  test("mkForce on one of two definitions leaves a single definition", () => {
    expect(valueOf(t.uniq(t.int), [lib.mkForce(1), 2])).toBe(1);
  });

  test("a value of the wrong type is a TypeMismatch, not a UniqueViolation", () => {
    expectOptionError(t.uniq(t.int), ["x"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "signed integer"] });
  });
});

describe("types.functionTo", () => {
  test("is named functionTo, a composite, described as a function that evaluates to a(n) value", () => {
    expect(identity(t.functionTo(t.int))).toEqual(["functionTo", "function that evaluates to a(n) signed integer", "composite"]);
  });

  test("check accepts functions only", () => {
    expect([(x: unknown) => x, 1].map((v) => t.functionTo(t.int).check(v))).toEqual([true, false]);
  });

  test("a single function is called through", () => {
    const f = evalOption(t.functionTo(t.int), [(x: number) => x + 1]).config["a"] as (x: number) => unknown;
    expect(f(1)).toBe(2);
  });

  test("the results of several functions are merged by the element type", () => {
    const f = evalOption(t.functionTo(t.listOf(t.int)), [(x: number) => [x], (x: number) => [x + 1]]).config["a"] as (x: number) => unknown;
    expect(f(1)).toEqual([2, 1]);
    const g = evalOption(t.functionTo(t.attrsOf(t.int)), [(x: number) => ({ a: x }), (x: number) => ({ b: x })]).config["a"] as (
      x: number,
    ) => unknown;
    expect(g(5)).toEqual({ a: 5, b: 5 });
  });

  test("conflicting results are ConflictingDefinitions at <function body>", () => {
    const f = evalOption(t.functionTo(t.int), [(x: number) => x, (x: number) => x + 1]).config["a"] as (x: number) => unknown;
    expect(() => f(1)).toThrow(
      expect.objectContaining({ kind: "ConflictingDefinitions", path: ["a", "<function body>"], message: expect.stringContaining("m2.nix") }),
    );
  });

  test("a result of the wrong type is a TypeMismatch at <function body>", () => {
    const f = evalOption(t.functionTo(t.int), [() => "s"]).config["a"] as (x: number) => unknown;
    expect(() => f(1)).toThrow(
      expect.objectContaining({ kind: "TypeMismatch", path: ["a", "<function body>"], message: expect.stringContaining("m1.nix") }),
    );
  });

  test("a definition that is not a function is a TypeMismatch", () => {
    expectOptionError(t.functionTo(t.int), [1], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "function that evaluates to a(n) signed integer"],
    });
  });
});

describe("types.enum", () => {
  test("is named enum and lists its values as Nix shows them", () => {
    expect(identity(t.enum(["a", 1, true]))).toEqual(["enum", 'one of "a", 1, true', "conjunction"]);
  });

  test("a single value is a singular enum and no value an impossible one, both nouns", () => {
    expect(identity(t.enum(["a"]))).toEqual(["enum", 'value "a" (singular enum)', "noun"]);
    expect(identity(t.enum([]))).toEqual(["enum", "impossible (empty enum)", "noun"]);
  });

  test("check accepts exactly the listed values, without conversion", () => {
    const e = t.enum(["a", 1, true]);
    expect(["a", 1, true, "b", 2, false, "1"].map((v) => e.check(v))).toEqual([true, true, true, false, false, false, false]);
    expect(["a", null].map((v) => t.enum([]).check(v))).toEqual([false, false]);
  });

  test("equal definitions merge; different listed values conflict naming both files", () => {
    expect(valueOf(t.enum(["a", "b"]), ["a", "a"])).toBe("a");
    expectOptionError(t.enum(["a", "b"]), ["a", "b"], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("an unlisted value is a TypeMismatch naming the values", () => {
    expectOptionError(t.enum(["a", "b"]), ["c"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", 'one of "a", "b"'] });
    expectOptionError(t.enum([1, 2]), ["1"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "one of 1, 2"] });
    expectOptionError(t.enum([]), ["a"], { kind: "TypeMismatch", path: ["a"], includes: ["impossible (empty enum)"] });
  });
});
