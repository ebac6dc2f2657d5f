// `cuda-modules diff` (issue 23) on real consecutive manifests: the added, removed and changed sets
// computed here independently from the JSON; a doctored copy's re-published archive as an error at
// its line; the Markdown of CUDA 12.8.1 → 12.9.1 as a golden file; the library form alike.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { diffManifests, diffManifestsE } from "../../src/cuda/manifest-diff.js";
import { positionOf, root, runCli } from "./run-cli.js";

type Json = Record<string, any>;

const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-diff-"));
const real = (relative: string): Json => JSON.parse(readFileSync(path.join(root, relative), "utf8")) as Json;

/** What changed between two manifests, computed directly from their JSON for the test to compare with. */
function expectedSets(a: Json, b: Json, featureA?: Json, featureB?: Json) {
  const packages = (m: Json) => Object.keys(m).filter((k) => !k.startsWith("release_"));
  const platforms = (p: Json) => Object.keys(p).filter((k) => typeof p[k] === "object" && !Array.isArray(p[k])).sort();
  const added = packages(b).filter((p) => !(p in a)).sort();
  const removed = packages(a).filter((p) => !(p in b)).sort();
  const changed = packages(b)
    .filter((p) => p in a)
    .filter((p) => {
      const x = a[p];
      const y = b[p];
      const outputs = (f: Json | undefined) => JSON.stringify(Object.fromEntries(Object.entries(f?.[p] ?? {}).filter(([k]) => k in (featureA?.[p] ?? {}) && k in (featureB?.[p] ?? {}))));
      return (
        ["version", "name", "license", "license_path"].some((f) => x[f] !== y[f]) ||
        JSON.stringify(platforms(x)) !== JSON.stringify(platforms(y)) ||
        JSON.stringify([...(x.cuda_variant ?? [])].sort()) !== JSON.stringify([...(y.cuda_variant ?? [])].sort()) ||
        outputs(featureA) !== outputs(featureB)
      );
    })
    .sort();
  return { added, removed, changed };
}

