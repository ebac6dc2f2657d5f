// `types.anything` merges a single plain-data definition in one pass (src/lib/types/plain-data.ts):
// the result must be what merging level by level gives, and anything that is not plain data
// (a property, a getter, a function, a string-coercible set, a class instance) must be left to it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepForce, evalModules, lib } from "../../../src/lib/index.js";
import { plainDataMerge } from "../../../src/lib/types/plain-data.js";

const { mkOption, types, mkIf } = lib;

function keysSorted(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return true;
  const keys = Object.keys(value);
  const named = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
  return named.every((k, i) => i === 0 || named[i - 1]! < k) && keys.every((k) => keysSorted((value as Record<string, unknown>)[k]));
}

describe("plain data under types.anything", () => {
  it("merges to a copy of itself with every set's keys in Nix's order", () => {
    fc.assert(
      // Keys that are not array indices: JavaScript lists those first, whatever the order.
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }).map((k) => `k${k}`), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }), (value) => {
        const merged = plainDataMerge(value);
        expect(merged).not.toBe(value);
        expect(deepForce(merged)).toEqual(deepForce(value));
        expect(keysSorted(merged)).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("gives the same configuration as merging level by level", () => {
    const value = { b: { d: [1, { z: 1, a: 2 }], c: null }, a: "x", __proto__x: 1 };
    const withProperty = { ...value, e: mkIf(true, 3) };
    const configOf = (x: unknown) =>
      deepForce(evalModules({ modules: [{ options: { x: mkOption({ type: types.anything }) } }, { config: { x } }] }).config);
    expect(configOf(value)).toEqual({ x: value });
    expect(configOf(withProperty)).toEqual({ x: { ...value, e: 3 } });
  });

  it("leaves values with properties, getters, functions, string-coercible sets or instances anywhere in their sets to the level-by-level merge", () => {
    const deep = (leaf: Record<string, unknown>) => ({ a: { b: { c: leaf } } });
    expect(plainDataMerge(deep({ x: mkIf(false, 1) }))).toBeUndefined();
    expect(plainDataMerge(deep({ f: () => 1 }))).toBeUndefined();
    expect(plainDataMerge(deep({ get g() { return 1; } }))).toBeUndefined();
    expect(plainDataMerge(deep({ outPath: "/nix/store/x" }))).toBeUndefined();
    expect(plainDataMerge(deep({ d: new Date(0) }))).toBeDefined(); // an instance is a leaf, as a list is
    expect(plainDataMerge(new Date(0))).toBeUndefined();
    expect(plainDataMerge([1, 2])).toBeUndefined();
  });

  it("reads nothing inside a getter or a string-coercible set (Nixpkgs merges those without evaluating them)", () => {
    let reads = 0;
    const coercible = { outPath: "/nix/store/x", get inner() { reads++; return 1; } };
    const withGetter = { get g() { reads++; return 1; } };
    expect(plainDataMerge({ a: coercible })).toBeUndefined();
    expect(plainDataMerge({ a: { b: withGetter } })).toBeUndefined();
    expect(reads).toBe(0);
  });

  it("keeps a key named __proto__ as data", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const merged = plainDataMerge(value) as Record<string, unknown>;
    expect(Object.keys(merged)).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("judges a set seen on a cycle as not plain rather than looping", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic["self"] = cyclic;
    expect(plainDataMerge(cyclic)).toBeUndefined();
  });
});
