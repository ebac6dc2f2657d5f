/**
 * The CUDA layer: evaluation of the CUDA modules with data, checked manifests, release selection,
 * shims, the platform table, the builders and the package set. The builders follow one Nixpkgs
 * revision, faukah/nixpkgs@3b20077cd82fd1f099e92e2792d73e3176d4869d (`pkgs/development/cuda-modules`,
 * late modules era); each rule names its Nix file there, and the README's section on the builders
 * lists what is newer than it and where the project knowingly differs.
 */
export { evaluateCuda, manifestDataModule, newerManifestDataModule, releasesDataModule } from "./evaluate.js";
export type { CudaEvaluationInput, ManifestData, ReleasesData } from "./evaluate.js";
export {
  checkManifest,
  checkReleaseList,
  FeatureManifestCodec,
  RedistribManifestCodec,
  type Checked,
  type FeatureManifest,
  type FeatureOutputs,
  type Manifest,
  type RedistribArchive,
  type RedistribManifest,
  type RedistribPackage,
  type Release,
  type ReleaseList,
} from "./manifest.js";
export { checkNewerManifest, desiredVariants, normaliseVariants } from "./newer-format.js";
export { checkVariants, type VariantFinding } from "./variant-checks.js";
export {
  diffManifests,
  diffManifestsE,
  hasFindings,
  type Change,
  type DiffInput,
  type ManifestDiff,
  type PackageChange,
  type Republication,
  type SetChange,
} from "./manifest-diff.js";
export { checkFileIdentity, type IdentityFinding } from "./file-identity.js";
export { knownProducts, productOfPath, productOneEditAway } from "./products.js";
export { describeDataFile, manifestOptionPath, releaseFields, type DescribedFile } from "./data-files.js";
export { crossCheckManifests } from "./cross-check.js";
export { checkFeaturePlatformNames, checkManifestPlatforms, checkRedistribPlatformNames, checkReleaseListPlatforms } from "./platform-names.js";
export { getNixSystems, getRedistSystem, redistSystems, selectReleases, type ReleaseLists, type ReleaseSelection, type SelectedRelease } from "./select-releases.js";
export { cudnnShim, tensorrtShim } from "./shims.js";
export { releaseManifests, type ReleaseManifests, type ReleaseManifestSet } from "./release-manifests.js";
export { compareVersions, majorMinor, mkVersionedName, versionAtLeast, versionOlder } from "./versions.js";
export { buildTargets, platformOf, platformTable, pseudoPlatforms, targetName, unsupportedRedistSystem, type BuildTarget, type PlatformRow } from "./platforms.js";
export { checkRelativePath, redistBaseUrl, redistUrl } from "./relative-path.js";
export { fromHex, fromSri, type Sha256 } from "./src-hash.js";
export { outputBrokenConditions, outputsFromFeatures, outputToPatterns, possibleOutputs, type OutputFlags } from "./outputs.js";
export { fixups, type FixupCondition, type Conditional, type Fixup, type FixupLicense, type FixupSource, type FixupStep } from "./fixups.js";
export { evaluateConditions, fillTemplate, holds, selectConditionals, type FixupContext } from "./fixup-conditions.js";
export {
  buildPlan,
  contextOfCudaManifest,
  planFromReleases,
  unavailableReasons,
  type BuildPlan,
  type BuildPlanArgs,
  type BuildStep,
  type PackageSetContext,
  type PlanLicense,
  type PlanSource,
  type ReleasesPlanArgs,
  type RunpathEntry,
} from "./build-plan.js";
export { checkCudaPackages, cudaManifestVersions, cudaPackages, type CudaPackageSet, type CudaPackagesArgs, type PackageEntry } from "./package-set.js";
export {
  checkDataFiles,
  classifyDataFile,
  type CheckDiagnostic,
  type CheckErrorKind,
  type CheckFilesOptions,
  type CheckFilesResult,
  type ClassifiedFile,
  type DataFileKind,
} from "./check-files.js";
export { cudaSchemas, cudaSchemaFiles } from "./schemas.js";
export { buildPlanE, checkFilesE, checkManifestE, checkReleaseListE, cudaPackagesE, evaluateManifests } from "./non-throwing.js";
