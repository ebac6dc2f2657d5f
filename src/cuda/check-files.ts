/**
 * Checking manifest and release-list files, as a pull request adds or edits them: every file is
 * read with positions, evaluated with the CUDA modules, and walked for every error; then the
 * checks beyond the option types (platform names, hash and size fields, CUDA variants, what the
 * file says of itself, a feature manifest against its redistrib manifest). Every problem of every
 * file is a diagnostic; none stops the others. Files that define the same option (two copies of
 * one manifest) are checked in separate evaluations, so that one cannot hide the other's errors.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { cudaModules } from "../../modules/index.js";
import { manifestProducts } from "../../modules/option-paths.js";
import {
  check,
  diagnosticOf,
  isAttrs,
  ModuleError,
  sortDiagnostics,
  type Diagnostic,
  type ErrorKind,
  type InternalErrorKind,
  type ThrownErrorKind,
  type Locator,
} from "../lib/index.js";
import { mountedLocator, readDefinitionFile, type LoadErrorKind, type MountedFile } from "../load/index.js";
import { checkArchiveFields } from "./archive-fields.js";
import { crossCheckManifests } from "./cross-check.js";
import { checkManifestPaths, checkReleaseEntries } from "./download-checks.js";
import { claimedPaths, dataModuleOf, describeDataFile, type ClassifiedFile, type DescribedFile } from "./data-files.js";
import { checkFileIdentity } from "./file-identity.js";
import { checkFeaturePlatformNames, checkRedistribPlatformNames } from "./platform-names.js";
import { checkVariants } from "./variant-checks.js";

export { classifyDataFile, type ClassifiedFile, type DataFileKind } from "./data-files.js";

/** Every kind a diagnostic of {@link checkDataFiles} may have. */
export type CheckErrorKind = ErrorKind | InternalErrorKind | ThrownErrorKind | LoadErrorKind;

/** A diagnostic of {@link checkDataFiles}. */
export type CheckDiagnostic = Diagnostic<CheckErrorKind>;

/** The options of {@link checkDataFiles}. */
export interface CheckFilesOptions {
  /** Files larger than this many bytes are refused. */
  readonly maxFileBytes?: number;
  /** The product of every manifest given (`--product`), over `release_product` and the path. */
  readonly product?: string;
  /** Called before each file is read (a progress indicator). */
  readonly onFile?: (filePath: string, index: number, count: number) => void;
}

/** What {@link checkDataFiles} found. */
export interface CheckFilesResult {
  /** Every diagnostic, sorted by file, line and column. */
  readonly diagnostics: readonly CheckDiagnostic[];
  /** The files read: those given, and the redistrib manifests found beside given feature manifests. */
  readonly files: readonly string[];
}

/**
 * Checks the given manifest and release-list files, and a feature manifest against the redistrib
 * manifest of its version (given, or found beside it).
 * @example checkDataFiles([right(classified)]).diagnostics // [] when every file is valid
 */
export function checkDataFiles(files: readonly ClassifiedFile[], options: CheckFilesOptions = {}): CheckFilesResult {
  const diagnostics: CheckDiagnostic[] = [];
  const all = withCompanions(files);
  const data: DescribedFile[] = [];
  all.forEach((classified, i) => {
    options.onFile?.(classified.path, i, all.length);
    const read = readDefinitionFile(classified.path, {
      ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
      ...(classified.name === undefined ? {} : { name: classified.name }),
    });
    if (E.isLeft(read)) {
      diagnostics.push(...read.left);
      return;
    }
    diagnostics.push(...read.right.warnings);
    data.push(describeDataFile(classified, read.right, options.product));
  });
  for (const batch of batches(data)) diagnostics.push(...checkBatch(batch, options.product));
  return { diagnostics: sortDiagnostics(diagnostics), files: all.map((f) => f.name ?? f.path) };
}

/**
 * The files in groups that define no option twice: each file goes to the first group none of whose
 * files defines an option it defines. Real check runs (distinct files) make one group.
 */
function batches(data: readonly DescribedFile[]): DescribedFile[][] {
  const groups: { files: DescribedFile[]; claimed: Set<string> }[] = [];
  for (const d of data) {
    const claims = claimedPaths(d).map((p) => JSON.stringify(p));
    let group = groups.find((g) => claims.every((c) => !g.claimed.has(c)));
    if (group === undefined) groups.push((group = { files: [], claimed: new Set() }));
    group.files.push(d);
    for (const c of claims) group.claimed.add(c);
  }
  return groups.map((g) => g.files);
}

