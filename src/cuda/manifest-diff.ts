/**
 * What a new manifest changes, for the pull request that adds it: packages added and removed; for
 * each package in both, its version, name, licence, platforms and CUDA variants; and archives whose
 * hash or size changed while the package's version did not, a silent re-publication a reviewer
 * must look at. Both manifests are read as NVIDIA writes them, in either format; where feature
 * manifests are known, the outputs each package gains or loses per platform.
 */
import * as E from "fp-ts/lib/Either.js";
import { platformEntryLayout } from "../../modules/generic/manifests/variants/index.js";
import { compareNames } from "../lib/attrs.js";
import { ModuleError } from "../lib/errors.js";
import { diagnosticOf, type Diagnostic, isAttrs } from "../lib/index.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";

type Json = Record<string, unknown>;

/** A value before and after. */
export interface Change<T> {
  readonly from: T;
  readonly to: T;
}

/** What is new and what is gone in a set of names, each sorted. */
export interface SetChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** What changed in one package present in both manifests. */
export interface PackageChange {
  readonly version?: Change<string | null>;
  readonly name?: Change<string | null>;
  readonly license?: Change<string | null>;
  readonly license_path?: Change<string | null>;
  /** Platforms (`linux-x86_64`, …) the package gained or lost. */
  readonly platforms?: SetChange;
  /** Entries of its `cuda_variant` list gained or lost. */
  readonly variants?: SetChange;
  /** Outputs gained or lost, by platform (feature manifests). */
  readonly outputs?: Readonly<Record<string, SetChange>>;
}

/** An archive whose hash or size changed while its package's version did not. */
export interface Republication {
  readonly package: string;
  readonly version: string;
  /** The platform, and for a variant archive the variant key: `["linux-x86_64", "cuda12"]`. */
  readonly archive: readonly string[];
  readonly fields: Readonly<Partial<Record<"sha256" | "md5" | "size" | "relative_path", Change<string | null>>>>;
}

/** What a new manifest changes against an old one of the same product. */
export interface ManifestDiff {
  readonly product: string;
  readonly from: string;
  readonly to: string;
  /** Packages only in the new manifest, sorted. */
  readonly added: readonly string[];
  /** Packages only in the old manifest, sorted. */
  readonly removed: readonly string[];
  /** Packages in both that changed, keyed by name, in name order. */
  readonly changed: Readonly<Record<string, PackageChange>>;
  /** Silent re-publications: each a finding that needs a look. */
  readonly republished: readonly Republication[];
}

/** The manifests to compare: their data as read, and, where known, their feature manifests. */
export interface DiffInput {
  readonly product: string;
  readonly old: { readonly version: string; readonly data: unknown; readonly feature?: unknown };
  readonly new: { readonly version: string; readonly data: unknown; readonly feature?: unknown };
}


function packagesOf(data: unknown): Map<string, Json> {
  const out = new Map<string, Json>();
  if (!isAttrs(data)) return out;
  for (const [name, pkg] of Object.entries(data)) if (!releaseKeys.has(name) && isAttrs(pkg)) out.set(name, pkg);
  return out;
}

function setChange(before: Iterable<string>, after: Iterable<string>): SetChange | undefined {
  const a = new Set(before);
  const b = new Set(after);
  const added = [...b].filter((x) => !a.has(x)).sort(compareNames);
  const removed = [...a].filter((x) => !b.has(x)).sort(compareNames);
  return added.length === 0 && removed.length === 0 ? undefined : { added, removed };
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : value === undefined || value === null ? null : JSON.stringify(value));

function fieldChange(a: Json, b: Json, field: string): Change<string | null> | undefined {
  const from = text(a[field]);
  const to = text(b[field]);
  return from === to ? undefined : { from, to };
}

/** A package's archives: platform (and variant) to archive, as the builders would read them. */
function archivesOf(pkg: Json): Map<string, { readonly at: readonly string[]; readonly archive: Json }> {
  const out = new Map<string, { at: readonly string[]; archive: Json }>();
  for (const [platform, entry] of Object.entries(pkg)) {
    if (packageKeys.has(platform) || !isAttrs(entry)) continue;
    const layout = platformEntryLayout(entry);
    if (layout === "flat" || layout === "mixed") out.set(platform, { at: [platform], archive: entry });
    if (layout === "variants" || layout === "mixed") {
      for (const [variant, archive] of Object.entries(entry)) if (isAttrs(archive)) out.set(`${platform}\u0000${variant}`, { at: [platform, variant], archive });
    }
  }
  return out;
}

