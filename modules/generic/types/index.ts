/**
 * `generic.types`: a registry of string types that other modules read from `config` to build their
 * options (Nixpkgs' `modules/generic/types`). Each is a `strMatching` whose name and description
 * are replaced, as Nixpkgs does with `//`.
 */
import { lib, renamedType, type OptionType } from "../../../src/lib/index.js";

const { mkOption, types } = lib;

/** A `strMatching` type under another name and description (Nix's `strMatching … // { … }`). */
function named(pattern: string, name: string, description: string): OptionType<string> {
  return renamedType(types.strMatching(pattern), { name, description });
}

/** The registry's types, by name. */
export const genericTypes = {
  cudaArch: named("^sm_[[:digit:]]+[a-z]?$", "cudaArch", "A CUDA architecture name."),
  libSoName: named(".*\\.so(\\.[[:digit:]]+)*$", "libSoName", "The name of a shared object file."),
  majorMinorVersion: named(
    "^([[:digit:]]+)\\.([[:digit:]]+)$",
    "majorMinorVersion",
    "A version number with a major and minor component.",
  ),
  majorMinorPatchVersion: named(
    "^([[:digit:]]+)\\.([[:digit:]]+)\\.([[:digit:]]+)$",
    "majorMinorPatchVersion",
    "A version number with a major, minor, and patch component.",
  ),
  majorMinorPatchBuildVersion: named(
    "^([[:digit:]]+)\\.([[:digit:]]+)\\.([[:digit:]]+)\\.([[:digit:]]+)$",
    "majorMinorPatchBuildVersion",
    "A version number with a major, minor, patch, and build component.",
  ),
} as const;

/** The module declaring `generic.types` and defining the registry. */
export const genericTypesModule = {
  _file: "modules/generic/types/index.ts",
  options: {
    generic: {
      types: mkOption({
        type: types.attrsOf(types.optionType),
        default: {},
        description: "A set of generic types, for use in the other modules' option declarations.",
      }),
    },
  },
  config: { generic: { types: genericTypes } },
};
