/**
 * Evaluation of the CUDA modules with data: every manifest and release list becomes an ordinary
 * module whose definitions carry its file name, evaluated with the modules and any extra modules
 * a caller passes.
 */
import { cudaModules } from "../../modules/index.js";
import { manifestOptionPath } from "../../modules/option-paths.js";
import { lib, setAttrByPath, type Evaluation } from "../lib/index.js";

/** A manifest file's content, with what its name says. */
export interface ManifestData {
  readonly product: string;
  readonly kind: "redistrib" | "feature";
  readonly version: string;
  readonly file: string;
  readonly data: unknown;
}

/** A release list file's content (`{ <product>: { releases: … } }`, as Nixpkgs writes it). */
export interface ReleasesData {
  readonly file: string;
  readonly data: unknown;
}

/**
 * The module that defines one manifest where the modules put it (`manifestOptionPath`): a known
 * product's modules-era manifest at `<product>.manifests."<version>".<kind>`, any other at the
 * generic product's option.
 */
export function manifestDataModule(manifest: ManifestData): object {
  return {
    _file: manifest.file,
    config: setAttrByPath(manifestOptionPath(manifest.product, manifest.kind, manifest.version, manifest.data), manifest.data),
  };
}

/** The module that defines a redistrib manifest as the generic product's, whatever its format: `newer.manifests.<product>."<version>"`. */
export function newerManifestDataModule(manifest: ManifestData): object {
  return { _file: manifest.file, config: setAttrByPath(["newer", "manifests", manifest.product, manifest.version], manifest.data) };
}

/** The module that defines a release list: the file's content is the module's config. */
export function releasesDataModule(releases: ReleasesData): object {
  return { _file: releases.file, config: releases.data };
}

/** What to evaluate: data files and further modules. */
export interface CudaEvaluationInput {
  /** Manifests, each defined where the modules put it (`manifestOptionPath`). */
  readonly manifests?: readonly ManifestData[];
  /** Redistrib manifests defined as the generic product's (`newer.manifests`), whatever their format. */
  readonly newerManifests?: readonly ManifestData[];
  readonly releases?: readonly ReleasesData[];
  readonly modules?: readonly unknown[];
}

/**
 * Evaluates the CUDA modules with the given data and modules. Nothing is read until the
 * configuration is: a bad file fails only the options it defines.
 * @example evaluateCuda({ manifests: [{ product: "cuda", kind: "redistrib", version: "12.2.2", file, data }] })
 */
export function evaluateCuda(input: CudaEvaluationInput): Evaluation {
  return lib.evalModules({
    modules: [
      cudaModules,
      ...(input.manifests ?? []).map(manifestDataModule),
      ...(input.newerManifests ?? []).map(newerManifestDataModule),
      ...(input.releases ?? []).map(releasesDataModule),
      ...(input.modules ?? []),
    ],
  });
}
