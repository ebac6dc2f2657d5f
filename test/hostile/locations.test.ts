// Every diagnostic at the right place (issue 19): a file that parses never gets a diagnostic
// without a line; a JSON syntax error is at the offending token, whatever V8's message names; an
// invalid UTF-8 byte is found after a genuine U+FFFD; lone CR ends a line; the size limit holds
// while reading, whatever size a file reports.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { either as E } from "fp-ts";
import { readDefinitionFile } from "../../src/load/definition-file.js";
import { jsonSyntaxError } from "../../src/load/json-syntax.js";
import { root } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "./hostile-files.js";

const dir = scratchDirectory("locations");
const nvpl = (): Record<string, any> => JSON.parse(readFileSync(path.join(root, "modules/newer/nvpl/redistrib_26.5.json"), "utf8"));

/** The line and column (from 1) of `needle` in `text`. */
function at(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe("JSON syntax errors at the offending token", () => {
  const cases: [string, string, string, RegExp][] = [
    ["single quotes", `{\n  "a": {\n    'b': 1\n  }\n}`, "'b'", /single-quoted/],
    ["NaN", `{\n  "a": NaN\n}`, "NaN", /NaN is not a JSON number/],
    ["Infinity", `{\n  "a": [1, Infinity]\n}`, "Infinity", /Infinity is not a JSON number/],
    ["a plus sign", `{\n  "a": +1\n}`, "+1", /may not start with \+/],
    ["a leading point", `{\n  "a": .5\n}`, ".5", /digit before its point/],
    ["a misspelt word", `{\n  "a": tru,\n  "b": 2\n}`, "tru", /`tru' is not a JSON value/],
    ["a trailing comma", `{\n  "a": 1,\n}`, "}", /trailing comma/],
    ["a trailing comma in a list", `[\n  1,\n]`, "]", /trailing comma/],
    ["a comment", `{\n  // note\n  "a": 1\n}`, "//", /comment/],
    ["a missing colon", `{\n  "a" 1\n}`, "1", /`:' belongs after a key/],
    ["a raw line break in a string", `{\n  "a": "x\ny"\n}`, "\ny", /control character/],
    ["text after the value", `{ "a": 1 }\n{ "b": 2 }`, `{ "b"`, /more text after the value/],
  ];
  for (const [name, text, token, reason] of cases) {
    test(`${name}: at its token, saying why`, () => {
      const file = writeInput(dir, `syntax/${name.replace(/ /g, "-")}/redistrib_1.0.json`, text);
      const diagnostics = checkPaths([file]);
      expectWellFormed(diagnostics);
      expect(diagnostics.map((d) => [d.kind, d.locations[0]?.line, d.locations[0]?.column])).toEqual([["ParseError", at(text, token).line, at(text, token).column]]);
      expect(diagnostics[0]!.message).toMatch(reason);
      expect(diagnostics[0]!.message).not.toContain("truncated");
    });
  }

  test("a truncated file is said to be truncated, at its end", () => {
    const text = `{\n  "a": {\n    "b": 1\n`;
    const [d] = checkPaths([writeInput(dir, "syntax/truncated/redistrib_1.0.json", text)]);
    expect([d?.locations[0]?.line, d?.locations[0]?.column]).toEqual([4, 1]);
    expect(d?.message).toContain("truncated");
  });

  test("the scan agrees with JSON.parse on what is JSON (valid texts and near misses)", () => {
    const texts = ['{"a":[1,2.5e-3,-0,true,false,null,"\\u00e9\\n"]}', "[]", "{}", '"x"', "01", "[1,]", '{"a":1}}', "1 2", '"\\x"', '"\\u12"', "-", "[-]", "tru", "nul", " \t\n 3 \r\n"];
    for (const text of texts) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect([text, jsonSyntaxError(text) === null]).toEqual([text, valid]);
    }
  });

  test("a deeply nested broken file is scanned without recursion", () => {
    const text = `${"[".repeat(200_000)}1,]${"]".repeat(199_999)}`;
    expect(jsonSyntaxError(text)).toEqual({ offset: 200_002, reason: expect.stringContaining("trailing comma") });
  });
});

describe("positions in unusual texts", () => {
  test("lone CR line ends: the line and column count them", () => {
    const data = nvpl();
    delete data["nvpl_fft"]["name"];
    const text = JSON.stringify(data, null, 4).replace(/\n/g, "\r");
    const [d] = checkPaths([writeInput(dir, "cr/nvpl/redistrib_26.5.json", text)]);
    expect([d?.kind, d?.locations[0]?.line, d?.locations[0]?.column]).toEqual(["NoDefinition", at(text, '"nvpl_fft"').line, 5]);
  });

  test("invalid UTF-8 after a genuine U+FFFD is found where it is", () => {
    const prefix = Buffer.from('{\n  "a": "\uFFFD",\n  "b": "', "utf8");
    const bytes = Buffer.concat([prefix, Buffer.from([0xc3, 0x28]), Buffer.from('"\n}\n', "utf8")]);
    const [d] = checkPaths([writeInput(dir, "utf8/redistrib_1.0.json", bytes)]);
    expect([d?.kind, d?.locations[0]?.line, d?.locations[0]?.column]).toEqual(["ParseError", 3, 9]);
    expect(d?.message).toContain("not valid UTF-8");
  });

  test("the size limit holds while reading: a /proc file that reports size 0", () => {
    const read = readDefinitionFile("/proc/self/maps", { maxFileBytes: 16 });
    const [d] = E.isLeft(read) ? read.left : [];
    expect(d?.kind).toBe("ReadError");
    expect(d?.message).toContain("more than 16");
  });
});

describe("every diagnostic of a file that parses has a line", () => {
  test("a feature manifest's platform without outputs: each missing flag at the platform, with its whole path", () => {
    const text = JSON.stringify({ nvpl_blas: { "linux-sbsa": {} } }, null, 2);
    const diagnostics = checkPaths([writeInput(dir, "feature/nvpl/feature_26.5.json", text)]);
    expectWellFormed(diagnostics);
    expect(diagnostics.length).toBe(6);
    for (const d of diagnostics) {
      expect(d.path.slice(0, -1)).toEqual(["newer", "features", "nvpl", "26.5", "nvpl_blas", "linux-sbsa", "outputs"]);
      expect([d.kind, d.locations[0]?.line, d.locations[0]?.column]).toEqual(["NoDefinition", 3, 5]);
    }
  });

  test("a CUDA feature manifest's platform without outputs, the same", () => {
    const text = JSON.stringify({ cuda_cudart: { "linux-x86_64": {} } }, null, 2);
    const diagnostics = checkPaths([writeInput(dir, "feature/cuda/feature_99.0.0.json", text)]);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.locations[0]?.line, `${d.path.join(".")}: ${d.message}`).toBeDefined();
  });

  test("a newer-format file without cuda_variant, and an unknown product: every diagnostic located", () => {
    const cudnn = JSON.parse(readFileSync(path.join(root, "modules/newer/cudnn/redistrib_9.12.0.json"), "utf8")) as Record<string, any>;
    delete cudnn["cudnn"]["cuda_variant"];
    const unknown = nvpl();
    unknown["release_product"] = "nvfoo";
    delete unknown["nvpl_rand"]["license"];
    const diagnostics = checkPaths([
      writeInput(dir, "located/cudnn/redistrib_9.12.0.json", JSON.stringify(cudnn, null, 4)),
      writeInput(dir, "located/nvfoo/redistrib_26.5.json", JSON.stringify(unknown, null, 4)),
    ]);
    expectWellFormed(diagnostics);
    expect(diagnostics.length).toBeGreaterThan(1);
    for (const d of diagnostics) expect(d.locations[0]?.line, `${d.path.join(".")}: ${d.message}`).toBeDefined();
  });
});
