// The engine's non-throwing forms, `evalModulesE` and `checkE`: the evaluation (or the
// configuration) when every value reads without error, every diagnostic otherwise, and never a
// throw, even on input that makes `evalModules` throw.
import { fileURLToPath } from "node:url";
import { either as E } from "fp-ts";
import { pipe } from "fp-ts/lib/function.js";
import { describe, expect, test } from "vitest";
import { checkE, checkEither, diagnosticOf, evalModules, evalModulesE, mkOption, types, type Diagnostic, type Locator } from "../../src/lib/index.js";

const declarations = {
  _file: "declare-server.ts",
  options: {
    port: mkOption({ type: types.port, default: 80 }),
    hosts: mkOption({ type: types.attrsOf(types.submodule({ options: { root: mkOption({ type: types.path }) } })), default: {} }),
  },
};
const summary = (ds: readonly Diagnostic[]) => ds.map((d) => [d.kind, d.path.join(".")]).sort();
const leftOf = <A>(result: E.Either<Diagnostic[], A>): Diagnostic[] =>
  pipe(
    result,
    E.match(
      (diagnostics) => diagnostics,
      () => {
        throw new Error("expected diagnostics, got a right");
      },
    ),
  );

describe("evalModulesE", () => {
  test("valid modules give the evaluation, with its configuration and options", () => {
    const result = evalModulesE({ modules: [declarations, { config: { port: 8080, hosts: { docs: { root: "/srv/docs" } } } }] });
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    expect(result.right.config["port"]).toBe(8080);
    expect((result.right.config["hosts"] as Record<string, { root: string }>)["docs"]?.root).toBe("/srv/docs");
    expect((result.right.options["port"] as { type: { name: string } }).type.name).toBe("unsignedInt16");
  });

  test("a value of the wrong type is a TypeMismatch at its path, located by the locator, where evalModules throws", () => {
    const args = { modules: [declarations, { _file: "define-bad-port.json", config: { port: 70000 } }] };
    expect(() => evalModules(args).config["port"]).toThrow(/is not of type/);
    const locate: Locator = (file, path) => (file === "define-bad-port.json" ? { file, line: 3, column: path.length + 4 } : undefined);
    const diagnostics = leftOf(evalModulesE(args, { locate }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      kind: "TypeMismatch",
      severity: "error",
      path: ["port"],
      locations: [{ file: "define-bad-port.json", line: 3, column: 5 }],
    });
    expect(diagnostics[0]?.message).toContain("70000");
  });

  test("every error is reported, inside submodules too, not only the first that evalModules throws", () => {
    const args = {
      modules: [declarations, { config: { port: "http", hosts: { docs: { root: 1 }, api: { root: "/srv/api", index: "x" } }, typo: true } }],
    };
    expect(() => evalModules(args).config["port"]).toThrow();
    expect(summary(leftOf(evalModulesE(args)))).toEqual([
      ["TypeMismatch", "hosts.docs.root"],
      ["TypeMismatch", "port"],
      ["UndeclaredOption", "hosts.api.index"],
      ["UndeclaredOption", "typo"],
    ]);
  });

  test("a module that cannot be collected is an InvalidModule diagnostic, not a throw", () => {
    const args = { modules: [{ imports: 3 }] };
    expect(() => evalModules(args).config).toThrow();
    expect(() => evalModulesE(args)).not.toThrow();
    expect(summary(leftOf(evalModulesE(args)))).toEqual([["InvalidModule", ""]]);
  });

  test("values that depend on each other are an InfiniteRecursion diagnostic, not a throw", () => {
    const args = {
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
    };
    expect(() => evalModules(args).config["a"]).toThrow();
    expect(leftOf(evalModulesE(args)).map((d) => d.kind)).toContain("InfiniteRecursion");
  });

  test("a module whose own code throws is a ThrownError diagnostic at the option it arose at, without a stack (InternalError stays for the engine's faults)", () => {
    const args = {
      modules: [
        declarations,
        {
          config: {
            get port(): number {
              throw new TypeError("no port today");
            },
          },
        },
      ],
    };
    expect(() => evalModules(args).config["port"]).toThrow(TypeError);
    const [diagnostic] = leftOf(evalModulesE(args));
    expect([diagnostic?.kind, diagnostic?.path]).toEqual(["ThrownError", ["port"]]);
    expect(diagnostic?.message).toContain("TypeError: no port today");
    expect(diagnostic?.message).not.toMatch(/\n\s+at /);
  });

  test("an exception whose stack starts in the engine's own files is an InternalError", () => {
    const fault = new TypeError("cannot read properties of undefined");
    const engineFile = fileURLToPath(new URL("../../src/lib/eval-modules.ts", import.meta.url));
    fault.stack = `TypeError: cannot read properties of undefined\n    at evalModules (${engineFile}:10:5)\n    at user (/elsewhere/user.ts:1:1)`;
    expect(diagnosticOf(fault, undefined, ["port"]).kind).toBe("InternalError");
    fault.stack = `TypeError: cannot read properties of undefined\n    at JSON.parse (<anonymous>)\n    at get port (/elsewhere/user.ts:3:9)\n    at evalModules (${engineFile}:10:5)`;
    expect(diagnosticOf(fault, undefined, ["port"]).kind).toBe("ThrownError");
  });

  test("roots limit what must read without error; an option outside them still throws when read", () => {
    const modules = [
      { options: { used: mkOption({ type: types.int }), helper: mkOption({ type: types.int }) } },
      { config: { used: 1 } },
    ];
    expect(summary(leftOf(evalModulesE({ modules })))).toEqual([["NoDefinition", "helper"]]);
    const result = evalModulesE({ modules }, { roots: [["used"]] });
    if (E.isLeft(result)) throw new Error(`expected a right, got ${JSON.stringify(result.left)}`);
    expect(result.right.config["used"]).toBe(1);
    expect(() => result.right.config["helper"]).toThrow(/no definition/i);
  });
});

describe("checkE", () => {
  test("is checkEither under the name of the other non-throwing forms", () => {
    expect(checkE).toBe(checkEither);
  });

  test("valid modules give the configuration, fully read", () => {
    const result = checkE({ modules: [declarations, { config: { hosts: { a: { root: "/a" } } } }] });
    expect(pipe(result, E.map((config) => JSON.stringify(config)))).toEqual(E.right('{"hosts":{"a":{"root":"/a"}},"port":80}'));
  });

  test("bad input gives every diagnostic with kind and path; the throwing form throws the first", () => {
    const args = { modules: [declarations, { _file: "define-hosts.yaml", config: { hosts: { a: { root: "relative" } }, port: -1 } }] };
    expect(() => evalModules(args).config["hosts"]).not.toThrow();
    expect(() => JSON.stringify(evalModules(args).config)).toThrow();
    const diagnostics = leftOf(checkE(args));
    expect(summary(diagnostics)).toEqual([
      ["TypeMismatch", "hosts.a.root"],
      ["TypeMismatch", "port"],
    ]);
    for (const d of diagnostics) expect(d.locations).toEqual([{ file: "define-hosts.yaml" }]);
  });
});
