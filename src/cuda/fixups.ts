/**
 * The fixups, by pname (spec 7): what each adds to or changes in a package's plan. This is data,
 * not code; `fixup-conditions.ts` evaluates its conditions and `build-plan.ts` applies an entry as
 * Nixpkgs applies a fixup with `overrideAttrs`, after the builder. Lookup is by pname, so every
 * release of a product (`cudnn_8_9`, `cudnn`) gets the same fixup (spec 7.1).
 *
 * Names of inputs: `<pname>.<output>` is an output of a sibling package of the set (`libcublas.lib`);
 * any other name is a Nixpkgs package or hook named as spec 7.2 names it, kept as a label because a
 * plan does not resolve packages outside the CUDA set. In strings, `{version}` is the package's
 * version, `{versionTriple}` its first three components, `{cudnn}` the attribute of the cuDNN that
 * TensorRT uses and `{targetTriple}` the GNU triple of the host (`x86_64-linux-gnu`).
 */

/**
 * A condition a fixup's effect depends on, evaluated against the package set (`fixup-conditions.ts`).
 *
 * @example
 * const needsNvJitLink: FixupCondition = { kind: "cudaAtLeast", version: "12.0" };
 */
export type FixupCondition =
  | { readonly kind: "always" }
  /** The package set's CUDA major.minor is at least `version`. */
  | { readonly kind: "cudaAtLeast"; readonly version: string }
  /** The package set's CUDA major.minor is older than `version`. */
  | { readonly kind: "cudaOlder"; readonly version: string }
  /** Jetson capabilities are requested (Nixpkgs' `flags.isJetsonBuild`). */
  | { readonly kind: "jetsonBuild" }
  | { readonly kind: "notJetsonBuild" }
  /** The host system is one of `systems`. */
  | { readonly kind: "systemIn"; readonly systems: readonly string[] }
  | { readonly kind: "systemNotIn"; readonly systems: readonly string[] }
  /** The package's own version is at least `version` / older than `version`. */
  | { readonly kind: "versionAtLeast"; readonly version: string }
  | { readonly kind: "versionOlder"; readonly version: string }
  /** The package's version starts with `prefix` (Nixpkgs' `hasPrefix "1.4" version`). */
  | { readonly kind: "versionHasPrefix"; readonly prefix: string }
  /** The CUDA version is older than the release's `minCudaVersion` / newer than its `maxCudaVersion`. */
  | { readonly kind: "cudaBelowReleaseMin" }
  | { readonly kind: "cudaAboveReleaseMax" }
  /** The cuDNN TensorRT uses is older / newer (major.minor) than the release's `cudnnVersion`. */
  | { readonly kind: "cudnnTooOld" }
  | { readonly kind: "cudnnTooNew" }
  /** The CUDA package set has no package `pname` ([mid] "broken if missing"). */
  | { readonly kind: "siblingMissing"; readonly pname: string }
  | { readonly kind: "allOf"; readonly conditions: readonly FixupCondition[] };

/**
 * A value that a fixup adds only when `when` holds; a bare string is added always.
 *
 * @example
 * const input: Conditional = { value: "libnvjitlink.lib", when: { kind: "cudaAtLeast", version: "12.0" } };
 */
export type Conditional = string | { readonly value: string; readonly when: FixupCondition };

/**
 * A step a fixup adds to a build phase, in words; `when` limits it.
 *
 * @example
 * const step: FixupStep = { phase: "postFixup", does: "make libnvinfer_plugin need libnvinfer.so" };
 */
export interface FixupStep {
  readonly phase: "postUnpack" | "postPatch" | "preInstall" | "postInstall" | "postFixup";
  readonly does: string;
  readonly when?: FixupCondition;
}

/**
 * A licence as Nixpkgs' `meta.license` holds it; `redistributable` may depend on the package set.
 *
 * @example
 * const eula: FixupLicense = { shortName: "cuDNN EULA", free: false, redistributable: true };
 */
export interface FixupLicense {
  readonly shortName: string;
  readonly fullName?: string;
  readonly url?: string;
  readonly free: boolean;
  readonly redistributable: boolean | FixupCondition;
}

