// Every bundled manifest and release list evaluates to a checked value that matches its golden
// file, loses nothing of its input, and (for a version with both manifests) agrees with its pair.
// Goldens change only with UPDATE_GOLDENS=1, and their diff is reviewed like code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { either as E } from "fp-ts";
import { beforeAll, describe, expect, test } from "vitest";
import { crossCheckManifests } from "../../src/cuda/cross-check.js";
import { evaluateCuda } from "../../src/cuda/evaluate.js";
import { checkManifest, checkReleaseList, type Manifest } from "../../src/cuda/manifest.js";
import type { Evaluation } from "../../src/lib/index.js";
import { bundledManifests, bundledReleaseLists, projectRoot } from "../../src/load/bundled-data.js";

const manifests = bundledManifests();
const releaseLists = bundledReleaseLists();
const goldenRoot = path.join(projectRoot, "test", "golden");
const update = process.env["UPDATE_GOLDENS"] === "1";

let evaluation: Evaluation;
beforeAll(() => {
  evaluation = evaluateCuda({ manifests, releases: releaseLists });
});

function matchGolden(relative: string, value: unknown): void {
  const file = path.join(goldenRoot, relative);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (update || !existsSync(file)) {
    if (!update) throw new Error(`no golden file ${relative}: run with UPDATE_GOLDENS=1 and review it`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, "utf8"));
}

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, at: string[] = []): Array<[string[], unknown]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, String(i)]));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  }
  return [[at, value]];
}

function at(value: unknown, pathParts: readonly string[]): unknown {
  let current = value;
  for (const part of pathParts) {
    if (typeof current !== "object" || current === null || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The defaults the modules fill in where a manifest leaves a declared option out. */
function isDocumentedDefault(kind: "redistrib" | "feature", leafPath: readonly string[], value: unknown): boolean {
  if (kind !== "redistrib" || value !== null) return false;
  const name = leafPath[leafPath.length - 1];
  return (leafPath.length === 1 && name !== undefined && name.startsWith("release_")) || (leafPath.length === 2 && name === "license_path");
}

function checked(product: string, version: string): Manifest {
  const result = checkManifest(evaluation, product, version);
  if (E.isLeft(result)) throw result.left[0];
  return result.right;
}

describe("bundled manifests", () => {
  test("there are 20 CUDA redistrib, 18 CUDA feature, 13 cuTENSOR redistrib and 4 cuTENSOR feature manifests", () => {
    const count = (product: string, kind: string) => manifests.filter((m) => m.product === product && m.kind === kind).length;
    expect([count("cuda", "redistrib"), count("cuda", "feature"), count("cutensor", "redistrib"), count("cutensor", "feature")]).toEqual([20, 18, 13, 4]);
  });

  for (const m of manifests) {
    describe(m.file, () => {
      test("evaluates to a checked Manifest that matches its golden file", () => {
        const manifest = checked(m.product, m.version);
        matchGolden(`manifests/${m.product}/${m.kind}_${m.version}.json`, manifest[m.kind]);
      });

      test("loses nothing: every leaf of the input is in the Manifest, and nothing else is", () => {
        const manifest = checked(m.product, m.version);
        for (const [leafPath, value] of leaves(m.data)) expect([leafPath, at(manifest[m.kind], leafPath)]).toEqual([leafPath, value]);
        for (const [leafPath, value] of leaves(manifest[m.kind])) {
          if (isDocumentedDefault(m.kind, leafPath, value)) continue;
          expect([leafPath, at(m.data, leafPath)]).toEqual([leafPath, value]);
        }
      });
    });
  }

  const pairs = manifests.filter((m) => m.kind === "feature");
  for (const feature of pairs) {
    test(`${feature.file} agrees with its redistrib manifest`, () => {
      const redistrib = manifests.find((m) => m.kind === "redistrib" && m.product === feature.product && m.version === feature.version);
      expect(redistrib).toBeDefined();
      expect(crossCheckManifests(checked(feature.product, feature.version), { redistrib: redistrib!.file, feature: feature.file })).toEqual([]);
    });
  }
});

describe("bundled release lists", () => {
  for (const list of releaseLists) {
    test(`${list.file} evaluates to a checked ReleaseList that matches its golden file and loses nothing`, () => {
      const result = checkReleaseList(evaluation, list.product);
      if (E.isLeft(result)) throw result.left[0];
      matchGolden(`releases/${list.product}.json`, result.right.releases);
      const input = (list.data as Record<string, { releases: unknown }>)[list.product]!.releases;
      for (const [leafPath, value] of leaves(input)) expect([leafPath, at(result.right.releases, leafPath)]).toEqual([leafPath, value]);
      for (const [leafPath, value] of leaves(result.right.releases)) expect([leafPath, at(input, leafPath)]).toEqual([leafPath, value]);
    });
  }
});
