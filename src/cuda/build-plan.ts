/**
 * The generic (manifest) builder of the reference revision (faukah/nixpkgs@3b20077c,
 * `generic-builders/manifest.nix`): one package of a checked manifest, or of a shim's output,
 * becomes a build plan for one system. A plan is plain JSON and says everything the derivation
 * would be made from; each field's doc comment names the Nix file its rule comes from. Where the
 * project knowingly differs, the comment says so (and the README lists it).
 */
import { fixups, type Fixup, type FixupLicense } from "./fixups.js";
import { evaluateConditions, fillTemplate, holds, selectConditionals, type FixupContext } from "./fixup-conditions.js";
import type { Manifest, RedistribArchive, RedistribPackage } from "./manifest.js";
import { outputBrokenConditions, outputsFromFeatures, outputToPatterns, possibleOutputs, type OutputFlags } from "./outputs.js";
import { getNixSystems, platformOf, pseudoPlatforms, redistSystems, unsupportedRedistSystem, type BuildTarget } from "./platforms.js";
import { redistUrl, urlError } from "./relative-path.js";
import { fromHex, fromSri } from "./src-hash.js";
import { ModuleError } from "../lib/errors.js";
import { majorMinor } from "./versions.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";

/**
 * Where a plan's source comes from: an NVIDIA download (`fetchurl`), or a file the user must add to
 * the store by hand (`requireFile`, TensorRT). Both carry the hash as SRI and as hex.
 *
 * @example
 * const src: PlanSource = { kind: "fetchurl", url: "https://…-archive.tar.xz", hash: "sha256-…", sha256: "…" };
 */
export type PlanSource =
  | { readonly kind: "fetchurl"; readonly url: string; readonly hash: string; readonly sha256: string }
  | { readonly kind: "requireFile"; readonly name: string; readonly hash: string; readonly sha256: string; readonly message: string };

/**
 * One step of the build, in the order it runs: the phase, who adds it (the builder, a hook, or
 * `fixup <pname>`), what it does, and for `moveToOutput` the output and its patterns.
 *
 * @example
 * const step: BuildStep = { phase: "install", by: "builder", does: "moveToOutput", output: "lib", patterns: ["lib", "lib64"] };
 */
export interface BuildStep {
  readonly phase: string;
  readonly by: string;
  readonly does: string;
  readonly output?: string;
  readonly patterns?: readonly string[];
}

/**
 * One entry of the RUNPATH of the dynamic ELF files a build produces, in order, with the hook that
 * puts it there (spec 5.4 step 5 and 8).
 *
 * @example
 * const entry: RunpathEntry = { path: "/run/opengl-driver/lib", by: "autoAddDriverRunpath" };
 */
export interface RunpathEntry {
  readonly path: string;
  readonly by: string;
}

/**
 * A licence as the plan's `meta.license` holds it.
 *
 * @example
 * const license: PlanLicense = { shortName: "CUDA EULA", fullName: "…", url: "https://…/LICENSE.txt", free: false, redistributable: true };
 */
export interface PlanLicense {
  readonly shortName: string;
  readonly fullName: string | null;
  readonly url: string | null;
  readonly free: boolean;
  readonly redistributable: boolean;
}

/**
 * A build plan: a plain, JSON-serialisable value that says what one package's derivation is made
 * from on one system.
 *
 * @example
 * buildPlan({ manifest, pname: "cuda_cudart", system: "x86_64-linux", cudaVersion: "12.2" }).outputs // ["out", "lib", "static", "dev", "stubs"]
 */
