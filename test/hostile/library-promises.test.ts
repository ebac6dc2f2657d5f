// The library never breaks its promises (issue 19): the …E forms never throw, whatever they are
// given; a cyclic value under types.anything is an error, not a heap abort; a Map, Set or class
// instance where a set is expected is a TypeMismatch, not read as {}; an exception of the
// configuration's own code surfaces unchanged from the throwing API, and as a ThrownError
// diagnostic at the option where it arose (not InternalError) from check and the …E forms.
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { checkFilesE, checkManifestE, checkReleaseListE, evaluateCuda } from "../../src/cuda/index.js";
import { checkE, evalModules, evalModulesE, mkOption, types, ModuleError } from "../../src/lib/index.js";

class UserFault extends Error {}

function leftKinds<T>(result: E.Either<readonly { kind: string; path: readonly string[] }[], T>): [string, readonly string[]][] {
  if (E.isRight(result)) throw new Error("expected diagnostics");
  return result.left.map((d) => [d.kind, d.path]);
}

describe("the …E forms never throw", () => {
  const odd: unknown[] = [null, undefined, 42, "modules/cuda/manifests/redistrib_12.2.2.json", [1, 2], [null], {}, Symbol("x")];
  for (const input of odd) {
    test(`checkFilesE(${String(typeof input === "symbol" ? "Symbol" : JSON.stringify(input))})`, () => {
      const run = () => checkFilesE(input as readonly string[]);
      expect(run).not.toThrow();
      const result = run();
      expect(E.isLeft(result)).toBe(true);
    });
    test(`evalModulesE and checkE of ${String(typeof input === "symbol" ? "Symbol" : JSON.stringify(input))}`, () => {
      expect(() => evalModulesE(input as never)).not.toThrow();
      expect(() => checkE(input as never)).not.toThrow();
      expect(() => evalModulesE({ modules: input } as never)).not.toThrow();
    });
  }

  test("checkFilesE with options that throw when read", () => {
    const options = {
      get kind(): never {
        throw new UserFault("no");
      },
    };
    expect(() => checkFilesE(["modules/cuda/manifests/redistrib_12.2.2.json"], options)).not.toThrow();
  });

  test("checkManifestE and checkReleaseListE on data with a throwing getter, and on a Proxy that throws: a diagnostic at the path", () => {
    const data = {
      release_label: "1.0",
      get cuda_cudart(): never {
        throw new UserFault("getter of a package");
      },
    };
    const evaluation = evaluateCuda({ manifests: [{ product: "cuda", kind: "redistrib", version: "1.0", file: "getter.json", data }] });
    expect(() => checkManifestE(evaluation, "cuda", "1.0")).not.toThrow();
    expect(leftKinds(checkManifestE(evaluation, "cuda", "1.0"))[0]![0]).toBe("ThrownError");

    const proxy = new Proxy({}, { ownKeys: () => { throw new UserFault("proxy"); }, get: () => { throw new UserFault("proxy"); } });
    const lists = evaluateCuda({ releases: [{ file: "proxy.json", data: { cudnn: { releases: proxy } } }] });
    expect(() => checkReleaseListE(lists, "cudnn")).not.toThrow();
    expect(E.isLeft(checkReleaseListE(lists, "cudnn"))).toBe(true);
  });
});

describe("values the engine must refuse rather than misread", () => {
  const declared = { options: { any: mkOption({ type: types.anything, default: null }), set: mkOption({ type: types.attrsOf(types.int), default: {} }) } };

  test("a cyclic value under types.anything is an InfiniteRecursion naming the path back, from both APIs", () => {
    const cyclic: Record<string, unknown> = { a: { b: [1] } };
    (cyclic["a"] as Record<string, unknown>)["back"] = cyclic;
    const modules = [declared, { _file: "cycle.ts", config: { any: cyclic } }];
    expect(leftKinds(checkE({ modules }))).toEqual([["InfiniteRecursion", ["any"]]]);
    const thrown = (() => {
      try {
        evalModules({ modules }).config["any"];
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ModuleError);
    expect((thrown as ModuleError).message).toContain("any.a.back");
  });

  test("a cycle through a list, and a value shared twice without a cycle (which is fine)", () => {
    const list: unknown[] = [];
    list.push({ again: list });
    expect(leftKinds(checkE({ modules: [declared, { config: { any: { list } } }] }))).toEqual([["InfiniteRecursion", ["any"]]]);
    const shared = { x: 1 };
    expect(E.isRight(checkE({ modules: [declared, { config: { any: { one: shared, two: shared } } }] }))).toBe(true);
  });

  for (const [name, value] of [
    ["a Map", new Map([["x", 1]])],
    ["a Set", new Set([1])],
    ["a Date", new Date(0)],
    ["a class instance", new (class Settings { x = 1; })()],
  ] as const) {
    test(`${name} where a set is expected is a TypeMismatch`, () => {
      expect(leftKinds(checkE({ modules: [declared, { config: { set: value } }] }))).toEqual([["TypeMismatch", ["set"]]]);
    });
  }

  test("an object with a null prototype is a set", () => {
    const set = Object.assign(Object.create(null) as Record<string, number>, { x: 1 });
    const result = checkE({ modules: [declared, { config: { set } }] });
    expect(E.isRight(result) && result.right["set"]).toEqual({ x: 1 });
  });
});

describe("the configuration's own exceptions", () => {
  const declared = { options: { port: mkOption({ type: types.port }), name: mkOption({ type: types.str, default: "x" }) } };
  const throwing = {
    _file: "throwing.ts",
    config: {
      get port(): number {
        throw new UserFault("the port is not decided yet");
      },
    },
  };

  test("surface unchanged from the throwing API, as Nix propagates throw", () => {
    expect(() => evalModules({ modules: [declared, throwing] }).config["port"]).toThrow(UserFault);
  });

  test("are a ThrownError at the option where they arose from check and the …E forms, the other options still checked", () => {
    const result = checkE({ modules: [declared, throwing, { config: { name: 5 } }] });
    expect(leftKinds(result)).toEqual([
      ["TypeMismatch", ["name"]],
      ["ThrownError", ["port"]],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
    const thrown = E.isLeft(result) ? result.left.find((d) => d.kind === "ThrownError") : undefined;
    expect(thrown?.message).toContain("the port is not decided yet");
  });

  test("a thrown string, as Nix's throw gives one: a ThrownError with its text", () => {
    const result = checkE({ modules: [declared, { config: { get port(): number { throw "no port, by design"; } } }] });
    const found = E.isLeft(result) ? result.left : [];
    expect(found.map((d) => [d.kind, d.path])).toEqual([["ThrownError", ["port"]]]);
    expect(found[0]?.message).toContain("no port, by design");
  });

  test("a module function that throws: a ThrownError, not an InternalError", () => {
    const result = evalModulesE({ modules: [declared, () => { throw new UserFault("no module today"); }] });
    expect(leftKinds(result).map(([kind]) => kind)).toEqual(["ThrownError"]);
  });
});
