/**
 * One package of a redistrib manifest (Nixpkgs' `manifests/redistrib/release.nix`): its name,
 * licence and version, and, as free-form attributes, one archive per platform.
 */
import { lib } from "../../../../src/lib/index.js";
import { redistribPackageType } from "./package.js";

const { mkOption, types } = lib;

/** The declared options of a package; every other attribute is a platform's archive. */
export const redistribReleaseOptions = {
  name: mkOption({ type: types.str, description: "The full name of the package." }),
  license: mkOption({ type: types.str, description: "The name of the package's licence." }),
  license_path: mkOption({
    type: types.nullOr(types.str),
    default: null,
    description: "The path of the licence file, relative to the product's redist directory.",
  }),
  version: mkOption({ type: types.str, description: "The version of the package." }),
};

/** The type of a package entry. */
export const redistribReleaseType = types.submodule({
  _file: "modules/generic/manifests/redistrib/release.ts",
  freeformType: types.attrsOf(redistribPackageType),
  options: redistribReleaseOptions,
});
