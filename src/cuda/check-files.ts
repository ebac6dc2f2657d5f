/**
 * Checking manifest and release-list files, as a pull request adds or edits them: every file is
 * read with positions, evaluated with the CUDA modules, and walked for every error; then the
 * checks beyond the option types (platform names, a feature manifest against its redistrib
 * manifest). Every problem of every file is a diagnostic; none stops the others.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { either as E } from "fp-ts";
import { cudaModules } from "../../modules/index.js";
import {
  check,
  diagnosticOf,
  sortDiagnostics,
  type Diagnostic,
  type ErrorKind,
  type InternalErrorKind,
  type Locator,
} from "../lib/index.js";
import { mountedLocator, readDefinitionFile, type LoadedFile, type LoadErrorKind, type MountedFile } from "../load/index.js";
import { checkArchiveFields } from "./archive-fields.js";
import { crossCheckManifests } from "./cross-check.js";
import { manifestDataModule, newerManifestDataModule, releasesDataModule } from "./evaluate.js";
import { checkManifestPlatforms } from "./platform-names.js";

/** What a data file holds. */
export type DataFileKind = "redistrib" | "feature" | "releases";

/** Every kind a diagnostic of {@link checkDataFiles} may have. */
export type CheckErrorKind = ErrorKind | InternalErrorKind | LoadErrorKind;

/** A diagnostic of {@link checkDataFiles}. */
export type CheckDiagnostic = Diagnostic<CheckErrorKind>;

/** The products whose directories name them (`modules/cutensor/manifests/…`). */
const products = ["cuda", "cudnn", "cusparselt", "cutensor", "tensorrt"] as const;

/** A file to check, with what its name (or `--kind`) says it is. */
export interface ClassifiedFile {
  readonly path: string;
  readonly kind: DataFileKind;
  /** The version its name gives (`redistrib_12.2.2.json`); null for a release list or another name. */
  readonly version: string | null;
  /** The product a directory of its path names, or null. */
  readonly product: string | null;
}

/**
 * What `filePath` holds, from its name (`redistrib_<version>`, `feature_<version>`, a name with
 * `releases`) or from `kind`; a message saying what to do when neither tells.
 * @example classifyDataFile("modules/cuda/manifests/redistrib_12.2.2.json") // right({ kind: "redistrib", version: "12.2.2", product: "cuda", … })
 */
export function classifyDataFile(filePath: string, kind?: DataFileKind): E.Either<string, ClassifiedFile> {
  const base = path.basename(filePath);
  const manifest = /^(redistrib|feature)_(.+)\.(?:json|ya?ml)$/i.exec(base);
  const nameKind: DataFileKind | null = manifest ? (manifest[1]!.toLowerCase() as DataFileKind) : /releases/i.test(base) ? "releases" : null;
  const chosen = kind ?? nameKind;
  if (chosen === null) {
    return E.left(`cannot tell what ${filePath} holds from its name: name it redistrib_<version>.json, feature_<version>.json or releases.json, or pass --kind redistrib|feature|releases.`);
  }
  const segments = path.resolve(filePath).split(path.sep).slice(0, -1).reverse();
  const product = segments.find((s): s is (typeof products)[number] => (products as readonly string[]).includes(s)) ?? null;
  return E.right({ path: filePath, kind: chosen, version: manifest?.[2] ?? null, product });
}

/** The options of {@link checkDataFiles}. */
export interface CheckFilesOptions {
  /** Files larger than this many bytes are refused. */
  readonly maxFileBytes?: number;
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

interface LoadedData {
  readonly classified: ClassifiedFile;
  readonly loaded: LoadedFile;
  readonly product: string;
  readonly version: string;
  readonly newer: boolean;
}

/**
 * Checks the given manifest and release-list files together, and a feature manifest against the
 * redistrib manifest of its version (given, or found beside it).
 * @example checkDataFiles([right(classified)]).diagnostics // [] when every file is valid
 */
export function checkDataFiles(files: readonly ClassifiedFile[], options: CheckFilesOptions = {}): CheckFilesResult {
  const diagnostics: CheckDiagnostic[] = [];
  const all = withCompanions(files);
  const data: LoadedData[] = [];
  all.forEach((classified, i) => {
    options.onFile?.(classified.path, i, all.length);
    const read = readDefinitionFile(classified.path, options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes });
    if (E.isLeft(read)) {
      diagnostics.push(...read.left);
      return;
    }
    diagnostics.push(...read.right.warnings);
    data.push(describe(classified, read.right));
  });

