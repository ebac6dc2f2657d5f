// A checked release list, a CUDA version and a platform become manifests: selection plus shims,
// on the bundled release lists evaluated through the modules.
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { evaluateCuda } from "../../src/cuda/evaluate.js";
import { checkReleaseList, type ReleaseList } from "../../src/cuda/manifest.js";
import { releaseManifests } from "../../src/cuda/release-manifests.js";
import { bundledReleaseLists } from "../../src/load/bundled-data.js";

const evaluation = evaluateCuda({ releases: bundledReleaseLists() });

function list(product: string): ReleaseList {
  const result = checkReleaseList(evaluation, product);
  if (E.isLeft(result)) throw result.left[0];
  return result.right;
}

describe("release lists as manifests", () => {
  test("cuDNN for CUDA 12.2 on x86_64: 9.7, 9.3 and 8.9, the newest first and the default", () => {
    const set = releaseManifests(list("cudnn"), "12.2", "linux-x86_64");
    expect(set.packages.map((p) => [p.name, (p.redistribRelease as { version: string }).version])).toEqual([
      ["cudnn_9_7", "9.7.1.26"],
      ["cudnn_9_3", "9.3.0.75"],
      ["cudnn_8_9", "8.9.7.29"],
    ]);
    expect(set.defaultName).toBe("cudnn_9_7");
    expect((set.packages[0]!.featureRelease as Record<string, unknown>)["linux-x86_64"]).toEqual({
      outputs: { lib: true, static: true, dev: true },
    });
  });

  test("TensorRT for CUDA 12.8 on linux-sbsa takes its 10.9 and 10.8 from the sbsa list", () => {
    const set = releaseManifests(list("tensorrt"), "12.8", "linux-sbsa");
    expect(set.packages.map((p) => [p.name, p.redistSystem])).toEqual([
      ["tensorrt_10_9", "linux-sbsa"],
      ["tensorrt_10_8", "linux-sbsa"],
    ]);
  });

  test("no release fits CUDA 13.0: no packages and no default", () => {
    expect(releaseManifests(list("cudnn"), "13.0", "linux-x86_64")).toEqual({ packages: [], defaultName: null });
  });
});

// Known defect of the real data: NVIDIA's cuDNN 8.9 archives for CUDA 11 and CUDA 12 share one
// product name and one version (8.9.7.29), so manifests keyed by product overwrote each other.
// Nixpkgs answers with a release list holding one entry per CUDA major; both must survive the
// modules, and each CUDA version must get the archive built for its own major.
describe("known defect: cuDNN 8.9's CUDA 11 and CUDA 12 archives share a product name", () => {
  test("both 8.9.7.29 entries of linux-x86_64 are kept, with their own CUDA ranges", () => {
    const entries = list("cudnn").releases["linux-x86_64"]!.filter((r) => r.version === "8.9.7.29");
    expect(entries.map((r) => [r.minCudaVersion, r.maxCudaVersion])).toEqual([
      ["11.0", "11.8"],
      ["12.0", "12.8"],
    ]);
  });

  test.each([
    ["11.8", "_cuda11-archive"],
    ["12.2", "_cuda12-archive"],
  ])("CUDA %s selects the 8.9 archive built for its major (%s)", (cuda, marker) => {
    const cudnn89 = releaseManifests(list("cudnn"), cuda, "linux-x86_64").packages.find((p) => p.name === "cudnn_8_9");
    expect((cudnn89?.redistribRelease as { url?: string } | undefined)?.url).toContain(marker);
  });
});
