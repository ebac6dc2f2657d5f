// Every example runs, as a user would run it (through the built package), and prints what its
// comment promises.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;

function run(example: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", tsx, path.join(root, "examples", example), ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("examples", () => {
  test("evaluate-a-module: priorities and list merging", () => {
    expect(run("evaluate-a-module.ts")).toMatchObject({ status: 0, stdout: '{"port":443,"hosts":["b.example","a.example"]}\n' });
  });

  test("check-a-manifest: a real manifest is valid", () => {
    expect(run("check-a-manifest.ts", "modules/cuda/manifests/redistrib_12.2.2.json")).toMatchObject({ status: 0, stdout: "valid\n" });
  });

  test("plan-a-package: cuda_cudart's version and outputs", () => {
    expect(run("plan-a-package.ts")).toMatchObject({ status: 0, stdout: "12.2.140 out lib static dev stubs\n" });
  });

  test("embed-the-checker: its own report of a bad setting, a valid manifest and a broken copy, and exit status 1", () => {
    expect(run("embed-the-checker.ts")).toMatchObject({
      status: 1,
      stdout: [
        "settings: TypeMismatch at maxShown in hook-settings.json; using the defaults",
        "✓ modules/cuda/manifests/redistrib_12.2.2.json: valid (1 file read)",
        "✗ broken copy: 2 problems",
        '  62:13 TypeMismatch cuda.manifests."12.2.2".redistrib.cuda_cudart.linux-x86_64.size',
        '  308:13 TypeMismatch cuda.manifests."12.2.2".redistrib.cuda_nvcc.linux-x86_64.size',
        "",
      ].join("\n"),
    });
  });
});
