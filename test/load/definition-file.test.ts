// Definition files with positions: strict JSON, safe YAML, and one clear diagnostic for every way a
// file can fail to be read.
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { either as E } from "fp-ts";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseDefinitionText, readDefinitionFile, type LoadDiagnostic, type LoadedFile } from "../../src/load/index.js";

const json = (text: string) => parseDefinitionText(new TextEncoder().encode(text), "f.json", "json");
const yaml = (text: string) => parseDefinitionText(new TextEncoder().encode(text), "f.yaml", "yaml");

function failure(result: E.Either<LoadDiagnostic[], LoadedFile>): { kind: string; line?: number; column?: number; message: string }[] {
  if (E.isRight(result)) throw new Error("expected diagnostics");
  return result.left.map((d) => ({ kind: d.kind, ...pick(d.locations[0]), message: d.message }));
}
function pick(location: { line?: number; column?: number } | undefined) {
  return { ...(location?.line !== undefined ? { line: location.line } : {}), ...(location?.column !== undefined ? { column: location.column } : {}) };
}
function loaded(result: E.Either<LoadDiagnostic[], LoadedFile>): LoadedFile {
  if (E.isLeft(result)) throw new Error(result.left.map((d) => d.message).join("\n"));
  return result.right;
}

describe("strict JSON", () => {
  test.each([
    ["a trailing comma", '{\n  "a": 1,\n}', 3, 1],
    ["a comment", '{\n  // no\n  "a": 1\n}', 2, 3],
    ["a single-quoted string", "{'a': 1}", 1, 2],
  ])("%s is an error at its line and column", (_what, text, line, column) => {
    const [d] = failure(json(text));
    expect(d).toMatchObject({ kind: "ParseError", line, column });
    expect(d!.message).toContain("JSON allows no comments");
  });

  test("truncated JSON points at the end and says it may be truncated", () => {
    const [d] = failure(json('{\n  "a": {\n    "b": 1'));
    expect(d).toMatchObject({ kind: "ParseError", line: 3, column: 11 });
    expect(d!.message).toContain("truncated");
  });

  test("every duplicate key is an error at its second occurrence, naming the first", () => {
    const ds = failure(json('{\n  "a": 1,\n  "b": {"x": 1, "x": 2},\n  "a": 3\n}'));
    expect(ds.map((d) => [d.line, d.column])).toEqual([[3, 17], [4, 3]]);
    expect(ds[1]!.message).toContain('the key "a" twice in one object (first at 2:3)');
  });

  test("keys equal after escapes are duplicates; equal keys in different objects are not", () => {
    expect(failure(json('{"a": 1, "\\u0061": 2}'))).toHaveLength(1);
    expect(E.isRight(json('[{"a": 1}, {"a": 2}, {"s": "\\"{"}]'))).toBe(true);
  });

  test("a duplicate key is found in any object of random JSON, and a file without one is read as JSON.parse reads it", () => {
    // Objects written as lists of entries, so that a key may come twice.
    type Tree = string | number | Tree[] | { entries: [string, Tree][] };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom("v", 'q"u\\o'),
        fc.integer(),
        fc.array(tie("tree"), { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom("a", "b", "\\u0061", "__proto__", '\\"'), tie("tree")), { maxLength: 3 }).map((entries) => ({ entries })),
      ),
    }));
    const write = (t: Tree): string =>
      typeof t === "string" ? JSON.stringify(t) : typeof t === "number" ? String(t) : Array.isArray(t) ? `[${t.map(write).join(",")}]` : `{${t.entries.map(([k, v]) => `"${k}": ${write(v)}`).join(", ")}}`;
    const duplicates = (t: Tree): number =>
      typeof t !== "object"
        ? 0
        : Array.isArray(t)
          ? t.reduce<number>((n, x) => n + duplicates(x), 0)
          : t.entries.length - new Set(t.entries.map(([k]) => JSON.parse(`"${k}"`) as string)).size + t.entries.reduce<number>((n, [, v]) => n + duplicates(v), 0);
    fc.assert(
      fc.property(tree, (t) => {
        const text = write(t);
        const result = json(text);
        if (duplicates(t) === 0) expect(result).toEqual(E.right(expect.objectContaining({ data: JSON.parse(text) })));
        else expect(failure(result)).toHaveLength(duplicates(t));
      }),
      { seed: 21, numRuns: 500 },
    );
  });

  test("strings end at the first quote not escaped, however many backslashes precede it", () => {
    // A key ending in an escaped backslash, a value holding an escaped quote and braces, then the same key.
    expect(failure(json('{"a\\\\": "x\\"}{\\\\", "k": 1, "a\\\\": 2}'))).toEqual([expect.objectContaining({ line: 1, column: 28 })]);
    expect(failure(json('{"k": "\\\\\\"", "k": 1}'))).toEqual([expect.objectContaining({ column: 15 })]);
    // An escape anywhere in a key is decoded before keys are compared, far from any other backslash.
    expect(failure(json(`{"${"x".repeat(5000)}": 1, "a": 2, "\\u0061": 3}`))).toHaveLength(1);
  });

  test("a byte-order mark is a warning and the file is read", () => {
    const file = loaded(json('\ufeff{"a": 1}'));
    expect(file.data).toEqual({ a: 1 });
    expect(file.warnings.map((w) => [w.severity, w.kind])).toEqual([["warning", "ParseError"]]);
  });

  test("empty and invalid UTF-8 files are one error each", () => {
    expect(failure(json(" \n"))[0]!.message).toContain("is empty");
    const bad = parseDefinitionText(new Uint8Array([0x7b, 0x0a, 0x22, 0xff, 0x22]), "f.json", "json");
    expect(failure(bad)).toEqual([expect.objectContaining({ kind: "ParseError", line: 2, column: 2 })]);
  });
});

