// End to end: `cuda-modules eval` (values, options, module files) and `cuda-modules plan`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { root, runCli } from "./run-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-eval-"));
writeFileSync(path.join(dir, "typo.yaml"), "cudnn:\n  releases: {}\n  relases: {}\n");
writeFileSync(path.join(dir, "extra.mjs"), "export default ({ lib }) => ({ options: { greeting: lib.mkOption({ type: lib.types.str, default: 'hi' }) } });\n");
writeFileSync(path.join(dir, "broken.mjs"), "export default {\n");
writeFileSync(path.join(dir, "set.json"), '{ "cuda": { "manifests": { "12.2.2": { "redistrib": { "release_label": "mine" } } } } }\n');

describe("cuda-modules eval", () => {
  test("--attr prints a value of the configuration as JSON", () => {
    const run = runCli(["eval", "--cuda", "12.2.2", "--attr", 'cuda.manifests."12.2.2".redistrib.cuda_cudart.version']);
    expect([run.status, run.stdout]).toEqual([0, '"12.2.140"\n']);
  });

  test("--option prints the declaration and where the value is defined, with line and column", () => {
    const run = runCli(["eval", "--cuda", "12.2.2", "--option", 'cuda.manifests."12.2.2".redistrib.cuda_cudart.linux-x86_64.sha256']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Value:\n  "baebd331249bca0edf36776ead90e6b2024ffee01ea26cd9dd07344bebeaff08"\n');
    expect(run.stdout).toContain("Type:\n  string\n");
    expect(run.stdout).toMatch(/Defined by:\n {2}modules\/cuda\/manifests\/redistrib_12\.2\.2\.json:\d+:\d+\n/);
  });

  test("a JSON definition file is a module: a second value for a single-valued option conflicts", () => {
    const run = runCli(["eval", "--cuda", "12.2.2", path.join(dir, "set.json"), "--attr", 'cuda.manifests."12.2.2".redistrib.release_label']);
    expect(run.stderr).toContain("ConflictingDefinitions");
    expect(run.status).toBe(1);
  });

  test("an error in a YAML module file is reported at its line and column, exit 1", () => {
    const run = runCli(["eval", "--cuda", "12.2.2", "typo.yaml", "--attr", "cudnn"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("typo.yaml:3:3 error UndeclaredOption");
    expect(run.stderr).toContain("Did you mean `cudnn.releases'");
  });

  test("a JavaScript module file is imported (a module function given lib); a broken one is an error naming it", () => {
    const run = runCli(["eval", "--cuda", "12.2.2", "extra.mjs", "--attr", "greeting"], dir);
    expect([run.status, run.stdout]).toEqual([0, '"hi"\n']);
    const broken = runCli(["eval", "--cuda", "12.2.2", "broken.mjs"], dir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("Cannot load the module broken.mjs");
  });

  test("usage errors exit 2 and say what to do", () => {
    const missing = runCli(["eval", "--cuda", "12.2.2", "--attr", "cuda.manifest"]);
    expect([missing.status, missing.stderr]).toEqual([2, "cuda-modules eval: there is no `cuda.manifest'. Did you mean `cuda.manifests'?\n"]);
    expect(runCli(["eval", "--attr", 'cuda."unclosed']).status).toBe(2);
    expect(runCli(["eval", "--cuda", "9.9"]).status).toBe(2);
  });
});

describe("cuda-modules plan", () => {
  test("one package's plan for a major.minor version, as JSON", () => {
    const run = runCli(["plan", "--cuda", "12.2", "--system", "x86_64-linux", "--package", "cuda_cudart"]);
    expect(run.status).toBe(0);
    const entry = JSON.parse(run.stdout) as { name: string; available: boolean; plan: { version: string; src: { url: string } } };
    expect(entry).toMatchObject({ name: "cuda_cudart", available: true, plan: { version: "12.2.140" } });
    expect(entry.plan.src.url).toMatch(/^https:\/\/developer\.download\.nvidia\.com\/compute\/cuda\/redist\/cuda_cudart\/linux-x86_64\//);
  });

  test("the whole set on a Jetson build names every package", () => {
    const run = runCli(["plan", "--cuda", "12.2.2", "--system", "aarch64-linux", "--jetson"]);
    const set = JSON.parse(run.stdout) as { host: { redistSystem: string }; packages: Record<string, unknown> };
    expect(set.host.redistSystem).toBe("linux-aarch64");
    expect(Object.keys(set.packages)).toContain("cuda_compat");
  });

  test("a reader that closes the pipe early ends the command quietly, not with a stack trace", () => {
    const main = path.join(root, "dist/src/cli/main.js");
    // `head -c 1` reads one byte and exits; the command is still writing megabytes of plans.
    const run = spawnSync("sh", ["-c", `"${process.execPath}" "${main}" plan --cuda 12.2 --system x86_64-linux | head -c 1`], { encoding: "utf8" });
    expect(run.stdout.startsWith("{")).toBe(true);
    expect(run.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  });

  test("an unsupported system is planned as Nixpkgs evaluates it there (issue 20): exit 0, every output, no source", () => {
    const run = runCli(["plan", "--cuda", "12.2", "--system", "x86_64-darwin", "--package", "cuda_cudart"]);
    expect(run.status).toBe(0);
    const entry = JSON.parse(run.stdout) as { available: boolean; plan: { host: { redistSystem: string }; outputs: string[]; src: null; meta: { badPlatforms: string[] } } };
    expect([entry.available, entry.plan.host.redistSystem, entry.plan.src, entry.plan.meta.badPlatforms]).toEqual([false, "unsupported", null, ["aarch64-linux", "x86_64-linux"]]);
    expect(entry.plan.outputs).toEqual(["out", "bin", "lib", "static", "dev", "doc", "sample", "python", "stubs"]);
  });

  test("a misspelt system or an unknown package is a usage error listing what exists", () => {
    const system = runCli(["plan", "--cuda", "12.2", "--system", "x86_64-linus"]);
    expect(system.status).toBe(2);
    expect(system.stderr).toContain("did you mean x86_64-linux?");
    const pkg = runCli(["plan", "--cuda", "12.2", "--system", "x86_64-linux", "--package", "cuda_cudartt"]);
    expect(pkg.status).toBe(2);
    expect(pkg.stderr).toMatch(/^cuda-modules plan: CUDA 12\.2\.2 has no package cuda_cudartt\. Did you mean cuda_cudart\b/);
  });
});
