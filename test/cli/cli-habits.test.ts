// Command-line habits users bring from eslint and its kin (issue 22): `check DIR`, `-` for
// standard input, --quiet, --max-warnings, --output-file, colour switches and the environment
// that sets them in every command, GitHub's step summary, and `eval --option` naming the option's
// file and the closest names.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { root, runCli } from "./run-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-habits-"));
const main = path.join(root, "dist/src/cli/main.js");

/** Runs the command with exactly `env` added to a clean environment (no NO_COLOR, FORCE_COLOR or TERM unless given). */
function run(args: readonly string[], env: Record<string, string> = {}, input?: string) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !["NO_COLOR", "FORCE_COLOR", "TERM", "GITHUB_STEP_SUMMARY"].includes(k)));
  return spawnSync(process.execPath, [main, ...args], { cwd: root, encoding: "utf8", env: { ...base, ...env }, ...(input === undefined ? {} : { input }) });
}

const broken = JSON.parse(readFileSync(path.join(root, "modules/newer/nvpl/redistrib_26.5.json"), "utf8")) as Record<string, any>;
delete broken["nvpl_fft"]["name"];
const brokenText = JSON.stringify(broken, null, 4);
const brokenFile = path.join(dir, "broken/nvpl/redistrib_26.5.json");
mkdirSync(path.dirname(brokenFile), { recursive: true });
writeFileSync(brokenFile, brokenText);
const esc = "\u001b[";

describe("inputs", () => {
  test("a directory stands for every manifest and release list under it", () => {
    const result = runCli(["check", "modules/newer"]);
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("✓ 20 files checked: no errors, 1 warning.");
  });

  test("- reads standard input, named <stdin>, located; without --kind it is a usage error", () => {
    const located = run(["check", "--kind", "redistrib", "--format", "json", "-"], {}, brokenText);
    expect(located.status).toBe(1);
    const [d] = JSON.parse(located.stdout) as { kind: string; locations: { file: string; line?: number }[] }[];
    expect([d?.kind, d?.locations[0]?.file, typeof d?.locations[0]?.line]).toEqual(["NoDefinition", "<stdin>", "number"]);
    const human = run(["check", "--kind", "redistrib", "-"], {}, brokenText);
    expect(human.stdout).toMatch(/^<stdin>:\d+:\d+ error NoDefinition/);
    expect(human.stdout).toContain('> ');
    const yaml = run(["check", "--kind", "redistrib", "-"], {}, "release_product: nvpl\nrelease_label: \"1\"\n");
    expect([yaml.status, yaml.stdout]).toEqual([0, "✓ 1 file checked: no errors.\n"]);
    const noKind = run(["check", "-"], {}, brokenText);
    expect(noKind.status).toBe(2);
    expect(noKind.stderr).toContain("--kind");
  });
});

describe("what is reported, and where", () => {
  test("--quiet reports errors only", () => {
    const quiet = runCli(["check", "--quiet", "modules/newer/cudnn/redistrib_9.27.0.json"]);
    expect([quiet.status, quiet.stdout]).toEqual([0, "✓ 1 file checked: no errors.\n"]);
  });

  test("--max-warnings N fails past N warnings", () => {
    const file = "modules/newer/cudnn/redistrib_9.27.0.json";
    expect(runCli(["check", "--max-warnings", "1", file]).status).toBe(0);
    const over = runCli(["check", "--max-warnings", "0", file]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("1 warning, more than --max-warnings 0");
    expect(runCli(["check", "--max-warnings", "x", file]).status).toBe(2);
  });

  test("--output-file writes the report there, nothing to standard output", () => {
    const out = path.join(dir, "report.json");
    const result = runCli(["check", "--format", "json", "--output-file", out, brokenFile]);
    expect([result.status, result.stdout]).toEqual([1, ""]);
    expect((JSON.parse(readFileSync(out, "utf8")) as unknown[]).length).toBe(1);
  });

  test("--format github writes every diagnostic to $GITHUB_STEP_SUMMARY, with a count; a clean run says so", () => {
    const summary = path.join(dir, "summary.md");
    writeFileSync(summary, "");
    const result = run(["check", "--format", "github", brokenFile, "modules/newer/cudnn/redistrib_9.27.0.json"], { GITHUB_STEP_SUMMARY: summary });
    expect(result.status).toBe(1);
    const text = readFileSync(summary, "utf8");
    expect(text).toContain("2 files checked: 1 error, 1 warning.");
    expect(text.match(/^\| (❌|⚠️) \|/gm)?.length).toBe(2);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("2 files checked: 1 error, 1 warning.");
    writeFileSync(summary, "");
    run(["check", "--format", "github", "modules/newer/nvpl/redistrib_26.5.json"], { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, "utf8")).toContain("1 file checked: no errors.");
  });
});

describe("colour", () => {
  const cases: [string, readonly string[], Record<string, string>, boolean][] = [
    ["--color forces it", ["--color"], {}, true],
    ["--no-color wins over FORCE_COLOR", ["--no-color"], { FORCE_COLOR: "1" }, false],
    ["FORCE_COLOR=1 turns it on off a terminal", [], { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=0 turns it off", [], { FORCE_COLOR: "0" }, false],
    ["NO_COLOR turns it off", [], { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["TERM=dumb and no terminal: none", [], { TERM: "dumb" }, false],
  ];
  for (const [name, flags, env, coloured] of cases) {
    test(`check: ${name}`, () => {
      const result = run(["check", ...flags, brokenFile], env);
      expect(result.stdout.includes(esc)).toBe(coloured);
    });
  }

  test("eval, plan and diff take the same switches", () => {
    expect(run(["eval", "--color", brokenFile, "--attr", "newer"]).stderr.includes(esc)).toBe(true);
    expect(run(["eval", "--no-color", brokenFile, "--attr", "newer"], { FORCE_COLOR: "1" }).stderr.includes(esc)).toBe(false);
    expect(run(["plan", "--color", "--cuda", "12.2", "--system", "x86_64-linux", brokenFile]).stderr.includes(esc)).toBe(true);
    expect(run(["diff", "--color", "cudnn@9.12.0", "cudnn@9.27.0"]).stdout.includes(esc)).toBe(true);
    expect(run(["diff", "cudnn@9.12.0", "cudnn@9.27.0"], { FORCE_COLOR: "0" }).stdout.includes(esc)).toBe(false);
  });
});

describe("eval --option", () => {
  test("a name that does not exist is an error with the closest names, said with the whole path", () => {
    const result = runCli(["eval", "--option", "cuda.manifestz"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("there is no option `cuda.manifestz'. Did you mean `cuda.manifests'?");
  });

  test("the generic manifest types name the file that declares each option", () => {
    const result = runCli(["eval", "--cuda", "12.2.2", "--option", 'cuda.manifests."12.2.2".redistrib.cuda_cudart.linux-x86_64.sha256']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Declared by:\n  modules/generic/manifests/redistrib/package.ts\n");
    expect(result.stdout).not.toContain("<unknown-file>");
  });
});

describe("the version", () => {
  test("--version and -V print the package's version and exit 0; with other arguments the parser decides", () => {
    const version = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
    for (const flag of ["--version", "-V"]) expect([run([flag]).status, run([flag]).stdout]).toEqual([0, `${version}\n`]);
    const help = run(["--help"]);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining("Usage: cuda-modules")]);
    expect(run(["--versoin"]).status).toBe(2);
  });
});