  const mounts: MountedFile[] = data.map((d) => ({ index: d.loaded.index, prefix: mountOf(d) }));
  const locate = mountedLocator(mounts);
  const modules = [cudaModules, ...data.map(dataModule)];
  const roots = data.flatMap((d) => (d.classified.kind === "releases" ? releaseRoots(d.loaded.data) : [mountOf(d)]));
  const engine = check({ modules }, { locate, roots });
  diagnostics.push(...engine);
  diagnostics.push(...furtherChecks(data, locate));
  return { diagnostics: sortDiagnostics(diagnostics), files: all.map((f) => f.path) };
}

/** The given files and, for each feature manifest, the redistrib manifest beside it if not given. */
function withCompanions(files: readonly ClassifiedFile[]): ClassifiedFile[] {
  const given = new Set(files.map((f) => path.resolve(f.path)));
  const out = [...files];
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

function describe(classified: ClassifiedFile, loaded: LoadedFile): LoadedData {
  const record = typeof loaded.data === "object" && loaded.data !== null ? (loaded.data as Record<string, unknown>) : {};
  const label = typeof record["release_label"] === "string" ? record["release_label"] : null;
  const declaredProduct = typeof record["release_product"] === "string" ? record["release_product"] : null;
  const version = classified.version ?? label ?? path.basename(classified.path).replace(/\.[^.]*$/, "");
  const product = classified.product ?? declaredProduct ?? "cuda";
  const newer = classified.kind === "redistrib" && Object.values(record).some((p) => typeof p === "object" && p !== null && Object.hasOwn(p, "cuda_variant"));
  return { classified, loaded, product, version, newer };
}

/** The option path a file's data defines. */
function mountOf(d: LoadedData): string[] {
  if (d.classified.kind === "releases") return [];
  return d.newer ? ["newer", "manifests", d.product, d.version] : [d.product, "manifests", d.version, d.classified.kind];
}

/** The option paths a release-list file defines: `<product>.releases` for each product it names. */
function releaseRoots(data: unknown): string[][] {
  if (typeof data !== "object" || data === null) return [[]];
  return Object.keys(data).map((product) => [product]);
}

function dataModule(d: LoadedData): object {
  const { file, data } = d.loaded;
  if (d.classified.kind === "releases") return releasesDataModule({ file, data });
  const manifest = { product: d.product, kind: d.classified.kind, version: d.version, file, data };
  return d.newer ? newerManifestDataModule(manifest) : manifestDataModule(manifest);
}

/**
 * The checks beyond the option types, on the keys of the files' data, so that they run even where
 * the option types found errors: platform names, hash and size fields, and each feature manifest
 * against its redistrib manifest.
 */
function furtherChecks(data: readonly LoadedData[], locate: Locator): CheckDiagnostic[] {
  const pairs = new Map<string, { redistrib?: LoadedData; feature?: LoadedData }>();
  for (const d of data) {
    if (d.classified.kind === "releases" || d.newer || !isRecord(d.loaded.data)) continue;
    const key = `${d.product}\u0000${d.version}`;
    pairs.set(key, { ...pairs.get(key), [d.classified.kind]: d });
  }
  const errors = [...pairs.values()].flatMap(({ redistrib, feature }) => {
    const some = (redistrib ?? feature)!;
    const keys = {
      product: some.product,
      version: some.version,
      redistrib: redistrib ? (redistrib.loaded.data as Record<string, unknown>) : {},
      feature: feature ? (feature.loaded.data as Record<string, unknown>) : null,
    };
    const files = { ...(redistrib ? { redistrib: redistrib.loaded.file } : {}), ...(feature ? { feature: feature.loaded.file } : {}) };
    return [
      ...checkManifestPlatforms(keys, files),
      ...(redistrib && feature ? crossCheckManifests(keys, { redistrib: redistrib.loaded.file, feature: feature.loaded.file }) : []),
    ];
  });
  const fields = data
    .filter((d) => d.classified.kind === "redistrib")
    .flatMap((d) => checkArchiveFields(d.loaded.data, mountOf(d), d.loaded.file));
  return [...errors, ...fields].map((e) => diagnosticOf(e, locate));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
