/**
 * The redist platforms that NVIDIA's manifests and the release lists use. The modules, like
 * Nixpkgs', accept any platform key; this check names a key that is not in the one list of known
 * platforms (`redistSystems`), in manifests of either format alike, with the closest known name:
 * a misspelt platform must not pass review.
 */
import { levenshtein, ModuleError, showOption, isAttrs } from "../lib/index.js";
import type { ManifestKeys } from "./cross-check.js";
import type { ReleaseList } from "./manifest.js";
import { redistSystems } from "./platforms.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";

/** The known platform closest to `name`, when it is close enough to be a misspelling of it. */
function closestPlatform(name: string): string | undefined {
  const scored = redistSystems.map((p) => ({ p, d: levenshtein(name.toLowerCase(), p) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  return best !== undefined && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.p : undefined;
}

function unknownPlatform(path: readonly string[], file: string | undefined): ModuleError {
  const name = path[path.length - 1]!;
  const close = closestPlatform(name);
  return new ModuleError({
    kind: "InvalidDefinition",
    path,
    definitions: file ? [{ file }] : [],
    message:
      `\`${name}' at \`${showOption(path)}'${file ? ` in ${file}` : ""} is not a known platform. ` +
      (close === undefined ? "" : `Did you mean \`${close}'? `) +
      `The known platforms are ${redistSystems.join(", ")}; correct the name.`,
  });
}


/**
 * The errors of platform keys in the redistrib manifest `data` (either format, unchecked) whose
 * option path is `base`.
 * @example checkRedistribPlatformNames({ p: { name: "p", "linux-x86-64": {} } }, ["newer", "manifests", "p", "1.0"]) // one error, did you mean `linux-x86_64'
 */
export function checkRedistribPlatformNames(data: unknown, base: readonly string[], file?: string): ModuleError[] {
  if (!isAttrs(data)) return [];
  const errors: ModuleError[] = [];
  for (const [pname, pkg] of Object.entries(data)) {
    if (releaseKeys.has(pname) || !isAttrs(pkg)) continue;
    for (const key of Object.keys(pkg)) {
      if (!packageKeys.has(key) && !redistSystems.includes(key)) errors.push(unknownPlatform([...base, pname, key], file));
    }
  }
  return errors;
}

/** The errors of platform keys in the feature manifest `data` (unchecked) whose option path is `base`. */
export function checkFeaturePlatformNames(data: unknown, base: readonly string[], file?: string): ModuleError[] {
  if (!isAttrs(data)) return [];
  const errors: ModuleError[] = [];
  for (const [pname, platforms] of Object.entries(data)) {
    if (!isAttrs(platforms)) continue;
    for (const key of Object.keys(platforms)) {
      if (!redistSystems.includes(key)) errors.push(unknownPlatform([...base, pname, key], file));
    }
  }
  return errors;
}

/** The errors of platform keys in a checked manifest that no builder knows. */
export function checkManifestPlatforms(manifest: ManifestKeys, files: { readonly redistrib?: string; readonly feature?: string } = {}): ModuleError[] {
  const base = [manifest.product, "manifests", manifest.version];
  return [
    ...checkRedistribPlatformNames(manifest.redistrib, [...base, "redistrib"], files.redistrib),
    ...checkFeaturePlatformNames(manifest.feature ?? {}, [...base, "feature"], files.feature),
  ];
}

/** The errors of platform keys of a checked release list that no builder knows. */
export function checkReleaseListPlatforms(list: ReleaseList, file?: string): ModuleError[] {
  return Object.keys(list.releases)
    .filter((key) => !redistSystems.includes(key))
    .map((key) => unknownPlatform([list.product, "releases", key], file));
}
