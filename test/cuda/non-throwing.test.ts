// The CUDA layer's non-throwing forms: each gives its result on valid input, diagnostics with the
// kind, option path and (for files) position on bad input, and never throws where the throwing
// form does.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { either as E } from "fp-ts";
import { beforeAll, describe, expect, test } from "vitest";
import {
  buildPlan,
  buildPlanE,
  checkFilesE,
  checkManifestE,
  checkReleaseListE,
  cudaPackages,
  cudaPackagesE,
  evaluateCuda,
  evaluateManifests,
  type Diagnostic,
  type Evaluation,
  type Manifest,
} from "../../src/index.js";
import { bundledManifests, bundledReleaseLists, projectRoot } from "../../src/load/bundled-data.js";

const redistribPath = path.join(projectRoot, "modules/cuda/manifests/redistrib_12.2.2.json");
const featurePath = path.join(projectRoot, "modules/cuda/manifests/feature_12.2.2.json");
const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-non-throwing-"));

/** The diagnostics of a left; fails the test on a right. */
function leftOf<L, A>(result: E.Either<L, A>): L {
  if (E.isRight(result)) throw new Error("expected diagnostics, got a right");
  return result.left;
}

/** The value of a right; fails the test with the diagnostics on a left. */
function rightOf<A>(result: E.Either<readonly Diagnostic<string>[], A>): A {
  if (E.isLeft(result)) throw new Error(`expected a right, got ${result.left.map((d) => `${d.kind} ${d.path.join(".")}`).join("; ")}`);
  return result.right;
}

/** Writes `text` to `name` in the temporary directory; returns its path. */
function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The redistrib manifest with cuda_cudart's linux-x86_64 size written as a number (line 62 of the file). */
const badSizeText = readFileSync(redistribPath, "utf8").replace('"size": "1058992"', '"size": 1058992');

