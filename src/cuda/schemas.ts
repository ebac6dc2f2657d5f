/**
 * The JSON Schemas of the CUDA data files: a redistrib manifest (of either format, its structure
 * from the platform list and variant keys, its descriptions from the declarations), a feature
 * manifest and a release list (generated from the declarations). They are checked in under `schemas/`
 * (`scripts/write-schemas.ts` writes them; a test fails when they are stale).
 */
import { featureManifestType } from "../../modules/generic/manifests/feature/manifest.js";
import { redistribManifestOptions } from "../../modules/generic/manifests/redistrib/manifest.js";
import { redistribPackageOptions } from "../../modules/generic/manifests/redistrib/package.js";
import { redistribReleaseOptions } from "../../modules/generic/manifests/redistrib/release.js";
import { variantKeyPattern } from "../../modules/generic/manifests/variants/index.js";
import { isOption, optionsJsonSchema, type JsonSchema } from "../lib/index.js";
import { evaluateCuda } from "./evaluate.js";
import { redistSystems } from "./platforms.js";

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

/** A schema's `$id`: a URN, since the schemas are files of the package, not pages of a site. */
function schemaId(file: string): string {
  return `urn:cuda-modules:schema:${file}`;
}

/** An option's description, from its declaration. */
function describedBy(option: unknown): { description?: string } {
  const description = (option as { description?: unknown }).description;
  return typeof description === "string" ? { description } : {};
}

/** A string, or null (an option `nullOr str` with default null). */
function nullableString(option: unknown): JsonSchema {
  return { ...describedBy(option), anyOf: [{ type: "null" }, { type: "string" }], default: null } as JsonSchema;
}

/**
 * The schema of a redistrib manifest of either format, refusing what `check` refuses where JSON
 * Schema can say it: a package's keys are its declared fields and the known platforms (so a
 * misspelt field or platform is refused, and an editor completes the platform names); a platform
 * holds one archive, one archive per CUDA variant (`cuda12`, `cuda13.1`), or both; an archive has
 * its four fields, `sha256` of 64 hexadecimal digits, `md5` of 32, `size` in decimal digits. What
 * it cannot say (variant keys against `cuda_variant`, `release_label` against the file name, paths
 * that leave the redist folder) `check` says.
 */
function redistribManifestSchema(): JsonSchema {
  const field = (name: keyof typeof redistribPackageOptions, extra: Record<string, unknown> = {}) => ({ ...describedBy(redistribPackageOptions[name]), type: "string", ...extra });
  const archiveProperties = {
    relative_path: field("relative_path"),
    sha256: field("sha256", { pattern: "^[0-9a-fA-F]{64}$" }),
    md5: field("md5", { pattern: "^[0-9a-fA-F]{32}$" }),
    size: field("size", { pattern: "^[0-9]{1,16}$" }),
  };
  const variantKey = variantKeyPattern.source;
  const platforms = Object.fromEntries(
    redistSystems.map((platform) => [platform, { description: `The archive for ${platform}, or one per CUDA variant.`, $ref: "#/definitions/platform" }]),
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: schemaId(cudaSchemaFiles.redistribManifest),
    title: "NVIDIA redistrib manifest (either format), as <product>/redistrib_<version>.json",
    type: "object",
    properties: {
      release_date: nullableString(redistribManifestOptions.release_date),
      release_label: nullableString(redistribManifestOptions.release_label),
      release_product: nullableString(redistribManifestOptions.release_product),
    },
    additionalProperties: { $ref: "#/definitions/package" },
    definitions: {
      package: {
        description: "A package: its name, licence and version, and its archives by platform.",
        type: "object",
        properties: {
          name: { ...describedBy(redistribReleaseOptions.name), type: "string" },
          license: { ...describedBy(redistribReleaseOptions.license), type: "string" },
          license_path: nullableString(redistribReleaseOptions.license_path),
          version: { ...describedBy(redistribReleaseOptions.version), type: "string" },
          cuda_variant: {
            description: "The CUDA releases the package is built for, each a major (12) or a major.minor (13.1); each platform then holds one archive per cuda<variant>.",
            type: "array",
            items: { type: "string", pattern: "^[0-9]+(\\.[0-9]+){0,2}$" },
          },
          ...platforms,
        },
        required: ["name", "license", "version"],
        additionalProperties: false,
      },
      platform: {
        anyOf: [{ $ref: "#/definitions/archive" }, { $ref: "#/definitions/variants" }, { $ref: "#/definitions/archiveAndVariants" }],
      },
      archive: {
        description: "One archive: where to download it and how to check it.",
        type: "object",
        properties: archiveProperties,
        required: ["relative_path", "sha256", "md5", "size"],
        additionalProperties: false,
      },
      variants: {
        description: "One archive per CUDA variant, keyed cuda<variant> (cuda12, cuda13.1).",
        type: "object",
        propertyNames: { pattern: variantKey },
        additionalProperties: { $ref: "#/definitions/archive" },
      },
      archiveAndVariants: {
        description: "An archive and archives per CUDA variant in one object, as NVIDIA once published (a build uses the variant's; check warns).",
        type: "object",
        properties: archiveProperties,
        required: ["relative_path", "sha256", "md5", "size"],
        patternProperties: { [variantKey]: { $ref: "#/definitions/archive" } },
        additionalProperties: false,
      },
    },
  } as unknown as JsonSchema;
}

/**
 * The schemas of the CUDA data files, by file name (see {@link cudaSchemaFiles}), each with an `$id`.
 * @example cudaSchemas()["redistrib-manifest.schema.json"].properties?.["release_date"]
 */
export function cudaSchemas(): Record<string, JsonSchema> {
  const withId = (file: string, schema: JsonSchema): JsonSchema => {
    const { $schema, ...rest } = schema as JsonSchema & { $schema?: string };
    return { $schema, $id: schemaId(file), ...rest } as JsonSchema;
  };
  return {
    [cudaSchemaFiles.redistribManifest]: redistribManifestSchema(),
    [cudaSchemaFiles.featureManifest]: withId(
      cudaSchemaFiles.featureManifest,
      optionsJsonSchema(featureManifestType, { title: "Feature manifest, as modules/<product>/manifests/feature_<version>.json" }),
    ),
    [cudaSchemaFiles.releaseList]: withId(cudaSchemaFiles.releaseList, releaseListSchema()),
  };
}
