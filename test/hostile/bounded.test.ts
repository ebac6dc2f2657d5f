// Bounded time and memory (issue 19): a large valid manifest is checked in a heap in proportion to
// its size, in a child process whose heap is capped (README, Limits: about 10 bytes of heap per
// byte of input, on top of the ~60 MB the command needs to start); the human format of tens of
// thousands of diagnostics is made in one pass over each file's lines.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "../cli/run-cli.js";
import { scratchDirectory, writeInput } from "./hostile-files.js";

const dir = scratchDirectory("bounded");
const main = path.join(root, "dist/src/cli/main.js");

/** Runs the built command with its V8 heap capped at `heapMegabytes`. */
function runCapped(heapMegabytes: number, args: readonly string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${heapMegabytes}`, main, ...args], { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: "1" } });
}

/** A valid CUDA manifest of `count` packages, written without white space, as a minified file is. */
function bigManifest(count: number): string {
  const data: Record<string, unknown> = { release_date: "2026-01-01", release_label: "99.0.0", release_product: "cuda" };
  for (let i = 0; i < count; i++) {
    data[`pkg_${i}`] = {
      name: `Package ${i}`,
      license: "CUDA Toolkit",
      version: "1.2.3",
      "linux-x86_64": { relative_path: `p${i}/linux-x86_64/p${i}-1.2.3-archive.tar.xz`, sha256: "a".repeat(64), md5: "b".repeat(32), size: "12345" },
    };
  }
  return JSON.stringify(data);
}

describe("bounded memory", () => {
  test("a valid 16 MB manifest of 54,000 packages is checked in a 256 MB heap", () => {
    const file = writeInput(dir, "big/cuda/redistrib_99.0.0.json", bigManifest(54_000));
    expect(statSync(file).size).toBeGreaterThan(15_000_000);
    const run = runCapped(256, ["check", file]);
    expect(run.stderr).not.toContain("heap out of memory");
    expect([run.status, run.stdout]).toEqual([0, "✓ 1 file checked: no errors.\n"]);
  }, 60_000);

  test("a broken entry of such a manifest is still found, at its line, in the same heap", () => {
    const text = bigManifest(54_000).replace('"pkg_53999":{"name":"Package 53999",', '"pkg_53999":{');
    const file = writeInput(dir, "big-broken/cuda/redistrib_99.0.0.json", text);
    const run = runCapped(256, ["check", "--format", "json", file]);
    expect(run.status).toBe(1);
    const [d] = JSON.parse(run.stdout) as { kind: string; path: string[]; locations: { line?: number; column?: number }[] }[];
    expect([d?.kind, d?.path.at(-1), d?.locations[0]?.line, d?.locations[0]?.column]).toEqual(["NoDefinition", "name", 1, text.indexOf('"pkg_53999"') + 1]);
  }, 60_000);
});

describe("bounded time", () => {
  test("40,000 duplicate keys are each reported in the human format, with their frames", () => {
    const text = `{\n${Array.from({ length: 40_001 }, (_, i) => `  "k": ${i}`).join(",\n")}\n}\n`;
    const file = writeInput(dir, "duplicates/redistrib_1.0.json", text);
    const run = runCapped(1024, ["check", file]);
    expect(run.status).toBe(1);
    expect(run.stdout.match(/ error ParseError\n/g)?.length).toBe(40_000);
    expect(run.stdout).toContain("> 40002 |   \"k\": 40000");
    expect(run.stdout.endsWith("✗ 1 file checked: 40000 errors.\n")).toBe(true);
  }, 30_000);
});
