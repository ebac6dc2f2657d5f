// Module-valued types: submodule, submoduleWith, deferredModule, deferredModuleWith, optionType.
// Expected values are what Nixpkgs gives.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";
import { errorOf, evalOption, expectError, expectOptionError, forceDeeply, valueOf } from "./helpers.js";

const t = lib.types;

const withX = (xType: OptionType = t.int) => ({ options: { x: lib.mkOption({ type: xType }) } });

describe("types.submodule", () => {
  test("is named submodule and described as submodule, with no description class", () => {
    const sub = t.submodule({});
    expect([sub.name, sub.description, sub.descriptionClass]).toEqual(["submodule", "submodule", null]);
  });

  test("a freeform type makes it an open submodule of that type", () => {
    expect(t.submodule({ freeformType: t.attrsOf(t.str) }).description).toBe("open submodule of attribute set of string");
  });

  test("check accepts sets, functions and absolute paths (modules)", () => {
    const sub = t.submodule({});
    expect([{}, () => ({}), "x", 1, [], "/some/path.nix"].map((v) => sub.check(v))).toEqual([true, true, false, false, false, true]);
  });

  test("definitions are merged option by option, defaults filling the rest", () => {
    const sub = t.submodule({
      options: {
        x: lib.mkOption({ type: t.int, default: 1 }),
        y: lib.mkOption({ type: t.listOf(t.str), default: [] }),
      },
    });
    expect(valueOf(sub, [{ y: ["a"] }, { y: ["b"] }])).toEqual({ x: 1, y: ["a", "b"] });
  });

  test("conflicting values of a sub-option are ConflictingDefinitions at its path, earlier module first", () => {
    const e = expectOptionError(t.submodule(withX()), [{ x: 1 }, { x: 2 }], {
      kind: "ConflictingDefinitions",
      path: ["a", "x"],
      includes: ["m1.nix", "m2.nix"],
    });
    expect(e.definitions.map((d) => d.file)).toEqual(["m1.nix", "m2.nix"]);
  });

  test("priorities apply to sub-options across definitions", () => {
    expect(valueOf(t.submodule(withX()), [{ x: lib.mkForce(1) }, { x: 2 }])).toEqual({ x: 1 });
  });

  test("a sub-option of the wrong type is a TypeMismatch at its path", () => {
    expectOptionError(t.submodule(withX()), [{ x: "s" }], { kind: "TypeMismatch", path: ["a", "x"], includes: ["m1.nix", "signed integer"] });
  });

  test("an undeclared sub-option is UndeclaredOption at its path", () => {
    expectOptionError(t.submodule(withX()), [{ z: 1 }], { kind: "UndeclaredOption", path: ["a", "z"], includes: ["m1.nix"] });
  });

  test("a definition that is not a module is a TypeMismatch naming submodule", () => {
    expectOptionError(t.submodule(withX()), [1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "submodule"] });
  });

  test("a definition may be a function module", () => {
    expect(valueOf(t.submodule(withX()), [() => ({ x: 3 })])).toEqual({ x: 3 });
  });

  test("with no definition its value is the modules' defaults", () => {
    const sub = t.submodule({ options: { x: lib.mkOption({ type: t.int, default: 7 }) } });
    expect(valueOf(sub, [])).toEqual({ x: 7 });
  });

  test("the name argument is the last element of the option path", () => {
    const named = t.submodule(({ name }: { name: string }) => ({ options: { n: lib.mkOption({ type: t.str, default: name }) } }));
    expect(valueOf(named, [{}])).toEqual({ n: "a" });
    expect(valueOf(t.attrsOf(named), [{ foo: {} }, { bar: {} }])).toEqual({ foo: { n: "foo" }, bar: { n: "bar" } });
  });

  test("the submodule's config reads its own options", () => {
    const sub = t.submodule(({ config }: { config: Record<string, number> }) => ({
      options: {
        x: lib.mkOption({ type: t.int }),
        y: lib.mkOption({
          type: t.int,
          get default() {
            return (config["x"] as number) + 1;
          },
        }),
      },
    }));
    expect(valueOf(sub, [{ x: 1 }])).toEqual({ x: 1, y: 2 });
  });

  test("an unset sub-option does not stop another from being read", () => {
    const sub = t.submodule({ options: { x: lib.mkOption({ type: t.int }), y: lib.mkOption({ type: t.int }) } });
    const entries = (type: OptionType, values: unknown[]) => evalOption(type, values).config["a"];
    expect((entries(sub, [{ x: 1 }]) as Record<string, unknown>)["x"]).toBe(1);
    expect((entries(t.listOf(sub), [[{ x: 1 }]]) as Array<Record<string, unknown>>)[0]?.["x"]).toBe(1);
    expect((entries(t.attrsOf(sub), [{ u: { x: 1 } }]) as Record<string, Record<string, unknown>>)["u"]?.["x"]).toBe(1);
  });

  test("a freeform type keeps undeclared values beside the declared options", () => {
    const sub = t.submodule({ freeformType: t.attrsOf(t.int), options: { x: lib.mkOption({ type: t.int, default: 0 }) } });
    expect(valueOf(sub, [{ y: 1 }, { z: 2 }])).toEqual({ x: 0, y: 1, z: 2 });
  });

  test("inside a list, an entry's sub-option error names the entry", () => {
    expect(valueOf(t.listOf(t.submodule(withX())), [[{ x: 1 }], [{ x: 2 }]])).toEqual([{ x: 2 }, { x: 1 }]);
    expectOptionError(t.listOf(t.submodule(withX())), [[{ x: "s" }]], {
      kind: "TypeMismatch",
      path: ["a", "[definition 1-entry 1]", "x"],
      includes: ["m1.nix"],
    });
  });

  test("inside attrsOf, one entry's definitions meet and conflict at the entry's path", () => {
    expectOptionError(t.attrsOf(t.submodule(withX())), [{ u: { x: 1 } }, { u: { x: 2 } }], {
      kind: "ConflictingDefinitions",
      path: ["a", "u", "x"],
      includes: ["m1.nix", "m2.nix"],
    });
  });
});

