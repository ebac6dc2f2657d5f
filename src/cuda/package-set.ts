/**
 * The package set `cudaPackages` of one CUDA version on one system, as the reference revision's
 * `pkgs/top-level/cuda-packages.nix` composes it: the CUDA redist packages of the manifest
 * `cuda/extension.nix` maps the version to, the cuDNN releases (`generic-builders/multiplex.nix`),
 * cuTENSOR (`cutensor/extension.nix`), cuSPARSELt (`cusparselt/extension.nix`) and TensorRT
 * (multiplex again): a plan, or the reason there is none, for every attribute Nixpkgs makes, and
 * no attribute where Nixpkgs makes none.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Evaluation } from "../lib/index.js";
import { ModuleError } from "../lib/errors.js";
import { contextOfCudaManifest, planFromReleases, buildPlan, redistribPackages, unavailableReasons, type BuildPlan, type PackageSetContext } from "./build-plan.js";
import { checkManifest, checkReleaseList, type Manifest, type ReleaseList } from "./manifest.js";
import { checkNewerManifest } from "./newer-format.js";
import { cudaVersionMap, isMajorMinor } from "./cuda-version-map.js";
import { platformOf, unsupportedRedistSystem, type BuildTarget } from "./platforms.js";
import { releaseManifests, type ReleaseManifestSet } from "./release-manifests.js";
import { releaseLocation } from "./select-releases.js";
import { compareVersions, majorMinor, majorVersion, mkVersionedName } from "./versions.js";
import { releaseKeys } from "./manifest-keys.js";

/**
 * One attribute of the package set: its plan, or why it cannot be used. An unusable package keeps
 * its plan when the host has an archive for it (so the broken or bad-platform conditions can be
 * read), and has none when the host has no archive: such a plan would describe nothing to build.
 *
 * @example
 * const entry: PackageEntry = { available: false, reason: "broken: …", plan };
 */
export type PackageEntry =
  | { readonly available: true; readonly plan: BuildPlan }
  | { readonly available: false; readonly reason: string; readonly plan: BuildPlan | null };

/**
 * The package set of one CUDA version on one system; `packages` is sorted by attribute name.
 *
 * @example
 * cudaPackages({ evaluation, cudaVersion: "12.2.2", system: "x86_64-linux" }).packages["cudnn"]
 */
export interface CudaPackageSet {
  /** The CUDA manifest version the set's redist packages are made from; null when the version map has none (no redist packages). */
  readonly cudaVersion: string | null;
  /** Its major.minor, which the release selection and the fixups compare against. */
  readonly cudaMajorMinorVersion: string;
  readonly host: { readonly system: string; readonly jetson: boolean; readonly redistSystem: string };
  readonly packages: Readonly<Record<string, PackageEntry>>;
}

/**
 * What {@link cudaPackages} needs: an evaluation of the CUDA modules with the data
 * (`evaluateCuda`), the CUDA version, and the system (with `jetson` for an aarch64 Jetson build).
 * The CUDA version is a major.minor (`12.2`: the package set Nixpkgs makes, its manifest taken from
 * the version map), or one manifest's version (`12.2.2`, or a new manifest under review).
 *
 * @example
 * const args: CudaPackagesArgs = { evaluation: evaluateCuda({ manifests, releases }), cudaVersion: "12.2.2", system: "x86_64-linux" };
 */
export interface CudaPackagesArgs {
  readonly evaluation: Evaluation;
  readonly cudaVersion: string;
  readonly system: string;
  readonly jetson?: boolean;
}


function entryOf(plan: BuildPlan): PackageEntry {
  const reasons = unavailableReasons(plan);
  if (reasons.length === 0) return { available: true, plan };
  // An unsupported host keeps the plan: it is what Nixpkgs evaluates there (every output, no source,
  // badPlatforms = platforms). A supported host without an archive has nothing to build.
  const hasArchive = plan.src !== null && plan.meta.platforms.includes(plan.host.system);
  const keep = hasArchive || plan.host.redistSystem === unsupportedRedistSystem;
  return { available: false, reason: reasons.join("; "), plan: keep ? plan : null };
}

function unavailable(reason: string): PackageEntry {
  return { available: false, reason, plan: null };
}

/**
 * The entry of one package: a bad value in its own data (an escaping path, a malformed hash) makes
 * that package unavailable with the error's message, and leaves the others alone, as in Nix, where
 * only the attribute that reads the value fails.
 */
