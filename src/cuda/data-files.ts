/**
 * What a data file is and where its content goes: its kind from its name (or `--kind`), its
 * product from `--product`, its `release_product` or a folder of its path, its version from its
 * name or `release_label`, and the option path its content defines, which the modules decide
 * (`manifestOptionPath`): a known product's own option, or the generic product's.
 */
import path from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { manifestOptionPath } from "../../modules/option-paths.js";
import { setAttrByPath, isAttrs } from "../lib/index.js";
import type { LoadedFile } from "../load/index.js";
import { productOfPath } from "./products.js";

export { manifestOptionPath };

/** What a data file holds. */
export type DataFileKind = "redistrib" | "feature" | "releases";

/** A file to check, with what its name (or `--kind`) says it is. */
export interface ClassifiedFile {
  readonly path: string;
  readonly kind: DataFileKind;
  /** The version its name gives (`redistrib_12.2.2.json`); null for a release list or another name. */
  readonly version: string | null;
  /** The known product the nearest folder of its path names, or null. */
  readonly product: string | null;
  /** The name its diagnostics give it, when not its path (`<stdin>` for standard input). */
  readonly name?: string;
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
  return E.right({ path: filePath, kind: chosen, version: manifest?.[2] ?? null, product: productOfPath(filePath) });
}

/** A data file read, with its product, version and the option path its content defines. */
export interface DescribedFile {
  readonly classified: ClassifiedFile;
  readonly loaded: LoadedFile;
  readonly product: string;
  readonly version: string;
  /** The option path the file's content defines; empty for a release list, whose content is a module's config. */
  readonly mount: readonly string[];
}


/**
 * The file's `release_product` and `release_label`, where they are strings.
 * @example releaseFields({ release_product: "nvpl", release_label: "26.5" }) // { product: "nvpl", label: "26.5" }
 */
export function releaseFields(data: unknown): { readonly product: string | null; readonly label: string | null } {
  const record = isAttrs(data) ? data : {};
  const product = record["release_product"];
  const label = record["release_label"];
  return { product: typeof product === "string" ? product : null, label: typeof label === "string" ? label : null };
}

/**
 * The product, version and option path of a file read. The product is `productOverride`
 * (`--product`), else the file's `release_product`, else the known product a folder of its path
 * names, else `cuda` (the oldest CUDA manifests name no product and sit in no product's folder).
 * @example describeDataFile(classified, loaded).mount // ["newer", "manifests", "nvpl", "26.5"]
 */
export function describeDataFile(classified: ClassifiedFile, loaded: LoadedFile, productOverride?: string): DescribedFile {
  const fields = releaseFields(loaded.data);
  const version = classified.version ?? fields.label ?? path.basename(classified.path).replace(/\.[^.]*$/, "");
  const product = productOverride ?? fields.product ?? classified.product ?? "cuda";
  const mount = classified.kind === "releases" ? [] : manifestOptionPath(product, classified.kind, version, loaded.data);
  return { classified, loaded, product, version, mount };
}

/** The module that defines a described file's content at its option path. */
export function dataModuleOf(d: DescribedFile): object {
  const { file, data } = d.loaded;
  return { _file: file, config: d.classified.kind === "releases" ? data : setAttrByPath(d.mount, data) };
}

/** The option paths a file's content defines: its mount, or `<product>` for each product a release list names. */
export function claimedPaths(d: DescribedFile): string[][] {
  if (d.classified.kind !== "releases") return [[...d.mount]];
  return isAttrs(d.loaded.data) ? Object.keys(d.loaded.data).map((product) => [product]) : [[]];
}
