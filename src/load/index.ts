/** Files to modules and data: JSON data files, and the data bundled with the CUDA modules. */
export { readJsonFile, type DataFile } from "./data-file.js";
export {
  bundledManifests,
  bundledNewerManifests,
  bundledReleaseLists,
  parseManifestFileName,
  projectRoot,
  type BundledManifest,
  type BundledReleases,
  type ManifestFileName,
} from "./bundled-data.js";
