// Nix's toString: the expected texts are what `nix-instantiate --eval --strict` gives for
// `map toString [ ... ]` of the same values (Nix prints a float as C's %f).
import { describe, expect, test } from "vitest";
import { nixToString, showFloat } from "../../src/lib/index.js";

describe("showFloat", () => {
  test.each([
    [3.14, "3.140000"],
    [1 / 128, "0.007812"],
    [-1 / 128, "-0.007812"],
    [3 / 1024, "0.002930"],
    [1e-7, "0.000000"],
    [123456789.123456789, "123456789.123457"],
    [0.5, "0.500000"],
    [2.5e-6, "0.000003"],
    [
      1e300,
      "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000",
    ],
  ])("%s is %s, as Nix prints it", (x, text) => {
    expect(showFloat(x)).toBe(text);
  });

  test("a tie rounds to even, where toFixed rounds up", () => {
    expect((1 / 128).toFixed(6)).toBe("0.007813");
    expect(showFloat(1 / 128)).toBe("0.007812");
    expect(showFloat(3 / 128)).toBe("0.023438");
  });

  test("zero, negative zero, the smallest subnormal, infinities and NaN print as %f does", () => {
    expect(showFloat(0)).toBe("0.000000");
    expect(showFloat(-0)).toBe("-0.000000");
    expect(showFloat(Number.MIN_VALUE)).toBe("0.000000");
    expect(showFloat(Infinity)).toBe("inf");
    expect(showFloat(-Infinity)).toBe("-inf");
    expect(showFloat(NaN)).toBe("nan");
  });
});

describe("nixToString", () => {
  test("lists join their items with spaces; true is 1, false and null are empty", () => {
    expect(nixToString([1, true, null, "a"])).toBe("1 1  a");
    expect(nixToString(false)).toBe("");
  });

  test("a set prints through __toString or outPath, and another set has no string", () => {
    expect(nixToString({ __toString: (self: { n: number }) => `n=${self.n}`, n: 2 })).toBe("n=2");
    expect(nixToString({ outPath: "/nix/store/x" })).toBe("/nix/store/x");
    expect(nixToString({ a: 1 })).toBeNull();
  });
});
