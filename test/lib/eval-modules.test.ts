// evalModules as a whole: laziness (what a read evaluates), module arguments, extendModules, and
// bad arguments.
import { describe, expect, test } from "vitest";
import { lib, ModuleError } from "../../src/index.js";

const t = lib.types;

describe("laziness", () => {
  test("reading one entry of an attrsOf(submodule) of 10^4 entries evaluates only that entry's values", () => {
    let reads = 0;
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) {
      entries[`p${i}`] = {
        get version() {
          reads++;
          return `1.${i}`;
        },
      };
    }
    const pkg = t.submodule({ options: { version: lib.mkOption({ type: t.str }) } });
    const result = lib.evalModules({
      modules: [{ options: { packages: lib.mkOption({ type: t.attrsOf(pkg) }) } }, { packages: entries }],
    });
    const packages = result.config.packages as Record<string, { version: string }>;
    expect(Object.keys(packages)).toHaveLength(10_000);
    expect(reads).toBe(0);
    expect(packages["p42"]!.version).toBe("1.42");
    expect(reads).toBe(1);
  });

  test("an option's value is computed once, however often it is read", () => {
    let computed = 0;
    const result = lib.evalModules({
      modules: [
        { options: { a: lib.mkOption({ type: t.int }), b: lib.mkOption({ type: t.int }) } },
        ({ config }: { config: { a: number } }) => ({
          get a() {
            computed++;
            return 1;
          },
          get b() {
            return config.a + config.a;
          },
        }),
      ],
    });
    expect(result.config.b).toBe(2);
    expect(result.config.a).toBe(1);
    expect(computed).toBe(1);
  });

  test("evalModules itself never throws; a malformed module fails the reads", () => {
    const result = lib.evalModules({ modules: [42] });
    expect(() => result.config).toThrow(expect.objectContaining({ kind: "InvalidModule" }));
  });

  test("evalModules without a list of modules fails every read with InvalidModule", () => {
    const result = lib.evalModules({} as never);
    expect(() => result.config).toThrow(ModuleError);
    expect(() => result.options).toThrow(/Pass the modules as a list/);
  });
});

describe("module arguments", () => {
  test("`lib`, `config`, `options` and `specialArgs` reach every module, imported ones too", () => {
    const seen: string[] = [];
    const result = lib.evalModules({
      specialArgs: { site: "eu" },
      modules: [
        { options: { x: lib.mkOption({ type: t.int, default: 1 }) } },
        (args: Record<string, unknown>) => {
          seen.push(`${args["lib"] === lib} ${typeof args["config"]} ${typeof args["options"]} ${args["site"]}`);
          return { imports: [(inner: Record<string, unknown>) => (seen.push(`${inner["site"]}`), {})] };
        },
      ],
    });
    expect(result.config.x).toBe(1);
    expect(seen).toEqual(["true object object eu", "eu"]);
  });

  test("extendModules adds modules to a copy; the original is unchanged", () => {
    const base = lib.evalModules({ modules: [{ options: { xs: lib.mkOption({ type: t.listOf(t.int), default: [] }) } }, { xs: [1] }] });
    const extended = base.extendModules({ modules: [{ xs: [2] }] });
    expect(extended.config.xs).toEqual([2, 1]);
    expect(base.config.xs).toEqual([1]);
  });

  test("two evaluations in one process never see each other", () => {
    const make = (n: number) =>
      lib.evalModules({ modules: [{ options: { n: lib.mkOption({ type: t.int }) } }, { n }] });
    const one = make(1);
    const two = make(2);
    expect([one.config.n, two.config.n]).toEqual([1, 2]);
  });
});

describe("options", () => {
  test("an option record shows its declarations with positions unknown, and prints as its path", () => {
    const result = lib.evalModules({ modules: [{ _file: "d.nix", options: { a: { b: lib.mkOption({ default: 1 }) } } }] });
    const opt = (result.options.a as Record<string, Record<string, unknown>>)["b"]!;
    expect(opt["declarationPositions"]).toEqual([{ file: "d.nix", line: null, column: null }]);
    expect(String(opt)).toBe("a.b");
  });
});

describe("arguments while modules are collected", () => {
  test("destructuring an argument that only _module.args gives is refused with advice, not a recursion", () => {
    const result = lib.evalModules({
      modules: [
        { options: { v: lib.mkOption({ default: 1 }) }, config: { _module: { args: { paths: "/opt" } } } },
        ({ paths }: { paths: string }) => ({ v: paths }),
      ],
    });
    expect(() => result.config.v).toThrow(
      expect.objectContaining({ kind: "InvalidModule", message: expect.stringContaining("read it inside a getter") }),
    );
  });

  test("an error of a submodule's modules carries the submodule's path", () => {
    const typed = t.submoduleWith({ class: "server", modules: [] });
    const result = lib.evalModules({
      modules: [{ options: { s: lib.mkOption({ type: typed }) } }, { s: { _class: "client" } }],
    });
    expect(() => JSON.stringify(result.config.s)).toThrow(expect.objectContaining({ kind: "InvalidModule", path: ["s"] }));
  });
});

