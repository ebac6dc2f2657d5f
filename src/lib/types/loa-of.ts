/** `loaOf`, the deprecated name that once took a list or a set: now `attrsOf` under its old name. */
import { attrsOf } from "./attrs.js";
import { overrideType, type OptionType } from "./type.js";

/**
 * `attrsOf(elemType)` named `loaOf`, with Nixpkgs' deprecation message; lists are no longer taken.
 * @deprecated Use `types.attrsOf`; see https://github.com/NixOS/nixpkgs/issues/1800.
 * @example loaOf(types.str).description // "attribute set of string"
 */
export function loaOf<V>(elemType: OptionType<V>): OptionType<Record<string, V>> {
  return overrideType(attrsOf(elemType), {
    name: "loaOf",
    deprecationMessage:
      "Mixing lists with attribute values is no longer possible; please use `types.attrsOf` instead. " +
      "See https://github.com/NixOS/nixpkgs/issues/1800 for the motivation.",
    nestedTypes: { elemType: elemType as OptionType },
  });
}