export interface BuildPlan {
  readonly pname: string;
  /** The product, which is the URL segment of its downloads (`cuda`, `cutensor`, `cudnn`, `tensorrt`). */
  readonly redistName: string;
  /** The redistrib release's `version`. */
  readonly version: string;
  /** The system built for, and its `getRedistSystem` (`_cuda/lib/redist.nix`; `"unsupported"` off the table). */
  readonly host: { readonly system: string; readonly jetson: boolean; readonly redistSystem: string };
  /**
   * The platform key whose flags and archive are used: the host's redist system when the package
   * has it (`redistribRelease.${redistSystem} or null`, `generic-builders/manifest.nix`), else null.
   * For a manifest of NVIDIA's newer format, `linux-all` first when the package has it, as the
   * `_cuda` layout that reads that format prefers the most general archive (spec 10).
   */
  readonly archivePlatform: string | null;
  /** The archive of `archivePlatform` (spec 5.4 step 1), or the one a product fixup names (spec 4.3); null if none. */
  readonly src: PlanSource | null;
  /**
   * {@link outputsFromFeatures} of the archive's flags, or every possible output on an unsupported
   * host (`generic-builders/manifest.nix`), then the fixup's changes (`_cuda/fixups/<pname>.nix`).
   * Without a feature manifest, only what is known before the archive is unpacked: `out`, and the
   * fixup's additions.
   */
  readonly outputs: readonly string[];
  /**
   * Present, as `"when the archive is unpacked"`, for a package of a version without a feature
   * manifest: which further outputs exist depends on the folders the archive holds.
   */
  readonly outputsDecided?: "when the archive is unpacked";
  /** Every output but `dev` ([mid/late], spec 5.4 step 7). */
  readonly propagatedBuildOutputs: readonly string[];
  /** The folder of `lib/` that becomes `lib/` (cuTENSOR: the CUDA major), or null. */
  readonly libPath: string | null;
  /** The builder's hooks in Nixpkgs' order, the cuda_compat hook last (spec 8), then the fixup's. */
  readonly nativeBuildInputs: readonly string[];
  /** The C++ runtime the builder always adds, then the fixup's (spec 5.4 step 5, 7.2). */
  readonly buildInputs: readonly string[];
  readonly propagatedBuildInputs: readonly string[];
  /** Libraries autoPatchelf may leave unresolved: libcuda comes from the driver at run time. */
  readonly autoPatchelfIgnoreMissingDeps: readonly string[];
  /** Whether the install check may find /usr/ in the outputs; true unless a fixup says otherwise. */
  readonly allowFHSReferences: boolean;
  readonly steps: readonly BuildStep[];
  readonly runpath: readonly RunpathEntry[];
  /** Reason → whether it holds; any true one makes the package broken (`generic-builders/manifest.nix`, then the fixup's). */
  readonly brokenConditions: Readonly<Record<string, boolean>>;
  /**
   * Reason → whether it holds; any true one makes every platform bad. The builder's own, "No source",
   * is `!elem host (getNixSystems redistSystem)`: it holds on unsupported hosts only.
   */
  readonly badPlatformsConditions: Readonly<Record<string, boolean>>;
  readonly meta: {
    readonly description: string;
    readonly homepage: string | null;
    readonly mainProgram: string | null;
    readonly license: PlanLicense;
    /** The NVIDIA platforms the feature release has entries for, sorted. */
    readonly redistPlatforms: readonly string[];
    /** `getNixSystems` of those platforms, de-duplicated and sorted (`generic-builders/manifest.nix`): no ppc64le, no Windows. */
    readonly platforms: readonly string[];
    /** Any broken condition holds, or the fixup sets `meta.broken` directly (cuDNN, cuTENSOR, cuSPARSELt). */
    readonly broken: boolean;
    /** `platforms` if any bad-platform condition holds, else empty; then the host if the fixup adds it (TensorRT). */
    readonly badPlatforms: readonly string[];
    /** Null when Hydra may build it on every platform. */
    readonly hydraPlatforms: readonly string[] | null;
  };
  /** The fixup applied (its pname and the Nixpkgs file it mirrors), or null. */
  readonly fixup: { readonly pname: string; readonly source: string } | null;
}

/**
 * What the package set knows that one package's plan depends on: the other CUDA packages, whether
 * cuda_compat can be used, and the cuDNN TensorRT uses.
 *
 * @example
 * const context: PackageSetContext = { siblings: new Set(["cuda_cudart", "libcublas"]), hasCudaCompat: false, cudnn: null };
 */