function planned(plan: () => BuildPlan): PackageEntry {
  try {
    return entryOf(plan());
  } catch (e) {
    if (!(e instanceof ModuleError)) throw e;
    return unavailable(`${e.kind}: ${e.message}`);
  }
}

function checked(result: E.Either<ModuleError[], Manifest>): Manifest {
  if (E.isLeft(result)) throw result.left[0]!;
  return result.right;
}

/** The versions defined under `<product>.manifests`, sorted oldest first. */
function manifestVersions(evaluation: Evaluation, product: string): string[] {
  const manifests = (evaluation.config[product] as Record<string, unknown> | undefined)?.["manifests"];
  return Object.keys((manifests ?? {}) as object).sort(compareVersions);
}

/**
 * The CUDA redist packages: one per key of the feature manifest (spec 3.2); without one, one per
 * package of the redistrib manifest, its outputs decided when the archive is unpacked.
 */
function cudaEntries(manifest: Manifest, target: BuildTarget, context: PackageSetContext): Record<string, PackageEntry> {
  const entries: Record<string, PackageEntry> = {};
  const pnames = manifest.feature === null ? Object.keys(manifest.redistrib).filter((key) => !releaseKeys.has(key)) : Object.keys(manifest.feature);
  for (const pname of pnames) {
    entries[pname] = planned(() => buildPlan({ manifest, pname, system: target.system, jetson: target.jetson, cudaVersion: manifest.version, context }));
  }
  return entries;
}

/**
 * The versions of CUDA's manifests in an evaluation: the modules-era ones (`cuda.manifests`) and
 * those of the generic product (`newer.manifests.cuda`, with CUDA variants or bundled from
 * Nixpkgs' `_cuda/manifests`), sorted oldest first.
 *
 * @example
 * cudaManifestVersions(evaluation).at(-1) // "13.4.2"
 */
export function cudaManifestVersions(evaluation: Evaluation): string[] {
  const newer = ((evaluation.config["newer"] as Record<string, unknown> | undefined)?.["manifests"] as Record<string, unknown> | undefined)?.["cuda"];
  return [...new Set([...manifestVersions(evaluation, "cuda"), ...Object.keys((newer ?? {}) as object)])].sort(compareVersions);
}

/**
 * The CUDA manifest version a package set of `cudaMajorMinorVersion` is made from: the version map's
 * (`cuda/extension.nix`); for a version only NVIDIA's newer format has (13.1 and later), the newest
 * such manifest, standing in for the `_cuda` layout's choice (spec 10); else null, and the set has
 * no redist packages (`optionalAttrs cudaVersionMappingExists`).
 */
function cudaManifestVersionFor(evaluation: Evaluation, cudaMajorMinorVersion: string): string | null {
  const mapped = cudaVersionMap[cudaMajorMinorVersion];
  if (mapped !== undefined) return mapped;
  const newer = cudaManifestVersions(evaluation).filter((v) => majorMinor(v) === cudaMajorMinorVersion && !manifestVersions(evaluation, "cuda").includes(v));
  return newer.at(-1) ?? null;
}

/** The checked CUDA manifest of `version`: the modules-era one, else the generic product's, resolved for that version. */
function cudaManifest(evaluation: Evaluation, version: string): Manifest {
  if (manifestVersions(evaluation, "cuda").includes(version)) return checked(checkManifest(evaluation, "cuda", version));
  if (cudaManifestVersions(evaluation).includes(version)) return checked(checkNewerManifest(evaluation, "cuda", version, version));
  return checked(checkManifest(evaluation, "cuda", version));
}

/** The checked release list of a product, or null when the evaluation defines none. */
function releaseListOf(evaluation: Evaluation, product: string): ReleaseList | null {
  const result = checkReleaseList(evaluation, product);
  if (E.isRight(result)) return result.right;
  if (result.left.every((e) => e.kind === "NoDefinition")) return null;
  throw result.left[0]!;
}

/**
 * The multiplexed product's attributes (`generic-builders/multiplex.nix`): one per selected release,
 * plus the default. With nothing selected (or no release list given), none at all, as Nixpkgs'
 * `optionalAttrs (length newestPackages > 0)` makes none.
 */