describe("positions", () => {
  const text = '{\r\n  "pkg": {\r\n    "version": "1.2",\r\n    "list": [1, {"deep": true}]\r\n  }\r\n}\r\n';
  const file = loaded(json(text));

  test("a value's key and value, with CRLF line endings", () => {
    expect(file.index.locate(["pkg", "version"])).toEqual({ file: "f.json", line: 3, column: 5, endLine: 3, endColumn: 21 });
  });

  test("list items by Nixpkgs' definition-entry name and by index", () => {
    expect(file.index.locate(["pkg", "list", "[definition 1-entry 2]", "deep"])).toMatchObject({ line: 4, column: 18 });
    expect(file.index.locate(["pkg", "list", "[0]"])).toMatchObject({ line: 4, column: 14 });
  });

  test("a path missing from the file points at the key of its deepest parent", () => {
    expect(file.index.locate(["pkg", "size"])).toEqual({ file: "f.json", line: 2, column: 3, endLine: 2, endColumn: 8 });
  });
});

describe("safe YAML", () => {
  test("values and positions", () => {
    const file = loaded(yaml("pkg:\n  version: '1.2'\n  __proto__: {x: 1}\n"));
    expect(Object.keys(file.data as object)).toEqual(["pkg"]);
    expect(Object.keys((file.data as { pkg: object }).pkg)).toEqual(["version", "__proto__"]);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
    expect(file.index.locate(["pkg", "version"])).toMatchObject({ line: 2, column: 3 });
  });

  test("tags, duplicate keys, several documents and alias bombs are refused", () => {
    expect(failure(yaml("a: !!js/function 'f'\n"))[0]!.message).toContain("remove the tag");
    expect(failure(yaml("a: 1\na: 2\n"))[0]).toMatchObject({ kind: "ParseError", line: 2 });
    expect(failure(yaml("a: 1\n---\nb: 2\n"))[0]!.message).toContain("2 YAML documents");
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)].join("\n");
    expect(failure(yaml(bomb))[0]!.message).toContain("aliases expand too much");
  });
});

describe("files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-load-"));
  mkdirSync(path.join(dir, "sub.json"));
  writeFileSync(path.join(dir, "big.json"), "[" + "1,".repeat(100) + "1]");

  test("a missing file, a directory and a file over the size limit are one read error each", () => {
    expect(failure(readDefinitionFile(path.join(dir, "none.json")))[0]!.message).toContain("there is no such file");
    expect(failure(readDefinitionFile(path.join(dir, "sub.json")))[0]!.message).toContain("is a directory");
    expect(failure(readDefinitionFile(path.join(dir, "big.json"), { maxFileBytes: 100 }))[0]!.message).toContain("more than the limit of 100");
    expect(E.isRight(readDefinitionFile(path.join(dir, "big.json")))).toBe(true);
  });

  test("a file is read whole, at its size limit exactly, and read as far as the limit where it reports no size", () => {
    const exact = path.join(dir, "exact.json");
    const text = JSON.stringify({ a: "x".repeat(5000) });
    writeFileSync(exact, text);
    const read = readDefinitionFile(exact, { maxFileBytes: text.length });
    expect(E.isRight(read) && read.right.data).toEqual({ a: "x".repeat(5000) });
    expect(failure(readDefinitionFile(exact, { maxFileBytes: text.length - 1 }))[0]!.message).toContain("more than the limit");
    // A /proc file reports a size of 0 and holds more: it is read (and is no JSON), or refused at the limit.
    const proc = "/proc/self/status";
    if (existsSync(proc)) {
      expect(failure(readDefinitionFile(proc, { syntax: "json" }))[0]!.kind).toBe("ParseError");
      expect(failure(readDefinitionFile(proc, { maxFileBytes: 10 }))[0]!.message).toContain("more than the limit of 10");
    }
  });
});
