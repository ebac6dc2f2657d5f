// Integer ranges (ints.*, port), floats, numbers and their ranges; expected values from Nixpkgs.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";
import { expectOptionError, valueOf } from "./helpers.js";

const t = lib.types;

function identity(type: OptionType): [string, string, unknown] {
  return [type.name, type.description, type.descriptionClass];
}

describe("types.ints.between", () => {
  test("is named intBetween and describes its bounds, both inclusive", () => {
    expect(identity(t.ints.between(0, 10))).toEqual(["intBetween", "integer between 0 and 10 (both inclusive)", "noun"]);
    expect(t.ints.between(-5, 5).description).toBe("integer between -5 and 5 (both inclusive)");
  });

  test("check accepts integers within the bounds only", () => {
    const range = t.ints.between(-5, 5);
    expect([-5, 5, 6, -6, 0.5, "1"].map((v) => range.check(v))).toEqual([true, true, false, false, false, false]);
  });

  test("a value at the bound is accepted and one past it is a TypeMismatch naming the range", () => {
    expect(valueOf(t.ints.between(0, 10), [10])).toBe(10);
    expectOptionError(t.ints.between(0, 10), [11], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "integer between 0 and 10 (both inclusive)"],
    });
  });

  test("different values conflict as for int", () => {
    expectOptionError(t.ints.between(0, 10), [1, 2], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("a lower bound above the upper bound is refused", () => {
    expect(() => t.ints.between(5, 0)).toThrow();
  });
});

describe("types.ints.unsigned and types.ints.positive", () => {
  test("unsigned is unsignedInt, a non-restrictive clause", () => {
    expect(identity(t.ints.unsigned)).toEqual(["unsignedInt", "unsigned integer, meaning >=0", "nonRestrictiveClause"]);
  });

  test("positive is positiveInt, a non-restrictive clause", () => {
    expect(identity(t.ints.positive)).toEqual(["positiveInt", "positive integer, meaning >0", "nonRestrictiveClause"]);
  });

  test("unsigned accepts 0 and up, integers only", () => {
    expect([0, 1, -1, 1.5].map((v) => t.ints.unsigned.check(v))).toEqual([true, true, false, false]);
  });

  test("positive accepts 1 and up", () => {
    expect([1, 0, -1].map((v) => t.ints.positive.check(v))).toEqual([true, false, false]);
  });

  test("a negative unsigned and a zero positive are TypeMismatches naming the type", () => {
    expectOptionError(t.ints.unsigned, [-1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "unsigned integer, meaning >=0"] });
    expectOptionError(t.ints.positive, [0], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "positive integer, meaning >0"] });
  });
});

describe("sized integers", () => {
  const sized: Array<[string, OptionType, string, string, number, number]> = [
    ["u8", t.ints.u8, "unsignedInt8", "8 bit unsigned integer; between 0 and 255 (both inclusive)", 0, 255],
    ["u16", t.ints.u16, "unsignedInt16", "16 bit unsigned integer; between 0 and 65535 (both inclusive)", 0, 65535],
    ["u32", t.ints.u32, "unsignedInt32", "32 bit unsigned integer; between 0 and 4294967295 (both inclusive)", 0, 4294967295],
    ["s8", t.ints.s8, "signedInt8", "8 bit signed integer; between -128 and 127 (both inclusive)", -128, 127],
    ["s16", t.ints.s16, "signedInt16", "16 bit signed integer; between -32768 and 32767 (both inclusive)", -32768, 32767],
    [
      "s32",
      t.ints.s32,
      "signedInt32",
      "32 bit signed integer; between -2147483648 and 2147483647 (both inclusive)",
      -2147483648,
      2147483647,
    ],
  ];

  test.each(sized)("ints.%s has Nixpkgs' name and description", (_key, type, name, description) => {
    expect(identity(type)).toEqual([name, description, "noun"]);
  });

  test.each(sized)("ints.%s accepts its bounds and refuses one past each", (_key, type, _name, _desc, lo, hi) => {
    expect([lo, hi, lo - 1, hi + 1, 1.5].map((v) => type.check(v))).toEqual([true, true, false, false, false]);
  });

  test("a value out of range is a TypeMismatch naming the file and the range", () => {
    expectOptionError(t.ints.s8, [-129], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "8 bit signed integer; between -128 and 127 (both inclusive)"],
    });
  });

  test("equal definitions merge and different ones conflict", () => {
    expect(valueOf(t.ints.u8, [1, 1])).toBe(1);
    expectOptionError(t.ints.u8, [1, 2], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });
});

