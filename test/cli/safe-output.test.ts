// Output that cannot be turned against its reader (issue 19): nothing of the input reaches a
// terminal raw (C0, DEL, C1, bidirectional controls, lone CR), no line can be read by the GitHub
// Actions runner as a workflow command, in any format; SARIF URIs are percent-encoded URI
// references; code frames stay aligned under tabs and show the located part of a minified line.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { codeFrame } from "../../src/cli/format/code-frame.js";
import { artifactLocation } from "../../src/cli/format/sarif.js";
import { escapeUnsafeCharacters, neutraliseWorkflowCommands, safeJsonText, safeText } from "../../src/cli/safe-text.js";
import { root, runCli } from "./run-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-safe-output-"));
function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A character that acts on a terminal or reorders text: C0 but tab and line feed, DEL, C1, separators, bidi controls. */
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** A line the runner reads as a command: `::` at its start after white space, or `##[` anywhere. */
const runnerCommand = /^\s*::|##\[/;

describe("safe text", () => {
  test("every unsafe character is escaped as JavaScript writes it; tabs and line feeds stay", () => {
    expect(escapeUnsafeCharacters("a\u001b[2Jb\rc\u007fd\u009be\u202ef\u2066g\th\ni")).toBe("a\\u001b[2Jb\\rc\\u007fd\\u009be\\u202ef\\u2066g\th\ni");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(escapeUnsafeCharacters(text)).not.toMatch(unsafe);
      }),
      { seed: 19, numRuns: 500 },
    );
  });

  test("no line of any text can be read as a workflow command once neutralised", () => {
    expect(neutraliseWorkflowCommands("::error::x\n  ::set-output name=a::b\n\u001b[1m::warning::y\nok :: fine\na ##[group]b")).toBe(
      "\\u003a:error::x\n  \\u003a:set-output name=a::b\n\u001b[1m\\u003a:warning::y\nok :: fine\na \\u0023#[group]b",
    );
    const pieces = fc.constantFrom("::", "##[", ":", "#", "[", " ", "\t", "\n", "\r", "\u001b", "x", "error", "\u202e");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        for (const line of safeText(parts.join("")).split("\n")) expect(line).not.toMatch(runnerCommand);
      }),
      { seed: 19, numRuns: 1000 },
    );
  });

  test("JSON text keeps its value and loses its raw bidirectional and C1 characters", () => {
    const value = { key: "a\u202eb\u009bc\u007f ##[error] d" };
    const text = safeJsonText(JSON.stringify(value));
    expect(text).not.toMatch(unsafe);
    expect(text).not.toContain("##[");
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("code frames", () => {
  test("the marker stands under the located text when the line holds tabs", () => {
    const text = '{\n\t\t"a":\t1\n}';
    const frame = codeFrame(text, { file: "f", line: 2, column: 8, endLine: 2, endColumn: 9 }).split("\n");
    const source = frame[1]!.slice(frame[1]!.indexOf("| ") + 2);
    const marker = frame[2]!.slice(frame[2]!.indexOf("| ") + 2);
    expect(marker).toBe("\t\t    \t^");
    expect(source.slice(marker.indexOf("^"))).toBe("1");
  });

  test("a minified line of megabytes shows a window around the located column, marked", () => {
    const line = `{"a":"${"x".repeat(3_000_000)}","bad":12}`;
    const column = line.indexOf('"bad"') + 1;
    const frame = codeFrame(line, { file: "f", line: 1, column, endLine: 1, endColumn: column + 5 }).split("\n");
    expect(frame).toHaveLength(2);
    for (const l of frame) expect(l.length).toBeLessThan(200);
    const shown = frame[0]!.slice(frame[0]!.indexOf("| ") + 2);
    const marker = frame[1]!.slice(frame[1]!.indexOf("| ") + 2);
    expect(shown.slice(marker.indexOf("^"), marker.indexOf("^") + 5)).toBe('"bad"');
  });

  test("unsafe characters of a source line are shown escaped, the marker still under its text", () => {
    const text = '{ "k\u202e\u009b": 1 }';
    const frame = codeFrame(text, { file: "f", line: 1, column: 3, endLine: 1, endColumn: 8 }).split("\n");
    expect(frame.join("\n")).not.toMatch(unsafe);
    const shown = frame[0]!.slice(frame[0]!.indexOf("| ") + 2);
    const marker = frame[1]!.slice(frame[1]!.indexOf("| ") + 2);
    expect(shown.slice(marker.indexOf("^"), marker.lastIndexOf("^") + 1)).toBe('"k\\u202e\\u009b"');
  });
});

describe("SARIF artifact locations", () => {
  test("a file under the working directory is a percent-encoded URI relative to %SRCROOT%", () => {
    expect(artifactLocation("dir/a b%#?.json", "/work")).toEqual({ uri: "dir/a%20b%25%23%3F.json", uriBaseId: "%SRCROOT%" });
    const base = pathToFileURL("/work/").href;
    expect(decodeURIComponent(new URL("dir/a%20b%25%23%3F.json", base).pathname)).toBe("/work/dir/a b%#?.json");
  });

  test("a file outside it is an absolute file: URI", () => {
    const location = artifactLocation("/elsewhere/x y.json", "/work");
    expect(location).toEqual({ uri: "file:///elsewhere/x%20y.json" });
    expect(location).not.toHaveProperty("uriBaseId");
  });
});

describe("cuda-modules check on hostile keys and file names, every format", () => {
  const nvpl = JSON.parse(readFileSync(path.join(root, "modules/newer/nvpl/redistrib_26.5.json"), "utf8")) as Record<string, any>;
  nvpl["nvpl_blas"]["linux-sbsa\u202e\u009b2J\u007f"] = nvpl["nvpl_blas"]["linux-sbsa"];
  const json = write("hostile/nvpl/redistrib_26.5.json", JSON.stringify(nvpl, null, 4));
  const yaml = write(
    "hostile/nvpl/redistrib_26.4.yaml",
    'release_product: nvpl\nrelease_label: "26.4"\n"::error::pwned\\r\\e[2J":\n  name: x\n  license: y\n  version: "1"\n  "##[error]x": {}\n',
  );
  const oddName = write("hostile/nvpl/\u001b[31m::warning::x/redistrib_26.5.json", JSON.stringify({ release_product: "nvpl", release_label: "26.5", p: { name: 1 } }));

  for (const format of ["human", "github", "json", "sarif"]) {
    test(`--format ${format}: nothing raw, no runner command but the tool's own annotations`, () => {
      const run = runCli(["check", "--format", format, json, yaml, oddName]);
      expect(run.status).toBe(1);
      expect(run.stdout).not.toMatch(unsafe);
      expect(run.stderr).not.toMatch(unsafe);
      const lines = run.stdout.split("\n");
      const own = format === "github" ? lines.filter((l) => /^::(error|warning) file=/.test(l)) : [];
      const count = (JSON.parse(runCli(["check", "--format", "json", json, yaml, oddName]).stdout) as unknown[]).length;
      expect(own.length).toBe(format === "github" ? count : 0);
      for (const line of lines.filter((l) => !own.includes(l))) expect(line).not.toMatch(runnerCommand);
      // Each of the tool's annotations is one command, whose data holds no second one.
      for (const line of own) expect(line.slice(line.indexOf("::", 2) + 2)).not.toMatch(/##\[|%0A\s*::/);
    });
  }
});

describe("evaluation warnings", () => {
  test("are printed as Nix prints them, on standard error, with the input's controls escaped", () => {
    const module = write(
      "warns.mjs",
      "export default ({ lib }) => ({ options: { x: lib.mkOption({ type: lib.types.str, default: lib.warn('a\\u001b[2J b\\n::error::c', 'v') }) } });\n",
    );
    const run = runCli(["eval", "--cuda", "12.2.2", module, "--attr", "x"], dir);
    expect([run.status, run.stdout]).toEqual([0, '"v"\n']);
    expect(run.stderr).toBe("evaluation warning: a\\u001b[2J b\n\\u003a:error::c\n");
  });
});
