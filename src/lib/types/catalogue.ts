/** The type catalogue, as `lib.types`: every type under its Nixpkgs name. */
import { anything, bool, boolByOr, float, int, ints, port, raw, unspecified } from "./basic.js";
import { attrListOf, attrListWith } from "./attr-list.js";
import { attrTag } from "./attr-tag.js";
import { attrs, attrsOf, attrsWith, lazyAttrsOf } from "./attrs.js";
import { addCheck } from "./check.js";
import { coercedTo, either, enumOf, functionTo, nullOr, oneOf, uniq, unique } from "./combinators.js";
import { listOf, nonEmptyListOf } from "./lists.js";
import { loaOf } from "./loa-of.js";
import { number, numbers } from "./numbers.js";
import { optionDeclaration } from "./option-declaration.js";
import { externalPath, path, pathInStore, pathWith } from "./path.js";
import { registerNamedTypes } from "./registry.js";
import { json, serializableValueWith, toml } from "./serializable.js";
import { commas, envVar, lines, nonEmptyStr, passwdEntry, separatedString, singleLineStr, str, strMatching } from "./strings.js";
import { deferredModule, deferredModuleWith, optionType, submodule, submoduleWith } from "./submodule.js";
import { isOptionType, mkOptionType } from "./type.js";

/**
 * The option types, named as in Nixpkgs' `lib.types`.
 * @example mkOption({ type: types.attrsOf(types.listOf(types.str)) })
 */
export const types = {
  raw,
  anything,
  unspecified,
  bool,
  boolByOr,
  int,
  ints,
  port,
  float,
  number,
  numbers,
  str,
  nonEmptyStr,
  singleLineStr,
  strMatching,
  separatedString,
  lines,
  commas,
  envVar,
  passwdEntry,
  path,
  pathInStore,
  externalPath,
  pathWith,
  attrs,
  attrsOf,
  lazyAttrsOf,
  attrsWith,
  loaOf,
  attrListOf,
  attrListWith,
  attrTag,
  listOf,
  nonEmptyListOf,
  nullOr,
  either,
  oneOf,
  coercedTo,
  addCheck,
  uniq,
  unique,
  functionTo,
  enum: enumOf,
  submodule,
  submoduleWith,
  deferredModule,
  deferredModuleWith,
  optionType,
  optionDeclaration,
  serializableValueWith,
  json,
  toml,
  mkOptionType,
  isOptionType,
};

registerNamedTypes(types);