function multiplexEntries(
  pname: string,
  selection: ReleaseManifestSet | null,
  target: BuildTarget,
  cuda: string,
  context: PackageSetContext,
): Record<string, PackageEntry> {
  if (selection === null || selection.packages.length === 0) return {};
  const entries: Record<string, PackageEntry> = {};
  for (const selected of selection.packages) {
    const redistribRelease = selected.redistribRelease as Record<string, unknown>;
    entries[selected.name] = planned(() =>
      planFromReleases({
        pname,
        redistName: pname,
        featureRelease: selected.featureRelease as Record<string, unknown>,
        redistribRelease,
        target,
        cudaMajorMinorVersion: cuda,
        libPath: null,
        dataPath: releaseLocation(pname, selected.redistSystem, String(redistribRelease["version"])),
        context,
      }),
    );
  }
  // The default is built by a second call of the same builder ([late]): an equal, separate plan.
  entries[pname] = entries[selection.defaultName!]!;
  return entries;
}

/**
 * The cuDNN TensorRT uses: the one named after its `cudnnVersion` when the set has it, else the
 * default. This is the intent of Nixpkgs' `passthru.cudnn`; as written, Nixpkgs tests an attribute
 * literally named `desiredName` (spec 7.2), which we do not reproduce.
 */
function cudnnFor(selection: ReleaseManifestSet | null, cudnnVersion: string | null): { name: string; version: string } | null {
  if (selection === null || selection.defaultName === null) return null;
  const wanted = cudnnVersion === null ? undefined : selection.packages.find((p) => p.name === mkVersionedName("cudnn", cudnnVersion));
  const chosen = wanted ?? selection.packages.find((p) => p.name === selection.defaultName)!;
  return { name: wanted === undefined ? "cudnn" : chosen.name, version: String((chosen.redistribRelease as { version: unknown }).version) };
}

/** cuTENSOR's `libPath` (`cutensor/extension.nix`): the CUDA major, or `10.2` for CUDA 10.2. */
function cutensorLibPath(cuda: string): string {
  return cuda === "10.2" ? cuda : majorVersion(cuda);
}

/** One product of the manifest extensions: `cutensor/extension.nix`, `cusparselt/extension.nix`. */
interface ManifestExtension {
  readonly redistName: string;
  readonly pname: string;
  /** The versions the extension imports, in its order (the last supported one is the default). */
  readonly versions: readonly string[];
  readonly libPath: string | null;
}

/** `cutensorVersions` of `cutensor/extension.nix`. */
const cutensorExtension = (cuda: string): ManifestExtension => ({
  redistName: "cutensor",
  pname: "libcutensor",
  versions: ["1.3.3", "1.4.0", "1.5.0", "1.6.2", "1.7.0", "2.0.2", "2.1.0"],
  libPath: cutensorLibPath(cuda),
});

/** `cusparseltVersions` of `cusparselt/extension.nix` (wired in `pkgs/top-level/cuda-packages.nix`). */
const cusparseltExtension: ManifestExtension = { redistName: "cusparselt", pname: "libcusparse_lt", versions: ["0.7.1"], libPath: null };

/**
 * The attributes of a manifest extension: `<redistName>_<major>_<minor>` for every imported
 * version whose feature manifest has the host's redist platform (`platformIsSupported`), and
 * `<redistName>` for the last of them; none at all when no version is supported (an unsupported
 * host, a Jetson build for cuTENSOR). A version without its feature manifest (cuTENSOR 1.3.3,
 * 1.4.0, 1.5.0, 2.0.2: Nixpkgs had them, we could not find them) is decided by its redistrib
 * manifest's platforms, and planned with its outputs decided when the archive is unpacked; a
 * version the evaluation has no manifest of at all is left out.
 */
function extensionEntries(extension: ManifestExtension, evaluation: Evaluation, target: BuildTarget, cuda: string, context: PackageSetContext): Record<string, PackageEntry> {
  const { redistName, pname } = extension;
  const redistSystem = platformOf(target).redistSystem;
  const bundled = manifestVersions(evaluation, redistName);
  const supported = extension.versions
    .filter((version) => bundled.includes(version))
    .map((version) => checked(checkManifest(evaluation, redistName, version)))
    .filter((manifest) => {
      const releases: Readonly<Record<string, unknown>> | undefined = manifest.feature === null ? redistribPackages(manifest) : manifest.feature;
      const release = releases?.[pname];
      return typeof release === "object" && release !== null && Object.hasOwn(release, redistSystem);
    });
  const entries: Record<string, PackageEntry> = {};
  for (const manifest of supported) {
    const release = manifest.redistrib[pname] as { version?: unknown };
    const name = mkVersionedName(redistName, String(release.version));
    entries[name] = planned(() => buildPlan({ manifest, pname, system: target.system, jetson: target.jetson, cudaVersion: cuda, libPath: extension.libPath, context }));
  }
  const newest = supported.at(-1);
  if (newest !== undefined) entries[redistName] = entries[mkVersionedName(redistName, String((newest.redistrib[pname] as { version?: unknown }).version))]!;
  return entries;
}

