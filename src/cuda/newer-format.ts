/**
 * Manifests of the generic product (any product, either format), checked by their declared option
 * (`newer.manifests`) and then normalised into the modules-era shape for one CUDA version, as
 * Nixpkgs' `_cuda` release resolution (`buildRedist`'s `getSupportedReleases`) does: `source` alone
 * if there is one, else `linux-all` alone, else every platform, replaced by the archive of the most
 * specific variant the CUDA version wants when the package lists `cuda_variant`.
 */
import * as E from "fp-ts/lib/Either.js";
import { codecOf, deepForce, ModuleError, type Evaluation, type OptionType } from "../lib/index.js";
import { decodeWith, failure, type Manifest, type RedistribManifest } from "./manifest.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";

type Json = Record<string, unknown>;


/**
 * The variant keys a CUDA version looks for, most specific first, as Nixpkgs' `_mkCudaVariants`
 * makes them: the whole version, its major.minor, its major.
 * @example desiredVariants("13.1.1") // ["cuda13.1.1", "cuda13.1", "cuda13"]
 * @example desiredVariants("12") // ["cuda12"]
 */
export function desiredVariants(cudaVersion: string): string[] {
  const parts = cudaVersion.split(".");
  const candidates = [parts.join("."), parts.slice(0, 2).join("."), parts[0]!].map((v) => `cuda${v}`);
  return [...new Set(candidates)];
}

/**
 * One package resolved for a CUDA version (Nixpkgs' `getSupportedReleases`): `cuda_variant`
 * dropped; `source` alone if there is one, else `linux-all` alone, else every platform, each
 * replaced by its first wanted variant's archive. A platform without a wanted variant is left out
 * when the package lists `cuda_variant` (so a flat archive beside variants is never used) and kept
 * as it is otherwise.
 */
function resolvePackage(pkg: Json, wanted: readonly string[]): Json {
  const out: Json = {};
  for (const key of ["name", "license", "license_path", "version"]) out[key] = pkg[key];
  const platforms = Object.keys(pkg).filter((k) => !packageKeys.has(k));
  const chosen = platforms.includes("source") ? ["source"] : platforms.includes("linux-all") ? ["linux-all"] : platforms;
  const hasVariants = Array.isArray(pkg["cuda_variant"]);
  for (const platform of chosen) {
    const entry = pkg[platform] as Json;
    const variant = wanted.find((key) => Object.prototype.hasOwnProperty.call(entry, key));
    if (variant !== undefined) out[platform] = entry[variant];
    else if (!hasVariants) out[platform] = entry;
  }
  return out;
}

/**
 * A manifest of either format in the modules-era shape for CUDA `cudaVersion` (a major, `12`, or a
 * whole version, `13.1.1`): every package keeps its fields and, per platform, the archive of the
 * most specific variant that version wants ({@link desiredVariants}).
 * @example normaliseVariants(manifest, "12")["cudnn"]["linux-x86_64"].relative_path
 */
export function normaliseVariants(manifest: Json, cudaVersion: string): RedistribManifest {
  const wanted = desiredVariants(cudaVersion);
  const out: Json = {};
  for (const [key, value] of Object.entries(manifest)) {
    out[key] = releaseKeys.has(key) ? value : resolvePackage(value as Json, wanted);
  }
  return out as RedistribManifest;
}

/**
 * The checked manifest of the generic product `product` at `version` (`newer.manifests`),
 * normalised for CUDA `cudaVersion` (a major or a whole version); or the errors met (checked
 * against the option's type, then against its codec).
 */
export function checkNewerManifest(
  evaluation: Evaluation,
  product: string,
  version: string,
  cudaVersion: string,
): E.Either<ModuleError[], Manifest> {
  const path = ["newer", "manifests", product, version];
  let value: unknown;
  let type: OptionType;
  try {
    const byProduct = ((evaluation.config["newer"] as Json)["manifests"] as Record<string, Json>)[product];
    if (byProduct === undefined || !Object.prototype.hasOwnProperty.call(byProduct, version)) {
      return E.left([new ModuleError({ kind: "NoDefinition", path, message: `No ${product} manifest of version ${version} (newer format) was given.` })]);
    }
    value = deepForce(byProduct[version]);
    const option = ((evaluation.options["newer"] as Json)["manifests"] as { type: OptionType }).type;
    type = option.nestedTypes["elemType"]!.nestedTypes["elemType"]!;
  } catch (e) {
    return E.left(failure(e));
  }
  const errors = decodeWith(codecOf(type), value, path);
  if (errors.length > 0) return E.left(errors);
  return E.right({
    product,
    version,
    redistrib: normaliseVariants(value as Json, cudaVersion),
    feature: null,
    cudaVariant: `cuda${cudaVersion}`,
  } as Manifest);
}
