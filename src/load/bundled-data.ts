/**
 * The data files bundled with the CUDA modules (under `modules/`): every manifest and release
 * list, named by their path relative to the project root, as definitions report them.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readJsonFile, type DataFile } from "./data-file.js";

/**
 * The project root (the folder that holds `package.json` and `modules/`): the nearest such folder
 * above this file, so that the sources (`src/load`) and the built files (`dist/src/load`) agree.
 */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "modules"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "../..");
  }
}

/** A manifest file's kind and version, from its name (`redistrib_12.2.2.json`). */
export interface ManifestFileName {
  readonly kind: "redistrib" | "feature";
  readonly version: string;
}

/** The kind and version a manifest file's name gives, or null for another name. */
export function parseManifestFileName(fileName: string): ManifestFileName | null {
  const match = /^(redistrib|feature)_([0-9][0-9.]*[0-9])\.json$/.exec(fileName);
  return match ? { kind: match[1] as "redistrib" | "feature", version: match[2]! } : null;
}

/** A bundled manifest: its product, kind, version and content. */
export interface BundledManifest extends ManifestFileName, DataFile {
  readonly product: string;
}

/** Every bundled manifest of the modules era (`modules/<product>/manifests/*.json`), sorted by file. */
export function bundledManifests(): BundledManifest[] {
  const out: BundledManifest[] = [];
  for (const product of ["cuda", "cusparselt", "cutensor"]) {
    const dir = path.join(projectRoot, "modules", product, "manifests");
    for (const name of readdirSync(dir).sort()) {
      const parsed = parseManifestFileName(name);
      if (parsed === null) continue;
      const relative = `modules/${product}/manifests/${name}`;
      out.push({ product, ...parsed, ...readJsonFile(path.join(projectRoot, relative), relative) });
    }
  }
  return out;
}

/** A bundled release list: its product and content. */
export interface BundledReleases extends DataFile {
  readonly product: string;
}

/** The bundled release lists (`modules/cudnn/releases.json`, `modules/tensorrt/releases.json`). */
export function bundledReleaseLists(): BundledReleases[] {
  return ["cudnn", "tensorrt"].map((product) => {
    const relative = `modules/${product}/releases.json`;
    return { product, ...readJsonFile(path.join(projectRoot, relative), relative) };
  });
}

/** Every bundled manifest of the newer format (`modules/newer/<product>/redistrib_*.json`), sorted by file. */
export function bundledNewerManifests(): BundledManifest[] {
  const out: BundledManifest[] = [];
  const root = path.join(projectRoot, "modules", "newer");
  for (const product of readdirSync(root).sort()) {
    const dir = path.join(root, product);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      const parsed = parseManifestFileName(name);
      if (parsed === null) continue;
      const relative = `modules/newer/${product}/${name}`;
      out.push({ product, ...parsed, ...readJsonFile(path.join(projectRoot, relative), relative) });
    }
  }
  return out;
}
