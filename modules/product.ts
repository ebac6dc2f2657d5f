/**
 * The products' options. Nixpkgs' product modules reuse the option declared under `generic` (an
 * evaluated option is a declaration too) and evaluate one manifest at a time; here one evaluation
 * holds every manifest of a product, keyed by version (`cuda.manifests."12.2.2".redistrib`), each
 * version a submodule whose `redistrib` reuses `generic.manifests.redistrib`.
 */
import { lib } from "../src/lib/index.js";
import { featureManifestType } from "./generic/manifests/feature/manifest.js";

const { mkOption, types } = lib;

/** The module arguments the module reads. */
export interface Args {
  readonly options: Readonly<Record<string, unknown>>;
}

function genericOption(options: Args["options"], ...path: string[]): unknown {
  let current: unknown = options["generic"];
  for (const name of path) current = (current as Record<string, unknown>)[name];
  return current;
}

/**
 * The module declaring `<product>.manifests.<version>.{redistrib,feature}`; a version may lack its
 * feature manifest (null), as some real versions do.
 * @example manifestsModule("cuda")
 */
export function manifestsModule(product: string) {
  return ({ options }: Args) => {
    const version = types.submodule({
      _file: `modules/${product}/index.ts`,
      options: {
        get redistrib() {
          return genericOption(options, "manifests", "redistrib");
        },
        feature: mkOption({
          type: types.nullOr(featureManifestType),
          default: null,
          description: "The feature manifest of this version, or null where there is none.",
        }),
      },
    });
    return {
      _file: `modules/${product}/index.ts`,
      options: {
        [product]: {
          manifests: mkOption({
            type: types.attrsOf(version),
            default: {},
            description: `The ${product} manifests, by version: the redistrib manifest and, where there is one, the feature manifest.`,
          }),
        },
      },
    };
  };
}

/**
 * The module declaring `<product>.releases` as the same option as `generic.releases`.
 * @example releasesModule("cudnn")
 */
export function releasesModule(product: string) {
  return ({ options }: Args) => ({
    _file: `modules/${product}/index.ts`,
    options: {
      [product]: {
        get releases() {
          return genericOption(options, "releases");
        },
      },
    },
  });
}