export interface PackageSetContext {
  readonly siblings: ReadonlySet<string>;
  /** The CUDA manifest has a `cuda_compat` archive for Jetson (`linux-aarch64`). */
  readonly hasCudaCompat: boolean;
  readonly cudnn: { readonly name: string; readonly version: string } | null;
}

/**
 * The generic builder's inputs, as Nixpkgs' `manifest.nix` takes them: one package's feature and
 * redistrib releases, from manifests or from a shim.
 *
 * @example
 * planFromReleases({ pname: "cudnn", redistName: "cudnn", featureRelease, redistribRelease, target, cudaMajorMinorVersion: "12.2", libPath: null, dataPath, context })
 */
export interface ReleasesPlanArgs {
  readonly pname: string;
  readonly redistName: string;
  readonly featureRelease: Readonly<Record<string, unknown>>;
  readonly redistribRelease: Readonly<Record<string, unknown>>;
  readonly target: BuildTarget;
  readonly cudaMajorMinorVersion: string;
  readonly libPath: string | null;
  /** Where the redistrib release is defined, for error paths. */
  readonly dataPath: readonly string[];
  readonly context: PackageSetContext;
  /** No feature manifest gives the outputs: they are decided when the archive is unpacked. */
  readonly outputsFromArchive?: boolean;
  /** The release comes from a manifest of NVIDIA's newer format, which the `_cuda` layout reads (spec 10). */
  readonly newerLayout?: boolean;
}

const cudaRedistLicense = {
  shortName: "CUDA EULA",
  fullName: "CUDA Toolkit End User License Agreement (EULA)",
  free: false,
  redistributable: true,
} as const;

// Nixpkgs' `lib.licenses.unfree`: the builder's default where no product licence is set.
const unfreeLicense: PlanLicense = { shortName: "unfree", fullName: "Unfree", url: null, free: false, redistributable: false };

function isArchive(value: unknown): value is RedistribArchive {
  return typeof value === "object" && value !== null && typeof (value as { relative_path?: unknown }).relative_path === "string";
}

function outputFlagsOf(featureRelease: Readonly<Record<string, unknown>>, platform: string | null): OutputFlags | undefined {
  if (platform === null) return undefined;
  const entry = featureRelease[platform];
  if (typeof entry !== "object" || entry === null) return undefined;
  return (entry as { outputs?: OutputFlags }).outputs;
}

/** The archive format a file name says, for the unpack step (tar.xz on Linux, zip on Windows). */
function archiveFormat(fileName: string): string {
  const match = /\.(tar\.xz|tar\.gz|tgz|zip|tar)$/.exec(fileName);
  return match ? match[1]! : "unknown format";
}

/** The platform key whose archive a host uses (see {@link BuildPlan.archivePlatform}). */
function chooseArchivePlatform(featureRelease: Readonly<Record<string, unknown>>, system: string, redistSystem: string, newerLayout: boolean): string | null {
  if (newerLayout) {
    for (const pseudo of pseudoPlatforms) {
      if (Object.hasOwn(featureRelease, pseudo) && getNixSystems(pseudo).includes(system)) return pseudo;
    }
  }
  return redistSystem !== unsupportedRedistSystem && Object.hasOwn(featureRelease, redistSystem) ? redistSystem : null;
}

function stringField(release: Readonly<Record<string, unknown>>, field: string, dataPath: readonly string[]): string {
  const value = release[field];
  if (typeof value === "string") return value;
  throw new ModuleError({
    kind: "NoDefinition",
    path: [...dataPath, field],
    message: `The release at \`${dataPath.join(".")}' has no string \`${field}'; the builder needs it. Check the release with checkManifest or checkReleaseList first.`,
  });
}

