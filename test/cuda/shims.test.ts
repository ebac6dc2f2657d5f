// The [late] cuDNN and TensorRT shims (spec 4.2) on real release list entries, and their errors
// on entries a hand-edited release list could hold.
import { describe, expect, test } from "vitest";
import type { ModuleError } from "../../src/lib/errors.js";
import { cudnnShim, tensorrtShim, type ShimArgs } from "../../src/cuda/shims.js";
import type { Release } from "../../src/cuda/select-releases.js";
import { releaseLists } from "../support/bundled-releases.js";
import { expectModuleError, thrownBy } from "../support/module-errors.js";

/** The release of `version` on `platform` whose CUDA range starts at `minCudaVersion`. */
function realRelease(pname: string, platform: string, version: string, minCudaVersion: string): Release {
  const found = (releaseLists(pname)[platform] ?? []).find((r) => r.version === version && r.minCudaVersion === minCudaVersion);
  if (found === undefined) throw new Error(`no ${pname} ${version} for CUDA ${minCudaVersion} on ${platform}`);
  return found;
}

function shimError(shim: (args: ShimArgs) => unknown, args: ShimArgs): ModuleError {
  return thrownBy(() => shim(args));
}

describe("cudnnShim", () => {
  test("turns the CUDA 12 archive of cuDNN 9.7.1.26 for x86 into a feature and a redistrib release", () => {
    const release = realRelease("cudnn", "linux-x86_64", "9.7.1.26", "12.0");
    expect(cudnnShim({ release, redistSystem: "linux-x86_64" })).toEqual({
      featureRelease: {
        minCudaVersion: "12.0",
        maxCudaVersion: "12.8",
        "linux-x86_64": { outputs: { lib: true, static: true, dev: true } },
      },
      redistribRelease: {
        name: "NVIDIA CUDA Deep Neural Network library (cuDNN)",
        version: "9.7.1.26",
        url: "https://developer.download.nvidia.com/compute/cudnn/redist/cudnn/linux-x86_64/cudnn-linux-x86_64-9.7.1.26_cuda12-archive.tar.xz",
        hash: release.hash,
      },
    });
  });

  test("files the outputs under the platform it is given, and only that one", () => {
    const release = realRelease("cudnn", "linux-aarch64", "8.9.5.30", "12.0");
    const { featureRelease } = cudnnShim({ release, redistSystem: "linux-aarch64" });
    expect(Object.keys(featureRelease).sort()).toEqual(["linux-aarch64", "maxCudaVersion", "minCudaVersion"]);
  });

  test("a release without url names the product, platform, version and field", () => {
    const { url: _url, ...release } = realRelease("cudnn", "linux-sbsa", "9.3.0.75", "12.0");
    const e = shimError(cudnnShim, { release, redistSystem: "linux-sbsa" });
    expectModuleError(e, "NoDefinition", ["cudnn", "releases", "linux-sbsa", "(version 9.3.0.75)", "url"], [
      "cudnn.releases.linux-sbsa (version 9.3.0.75).url is missing",
    ]);
  });

  test("a release without hash is an error, not a TypeError", () => {
    const { hash: _hash, ...partial } = realRelease("cudnn", "linux-x86_64", "8.9.7.29", "12.0");
    const e = shimError(cudnnShim, { release: partial as unknown as Release, redistSystem: "linux-x86_64" });
    expectModuleError(e, "NoDefinition", ["cudnn", "releases", "linux-x86_64", "(version 8.9.7.29)", "hash"], ["hash is missing"]);
  });

  test("an unknown platform is rejected with the names it could have been", () => {
    const release = realRelease("cudnn", "linux-x86_64", "8.9.7.29", "12.0");
    const e = shimError(cudnnShim, { release, redistSystem: "linux-x86-64" });
    expectModuleError(e, "InvalidDefinition", ["cudnn", "releases", "linux-x86-64"], ['"linux-x86-64"', "linux-x86_64"]);
  });

  test('"unsupported" is refused: no [late] caller shims a release for an unsupported host', () => {
    const release = realRelease("cudnn", "linux-x86_64", "8.9.7.29", "12.0");
    const e = shimError(cudnnShim, { release, redistSystem: "unsupported" });
    expectModuleError(e, "InvalidDefinition", ["cudnn", "releases", "unsupported"], ["unsupported"]);
  });
});

describe("tensorrtShim", () => {
  test("turns TensorRT 10.9.0.34 for x86 and CUDA 12 into a feature and a redistrib release", () => {
    const release = realRelease("tensorrt", "linux-x86_64", "10.9.0.34", "12.0");
    expect(tensorrtShim({ release, redistSystem: "linux-x86_64" })).toEqual({
      featureRelease: {
        cudnnVersion: "9.7",
        minCudaVersion: "12.0",
        maxCudaVersion: "12.8",
        "linux-x86_64": { outputs: { bin: true, lib: true, static: true, dev: true, sample: true, python: true } },
      },
      redistribRelease: {
        name: "TensorRT: a high-performance deep learning interface",
        version: "10.9.0.34",
        filename: "TensorRT-10.9.0.34.Linux.x86_64-gnu.cuda-12.8.tar.gz",
        hash: release.hash,
      },
    });
  });

  test("keeps a null cudnnVersion (TensorRT 8.6.1.6 for sbsa)", () => {
    const release = realRelease("tensorrt", "linux-sbsa", "8.6.1.6", "12.0");
    const { featureRelease, redistribRelease } = tensorrtShim({ release, redistSystem: "linux-sbsa" });
    expect(featureRelease.cudnnVersion).toBeNull();
    expect(redistribRelease.filename).toBe("TensorRT-8.6.1.6.Ubuntu-20.04.aarch64-gnu.cuda-12.0.tar.gz");
  });

  test("a release without filename or cudnnVersion is an error naming the field", () => {
    const { filename: _filename, ...noFilename } = realRelease("tensorrt", "linux-sbsa", "10.8.0.43", "12.8");
    expectModuleError(shimError(tensorrtShim, { release: noFilename, redistSystem: "linux-sbsa" }), "NoDefinition",
      ["tensorrt", "releases", "linux-sbsa", "(version 10.8.0.43)", "filename"], ["filename is missing"]);
    const { cudnnVersion: _cudnn, ...noCudnn } = realRelease("tensorrt", "linux-sbsa", "10.8.0.43", "12.8");
    expectModuleError(shimError(tensorrtShim, { release: noCudnn, redistSystem: "linux-sbsa" }), "NoDefinition",
      ["tensorrt", "releases", "linux-sbsa", "(version 10.8.0.43)", "cudnnVersion"], ["string or null"]);
  });

  test("a cudnnVersion of the wrong type shows the value", () => {
    const release = { ...realRelease("tensorrt", "linux-x86_64", "8.5.3.1", "11.0"), cudnnVersion: 8.6 };
    const e = shimError(tensorrtShim, { release, redistSystem: "linux-x86_64" });
    expectModuleError(e, "TypeMismatch", ["tensorrt", "releases", "linux-x86_64", "(version 8.5.3.1)", "cudnnVersion"], ["got 8.6"]);
  });

  test("a release that is not an object names what a release is", () => {
    const e = shimError(tensorrtShim, { release: null as unknown as Release, redistSystem: "linux-x86_64" });
    expectModuleError(e, "TypeMismatch", ["tensorrt", "releases", "linux-x86_64", "(version unknown)"], ["not an attribute set"]);
  });
});
