/**
 * The fixups, by pname, as the reference revision has them: one entry per file of
 * `pkgs/development/cuda-modules/_cuda/fixups/` (faukah/nixpkgs@3b20077c), each entry naming its file
 * and using its condition keys word for word. A pname without a file there (nvidia_driver,
 * fabricmanager, ...) gets no fixup, as in that revision. This is data, not code;
 * `fixup-conditions.ts` evaluates its conditions and `build-plan.ts` applies an entry as the
 * builder applies a fixup, `overrideAttrs` after everything else (`generic-builders/manifest.nix`).
 * Lookup is by pname, so every release of a product (`cudnn_8_9`, `cudnn`) gets the same fixup.
 *
 * Names of inputs: `<pname>.<output>` is an output of a sibling package of the set (`libcublas.lib`);
 * any other name is a Nixpkgs package or hook named as spec 7.2 names it, kept as a label because a
 * plan does not resolve packages outside the CUDA set; a sibling is named as the fixup names it
 * (`libcublas` where Nixpkgs writes `libcublas`, `libcublas.lib` where it writes `libcublas.lib`).
 * In strings, `{version}` is the package's version, `{versionTriple}` its first three components,
 * `{cudnn}` the attribute of the cuDNN that TensorRT uses, `{system}` the host system and
 * `{targetTriple}` the GNU triple of the host (`x86_64-linux-gnu`).
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
  /** The CUDA package set has no package `pname` (a fixup's `libnvjitlink ? null` argument is null). */
  | { readonly kind: "siblingMissing"; readonly pname: string }
  /** The host's CPU is aarch64 (`stdenv.hostPlatform.isAarch64`). */
  | { readonly kind: "hostIsAarch64" }
  /**
   * Never holds in the reference revision: a condition on a Nixpkgs package outside the CUDA set
   * that exists there (qt5, qt6), kept so that the plan lists the key as Nixpkgs does.
   */
  | { readonly kind: "never" }
  | { readonly kind: "allOf"; readonly conditions: readonly FixupCondition[] }
  | { readonly kind: "anyOf"; readonly conditions: readonly FixupCondition[] };

/**
 * A value that a fixup adds only when `when` holds; a bare string is added always.
 *
 * @example
 * const input: Conditional = { value: "libnvjitlink.lib", when: { kind: "cudaAtLeast", version: "12.0" } };
 */
export type Conditional = string | { readonly value: string; readonly when: FixupCondition };

/**
 * A step a fixup adds to a build phase, in words; `when` limits it. `install` is text appended to
 * the builder's `installPhase` (cuda_gdb), which runs after its `postInstall` hook; `preFixup` and
 * `postFixup` are the phase strings, which stdenv's `runHook` runs before the phase's hooks.
 *
 * @example
 * const step: FixupStep = { phase: "postFixup", does: "make libnvinfer_plugin need libnvinfer.so" };
 */
