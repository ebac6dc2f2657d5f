/**
 * The `lib` object: the engine under Nixpkgs' names, as modules receive it and as the package
 * exports it.
 */
import { evalModules } from "./eval-modules.js";
import { gvariant } from "./gvariant.js";
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
  mapDefinitionValue,
} from "./properties.js";
import { mergeAttrDefinitionsWithPrio } from "./merge-attr-definitions.js";
import { literalExpression, mkPackageOption } from "./package-option.js";
import { doRename, mkAliasOptionModule, mkRemovedOptionModule, mkRenamedOptionModule } from "./rename.js";
import { showOption } from "./show.js";
import { types } from "./types/catalogue.js";
import { mkOptionType } from "./types/type.js";
import { warn, warnIf, warnIfNot } from "./warnings.js";

/** Nixpkgs' `lib.modules`: the functions of lib/modules.nix that this library has, some found only there. */
const modules = {
  evalModules,
  setDefaultModuleLocation,
  mkIf,
  mkMerge,
  mkOverride,
  mkOptionDefault,
  mkDefault,
  mkImageMediaOverride,
  mkForce,
  mkVMOverride,
  mkOrder,
  mkBefore,
  mkAfter,
  mkDefinition,
  defaultOverridePriority,
  defaultOrderPriority,
  mapDefinitionValue,
  mergeAttrDefinitionsWithPrio,
  doRename,
  mkAliasOptionModule,
  mkRenamedOptionModule,
  mkRemovedOptionModule,
};

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
  doRename,
  mkAliasOptionModule,
  mkRenamedOptionModule,
  mkRemovedOptionModule,
  setDefaultModuleLocation,
  showOption,
  warn,
  warnIf,
  warnIfNot,
  types,
  modules,
  gvariant,
};

/** The type of {@link lib}. */
export type Lib = typeof lib;
