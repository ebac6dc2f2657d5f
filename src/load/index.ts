/** Files to modules and data: JSON and YAML definition files with positions, and the bundled data. */
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
export { defaultMaxFileBytes, parseDefinitionText, readDefinitionFile, syntaxOf, type LoadedFile, type ReadOptions } from "./definition-file.js";
export { parseJsonText } from "./json-text.js";
export { fileError, type LoadDiagnostic, type LoadErrorKind } from "./load-diagnostic.js";
export { mountedFilesUnder, mountedLocator, type MountedFile } from "./locator.js";
export { maxNestingDepth } from "./nesting.js";
export { SourceIndex } from "./source-index.js";
export { lineStarts, positionAt, type TextPosition } from "./text-position.js";
export { maxYamlAliasCount, parseYamlDocument, yamlValue, type YamlSource } from "./yaml-text.js";
export { loadModuleFile, type LoadedModuleFile } from "./module-file.js";