function variantsOf(pkg: Json): string[] {
  const list = pkg["cuda_variant"];
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === "string") : [];
}

function platformsOf(pkg: Json): string[] {
  return Object.keys(pkg).filter((k) => !packageKeys.has(k) && isAttrs(pkg[k]));
}

/** The outputs (flags set) of a feature manifest's package, by platform. */
function outputsOf(feature: unknown, pname: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const pkg = isAttrs(feature) ? feature[pname] : undefined;
  if (!isAttrs(pkg)) return out;
  for (const [platform, entry] of Object.entries(pkg)) {
    const flags = isAttrs(entry) && isAttrs(entry["outputs"]) ? entry["outputs"] : {};
    out.set(platform, Object.keys(flags).filter((k) => flags[k] === true));
  }
  return out;
}

function outputChanges(oldFeature: unknown, newFeature: unknown, pname: string): Record<string, SetChange> | undefined {
  if (oldFeature === undefined || newFeature === undefined) return undefined;
  const before = outputsOf(oldFeature, pname);
  const after = outputsOf(newFeature, pname);
  const out: Record<string, SetChange> = {};
  for (const platform of [...new Set([...before.keys(), ...after.keys()])].sort(compareNames)) {
    // A platform gained or lost is said once, under platforms; here only one present in both.
    if (!before.has(platform) || !after.has(platform)) continue;
    const change = setChange(before.get(platform)!, after.get(platform)!);
    if (change !== undefined) out[platform] = change;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * What `input.new` changes against `input.old` (both as read from their files, unchecked).
 * @example diffManifests({ product: "cuda", old: { version: "12.8.1", data: a }, new: { version: "12.9.1", data: b } }).added // ["collectx_bringup", …]
 */
export function diffManifests(input: DiffInput): ManifestDiff {
  const before = packagesOf(input.old.data);
  const after = packagesOf(input.new.data);
  const added = [...after.keys()].filter((p) => !before.has(p)).sort(compareNames);
  const removed = [...before.keys()].filter((p) => !after.has(p)).sort(compareNames);
  const changed: Record<string, PackageChange> = {};
  const republished: Republication[] = [];
  for (const pname of [...after.keys()].filter((p) => before.has(p)).sort(compareNames)) {
    const a = before.get(pname)!;
    const b = after.get(pname)!;
    const change: { -readonly [K in keyof PackageChange]: PackageChange[K] } = {};
    for (const field of ["version", "name", "license", "license_path"] as const) {
      const c = fieldChange(a, b, field);
      if (c !== undefined) change[field] = c;
    }
    const platforms = setChange(platformsOf(a), platformsOf(b));
    if (platforms !== undefined) change.platforms = platforms;
    const variants = setChange(variantsOf(a), variantsOf(b));
    if (variants !== undefined) change.variants = variants;
    const outputs = outputChanges(input.old.feature, input.new.feature, pname);
    if (outputs !== undefined) change.outputs = outputs;
    if (Object.keys(change).length > 0) changed[pname] = change;

    if (change.version === undefined) {
      const oldArchives = archivesOf(a);
      for (const [key, { at, archive }] of archivesOf(b)) {
        const was = oldArchives.get(key);
        if (was === undefined) continue;
        const fields: Record<string, Change<string | null>> = {};
        for (const field of ["sha256", "md5", "size", "relative_path"]) {
          const c = fieldChange(was.archive, archive, field);
          if (c !== undefined) fields[field] = c;
        }
        if (["sha256", "md5", "size"].some((f) => f in fields)) {
          republished.push({ package: pname, version: text(b["version"]) ?? "", archive: at, fields });
        }
      }
    }
  }
  return { product: input.product, from: input.old.version, to: input.new.version, added, removed, changed, republished };
}

/**
 * {@link diffManifests} without throwing: the diff, or a diagnostic of input it cannot read.
 * @example diffManifestsE(input) // E.right(diff)
 */
export function diffManifestsE(input: DiffInput): E.Either<Diagnostic[], ManifestDiff> {
  try {
    if (!isAttrs(input)) throw new ModuleError({ kind: "InvalidDefinition", message: "diffManifestsE needs { product, old: { version, data }, new: { version, data } }." });
    return E.right(diffManifests(input));
  } catch (e) {
    return E.left([diagnosticOf(e)]);
  }
}

/** Whether a diff has a finding that needs a look (a re-publication). */
export function hasFindings(diff: ManifestDiff): boolean {
  return diff.republished.length > 0;
}
