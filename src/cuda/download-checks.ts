/**
 * What the builders would refuse, checked where `check` can say it, at the value: a
 * `relative_path` or `license_path` that could leave NVIDIA's redist folder once made a URL (the
 * builder refuses it, `relative-path.ts`), a release whose `url` is not an `https://` download, and
 * a release whose `minCudaVersion` is above its `maxCudaVersion` (it would fit no CUDA version).
 */
import { platformEntryLayout } from "../../modules/generic/manifests/variants/index.js";
import { ModuleError, showOption, isAttrs } from "../lib/index.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";
import { finding } from "./finding.js";
import { relativePathError, urlError } from "./relative-path.js";
import { versionOlder } from "./versions.js";



/** The errors of one archive's `relative_path` at `path`. */
function checkArchive(archive: unknown, path: readonly string[], file: string | undefined): ModuleError[] {
  if (!isAttrs(archive) || typeof archive["relative_path"] !== "string") return [];
  const error = relativePathError(archive["relative_path"], [...path, "relative_path"], file);
  return error === null ? [] : [error];
}

/**
 * The errors of the paths of the redistrib manifest `data` (either format, unchecked) whose option
 * path is `base`: every `license_path` and every archive's `relative_path`.
 * @example checkManifestPaths({ p: { license_path: "../x" } }, ["newer", "manifests", "p", "1"]) // one error at p.license_path
 */
export function checkManifestPaths(data: unknown, base: readonly string[], file?: string): ModuleError[] {
  if (!isAttrs(data)) return [];
  const errors: ModuleError[] = [];
  for (const [pname, pkg] of Object.entries(data)) {
    if (releaseKeys.has(pname) || !isAttrs(pkg)) continue;
    const licensePath = pkg["license_path"];
    const error = typeof licensePath === "string" ? relativePathError(licensePath, [...base, pname, "license_path"], file) : null;
    if (error !== null) errors.push(error);
    for (const [platform, entry] of Object.entries(pkg)) {
      if (packageKeys.has(platform) || !isAttrs(entry)) continue;
      const at = [...base, pname, platform];
      const layout = platformEntryLayout(entry);
      if (layout === "flat" || layout === "mixed") errors.push(...checkArchive(entry, at, file));
      if (layout === "variants" || layout === "mixed") {
        for (const [variant, archive] of Object.entries(entry)) errors.push(...checkArchive(archive, [...at, variant], file));
      }
    }
  }
  return errors;
}

/**
 * The errors of the releases of a release-list file's `data` (`{ <product>: { releases: { <platform>:
 * [ … ] } } }`, unchecked): a `url` that is not `https://`, a `minCudaVersion` above its
 * `maxCudaVersion`. Paths name a release as the engine does (`[definition 1-entry 3]`).
 */
export function checkReleaseEntries(data: unknown, file?: string): ModuleError[] {
  if (!isAttrs(data)) return [];
  const errors: ModuleError[] = [];
  for (const [product, list] of Object.entries(data)) {
    const releases = isAttrs(list) ? list["releases"] : undefined;
    if (!isAttrs(releases)) continue;
    for (const [platform, entries] of Object.entries(releases)) {
      if (!Array.isArray(entries)) continue;
      entries.forEach((release: unknown, i) => {
        if (!isAttrs(release)) return;
        const at = [product, "releases", platform, `[definition 1-entry ${i + 1}]`];
        const url = release["url"];
        const badUrl = typeof url === "string" ? urlError(url, [...at, "url"], file) : null;
        if (badUrl !== null) errors.push(badUrl);
        const min = release["minCudaVersion"];
        const max = release["maxCudaVersion"];
        if (typeof min === "string" && typeof max === "string" && /^[0-9]+(\.[0-9]+)*$/.test(min) && /^[0-9]+(\.[0-9]+)*$/.test(max) && versionOlder(max, min)) {
          errors.push(finding("error", [...at, "maxCudaVersion"], file, `The release at \`${showOption(at)}'${file ? ` in ${file}` : ""} has minCudaVersion ${min} above its maxCudaVersion ${max}, so it fits no CUDA version. Swap or correct them.`).error);
        }
      });
    }
  }
  return errors;
}
