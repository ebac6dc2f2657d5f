/**
 * The package set `cudaPackages` of one CUDA version on one system (spec 1, "consumer chain"): a
 * plan, or the reason there is none, for every package of that version's CUDA manifests, for
 * every cuDNN and TensorRT release the [late] multiplexer selects (spec 6) with its default, and
 * for every cuTENSOR release (spec 5.6) with its default.
 */
import { either as E } from "fp-ts";
import type { Evaluation } from "../lib/index.js";
import { ModuleError } from "../lib/errors.js";
import { contextOfCudaManifest, planFromReleases, buildPlan, unavailableReasons, type BuildPlan, type PackageSetContext } from "./build-plan.js";
import { checkManifest, checkReleaseList, type Manifest, type ReleaseList } from "./manifest.js";
import { checkNewerManifest } from "./newer-format.js";
import { platformOf, type BuildTarget } from "./platforms.js";
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
  /** The CUDA manifest version the set is made from. */
  readonly cudaVersion: string;
  /** Its major.minor, which the release selection and the fixups compare against. */
  readonly cudaMajorMinorVersion: string;
  readonly host: { readonly system: string; readonly jetson: boolean; readonly redistSystem: string };
  readonly packages: Readonly<Record<string, PackageEntry>>;
}

/**
 * What {@link cudaPackages} needs: an evaluation of the CUDA modules with the data
 * (`evaluateCuda`), the CUDA manifest version, and the system (with `jetson` for an aarch64 Jetson build).
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
  const hasArchive = plan.src !== null && plan.meta.platforms.includes(plan.host.system);
  return { available: false, reason: reasons.join("; "), plan: hasArchive ? plan : null };
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
 * The multiplexed product's attributes (spec 6.2): one per selected release, plus the default. With
 * nothing selected, Nixpkgs adds no attribute; the set names the default with the reason instead.
 */
function multiplexEntries(
  pname: string,
  selection: ReleaseManifestSet | null,
  target: BuildTarget,
  cuda: string,
  context: PackageSetContext,
): Record<string, PackageEntry> {
  if (selection === null) return { [pname]: unavailable(`no ${pname} release list was given`) };
  if (selection.packages.length === 0) return { [pname]: unavailable(`no ${pname} release fits CUDA ${cuda}`) };
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

/** cuTENSOR's `libPath` (spec 5.6): the CUDA major, or `10.2` for CUDA 10.2. */
function cutensorLibPath(cuda: string): string {
  return cuda === "10.2" ? cuda : majorVersion(cuda);
}

/**
 * The cuTENSOR attributes (spec 5.6): `cutensor_<major>_<minor>` from the newest release of that
 * major.minor that has a feature manifest with an archive for the host (else the newest with a
 * feature manifest, whose plan then says why it cannot be used), and `cutensor`, the newest usable one.
 */
function cutensorEntries(evaluation: Evaluation, target: BuildTarget, cuda: string, context: PackageSetContext): Record<string, PackageEntry> {
  const groups = new Map<string, Manifest[]>();
  for (const version of manifestVersions(evaluation, "cutensor")) {
    const manifest = checked(checkManifest(evaluation, "cutensor", version));
    const name = mkVersionedName("cutensor", version);
    groups.set(name, [...(groups.get(name) ?? []), manifest]);
  }
  const entries: Record<string, PackageEntry> = {};
  let newestUsable: string | null = null;
  for (const [name, manifests] of groups) {
    const withFeatures = manifests.filter((m) => m.feature !== null && Object.hasOwn(m.feature, "libcutensor"));
    if (withFeatures.length === 0) {
      entries[name] = unavailable(`no cuTENSOR ${majorMinor(manifests[0]!.version)} release has a feature manifest (redistrib only: ${manifests.map((m) => m.version).join(", ")})`);
      continue;
    }
    const entry = planned(() => {
      const plans = withFeatures.map((manifest) =>
        buildPlan({ manifest, pname: "libcutensor", system: target.system, jetson: target.jetson, cudaVersion: cuda, libPath: cutensorLibPath(cuda), context }),
      );
      const usable = plans.filter((plan) => plan.src !== null);
      return (usable.length > 0 ? usable : plans).at(-1)!;
    });
    entries[name] = entry;
    if (entry.available) newestUsable = name;
  }
  entries["cutensor"] = newestUsable === null ? unavailable(`no cuTENSOR release has an archive for ${platformOf(target).redistSystem}`) : entries[newestUsable]!;
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
  const manifest = cudaManifest(args.evaluation, args.cudaVersion);
  const cuda = majorMinor(args.cudaVersion);
  const context = contextOfCudaManifest(manifest);

  const lists = { cudnn: releaseListOf(args.evaluation, "cudnn"), tensorrt: releaseListOf(args.evaluation, "tensorrt") };
  const cudnnSelection = lists.cudnn === null ? null : releaseManifests(lists.cudnn, cuda, row.redistSystem);
  const tensorrtSelection = lists.tensorrt === null ? null : releaseManifests(lists.tensorrt, cuda, row.redistSystem);

  const tensorrt: Record<string, PackageEntry> = {};
  if (tensorrtSelection === null || tensorrtSelection.packages.length === 0) {
    Object.assign(tensorrt, multiplexEntries("tensorrt", tensorrtSelection, target, cuda, context));
  } else {
    // Each TensorRT release may want another cuDNN, so each is planned with its own context.
    for (const selected of tensorrtSelection.packages) {
      const cudnnVersion = (selected.featureRelease as { cudnnVersion?: string | null }).cudnnVersion ?? null;
      const one: ReleaseManifestSet = { packages: [selected], defaultName: selected.name };
      const entries = multiplexEntries("tensorrt", one, target, cuda, { ...context, cudnn: cudnnFor(cudnnSelection, cudnnVersion) });
      tensorrt[selected.name] = entries[selected.name]!;
    }
    tensorrt["tensorrt"] = tensorrt[tensorrtSelection.defaultName!]!;
  }

  const packages: Record<string, PackageEntry> = {
    ...cudaEntries(manifest, target, context),
    ...multiplexEntries("cudnn", cudnnSelection, target, cuda, context),
    ...tensorrt,
    ...cutensorEntries(args.evaluation, target, cuda, context),
  };
  const sorted: Record<string, PackageEntry> = {};
  for (const name of Object.keys(packages).sort()) sorted[name] = packages[name]!;
  return {
    cudaVersion: args.cudaVersion,
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
