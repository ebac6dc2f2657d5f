/**
 * `Manifest` and `ReleaseList`: the checked values of the CUDA modules. Their codecs are derived
 * from the modules' option types, and their TypeScript types are branded, so that only a value
 * that went through the module system and the codecs can be passed where one is expected.
 */
import * as E from "fp-ts/lib/Either.js";
import { featureManifestType } from "../../modules/generic/manifests/feature/manifest.js";
import { featureOutputsType } from "../../modules/generic/manifests/feature/outputs.js";
import { redistribManifestType } from "../../modules/generic/manifests/redistrib/manifest.js";
import { redistribPackageType } from "../../modules/generic/manifests/redistrib/package.js";
import { redistribReleaseType } from "../../modules/generic/manifests/redistrib/release.js";
import type { Release } from "./select-releases.js";
import { codecOf, deepForce, ModuleError, showOption, type Codec, type Evaluation, type OptionType, type ValueOf } from "../lib/index.js";

/** One platform's archive: where to download it and how to check it. */
export type RedistribArchive = ValueOf<typeof redistribPackageType>;

/** One package of a redistrib manifest; every key other than the four declared is a platform. */
export type RedistribPackage = ValueOf<typeof redistribReleaseType>;

/** A redistrib manifest; every key other than the three `release_*` is a package. */
export type RedistribManifest = ValueOf<typeof redistribManifestType>;

/** Which outputs an archive can fill. */
export type FeatureOutputs = ValueOf<typeof featureOutputsType>;

/** A feature manifest: package → platform → outputs. */
export type FeatureManifest = ValueOf<typeof featureManifestType>;

declare const checkedBrand: unique symbol;
/** A value that has been through the module system and its codec. */
export type Checked<T> = T & { readonly [checkedBrand]: true };

/** The manifests of one version of one product, checked. */
export type Manifest = Checked<{
  readonly product: string;
  readonly version: string;
  readonly redistrib: RedistribManifest;
  readonly feature: FeatureManifest | null;
  /** The CUDA variant (`cuda12`) a manifest of the newer format was normalised for; null otherwise. */
  readonly cudaVariant: string | null;
}>;

/** A product's release list, by platform, checked. */
export type ReleaseList = Checked<{
  readonly product: string;
  readonly releases: Readonly<Record<string, readonly Release[]>>;
}>;

/** The codec of a redistrib manifest, derived from its option type. */
export const RedistribManifestCodec: Codec = codecOf(redistribManifestType);
/** The codec of a feature manifest, derived from its option type. */
export const FeatureManifestCodec: Codec = codecOf(featureManifestType);

/** The codec of a product's release list, derived from its declared option (`<product>.releases`). */
function releaseListCodec(evaluation: Evaluation, product: string): Codec {
  const option = (evaluation.options[product] as Record<string, { type: OptionType }>)["releases"]!;
  return codecOf(option.type);
}

/** The errors of `value` against `codec`, at `path` below the configuration. */
export function decodeWith(codec: Codec, value: unknown, path: readonly string[]): ModuleError[] {
  const result = codec.decode(value);
  if (E.isRight(result)) return [];
  return result.left.map((error) => {
    const at = [...path, ...error.context.map((c) => c.key).filter((k) => k !== "")];
    return new ModuleError({
      kind: "TypeMismatch",
      path: at,
      message:
        `The value at \`${showOption(at)}' is not what the modules declare (${error.message ?? `expected ${error.context.at(-1)?.type.name}`}). ` +
        "Correct the value in the manifest or release list that defines it.",
    });
  });
}

/** The engine error `e` as a list, anything else rethrown. */
export function failure(e: unknown): ModuleError[] {
  if (e instanceof ModuleError) return [e];
  throw e;
}

/**
 * The checked manifests of `product` at `version` in an evaluation; the errors of the first
 * problem met otherwise (the module system stops at the first, as Nixpkgs does).
 */
export function checkManifest(evaluation: Evaluation, product: string, version: string): E.Either<ModuleError[], Manifest> {
  const path = [product, "manifests", version];
  let value: { redistrib: unknown; feature: unknown };
  try {
    const products = evaluation.config[product] as Record<string, Record<string, unknown>> | undefined;
    const entry = products?.["manifests"]?.[version];
    if (entry === undefined) {
      return E.left([new ModuleError({ kind: "NoDefinition", path, message: `No ${product} manifest of version ${version} was given.` })]);
    }
    value = deepForce(entry) as { redistrib: unknown; feature: unknown };
  } catch (e) {
    return E.left(failure(e));
  }
  const errors = [
    ...decodeWith(RedistribManifestCodec, value.redistrib, [...path, "redistrib"]),
    ...(value.feature === null ? [] : decodeWith(FeatureManifestCodec, value.feature, [...path, "feature"])),
  ];
  if (errors.length > 0) return E.left(errors);
  return E.right({
    product,
    version,
    redistrib: value.redistrib as RedistribManifest,
    feature: value.feature as FeatureManifest | null,
    cudaVariant: null,
  } as Manifest);
}

/** The checked release list of `product` in an evaluation, or the errors met. */
export function checkReleaseList(evaluation: Evaluation, product: string): E.Either<ModuleError[], ReleaseList> {
  const path = [product, "releases"];
  let releases: unknown;
  try {
    releases = deepForce((evaluation.config[product] as Record<string, unknown>)["releases"]);
  } catch (e) {
    return E.left(failure(e));
  }
  const errors = decodeWith(releaseListCodec(evaluation, product), releases, path);
  if (errors.length > 0) return E.left(errors);
  return E.right({ product, releases: releases as ReleaseList["releases"] } as ReleaseList);
}

export type { Release };
