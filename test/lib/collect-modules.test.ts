// Module collection where it differed from Nixpkgs (issue 8, found porting modules.sh): what a
// disabledModules entry or a module key converts to, the top-level `meta` of a module, and the
// file named by an error raised while a module function is called. Expected values are what
// Nixpkgs' lib/modules.nix gives (checked with nix-instantiate).
import { describe, expect, test } from "vitest";
import { lib } from "../../src/lib/index.js";
import { thrownBy } from "../support/module-errors.js";

const { mkOption, types } = lib;

/** Whether the module with `key`, which declares `enable`, survives a module that disables `entry`. */
function survives(key: unknown, entry: unknown): boolean {
  const evaluation = lib.evalModules({
    modules: [{ key, options: { enable: mkOption({ default: false }) } }, { _file: "disabler.nix", disabledModules: [entry] }],
  });
  return "enable" in evaluation.options;
}


describe("disabledModules entries convert as Nix's toString converts them (issue 8)", () => {
  test.each([
    ["an integer", 123, 123],
    ["a float, with six decimals", "1.500000", 1.5],
    ["a float key and entry alike", 1.5, 1.5],
    ["true, as 1", "1", true],
    ["a boolean key and entry alike", true, true],
    ["null, as the empty string", "", null],
    ["a list, its items joined by spaces", "a b", ["a", "b"]],
    ["a set with an outPath", "/x/y", { outPath: "/x/y" }],
    ["a set with an outPath and the same key", "/x/y", { outPath: "/x/y", key: "/x/y" }],
    ["a set with __toString", "s", { __toString: () => "s" }],
  ])("%s", (_, key, entry) => {
    expect(survives(key, entry)).toBe(false);
    expect(survives("other", entry)).toBe(true);
  });

  test("a set whose string and key differ is refused as ambiguous, naming the file", () => {
    const e = thrownBy(() => survives("/x/y", { outPath: "/x/y", key: "other" }));
    expect(e.kind).toBe("InvalidModule");
    expect(e.message).toMatch(/`disabler\.nix' has a disabledModules entry that converts to the string "\/x\/y" but also has a `key' \("other"\)/);
    expect(e.definitions).toEqual([{ file: "disabler.nix" }]);
  });

  test("a function, or a set with neither a key nor a string form, is refused", () => {
    expect(thrownBy(() => survives("k", () => 1)).message).toMatch(/but one in `disabler\.nix' is of type lambda/);
    expect(thrownBy(() => survives("k", { a: 1 })).message).toMatch(/a set without a `key'/);
    expect(thrownBy(() => survives("k", [{ a: 1 }])).message).toMatch(/is of type list/);
  });
});

describe("a module's top-level meta (issue 8)", () => {
  const declareMeta = { options: { meta: { foo: mkOption({ type: types.listOf(types.str) }) } } };
  const foo = (...modules: unknown[]) => (lib.evalModules({ modules: [declareMeta, ...modules] }).config["meta"] as { foo: string[] }).foo;

  test("of a module with config or options is defined beside its config", () => {
    expect(foo({ config: {}, meta: { foo: ["two"] } })).toEqual(["two"]);
    expect(foo({ config: { meta: { foo: ["c"] } }, meta: { foo: ["two"] } })).toEqual(["c", "two"]);
  });

  test("of a shorthand module is its config, defined once", () => {
    expect(foo({ meta: { foo: ["one"] } })).toEqual(["one"]);
    expect(foo({ meta: { foo: ["one"] } }, { config: {}, meta: { foo: ["two"] } })).toEqual(["two", "one"]);
  });

  test("a top-level freeformType still applies, in a shorthand module too", () => {
    const value = lib.evalModules({ modules: [{ freeformType: types.attrsOf(types.int), a: 1 }] }).config;
    expect(value).toEqual({ a: 1 });
  });
});

describe("module keys and files convert as Nix's toString converts them (issue 8)", () => {
  test("a boolean or float key is disabled by a set with the key of its string", () => {
    expect(survives(true, { key: "1" })).toBe(false);
    expect(survives(0.25, { key: "0.250000" })).toBe(false);
    expect(survives(0.25, { key: "0.25" })).toBe(true);
  });

  test("a set that is no string is refused as a key", () => {
    expect(thrownBy(() => survives({ a: 1 }, "x")).message).toMatch(/The `key' of the module `.*' must be a string/);
  });
});

describe("an error raised by a module function names the module's file (issue 8)", () => {
  test("an argument of _module.args read while the modules are collected", () => {
    const e = thrownBy(
      () =>
        lib.evalModules({
          modules: [
            { _file: "args.nix", config: { _module: { args: { custom: true } } } },
            { _file: "reader.nix", imports: [({ custom }: { custom: boolean }) => ({ imports: custom ? [] : [] })] },
          ],
        }).config,
    );
    expect(e.kind).toBe("InvalidModule");
    expect(e.message).toMatch(/^In module `reader\.nix': A module reads the argument `custom' while the modules are being collected/);
    expect(e.definitions).toEqual([{ file: "reader.nix" }]);
  });

  test("in a submodule, at the submodule's path", () => {
    const sub = types.submodule({ imports: [{ _file: "inner.nix", imports: [({ custom }: { custom: unknown }) => ({ config: { custom } })] }] });
    const e = thrownBy(() => (lib.evalModules({ modules: [{ options: { s: mkOption({ type: sub, default: {} }) } }] }).config as { s: unknown }).s);
    expect(e.message).toMatch(/^In module `inner\.nix': A module reads the argument `custom'/);
    expect(e.path).toEqual(["s"]);
  });

  test("an error that names its definitions already is left as it is", () => {
    const e = thrownBy(
      () =>
        lib.evalModules({
          modules: [{ _file: "outer.nix", imports: [() => lib.evalModules({ modules: [{ _file: "inner.nix", disabledModules: [{ a: 1 }] }] }).config] }],
        }).config,
    );
    expect(e.message).not.toMatch(/^In module/);
    expect(e.definitions).toEqual([{ file: "inner.nix" }]);
  });
});
