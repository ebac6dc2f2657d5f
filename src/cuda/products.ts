/**
 * The products the project knows, and what a file's path says of its product. Any product's
 * manifest is checked (as the generic product); knowing a product only lets a check notice that a
 * name is one edit away from a known one (`cudaa`), or that a file sits in another product's folder.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { productsWithModules } from "../../modules/option-paths.js";
import { levenshtein } from "../lib/index.js";
import { projectRoot } from "../load/index.js";

let known: readonly string[] | undefined;

/**
 * The known products: those with modules of their own, and every product whose manifests are
 * bundled (`modules/newer/<product>/`, laid out as Nixpkgs' `_cuda/manifests/<product>/`), so that
 * a product bundled next month is known without another edit.
 * @example knownProducts().includes("nvpl") // true
 */
export function knownProducts(): readonly string[] {
  if (known === undefined) {
    const bundled = path.join(projectRoot, "modules", "newer");
    let names: string[] = [];
    try {
      names = readdirSync(bundled).filter((name) => statSync(path.join(bundled, name)).isDirectory());
    } catch {
      names = [];
    }
    known = [...new Set([...productsWithModules, ...names])].sort();
  }
  return known;
}

/**
 * The product the nearest folder of `filePath` names, among the known products; null if none does.
 * @example productOfPath("pkgs/_cuda/manifests/nvpl/redistrib_26.5.json") // "nvpl"
 * @example productOfPath("modules/cuda/manifests/redistrib_12.2.2.json") // "cuda"
 */
export function productOfPath(filePath: string): string | null {
  const folders = path.resolve(filePath).split(path.sep).slice(0, -1).reverse();
  return folders.find((folder) => knownProducts().includes(folder)) ?? null;
}

/**
 * The known product one edit away from `name` (a misspelling, probably), or undefined when `name`
 * is known or no known product is that close.
 * @example productOneEditAway("cudaa") // "cuda"
 */
export function productOneEditAway(name: string): string | undefined {
  if (knownProducts().includes(name)) return undefined;
  return knownProducts().find((product) => levenshtein(name, product) === 1);
}