/** The source a product fixup names, from the shim's redistrib release (spec 4.3). */
function fixupSource(fixup: Fixup, redistribRelease: Readonly<Record<string, unknown>>, args: ReleasesPlanArgs, version: string): PlanSource | null {
  if (fixup.src === undefined) return null;
  const hash = fromSri(stringField(redistribRelease, "hash", args.dataPath), [...args.dataPath, "hash"]);
  if (fixup.src === "fetchurlFromRelease") {
    const url = stringField(redistribRelease, "url", args.dataPath);
    const badUrl = urlError(url, [...args.dataPath, "url"]);
    if (badUrl !== null) throw badUrl;
    return { kind: "fetchurl", url, ...hash };
  }
  const name = stringField(redistribRelease, "filename", args.dataPath);
  return {
    kind: "requireFile",
    name,
    ...hash,
    message:
      `To use ${args.pname} ${version}, download the "${version} TAR package for CUDA ${args.cudaMajorMinorVersion}" from ` +
      `${fixup.meta?.homepage ?? "NVIDIA"} and add it to the Nix store with: nix-store --add-fixed sha256 ${name}`,
  };
}

function licenseOf(license: FixupLicense, context: FixupContext): PlanLicense {
  const redistributable = typeof license.redistributable === "boolean" ? license.redistributable : holds(license.redistributable, context);
  return { shortName: license.shortName, fullName: license.fullName ?? null, url: license.url ?? null, free: license.free, redistributable };
}

function fixupSteps(fixup: Fixup | undefined, pname: string, phase: string, context: FixupContext): BuildStep[] {
  return (fixup?.steps ?? [])
    .filter((step) => step.phase === phase && (step.when === undefined || holds(step.when, context)))
    .map((step) => ({ phase, by: `fixup ${pname}`, does: fillTemplate(step.does, context) }));
}

/**
 * The plan of one package from its feature and redistrib releases (the generic builder itself).
 * {@link buildPlan} calls it for a manifest's package; the package set calls it for a shim's output.
 *
 * @example
 * planFromReleases(args).meta.platforms // ["x86_64-linux"]
 */