/**
 * Where a product's fixup takes its source from, the builder having none (spec 4.3): the release's
 * `url` and `hash` (cuDNN), or a file the user adds to the store by hand (TensorRT).
 *
 * @example
 * const src: FixupSource = "requireFileFromRelease";
 */
export type FixupSource = "fetchurlFromRelease" | "requireFileFromRelease";

/**
 * What one fixup does; every field is optional and adds to (or, for `removeOutputs`, takes from)
 * what the builder made.
 *
 * @example
 * const fixup: Fixup = { source: "fixups/cuda_gdb.nix", buildInputs: [{ value: "gmp", when: { kind: "cudaAtLeast", version: "12.0" } }] };
 */
export interface Fixup {
  /** The Nixpkgs file(s) the entry mirrors. */
  readonly source: string;
  readonly addOutputs?: readonly string[];
  readonly removeOutputs?: readonly string[];
  readonly src?: FixupSource;
  /** The folder of the unpacked archive to build in, a template. */
  readonly sourceRoot?: string;
  readonly nativeBuildInputs?: readonly Conditional[];
  readonly buildInputs?: readonly Conditional[];
  readonly propagatedBuildInputs?: readonly Conditional[];
  readonly autoPatchelfIgnoreMissingDeps?: readonly Conditional[];
  readonly brokenConditions?: Readonly<Record<string, FixupCondition>>;
  readonly badPlatformsConditions?: Readonly<Record<string, FixupCondition>>;
  readonly allowFHSReferences?: boolean;
  readonly steps?: readonly FixupStep[];
  readonly meta?: {
    /** Replaces the builder's description instead of naming the licence in it. */
    readonly description?: string;
    readonly homepage?: string;
    readonly mainProgram?: string;
    readonly license?: FixupLicense;
    /** Hydra must not build it (TensorRT: manual download, non-redistributable). */
    readonly hydraPlatforms?: readonly string[];
  };
}

const cudaAtLeast = (version: string): FixupCondition => ({ kind: "cudaAtLeast", version });
const cudaOlder = (version: string): FixupCondition => ({ kind: "cudaOlder", version });
const missing = (pname: string, when?: FixupCondition): FixupCondition =>
  when === undefined ? { kind: "siblingMissing", pname } : { kind: "allOf", conditions: [when, { kind: "siblingMissing", pname }] };

/**
 * Every fixup of spec 7.2, keyed by the pname it applies to.
 *
 * @example
 * fixups["cuda_cudart"]?.addOutputs // ["stubs"]
 */
