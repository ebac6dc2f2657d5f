/**
 * The cross-check of a version's two manifests: every package and platform of the feature manifest
 * has its counterpart in the redistrib manifest, and the other way round (Nixpkgs derives one from
 * the other, so a difference is a broken pair).
 */
import { ModuleError, showOption } from "../lib/index.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";

/**
 * The parts of a version's manifests that the key-level checks read. A checked `Manifest` is one;
 * so is the data of two files not (or not yet) checked, so that these checks run even where the
 * option types found errors.
 */
export interface ManifestKeys {
  readonly product: string;
  readonly version: string;
  readonly redistrib: Readonly<Record<string, unknown>>;
  readonly feature: Readonly<Record<string, unknown>> | null;
}


/** The packages of a redistrib manifest, each with its platforms. */
function redistribPlatforms(manifest: ManifestKeys): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [pname, pkg] of Object.entries(manifest.redistrib)) {
    if (releaseKeys.has(pname) || typeof pkg !== "object" || pkg === null) continue;
    out.set(pname, new Set(Object.keys(pkg).filter((k) => !packageKeys.has(k))));
  }
  return out;
}

/**
 * The errors of a pair whose manifests disagree (empty when they agree, or when there is no
 * feature manifest). `files` names the two files in the messages.
 */
export function crossCheckManifests(manifest: ManifestKeys, files: { readonly redistrib: string; readonly feature: string }): ModuleError[] {
  if (manifest.feature === null) return [];
  const base = [manifest.product, "manifests", manifest.version];
  const redistrib = redistribPlatforms(manifest);
  const errors: ModuleError[] = [];
  const missing = (kind: "feature" | "redistrib", path: readonly string[], what: string, other: string) =>
    new ModuleError({
      kind: "InvalidDefinition",
      path: [...base, kind, ...path],
      // The file that has the item first: its position is where the problem is shown.
      definitions: kind === "feature" ? [{ file: files.feature }, { file: files.redistrib }] : [{ file: files.redistrib }, { file: files.feature }],
      message:
        `${what} \`${showOption(path)}' is in ${kind === "feature" ? files.feature : files.redistrib} but not in ${other}; ` +
        `the two manifests of ${manifest.product} ${manifest.version} must name the same packages and platforms. ` +
        `Add it to ${other} or remove it from ${kind === "feature" ? files.feature : files.redistrib}.`,
    });
  for (const [pname, platforms] of Object.entries(manifest.feature)) {
    const counterpart = redistrib.get(pname);
    if (counterpart === undefined) {
      errors.push(missing("feature", [pname], "The package", files.redistrib));
      continue;
    }
    if (typeof platforms !== "object" || platforms === null) continue;
    for (const platform of Object.keys(platforms)) {
      if (!counterpart.has(platform)) errors.push(missing("feature", [pname, platform], "The platform", files.redistrib));
    }
  }
  for (const [pname, platforms] of redistrib) {
    const counterpart = Object.hasOwn(manifest.feature, pname) ? manifest.feature[pname] : undefined;
    if (typeof counterpart !== "object" || counterpart === null) {
      errors.push(missing("redistrib", [pname], "The package", files.feature));
      continue;
    }
    for (const platform of platforms) {
      if (!Object.prototype.hasOwnProperty.call(counterpart, platform)) {
        errors.push(missing("redistrib", [pname, platform], "The platform", files.feature));
      }
    }
  }
  return errors;
}