export interface FixupStep {
  readonly phase: "postPatch" | "preInstall" | "install" | "postInstall" | "preFixup" | "postFixup";
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
 * const fixup: Fixup = { source: "_cuda/fixups/cuda_gdb.nix", buildInputs: [{ value: "gmp", when: { kind: "cudaAtLeast", version: "12.0" } }] };
 */
export interface Fixup {
  /** The Nixpkgs file the entry mirrors. */
  readonly source: string;
  /** Replaces the builder's outputs (cuda_sanitizer_api's `outputs = [ "out" ]`). */
  readonly setOutputs?: readonly string[];
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
  /**
   * Makes `meta.broken` true without a broken-condition key, as cuDNN, cuTENSOR and cuSPARSELt set
   * `meta.broken` directly ("to avoid changing the derivation hash", their comment says).
   */
  readonly metaBroken?: FixupCondition;
  /** Adds the host system to `meta.badPlatforms` when it holds (TensorRT on a host it cannot unpack for). */
  readonly badPlatformsHost?: FixupCondition;
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
const linuxHosts = ["x86_64-linux", "aarch64-linux"];
const onLinuxHost: FixupCondition = { kind: "systemIn", systems: linuxHosts };
const notOnLinuxHost: FixupCondition = { kind: "systemNotIn", systems: linuxHosts };
// The 1.4.x releases of cuTENSOR and cuSPARSELt also need cudart ("For some reason", the fixups say).
const is14: FixupCondition = { kind: "versionHasPrefix", prefix: "1.4" };
const cublasOrCudartMissing: FixupCondition = {
  kind: "allOf",
  conditions: [cudaAtLeast("11.4"), { kind: "anyOf", conditions: [missing("libcublas"), { kind: "allOf", conditions: [is14, missing("cuda_cudart")] }] }],
};
const cudatoolkitOrCublas: readonly Conditional[] = [
  { value: "cudatoolkit", when: cudaOlder("11.4") },
  { value: "libcublas.lib", when: cudaAtLeast("11.4") },
  { value: "cuda_cudart.lib", when: { kind: "allOf", conditions: [cudaAtLeast("11.4"), is14] } },
];
/** A step that says the fixup throws: its per-system folder table has no entry for the host. */
const throwsOnOtherHosts = (phase: FixupStep["phase"]): FixupStep => ({
  phase,
  does: 'evaluation fails with "Unsupported system: {system}": the fixup\'s folder table has entries for x86_64-linux and aarch64-linux only',
  when: notOnLinuxHost,
});
const qtBefore = (version: string, qt5: string, qt6: string): Conditional[] => [
  { value: qt5, when: { kind: "versionOlder", version } },
  { value: qt6, when: { kind: "versionAtLeast", version } },
];

/**
 * Every fixup file of the reference revision's `_cuda/fixups/`, keyed by the pname it applies to.
 *
 * @example
 * fixups["cuda_cudart"]?.addOutputs // ["stubs"]
 */
export const fixups: Readonly<Record<string, Fixup>> = {
  cuda_compat: {
    source: "_cuda/fixups/cuda_compat.nix",
    autoPatchelfIgnoreMissingDeps: ["libnvrm_gpu.so", "libnvrm_mem.so", "libnvdla_runtime.so"],
    badPlatformsConditions: { "Trying to use cuda_compat on aarch64-linux targeting non-Jetson devices": { kind: "notJetsonBuild" } },
  },
  cuda_cudart: {
    source: "_cuda/fixups/cuda_cudart.nix",
    addOutputs: ["stubs"],
    allowFHSReferences: false,
    steps: [
      { phase: "postPatch", does: "in every cuda-*.pc, point libdir at lib/stubs of the lib output and add -Wl,-rpath to the driver library directory to Libs" },
      { phase: "postPatch", does: "if lib/stubs/libcuda.so exists and lib/stubs/libcuda.so.1 does not, link libcuda.so.1 to it" },
      { phase: "postFixup", does: "moveToOutput lib/stubs to the stubs output, link its files into the stubs output's lib, and link it back as lib/stubs of the lib output" },
    ],
  },
  cuda_demo_suite: {
    source: "_cuda/fixups/cuda_demo_suite.nix",
    buildInputs: ["libglut", "libcufft", "libcurand", "libGLU", "libglvnd", "libgbm"],
  },
  cuda_gdb: {
    source: "_cuda/fixups/cuda_gdb.nix",
    buildInputs: [
      { value: "gmp", when: cudaAtLeast("12.0") },
      ...["libxcrypt-legacy", "ncurses6", "python310", "python311", "python312"].map((value) => ({ value, when: cudaAtLeast("12.5") })),
      { value: "expat", when: { kind: "hostIsAarch64" } },
    ],
    steps: [{ phase: "install", does: "delete the python3.8 and python3.9 files of the bin output (Nixpkgs has neither Python)", when: cudaAtLeast("12.5") }],
  },
  cuda_nvcc: {
    source: "_cuda/fixups/cuda_nvcc.nix",
    // "Merge bin and dev into out to avoid circular references."
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
    source: "_cuda/fixups/cuda_nvprof.nix",
    buildInputs: ["cuda_cupti"],
  },
  cuda_sanitizer_api: {
    source: "_cuda/fixups/cuda_sanitizer_api.nix",
    setOutputs: ["out"],
  },
  cudnn: {
    source: "_cuda/fixups/cudnn.nix",
    src: "fetchurlFromRelease",
    badPlatformsConditions: {
      "CUDA version is too old": { kind: "cudaBelowReleaseMin" },
      "CUDA version is too new": { kind: "cudaAboveReleaseMax" },
    },
    // The run-file cudatoolkit stands in for libcublas before CUDA 11.4 (`useCudatoolkitRunfile`).
    buildInputs: ["zlib", { value: "cudatoolkit", when: cudaOlder("11.3.999") }, { value: "libcublas.lib", when: cudaAtLeast("11.3.999") }],
    metaBroken: missing("libcublas", cudaOlder("11.3.999")),
    steps: [
      {
        // "Tell autoPatchelf about runtime dependencies": the postFixup string runs before autoPatchelf's hook.
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
  driver_assistant: {
    source: "_cuda/fixups/driver_assistant.nix",
    badPlatformsConditions: { "Package is not supported; use drivers from linuxPackages": { kind: "always" } },
  },
  imex: {
    source: "_cuda/fixups/imex.nix",
    buildInputs: ["zlib"],
  },
  libcufile: {
    source: "_cuda/fixups/libcufile.nix",
    buildInputs: ["libcublas", "numactl", "rdma-core"],
    // "Before 11.7 libcufile depends on itself for some reason."
    autoPatchelfIgnoreMissingDeps: [{ value: "libcufile.so.0", when: cudaOlder("11.7") }],
  },
  libcusolver: {
    source: "_cuda/fixups/libcusolver.nix",
    buildInputs: ["libcublas", { value: "libnvjitlink", when: cudaAtLeast("12.0") }, { value: "libcusparse", when: cudaAtLeast("12.1") }],
    brokenConditions: {
      "libnvjitlink missing (CUDA >= 12.0)": missing("libnvjitlink", cudaAtLeast("12.0")),
      "libcusparse missing (CUDA >= 12.1)": missing("libcusparse", cudaAtLeast("12.1")),
    },
  },
  libcusparse: {
    source: "_cuda/fixups/libcusparse.nix",
    buildInputs: [{ value: "libnvjitlink", when: cudaAtLeast("12.0") }],
    brokenConditions: { "libnvjitlink missing (CUDA >= 12.0)": missing("libnvjitlink", cudaAtLeast("12.0")) },
  },
  libcusparse_lt: {
    source: "_cuda/fixups/libcusparse_lt.nix",
    buildInputs: cudatoolkitOrCublas,
    metaBroken: cublasOrCudartMissing,
    meta: {
      description: "cuSPARSELt: A High-Performance CUDA Library for Sparse Matrix-Matrix Multiplication",
      homepage: "https://developer.nvidia.com/cusparselt-downloads",
      license: {
        shortName: "cuSPARSELt EULA",
        fullName: "cuSPARSELt SUPPLEMENT TO SOFTWARE LICENSE AGREEMENT FOR NVIDIA SOFTWARE DEVELOPMENT KITS",
        url: "https://docs.nvidia.com/cuda/cusparselt/license.html",
        free: false,
        redistributable: true,
      },
    },
  },
  libcutensor: {
    source: "_cuda/fixups/libcutensor.nix",
    buildInputs: cudatoolkitOrCublas,
    metaBroken: cublasOrCudartMissing,
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
  nsight_compute: {
    source: "_cuda/fixups/nsight_compute.nix",
    // Qt 5 before nsight_compute 2022.2.0, Qt 6 from then on.
    nativeBuildInputs: qtBefore("2022.2.0", "qt5.wrapQtAppsHook", "qt6.wrapQtAppsHook"),
    buildInputs: [
      ...qtBefore("2022.2.0", "qt5.qtwayland", "qt6.qtwayland"),
      ...qtBefore("2022.2.0", "qt5.qtwebview", "qt6.qtwebview"),
      ...qtBefore("2022.2.0", "qt5.qtwebengine", "qt6.qtwebengine"),
      "rdma-core",
    ],
    autoPatchelfIgnoreMissingDeps: ["libnvidia-ml.so.1"],
    brokenConditions: { "Qt 5 missing (<2022.2.0)": { kind: "never" }, "Qt 6 missing (>=2022.2.0)": { kind: "never" } },
    steps: [
      { phase: "preInstall", does: "remove the bundled Mesa of host/<archDir>", when: onLinuxHost },
      throwsOnOtherHosts("preInstall"),
      { phase: "postInstall", does: "move ncu, ncu-ui, host/<archDir> and target/<archDir> to the bin output, and wrap ncu-ui.bin as a Qt application", when: onLinuxHost },
      { phase: "preFixup", does: "patchelf: the bundled libqtiff.so needs libtiff.so instead of libtiff.so.5", when: onLinuxHost },
    ],
  },
  nsight_systems: {
    source: "_cuda/fixups/nsight_systems.nix",
    nativeBuildInputs: qtBefore("2022.4.2.1", "qt5.wrapQtAppsHook", "qt6.wrapQtAppsHook"),
    buildInputs: [
      ...qtBefore("2022.4.2.1", "qt5 modules (declarative, svg, imageformats, positioning, scxml, tools, webengine, wayland, base)", "qt6 modules (declarative, svg, imageformats, positioning, scxml, tools, webengine, wayland, base)"),
      "boost178",
      "cuda_cudart.stubs",
      "gst_all_1.gst-plugins-base",
      "gst_all_1.gstreamer",
      "nss",
      "numactl",
      "pulseaudio",
      "qtWaylandPlugins",
      "rdma-core",
      "ucx",
      "wayland",
      "xorg.libXcursor",
      "xorg.libXdamage",
      "xorg.libXrandr",
      "xorg.libXtst",
    ],
    autoPatchelfIgnoreMissingDeps: ["libnvidia-ml.so.1"],
    brokenConditions: { "Qt 5 missing (<2022.4.2.1)": { kind: "never" }, "Qt 6 missing (>=2022.4.2.1)": { kind: "never" } },
    // "Older releases require boost 1.70, which is deprecated in Nixpkgs."
    badPlatformsConditions: { "CUDA too old (<11.8)": cudaOlder("11.8") },
    steps: [
      { phase: "postPatch", does: "remove the bundled libraries of env.rmPatterns (arrow, jpeg, ssl, ssh, crypto, boost, libexec, libstdc++, python, Mesa), then patchShebangs nsight-systems", when: onLinuxHost },
      throwsOnOtherHosts("postPatch"),
      { phase: "postInstall", does: "move the host, target and bin folders of nsight-systems to the bin output, fix the paths in nsys and nsys-ui, and wrap nsys-ui.bin as a Qt application", when: onLinuxHost },
      { phase: "preFixup", does: "patchelf: the bundled libqtiff.so needs libtiff.so instead of libtiff.so.5", when: onLinuxHost },
    ],
  },
  tensorrt: {
    source: "_cuda/fixups/tensorrt.nix",
    src: "requireFileFromRelease",
    sourceRoot: "TensorRT-{version}",
    brokenConditions: {
      "CUDA version is too old": { kind: "cudaBelowReleaseMin" },
      "CUDA version is too new": { kind: "cudaAboveReleaseMax" },
      "CUDNN version is too old": { kind: "cudnnTooOld" },
      "CUDNN version is too new": { kind: "cudnnTooNew" },
    },
    // `meta.badPlatforms ++ optionals (targetArch == "unsupported") [ hostPlatform.system ]`: no condition key.
    badPlatformsHost: notOnLinuxHost,
    buildInputs: ["{cudnn}.lib"],
    steps: [
      { phase: "preInstall", does: "replace the bin and lib symlinks by targets/{targetTriple}/bin and targets/{targetTriple}/lib", when: onLinuxHost },
      {
        // "Tell autoPatchelf about runtime dependencies."
        phase: "postFixup",
        does: "patchelf: libnvinfer.so.{versionTriple}, libnvinfer_plugin.so.{versionTriple} and libnvinfer_builder_resource.so.{versionTriple} need libnvinfer.so",
      },
    ],
    meta: { homepage: "https://developer.nvidia.com/tensorrt", hydraPlatforms: [] },
  },
};