export const fixups: Readonly<Record<string, Fixup>> = {
  cuda_cudart: {
    source: "cuda/overrides.nix (cuda_cudart), later fixups/cuda_cudart.nix",
    addOutputs: ["stubs"],
    allowFHSReferences: false,
    steps: [
      { phase: "postPatch", does: "rewrite the cuda-*.pc files so that libdir is lib/stubs and linking adds an rpath to the driver library directory" },
      { phase: "postInstall", does: "add a libcuda.so.1 symlink next to the libcuda.so stub" },
      { phase: "postInstall", does: "move lib/stubs into the stubs output and link it back into lib" },
    ],
  },
  cuda_compat: {
    source: "cuda/overrides.nix (cuda_compat), later _cuda/fixups/cuda_compat.nix",
    autoPatchelfIgnoreMissingDeps: ["libnvrm_gpu.so", "libnvrm_mem.so", "libnvdla_runtime.so"],
    badPlatformsConditions: { "Trying to use cuda_compat on aarch64-linux targeting non-Jetson devices": { kind: "notJetsonBuild" } },
  },
  cuda_gdb: {
    source: "cuda/overrides.nix (cuda_gdb)",
    buildInputs: [{ value: "gmp", when: cudaAtLeast("12.0") }],
  },
  cuda_nvcc: {
    source: "fixups/cuda_nvcc.nix",
    // [late]: bin and dev merged into out, to avoid references between outputs that form a cycle.
    removeOutputs: ["bin", "dev"],
    propagatedBuildInputs: ["setupCudaHook"],
    allowFHSReferences: true,
    steps: [
      { phase: "postPatch", does: "point the include directory of bin/nvcc.profile at the dev output" },
      { phase: "postPatch", does: "point the NVVM directory of bin/nvcc.profile at the bin output", when: cudaOlder("12.5") },
      { phase: "postPatch", does: "append to bin/nvcc.profile: the backend compiler first on PATH, the NVVM lib and include directories" },
      { phase: "postInstall", does: "move nvvm to the bin output" },
    ],
    meta: { mainProgram: "nvcc" },
  },
  cuda_nvprof: {
    source: "cuda/overrides.nix (cuda_nvprof)",
    buildInputs: ["cuda_cupti.lib"],
  },
  cuda_demo_suite: {
    source: "cuda/overrides.nix (cuda_demo_suite)",
    buildInputs: ["freeglut", "libcufft.lib", "libcurand.lib", "libGLU", "libglvnd", "mesa"],
  },
  libcufile: {
    source: "cuda/overrides.nix (libcufile)",
    buildInputs: ["libcublas.lib", "numactl", "rdma-core"],
    autoPatchelfIgnoreMissingDeps: [{ value: "libcufile.so.0", when: cudaOlder("11.7") }],
  },
  libcusolver: {
    source: "cuda/overrides.nix (libcusolver)",
    buildInputs: ["libcublas.lib", { value: "libnvjitlink.lib", when: cudaAtLeast("12.0") }, { value: "libcusparse.lib", when: cudaAtLeast("12.1") }],
    brokenConditions: {
      "libcublas is missing": missing("libcublas"),
      "libnvjitlink is missing (needed from CUDA 12.0)": missing("libnvjitlink", cudaAtLeast("12.0")),
      "libcusparse is missing (needed from CUDA 12.1)": missing("libcusparse", cudaAtLeast("12.1")),
    },
  },
  libcusparse: {
    source: "cuda/overrides.nix (libcusparse)",
    buildInputs: [{ value: "libnvjitlink.lib", when: cudaAtLeast("12.0") }],
    brokenConditions: { "libnvjitlink is missing (needed from CUDA 12.0)": missing("libnvjitlink", cudaAtLeast("12.0")) },
  },
  nsight_compute: {
    source: "cuda/overrides.nix (nsight_compute)",
    // Qt 5 before nsight_compute 2022.2.0, Qt 6 from then on. Whether that Qt exists in Nixpkgs
    // ([mid] "broken if absent") is outside the CUDA data, so the plan does not claim it.
    nativeBuildInputs: [
      { value: "qt5.wrapQtAppsHook", when: { kind: "versionOlder", version: "2022.2.0" } },
      { value: "qt6.wrapQtAppsHook", when: { kind: "versionAtLeast", version: "2022.2.0" } },
    ],
    buildInputs: [
      { value: "qt5.qtwebview", when: { kind: "versionOlder", version: "2022.2.0" } },
      { value: "qt6.qtwebview", when: { kind: "versionAtLeast", version: "2022.2.0" } },
    ],
  },
  nsight_systems: {
    source: "cuda/overrides.nix (nsight_systems)",
    steps: [{ phase: "postUnpack", does: "delete the bundled third-party libraries (Qt, boost, OpenSSL, libstdc++, Mesa, python, …)" }],
    buildInputs: ["Qt", "GStreamer", "NSS", "numactl", "pulseaudio", "rdma-core", "ucx", "wayland", "X libraries", "cuda_cudart.stubs"],
    brokenConditions: { "CUDA is older than 11.8": cudaOlder("11.8") },
  },
  nvidia_driver: {
    source: "cuda/overrides.nix (nvidia_driver)",
    brokenConditions: { "Package is not supported; use drivers from linuxPackages": { kind: "always" } },
  },
  cudnn: {
    source: "cudnn/fixup.nix, later fixups/cudnn.nix",
    src: "fetchurlFromRelease",
    badPlatformsConditions: {
      "CUDA version is too old": { kind: "cudaBelowReleaseMin" },
      "CUDA version is too new": { kind: "cudaAboveReleaseMax" },
    },
    // The run-file cudatoolkit stands in for libcublas before CUDA 11.4 (`useCudatoolkitRunfile`).
    buildInputs: ["zlib", { value: "cudatoolkit", when: cudaOlder("11.3.999") }, { value: "libcublas.lib", when: cudaAtLeast("11.3.999") }],
    steps: [
      {
        phase: "postFixup",
        does: "patchelf: libcudnn.so needs libcudnn_cnn_infer.so; libcudnn_ops_infer.so needs libcublas.so and libcublasLt.so",
        when: { kind: "allOf", conditions: [{ kind: "versionAtLeast", version: "8.0.5.0" }, { kind: "versionOlder", version: "9.0.0.0" }] },
      },
    ],
    meta: {
      homepage: "https://developer.nvidia.com/cudnn",
      license: {
        shortName: "cuDNN EULA",
        fullName: "NVIDIA cuDNN Software License Agreement (EULA)",
        url: "https://docs.nvidia.com/deeplearning/sdk/cudnn-sla/index.html#supplement",
        free: false,
        redistributable: cudaAtLeast("11.3.999"),
      },
    },
  },
  tensorrt: {
    source: "tensorrt/fixup.nix, later fixups/tensorrt.nix",
    src: "requireFileFromRelease",
    sourceRoot: "TensorRT-{version}",
    brokenConditions: {
      "CUDA version is too old": { kind: "cudaBelowReleaseMin" },
      "CUDA version is too new": { kind: "cudaAboveReleaseMax" },
      "CUDNN version is too old": { kind: "cudnnTooOld" },
      "CUDNN version is too new": { kind: "cudnnTooNew" },
    },
    badPlatformsConditions: {
      "TensorRT archives are unpacked only for x86_64-linux and aarch64-linux": { kind: "systemNotIn", systems: ["x86_64-linux", "aarch64-linux"] },
    },
    buildInputs: ["{cudnn}.lib"],
    steps: [
      {
        phase: "preInstall",
        does: "replace the bin and lib symlinks by targets/{targetTriple}/bin and targets/{targetTriple}/lib",
        when: { kind: "systemIn", systems: ["x86_64-linux", "aarch64-linux"] },
      },
      {
        phase: "postFixup",
        does: "patchelf: libnvinfer.so.{versionTriple}, libnvinfer_plugin.so.{versionTriple} and libnvinfer_builder_resource.so.{versionTriple} need libnvinfer.so",
      },
    ],
    meta: { homepage: "https://developer.nvidia.com/tensorrt", hydraPlatforms: [] },
  },
  libcutensor: {
    source: "cutensor/extension.nix, later _cuda/fixups/libcutensor.nix",
    buildInputs: [
      { value: "cudatoolkit", when: cudaOlder("11.4") },
      { value: "libcublas.lib", when: cudaAtLeast("11.4") },
      // "For some reason, the 1.4.x release of cuTENSOR requires the cudart library."
      { value: "cuda_cudart.lib", when: { kind: "allOf", conditions: [cudaAtLeast("11.4"), { kind: "versionHasPrefix", prefix: "1.4" }] } },
    ],
    meta: {
      description: "cuTENSOR: A High-Performance CUDA Library For Tensor Primitives",
      homepage: "https://developer.nvidia.com/cutensor",
      license: {
        shortName: "cuTENSOR EULA",
        fullName: "cuTENSOR SUPPLEMENT TO SOFTWARE LICENSE AGREEMENT FOR NVIDIA SOFTWARE DEVELOPMENT KITS",
        url: "https://docs.nvidia.com/cuda/cutensor/license.html",
        free: false,
        redistributable: true,
      },
    },
  },
  libcusparse_lt: {
    source: "_cuda/fixups/libcusparse_lt.nix",
    buildInputs: ["libcublas.lib"],
    meta: { license: { shortName: "cuSPARSELt EULA", free: false, redistributable: true } },
  },
};
