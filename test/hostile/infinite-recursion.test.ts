// Issue 10: an evaluation whose values depend on each other through several options is
// InfiniteRecursion naming the chain, reported by `check`, never a hang or a stack trace.
import { describe, expect, test } from "vitest";
import { check, lib } from "../../src/lib/index.js";

const { mkOption, types } = lib;

describe("loops through several options", () => {
  test("a -> b -> c -> a is InfiniteRecursion at each option, naming the chain", () => {
    const diagnostics = check({
      modules: [
        { options: { a: mkOption({ type: types.int }), b: mkOption({ type: types.int }), c: mkOption({ type: types.int }) } },
        ({ config }: { config: Record<string, number> }) => ({
          config: {
            get a() { return config["b"]! + 1; },
            get b() { return config["c"]! + 1; },
            get c() { return config["a"]! + 1; },
          },
        }),
      ],
    });
    expect(diagnostics.map((d) => [d.kind, d.path])).toEqual([["InfiniteRecursion", ["a"]], ["InfiniteRecursion", ["b"]], ["InfiniteRecursion", ["c"]]]);
    expect(diagnostics[0]!.message).toContain("a -> b -> c -> a");
    expect(diagnostics[0]!.message).toContain("Break the cycle");
  });

  test("a loop through a submodule and a list is found too", () => {
    const diagnostics = check({
      modules: [
        {
          options: {
            pkgs: mkOption({ type: types.attrsOf(types.submodule({ options: { version: mkOption({ type: types.str }) } })) }),
            versions: mkOption({ type: types.listOf(types.str) }),
          },
        },
        ({ config }: { config: { pkgs: Record<string, { version: string }>; versions: string[] } }) => ({
          config: {
            pkgs: { cudart: { get version() { return config.versions[0]!; } } },
            get versions() { return [config.pkgs["cudart"]!.version]; },
          },
        }),
      ],
    });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.kind === "InfiniteRecursion")).toBe(true);
    expect(diagnostics.map((d) => d.message).join("\n")).toContain("pkgs.cudart.version");
  });

  test("a loop through 50 options is InfiniteRecursion naming every one of them", () => {
    const count = 50;
    const options = Object.fromEntries(Array.from({ length: count }, (_, i) => [`o${i}`, mkOption({ type: types.int })]));
    const defining = ({ config }: { config: Record<string, number> }) => {
      const values = {};
      for (let i = 0; i < count; i++) Object.defineProperty(values, `o${i}`, { enumerable: true, get: () => config[`o${(i + 1) % count}`]! });
      return { config: values };
    };
    const diagnostics = check({ modules: [{ options }, defining] });
    expect(diagnostics).toHaveLength(count);
    expect(diagnostics.every((d) => d.kind === "InfiniteRecursion")).toBe(true);
    const chain = [...Array.from({ length: count }, (_, i) => `o${i}`), "o0"].join(" -> ");
    expect(diagnostics[0]!.message).toContain(chain);
  });
});
