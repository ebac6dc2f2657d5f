/**
 * A locator over definition files mounted at option paths: a file whose data defines
 * `cuda.manifests."12.2.2".redistrib` answers for option paths under that prefix, with the rest of
 * the path looked up in the file's data.
 */
import type { Locator, SourceLocation } from "../lib/index.js";
import type { SourceIndex } from "./source-index.js";

/** A file's position index and the option path its data defines. */
export interface MountedFile {
  readonly index: SourceIndex;
  readonly prefix: readonly string[];
}

/**
 * The locator of `files`: for a definition made in one of them, the position of the value at the
 * option path; for other files, nothing.
 * @example mountedLocator([{ index, prefix: ["cuda", "manifests", "12.2.2", "redistrib"] }])
 */
export function mountedLocator(files: readonly MountedFile[]): Locator {
  const byFile = new Map(files.map((f) => [f.index.file, f]));
  return (file, optionPath): SourceLocation | undefined => {
    const mounted = byFile.get(file);
    if (mounted === undefined) return undefined;
    const { prefix } = mounted;
    // A path outside the file's data (the other file of a cross-check) has no position in it.
    const inside = prefix.every((name, i) => optionPath[i] === name);
    return inside ? mounted.index.locate(optionPath.slice(prefix.length)) : { file };
  };
}

/**
 * The files of `files` whose data defines something at or under the option path `names` (the
 * files that make a value which has no definition record of its own, inside a submodule).
 * @example mountedFilesUnder(mounts, ["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart"]) // ["…/redistrib_12.2.2.json"]
 */
export function mountedFilesUnder(files: readonly MountedFile[], names: readonly string[]): string[] {
  return files.filter((f) => f.prefix.every((name, i) => names[i] === name)).map((f) => f.index.file);
}