export function planFromReleases(args: ReleasesPlanArgs): BuildPlan {
  const { pname, redistName, featureRelease, redistribRelease, target, context: setContext } = args;
  const row = platformOf(target);
  const cuda = majorMinor(args.cudaMajorMinorVersion);
  const version = stringField(redistribRelease, "version", args.dataPath);
  const name = stringField(redistribRelease, "name", args.dataPath);
  const fixup = Object.hasOwn(fixups, pname) ? fixups[pname] : undefined;

  // The shims copy the release's CUDA range (and TensorRT's cuDNN) into the feature release ([late], spec 4.2).
  const minCudaVersion = featureRelease["minCudaVersion"];
  const maxCudaVersion = featureRelease["maxCudaVersion"];
  const cudnnVersion = featureRelease["cudnnVersion"];
  const context: FixupContext = {
    cudaMajorMinorVersion: cuda,
    system: target.system,
    jetson: target.jetson,
    version,
    release:
      typeof minCudaVersion === "string" && typeof maxCudaVersion === "string"
        ? { minCudaVersion, maxCudaVersion, cudnnVersion: typeof cudnnVersion === "string" ? cudnnVersion : null }
        : null,
    siblings: setContext.siblings,
    cudnn: setContext.cudnn,
  };

  const unsupported = row.redistSystem === unsupportedRedistSystem;
  const archivePlatform = chooseArchivePlatform(featureRelease, target.system, row.redistSystem, args.newerLayout === true);
  const archive = archivePlatform === null ? undefined : redistribRelease[archivePlatform];
  let src: PlanSource | null = null;
  if (isArchive(archive)) {
    const at = [...args.dataPath, archivePlatform!];
    src = { kind: "fetchurl", url: redistUrl(redistName, archive.relative_path, [...at, "relative_path"]), ...fromHex(archive.sha256, [...at, "sha256"]) };
  }
  if (fixup !== undefined) src = fixupSource(fixup, redistribRelease, args, version) ?? src;

  // On an unsupported host every possible output is listed, so that `pkg.lib` evaluates on every
  // system (`generic-builders/manifest.nix`); no feature flag is read, so none is missing.
  const fromArchive = args.outputsFromArchive === true && !unsupported;
  const flags = fromArchive ? undefined : outputFlagsOf(featureRelease, archivePlatform);
  const builderOutputs = unsupported ? ["out", ...possibleOutputs] : outputsFromFeatures(flags);
  // A fixup replaces the list (cuda_sanitizer_api), appends what is absent (cuda_cudart) or filters (cuda_nvcc).
  const removed = new Set(fixup?.removeOutputs ?? []);
  const base = fixup?.setOutputs === undefined ? builderOutputs : [...fixup.setOutputs];
  const outputs = [...base, ...(fixup?.addOutputs ?? []).filter((o) => !base.includes(o))].filter((o) => !removed.has(o));

  // The shims' feature releases also hold minCudaVersion and the like, which are no platform.
  const redistPlatforms = Object.keys(featureRelease).filter((key) => redistSystems.includes(key)).sort();
  const platforms = [...new Set(redistPlatforms.flatMap(getNixSystems))].sort();
  const brokenConditions = { ...outputBrokenConditions(outputs), ...evaluateConditions(fixup?.brokenConditions, context) };
  // `"No source" = !sourceMatchesHost`, `sourceMatchesHost = elem host (getNixSystems redistSystem)`:
  // true on unsupported hosts only. A supported host the package ships nothing for is kept out by
  // `meta.platforms` instead (`generic-builders/manifest.nix`).
  const sourceMatchesHost = getNixSystems(row.redistSystem).includes(target.system);
  const badPlatformsConditions = { "No source": !sourceMatchesHost, ...evaluateConditions(fixup?.badPlatformsConditions, context) };

  const licensePath = typeof redistribRelease["license_path"] === "string" ? redistribRelease["license_path"] : `${pname}/LICENSE.txt`;
  const baseLicense: PlanLicense =
    redistName === "cuda"
      ? { ...cudaRedistLicense, url: redistUrl("cuda", licensePath, [...args.dataPath, "license_path"]) }
      : unfreeLicense;
  const license = fixup?.meta?.license !== undefined ? licenseOf(fixup.meta.license, context) : baseLicense;

  // The cuda_compat hook is added for every package but cuda_compat on a Jetson build; it puts
  // cuda_compat's libcuda before the driver's, and is a no-op when the set has no cuda_compat ([late], spec 8).
  const compatHook = target.jetson && pname !== "cuda_compat";
  const compatRunpath = compatHook && setContext.hasCudaCompat;
  const nativeBuildInputs = [
    "autoPatchelfHook",
    "autoAddDriverRunpath",
    "markForCudatoolkitRootHook",
    ...(compatHook ? ["autoAddCudaCompatRunpath"] : []),
    ...selectConditionals(fixup?.nativeBuildInputs, context),
  ];
  const buildInputs = ["stdenv.cc.cc.lib", ...selectConditionals(fixup?.buildInputs, context)];
  const ignoreMissing = ["libcuda.so", "libcuda.so.*", ...selectConditionals(fixup?.autoPatchelfIgnoreMissingDeps, context)];
  const allowFHSReferences = fixup?.allowFHSReferences ?? true;
  const sourceRoot = fixup?.sourceRoot === undefined ? null : fillTemplate(fixup.sourceRoot, context);

  const builder = (phase: string, does: string): BuildStep => ({ phase, by: "builder", does });
  const fileName = src === null ? null : src.kind === "fetchurl" ? src.url : src.name;
  // Within a phase, stdenv's `runHook` runs the phase's string (a fixup's postFixup) before the
  // phase's hooks (postFixupHooks: autoPatchelf, then the runpath hooks in nativeBuildInputs order),
  // and the multiple-outputs moves are preFixupHooks. cuDNN's and TensorRT's `patchelf --add-needed`
  // run first so that autoPatchelf sees the needed libraries ("Tell autoPatchelf about runtime dependencies").
  const steps: BuildStep[] = [
    builder("unpack", fileName === null ? "nothing to unpack: no source" : `unpack the ${archiveFormat(fileName)} archive${sourceRoot === null ? "" : `, then work in ${sourceRoot}`}`),
    builder("postPatch", "move the contents of pkg-config/ and pkgconfig/ into share/pkgconfig"),
    builder(
      "postPatch",
      fromArchive
        ? "in share/pkgconfig/*.pc, point cudaroot= and includedir= at the dev output and libdir= at the lib output where the archive makes them, else at the out output"
        : `in share/pkgconfig/*.pc, point cudaroot= and includedir= at the ${outputs.includes("dev") ? "dev" : "out"} output and libdir= at the ${outputs.includes("lib") ? "lib" : "out"} output`,
    ),
    builder("postPatch", `link each share/pkgconfig/<name>-${cuda}.pc as <name>.pc`),
    ...fixupSteps(fixup, pname, "postPatch", context),
    ...fixupSteps(fixup, pname, "preInstall", context),
    ...(args.libPath === null ? [] : [builder("install", `make lib/${args.libPath} the lib folder (fails if it is missing: the release may not support CUDA ${cuda})`)]),
    builder("install", "move everything into the out output"),
    ...(fromArchive
      ? [builder("install", `move each folder the archive holds into its output (${Object.entries(outputToPatterns).map(([o, p]) => `${p.join(", ")} to ${o}`).join("; ")}): which outputs exist is decided when the archive is unpacked`)]
      : outputs
          .slice(1)
          .filter((output) => outputToPatterns[output] !== undefined)
          .map((output) => ({ phase: "install", by: "builder", does: "moveToOutput", output, patterns: outputToPatterns[output]! }))),
    ...fixupSteps(fixup, pname, "postInstall", context),
    ...fixupSteps(fixup, pname, "install", context),
    ...fixupSteps(fixup, pname, "preFixup", context),
    { phase: "preFixup", by: "multiple-outputs", does: "move include to the dev output and documentation to the doc output, where they exist" },
    ...fixupSteps(fixup, pname, "postFixup", context),
    { phase: "postFixup", by: "autoPatchelfHook", does: `set the RUNPATH of ELF files from buildInputs and $ORIGIN; ignore missing ${ignoreMissing.join(", ")}` },
    { phase: "postFixup", by: "autoAddDriverRunpath", does: "prepend /run/opengl-driver/lib to the RUNPATH of dynamic ELF files" },
    ...(compatRunpath ? [{ phase: "postFixup", by: "autoAddCudaCompatRunpath", does: "prepend ${cuda_compat}/compat to the RUNPATH of dynamic ELF files" }] : []),
    ...(allowFHSReferences ? [] : [builder("installCheck", "fail if an output other than LICENSE files mentions /usr/")]),
  ];

  const runpath: RunpathEntry[] = [
    ...(compatRunpath ? [{ path: "${cuda_compat}/compat", by: "autoAddCudaCompatRunpath" }] : []),
    { path: "/run/opengl-driver/lib", by: "autoAddDriverRunpath" },
    { path: "lib folders of buildInputs that hold a needed library", by: "autoPatchelfHook" },
    { path: "$ORIGIN", by: "autoPatchelfHook (appendRunpaths)" },
  ];

  const broken = Object.values(brokenConditions).some((b) => b) || (fixup?.metaBroken !== undefined && holds(fixup.metaBroken, context));
  const isBadPlatform = Object.values(badPlatformsConditions).some((b) => b);
  const hostIsBad = fixup?.badPlatformsHost !== undefined && holds(fixup.badPlatformsHost, context);
  return {
    pname,
    redistName,
    version,
    host: { system: target.system, jetson: target.jetson, redistSystem: row.redistSystem },
    archivePlatform,
    src,
    outputs,
    ...(fromArchive ? { outputsDecided: "when the archive is unpacked" as const } : {}),
    propagatedBuildOutputs: outputs.filter((o) => o !== "dev"),
    libPath: args.libPath,
    nativeBuildInputs,
    buildInputs,
    propagatedBuildInputs: selectConditionals(fixup?.propagatedBuildInputs, context),
    autoPatchelfIgnoreMissingDeps: ignoreMissing,
    allowFHSReferences,
    steps,
    runpath,
    brokenConditions,
    badPlatformsConditions,
    meta: {
      description:
        fixup?.meta?.description ?? `${name}. By downloading and using the packages you accept the terms and conditions of the ${license.shortName}`,
      homepage: fixup?.meta?.homepage ?? null,
      mainProgram: fixup?.meta?.mainProgram ?? null,
      license,
      redistPlatforms,
      platforms,
      broken,
      badPlatforms: [...(isBadPlatform ? platforms : []), ...(hostIsBad ? [target.system] : [])],
      hydraPlatforms: fixup?.meta?.hydraPlatforms ?? null,
    },
    fixup: fixup === undefined ? null : { pname, source: fixup.source },
  };
}

