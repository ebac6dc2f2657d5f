// String types: str, nonEmptyStr, singleLineStr, strMatching, separatedString, lines, commas,
// envVar, passwdEntry. Expected values are what Nixpkgs gives.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";
import { expectOptionError, valueOf } from "./helpers.js";

const t = lib.types;

function identity(type: OptionType): [string, string, unknown] {
  return [type.name, type.description, type.descriptionClass];
}

describe("types.str", () => {
  test("is named str and described as string", () => {
    expect(identity(t.str)).toEqual(["str", "string", "noun"]);
  });

  test("check accepts strings, the empty one included", () => {
    expect(["", "x", 1, null].map((v) => t.str.check(v))).toEqual([true, true, false, false]);
  });

  test("equal strings merge; different strings conflict instead of concatenating", () => {
    expect(valueOf(t.str, ["a", "a"])).toBe("a");
    expectOptionError(t.str, ["a", "b"], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix", '"b"'] });
  });

  test("a number is a TypeMismatch naming the file and the type", () => {
    expectOptionError(t.str, [1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "string"] });
  });
});

describe("types.nonEmptyStr", () => {
  test("is named nonEmptyStr and described as non-empty string", () => {
    expect(identity(t.nonEmptyStr)).toEqual(["nonEmptyStr", "non-empty string", "noun"]);
  });

  test("check refuses strings of blanks only", () => {
    expect(["", " ", "\t\n", " x", 1].map((v) => t.nonEmptyStr.check(v))).toEqual([false, false, false, true, false]);
  });

  test("a string with text around blanks is kept as it is", () => {
    expect(valueOf(t.nonEmptyStr, [" x "])).toBe(" x ");
  });

  test("a blank string is a TypeMismatch naming the type", () => {
    expectOptionError(t.nonEmptyStr, [" \t"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "non-empty string"] });
  });
});

