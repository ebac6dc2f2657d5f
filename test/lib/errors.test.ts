// The errors of the engine: kind, path, the files and values named, the remedy, and no leak of
// internals (no stack frames, no "[object Object]").
import { describe, expect, test } from "vitest";
import { lib, ModuleError } from "../../src/index.js";
import { expectModuleError, thrownBy } from "../support/module-errors.js";

const t = lib.types;

/** The error that reading `read(result)` (forced deeply) throws. */
function errorOf(modules: unknown[], read: (r: ReturnType<typeof lib.evalModules>) => unknown): ModuleError {
  const result = lib.evalModules({ modules });
  return thrownBy(() => JSON.stringify(read(result)));
}

describe("error messages", () => {
  test("a type mismatch names the option, the expected type, the file and the value, and says what to do", () => {
    const e = errorOf(
      [{ options: { port: lib.mkOption({ type: t.port }) } }, { _file: "site.nix", port: "http" }],
      (r) => r.config.port,
    );
    expectModuleError(e, "TypeMismatch", ["port"], ["`port'", "16 bit unsigned integer", "site.nix", '"http"', "Change the value"]);
    expect(e.definitions).toEqual([{ file: "site.nix", value: "http" }]);
  });

  test("conflicting definitions list every definition, later module first, and advise mkForce", () => {
    const e = errorOf(
      [
        { options: { name: lib.mkOption({ type: t.str }) } },
        { _file: "a.nix", name: "a" },
        { _file: "b.nix", name: "b" },
      ],
      (r) => r.config.name,
    );
    expectModuleError(e, "ConflictingDefinitions", ["name"], ["`name'", "a.nix", "b.nix", "mkForce"]);
    expect(e.message.indexOf("b.nix")).toBeLessThan(e.message.indexOf("a.nix"));
  });

  test("an undeclared option proposes the closest declared names", () => {
    const e = errorOf(
      [{ options: { version: lib.mkOption({ type: t.str }), license: lib.mkOption({ type: t.str }) } }, { _file: "m.json", verison: "1" }],
      (r) => r.config,
    );
    expectModuleError(e, "UndeclaredOption", ["verison"], ["`verison' does not exist", "m.json", "Did you mean `version'"]);
  });

  test("an undeclared option where no option is declared says options belong under `options'", () => {
    const e = errorOf([{ _file: "m.nix", config: { port: 80 } }], (r) => r.config);
    expectModuleError(e, "UndeclaredOption", ["port"], ["declare options under `options'"]);
  });

  test("a missing value names the option and says to define it", () => {
    const e = errorOf([{ options: { deep: { value: lib.mkOption({ type: t.int }) } } }], (r) => (r.config.deep as Record<string, unknown>)["value"]);
    expectModuleError(e, "NoDefinition", ["deep", "value"], ["`deep.value'", "Define it"]);
  });

  test("a duplicate declaration names both files", () => {
    const e = errorOf(
      [
        { _file: "a.nix", options: { x: lib.mkOption({ type: t.int, default: 1 }) } },
        { _file: "b.nix", options: { x: lib.mkOption({ type: t.int, default: 2 }) } },
      ],
      (r) => r.config.x,
    );
    expectModuleError(e, "DuplicateDeclaration", ["x"], ["a.nix", "b.nix", "default"]);
  });

  test("a unique option defined twice names both files and the type's message", () => {
    const e = errorOf(
      [
        { options: { x: lib.mkOption({ type: t.unique({ message: "Only once, please." }, t.int) }) } },
        { _file: "a.nix", x: 1 },
        { _file: "b.nix", x: 1 },
      ],
      (r) => r.config.x,
    );
    expectModuleError(e, "UniqueViolation", ["x"], ["a.nix", "b.nix", "Only once, please."]);
  });

  test("a mkIf condition that is not a boolean names the option, the file and the condition", () => {
    const e = errorOf(
      [{ options: { x: lib.mkOption({ type: t.int, default: 0 }) } }, { _file: "a.nix", x: lib.mkIf("yes" as never, 1) }],
      (r) => r.config.x,
    );
    expectModuleError(e, "InvalidDefinition", ["x"], ["`x'", "a.nix", '"yes"', "true or false"]);
  });

  test("a bare type under `options` tells to wrap it in mkOption", () => {
    const e = errorOf([{ _file: "a.nix", options: { port: t.port } }], (r) => r.config);
    expectModuleError(e, "InvalidModule", ["port"], ["a.nix", "mkOption"]);
  });
});

describe("infinite recursion", () => {
  test("the message lists the chain of options, from the option read back to it", () => {
    const e = errorOf(
      [
        { options: { a: lib.mkOption({ type: t.int }), b: lib.mkOption({ type: t.int }), c: lib.mkOption({ type: t.int }) } },
        ({ config }: { config: Record<string, number> }) => ({
          get a() {
            return config.b! + 1;
          },
          get b() {
            return config.c! + 1;
          },
          get c() {
            return config.a! + 1;
          },
        }),
      ],
      (r) => r.config.a,
    );
    expectModuleError(e, "InfiniteRecursion", ["a"], ["a -> b -> c -> a"]);
  });

  test("a cycle through a submodule entry names the full paths", () => {
    const server = t.submodule({ options: { port: lib.mkOption({ type: t.int }) } });
    const e = errorOf(
      [
        { options: { servers: lib.mkOption({ type: t.attrsOf(server) }), base: lib.mkOption({ type: t.int }) } },
        ({ config }: { config: { base: number; servers: Record<string, { port: number }> } }) => ({
          servers: {
            web: {
              get port() {
                return config.base;
              },
            },
          },
          get base() {
            return config.servers["web"]!.port;
          },
        }),
      ],
      (r) => r.config.base,
    );
    expectModuleError(e, "InfiniteRecursion", ["base"], ["base -> servers.web.port -> base"]);
  });

  test("a mkIf condition that reads the option it defines is a cycle, and other options still read", () => {
    const result = lib.evalModules({
      modules: [
        { options: { enable: lib.mkOption({ type: t.bool, default: false }), other: lib.mkOption({ default: 1 }) } },
        ({ config }: { config: { enable: boolean } }) => ({ config: lib.mkIf(() => config.enable, { enable: true }) }),
      ],
    });
    expect(() => result.config.enable).toThrow(/enable -> enable/);
    expect(result.config.other).toBe(1);
  });

  /** An evaluation of `n` options, each defined as the previous one plus one. */
  function chain(n: number) {
    const options: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) options[`o${i}`] = lib.mkOption({ type: t.int });
    return lib.evalModules({
      modules: [
        { options },
        ({ config }: { config: Record<string, number> }) => {
          const defs: Record<string, unknown> = { o0: 0 };
          for (let i = 1; i < n; i++) Object.defineProperty(defs, `o${i}`, { get: () => config[`o${i - 1}`]! + 1, enumerable: true });
          return defs;
        },
      ],
    });
  }

  test("a chain of options that is not a cycle is computed, not reported", () => {
    expect(chain(100).config["o99"]).toBe(99);
  });

  test("a chain too deep for the stack is an InfiniteRecursion error, never a RangeError", () => {
    let thrown: unknown;
    try {
      chain(20000).config["o19999"];
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ModuleError);
    expect((thrown as ModuleError).kind).toBe("InfiniteRecursion");
    expect((thrown as ModuleError).message).toContain("too deep");
  });
});
