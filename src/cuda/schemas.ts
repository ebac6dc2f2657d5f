/**
 * The JSON Schemas of the CUDA data files, generated from the modules' declarations: a redistrib
 * manifest, a feature manifest, and a release list. They are checked in under `schemas/`
 * (`scripts/write-schemas.ts` writes them; a test fails when they are stale).
 */
import { featureManifestType } from "../../modules/generic/manifests/feature/manifest.js";
import { redistribManifestType } from "../../modules/generic/manifests/redistrib/manifest.js";
import { isOption, optionsJsonSchema, type JsonSchema } from "../lib/index.js";
import { evaluateCuda } from "./evaluate.js";

/** The file names of the checked-in schemas, under `schemas/`. */
export const cudaSchemaFiles = {
  redistribManifest: "redistrib-manifest.schema.json",
  featureManifest: "feature-manifest.schema.json",
  releaseList: "release-list.schema.json",
} as const;

/**
 * The schema of a release list file (`{ <product>: { releases: … } }`): every product that
 * declares `releases`, none required, since a file holds one product.
 */
function releaseListSchema(): JsonSchema {
  const options = evaluateCuda({}).options;
  const products: Record<string, unknown> = {};
  for (const product of Object.keys(options).sort()) {
    const set = options[product];
    if (product === "generic" || typeof set !== "object" || set === null || isOption(set)) continue;
    const releases = (set as Record<string, unknown>)["releases"];
    if (isOption(releases)) products[product] = { releases };
  }
  const { required: _required, ...schema } = optionsJsonSchema(products, {
    title: "Release list (cuDNN, TensorRT, …), as modules/<product>/releases.json",
  });
  return schema;
}

/**
 * The schemas of the CUDA data files, by file name (see {@link cudaSchemaFiles}).
 * @example cudaSchemas()["redistrib-manifest.schema.json"].properties?.["release_date"]
 */
export function cudaSchemas(): Record<string, JsonSchema> {
  return {
    [cudaSchemaFiles.redistribManifest]: optionsJsonSchema(redistribManifestType, {
      title: "NVIDIA redistrib manifest, as modules/<product>/manifests/redistrib_<version>.json",
    }),
    [cudaSchemaFiles.featureManifest]: optionsJsonSchema(featureManifestType, {
      title: "Feature manifest, as modules/<product>/manifests/feature_<version>.json",
    }),
    [cudaSchemaFiles.releaseList]: releaseListSchema(),
  };
}
