/** `generic.manifests`: the options of a pair of manifests, which the products reuse. */
import { lib } from "../../../src/lib/index.js";
import { featureManifestType } from "./feature/manifest.js";
import { redistribManifestType } from "./redistrib/manifest.js";

const { mkOption } = lib;

/** The module declaring `generic.manifests.{feature,redistrib}`. */
export const genericManifestsModule = {
  _file: "modules/generic/manifests/index.ts",
  options: {
    generic: {
      manifests: {
        feature: mkOption({
          type: featureManifestType,
          description: "A feature manifest: for each package and platform, the outputs its archive can fill.",
        }),
        redistrib: mkOption({
          type: redistribManifestType,
          description: "A redistrib manifest, as NVIDIA publishes it.",
        }),
      },
    },
  },
};
