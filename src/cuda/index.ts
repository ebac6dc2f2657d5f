/** The CUDA layer: evaluation of the CUDA modules with data, checked manifests, release selection and shims. */
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
export { checkNewerManifest, normaliseVariants } from "./newer-format.js";
export { crossCheckManifests } from "./cross-check.js";
export { checkManifestPlatforms, checkReleaseListPlatforms } from "./platform-names.js";
export { getNixSystems, getRedistSystem, redistSystems, selectReleases, type ReleaseLists, type ReleaseSelection, type SelectedRelease } from "./select-releases.js";
export { cudnnShim, tensorrtShim } from "./shims.js";
export { releaseManifests, type ReleaseManifests, type ReleaseManifestSet } from "./release-manifests.js";
export { compareVersions, majorMinor, mkVersionedName, versionAtLeast, versionOlder } from "./versions.js";