/** The diagnostics of one group of files, evaluated together. */
function checkBatch(data: readonly DescribedFile[], productOverride: string | undefined): CheckDiagnostic[] {
  const mounts: MountedFile[] = data.map((d) => ({ index: d.loaded.index, prefix: [...d.mount] }));
  const locate = mountedLocator(mounts);
  const modules = [cudaModules, ...data.map(dataModuleOf)];
  const roots = data.flatMap(claimedPaths);
  return [...check({ modules }, { locate, roots }), ...furtherChecks(data, locate, productOverride)].map((d) => locatedInFiles(d, mounts));
}

/**
 * A diagnostic of a path some file defines, at that file's nearest position to it when the engine
 * named no file (an option of a submodule value without definitions): a file that parses never
 * gets a diagnostic without a line.
 */
function locatedInFiles(diagnostic: CheckDiagnostic, mounts: readonly MountedFile[]): CheckDiagnostic {
  if (diagnostic.locations.some((l) => l.line !== undefined)) return diagnostic;
  const mount = mounts.find((m) => m.prefix.every((name, i) => diagnostic.path[i] === name) && diagnostic.path.length >= m.prefix.length);
  if (mount === undefined) return diagnostic;
  return { ...diagnostic, locations: [mount.index.locate(diagnostic.path.slice(mount.prefix.length)), ...diagnostic.locations.filter((l) => l.file !== mount.index.file)] };
}

/**
 * The given files, each once (a file named twice is checked once), and, for each feature manifest,
 * the redistrib manifest beside it if not given.
 */
function withCompanions(files: readonly ClassifiedFile[]): ClassifiedFile[] {
  const given = new Set<string>();
  const out = files.filter((f) => !given.has(path.resolve(f.path)) && given.add(path.resolve(f.path)));
  for (const f of files) {
    if (f.kind !== "feature" || f.version === null) continue;
    const companion = path.join(path.dirname(f.path), path.basename(f.path).replace(/^feature_/i, "redistrib_"));
    if (!given.has(path.resolve(companion)) && existsSync(companion)) {
      given.add(path.resolve(companion));
      out.push({ path: companion, kind: "redistrib", version: f.version, product: f.product });
    }
  }
  return out;
}

/**
 * The checks beyond the option types, on the keys of the files' data, so that they run even where
 * the option types found errors: platform names, hash and size fields, paths and URLs the builders
 * would refuse, CUDA variants, what each file says of itself, and each feature manifest against its
 * redistrib manifest.
 */
function furtherChecks(data: readonly DescribedFile[], locate: Locator, productOverride: string | undefined): CheckDiagnostic[] {
  const errors: ModuleError[] = [];
  const warnings: ModuleError[] = [];
  const pairs = new Map<string, { redistrib?: DescribedFile; feature?: DescribedFile }>();
  for (const d of data) {
    const { file, data: content } = d.loaded;
    if (d.classified.kind === "feature") errors.push(...checkFeaturePlatformNames(content, d.mount, file));
    if (d.classified.kind === "releases") errors.push(...checkReleaseEntries(content, file));
    if (d.classified.kind === "redistrib") {
      errors.push(...checkRedistribPlatformNames(content, d.mount, file), ...checkArchiveFields(content, d.mount, file), ...checkManifestPaths(content, d.mount, file));
      for (const f of [...checkVariants(content, d.mount, file), ...checkFileIdentity(d, productOverride)]) (f.severity === "error" ? errors : warnings).push(f.error);
    }
    // A feature manifest is cross-checked with the redistrib manifest of its version where both
    // are a known product's modules-era pair (`<product>.manifests.<version>`).
    if (d.classified.kind !== "releases" && manifestProducts.includes(d.product) && d.mount[0] === d.product && isAttrs(content)) {
      const key = `${d.product}\u0000${d.version}`;
      pairs.set(key, { ...pairs.get(key), [d.classified.kind]: d });
    }
  }
  for (const { redistrib, feature } of pairs.values()) {
    if (redistrib === undefined || feature === undefined) continue;
    const keys = { product: redistrib.product, version: redistrib.version, redistrib: redistrib.loaded.data as Record<string, unknown>, feature: feature.loaded.data as Record<string, unknown> };
    errors.push(...crossCheckManifests(keys, { redistrib: redistrib.loaded.file, feature: feature.loaded.file }));
  }
  return [
    ...errors.map((e) => diagnosticOf(e, locate)),
    ...warnings.map((e): CheckDiagnostic => ({ ...diagnosticOf(e, locate), severity: "warning" })),
  ];
}

