/** One platform's archive in a feature manifest (Nixpkgs' `manifests/feature/package.nix`). */
import { lib } from "../../../../src/lib/index.js";
import { featureOutputsType } from "./outputs.js";

const { mkOption, types } = lib;

/** The type of an archive's features: the outputs it can fill. */
export const featurePackageType = types.submodule({
  _file: "modules/generic/manifests/feature/package.ts",
  options: {
    outputs: mkOption({ type: featureOutputsType, description: "The outputs the archive can fill." }),
  },
});
