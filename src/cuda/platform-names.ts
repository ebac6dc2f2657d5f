/**
 * The redist platforms that NVIDIA's manifests and the release lists use. The modules, like
 * Nixpkgs', accept any platform key; this check names a key that no builder knows.
 */
import { ModuleError, showOption } from "../lib/index.js";
import type { ManifestKeys } from "./cross-check.js";
import type { ReleaseList } from "./manifest.js";
import { redistSystems } from "./select-releases.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";


function unknownPlatform(path: readonly string[], file: string | undefined): ModuleError {
  return new ModuleError({
    kind: "InvalidDefinition",
    path,
    definitions: file ? [{ file }] : [],
    message:
      `\`${path[path.length - 1]}' at \`${showOption(path)}'${file ? ` in ${file}` : ""} is not a known platform. ` +
      `The known platforms are ${redistSystems.join(", ")}; correct the name.`,
  });
}

/** The errors of platform keys in a checked manifest that no builder knows. */
export function checkManifestPlatforms(manifest: ManifestKeys, files: { readonly redistrib?: string; readonly feature?: string } = {}): ModuleError[] {
  const base = [manifest.product, "manifests", manifest.version];
  const errors: ModuleError[] = [];
  for (const [pname, pkg] of Object.entries(manifest.redistrib)) {
    if (releaseKeys.has(pname) || typeof pkg !== "object" || pkg === null) continue;
    for (const key of Object.keys(pkg)) {
      if (!packageKeys.has(key) && !redistSystems.includes(key)) errors.push(unknownPlatform([...base, "redistrib", pname, key], files.redistrib));
    }
  }
  for (const [pname, platforms] of Object.entries(manifest.feature ?? {})) {
    if (typeof platforms !== "object" || platforms === null) continue;
    for (const key of Object.keys(platforms)) {
      if (!redistSystems.includes(key)) errors.push(unknownPlatform([...base, "feature", pname, key], files.feature));
    }
  }
  return errors;
}

/** The errors of platform keys of a checked release list that no builder knows. */
export function checkReleaseListPlatforms(list: ReleaseList, file?: string): ModuleError[] {
  return Object.keys(list.releases)
    .filter((key) => !redistSystems.includes(key))
    .map((key) => unknownPlatform([list.product, "releases", key], file));
}

