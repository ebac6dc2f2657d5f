/**
 * The [late] shims of cuDNN and TensorRT (spec 4.2, Nixpkgs `cudnn/shims.nix`,
 * `tensorrt/shims.nix`): one release list entry becomes the `featureRelease` and
 * `redistribRelease` the generic builder expects from manifests.
 */
import { ModuleError } from "../lib/errors.js";
import { checkRelease, releaseLocation, requireField, requireRedistSystem, unsupportedRedistSystem, type Release } from "./select-releases.js";

/**
 * The arguments of a shim: the release entry and the redist platform to file its outputs under.
 *
 * @example
 * const args: ShimArgs = { release, redistSystem: "linux-x86_64" };
 */
export interface ShimArgs {
  readonly release: Release;
  readonly redistSystem: string;
}

/**
 * What a shim returns: the two manifest-shaped values of one release. They do not go through the
 * module system, which is why extra keys sit next to the platform key (spec 4.2).
 *
 * @example
 * const { featureRelease, redistribRelease }: Shim<CudnnFeatureRelease, CudnnRedistribRelease> = cudnnShim(args);
 */
export interface Shim<Feature, Redistrib> {
  readonly featureRelease: Feature;
  readonly redistribRelease: Redistrib;
}

/**
 * The outputs a cuDNN archive fills.
 *
 * @example
 * const outputs: CudnnOutputs = { lib: true, static: true, dev: true };
 */
export interface CudnnOutputs {
  readonly lib: true;
  readonly static: true;
  readonly dev: true;
}

/**
 * The outputs a TensorRT archive fills; `python` is not a feature-manifest option, only the shim sets it.
 *
 * @example
 * const outputs: TensorrtOutputs = { bin: true, lib: true, static: true, dev: true, sample: true, python: true };
 */
export interface TensorrtOutputs {
  readonly bin: true;
  readonly lib: true;
  readonly static: true;
  readonly dev: true;
  readonly sample: true;
  readonly python: true;
}

/**
 * The feature release of a cuDNN shim: the CUDA range, and the outputs under the platform's key.
 *
 * @example
 * cudnnShim(args).featureRelease["linux-x86_64"] // { outputs: { lib: true, static: true, dev: true } }
 */
export interface CudnnFeatureRelease {
  readonly minCudaVersion: string;
  readonly maxCudaVersion: string;
  readonly [redistSystem: string]: string | { readonly outputs: CudnnOutputs };
}

/**
 * The feature release of a TensorRT shim: the CUDA range, the cuDNN major.minor it needs (or
 * null), and the outputs under the platform's key.
 *
 * @example
 * tensorrtShim(args).featureRelease.cudnnVersion // "9.7"
 */
export interface TensorrtFeatureRelease {
  readonly cudnnVersion: string | null;
  readonly minCudaVersion: string;
  readonly maxCudaVersion: string;
  readonly [redistSystem: string]: string | null | { readonly outputs: TensorrtOutputs };
}

/**
 * The redistrib release of a cuDNN shim: product name, version, and where to fetch the archive.
 *
 * @example
 * cudnnShim(args).redistribRelease.url // "https://developer.download.nvidia.com/compute/cudnn/redist/…"
 */
export interface CudnnRedistribRelease {
  readonly name: typeof cudnnName;
  readonly version: string;
  readonly url: string;
  readonly hash: string;
}

/**
 * The redistrib release of a TensorRT shim: product name, version, and the tarball the user must
 * download by hand.
 *
 * @example
 * tensorrtShim(args).redistribRelease.filename // "TensorRT-10.9.0.34.Linux.x86_64-gnu.cuda-12.8.tar.gz"
 */
export interface TensorrtRedistribRelease {
  readonly name: typeof tensorrtName;
  readonly version: string;
  readonly filename: string;
  readonly hash: string;
}

/**
 * cuDNN's human-readable name, which the builder puts in `meta.description`.
 *
 * @example
 * cudnnName // "NVIDIA CUDA Deep Neural Network library (cuDNN)"
 */
export const cudnnName = "NVIDIA CUDA Deep Neural Network library (cuDNN)";

/**
 * TensorRT's human-readable name, which the builder puts in `meta.description`.
 *
 * @example
 * tensorrtName // "TensorRT: a high-performance deep learning interface"
 */
export const tensorrtName = "TensorRT: a high-performance deep learning interface";

/** Checks the shim's arguments and returns where its errors point. */
function checkShimArgs(pname: string, { release, redistSystem }: ShimArgs): readonly string[] {
  // [late] shims have no guard for "unsupported" (spec 4.2): the key `unsupported` would be
  // created. No [late] caller passes it, so receiving it is a caller's bug, reported as such.
  if (redistSystem === unsupportedRedistSystem) {
    throw new ModuleError({
      kind: "InvalidDefinition",
      path: [pname, "releases", redistSystem],
      message: `${pname} shim: the redist platform is "unsupported"; select releases only for a supported platform.`,
    });
  }
  requireRedistSystem(pname, redistSystem);
  const version: unknown = typeof release === "object" && release !== null ? release.version : undefined;
  const location = releaseLocation(pname, redistSystem, typeof version === "string" ? version : "unknown");
  checkRelease(location, release);
  return location;
}

/**
 * The [late] cuDNN shim: a cuDNN release list entry as the builder's feature and redistrib release.
 *
 * @example
 * const { featureRelease, redistribRelease } = cudnnShim({ release, redistSystem: "linux-x86_64" });
 * featureRelease["linux-x86_64"] // { outputs: { lib: true, static: true, dev: true } }
 * redistribRelease // { name: cudnnName, version: "9.7.1.26", url: "https://…", hash: "sha256-…" }
 */
export function cudnnShim(args: ShimArgs): Shim<CudnnFeatureRelease, CudnnRedistribRelease> {
  const location = checkShimArgs("cudnn", args);
  const { release, redistSystem } = args;
  requireField(location, release, "url", "string");
  return {
    featureRelease: {
      minCudaVersion: release.minCudaVersion,
      maxCudaVersion: release.maxCudaVersion,
      [redistSystem]: { outputs: { lib: true, static: true, dev: true } },
    },
    redistribRelease: { name: cudnnName, version: release.version, url: release["url"] as string, hash: release.hash },
  };
}

/**
 * The [late] TensorRT shim: a TensorRT release list entry as the builder's feature and redistrib release.
 *
 * @example
 * const { featureRelease, redistribRelease } = tensorrtShim({ release, redistSystem: "linux-sbsa" });
 * featureRelease["linux-sbsa"] // { outputs: { bin: true, lib: true, static: true, dev: true, sample: true, python: true } }
 * redistribRelease.filename // "TensorRT-10.9.0.34.Linux.aarch64-gnu.cuda-12.8.tar.gz"
 */
export function tensorrtShim(args: ShimArgs): Shim<TensorrtFeatureRelease, TensorrtRedistribRelease> {
  const location = checkShimArgs("tensorrt", args);
  const { release, redistSystem } = args;
  requireField(location, release, "filename", "string");
  requireField(location, release, "cudnnVersion", "string or null");
  return {
    featureRelease: {
      cudnnVersion: release["cudnnVersion"] as string | null,
      minCudaVersion: release.minCudaVersion,
      maxCudaVersion: release.maxCudaVersion,
      [redistSystem]: { outputs: { bin: true, lib: true, static: true, dev: true, sample: true, python: true } },
    },
    redistribRelease: {
      name: tensorrtName,
      version: release.version,
      filename: release["filename"] as string,
      hash: release.hash,
    },
  };
}
