// Attribute names in Nix's order: sortNames (the default sort) orders names exactly as compareNames
// does, by UTF-16 code units, for any names (astral characters, which a code point order would put
// after U+FFFF, included).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNames, sortNames } from "../../src/lib/attrs.js";

describe("sortNames", () => {
  it("sorts as compareNames does", () => {
    const name = fc.string({ unit: fc.constantFrom("a", "B", "_", "-", "0", "10", "é", "\uFF01", "\u{1F600}", "\uD800", " "), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), (names) => {
        expect(sortNames([...names])).toEqual([...names].sort(compareNames));
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });

  it("puts U+FF01 after an astral character, as code units order them", () => {
    expect(sortNames(["\uFF01", "\u{1F600}", "a"])).toEqual(["a", "\u{1F600}", "\uFF01"]);
  });
});
