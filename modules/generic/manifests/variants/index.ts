/**
 * NVIDIA's newer manifest format (spec section 10), declared rather than waved through: a package
 * may list `cuda_variant` (the CUDA majors it is built for) and nest its archives one level deeper
 * per variant (`linux-x86_64.cuda12.{relative_path, …}`); `source` and `linux-all` are
 * pseudo-platforms. The archive itself is the modules-era archive.
 */
import { lib } from "../../../../src/lib/index.js";
import { redistribManifestOptions } from "../redistrib/manifest.js";
import { redistribPackageType } from "../redistrib/package.js";
import { redistribReleaseOptions } from "../redistrib/release.js";

const { mkOption, types } = lib;

const isArchive = (v: unknown) => typeof v === "object" && v !== null && "relative_path" in v;
const isVariantSet = (v: unknown) =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => /^cuda[0-9]+$/.test(k));

/** A platform's entry: one archive, or one archive per CUDA variant (`cuda12`, `cuda13`, …). */
export const variantPlatformType = types.either(
  types.addCheck(redistribPackageType, isArchive),
  types.addCheck(types.attrsOf(redistribPackageType), isVariantSet),
);

/** A package of the newer format: the modules-era fields, `cuda_variant`, and platform entries. */
export const variantReleaseType = types.submodule({
  freeformType: types.attrsOf(variantPlatformType),
  options: {
    ...redistribReleaseOptions,
    cuda_variant: mkOption({
      type: types.nullOr(types.listOf(types.str)),
      default: null,
      description: "The CUDA major versions the package is built for; each platform then holds one archive per `cuda<major>`.",
    }),
  },
});

/** A manifest of the newer format. */
export const variantManifestType = types.submodule({
  freeformType: types.attrsOf(variantReleaseType),
  options: redistribManifestOptions,
});

/** The module declaring `newer.manifests.<product>.<version>`. */
export const newerManifestsModule = {
  _file: "modules/generic/manifests/variants/index.ts",
  options: {
    newer: {
      manifests: mkOption({
        type: types.attrsOf(types.attrsOf(variantManifestType)),
        default: {},
        description: "NVIDIA's manifests of the newer format (with CUDA variants), by product and version.",
      }),
    },
  },
};