/**
 * The package set of CUDA `cudaVersion` (a CUDA manifest version, such as `12.2.2`) on `system`:
 * every package's plan or the reason it is unavailable. Throws the first `ModuleError` of bad
 * input: an unknown system, a manifest or release list that does not check, an escaping path.
 *
 * @example
 * const set = cudaPackages({ evaluation: evaluateCuda({ manifests: bundledManifests(), releases: bundledReleaseLists() }), cudaVersion: "12.2.2", system: "x86_64-linux" });
 * set.packages["cudnn"]?.available // true
 */
export function cudaPackages(args: CudaPackagesArgs): CudaPackageSet {
  const target: BuildTarget = { system: args.system, jetson: args.jetson ?? false };
  const row = platformOf(target);
  const cuda = majorMinor(args.cudaVersion);
  const manifestVersion = isMajorMinor(args.cudaVersion) ? cudaManifestVersionFor(args.evaluation, cuda) : args.cudaVersion;
  const manifest = manifestVersion === null ? null : cudaManifest(args.evaluation, manifestVersion);
  const context = contextOfCudaManifest(manifest);

  const lists = { cudnn: releaseListOf(args.evaluation, "cudnn"), tensorrt: releaseListOf(args.evaluation, "tensorrt") };
  const cudnnSelection = lists.cudnn === null ? null : releaseManifests(lists.cudnn, cuda, row.redistSystem);
  const tensorrtSelection = lists.tensorrt === null ? null : releaseManifests(lists.tensorrt, cuda, row.redistSystem);

  const tensorrt: Record<string, PackageEntry> = {};
  if (tensorrtSelection !== null && tensorrtSelection.packages.length > 0) {
    // Each TensorRT release may want another cuDNN, so each is planned with its own context.
    for (const selected of tensorrtSelection.packages) {
      const cudnnVersion = (selected.featureRelease as { cudnnVersion?: string | null }).cudnnVersion ?? null;
      const one: ReleaseManifestSet = { packages: [selected], defaultName: selected.name };
      const entries = multiplexEntries("tensorrt", one, target, cuda, { ...context, cudnn: cudnnFor(cudnnSelection, cudnnVersion) });
      tensorrt[selected.name] = entries[selected.name]!;
    }
    tensorrt["tensorrt"] = tensorrt[tensorrtSelection.defaultName!]!;
  }

  // `pkgs/top-level/cuda-packages.nix`: cuda/extension, cuDNN, cuTENSOR, cuSPARSELt, TensorRT.
  const packages: Record<string, PackageEntry> = {
    ...(manifest === null ? {} : cudaEntries(manifest, target, context)),
    ...multiplexEntries("cudnn", cudnnSelection, target, cuda, context),
    ...extensionEntries(cutensorExtension(cuda), args.evaluation, target, cuda, context),
    ...extensionEntries(cusparseltExtension, args.evaluation, target, cuda, context),
    ...tensorrt,
  };
  const sorted: Record<string, PackageEntry> = {};
  for (const name of Object.keys(packages).sort()) sorted[name] = packages[name]!;
  return {
    cudaVersion: manifestVersion,
    cudaMajorMinorVersion: cuda,
    host: { system: target.system, jetson: target.jetson, redistSystem: row.redistSystem },
    packages: sorted,
  };
}

/**
 * {@link cudaPackages} without throwing: the package set, or the errors of bad input.
 *
 * @example
 * const result = checkCudaPackages({ evaluation, cudaVersion: "12.2.2", system: "x86_64-darwin" }); // Left: unknown system
 */
export function checkCudaPackages(args: CudaPackagesArgs): E.Either<ModuleError[], CudaPackageSet> {
  try {
    return E.right(cudaPackages(args));
  } catch (e) {
    if (e instanceof ModuleError) return E.left([e]);
    throw e;
  }
}
