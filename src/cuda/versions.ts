/**
 * Nix version strings: `builtins.compareVersions`, `builtins.splitVersion` and the `lib.versions`
 * helpers the CUDA modules use, with Nix's semantics (so `"12.10"` is newer than `"12.9"`).
 */

// Nix's `string2Int<int>` parses a component only when it fits a C `int`; a longer run of digits
// is compared as a string. We mirror that so that the two implementations order the same strings.
const intMax = 2147483647;

function componentAsInt(component: string): number | undefined {
  if (!/^[0-9]+$/.test(component)) return undefined;
  const n = Number(component);
  return n <= intMax ? n : undefined;
}

function isSeparator(c: string): boolean {
  return c === "." || c === "-";
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

/** Nix's `nextComponent`: skips separators, then takes a run of digits or a run of other characters. */
function nextComponent(version: string, start: number): { component: string; end: number } {
  let p = start;
  while (p < version.length && isSeparator(version.charAt(p))) p++;
  const s = p;
  if (p < version.length && isDigit(version.charAt(p))) {
    while (p < version.length && isDigit(version.charAt(p))) p++;
  } else {
    while (p < version.length && !isDigit(version.charAt(p)) && !isSeparator(version.charAt(p))) p++;
  }
  return { component: version.slice(s, p), end: p };
}

/** Nix's `componentsLT`, including its special cases: a missing part and `pre` sort first, a word before a number. */
function componentLessThan(c1: string, c2: string): boolean {
  const n1 = componentAsInt(c1);
  const n2 = componentAsInt(c2);
  if (n1 !== undefined && n2 !== undefined) return n1 < n2;
  if (c1 === "" && n2 !== undefined) return true;
  if (c1 === "pre" && c2 !== "pre") return true;
  if (c2 === "pre") return false;
  // Nix assumes that `2.3a` < `2.3.1`.
  if (n2 !== undefined) return true;
  if (n1 !== undefined) return false;
  return c1 < c2;
}

/**
 * Compares two version strings as `builtins.compareVersions` does: -1, 0 or 1.
 *
 * @example
 * compareVersions("12.10", "12.9") // 1
 * compareVersions("8.9.7.29", "8.9.7.29") // 0
 * compareVersions("1", "1.0") // -1
 */
export function compareVersions(v1: string, v2: string): -1 | 0 | 1 {
  let p1 = 0;
  let p2 = 0;
  while (p1 < v1.length || p2 < v2.length) {
    const c1 = nextComponent(v1, p1);
    const c2 = nextComponent(v2, p2);
    p1 = c1.end;
    p2 = c2.end;
    if (componentLessThan(c1.component, c2.component)) return -1;
    if (componentLessThan(c2.component, c1.component)) return 1;
  }
  return 0;
}

/**
 * Splits a version into its components as `builtins.splitVersion` does.
 *
 * @example
 * splitVersion("8.9.7.29") // ["8", "9", "7", "29"]
 * splitVersion("2.3a-pre") // ["2", "3", "a", "pre"]
 */
export function splitVersion(version: string): string[] {
  const components: string[] = [];
  let p = 0;
  while (p < version.length) {
    const next = nextComponent(version, p);
    if (next.component === "") break;
    components.push(next.component);
    p = next.end;
  }
  return components;
}

/**
 * Whether `v1` is the same version as `v2` or newer (`lib.versionAtLeast`).
 *
 * @example
 * versionAtLeast("12.2", "12.0") // true
 */
export function versionAtLeast(v1: string, v2: string): boolean {
  return compareVersions(v1, v2) >= 0;
}

/**
 * Whether `v1` is strictly older than `v2` (`lib.versionOlder`).
 *
 * @example
 * versionOlder("12.9", "12.10") // true
 */
export function versionOlder(v1: string, v2: string): boolean {
  return compareVersions(v1, v2) < 0;
}

/**
 * The first component of a version (`lib.versions.major`).
 *
 * @example
 * majorVersion("8.9.7.29") // "8"
 */
export function majorVersion(version: string): string {
  return splitVersion(version).slice(0, 1).join(".");
}

/**
 * The first two components of a version joined by a dot (`lib.versions.majorMinor`).
 *
 * @example
 * majorMinor("8.9.7.29") // "8.9"
 */
export function majorMinor(version: string): string {
  return splitVersion(version).slice(0, 2).join(".");
}

/**
 * The attribute name of one major.minor release of a product: name, underscore, major.minor with
 * dots as underscores (`cudaLib.mkVersionedName name (majorMinor version)`).
 *
 * @example
 * mkVersionedName("cudnn", "8.9.7.29") // "cudnn_8_9"
 * mkVersionedName("cudaPackages", "12.2") // "cudaPackages_12_2"
 */
export function mkVersionedName(name: string, version: string): string {
  // The patch and build numbers never appear, so that a patch release keeps the attribute's name.
  return `${name}_${majorMinor(version).replaceAll(".", "_")}`;
}
