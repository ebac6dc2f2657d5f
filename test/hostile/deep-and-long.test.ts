// Issue 10: 100,000 levels of lists or objects, and very long strings, give a diagnostic, never a
// RangeError or a crashed process. Files are refused past the nesting limit by a scan that does
// not recurse; values handed to the engine directly are walked without recursion too.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { check, lib } from "../../src/lib/index.js";
import { maxNestingDepth } from "../../src/load/index.js";
import { root } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "./hostile-files.js";

const dir = scratchDirectory("deep");
const levels = 100_000;

function nested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return value;
}

describe("deep nesting in files", () => {
  test.each([
    ["lists in JSON", "redistrib_1.0.0.json", "[".repeat(levels) + "]".repeat(levels), 1, maxNestingDepth + 1],
    ["objects in JSON", "redistrib_1.0.0.json", '{"a":'.repeat(levels) + "1" + "}".repeat(levels), 1, 5 * maxNestingDepth + 1],
    ["flow lists in YAML", "redistrib_1.0.0.yaml", "[".repeat(levels) + "]".repeat(levels), 1, maxNestingDepth + 1],
    ["block lists in YAML", "redistrib_1.0.0.yaml", "- ".repeat(levels) + "x\n", 1, 2 * maxNestingDepth + 1],
    ["a release list in JSON", "releases.json", '{"cudnn":'.repeat(levels) + "1" + "}".repeat(levels), 1, 9 * maxNestingDepth + 1],
  ])("%s: one parse error at the first value too deep", (_what, name, text, line, column) => {
    // Twice: the `yaml` package, which the positions come from, could abort the process on its second deep parse.
    for (const attempt of [1, 2]) {
      const diagnostics = checkPaths([writeInput(dir, `${attempt}/${name}`, text)]);
      expectWellFormed(diagnostics);
      expect(diagnostics).toEqual([expect.objectContaining({ kind: "ParseError", locations: [expect.objectContaining({ line, column })] })]);
      expect(diagnostics[0]!.message).toContain(`more than ${maxNestingDepth} levels deep`);
    }
  });

  test("nesting up to the limit is read, and the engine reports the type errors in it", () => {
    const text = JSON.stringify({ release_label: nested(maxNestingDepth - 1, "array") });
    const diagnostics = checkPaths([writeInput(dir, "limit/redistrib_1.0.0.json", text)]);
    expectWellFormed(diagnostics);
    expect(diagnostics.map((d) => [d.kind, d.path.slice(4).join(".")])).toEqual([["TypeMismatch", "release_label"]]);
  });

  test("the same in YAML", () => {
    const text = `release_label:\n${"  ".repeat(1)}${"- ".repeat(maxNestingDepth - 1)}x\n`;
    const diagnostics = checkPaths([writeInput(dir, "limit/redistrib_1.0.0.yaml", text)]);
    expectWellFormed(diagnostics);
    expect(diagnostics.map((d) => [d.kind, d.path.slice(4).join(".")])).toEqual([["TypeMismatch", "release_label"]]);
  });
});

describe("deep values given to the engine directly", () => {
  const { mkOption, types } = lib;
  test.each([["array"], ["object"]] as const)("%s: 100,000 levels under a typed option are a TypeMismatch, not a RangeError", (kind) => {
    const diagnostics = check({ modules: [{ options: { x: mkOption({ type: types.attrsOf(types.str) }) } }, { config: { x: { deep: nested(levels, kind) } } }] });
    expect(diagnostics.map((d) => [d.kind, d.path])).toEqual([["TypeMismatch", ["x", "deep"]]]);
    expect(diagnostics[0]!.message.length).toBeLessThan(2000);
  });

  // `types.anything` merged such a value level by level with a path per level, so its memory grew
  // with the square of the depth (20,000 levels took 2.6 GB). Plain data is now merged in one pass.
  // Run in a child with a 512 MB heap so that a regression cannot take the tests down.
  test("engine: 100,000 levels of objects under `types.anything` are checked in bounded memory", () => {
    const tsx = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;
    const lib = pathToFileURL(path.join(root, "src/lib/index.ts")).href;
    const script = `
      const { check, lib } = await import(${JSON.stringify(lib)});
      let value = 1; for (let i = 0; i < ${levels}; i++) value = { a: value };
      const ds = check({ modules: [{ options: { x: lib.mkOption({ type: lib.types.anything }) } }, { config: { x: value } }] });
      process.stdout.write(JSON.stringify(ds.map((d) => d.kind)));`;
    const run = spawnSync(process.execPath, ["--max-old-space-size=512", "--import", tsx, "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});

describe("long strings", () => {
  test("a 10 MB string where a package belongs is one TypeMismatch whose message shows only its start", () => {
    const text = JSON.stringify({ release_label: "12.2.2", cuda_cudart: "x".repeat(10_000_000) });
    const diagnostics = checkPaths([writeInput(dir, "long/redistrib_12.2.2.json", text)]);
    expectWellFormed(diagnostics);
    expect(diagnostics.map((d) => [d.kind, d.path.slice(4).join(".")])).toEqual([["TypeMismatch", "cuda_cudart"]]);
    expect(diagnostics[0]!.message.length).toBeLessThan(2000);
  });

  test("a key of 200,000 characters is kept whole in the path and cut in the message", () => {
    const key = "k".repeat(200_000);
    const text = JSON.stringify({ release_label: "1.0.0", [key]: 5 });
    const diagnostics = checkPaths([writeInput(dir, "long-key/redistrib_1.0.0.json", text)]);
    expectWellFormed(diagnostics);
    expect(diagnostics.map((d) => [d.kind, d.path[d.path.length - 1]])).toEqual([["TypeMismatch", key]]);
    expect(diagnostics[0]!.message.length).toBeLessThan(2000);
    expect(diagnostics[0]!.message).toMatch(/kkkk… \(2000[0-9]{2} characters\)/);
  });

  test("a release list that is a list is one InvalidDefinition that says what the top must be", () => {
    const diagnostics = checkPaths([writeInput(dir, "list/releases.json", "[1, 2]")]);
    expectWellFormed(diagnostics);
    expect(diagnostics.map((d) => [d.kind, d.path])).toEqual([["InvalidDefinition", []]]);
    expect(diagnostics[0]!.message).toContain("the configuration is [ 1 2 ], a value of type list");
    expect(diagnostics[0]!.message).not.toContain("``");
  });

  test("a 10 MB string where a string belongs is kept whole", () => {
    // release_date: a release_label must now equal the file name's version.
    const date = "y".repeat(10_000_000);
    const diagnostics = checkPaths([writeInput(dir, "long/redistrib_1.0.0.json", JSON.stringify({ release_date: date }))]);
    expect(diagnostics).toEqual([]);
  });

  test("a 10 MB release_label that differs from the file name is one located error whose message shows only its start", () => {
    const label = "y".repeat(10_000_000);
    const diagnostics = checkPaths([writeInput(dir, "long-label/redistrib_1.0.0.json", JSON.stringify({ release_label: label }))]);
    expect(diagnostics.map((d) => [d.kind, d.path.at(-1), d.locations[0]?.line])).toEqual([["InvalidDefinition", "release_label", 1]]);
    expect(diagnostics[0]!.message.length).toBeLessThan(1000);
  });
});
