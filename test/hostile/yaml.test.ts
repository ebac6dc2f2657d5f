// Issue 10: YAML that could expand, execute or mislead is refused with a diagnostic at its
// position, in bounded memory; `<<` is an ordinary key; Windows line endings keep positions right.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "./hostile-files.js";

const dir = scratchDirectory("yaml");
let count = 0;

function check(text: string, name = "redistrib_1.0.0.yaml") {
  const diagnostics = checkPaths([writeInput(dir, `${count++}/${name}`, text)]);
  expectWellFormed(diagnostics);
  return diagnostics;
}

function only(text: string) {
  const diagnostics = check(text);
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`),
].join("\n");

describe("alias expansion", () => {
  test('a "billion laughs" file is refused before anything is expanded, in bounded memory', () => {
    const before = process.memoryUsage().heapUsed;
    const d = only(billionLaughs);
    expect(d).toMatchObject({ kind: "ParseError" });
    expect(d.message).toContain("aliases expand too much");
    // 9^9 strings would be gigabytes; the refusal costs almost nothing.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  test("a huge anchor repeated by aliases is refused at the alias that passes the budget", () => {
    const text = `big: &big "${"x".repeat(100_000)}"\ncopies: [${Array(20).fill("*big").join(", ")}]\n`;
    const d = only(text);
    expect(d.message).toContain("aliases expand too much");
    expect(d.locations[0]).toMatchObject({ line: 2 });
  });

  test("a few small aliases are read as their values", () => {
    const text = "release_label: &v '1.0.0'\nrelease_date: *v\n";
    expect(check(text)).toEqual([]);
  });

  test("an alias to an unknown anchor, and an alias inside its own anchor, are errors at the alias", () => {
    expect(only("release_label: *nowhere\n")).toMatchObject({ kind: "ParseError", message: expect.stringContaining("names no anchor"), locations: [expect.objectContaining({ line: 1, column: 16 })] });
    expect(only("pkg: &p {name: *p}\n").message).toContain("inside the value it names");
  });
});

describe("tags, merge keys and documents", () => {
  test.each([
    ["!!js/function", "release_label: !!js/function 'function () { globalThis.pwned = true }'"],
    ["!!js/undefined", "release_label: !!js/undefined ''"],
    ["!!python/object", "release_label: !!python/object:os.system 'touch /tmp/pwned'"],
    ["!!binary", "release_label: !!binary aGVsbG8="],
    ["!!set", "release_label: !!set {a, b}"],
    ["!!timestamp", "release_label: !!timestamp 2024-01-01"],
    ["a local tag", "release_label: !include other.yaml"],
  ])("%s is refused at the tag and never executed", (_tag, text) => {
    const d = only(`${text}\n`);
    expect(d).toMatchObject({ kind: "ParseError", locations: [expect.objectContaining({ line: 1, column: 16 })] });
    expect(d.message).toContain("remove the tag");
    expect((globalThis as Record<string, unknown>)["pwned"]).toBeUndefined();
  });

  test("`<<` is an ordinary key: nothing is merged, and it is reported like any unknown package", () => {
    const text = "base: &base {name: n, license: l, version: '1'}\npkg:\n  <<: *base\n  name: m\n";
    const diagnostics = check(text);
    const paths = diagnostics.map((d) => d.path.slice(4).join("."));
    // Merged, `pkg` would be a complete package; as data, `<<` is a platform and license is missing.
    expect(paths).toContain("pkg.<<");
    expect(paths).toContain("pkg.license");
    expect(diagnostics.find((d) => d.path.slice(4).join(".") === "pkg.<<")!.locations[0]).toMatchObject({ line: 3, column: 3 });
  });

  test("several documents in one file are refused, pointing at the second", () => {
    const d = only("release_label: '1'\n---\nrelease_label: '2'\n");
    expect(d).toMatchObject({ kind: "ParseError", locations: [expect.objectContaining({ line: 2 })] });
    expect(d.message).toContain("2 YAML documents");
  });

  test("what JSON cannot hold is refused at the value: a list as a key, .inf, .nan, an integer past 2^53", () => {
    const diagnostics = check("? [a, b]\n: 1\nx: .inf\ny: .nan\nz: 123456789012345678901\n");
    expect(diagnostics.map((d) => [d.kind, d.locations[0]?.line])).toEqual([["ParseError", 1], ["ParseError", 3], ["ParseError", 4], ["ParseError", 5]]);
    expect(diagnostics.map((d) => d.message).join("\n")).toMatch(/as a key[\s\S]*finite[\s\S]*finite[\s\S]*exactly/);
  });
});

describe("line endings", () => {
  const manifest = readFileSync(path.join(root, "modules/cuda/manifests/redistrib_12.2.2.json"), "utf8").replace('"size": "1058992"', '"size": 1058992');
  const yaml = "release_label: '12.2.2'\ncuda_cudart:\n  name: n\n  license: l\n  version: '1'\n  linux-x86_64:\n    relative_path: x\n    sha256: nope\n    md5: e5deef4f6cb71f14aac5be5d5745dafe\n    size: '1'\n  lonux-x86_64: {}\n";

  test.each([
    ["JSON", "redistrib_12.2.2.json", manifest],
    ["YAML", "redistrib_12.2.2.yaml", yaml],
  ])("%s with CRLF gives the same diagnostics at the same lines and columns as with LF", (_syntax, name, text) => {
    const positions = (t: string) =>
      check(t, name).map((d) => ({ kind: d.kind, path: d.path, at: d.locations.map((l) => [l.line, l.column, l.endLine, l.endColumn]) }));
    const lf = positions(text);
    expect(lf.length).toBeGreaterThan(0);
    expect(positions(text.replace(/\n/g, "\r\n"))).toEqual(lf);
  });

  test("a parse error after CRLF lines is at its line and column", () => {
    const d = only("release_label: '1'\r\nrelease_date: x\r\nrelease_label: '2'\r\n");
    expect(d.locations[0]).toMatchObject({ line: 3, column: 1 });
  });
});