/**
 * What {@link buildPlan} needs: a checked manifest, the package, the system (with `jetson` for an
 * aarch64 Jetson build), the package set's CUDA version (major.minor is what counts), cuTENSOR's
 * `libPath`, and the package set's context (by default, what `manifest` itself says).
 *
 * @example
 * const args: BuildPlanArgs = { manifest, pname: "cuda_cudart", system: "x86_64-linux", cudaVersion: "12.2" };
 */
export interface BuildPlanArgs {
  readonly manifest: Manifest;
  readonly pname: string;
  readonly system: string;
  readonly jetson?: boolean;
  readonly cudaVersion: string;
  readonly libPath?: string | null;
  readonly context?: PackageSetContext;
}

/**
 * The package set context a CUDA manifest gives by itself: its packages, and whether it has a
 * Jetson cuda_compat.
 *
 * @example
 * contextOfCudaManifest(manifest).hasCudaCompat // true for 12.2.2
 */
export function contextOfCudaManifest(manifest: Manifest | null): PackageSetContext {
  // Without a feature manifest, the redistrib manifest's packages and platforms say the same.
  const packages: Readonly<Record<string, unknown>> = manifest === null ? {} : (manifest.feature ?? redistribPackages(manifest));
  const compat = packages["cuda_compat"];
  return {
    siblings: new Set(Object.keys(packages)),
    hasCudaCompat: typeof compat === "object" && compat !== null && Object.hasOwn(compat, "linux-aarch64"),
    cudnn: null,
  };
}

