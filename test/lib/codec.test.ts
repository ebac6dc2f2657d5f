// The io-ts codecs of option types (src/lib/codec.ts).
import { describe, expect, test } from "vitest";
import { codecOf, types } from "../../src/lib/index.js";

describe("codecOf", () => {
  test("a type that contains itself (types.json: sets and lists of JSON values) gets a codec that refers to itself", () => {
    const json = codecOf(types.json);
    expect(json.is({ a: [1, "b", { c: null, d: [true, 1.5] }] })).toBe(true);
    expect(json.is({ a: [{ b: () => 1 }] })).toBe(false);
    expect(codecOf(types.toml).is({ a: [null] })).toBe(false);
    expect(codecOf(types.attrsOf(types.serializableValueWith({ typeName: "YAML" }))).is({ a: { b: [1] } })).toBe(true);
  });
});
