// End to end: `cuda-modules check` on every real file, and on broken copies made here, each
// broken file giving exit 1 and diagnostics whose path, line and column are asserted.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { positionOf, root, runCli } from "./run-cli.js";

interface JsonDiagnostic {
  kind: string;
  severity: string;
  path: string[];
  message: string;
  locations: { file: string; line?: number; column?: number }[];
}

const real = (relative: string) => readFileSync(path.join(root, relative), "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-check-"));
const files: Record<string, string> = {};

function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  files[relative] = text;
  return relative;
}

function json(run: { stdout: string }): JsonDiagnostic[] {
  return JSON.parse(run.stdout) as JsonDiagnostic[];
}

beforeAll(() => {
  const redistrib = JSON.parse(real("modules/cuda/manifests/redistrib_12.2.2.json")) as Record<string, Record<string, Record<string, unknown>>>;
  delete redistrib["cuda_cudart"]!["version"];
  redistrib["cuda_nvcc"]!["linux-x86_64"]!["size"] = 12;
  redistrib["cuda_nvcc"]!["linux-x86_64"]!["sha257"] = "x";
  write("several/cuda/redistrib_12.2.2.json", JSON.stringify(redistrib, null, 4));

  const feature = JSON.parse(real("modules/cuda/manifests/feature_12.2.2.json")) as Record<string, Record<string, unknown>>;
  feature["cuda_compat"]!["linux-x86_64"] = feature["cuda_compat"]!["linux-aarch64"];
  write("pair/cuda/feature_12.2.2.json", JSON.stringify(feature, null, 4));
  write("pair/cuda/redistrib_12.2.2.json", real("modules/cuda/manifests/redistrib_12.2.2.json"));

  write("releases/cudnn/releases.json", real("modules/cudnn/releases.json").replace('"version": "8.0.5.39"', '"version": "8.0.5"'));
  const text = real("modules/cuda/manifests/redistrib_12.3.0.json");
  write("truncated/redistrib_12.3.0.json", text.slice(0, Math.floor(text.length / 2)));
  write("duplicate/redistrib_12.4.0.json", real("modules/cuda/manifests/redistrib_12.4.0.json").replace('"release_label": "12.4.0",', '"release_label": "12.4.0",\n    "release_label": "12.4.0",'));
});

describe("cuda-modules check on the real data", () => {
  test("every bundled manifest and release list is valid (exit 0), with no file given; cuDNN 9.27.0 gives its one warning", () => {
    const run = runCli(["check", "--format", "json"]);
    expect(run.stderr).toBe("");
    const found = json(run).map((d) => ({ kind: d.kind, severity: d.severity, path: d.path, file: d.locations[0]?.file, line: d.locations[0]?.line }));
    expect(found).toEqual([
      {
        kind: "InvalidDefinition",
        severity: "warning",
        path: ["newer", "manifests", "cudnn", "9.27.0", "cudnn", "windows-arm64"],
        file: "modules/newer/cudnn/redistrib_9.27.0.json",
        line: 56,
      },
    ]);
    expect(run.status).toBe(0);
  });

  test("the human format says how many files it checked", () => {
    const run = runCli(["check", "modules/cuda/manifests/redistrib_12.2.2.json", "modules/cuda/manifests/feature_12.2.2.json"]);
    expect(run.stdout).toBe("✓ 2 files checked: no errors.\n");
    expect(run.status).toBe(0);
  });
});

describe("cuda-modules check on broken copies", () => {
  test("several errors in one file are all reported, each at its line and column", () => {
    const run = runCli(["check", "--format", "json", "several/cuda/redistrib_12.2.2.json"], dir);
    expect(run.status).toBe(1);
    const text = files["several/cuda/redistrib_12.2.2.json"]!;
    const base = ["cuda", "manifests", "12.2.2", "redistrib"];
    const found = json(run).map((d) => ({ kind: d.kind, path: d.path, at: { line: d.locations[0]?.line, column: d.locations[0]?.column } }));
    expect(found).toEqual([
      { kind: "NoDefinition", path: [...base, "cuda_cudart", "version"], at: positionOf(text, '"cuda_cudart"') },
      { kind: "TypeMismatch", path: [...base, "cuda_nvcc", "linux-x86_64", "size"], at: positionOf(text, '"size": 12') },
      { kind: "UndeclaredOption", path: [...base, "cuda_nvcc", "linux-x86_64", "sha257"], at: positionOf(text, '"sha257"') },
    ]);
    const [missing, mismatch, undeclared] = json(run);
    expect(missing!.message).toContain("no definition");
    expect(mismatch!.message).toContain("is not of type `string'");
    expect(mismatch!.message).toContain(": 12");
    expect(undeclared!.message).toContain("Did you mean `cuda.manifests.\"12.2.2\".redistrib.cuda_nvcc.linux-x86_64.sha256'");
  });

  test("a feature manifest naming a platform its redistrib manifest lacks names both files", () => {
    const run = runCli(["check", "--format", "json", "pair/cuda/feature_12.2.2.json"], dir);
    expect(run.status).toBe(1);
    const [d, ...rest] = json(run);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: "InvalidDefinition", path: ["cuda", "manifests", "12.2.2", "feature", "cuda_compat", "linux-x86_64"] });
    expect(d!.locations[0]).toEqual(expect.objectContaining({ file: "pair/cuda/feature_12.2.2.json", ...positionOf(files["pair/cuda/feature_12.2.2.json"]!, '"linux-x86_64"', '"cuda_compat"') }));
    expect(d!.locations[1]).toEqual({ file: "pair/cuda/redistrib_12.2.2.json" });
  });

  test("a version that does not match its pattern", () => {
    const run = runCli(["check", "--format", "json", "releases/cudnn/releases.json"], dir);
    expect(run.status).toBe(1);
    const text = files["releases/cudnn/releases.json"]!;
    expect(json(run).map((d) => ({ kind: d.kind, path: d.path.join("."), line: d.locations[0]?.line, column: d.locations[0]?.column }))).toEqual([
      { kind: "TypeMismatch", path: "cudnn.releases.linux-x86_64.[definition 1-entry 1].version", ...positionOf(text, '"version": "8.0.5"') },
    ]);
    expect(json(run)[0]!.message).toContain("majorMinorPatchBuildVersion");
  });

  test("truncated JSON and a duplicate key are parse errors at their position, and the other files are still checked", () => {
    const run = runCli(["check", "--format", "json", "truncated/redistrib_12.3.0.json", "duplicate/redistrib_12.4.0.json", "several/cuda/redistrib_12.2.2.json"], dir);
    expect(run.status).toBe(1);
    const byFile = (file: string) => json(run).filter((d) => d.locations[0]?.file === file);
    const truncated = files["truncated/redistrib_12.3.0.json"]!;
    const lines = truncated.split("\n");
    expect(byFile("truncated/redistrib_12.3.0.json").map((d) => [d.kind, d.locations[0]!.line])).toEqual([["ParseError", lines.length]]);
    expect(byFile("duplicate/redistrib_12.4.0.json").map((d) => ({ kind: d.kind, line: d.locations[0]!.line, column: d.locations[0]!.column }))).toEqual([
      { kind: "ParseError", line: 4, column: 5 },
    ]);
    expect(byFile("several/cuda/redistrib_12.2.2.json")).toHaveLength(3);
  });
});

