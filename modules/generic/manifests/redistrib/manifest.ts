/**
 * A redistrib manifest (Nixpkgs' `manifests/redistrib/manifest.nix`): the release's date, label and
 * product, and, as free-form attributes, one entry per package.
 */
import { lib } from "../../../../src/lib/index.js";
import { redistribReleaseType } from "./release.js";

const { mkOption, types } = lib;

/** The declared options of a manifest; every other attribute is a package. */
export const redistribManifestOptions = {
  release_date: mkOption({
    type: types.nullOr(types.str),
    default: null,
    description: "The release date of the manifest.",
  }),
  release_label: mkOption({
    type: types.nullOr(types.str),
    default: null,
    description: "The release label of the manifest.",
  }),
  release_product: mkOption({
    type: types.nullOr(types.str),
    default: null,
    description: "The product the manifest is for.",
  }),
};

/** The type of a redistrib manifest. */
export const redistribManifestType = types.submodule({
  _file: "modules/generic/manifests/redistrib/manifest.ts",
  freeformType: types.attrsOf(redistribReleaseType),
  options: redistribManifestOptions,
});
