/**
 * What the builders would refuse, checked where `check` can say it, at the value: a
 * `relative_path` or `license_path` that could leave NVIDIA's redist folder once made a URL (the
 * builder refuses it, `relative-path.ts`), a release whose `url` is not an `https://` download, and
 * a release whose `minCudaVersion` is above its `maxCudaVersion` (it would fit no CUDA version).
 */
import { platformEntryLayout } from "../../modules/generic/manifests/variants/index.js";
import { ModuleError, showOption } from "../lib/index.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";
import { escapeReason } from "./relative-path.js";
import { versionOlder } from "./versions.js";

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function refused(path: readonly string[], file: string | undefined, message: string): ModuleError {
  return new ModuleError({ kind: "InvalidDefinition", path, definitions: file ? [{ file }] : [], message });
}

function pathError(field: string, value: string, path: readonly string[], file: string | undefined, reason: string): ModuleError {
  const shown = JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  return refused(path, file,
    `The ${field} ${shown} at \`${showOption(path)}'${file ? ` in ${file}` : ""} is refused: ${reason}. ` +
    `A ${field} names a file below NVIDIA's redist folder, like <package>/<platform>/<archive>.tar.xz; correct it in the manifest.`);
}

/** The errors of one archive's `relative_path` at `path`. */
function checkArchive(archive: unknown, path: readonly string[], file: string | undefined): ModuleError[] {
  if (!isRecord(archive) || typeof archive["relative_path"] !== "string") return [];
  const reason = escapeReason(archive["relative_path"]);
  return reason === null ? [] : [pathError("relative_path", archive["relative_path"], [...path, "relative_path"], file, reason)];
}

/**
 * The errors of the paths of the redistrib manifest `data` (either format, unchecked) whose option
 * path is `base`: every `license_path` and every archive's `relative_path`.
 * @example checkManifestPaths({ p: { license_path: "../x" } }, ["newer", "manifests", "p", "1"]) // one error at p.license_path
 */
export function checkManifestPaths(data: unknown, base: readonly string[], file?: string): ModuleError[] {
  if (!isRecord(data)) return [];
  const errors: ModuleError[] = [];
  for (const [pname, pkg] of Object.entries(data)) {
    if (releaseKeys.has(pname) || !isRecord(pkg)) continue;
    const licensePath = pkg["license_path"];
    if (typeof licensePath === "string") {
      const reason = escapeReason(licensePath);
      if (reason !== null) errors.push(pathError("license_path", licensePath, [...base, pname, "license_path"], file, reason));
    }
    for (const [platform, entry] of Object.entries(pkg)) {
      if (packageKeys.has(platform) || !isRecord(entry)) continue;
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
  if (!isRecord(data)) return [];
  const errors: ModuleError[] = [];
  for (const [product, list] of Object.entries(data)) {
    const releases = isRecord(list) ? list["releases"] : undefined;
    if (!isRecord(releases)) continue;
    for (const [platform, entries] of Object.entries(releases)) {
      if (!Array.isArray(entries)) continue;
      entries.forEach((release: unknown, i) => {
        if (!isRecord(release)) return;
        const at = [product, "releases", platform, `[definition 1-entry ${i + 1}]`];
        const url = release["url"];
        if (typeof url === "string" && !url.startsWith("https://")) {
          const shown = JSON.stringify(url.length > 120 ? `${url.slice(0, 120)}…` : url);
          errors.push(refused([...at, "url"], file, `The url ${shown} at \`${showOption([...at, "url"])}'${file ? ` in ${file}` : ""} is not an https:// download; the builders fetch only from https:// URLs. Give NVIDIA's https:// URL of the archive.`));
        }
        const min = release["minCudaVersion"];
        const max = release["maxCudaVersion"];
        if (typeof min === "string" && typeof max === "string" && /^[0-9]+(\.[0-9]+)*$/.test(min) && /^[0-9]+(\.[0-9]+)*$/.test(max) && versionOlder(max, min)) {
          errors.push(refused([...at, "maxCudaVersion"], file, `The release at \`${showOption(at)}'${file ? ` in ${file}` : ""} has minCudaVersion ${min} above its maxCudaVersion ${max}, so it fits no CUDA version. Swap or correct them.`));
        }
      });
    }
  }
  return errors;
}