describe("types.port", () => {
  test("is ints.u16: unsignedInt16, 16 bit unsigned integer", () => {
    expect(identity(t.port)).toEqual(["unsignedInt16", "16 bit unsigned integer; between 0 and 65535 (both inclusive)", "noun"]);
  });

  test("check accepts 0 to 65535", () => {
    expect([0, 80, 65535, 65536, -1].map((v) => t.port.check(v))).toEqual([true, true, true, false, false]);
  });

  test("equal ports merge; different ports conflict naming both files", () => {
    expect(valueOf(t.port, [8080, 8080])).toBe(8080);
    expectOptionError(t.port, [80, 8080], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix", "8080"] });
  });

  test("65536 is a TypeMismatch", () => {
    expectOptionError(t.port, [65536], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "65536"] });
  });
});

describe("types.float", () => {
  test("is named float and described as floating point number", () => {
    expect(identity(t.float)).toEqual(["float", "floating point number", "noun"]);
  });

  test("check accepts non-integral numbers only", () => {
    expect([1.5, -0.25, 1, "1.5"].map((v) => t.float.check(v))).toEqual([true, true, false, false]);
  });

  test("equal floats merge; different floats conflict", () => {
    expect(valueOf(t.float, [1.5, 1.5])).toBe(1.5);
    expectOptionError(t.float, [1.5, 2.5], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("an integer is a TypeMismatch naming the type", () => {
    expectOptionError(t.float, [1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "floating point number"] });
  });
});

describe("types.number", () => {
  test("is either int or float, named either", () => {
    expect(identity(t.number)).toEqual(["either", "signed integer or floating point number", "conjunction"]);
  });

  test("check accepts integers and floats only", () => {
    expect([1, 1.5, "1", true].map((v) => t.number.check(v))).toEqual([true, true, false, false]);
  });

  test("equal definitions merge, as integers or as floats", () => {
    expect(valueOf(t.number, [1, 1])).toBe(1);
    expect(valueOf(t.number, [1.5, 1.5])).toBe(1.5);
  });

  test("different floats conflict", () => {
    expectOptionError(t.number, [1.5, 2.5], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("an integer and a float together fit neither branch: TypeMismatch", () => {
    expectOptionError(t.number, [1, 1.5], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("a string is a TypeMismatch", () => {
    expectOptionError(t.number, ["x"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix"] });
  });
});

describe("types.numbers", () => {
  test("between is numberBetween, worded for integers or floats", () => {
    expect(identity(t.numbers.between(0, 1))).toEqual([
      "numberBetween",
      "integer or floating point number between 0 and 1 (both inclusive)",
      "conjunction",
    ]);
    expect(t.numbers.between(0.5, 2.5).description).toBe(
      "integer or floating point number between 0.5 and 2.5 (both inclusive)",
    );
  });

  test("nonnegative and positive are non-restrictive clauses", () => {
    expect(identity(t.numbers.nonnegative)).toEqual([
      "numberNonnegative",
      "nonnegative integer or floating point number, meaning >=0",
      "nonRestrictiveClause",
    ]);
    expect(identity(t.numbers.positive)).toEqual([
      "numberPositive",
      "positive integer or floating point number, meaning >0",
      "nonRestrictiveClause",
    ]);
  });

  test("between accepts numbers within the bounds, integral or not", () => {
    const unit = t.numbers.between(0, 1);
    expect([0, 1, 0.5, 1.5, -0.1, "0"].map((v) => unit.check(v))).toEqual([true, true, true, false, false, false]);
  });

  test("nonnegative accepts 0 and up; positive refuses 0", () => {
    expect([0, 0.1, -0.1, -1].map((v) => t.numbers.nonnegative.check(v))).toEqual([true, true, false, false]);
    expect([0, 0.1, -0.1, 1].map((v) => t.numbers.positive.check(v))).toEqual([false, true, false, true]);
  });

  test("values out of range are TypeMismatches naming the type", () => {
    expect(valueOf(t.numbers.between(0, 1), [0.5])).toBe(0.5);
    expectOptionError(t.numbers.between(0, 1), [1.5], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "integer or floating point number between 0 and 1 (both inclusive)"],
    });
    expectOptionError(t.numbers.nonnegative, [-0.5], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix"] });
    expectOptionError(t.numbers.positive, [0], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix"] });
  });
});