describe("checkFilesE", () => {
  test("valid files give the files read, a feature manifest's redistrib companion among them", () => {
    expect(rightOf(checkFilesE([redistribPath]))).toEqual([redistribPath]);
    expect(rightOf(checkFilesE([featurePath]))).toEqual([featurePath, redistribPath]);
    expect(rightOf(checkFilesE([path.join(projectRoot, "modules/cudnn/releases.json")]))).toHaveLength(1);
  });

  test("a broken copy gives every TypeMismatch at the option path, line and column of its value", () => {
    const broken = write("redistrib_12.2.2.json", badSizeText.replace('"size": "46728284"', '"size": 46728284'));
    const diagnostics = leftOf(checkFilesE([broken]));
    expect(diagnostics).toMatchObject([
      {
        kind: "TypeMismatch",
        severity: "error",
        path: ["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "linux-x86_64", "size"],
        locations: [{ file: broken, line: 62, column: 13 }],
      },
      {
        kind: "TypeMismatch",
        severity: "error",
        path: ["cuda", "manifests", "12.2.2", "redistrib", "cuda_nvcc", "linux-x86_64", "size"],
        locations: [{ file: broken, line: 308, column: 13 }],
      },
    ]);
  });

  test("a file the name of which does not tell its kind is a ReadError naming --kind; with kind it is checked", () => {
    const unnamed = write("manifest.json", readFileSync(redistribPath, "utf8"));
    const [diagnostic] = leftOf(checkFilesE([unnamed]));
    expect(diagnostic).toMatchObject({ kind: "ReadError", severity: "error", path: [], locations: [{ file: unnamed }] });
    expect(diagnostic?.message).toContain("--kind");
    expect(rightOf(checkFilesE([unnamed], { kind: "redistrib" }))).toEqual([unnamed]);
  });

  test("a missing file, a syntax error and a file over the size limit are diagnostics of their files, not throws", () => {
    const missing = path.join(dir, "redistrib_1.0.0.json");
    const syntax = write("redistrib_1.0.1.json", '{ "cuda_cudart": ');
    const diagnostics = leftOf(checkFilesE([missing, syntax, redistribPath], { maxFileBytes: 1000 }));
    expect(diagnostics.map((d) => [d.kind, d.locations[0]?.file])).toEqual(
      expect.arrayContaining([
        ["ReadError", missing],
        ["ParseError", syntax],
        ["ReadError", redistribPath],
      ]),
    );
  });

  test("warnings alone (a byte-order mark) do not make a left", () => {
    const withBom = write("redistrib_12.2.2.json", `\uFEFF${readFileSync(redistribPath, "utf8")}`);
    expect(rightOf(checkFilesE([withBom]))).toEqual([withBom]);
  });
});

describe("the evaluation's non-throwing forms", () => {
  const cuda = bundledManifests().filter((m) => m.product === "cuda" && m.version === "12.2.2");
  let evaluation: Evaluation;
  let manifest: Manifest;
  beforeAll(() => {
    evaluation = evaluateManifests({ manifests: cuda, releases: bundledReleaseLists() });
    manifest = rightOf(checkManifestE(evaluation, "cuda", "12.2.2"));
  });

  test("evaluateManifests is evaluateCuda", () => {
    expect(evaluateManifests).toBe(evaluateCuda);
  });

  test("checkManifestE gives the manifest, or the first error of bad data at its path in its file", () => {
    expect(manifest.redistrib["release_label"]).toBe("12.2.2");
    expect(manifest.redistrib["cuda_cudart"]).toMatchObject({ version: "12.2.140" });
    // Two errors, one reported: checkManifest reads the manifest with `deepForce`, which stops at
    // the first; checkFilesE is the form that reports every one.
    const badData = JSON.parse(badSizeText.replace('"size": "46728284"', '"size": 46728284')) as unknown;
    const bad = cuda.map((m) => (m.kind === "redistrib" ? { ...m, data: badData } : m));
    const diagnostics = leftOf(checkManifestE(evaluateManifests({ manifests: bad }), "cuda", "12.2.2"));
    expect(diagnostics.map((d) => [d.kind, d.path.join(".")])).toEqual([
      ["TypeMismatch", "cuda.manifests.12.2.2.redistrib.cuda_cudart.linux-x86_64.size"],
    ]);
    expect(diagnostics[0]?.locations.map((l) => l.file)).toEqual(["modules/cuda/manifests/redistrib_12.2.2.json"]);
    expect(leftOf(checkManifestE(evaluation, "cuda", "99.9.9"))).toMatchObject([{ kind: "NoDefinition", path: ["cuda", "manifests", "99.9.9"] }]);
  });

  test("checkReleaseListE gives the release list, or the first error of a bad one", () => {
    expect(rightOf(checkReleaseListE(evaluation, "cudnn")).releases["linux-x86_64"]?.length).toBeGreaterThan(0);
    const release = { version: "9.0.0", minCudaVersion: "12.0", hash: "sha256-x", url: "https://example.invalid/cudnn.tar.xz" };
    const releases = [{ file: "define-bad-releases.json", data: { cudnn: { releases: { "linux-x86_64": [release] } } } }];
    expect(leftOf(checkReleaseListE(evaluateManifests({ releases }), "cudnn"))).toMatchObject([
      {
        kind: "NoDefinition",
        path: ["cudnn", "releases", "linux-x86_64", "[definition 1-entry 1]", "maxCudaVersion"],
        locations: [{ file: "define-bad-releases.json" }],
      },
    ]);
  });

  test("buildPlanE gives the plan, or a NoDefinition where buildPlan throws (an unknown package, with or without a feature manifest)", () => {
    const plan = rightOf(buildPlanE({ manifest, pname: "cuda_cudart", system: "x86_64-linux", cudaVersion: "12.2" }));
    expect(plan.version).toBe("12.2.140");
    const unknown = { manifest, pname: "cuda_nothing", system: "x86_64-linux", cudaVersion: "12.2" };
    expect(() => buildPlan(unknown)).toThrow(/cuda_nothing/);
    expect(leftOf(buildPlanE(unknown))).toMatchObject([{ kind: "NoDefinition", path: ["cuda", "manifests", "12.2.2", "feature", "cuda_nothing"] }]);
    // Without a feature manifest, a package of the redistrib manifest is planned (its outputs decided when unpacked).
    const withoutFeature = { ...unknown, manifest: { ...manifest, feature: null } };
    expect(rightOf(buildPlanE({ ...withoutFeature, pname: "cuda_cudart" })).outputsDecided).toBe("when the archive is unpacked");
    expect(() => buildPlan(withoutFeature)).toThrow(/cuda_nothing/);
    expect(leftOf(buildPlanE(withoutFeature))).toMatchObject([{ kind: "NoDefinition", path: ["cuda", "manifests", "12.2.2", "redistrib", "cuda_nothing"] }]);
  });

  test("cudaPackagesE gives the package set, or a diagnostic where cudaPackages throws (a misspelt system, a missing version)", () => {
    const set = rightOf(cudaPackagesE({ evaluation, cudaVersion: "12.2.2", system: "x86_64-linux" }));
    expect(set.packages["cuda_cudart"]?.available).toBe(true);
    const typo = { evaluation, cudaVersion: "12.2.2", system: "x86_64-linus" };
    expect(() => cudaPackages(typo)).toThrow(/x86_64-linus/);
    const [diagnostic] = leftOf(cudaPackagesE(typo));
    expect(diagnostic?.kind).toBe("InvalidDefinition");
    expect(diagnostic?.message).toContain("x86_64-linus");
    const missing = { evaluation, cudaVersion: "99.9.9", system: "x86_64-linux" };
    expect(() => cudaPackages(missing)).toThrow();
    expect(leftOf(cudaPackagesE(missing))).toMatchObject([{ kind: "NoDefinition", path: ["cuda", "manifests", "99.9.9"] }]);
  });
});
