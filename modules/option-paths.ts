/**
 * Where a data file's content is defined in the CUDA modules' options: a product with a module of
 * its own keeps its modules-era manifests there (`cuda.manifests."12.2.2".redistrib`), and every
 * other manifest, of any product and either format, goes to the generic product
 * (`newer.manifests.nvpl."26.5"`), as Nixpkgs' generic redistrib module is reused for every product.
 * A product's name is only ever a key below these options: `release_product: "generic"` is the
 * product `generic`, never the option set of that name.
 */
import { platformEntryLayout, variantKeyPattern } from "./generic/manifests/variants/index.js";

/** The products whose modules declare `<product>.manifests` (modules-era manifests, by version). */
export const manifestProducts: readonly string[] = ["cuda", "cusparselt", "cutensor"];

/** The products whose modules declare `<product>.releases` (release lists turned into manifests by shims). */
export const releaseListProducts: readonly string[] = ["cudnn", "tensorrt"];

/** The products with modules, shims or builders of their own. */
export const productsWithModules: readonly string[] = [...manifestProducts, ...releaseListProducts].sort();

/**
 * Whether `test` holds for a value of one of `value`'s own enumerable data properties (the keys the
 * engine reads): a getter (a definition computed from the configuration) is not run to decide
 * where data goes, and says nothing of variants. No list of values is made: a manifest is scanned
 * package by package until one answers.
 */
function someDataValue(value: unknown, test: (entry: unknown) => boolean): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const key of Object.keys(value)) {
    if (Object.getOwnPropertyDescriptor(value, key)?.get !== undefined) continue;
    if (test((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/**
 * Whether a redistrib manifest is of the current format: a package lists `cuda_variant`, or a
 * platform entry nests archives per variant.
 * @example hasCudaVariants({ cudnn: { cuda_variant: ["12"], "linux-x86_64": { cuda12: {} } } }) // true
 */
export function hasCudaVariants(data: unknown): boolean {
  return someDataValue(data, (pkg) => {
    if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg)) return false;
    if (Object.hasOwn(pkg, "cuda_variant")) return true;
    return someDataValue(pkg, (entry) => {
      const layout = platformEntryLayout(entry);
      return (layout === "variants" || layout === "mixed") && Object.keys(entry as object).some((k) => variantKeyPattern.test(k));
    });
  });
}

/**
 * The option path that a manifest of `product` at `version` defines.
 * @example manifestOptionPath("cuda", "redistrib", "12.2.2", data) // ["cuda", "manifests", "12.2.2", "redistrib"]
 * @example manifestOptionPath("nvpl", "redistrib", "26.5", data) // ["newer", "manifests", "nvpl", "26.5"]
 */
export function manifestOptionPath(product: string, kind: "redistrib" | "feature", version: string, data: unknown): string[] {
  const ownModule = manifestProducts.includes(product);
  if (kind === "feature") return ownModule ? [product, "manifests", version, "feature"] : ["newer", "features", product, version];
  return ownModule && !hasCudaVariants(data) ? [product, "manifests", version, "redistrib"] : ["newer", "manifests", product, version];
}
