/**
 * The selection of cuDNN and TensorRT releases for one CUDA version, as the reference revision's
 * `generic-builders/multiplex.nix` makes it (spec 4.4, 6).
 */
import type { genericReleasesModule } from "../../modules/generic/releases/index.js";
import type { ConfigOf } from "../lib/config-of.js";
import { ModuleError } from "../lib/errors.js";
import { redistSystems, unsupportedRedistSystem } from "./platforms.js";
import { compareVersions, mkVersionedName, majorMinor, versionAtLeast, versionOlder } from "./versions.js";

/**
 * One entry of a release list, as the `generic.releases` option checks it; product-specific extras
 * (cuDNN `url`, TensorRT `filename` and `cudnnVersion`) ride along untyped.
 *
 * @example
 * const r: Release = { version: "9.7.1.26", minCudaVersion: "12.0", maxCudaVersion: "12.8", hash: "sha256-…", url: "https://…" };
 */
export type Release = ConfigOf<typeof genericReleasesModule>["generic"]["releases"][string][number];

/**
 * The release lists of one product: redist platform to its releases, oldest first.
 *
 * @example
 * const lists: ReleaseLists = { "linux-x86_64": [release], "linux-ppc64le": [] };
 */
export type ReleaseLists = Readonly<Record<string, readonly Release[]>>;

// The platform functions live with the table; they are re-exported where the selection was first written.
export { getNixSystems, getRedistSystem, redistSystems, unsupportedRedistSystem } from "./platforms.js";

/**
 * Throws unless `redistSystem` is a redist platform name of the data; guards against typos such
 * as `linux-x86-64`, which would otherwise silently count as some other platform.
 *
 * @example
 * requireRedistSystem("cudnn", "linux-sbsa") // ok
 */
export function requireRedistSystem(pname: string, redistSystem: string): void {
  if (!redistSystems.includes(redistSystem)) {
    throw new ModuleError({
      kind: "InvalidDefinition",
      path: [pname, "releases", redistSystem],
      message:
        `${pname}: unknown redist platform ${JSON.stringify(redistSystem)}; ` +
        `expected one of ${redistSystems.join(", ")}.`,
    });
  }
}

/**
 * Names a release in error messages and paths: its index in its list when known, else its version.
 *
 * @example
 * releaseLocation("cudnn", "linux-x86_64", 3) // ["cudnn", "releases", "linux-x86_64", "[3]"]
 */
export function releaseLocation(pname: string, redistSystem: string, at: number | string): string[] {
  return [pname, "releases", redistSystem, typeof at === "number" ? `[${at}]` : `(version ${at})`];
}

/** Renders an option path as Nix shows it, with list positions attached to their list. */
function showPath(path: readonly string[]): string {
  let shown = "";
  for (const [i, part] of path.entries()) {
    if (i === 0) shown = part;
    else if (part.startsWith("[")) shown += part;
    else if (part.startsWith("(")) shown += ` ${part}`;
    else shown += `.${part}`;
  }
  return shown;
}

/**
 * Checks that a release list entry has the four declared fields as strings, naming the product,
 * platform and index when it does not (the release lists are data, read from JSON).
 *
 * @example
 * checkRelease(["cudnn", "releases", "linux-x86_64", "[0]"], { version: "8.9.7.29", minCudaVersion: "12.0", maxCudaVersion: "12.8", hash: "sha256-…" })
 */
export function checkRelease(location: readonly string[], value: unknown): Release {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ModuleError({
      kind: "TypeMismatch",
      path: location,
      message: `${showPath(location)} is not an attribute set: a release is an object with version, minCudaVersion, maxCudaVersion and hash.`,
    });
  }
  for (const field of ["version", "minCudaVersion", "maxCudaVersion", "hash"]) {
    requireField(location, value, field, "string");
  }
  return value as Release;
}

/**
 * Throws unless `release[field]` is a string (or null, when `expected` allows it), naming the release's
 * location and the field.
 *
 * @example
 * requireField(["cudnn", "releases", "linux-x86_64", "[3]"], release, "url", "string")
 */
export function requireField(location: readonly string[], release: object, field: string, expected: "string" | "string or null"): void {
  const value: unknown = Object.hasOwn(release, field) ? (release as Record<string, unknown>)[field] : undefined;
  if (typeof value === "string" || (value === null && expected === "string or null")) return;
  const path = [...location, field];
  throw new ModuleError({
    kind: value === undefined ? "NoDefinition" : "TypeMismatch",
    path,
    message:
      value === undefined
        ? `${showPath(path)} is missing: define it as a ${expected}.`
        : `${showPath(path)} must be a ${expected}, got ${JSON.stringify(value)}.`,
  });
}

