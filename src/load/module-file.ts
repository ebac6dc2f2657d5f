/**
 * Module files given by a user: JSON and YAML definition files become modules whose config is the
 * file's data (with positions for diagnostics); TypeScript and JavaScript files are imported, and
 * their default export (a module, a module function, or a list of them) carries the file's path.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { setDefaultModuleLocation } from "../lib/index.js";
import { readDefinitionFile, syntaxOf, type ReadOptions } from "./definition-file.js";
import { fileError, type LoadDiagnostic } from "./load-diagnostic.js";
import type { SourceIndex } from "./source-index.js";

/** A module file loaded: its modules, and for a definition file where its values stand. */
export interface LoadedModuleFile {
  readonly file: string;
  readonly modules: readonly unknown[];
  /** The position index of a JSON or YAML definition file (its data is defined at the root). */
  readonly index?: SourceIndex;
  readonly warnings: readonly LoadDiagnostic[];
}

const scriptExtensions = new Set([".ts", ".mts", ".js", ".mjs"]);

/**
 * Loads the module file at `filePath`: a definition file (`.json`, `.yaml`, `.yml`) or a module
 * (`.ts`, `.mts`, `.js`, `.mjs`, default export). TypeScript needs the `tsx` package (an optional
 * peer dependency), which is registered on first use; without it, a `.ts` file is a `ReadError`
 * that names it.
 * @example await loadModuleFile("my-overrides.yaml")
 */
export async function loadModuleFile(filePath: string, options: ReadOptions = {}): Promise<E.Either<LoadDiagnostic[], LoadedModuleFile>> {
  const file = options.name ?? filePath;
  const extension = path.extname(filePath).toLowerCase();
  if (!scriptExtensions.has(extension)) {
    const read = readDefinitionFile(filePath, { ...options, syntax: options.syntax ?? syntaxOf(filePath) });
    return E.map((loaded: { data: unknown; index: SourceIndex; warnings: readonly LoadDiagnostic[] }) => ({
      file,
      modules: [{ _file: file, config: loaded.data }],
      index: loaded.index,
      warnings: loaded.warnings,
    }))(read);
  }
  try {
    if (extension === ".ts" || extension === ".mts") await registerTypeScript();
    const imported = (await import(pathToFileURL(path.resolve(filePath)).href)) as { default?: unknown };
    if (!("default" in imported)) {
      return E.left([fileError("ReadError", { file }, `${file} has no default export: export the module (or a list of modules) as default.`)]);
    }
    const exported = imported.default;
    const modules = (Array.isArray(exported) ? exported : [exported]).map((m) => setDefaultModuleLocation(file, m));
    return E.right({ file, modules, warnings: [] });
  } catch (e) {
    const reason = e instanceof MissingTypeScriptLoader ? e.message : `Cannot load the module ${file}: ${(e as Error).message}`;
    return E.left([fileError("ReadError", { file }, e instanceof MissingTypeScriptLoader ? `${file}: ${reason}` : reason)]);
  }
}

let typeScriptRegistered = false;

/** Why a TypeScript module cannot be loaded: tsx, an optional peer dependency, is not installed. */
class MissingTypeScriptLoader extends Error {}

/**
 * Makes `import` of TypeScript files work, through tsx's loader (once per process). tsx is an
 * optional peer dependency (it brings esbuild): only those who load TypeScript module files need it.
 */
async function registerTypeScript(): Promise<void> {
  if (typeScriptRegistered) return;
  let api: { register: () => unknown };
  try {
    api = (await import("tsx/esm/api")) as { register: () => unknown };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw e;
    throw new MissingTypeScriptLoader(
      "TypeScript module files are loaded with the tsx package, which is not installed: install it beside cuda-modules (npm install --save-dev tsx), or give the module as a .js or .mjs file.",
    );
  }
  api.register();
  typeScriptRegistered = true;
}
