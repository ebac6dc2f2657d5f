/**
 * The hash and size fields of a redistrib manifest's archives. The modules, like Nixpkgs'
 * (`manifests/redistrib/package.nix`), declare `sha256`, `md5` and `size` as any string; this check
 * names a string that cannot be what NVIDIA writes: a `sha256` that is not 64 hexadecimal digits,
 * an `md5` that is not 32, a `size` that is not a whole number of bytes up to 2^53. A value that is
 * not a string at all is the option type's error, reported by the evaluation.
 */
import { ModuleError, showOption } from "../lib/index.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";


/** What each field must be, and how to say it. */
const fieldRules: Readonly<Record<string, { readonly test: (value: string) => boolean; readonly expected: string }>> = {
  sha256: { test: (v) => /^[0-9a-fA-F]{64}$/.test(v), expected: "64 hexadecimal digits (a SHA-256 hash)" },
  md5: { test: (v) => /^[0-9a-fA-F]{32}$/.test(v), expected: "32 hexadecimal digits (an MD5 hash)" },
  size: { test: (v) => /^[0-9]{1,16}$/.test(v) && Number.isSafeInteger(Number(v)), expected: "a whole number of bytes, in decimal digits, at most 2^53 - 1" },
};

function badField(path: readonly string[], value: string, expected: string, file: string | undefined): ModuleError {
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return new ModuleError({
    kind: "InvalidDefinition",
    path,
    definitions: file ? [{ file }] : [],
    message:
      `\`${path[path.length - 1]}' at \`${showOption(path)}'${file ? ` in ${file}` : ""} is ${shown}, which is not ${expected}. ` +
      "Copy the value from NVIDIA's manifest of the release.",
  });
}

/** The errors of one archive entry (`{ relative_path, sha256, md5, size }`) at `path`. */
function checkArchive(archive: unknown, path: readonly string[], file: string | undefined): ModuleError[] {
  if (typeof archive !== "object" || archive === null || Array.isArray(archive)) return [];
  const errors: ModuleError[] = [];
  for (const [field, rule] of Object.entries(fieldRules)) {
    if (!Object.hasOwn(archive, field)) continue;
    const value: unknown = (archive as Record<string, unknown>)[field];
    if (typeof value === "string" && !rule.test(value)) errors.push(badField([...path, field], value, rule.expected, file));
  }
  return errors;
}

/**
 * The errors of the hash and size fields of the redistrib manifest `data` (unchecked, so that this
 * runs where the option types found errors too), whose option path is `base`. An entry of the
 * newer format, one archive per CUDA variant (`linux-x86_64.cuda12`), is checked per variant.
 * @example checkArchiveFields(data, ["cuda", "manifests", "12.2.2", "redistrib"], "redistrib_12.2.2.json") // [] for NVIDIA's files
 */
export function checkArchiveFields(data: unknown, base: readonly string[], file?: string): ModuleError[] {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
  const errors: ModuleError[] = [];
  for (const [pname, pkg] of Object.entries(data)) {
    if (releaseKeys.has(pname) || typeof pkg !== "object" || pkg === null || Array.isArray(pkg)) continue;
    for (const [platform, entry] of Object.entries(pkg as Record<string, unknown>)) {
      if (packageKeys.has(platform) || typeof entry !== "object" || entry === null) continue;
      const path = [...base, pname, platform];
      if (Object.hasOwn(entry, "relative_path") || Object.keys(entry).some((k) => Object.hasOwn(fieldRules, k))) errors.push(...checkArchive(entry, path, file));
      else for (const [variant, archive] of Object.entries(entry)) errors.push(...checkArchive(archive, [...path, variant], file));
    }
  }
  return errors;
}