describe("types.submoduleWith", () => {
  test("is named submodule; a description given replaces the default one", () => {
    const sub = t.submoduleWith({ modules: [], description: "my thing" });
    expect([sub.name, sub.description]).toEqual(["submodule", "my thing"]);
  });

  test("a definition is a whole module: config may be given explicitly or as shorthand", () => {
    const sub = t.submoduleWith({ modules: [withX()] });
    expect(valueOf(sub, [{ config: { x: 4 } }])).toEqual({ x: 4 });
    expect(valueOf(sub, [{ x: 4 }])).toEqual({ x: 4 });
  });

  test("with shorthandOnlyDefinesConfig a set is config only, so a `config` key is an undeclared option", () => {
    const sub = t.submoduleWith({ modules: [withX()], shorthandOnlyDefinesConfig: true });
    expectOptionError(sub, [{ config: { x: 4 } }], { kind: "UndeclaredOption", path: ["a", "config"], includes: ["m1.nix"] });
  });

  test("specialArgs reach the modules", () => {
    const sub = t.submoduleWith({
      modules: [({ k }: { k: number }) => ({ options: { x: lib.mkOption({ type: t.int, default: k }) } })],
      specialArgs: { k: 9 },
    });
    expect(valueOf(sub, [{}])).toEqual({ x: 9 });
  });
});

describe("types.deferredModule", () => {
  test("is named deferredModule and described as module", () => {
    expect([t.deferredModule.name, t.deferredModule.description, t.deferredModule.descriptionClass]).toEqual([
      "deferredModule",
      "module",
      "noun",
    ]);
    const withStatic = t.deferredModuleWith({});
    expect([withStatic.name, withStatic.description]).toEqual(["deferredModule", "module"]);
  });

  test("check accepts sets, functions and absolute paths", () => {
    expect([{}, () => ({}), "x", 1, [], "/some/path.nix"].map((v) => t.deferredModule.check(v))).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  test("the value imports every definition, unevaluated", () => {
    const value = evalOption(t.deferredModule, [{ a: 1 }, { b: 2 }]).config["a"] as { imports: unknown[] };
    expect(value.imports).toHaveLength(2);
  });

  test("the definitions, evaluated elsewhere, merge there", () => {
    const deferred = evalOption(t.deferredModule, [{ x: [1] }, { x: [2] }]).config["a"];
    const r = lib.evalModules({ modules: [deferred, withX(t.listOf(t.int))] });
    expect(forceDeeply(r.config["x"])).toEqual([1, 2]);
  });

  test("an error in a deferred definition names its file, via the option", () => {
    const deferred = evalOption(t.deferredModule, [{ x: "s" }]).config["a"];
    const r = lib.evalModules({ modules: [deferred, withX()] });
    expectError(() => r.config["x"], { kind: "TypeMismatch", path: ["x"], includes: ["m1.nix, via option a"] });
  });

  test("a number is a TypeMismatch naming module", () => {
    expectOptionError(t.deferredModule, [1], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "module"] });
  });

  test("deferredModuleWith imports its static modules beside the definitions", () => {
    const type = t.deferredModuleWith({ staticModules: [{ options: { x: lib.mkOption({ type: t.int, default: 3 }) } }] });
    const deferred = evalOption(type, [{ x: 5 }]).config["a"];
    expect(lib.evalModules({ modules: [deferred] }).config["x"]).toBe(5);
  });

  test("deferredModuleWith with no definition has no value", () => {
    const type = t.deferredModuleWith({ staticModules: [withX()] });
    expectOptionError(type, [], { kind: "NoDefinition", path: ["a"] });
  });
});

describe("types.optionType", () => {
  test("is named and described optionType", () => {
    expect([t.optionType.name, t.optionType.description, t.optionType.descriptionClass]).toEqual(["optionType", "optionType", "noun"]);
  });

  test("check accepts option types only", () => {
    expect([t.int, {}, 1].map((v) => t.optionType.check(v))).toEqual([true, false, false]);
  });

  test("a single type is taken as it is", () => {
    expect((evalOption(t.optionType, [t.int]).config["a"] as OptionType).description).toBe("signed integer");
  });

  test("several types merge as declarations do", () => {
    const merged = evalOption(t.optionType, [t.enum(["a"]), t.enum(["b"])]).config["a"] as OptionType;
    expect(merged.description).toBe('one of "b", "a"');
  });

  test("types that cannot merge are a DuplicateDeclaration naming both files", () => {
    const e = errorOf(() => (evalOption(t.optionType, [t.int, t.str]).config["a"] as OptionType).description);
    expect([e.kind, e.path]).toEqual(["DuplicateDeclaration", ["a"]]);
    expect(e.message).toContain("m1.nix");
    expect(e.message).toContain("m2.nix");
  });
});
