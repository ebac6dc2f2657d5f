/**
 * Manifests of the newer format, checked by their declared option (`newer.manifests`) and then
 * normalised into the modules-era shape for one CUDA major, as Nixpkgs' `_cuda` release resolution
 * does: `source` alone if there is one, else `linux-all` alone, else every platform (that has the
 * wanted variant, replaced by that variant's archive, when the package lists `cuda_variant`).
 */
import { either as E } from "fp-ts";
import { codecOf, deepForce, ModuleError, type Evaluation, type OptionType } from "../lib/index.js";
import { decodeWith, failure, type Manifest, type RedistribManifest } from "./manifest.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";

type Json = Record<string, unknown>;


/** One package resolved for `variant`: `cuda_variant` dropped, platforms chosen as Nixpkgs chooses them. */
function resolvePackage(pkg: Json, variant: string): Json {
  const out: Json = {};
  for (const key of ["name", "license", "license_path", "version"]) out[key] = pkg[key];
  const platforms = Object.keys(pkg).filter((k) => !packageKeys.has(k));
  const chosen = platforms.includes("source") ? ["source"] : platforms.includes("linux-all") ? ["linux-all"] : platforms;
  const hasVariants = Array.isArray(pkg["cuda_variant"]);
  for (const platform of chosen) {
    const entry = pkg[platform] as Json;
    if (!hasVariants || "relative_path" in entry) {
      out[platform] = entry;
    } else if (Object.prototype.hasOwnProperty.call(entry, variant)) {
      out[platform] = entry[variant];
    }
  }
  return out;
}

/**
 * A manifest of the newer format in the modules-era shape for CUDA major `cudaMajor`: every
 * package keeps its fields and, per platform, the archive for that major.
 * @example normaliseVariants(manifest, "12")["cudnn"]["linux-x86_64"].relative_path
 */
export function normaliseVariants(manifest: Json, cudaMajor: string): RedistribManifest {
  const variant = `cuda${cudaMajor}`;
  const out: Json = {};
  for (const [key, value] of Object.entries(manifest)) {
    out[key] = releaseKeys.has(key) ? value : resolvePackage(value as Json, variant);
  }
  return out as RedistribManifest;
}

/**
 * The checked manifest of the newer format of `product` at `version`, normalised for CUDA major
 * `cudaMajor`; or the errors met (checked against the option's type, then against its codec).
 */
export function checkNewerManifest(
  evaluation: Evaluation,
  product: string,
  version: string,
  cudaMajor: string,
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
    redistrib: normaliseVariants(value as Json, cudaMajor),
    feature: null,
    cudaVariant: `cuda${cudaMajor}`,
  } as Manifest);
}
