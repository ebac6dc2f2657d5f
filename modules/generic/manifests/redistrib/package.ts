/** One platform's archive in a redistrib manifest (Nixpkgs' `manifests/redistrib/package.nix`). */
import { lib } from "../../../../src/lib/index.js";

const { mkOption, types } = lib;

/** The options of an archive entry: where to download it and how to check it. */
export const redistribPackageOptions = {
  relative_path: mkOption({
    type: types.str,
    description: "The path of the archive, relative to the product's redist directory on NVIDIA's download server.",
  }),
  sha256: mkOption({ type: types.str, description: "The SHA-256 hash of the archive, in hexadecimal." }),
  md5: mkOption({ type: types.str, description: "The MD5 hash of the archive, in hexadecimal." }),
  size: mkOption({ type: types.str, description: "The size of the archive in bytes, written as a string of digits." }),
};

/** The type of an archive entry. */
export const redistribPackageType = types.submodule({ _file: "modules/generic/manifests/redistrib/package.ts", options: redistribPackageOptions });
