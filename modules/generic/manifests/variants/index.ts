/**
 * The generic product: any product's redistrib manifest in NVIDIA's current format, declared rather
 * than waved through, as Nixpkgs' `_cuda/manifests` loads every `<product>/redistrib_<version>.json`
 * alike (spec section 10). A package may list `cuda_variant` (the CUDA releases it is built for:
 * a major, `"12"`, or a major.minor, `"13.1"`) and nest its archives one level deeper per variant
 * (`linux-x86_64.cuda12.{relative_path, …}`, `linux-sbsa."cuda13.1"`); a package without it has the
 * modules-era shape. `source` and `linux-all` are pseudo-platforms. The archive itself is the
 * modules-era archive.
 */
import { lib, isAttrs } from "../../../../src/lib/index.js";
import { featureManifestType } from "../feature/manifest.js";
import { redistribManifestOptions } from "../redistrib/manifest.js";
import { redistribPackageOptions, redistribPackageType } from "../redistrib/package.js";
import { redistribReleaseOptions } from "../redistrib/release.js";

const { mkOption, types } = lib;

/**
 * The key of a CUDA variant inside a platform entry: `cuda` and the variant as `cuda_variant` lists
 * it, a major (`cuda12`), a major.minor (`cuda13.1`) or, as Nixpkgs also looks for, a whole
 * version (`cuda13.1.1`).
 * @example variantKeyPattern.test("cuda13.1") // true
 */
export const variantKeyPattern = /^cuda([0-9]+(?:\.[0-9]+){0,2})$/;

/** The fields of one archive (`relative_path`, `sha256`, `md5`, `size`). */
export const archiveFields: ReadonlySet<string> = new Set(Object.keys(redistribPackageOptions));

const hasArchiveField = (v: Record<string, unknown>) => Object.keys(v).some((k) => archiveFields.has(k));
const hasVariantKey = (v: Record<string, unknown>) => Object.keys(v).some((k) => variantKeyPattern.test(k));

/**
 * How a platform's entry is laid out: one archive (`flat`), one archive per variant (`variants`),
 * or, as NVIDIA once published (cuDNN 9.27.0, `cudnn.windows-arm64`), both in one object (`mixed`).
 * Every set is exactly one of them, so each is checked by the type that fits it.
 * @example platformEntryLayout({ cuda12: { relative_path: "…" } }) // "variants"
 */
export function platformEntryLayout(entry: unknown): "flat" | "variants" | "mixed" | null {
  if (!isAttrs(entry)) return null;
  if (!hasArchiveField(entry)) return "variants";
  return hasVariantKey(entry) ? "mixed" : "flat";
}

/**
 * A platform's entry: one archive; one archive per CUDA variant (keys checked against the
 * package's `cuda_variant` by `check`); or an archive and variants side by side, which Nixpkgs
 * builds from the variant's archive (`check` warns about it).
 */
export const variantPlatformType = types.oneOf([
  types.addCheck(redistribPackageType, (v) => platformEntryLayout(v) === "flat"),
  types.addCheck(types.attrsOf(redistribPackageType), (v) => platformEntryLayout(v) === "variants"),
  types.addCheck(
    types.submodule({ _file: "modules/generic/manifests/variants/index.ts", freeformType: types.attrsOf(redistribPackageType), options: redistribPackageOptions }),
    (v) => platformEntryLayout(v) === "mixed",
  ),
]);

/** A package of the current format: the modules-era fields, `cuda_variant`, and platform entries. */
export const variantReleaseType = types.submodule({
  _file: "modules/generic/manifests/variants/index.ts",
  freeformType: types.attrsOf(variantPlatformType),
  options: {
    ...redistribReleaseOptions,
    cuda_variant: mkOption({
      type: types.nullOr(types.listOf(types.str)),
      default: null,
      description:
        "The CUDA releases the package is built for, each a major (`12`) or a major.minor (`13.1`); each platform then holds one archive per `cuda<variant>`.",
    }),
  },
});

/** A manifest of any product, in either format. */
export const variantManifestType = types.submodule({
  _file: "modules/generic/manifests/variants/index.ts",
  freeformType: types.attrsOf(variantReleaseType),
  options: redistribManifestOptions,
});

/**
 * The module declaring the generic product: `newer.manifests.<product>.<version>` holds any
 * product's redistrib manifest (the products with modules of their own keep their modules-era
 * manifests under `<product>.manifests`), and `newer.features.<product>.<version>` a feature
 * manifest of a product without such a module.
 */
export const newerManifestsModule = {
  _file: "modules/generic/manifests/variants/index.ts",
  options: {
    newer: {
      manifests: mkOption({
        type: types.attrsOf(types.attrsOf(variantManifestType)),
        default: {},
        description:
          "Redistrib manifests by product and version: every product's manifests with CUDA variants, and the manifests of products without a module of their own.",
      }),
      features: mkOption({
        type: types.attrsOf(types.attrsOf(featureManifestType)),
        default: {},
        description: "Feature manifests by product and version, for the products without a module of their own.",
      }),
    },
  },
};
