// The package set of every bundled CUDA version on every system of the platform table matches its
// golden file (test/golden/plans/<version>/<target>.json), and no plan holds download data that is
// not in the checked manifests. Goldens change only with UPDATE_GOLDENS=1, and their diff is
// reviewed like code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { evaluateCuda } from "../../src/cuda/evaluate.js";
import { checkManifest, type RedistribArchive } from "../../src/cuda/manifest.js";
import { cudaPackages } from "../../src/cuda/package-set.js";
import { buildTargets, targetName } from "../../src/cuda/platforms.js";
import { bundledManifests, bundledReleaseLists, projectRoot } from "../../src/load/bundled-data.js";

const manifests = bundledManifests();
const evaluation = evaluateCuda({ manifests, releases: bundledReleaseLists() });
const cudaVersions = manifests.filter((m) => m.product === "cuda" && m.kind === "redistrib").map((m) => m.version);
const update = process.env["UPDATE_GOLDENS"] === "1";

/** Whether `value` is a scalar or a list of scalars. */
function isFlat(value: unknown): boolean {
  return typeof value !== "object" || value === null || (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null));
}

/**
 * JSON with two-space indents, where an array or object that fits in 100 columns, or holds only
 * scalars and lists of scalars (a step, a source), stays on one line: one record per line.
 */
function format(value: unknown, indent = ""): string {
  const flat = JSON.stringify(value);
  if (typeof value !== "object" || value === null || indent.length + flat.length <= 100 || Object.values(value).every(isFlat)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + format(v, inner)).join(",\n")}\n${indent}]`;
  const body = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`);
  return `{\n${body.join(",\n")}\n${indent}}`;
}

function matchGolden(relative: string, value: unknown): void {
  const file = path.join(projectRoot, "test", "golden", relative);
  const text = `${format(value)}\n`;
  if (update) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file)) throw new Error(`no golden file ${relative}: run with UPDATE_GOLDENS=1 and review it`);
  expect(text).toBe(readFileSync(file, "utf8"));
}

describe("plans of every CUDA version on every system", () => {
  test("the table has five targets and the data twenty CUDA versions", () => {
    expect(buildTargets().map(targetName)).toEqual(["x86_64-linux", "aarch64-linux", "aarch64-linux-jetson", "powerpc64le-linux", "x86_64-windows"]);
    expect(cudaVersions).toHaveLength(20);
  });

  for (const cudaVersion of cudaVersions) {
    for (const target of buildTargets()) {
      test(`CUDA ${cudaVersion} on ${targetName(target)} matches its golden file`, () => {
        matchGolden(`plans/${cudaVersion}/${targetName(target)}.json`, cudaPackages({ evaluation, cudaVersion, ...target }));
      });
    }
  }

  test("every fetchurl source of a CUDA package is its manifest's archive: URL, hex hash and version come from the data", () => {
    let checked = 0;
    for (const cudaVersion of cudaVersions) {
      const manifest = checkManifest(evaluation, "cuda", cudaVersion);
      if (E.isLeft(manifest)) throw manifest.left[0];
      for (const target of buildTargets()) {
        for (const entry of Object.values(cudaPackages({ evaluation, cudaVersion, ...target }).packages)) {
          const plan = entry.plan;
          if (plan === null || plan.redistName !== "cuda" || plan.src === null) continue;
          const pkg = manifest.right.redistrib[plan.pname] as Record<string, unknown>;
          const archive = pkg[plan.archivePlatform!] as RedistribArchive;
          expect(plan.src).toMatchObject({
            kind: "fetchurl",
            url: `https://developer.download.nvidia.com/compute/cuda/redist/${archive.relative_path}`,
            sha256: archive.sha256,
          });
          expect(plan.version).toBe(pkg["version"]);
          checked++;
        }
      }
    }
    // Only the three systems of the table have sources; an unsupported host has none (issue 20).
    expect(checked).toBeGreaterThan(1500);
  });
});
