// `check` reports every error of an evaluation at once: one broken value hides nothing beside it.
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { check, checkEither, mkOption, types, type Diagnostic } from "../../src/lib/index.js";

const entry = types.submodule({
  options: {
    version: mkOption({ type: types.str }),
    size: mkOption({ type: types.int }),
  },
});
const declarations = {
  _file: "decl.ts",
  options: {
    packages: mkOption({ type: types.attrsOf(entry) }),
    names: mkOption({ type: types.listOf(types.str), default: [] }),
    port: mkOption({ type: types.port, default: 80 }),
  },
};
const summary = (ds: readonly Diagnostic[]) => ds.map((d) => [d.kind, d.path.join(".")]).sort();

describe("check", () => {
  test("a valid configuration has no diagnostics, and checkEither gives it", () => {
    const modules = [declarations, { config: { packages: { a: { version: "1", size: 2 } } } }];
    expect(check({ modules })).toEqual([]);
    const result = checkEither({ modules });
    expect(E.isRight(result) && (result.right["packages"] as Record<string, unknown>)["a"]).toEqual({ version: "1", size: 2 });
  });

  test("errors in several packages, and several in one package, are all reported", () => {
    const config = {
      _file: "data.json",
      config: {
        packages: {
          a: { version: 1, size: "big", extra: true },
          b: { version: "2" },
          c: { version: "3", size: 3 },
        },
        port: 70000,
        typo: 1,
      },
    };
    const diagnostics = check({ modules: [declarations, config] });
    expect(summary(diagnostics)).toEqual([
      ["NoDefinition", "packages.b.size"],
      ["TypeMismatch", "packages.a.size"],
      ["TypeMismatch", "packages.a.version"],
      ["TypeMismatch", "port"],
      ["UndeclaredOption", "packages.a.extra"],
      ["UndeclaredOption", "typo"],
    ]);
    for (const d of diagnostics) expect(d.severity).toBe("error");
    const typo = diagnostics.find((d) => d.path.join(".") === "typo")!;
    expect(typo.locations).toEqual([{ file: "data.json" }]);
  });

  test("the locator gives each definition its position", () => {
    const diagnostics = check(
      { modules: [declarations, { _file: "data.json", config: { port: "x" } }] },
      { locate: (file, path) => (file === "data.json" ? { file, line: path.length, column: 7 } : undefined) },
    );
    expect(diagnostics.map((d) => d.locations)).toEqual([[{ file: "data.json", line: 1, column: 7 }]]);
  });

  test("a list item of the wrong type is reported at the list, and the walk goes on", () => {
    const diagnostics = check({ modules: [declarations, { config: { names: ["a", 2], port: -1 } }] });
    expect(summary(diagnostics)).toEqual([
      ["TypeMismatch", "names.[definition 1-entry 2]"],
      ["TypeMismatch", "port"],
    ]);
  });

  test("a module that cannot be collected is one diagnostic, not a throw", () => {
    const diagnostics = check({ modules: [{ imports: 3 }] });
    expect(diagnostics.map((d) => d.kind)).toEqual(["InvalidModule"]);
  });

  test("an infinite recursion is a diagnostic with its chain", () => {
    const diagnostics = check({
      modules: [
        { options: { a: mkOption({ type: types.int }), b: mkOption({ type: types.int }) } },
        ({ config }: { config: { a: number; b: number } }) => ({
          config: {
            get a() {
              return config.b;
            },
            get b() {
              return config.a;
            },
          },
        }),
      ],
    });
    expect(diagnostics.map((d) => d.kind)).toContain("InfiniteRecursion");
  });
});

test("roots limit the walk to the given option paths; undeclared options are reported anyway", () => {
  const modules = [
    { options: { used: { n: mkOption({ type: types.int }) }, helper: mkOption({ type: types.int }) } },
    { config: { used: { n: "x" }, stray: 1 } },
  ];
  expect(summary(check({ modules }))).toEqual([
    ["NoDefinition", "helper"],
    ["TypeMismatch", "used.n"],
    ["UndeclaredOption", "stray"],
  ]);
  expect(summary(check({ modules }, { roots: [["used"]] }))).toEqual([
    ["TypeMismatch", "used.n"],
    ["UndeclaredOption", "stray"],
  ]);
});