describe("types.singleLineStr", () => {
  test("is named singleLineStr with Nixpkgs' parenthesised description", () => {
    expect(identity(t.singleLineStr)).toEqual(["singleLineStr", "(optionally newline-terminated) single-line string", "noun"]);
  });

  test("check accepts one line with an optional final newline, no carriage return", () => {
    expect(["", "abc", "abc\n", "a\nb", "a\r", "\n", 1].map((v) => t.singleLineStr.check(v))).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  test("the merged value drops the final newline", () => {
    expect(valueOf(t.singleLineStr, ["abc\n"])).toBe("abc");
    expect(valueOf(t.singleLineStr, ["abc\n", "abc\n"])).toBe("abc");
  });

  test("definitions are compared before the newline is dropped, so 'a\\n' and 'a' conflict", () => {
    expectOptionError(t.singleLineStr, ["a\n", "a"], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("two lines, or two final newlines, are a TypeMismatch", () => {
    expectOptionError(t.singleLineStr, ["a\nb"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix"] });
    expectOptionError(t.singleLineStr, ["abc\n\n"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix"] });
  });
});

describe("types.strMatching", () => {
  test("is named after its pattern as a Nix string and describes the pattern raw", () => {
    expect(identity(t.strMatching("[a-z]+"))).toEqual(['strMatching "[a-z]+"', "string matching the pattern [a-z]+", "noun"]);
    expect(t.strMatching('a"b$c').name).toBe('strMatching "a\\"b\\$c"');
    expect(t.strMatching('a"b$c').description).toBe('string matching the pattern a"b$c');
  });

  test("the pattern must match the whole string", () => {
    const lower = t.strMatching("[a-z]+");
    expect(["abc", "abc1", "ABC", 1, null].map((v) => lower.check(v))).toEqual([true, false, false, false, false]);
    expect(t.strMatching("b").check("abc")).toBe(false);
  });

  test("an alternation must match the whole string too", () => {
    const ab = t.strMatching("a|b");
    expect(["a", "b", "ab", ""].map((v) => ab.check(v))).toEqual([true, true, false, false]);
  });

  test("a pattern that matches the empty string accepts it", () => {
    expect(["", "xx"].map((v) => t.strMatching("x*").check(v))).toEqual([true, true]);
  });

  test("dot matches a newline, as in builtins.match", () => {
    expect(valueOf(t.strMatching("a.b"), ["a\nb"])).toBe("a\nb");
  });

  test("POSIX character classes work", () => {
    const version = t.strMatching("[[:digit:]]+\\.[[:digit:]]+");
    expect([version.check("12.3"), version.check("12x3")]).toEqual([true, false]);
    const ident = t.strMatching("[[:alpha:]_][[:alnum:]_]*");
    expect(["_a1", "1a", "a-b"].map((v) => ident.check(v))).toEqual([true, false, false]);
  });

  // Each row: a pattern, strings, and whether builtins.match accepts each (as Nix 2.8 answers).
  const posixCases: Array<[string, string[], boolean[]]> = [
    ["[]a]", ["]", "a", "b"], [true, true, false]],
    ["[^]a]", ["]", "b"], [false, true]],
    ["[a-]", ["-", "a", "b"], [true, true, false]],
    ["a{2,3}", ["a", "aa", "aaa", "aaaa"], [false, true, true, false]],
    ["(ab)+", ["ab", "abab", "aba"], [true, true, false]],
    ["a|bc|d", ["a", "bc", "d", "abc"], [true, true, true, false]],
    ["^a$", ["a"], [true]],
    ["[.]", [".", "a"], [true, false]],
    ["[[:space:]]+", [" \t\n", "a"], [true, false]],
    ["[[:upper:][:digit:]]+", ["A1", "a"], [true, false]],
    ["[[:xdigit:]]+", ["0fA", "g"], [true, false]],
    ["[[:punct:]]", ["!", "a"], [true, false]],
    ["a\\|b", ["a|b", "a"], [true, false]],
    ["[\\]", ["\\", "a"], [true, false]],
    ["[^\\n]*", ["abc", "a\nb", "n"], [true, true, false]],
    ["\\(a\\)", ["(a)", "a"], [true, false]],
    ["(a|)", ["a", ""], [true, true]],
    ["[0-9]+(\\.[0-9]+)*", ["12", "1.2.3", "1..2"], [true, true, false]],
    ["x?", ["", "x", "xx"], [true, true, false]],
    ["[a\\-z]", ["-", "b", "\\"], [false, true, true]],
  ];

  test.each(posixCases)("POSIX pattern %j is matched as builtins.match does", (pattern, inputs, expected) => {
    const type = t.strMatching(pattern);
    expect(inputs.map((s) => type.check(s))).toEqual(expected);
  });

  test("a back-reference is not a valid extended regular expression", () => {
    expect(() => t.strMatching("(a)(b)\\2").check("abb")).toThrow();
  });

  test("a collating symbol in brackets matches its character", () => {
    expect(t.strMatching("[[.hyphen.]]").check("-")).toBe(true);
  });

  test("a string that does not match is a TypeMismatch naming the pattern", () => {
    expectOptionError(t.strMatching("[a-z]+"), ["abc1"], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "string matching the pattern [a-z]+", "abc1"],
    });
  });

  test("different matching strings conflict", () => {
    expectOptionError(t.strMatching("[a-z]+"), ["ab", "cd"], {
      kind: "ConflictingDefinitions",
      path: ["a"],
      includes: ["m1.nix", "m2.nix"],
    });
  });
});

describe("types.separatedString and its instances", () => {
  test("separatedString is described by its separator as a Nix string", () => {
    expect(identity(t.separatedString(":"))).toEqual(["separatedString", 'strings concatenated with ":"', "noun"]);
    expect(t.separatedString("").description).toBe('strings concatenated with ""');
  });

  test("lines, commas and envVar are separatedString with newline, comma and colon", () => {
    expect(identity(t.lines)).toEqual(["separatedString", 'strings concatenated with "\\n"', "noun"]);
    expect(identity(t.commas)).toEqual(["separatedString", 'strings concatenated with ","', "noun"]);
    expect(identity(t.envVar)).toEqual(["separatedString", 'strings concatenated with ":"', "noun"]);
  });

  test("definitions are joined with the separator in reverse module order", () => {
    expect(valueOf(t.separatedString(":"), ["a", "b", "c"])).toBe("c:b:a");
    expect(valueOf(t.lines, ["a", "b"])).toBe("b\na");
    expect(valueOf(t.commas, ["a", "b"])).toBe("b,a");
    expect(valueOf(t.envVar, ["/bin", "/usr/bin"])).toBe("/usr/bin:/bin");
  });

  test("mkBefore and mkAfter order the joined pieces", () => {
    expect(valueOf(t.lines, [lib.mkBefore("first"), "mid", lib.mkAfter("last")])).toBe("first\nmid\nlast");
  });

  test("check accepts strings only, and a number is a TypeMismatch", () => {
    expect([t.lines.check("a"), t.lines.check(1)]).toEqual([true, false]);
    expectOptionError(t.lines, [1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", 'strings concatenated with "\\n"'] });
  });
});

describe("types.passwdEntry", () => {
  test("is named after its entry type and adds a non-restrictive clause", () => {
    expect(identity(t.passwdEntry(t.str))).toEqual(["passwdEntry str", "string, not containing newlines or colons", "nonRestrictiveClause"]);
    expect(t.passwdEntry(t.strMatching("[a-z]+")).name).toBe('passwdEntry strMatching "[a-z]+"');
    expect(t.passwdEntry(t.nonEmptyStr).description).toBe("non-empty string, not containing newlines or colons");
  });

  test("parenthesises an entry type that is not a noun", () => {
    const entry = t.passwdEntry(t.nullOr(t.str) as OptionType<string>);
    expect([entry.name, entry.description]).toEqual(["passwdEntry nullOr", "(null or string), not containing newlines or colons"]);
  });

  test("check refuses colons and newlines", () => {
    expect(["abc", "a:b", "a\nb", 1].map((v) => t.passwdEntry(t.str).check(v))).toEqual([true, false, false, false]);
  });

  test("a colon is a TypeMismatch naming the type", () => {
    expectOptionError(t.passwdEntry(t.str), ["ab:c"], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "string, not containing newlines or colons"],
    });
  });

  test("the entry type's check still applies", () => {
    expectOptionError(t.passwdEntry(t.nonEmptyStr), [""], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix"] });
  });

  test("merges as its entry type: equal values agree, different ones conflict", () => {
    expect(valueOf(t.passwdEntry(t.str), ["a", "a"])).toBe("a");
    expectOptionError(t.passwdEntry(t.str), ["a", "b"], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });
});