function diffJson(oldArg: string, newArg: string): Json {
  const run = runCli(["diff", "--format", "json", oldArg, newArg]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

describe("real consecutive manifests", () => {
  test("CUDA 12.8.1 → 12.9.1 (with their feature manifests): the exact added, removed and changed sets", () => {
    const a = real("modules/cuda/manifests/redistrib_12.8.1.json");
    const b = real("modules/cuda/manifests/redistrib_12.9.1.json");
    const fa = real("modules/cuda/manifests/feature_12.8.1.json");
    const fb = real("modules/cuda/manifests/feature_12.9.1.json");
    const diff = diffJson("cuda@12.8.1", "cuda@12.9.1");
    const expected = expectedSets(a, b, fa, fb);
    expect([diff["added"], diff["removed"], Object.keys(diff["changed"])]).toEqual([expected.added, expected.removed, expected.changed]);
    expect(diff["added"]).toEqual(["collectx_bringup", "mft", "mft_autocomplete", "mft_oem", "nvlsm"]);
    expect(diff["changed"]["cuda_cudart"]["version"]).toEqual({ from: a["cuda_cudart"]["version"], to: b["cuda_cudart"]["version"] });
    expect(diff["changed"]["cuda_sandbox_dev"]["outputs"]).toEqual({ "linux-x86_64": { added: ["static"], removed: [] } });
    expect(diff["republished"]).toEqual([]);
  });

  test("cuDNN 9.12.0 → 9.27.0 (CUDA variants): platforms gained and lost, versions", () => {
    const a = real("modules/newer/cudnn/redistrib_9.12.0.json");
    const b = real("modules/newer/cudnn/redistrib_9.27.0.json");
    const diff = diffJson("modules/newer/cudnn/redistrib_9.12.0.json", "modules/newer/cudnn/redistrib_9.27.0.json");
    const expected = expectedSets(a, b);
    expect([diff["added"], diff["removed"], Object.keys(diff["changed"])]).toEqual([expected.added, expected.removed, expected.changed]);
    expect(diff["changed"]["cudnn"]).toEqual({
      version: { from: "9.12.0.46", to: "9.27.0.42" },
      platforms: { added: ["windows-arm64"], removed: ["linux-aarch64"] },
    });
  });

  test("cuSPARSELt 0.8.0 → 0.8.1 and cuTENSOR 2.2.0 → 2.8.1 (a flat manifest to one with variants)", () => {
    for (const [from, to] of [
      ["modules/newer/cusparselt/redistrib_0.8.0.json", "modules/newer/cusparselt/redistrib_0.8.1.json"],
      ["modules/newer/cutensor/redistrib_2.2.0.json", "modules/newer/cutensor/redistrib_2.8.1.json"],
    ] as const) {
      const diff = diffJson(from, to);
      const expected = expectedSets(real(from), real(to));
      expect([from, diff["added"], diff["removed"], Object.keys(diff["changed"])]).toEqual([from, expected.added, expected.removed, expected.changed]);
    }
    const cutensor = diffJson("modules/newer/cutensor/redistrib_2.2.0.json", "modules/newer/cutensor/redistrib_2.8.1.json");
    expect(cutensor["changed"]["libcutensor"]["variants"]).toEqual({ added: ["12", "13"], removed: [] });
  });

  test("the Markdown of CUDA 12.8.1 → 12.9.1 is its golden file", () => {
    const run = runCli(["diff", "--format", "markdown", "cuda@12.8.1", "cuda@12.9.1"]);
    expect(run.status).toBe(0);
    const golden = path.join(root, "test/golden/diff/cuda-12.8.1-12.9.1.md");
    if (process.env["UPDATE_GOLDENS"] === "1") {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, run.stdout);
    }
    expect(run.stdout).toBe(readFileSync(golden, "utf8"));
    expect(run.stdout.split("\n")[0]).toBe("**cuda 12.8.1 → 12.9.1: 5 added, 0 removed, 44 changed, no re-published archive.**");
  });
});

describe("re-publications and invalid manifests", () => {
  const doctored = real("modules/newer/cudnn/redistrib_9.27.0.json");
  doctored["cudnn_jit"]["linux-x86_64"]["cuda12"]["sha256"] = "0".repeat(64);
  const text = `${JSON.stringify(doctored, null, 4)}\n`;
  const file = path.join(dir, "doctored/cudnn/redistrib_9.27.0.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);

  test("an archive whose sha256 changed under the same version is an error (exit 1), in every format", () => {
    const human = runCli(["diff", "cudnn@9.27.0", file]);
    expect(human.status).toBe(1);
    expect(human.stdout).toContain("1 archive re-published under the same version");
    expect(human.stdout).toContain("! cudnn_jit 9.27.0.42 linux-x86_64.cuda12: sha256");
    const json = JSON.parse(runCli(["diff", "--format", "json", "cudnn@9.27.0", file]).stdout) as Json;
    expect(json["republished"]).toEqual([
      { package: "cudnn_jit", version: "9.27.0.42", archive: ["linux-x86_64", "cuda12"], fields: { sha256: { from: real("modules/newer/cudnn/redistrib_9.27.0.json")["cudnn_jit"]["linux-x86_64"]["cuda12"]["sha256"], to: "0".repeat(64) } } },
    ]);
  });

  test("--format github annotates the re-published archive at its line in NEW", () => {
    const run = runCli(["diff", "--format", "github", "cudnn@9.27.0", file]);
    expect(run.status).toBe(1);
    const at = positionOf(text, '"sha256"', '"cudnn_jit"');
    expect(run.stdout.split("\n")[0]).toMatch(new RegExp(`^::error file=${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")},line=${at.line},col=${at.column},`));
  });

  test("an invalid NEW is reported as check reports it (exit 1), with no diff", () => {
    const broken = real("modules/newer/nvpl/redistrib_26.5.json");
    delete broken["nvpl_fft"]["name"];
    const brokenFile = path.join(dir, "broken/nvpl/redistrib_26.5.json");
    mkdirSync(path.dirname(brokenFile), { recursive: true });
    writeFileSync(brokenFile, JSON.stringify(broken, null, 4));
    const run = runCli(["diff", "nvpl@26.5", brokenFile]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("error NoDefinition");
    expect(run.stdout).not.toContain("added,");
  });

  test("usage errors (exit 2): manifests of two products, a bundled version that does not exist", () => {
    expect(runCli(["diff", "nvpl@26.5", "cuda@12.9.1"]).status).toBe(2);
    const missing = runCli(["diff", "cuda@11.1", "cuda@12.9.1"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("the versions are 11.4.4");
  });
});

describe("the library form", () => {
  test("diffManifests gives what the command prints; diffManifestsE never throws", () => {
    const a = real("modules/cuda/manifests/redistrib_12.8.1.json");
    const b = real("modules/cuda/manifests/redistrib_12.9.1.json");
    const diff = diffManifests({ product: "cuda", old: { version: "12.8.1", data: a }, new: { version: "12.9.1", data: b } });
    expect(diff.added).toEqual(expectedSets(a, b).added);
    for (const odd of [null, 1, { product: "x" }, { product: "x", old: null, new: 5 }]) {
      expect(() => diffManifestsE(odd as never)).not.toThrow();
    }
    expect(E.isLeft(diffManifestsE(null as never))).toBe(true);
  });
});