describe("a submodule's name", () => {
  const named = t.submodule((args: { name: string }) => ({
    options: {
      lazy: lib.mkOption({
        type: t.str,
        get default() {
          return args.name;
        },
      }),
    },
  }));
  const evaluate = (name: unknown) =>
    lib.evalModules({
      modules: [{ options: { a: lib.mkOption({ type: t.attrsOf(named) }) } }, { a: { x: { _module: { args: { name } } } } }],
    });

  test("read lazily, it is _module.args.name, which mkForce overrides", () => {
    expect((evaluate(lib.mkForce("forced")).config.a as Record<string, { lazy: string }>)["x"]!.lazy).toBe("forced");
  });

  test("a plain second definition of _module.args.name is a UniqueViolation, as in Nixpkgs", () => {
    expect(() => JSON.stringify(evaluate("other").config.a)).toThrow(
      expect.objectContaining({ kind: "UniqueViolation", path: ["a", "x", "_module", "args", "name"] }),
    );
  });
});

describe("found in review", () => {
  test("one submodule option declared in 60 modules merges in linear time", () => {
    const modules: unknown[] = [];
    for (let i = 0; i < 60; i++) {
      modules.push({ options: { s: lib.mkOption({ type: t.attrsOf(t.submodule({ options: { [`o${i}`]: lib.mkOption({ default: i }) } })) }) } });
    }
    const result = lib.evalModules({ modules: [...modules, { s: { a: {}, b: {} } }] });
    const s = result.config.s as Record<string, Record<string, number>>;
    expect(Object.keys(s["a"]!)).toHaveLength(60);
    expect(s["b"]!["o59"]).toBe(59);
  });

  test("apply receives the merged value whatever its parameter list looks like", () => {
    const result = lib.evalModules({
      modules: [
        {
          options: {
            withDefault: lib.mkOption({ type: t.int, apply: (v: number = 0) => v + 1 }),
            rest: lib.mkOption({ type: t.int, apply: (...v: number[]) => v[0]! + 1 }),
          },
        },
        { withDefault: 5, rest: 5 },
      ],
    });
    expect([result.config.withDefault, result.config.rest]).toEqual([6, 6]);
  });

  test("a module's arguments can be listed and spread", () => {
    const result = lib.evalModules({
      specialArgs: { site: "eu" },
      modules: [
        { options: { a: lib.mkOption({ type: t.int, default: 1 }), b: lib.mkOption({ type: t.int }) } },
        (args: Record<string, unknown>) => {
          const inner = ({ config, site }: { config: { a: number }; site: string }) => ({
            get b() {
              return config.a + site.length;
            },
          });
          return inner({ ...(args as { config: { a: number }; site: string }) });
        },
      ],
    });
    expect(result.config.b).toBe(3);
  });

  test("a declared type that is not a type is an InvalidModule naming the option and the file", () => {
    const result = lib.evalModules({ modules: [{ _file: "d.nix", options: { a: lib.mkOption({ type: t.attrsOf as never }) } }] });
    expect(() => result.config.a).toThrow(
      expect.objectContaining({ kind: "InvalidModule", path: ["a"], message: expect.stringContaining("call it") }),
    );
  });

  test("mkMerge of something other than a list is an InvalidDefinition, not an undeclared `_type`", () => {
    const result = lib.evalModules({ modules: [{ options: { a: lib.mkOption({ default: 1 }) } }, { config: lib.mkMerge({ a: 1 } as never) }] });
    expect(() => result.config.a).toThrow(expect.objectContaining({ kind: "InvalidDefinition", message: expect.stringContaining("list") }));
  });

  test("a priority that is not a number is an InvalidDefinition", () => {
    const result = lib.evalModules({ modules: [{ options: { a: lib.mkOption({ type: t.int }) } }, { a: lib.mkOverride("x" as never, 1) }, { a: 2 }] });
    expect(() => result.config.a).toThrow(expect.objectContaining({ kind: "InvalidDefinition", message: expect.stringContaining("priority") }));
  });

  test("a module key that is not a string is refused rather than deduplicated as [object Object]", () => {
    const result = lib.evalModules({ modules: [{ key: {}, options: {} }, { key: {}, options: { b: lib.mkOption({ default: 1 }) } }] });
    expect(() => result.config).toThrow(expect.objectContaining({ kind: "InvalidModule" }));
  });
});