/**
 * A release chosen for the package set: its attribute name, the platform whose list it came from,
 * and the entry itself.
 *
 * @example
 * const s: SelectedRelease = { name: "cudnn_9_7", redistSystem: "linux-x86_64", release };
 */
export interface SelectedRelease {
  readonly name: string;
  readonly redistSystem: string;
  readonly release: Release;
}

/**
 * The outcome of {@link selectReleases}: one release per major.minor, newest first, and the
 * default (the first), absent when no release fits the CUDA version.
 *
 * @example
 * const { selected, default: newest } = selectReleases(args);
 */
export interface ReleaseSelection {
  readonly selected: readonly SelectedRelease[];
  readonly default: SelectedRelease | undefined;
}

/**
 * What {@link selectReleases} needs: the product name, its release lists, the package set's CUDA
 * major.minor version and the host's redist platform (from {@link getRedistSystem}).
 *
 * @example
 * const args: SelectReleasesArgs = { pname: "cudnn", releases, cudaMajorMinorVersion: "12.2", redistSystem: "linux-x86_64" };
 */
export interface SelectReleasesArgs {
  readonly pname: string;
  readonly releases: ReleaseLists;
  readonly cudaMajorMinorVersion: string;
  readonly redistSystem: string;
}

const majorMinorPattern = /^[0-9]+\.[0-9]+$/;

/**
 * Selects the releases of a product for one CUDA version as [late] Nixpkgs does: every platform's
 * releases that fit the CUDA version compete per major.minor, the newest winning and the host's
 * platform winning ties.
 *
 * @example
 * const { selected } = selectReleases({ pname: "cudnn", releases, cudaMajorMinorVersion: "12.2", redistSystem: "linux-x86_64" });
 * selected.map((s) => s.name) // ["cudnn_9_7", "cudnn_9_3", "cudnn_8_9"]
 */
export function selectReleases(args: SelectReleasesArgs): ReleaseSelection {
  const { pname, releases, cudaMajorMinorVersion: cuda, redistSystem: host } = args;
  if (!majorMinorPattern.test(cuda)) {
    throw new ModuleError({
      kind: "TypeMismatch",
      message: `${pname}: the CUDA version must be major.minor (e.g. "12.2"), got ${JSON.stringify(cuda)}.`,
    });
  }
  // "unsupported" is a legal host: the selection does not depend on it unless it names a platform.
  if (host !== unsupportedRedistSystem) requireRedistSystem(pname, host);

  const fitsCuda = (r: Release): boolean =>
    versionAtLeast(cuda, r.minCudaVersion) && versionAtLeast(r.maxCudaVersion, cuda);

  // Nix's `attrValues` yields the platform lists in attribute-name order, and the fold below
  // depends on that order when two platforms offer the same version.
  const candidates: SelectedRelease[] = [];
  for (const platform of Object.keys(releases).sort()) {
    requireRedistSystem(pname, platform);
    const list: unknown = releases[platform];
    if (!Array.isArray(list)) {
      throw new ModuleError({
        kind: "TypeMismatch",
        path: [pname, "releases", platform],
        message: `${pname}.releases.${platform} must be a list of releases, got ${JSON.stringify(list)}.`,
      });
    }
    list.forEach((entry: unknown, index) => {
      const release = checkRelease(releaseLocation(pname, platform, index), entry);
      if (fitsCuda(release)) {
        candidates.push({ name: mkVersionedName(pname, release.version), redistSystem: platform, release });
      }
    });
  }

  const isForHost = (s: SelectedRelease): boolean => s.redistSystem === host;
  const newest = new Map<string, SelectedRelease>();
  for (const candidate of candidates) {
    const key = majorMinor(candidate.release.version);
    const current = newest.get(key);
    // Keep the current entry if it is newer, or if it is for the host and the candidate is not
    // (so an equal version from another platform does not displace the host's own archive).
    const keepCurrent =
      current !== undefined &&
      (versionOlder(candidate.release.version, current.release.version) || (!isForHost(candidate) && isForHost(current)));
    if (!keepCurrent) newest.set(key, candidate);
  }

  // Nix takes the survivors in key order (`attrValues`) and stable-sorts them newest first.
  const selected = [...newest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, survivor]) => survivor)
    .sort((a, b) => compareVersions(b.release.version, a.release.version));
  return { selected, default: selected[0] };
}
