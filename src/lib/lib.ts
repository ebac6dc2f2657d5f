/**
 * The `lib` object: the engine under Nixpkgs' names, as modules receive it and as the package
 * exports it.
 */
import { evalModules } from "./eval-modules.js";
import { setDefaultModuleLocation } from "./module-location.js";
import { applyWithoutValue, mkEnableOption, mkOption, isOption } from "./options.js";
import {
  mkAfter,
  mkBefore,
  mkDefault,
  mkDefinition,
  mkForce,
  mkIf,
  mkImageMediaOverride,
  mkMerge,
  mkOptionDefault,
  mkOrder,
  mkOverride,
  mkVMOverride,
  defaultOrderPriority,
  defaultOverridePriority,
} from "./properties.js";
import { literalExpression, mkPackageOption } from "./package-option.js";
import { mkAliasOptionModule, mkRemovedOptionModule, mkRenamedOptionModule } from "./rename.js";
import { showOption } from "./show.js";
import { types } from "./types/catalogue.js";
import { mkOptionType } from "./types/type.js";

/**
 * The module-system library with the names and argument order of Nixpkgs `lib`.
 * @example
 * const { config } = lib.evalModules({ modules: [{ options: { a: lib.mkOption({ type: lib.types.int }) } }, { a: 1 }] });
 */
export const lib = {
  evalModules,
  mkOption,
  mkEnableOption,
  mkPackageOption,
  literalExpression,
  isOption,
  applyWithoutValue,
  mkOptionType,
  mkIf,
  mkMerge,
  mkOverride,
  mkDefault,
  mkForce,
  mkOptionDefault,
  mkImageMediaOverride,
  mkVMOverride,
  mkOrder,
  mkBefore,
  mkAfter,
  mkDefinition,
  defaultOverridePriority,
  defaultOrderPriority,
  mkAliasOptionModule,
  mkRenamedOptionModule,
  mkRemovedOptionModule,
  setDefaultModuleLocation,
  showOption,
  types,
};

/** The type of {@link lib}. */
export type Lib = typeof lib;
