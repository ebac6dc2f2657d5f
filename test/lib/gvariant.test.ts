// lib.gvariant against Nix: each expected text is what `nix-instantiate --eval --strict --json`
// gives for `toString` of the Nix expression beside it on the reference revision of Nixpkgs
// (../shared/nixpkgs-lib/lib/gvariant.nix), and each error Nix's message. modules.sh 201 runs
// lib/tests/modules/gvariant.nix (test/modules-sh).
import { describe, expect, test } from "vitest";
import { lib } from "../../src/lib/index.js";
import { thrownBy } from "../support/module-errors.js";

const g = lib.gvariant;

describe("lib.gvariant prints as Nix's toString does", () => {
  const cases: readonly (readonly [string, unknown, string])[] = [
    [`mkValue [ "a" "b'c" ]`, g.mkValue(["a", "b'c"]), "@as ['a','b\\'c']"],
    ["mkValue 1.5", g.mkValue(1.5), "1.500000"],
    ["mkDouble (1.0 / 128)", g.mkDouble(1 / 128), "0.007812"],
    ["mkDouble 1.0e20", g.mkDouble(1e20), "100000000000000000000.000000"],
    [`mkValue "line\\nnext\\\\end"`, g.mkValue("line\nnext\\end"), "'line\\nnext\\\\end'"],
    [`mkObjectpath "/org/it's"`, g.mkObjectpath("/org/it's"), "objectpath '/org/it\\'s'"],
    ["mkUchar 7", g.mkUchar(7), "@y 7"],
    [`mkMaybe type.string "raw"`, g.mkMaybe(g.type.string, "raw"), "just raw"],
    ["mkMaybe type.string null", g.mkMaybe(g.type.string, null), "@ms nothing"],
    [`mkJust "s"`, g.mkJust("s"), "just 's'"],
    ["mkVariant (mkInt32 1)", g.mkVariant(g.mkInt32(1)), "<1>"],
    [`mkArray [ (mkVariant "a") (mkVariant (mkInt32 1)) ]`, g.mkArray([g.mkVariant("a"), g.mkVariant(g.mkInt32(1))]), "@av [<'a'>,<1>]"],
    [
      `mkArray [ (mkDictionaryEntry "url" (mkVariant "x")) (mkDictionaryEntry "name" (mkVariant "y")) ]`,
      g.mkArray([g.mkDictionaryEntry("url", g.mkVariant("x")), g.mkDictionaryEntry("name", g.mkVariant("y"))]),
      "@a{sv} [@{sv} {'url',<'x'>},@{sv} {'name',<'y'>}]",
    ],
    [`mkTuple [ true 2.5 "x" ]`, g.mkTuple([true, 2.5, "x"]), "@(bds) (true,2.500000,'x')"],
    ["mkValue false", g.mkValue(false), "false"],
    ["mkEmptyArray (type.tupleOf [ type.string type.int32 ])", g.mkEmptyArray(g.type.tupleOf([g.type.string, g.type.int32])), "@a(si) []"],
    ["mkNothing (type.arrayOf type.string)", g.mkNothing(g.type.arrayOf(g.type.string)), "@mas nothing"],
    [`mkValue [ [ "a" ] [ "b" "c" ] ]`, g.mkValue([["a"], ["b", "c"]]), "@aas [@as ['a'],@as ['b','c']]"],
    ["mkInt64 (-9007199254740991)", g.mkInt64(-9007199254740991), "@x -9007199254740991"],
  ];
  test.each(cases)("%s", (_nix, value, text) => {
    expect(String(value)).toBe(text);
  });

  test("a value is Nix's set: _type, type, value and __toString, which prints it given it", () => {
    const v = g.mkUint32(42);
    expect(Object.keys(v).sort()).toEqual(["__toString", "_type", "type", "value"]);
    expect(v.__toString({ ...v, value: 43 })).toBe("@u 43");
    expect(g.isGVariant(v)).toBe(true);
    expect(g.isGVariant({ type: "u" })).toBe(false);
    expect(g.mkValue(v)).toBe(v);
  });
});


describe("lib.gvariant refuses what Nix refuses, in its words", () => {
  test("an integer, whose type is unclear: the constructors whose range holds it", () => {
    const e = thrownBy(() => g.mkValue(-1));
    expect(e.kind).toBe("InvalidDefinition");
    expect(e.message).toBe(
      "The GVariant type for number “-1” is unclear.\n" +
        "Please wrap the value with one of the following, depending on the value type in GSettings schema:\n" +
        "- `lib.gvariant.mkInt32` for `i`\n- `lib.gvariant.mkInt64` for `x`\n- `lib.gvariant.mkInt16` for `n`\n",
    );
    expect(thrownBy(() => g.mkValue(70000)).message).toContain("- `lib.gvariant.mkUint64` for `t`\n");
    expect(thrownBy(() => g.mkValue(70000)).message).not.toContain("mkUint16");
  });

  test("a set, null, a function, an empty or a mixed list", () => {
    expect(thrownBy(() => g.mkValue({ a: 1 })).message).toMatch(/^Cannot construct GVariant value from an attribute set\. .*`lib\.gvariant\.mkDictionaryEntry`\.$/);
    expect(thrownBy(() => g.mkValue(null)).message).toBe("The GVariant type of “null” can't be inferred.");
    expect(thrownBy(() => g.mkValue((x: unknown) => x)).message).toBe("The GVariant type of “lambda” can't be inferred.");
    expect(thrownBy(() => g.mkArray([])).message).toBe("Please create empty array with mkEmptyArray.");
    expect(thrownBy(() => g.mkArray(["a", true])).message).toBe("Elements in a list should have same type.");
  });
});
