// Attribute-set types: attrs, attrsOf, lazyAttrsOf, attrsWith. Expected values are what Nixpkgs gives.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";
import { evalOption, expectError, expectOptionError, valueOf } from "./helpers.js";

const t = lib.types;

function identity(type: OptionType): [string, string, unknown] {
  return [type.name, type.description, type.descriptionClass];
}

describe("types.attrs", () => {
  test("is named attrs and described as attribute set, with no description class", () => {
    expect(identity(t.attrs)).toEqual(["attrs", "attribute set", null]);
  });

  test("check accepts attribute sets only", () => {
    expect([{}, [], "x", null].map((v) => t.attrs.check(v))).toEqual([true, false, false, false]);
  });

  test("definitions update shallowly, the earlier module's key winning", () => {
    expect(valueOf(t.attrs, [{ a: 1, b: 1 }, { b: 2, c: 3 }])).toEqual({ a: 1, b: 1, c: 3 });
  });

  test("nested sets are replaced, not merged", () => {
    expect(valueOf(t.attrs, [{ a: { x: 1 } }, { a: { y: 2 } }])).toEqual({ a: { x: 1 } });
  });

  test("a list is a TypeMismatch naming the file and the type", () => {
    expectOptionError(t.attrs, [[1]], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "attribute set"] });
  });

  test("with no definition its empty value is the empty set", () => {
    expect(valueOf(t.attrs, [])).toEqual({});
  });
});

describe("types.attrsOf", () => {
  test("is named attrsOf, a composite, described by its element type", () => {
    expect(identity(t.attrsOf(t.int))).toEqual(["attrsOf", "attribute set of signed integer", "composite"]);
  });

  test("check is shallow: any set passes, whatever its values", () => {
    expect([{}, { a: "x" }, [], 1].map((v) => t.attrsOf(t.int).check(v))).toEqual([true, true, false, false]);
  });

  test("keys of different definitions are gathered", () => {
    expect(valueOf(t.attrsOf(t.int), [{ a: 1 }, { b: 2 }])).toEqual({ a: 1, b: 2 });
  });

  test("a key defined twice is merged by the element type", () => {
    expect(valueOf(t.attrsOf(t.int), [{ a: 1 }, { a: 1 }])).toEqual({ a: 1 });
    expect(valueOf(t.attrsOf(t.listOf(t.int)), [{ a: [1] }, { a: [2], b: [3] }])).toEqual({ a: [2, 1], b: [3] });
    expect(valueOf(t.attrsOf(t.attrsOf(t.int)), [{ x: { a: 1 } }, { x: { b: 2 } }])).toEqual({ x: { a: 1, b: 2 } });
  });

  test("conflicting values of a key are ConflictingDefinitions at the key's path", () => {
    expectOptionError(t.attrsOf(t.int), [{ a: 1 }, { a: 2 }], {
      kind: "ConflictingDefinitions",
      path: ["a", "a"],
      includes: ["m1.nix", "m2.nix"],
    });
  });

  test("a value of the wrong type is a TypeMismatch at the key's path", () => {
    expectOptionError(t.attrsOf(t.int), [{ a: "x" }], {
      kind: "TypeMismatch",
      path: ["a", "a"],
      includes: ["m1.nix", "signed integer"],
    });
  });

  test("a bad value under one key does not stop another key from being read", () => {
    const config = evalOption(t.attrsOf(t.int), [{ a: "x", b: 2 }]).config;
    expect((config["a"] as Record<string, unknown>)["b"]).toBe(2);
  });

  test("a definition that is not a set is a TypeMismatch naming the whole type", () => {
    expectOptionError(t.attrsOf(t.int), [[1]], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "attribute set of signed integer"],
    });
  });

  test("priorities apply per key", () => {
    expect(valueOf(t.attrsOf(t.int), [{ a: lib.mkForce(1) }, { a: 2 }])).toEqual({ a: 1 });
  });

  test("a key defined only under mkIf false is left out", () => {
    const config = evalOption(t.attrsOf(t.int), [{ a: lib.mkIf(false, 1), b: 2 }]).config;
    expect(Object.keys(config["a"] as object)).toEqual(["b"]);
  });

  test("a null value of nullOr elements is kept", () => {
    expect(valueOf(t.attrsOf(t.nullOr(t.int)), [{ a: null }])).toEqual({ a: null });
  });

  test("with no definition its value is the empty set", () => {
    expect(valueOf(t.attrsOf(t.int), [])).toEqual({});
  });
});

describe("types.lazyAttrsOf", () => {
  test("is named lazyAttrsOf and described as a lazy attribute set", () => {
    expect(identity(t.lazyAttrsOf(t.str))).toEqual(["lazyAttrsOf", "lazy attribute set of string", "composite"]);
  });

  test("keys of different definitions are gathered", () => {
    expect(valueOf(t.lazyAttrsOf(t.int), [{ a: 1 }, { b: 2 }])).toEqual({ a: 1, b: 2 });
  });

  test("a key defined only under mkIf false is still listed", () => {
    const config = evalOption(t.lazyAttrsOf(t.int), [{ a: lib.mkIf(false, 1), b: 2 }]).config;
    expect(Object.keys(config["a"] as object).sort()).toEqual(["a", "b"]);
  });

  test("reading that key is a NoDefinition error at the key's path", () => {
    const config = evalOption(t.lazyAttrsOf(t.int), [{ a: lib.mkIf(false, 1), b: 2 }]).config;
    expectError(() => (config["a"] as Record<string, unknown>)["a"], { kind: "NoDefinition", path: ["a", "a"] });
  });

  test("an element type with an empty value gives it for that key", () => {
    const config = evalOption(t.lazyAttrsOf(t.nullOr(t.int)), [{ a: lib.mkIf(false, 1), b: 2 }]).config;
    expect((config["a"] as Record<string, unknown>)["a"]).toBe(null);
  });

  test("a bad value is an error only when its key is read", () => {
    const config = evalOption(t.lazyAttrsOf(t.int), [{ a: "x", b: 2 }]).config;
    const set = config["a"] as Record<string, unknown>;
    expect(set["b"]).toBe(2);
    expectError(() => set["a"], { kind: "TypeMismatch", path: ["a", "a"], includes: ["m1.nix"] });
  });
});

describe("types.attrsWith", () => {
  test("lazy: true gives a lazyAttrsOf, lazy: false an attrsOf", () => {
    expect(identity(t.attrsWith({ elemType: t.int, lazy: true }))).toEqual([
      "lazyAttrsOf",
      "lazy attribute set of signed integer",
      "composite",
    ]);
    expect(identity(t.attrsWith({ elemType: t.int }))).toEqual(["attrsOf", "attribute set of signed integer", "composite"]);
  });

  test("merges as attrsOf does", () => {
    expect(valueOf(t.attrsWith({ elemType: t.listOf(t.int) }), [{ a: [1] }, { a: [2] }])).toEqual({ a: [2, 1] });
  });
});