describe("formats and exit status", () => {
  test("github: one ::error line per diagnostic with file, line, col and title, then a one-line count", () => {
    const run = runCli(["check", "--format", "github", "several/cuda/redistrib_12.2.2.json"], dir);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("1 file checked: 3 errors, 0 warnings.");
    const { line, column } = positionOf(files["several/cuda/redistrib_12.2.2.json"]!, '"sha257"');
    expect(lines[2]).toMatch(new RegExp(`^::error file=several/cuda/redistrib_12\\.2\\.2\\.json,line=${line},col=${column},endLine=${line},endColumn=\\d+,title=UndeclaredOption at cuda\\.manifests\\."12\\.2\\.2"\\.redistrib\\.cuda_nvcc\\.linux-x86_64\\.sha257::The option`));
    expect(lines[1]).toContain("%0A");
  });

  test("sarif: SARIF 2.1.0 with one rule per kind and results located", () => {
    const run = runCli(["check", "--format", "sarif", "several/cuda/redistrib_12.2.2.json"], dir);
    const log = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(log.version).toBe("2.1.0");
    const [sarifRun] = log.runs;
    expect(sarifRun!.results.map((r) => r.ruleId)).toEqual(["NoDefinition", "TypeMismatch", "UndeclaredOption"]);
    const ids = sarifRun!.tool.driver.rules.map((r) => r.id);
    for (const r of sarifRun!.results) expect(ids).toContain(r.ruleId);
    // Names that are not identifiers are quoted, as in every other format: `12.2.2' is one name.
    const names = (sarifRun!.results as unknown as { locations: { logicalLocations?: { fullyQualifiedName: string }[] }[] }[]).map(
      (r) => r.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName,
    );
    expect(names[1]).toBe('cuda.manifests."12.2.2".redistrib.cuda_nvcc.linux-x86_64.size');
    expect(sarifRun!.results[1]!.locations[0]!.physicalLocation.region.startLine).toBe(positionOf(files["several/cuda/redistrib_12.2.2.json"]!, '"size": 12').line);
  });

  test("human: file:line:col, the option path, the message and a code frame underlining the value", () => {
    const run = runCli(["check", "several/cuda/redistrib_12.2.2.json"], dir);
    const { line, column } = positionOf(files["several/cuda/redistrib_12.2.2.json"]!, '"size": 12');
    expect(run.stdout).toContain(`several/cuda/redistrib_12.2.2.json:${line}:${column} error TypeMismatch\n  cuda.manifests."12.2.2".redistrib.cuda_nvcc.linux-x86_64.size\n`);
    expect(run.stdout).toContain(`> ${line} |             "size": 12,\n`);
    expect(run.stdout).toMatch(/\n\s+\|\s{13}\^{10}\n/);
    expect(run.stdout).toContain("✗ 1 file checked: 3 errors.");
    expect(run.stdout).not.toContain("\u001b[");
  });

  test("a missing file is an error of that file (exit 1); a usage error exits 2", () => {
    const missing = runCli(["check", "--format", "json", "nowhere/redistrib_1.0.0.json"], dir);
    expect(missing.status).toBe(1);
    expect(json(missing)).toEqual([expect.objectContaining({ kind: "ReadError", locations: [{ file: "nowhere/redistrib_1.0.0.json" }] })]);
    expect(runCli(["check", "--format", "xml"]).status).toBe(2);
    // A name that does not say what the file holds is a diagnostic of that file; the others are still checked.
    const unknownKind = runCli(["check", "--format", "json", "notes.json", "nowhere/redistrib_1.0.0.json"], dir);
    expect(unknownKind.status).toBe(1);
    const found = json(unknownKind).map((d) => [d.kind, d.locations[0]?.file]);
    expect(found).toEqual([["ReadError", "notes.json"], ["ReadError", "nowhere/redistrib_1.0.0.json"]]);
    expect(json(unknownKind)[0]!.message).toContain("--kind");
  });
});