/**
 * The packages of a manifest's redistrib manifest (every key but the `release_*` ones).
 *
 * @example
 * Object.keys(redistribPackages(manifest)) // ["cuda_cccl", "cuda_compat", …]
 */
export function redistribPackages(manifest: Manifest): Record<string, RedistribPackage> {
  const out: Record<string, RedistribPackage> = {};
  for (const [key, value] of Object.entries(manifest.redistrib)) if (!releaseKeys.has(key)) out[key] = value as RedistribPackage;
  return out;
}

/**
 * A feature release standing in for a package of a version without a feature manifest: its
 * platforms, as the redistrib release has them, without flags.
 */
function platformsOnly(release: RedistribPackage): Record<string, Record<string, never>> {
  const out: Record<string, Record<string, never>> = {};
  for (const [key, value] of Object.entries(release)) if (!packageKeys.has(key) && typeof value === "object" && value !== null) out[key] = {};
  return out;
}

/**
 * The build plan of package `pname` of a checked manifest. With a feature manifest, the package
 * must be one of its keys, which decide what exists (spec 3.2); without one, any package of the
 * redistrib manifest is planned, its outputs decided when the archive is unpacked.
 *
 * @example
 * const plan = buildPlan({ manifest, pname: "cuda_cudart", system: "x86_64-linux", cudaVersion: "12.2" });
 * plan.src?.kind === "fetchurl" && plan.src.url // "https://developer.download.nvidia.com/compute/cuda/redist/cuda_cudart/linux-x86_64/cuda_cudart-linux-x86_64-12.2.140-archive.tar.xz"
 */
