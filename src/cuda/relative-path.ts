/**
 * NVIDIA's `relative_path` values become download URLs (spec 3.1, 5.4). A manifest is data from a
 * pull request, so a path that could leave NVIDIA's redist folder once a URL is resolved (`..`, an
 * absolute path, a backslash, a percent-encoded dot or slash, a query or fragment) is refused
 * instead of being cleaned up: cleaning would download something the manifest did not name.
 */
import { ModuleError, showOption } from "../lib/index.js";

/**
 * NVIDIA's download root: a package's URL is this, the product (`redistName`), `/redist/` and its
 * `relative_path` (spec 3.1).
 *
 * @example
 * redistBaseUrl // "https://developer.download.nvidia.com/compute/"
 */
export const redistBaseUrl = "https://developer.download.nvidia.com/compute/";

// Every relative_path of the bundled manifests is made of these characters; a segment is a file or
// folder name, never empty, `.` or `..`.
const segmentPattern = /^[A-Za-z0-9_+-][A-Za-z0-9._+-]*$/;

// Segments of that pattern joined by slashes: none of the refusals below can apply (no segment can
// be empty, `.` or `..`, and none of `\ : % ? #` or a leading slash can occur). Every path of a
// valid manifest matches it, so one test answers instead of a split and a test per segment.
const plainPathPattern = /^[A-Za-z0-9_+-][A-Za-z0-9._+-]*(?:\/[A-Za-z0-9_+-][A-Za-z0-9._+-]*)*$/;

/** Why `relativePath` escapes or is not a plain path, or null when it is one. */
function escapeReason(relativePath: string): string | null {
  if (plainPathPattern.test(relativePath)) return null;
  if (relativePath === "") return "it is empty";
  if (relativePath.includes("\\")) return "it contains a backslash, which some servers and tools read as a folder separator";
  if (relativePath.startsWith("/")) return "it is absolute (starts with /)";
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(relativePath)) return "it starts with a scheme or drive letter";
  if (relativePath.includes("%")) return "it is percent-encoded (such as %2e%2e for ..), which a server decodes after the path was checked";
  if (/[?#]/.test(relativePath)) return "it contains ? or #, which would turn the rest into a query or fragment";
  for (const segment of relativePath.split("/")) {
    if (segment === "..") return "it has a .. segment, which leaves the redist folder";
    if (segment === "." || segment === "") return "it has an empty or . segment";
    if (!segmentPattern.test(segment)) return `its segment ${JSON.stringify(segment)} has characters other than letters, digits, . _ + -`;
  }
  return null;
}

/**
 * Throws a `ModuleError` at `path` unless `relativePath` is a plain relative path of file and
 * folder names.
 *
 * @example
 * checkRelativePath("cuda_cudart/linux-x86_64/cuda_cudart-linux-x86_64-12.2.140-archive.tar.xz", path) // ok
 * checkRelativePath("../../etc/passwd", path) // throws InvalidDefinition
 */
export function checkRelativePath(relativePath: string, path: readonly string[]): void {
  const error = relativePathError(relativePath, path);
  if (error !== null) throw error;
}

/**
 * The error of a path field (`relative_path`, `license_path`) at `path` that escapes or is not a
 * plain path, naming the file that defines it where known; null for a plain path.
 * @example relativePathError("../x", ["p", "license_path"], "redistrib_1.0.json")?.kind // "InvalidDefinition"
 */
export function relativePathError(value: string, path: readonly string[], file?: string): ModuleError | null {
  const reason = escapeReason(value);
  if (reason === null) return null;
  const field = path[path.length - 1] ?? "relative_path";
  const shown = JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  return new ModuleError({
    kind: "InvalidDefinition",
    path,
    definitions: file ? [{ file }] : [],
    message:
      `The ${field} ${shown} at \`${showOption(path)}'${file ? ` in ${file}` : ""} is refused: ${reason}. ` +
      `A ${field} names a file below NVIDIA's redist folder, like <package>/<platform>/<archive>.tar.xz; correct it in the manifest.`,
  });
}

/**
 * The download URL of an archive: the base URL, the product and `redist/`, then the checked
 * `relative_path` appended as it is (never resolved or joined, so nothing in it is interpreted).
 *
 * @example
 * redistUrl("cuda", "cuda_cudart/LICENSE.txt", path) // "https://developer.download.nvidia.com/compute/cuda/redist/cuda_cudart/LICENSE.txt"
 */
export function redistUrl(redistName: string, relativePath: string, path: readonly string[]): string {
  checkRelativePath(relativePath, path);
  return `${redistBaseUrl}${redistName}/redist/${relativePath}`;
}

/**
 * The error of a release's download `url` at `path` that is not an `https://` URL (the builders
 * fetch from https:// only), naming the file that defines it where known; null for an https URL.
 * @example urlError("http://example.com/a.tar.xz", ["cudnn", "releases", "linux-x86_64", "[definition 1-entry 1]", "url"])?.kind // "InvalidDefinition"
 */
export function urlError(url: string, path: readonly string[], file?: string): ModuleError | null {
  if (url.startsWith("https://")) return null;
  const shown = JSON.stringify(url.length > 120 ? `${url.slice(0, 120)}…` : url);
  return new ModuleError({
    kind: "InvalidDefinition",
    path,
    definitions: file ? [{ file }] : [],
    message: `The url ${shown} at \`${showOption(path)}'${file ? ` in ${file}` : ""} is not an https:// download; the builders fetch only from https:// URLs. Give NVIDIA's https:// URL of the archive.`,
  });
}
