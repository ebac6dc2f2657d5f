// List types: listOf and nonEmptyListOf. Expected values are what Nixpkgs gives.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";
import { expectError, expectOptionError, valueOf } from "./helpers.js";

const t = lib.types;

function identity(type: OptionType): [string, string, unknown] {
  return [type.name, type.description, type.descriptionClass];
}

describe("types.listOf", () => {
  test("is named listOf, a composite, described by its element type", () => {
    expect(identity(t.listOf(t.int))).toEqual(["listOf", "list of signed integer", "composite"]);
  });

  test("check is shallow: any list passes, whatever its elements", () => {
    expect([[], ["x"], {}, 1].map((v) => t.listOf(t.int).check(v))).toEqual([true, true, false, false]);
  });

  test("listOf concatenates definitions in reverse module order", () => {
    expect(valueOf(t.listOf(t.int), [[1, 2], [3]])).toEqual([3, 1, 2]);
    expect(valueOf(t.listOf(t.int), [[1], [2], [3]])).toEqual([3, 2, 1]);
  });

  test("elements are merged by the element type", () => {
    expect(valueOf(t.listOf(t.attrsOf(t.int)), [[{ a: 1 }], [{ a: 2 }]])).toEqual([{ a: 2 }, { a: 1 }]);
    expect(valueOf(t.listOf(t.listOf(t.int)), [[[1]], [[2]]])).toEqual([[2], [1]]);
  });

  test("an element of the wrong type is a TypeMismatch at [definition n-entry m]", () => {
    expectOptionError(t.listOf(t.int), [[1, "x"]], {
      kind: "TypeMismatch",
      path: ["a", "[definition 1-entry 2]"],
      includes: ["m1.nix", "signed integer"],
    });
  });

  test("definition numbers count in merge order, so the later module is definition 1", () => {
    expectOptionError(t.listOf(t.enum(["a"])), [["a"], ["b", "a"]], {
      kind: "TypeMismatch",
      path: ["a", "[definition 1-entry 1]"],
      includes: ["m2.nix", '"b"'],
    });
  });

  test("nested lists name every level of the path", () => {
    expectOptionError(t.listOf(t.listOf(t.int)), [[[1, "x"]]], {
      kind: "TypeMismatch",
      path: ["a", "[definition 1-entry 1]", "[definition 1-entry 2]"],
      includes: ["m1.nix"],
    });
  });

  test("a definition that is not a list is a TypeMismatch naming the whole type", () => {
    expectOptionError(t.listOf(t.int), [1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "list of signed integer"] });
  });

  test("an element under mkIf false is left out", () => {
    expect(valueOf(t.listOf(t.int), [[1, lib.mkIf(false, 2), 3]])).toEqual([1, 3]);
  });

  test("mkBefore and mkAfter order whole definitions", () => {
    expect(valueOf(t.listOf(t.str), [lib.mkBefore(["a"]), ["b"], lib.mkAfter(["c"])])).toEqual(["a", "b", "c"]);
  });

  test("mkMerge keeps its contents in order within their module", () => {
    expect(valueOf(t.listOf(t.int), [lib.mkMerge([[1], [2]]), [3]])).toEqual([3, 1, 2]);
  });

  test("mkForce drops the lists of lower priority", () => {
    expect(valueOf(t.listOf(t.int), [[1], lib.mkForce([2])])).toEqual([2]);
  });

  test("with no definition its value is the empty list", () => {
    expect(valueOf(t.listOf(t.int), [])).toEqual([]);
  });
});

describe("types.nonEmptyListOf", () => {
  test("keeps the name listOf and parenthesises the list in its description", () => {
    expect(identity(t.nonEmptyListOf(t.str))).toEqual(["listOf", "non-empty (list of string)", "composite"]);
  });

  test("check refuses the empty list only", () => {
    expect([[], [1], ["x"], 1].map((v) => t.nonEmptyListOf(t.int).check(v))).toEqual([false, true, true, false]);
  });

  test("definitions concatenate in reverse module order", () => {
    expect(valueOf(t.nonEmptyListOf(t.int), [[1], [2]])).toEqual([2, 1]);
  });

  test("an empty definition is a TypeMismatch even when another is not empty", () => {
    expectOptionError(t.nonEmptyListOf(t.int), [[], [1]], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "non-empty (list of signed integer)"],
    });
  });

  test("an element of the wrong type is a TypeMismatch at the entry", () => {
    expectOptionError(t.nonEmptyListOf(t.int), [["x"]], {
      kind: "TypeMismatch",
      path: ["a", "[definition 1-entry 1]"],
      includes: ["m1.nix"],
    });
  });

  test("unset, it has no value: reading it is NoDefinition", () => {
    expectOptionError(t.nonEmptyListOf(t.int), [], { kind: "NoDefinition", path: ["a"] });
  });

  test("an empty default is a TypeMismatch", () => {
    const r = lib.evalModules({ modules: [{ options: { a: lib.mkOption({ type: t.nonEmptyListOf(t.int), default: [] }) } }] });
    expectError(() => r.config["a"], { kind: "TypeMismatch", path: ["a"], includes: ["non-empty (list of signed integer)"] });
  });
});
