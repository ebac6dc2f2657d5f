// Issue 10: a file that cannot be read as data (too large, not UTF-8, empty, a directory, missing)
// is one clear diagnostic of that file; a byte-order mark is a warning and the file is checked.
import { readFileSync, truncateSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { defaultMaxFileBytes } from "../../src/load/index.js";
import { root, runCli } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "./hostile-files.js";

const dir = scratchDirectory("files");
const real = readFileSync(path.join(root, "modules/cuda/manifests/redistrib_12.2.2.json"), "utf8");

function only(paths: readonly string[], options = {}) {
  const diagnostics = checkPaths(paths, options);
  expectWellFormed(diagnostics);
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

describe("size", () => {
  test("a 100 MB manifest is refused before it is read, naming the size and the limit", () => {
    // A sparse file: 100 MB to stat, nothing written to disk.
    const file = writeInput(dir, "huge/redistrib_12.2.2.json", "");
    truncateSync(file, 100 * 1024 * 1024);
    const d = only([file]);
    expect(d).toMatchObject({ kind: "ReadError", locations: [{ file }] });
    expect(d.message).toContain(`${100 * 1024 * 1024} bytes, more than the limit of ${defaultMaxFileBytes}`);
    expect(d.message).toContain("--max-file-size");
  });

  test("the limit is configurable: a real manifest above a small limit is refused, below it checked", () => {
    const file = writeInput(dir, "limit/redistrib_12.2.2.json", real);
    expect(only([file], { maxFileBytes: 1000 }).message).toContain("more than the limit of 1000");
    expect(checkPaths([file], { maxFileBytes: real.length })).toEqual([]);
  });

  test("--max-file-size sets the limit on the command line (exit 1)", () => {
    writeInput(dir, "cli/redistrib_12.2.2.json", real);
    const run = runCli(["check", "--format", "json", "--max-file-size", "1000", "cli/redistrib_12.2.2.json"], dir);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ kind: "ReadError", message: expect.stringContaining("more than the limit of 1000") })]);
  });

  test("the default limit (64 MiB) is the one README's Limits section documents", () => {
    expect(defaultMaxFileBytes).toBe(64 * 1024 * 1024);
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const limits = readme.slice(readme.indexOf("## Limits"));
    expect(limits).toContain("64 MiB");
    expect(limits).toContain("--max-file-size");
  });
});

describe("encodings and empty files", () => {
  test("invalid UTF-8 is one parse error at the first bad byte", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{\n  "release_label": "'), 0xc3, 0x28, ...new TextEncoder().encode('"\n}\n')]);
    const d = only([writeInput(dir, "utf8/redistrib_1.0.0.json", bytes)]);
    expect(d).toMatchObject({ kind: "ParseError", locations: [expect.objectContaining({ line: 2, column: 21 })] });
    expect(d.message).toContain("not valid UTF-8");
  });

  test("a byte-order mark is one warning, and the file is still checked", () => {
    const file = writeInput(dir, "bom/redistrib_12.2.2.json", `\ufeff${real}`);
    const d = only([file]);
    expect(d).toMatchObject({ kind: "ParseError", severity: "warning" });
    expect(d.message).toContain("byte-order mark");
    const broken = writeInput(dir, "bom2/redistrib_12.2.2.json", `\ufeff${real.replace('"release_label": "12.2.2"', '"release_label": 12')}`);
    expect(checkPaths([broken]).map((d) => [d.severity, d.kind])).toEqual([["warning", "ParseError"], ["error", "TypeMismatch"]]);
  });

  test.each([
    ["an empty JSON file", "empty/redistrib_1.0.0.json", "", "is empty"],
    ["a JSON file of blanks", "blank/redistrib_1.0.0.json", " \r\n\t\n", "is empty"],
    ["an empty YAML file", "empty/redistrib_1.0.0.yaml", "", "is empty"],
    ["a YAML file of comments only", "comments/redistrib_1.0.0.yaml", "# nothing\n", "no YAML document"],
  ])("%s is one parse error", (_what, relative, text, says) => {
    const d = only([writeInput(dir, relative, text)]);
    expect(d.kind).toBe("ParseError");
    expect(d.message).toContain(says);
  });
});

describe("paths that are not files", () => {
  test("a directory is one read error", () => {
    const file = path.join(dir, "adir/redistrib_1.0.0.json");
    writeInput(dir, "adir/redistrib_1.0.0.json/inside", "x");
    expect(only([file]).message).toContain("is a directory");
  });

  test("a missing file is one read error", () => {
    expect(only([path.join(dir, "nowhere/redistrib_1.0.0.json")]).message).toContain("there is no such file");
  });

  test("a bad file does not stop the others from being checked", () => {
    const good = writeInput(dir, "mixed/redistrib_12.2.2.json", real.replace('"release_label": "12.2.2"', '"release_label": 12'));
    const diagnostics = checkPaths([path.join(dir, "mixed/missing/redistrib_1.0.0.json"), good]);
    expect(diagnostics.map((d) => d.kind).sort()).toEqual(["ReadError", "TypeMismatch"]);
  });
});
