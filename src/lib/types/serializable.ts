/**
 * Types of values a data format can hold (Nixpkgs' `serializableValueWith`, `json`, `toml`):
 * booleans, numbers, strings, paths, and sets and lists of such values, nested to any depth.
 */
import { attrsOf } from "./attrs.js";
import { bool, float, int } from "./basic.js";
import { nullOr, oneOf } from "./combinators.js";
import { listOf } from "./lists.js";
import { path } from "./path.js";
import { str } from "./strings.js";
import { overrideType, type OptionType } from "./type.js";

/** The parameters of {@link serializableValueWith}. */
export interface SerializableValueSpec {
  /** The format's name, as the description shows it ("JSON" gives "JSON value"). */
  typeName: string;
  /** Whether `null` is a value of the format. @default true */
  nullable?: boolean;
}

/**
 * A value of a data format named `typeName`: a boolean, an integer, a float, a string, a path, or
 * a set or list of such values (and `null` where `nullable`). Sets and lists are checked element
 * by element, as `attrsOf` and `listOf` of the type itself.
 * @example serializableValueWith({ typeName: "YAML" }).description // "YAML value"
 */
export function serializableValueWith(spec: SerializableValueSpec): OptionType {
  const nullable = spec.nullable ?? true;
  // The type contains itself (its sets and lists hold its values). Nix ties the knot lazily; here
  // the sets and lists are built over an object that becomes the type once it is made. They read
  // only its `getSubModules` while being built: a data value has no submodules.
  const valueType = { getSubModules: null } as unknown as OptionType;
  const baseType = oneOf([bool, int, float, str, path, attrsOf(valueType), listOf(valueType)]);
  const made = overrideType(nullable ? nullOr(baseType) : baseType, { description: `${spec.typeName} value` });
  Object.defineProperties(valueType, Object.getOwnPropertyDescriptors(made));
  return valueType;
}

/** A JSON value: `null`, a boolean, a number, a string, a path, or a set or list of JSON values. */
export const json: OptionType = serializableValueWith({ typeName: "JSON" });

/** A TOML value: as {@link json}, without `null`, which TOML cannot hold. */
export const toml: OptionType = serializableValueWith({ typeName: "TOML", nullable: false });
