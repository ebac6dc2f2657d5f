// lib.warn, warnIf, warnIfNot and the process's warning settings (Nix's `builtins.warn` and
// `abort-on-warn`), and the warnings the engine emits where Nixpkgs does: either/oneOf taking a
// value no side accepts (a freeform type), and an option of the deprecated type loaOf.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  defaultWarningSettings,
  isModuleError,
  lib,
  setWarningSettings,
  warningSettings,
} from "../../src/lib/index.js";
import { thrownBy } from "../support/module-errors.js";

const { mkOption, types } = lib;
const seen: string[] = [];

beforeEach(() => {
  seen.length = 0;
  setWarningSettings({ abortOnWarn: false, handler: (message) => seen.push(message) });
});
afterEach(() => {
  setWarningSettings(defaultWarningSettings);
});


describe("lib.warn", () => {
  test("reports the message to the handler and returns the value", () => {
    expect(lib.warn("old", 42)).toBe(42);
    expect(seen).toEqual(["old"]);
  });

  test("warnIf warns when the condition holds, warnIfNot when it does not", () => {
    expect(lib.warnIf(false, "a", 1)).toBe(1);
    expect(lib.warnIfNot(true, "b", 2)).toBe(2);
    expect(seen).toEqual([]);
    expect(lib.warnIf(true, "c", 3)).toBe(3);
    expect(lib.warnIfNot(false, "d", 4)).toBe(4);
    expect(seen).toEqual(["c", "d"]);
  });

  test("with abort-on-warn, throws AbortOnWarn with the warning and Nix's sentence, and reports nothing", () => {
    setWarningSettings({ abortOnWarn: true });
    const e = thrownBy(() => lib.warn("old\n", 42));
    expect(isModuleError(e, "AbortOnWarn")).toBe(true);
    expect(e.message).toBe("evaluation warning: old\naborting to reveal stack trace of warning, as abort-on-warn is set");
    expect(e.stack).not.toContain("[object Object]");
    expect(seen).toEqual([]);
  });

  test("setWarningSettings changes only the settings given and returns those it replaced", () => {
    const before = warningSettings();
    const previous = setWarningSettings({ abortOnWarn: true });
    expect(previous).toBe(before);
    expect(warningSettings().abortOnWarn).toBe(true);
    expect(warningSettings().handler).toBe(before.handler);
  });

  test("by default, a warning goes to Node's warning channel as an EvaluationWarning", () => {
    setWarningSettings(defaultWarningSettings);
    const emitWarning = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      lib.warn("through process.emitWarning", null);
      expect(emitWarning).toHaveBeenCalledWith("through process.emitWarning", { type: "EvaluationWarning" });
    } finally {
      emitWarning.mockRestore();
    }
  });
});

describe("either as a freeform type", () => {
  const modules = [
    { options: { s: mkOption({ type: types.submodule({ freeformType: types.either(types.int, types.bool) }) }) } },
    { _file: "define.nix", s: { a: "x" } },
  ];

  test("its value is the definitions, with Nixpkgs' warning naming the option", () => {
    const { config } = lib.evalModules({ modules });
    expect((config["s"] as { a: unknown }).a).toBe("x");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^One or more definitions did not pass the type-check of the 'either' type\.\n/);
    expect(seen[0]).toContain("`freeformType = types.attrsOf (types.either t1 t2)`");
    expect(seen[0]).toContain("Otherwise consider using the correct type for the option `s`.  This will be an error in Nixpkgs 26.05.");
  });

  test("with abort-on-warn, reading it fails at its path, with its definitions", () => {
    setWarningSettings({ abortOnWarn: true });
    const e = thrownBy(() => (lib.evalModules({ modules }).config["s"] as { a: unknown }).a);
    expect(e.kind).toBe("AbortOnWarn");
    expect(e.path).toEqual(["s"]);
    expect(e.definitions.map((d) => d.file)).toEqual(["define.nix"]);
  });

  test("behind attrsOf, as Nixpkgs advises, a value that one side accepts does not warn", () => {
    const declare = { options: { s: mkOption({ type: types.submodule({ freeformType: types.attrsOf(types.either(types.int, types.bool)) }) }) } };
    const { config } = lib.evalModules({ modules: [declare, { s: { a: 1 } }] });
    expect(config["s"]).toEqual({ a: 1 });
    expect(seen).toEqual([]);
  });
});

describe("loaOf", () => {
  const deprecated =
    "The type `types.loaOf' of option `names' defined in `declare.nix' is deprecated. Mixing lists with attribute values " +
    "is no longer possible; please use `types.attrsOf` instead. See https://github.com/NixOS/nixpkgs/issues/1800 for the motivation.";
  const modules = [
    { _file: "declare.nix", options: { names: mkOption({ type: types.loaOf(types.str) }) } },
    { names: { a: "x" } },
  ];

  test("an option of the type warns once, whether its value or its record is read", () => {
    const { config, options } = lib.evalModules({ modules });
    expect(config["names"]).toEqual({ a: "x" });
    expect((options["names"] as { type: { name: string } }).type.name).toBe("loaOf");
    expect(seen).toEqual([deprecated]);
  });

  test("reading the record alone warns, as Nix's options.<name> does", () => {
    const { options } = lib.evalModules({ modules });
    expect((options["names"] as { files: unknown }).files).toBeDefined();
    expect(seen).toEqual([deprecated]);
  });

  test("with abort-on-warn, every read fails", () => {
    setWarningSettings({ abortOnWarn: true });
    const { config } = lib.evalModules({ modules });
    expect(thrownBy(() => config["names"]).kind).toBe("AbortOnWarn");
    expect(thrownBy(() => config["names"]).path).toEqual(["names"]);
  });

  test("its description does not warn: only an option of the type does", () => {
    expect(types.loaOf(types.int).description).toBe("attribute set of signed integer");
    expect(seen).toEqual([]);
  });
});