export function buildPlan(args: BuildPlanArgs): BuildPlan {
  const { manifest, pname } = args;
  const base = [manifest.product, "manifests", manifest.version];
  const redistribRelease = Object.hasOwn(manifest.redistrib, pname) && !releaseKeys.has(pname) ? manifest.redistrib[pname] : undefined;
  const hasRedistrib = typeof redistribRelease === "object" && redistribRelease !== null;
  const featureRelease = manifest.feature === null ? (hasRedistrib ? platformsOnly(redistribRelease) : undefined) : Object.hasOwn(manifest.feature, pname) ? manifest.feature[pname] : undefined;
  if (featureRelease === undefined || !hasRedistrib) {
    const which = manifest.feature !== null && featureRelease === undefined ? "feature" : "redistrib";
    throw new ModuleError({
      kind: "NoDefinition",
      path: [...base, which, pname],
      message: `${manifest.product} ${manifest.version} has no package ${JSON.stringify(pname)} in its ${which} manifest; plan one of its packages (the keys of the ${which} manifest).`,
    });
  }
  return planFromReleases({
    pname,
    redistName: manifest.product,
    featureRelease,
    redistribRelease: redistribRelease as RedistribPackage,
    target: { system: args.system, jetson: args.jetson ?? false },
    cudaMajorMinorVersion: args.cudaVersion,
    libPath: args.libPath ?? null,
    dataPath: [...base, "redistrib", pname],
    context: args.context ?? contextOfCudaManifest(manifest.product === "cuda" ? manifest : null),
    outputsFromArchive: manifest.feature === null,
    newerLayout: manifest.cudaVariant !== null,
  });
}

/**
 * Why a plan cannot be used on its host, or an empty list when it can (Nixpkgs' `meta.available`):
 * the host is unsupported, or not among its platforms, it is broken, or the host is a bad platform.
 * One reason more than Nixpkgs: a host among the platforms whose own redist platform has no archive
 * (aarch64-linux without Jetson for a Jetson-only package) has no source, which Nixpkgs only finds
 * when building.
 *
 * @example
 * unavailableReasons(plan) // ["bad platform: Package is not supported; use drivers from linuxPackages"]
 */
export function unavailableReasons(plan: BuildPlan): string[] {
  const reasons: string[] = [];
  const { system, redistSystem } = plan.host;
  const shipsFor = plan.meta.platforms.length === 0 ? "no system Nixpkgs builds CUDA packages for" : plan.meta.platforms.join(", ");
  if (redistSystem === unsupportedRedistSystem) {
    reasons.push(`${system} is unsupported: getRedistSystem maps it to "unsupported", where the builder's condition "No source" holds; ${plan.pname} ${plan.version} is built for ${shipsFor}`);
  } else if (!plan.meta.platforms.includes(system)) {
    reasons.push(`${plan.pname} ${plan.version} has no archive for ${redistSystem}; it is built for ${shipsFor}`);
  } else if (plan.src === null) {
    const others = plan.meta.redistPlatforms.filter((platform) => getNixSystems(platform).includes(system));
    reasons.push(`${plan.pname} ${plan.version} has no archive for ${redistSystem}; its ${system} archive is for ${others.join(", ")}`);
  }
  const trueReasons = (conditions: Readonly<Record<string, boolean>>) => Object.keys(conditions).filter((reason) => conditions[reason] === true);
  if (plan.meta.broken) {
    const broken = trueReasons(plan.brokenConditions);
    reasons.push(`broken: ${broken.length > 0 ? broken.join("; ") : `meta.broken, set by ${plan.fixup?.source ?? "the fixup"}`}`);
  }
  if (plan.meta.badPlatforms.includes(system)) {
    // "No source" is already said above, with the platform it concerns.
    const bad = trueReasons(plan.badPlatformsConditions).filter((reason) => reason !== "No source");
    if (bad.length > 0) reasons.push(`bad platform: ${bad.join("; ")}`);
    else if (!plan.badPlatformsConditions["No source"]) reasons.push(`bad platform: ${plan.fixup?.source ?? "the fixup"} adds ${system} to meta.badPlatforms`);
  }
  return reasons;
}
