/** Attribute-set types: `attrs` (shallow update), and `attrsOf`/`lazyAttrsOf` (merged key by key). */
import { compareNames, defineCachedLazy, sortNames, defineLazy, hasOwn, isAttrs, isOwnGetter, setOwn, updateAttrs, type Attrs } from "../attrs.js";
import { Lazy, lazyProperty } from "../lazy.js";
import { fastChildValue, fastDefinitionValue, isPlainDataObject, isPlainDefinition, notCovered, withFastMerge } from "../fast-merge.js";
import { mergeDefinitions, type MergedDefinitions } from "../merge-definitions.js";
import type { PendingDefinition } from "../definitions.js";
import { checkDefsForError, descriptionPhrase, mkOptionType, type Definition, type OptionType } from "./type.js";

/** An attribute set of anything, merged by a shallow update (a later key replaces an earlier one). */
export const attrs: OptionType<Attrs> = mkOptionType<Attrs>({
  name: "attrs",
  description: "attribute set",
  check: isAttrs,
  merge: (_loc, defs) => {
    const out: Attrs = {};
    for (const def of defs) updateAttrs(out, def.value as object);
    return out;
  },
  emptyValue: { value: {} },
});

/** The parameters of {@link attrsWith}. */
export interface AttrsWithSpec<V = unknown> {
  elemType: OptionType<V>;
  /** Keep every defined key and evaluate a value only when it is read. */
  lazy?: boolean;
  /** The name of an entry in documentation paths (`<name>`). */
  placeholder?: string;
}

/** The definitions of each key, keys in Nix's order (sorted), values unevaluated. */
function definitionsByKey(defs: readonly Definition[]): Map<string, PendingDefinition[]> {
  const byKey = new Map<string, PendingDefinition[]>();
  for (const def of defs) {
    const value = def.value as Attrs;
    for (const key of Object.keys(value)) {
      let list = byKey.get(key);
      if (list === undefined) byKey.set(key, (list = []));
      list.push({ file: def.file, value: lazyProperty(value, key) });
    }
  }
  return new Map([...byKey.entries()].sort(([a], [b]) => compareNames(a, b)));
}

/**
 * Whether a definition's own property `key` is plain: data, not a getter, not a lazy value, and not
 * a property such as `mkIf` (a set with `_type`), which only the general merge can decide on.
 */
function isPlainEntry(value: Attrs, key: string): boolean {
  if (!hasOwn(value, key) || isOwnGetter(value, key)) return false;
  const entry: unknown = value[key];
  return !(entry instanceof Lazy || (typeof entry === "object" && entry !== null && Object.hasOwn(entry, "_type")));
}

/**
 * `attrsOf` of a single definition: a plain entry is defined (a plain value cannot be `mkIf
 * false`), so its merge is made when the entry is first read, not for every key at once; any other
 * entry takes the general merge at once, as with several definitions. Same values, same errors,
 * same order; memory in proportion to what is read, and a value read is kept without its merge.
 */
function mergeOneDefinition(out: Attrs, loc: readonly string[], elemType: OptionType, def: Definition): Attrs {
  const value = def.value as Attrs;
  for (const key of sortNames(Object.keys(value))) {
    if (isPlainEntry(value, key)) {
      const entry = value[key];
      // Once read, the entry is its value alone: its merge is not kept alive by the set.
      defineCachedLazy(out, key, () => {
        const keyLoc = [...loc, key];
        const fast = fastDefinitionValue(elemType, entry, keyLoc, def.file);
        return fast !== notCovered ? fast : mergeDefinitions(keyLoc, elemType, [{ file: def.file, value: entry }]).mergedValue;
      });
      continue;
    }
    const merged = mergeDefinitions([...loc, key], elemType, [{ file: def.file, value: lazyProperty(value, key) }]);
    if (merged.isDefined) defineLazy(out, key, () => merged.mergedValue);
  }
  return out;
}

/**
 * An attribute set whose values are each of `elemType`, merged key by key. Non-lazy sets evaluate
 * every definition (to leave out keys defined only under `mkIf false`); lazy ones list every key.
 * @example attrsWith({ elemType: types.int, lazy: true })
 */
export function attrsWith<V = unknown>(spec: AttrsWithSpec<V>): OptionType<Record<string, V>> {
  const { elemType } = spec;
  const lazy = spec.lazy ?? false;
  const placeholder = spec.placeholder ?? "name";
  // One type per parameters: a type is a value, and a module function called per value asks for
  // the same one each time (so its fast merge is made once).
  if (typeof elemType !== "object" || elemType === null || typeof lazy !== "boolean" || typeof placeholder !== "string") return makeAttrsWith(elemType, lazy, placeholder);
  let byLaziness = attrsWithTypes.get(elemType);
  if (byLaziness === undefined) attrsWithTypes.set(elemType, (byLaziness = { eager: new Map(), lazy: new Map() }));
  const byPlaceholder = lazy ? byLaziness.lazy : byLaziness.eager;
  let type = byPlaceholder.get(placeholder);
  if (type === undefined) byPlaceholder.set(placeholder, (type = Object.freeze(makeAttrsWith(elemType, lazy, placeholder))));
  return type as OptionType<Record<string, V>>;
}

/** The types {@link attrsWith} made, by element type, laziness and placeholder. */
const attrsWithTypes = new WeakMap<object, { readonly eager: Map<string, OptionType>; readonly lazy: Map<string, OptionType> }>();

function makeAttrsWith<V>(elemType: OptionType<V>, lazy: boolean, placeholder: string): OptionType<Record<string, V>> {
  const check = isAttrs;
  const build = (p: unknown) => attrsWith(p as AttrsWithSpec);
  const type = mkOptionType<Record<string, V>>({
    name: lazy ? "lazyAttrsOf" : "attrsOf",
    get description() {
      return `${lazy ? "lazy attribute set" : "attribute set"} of ${descriptionPhrase((c) => c === "noun" || c === "composite", elemType)}`;
    },
    descriptionClass: "composite",
    check,
    checkedMerge: (loc, defs) => {
      // The merge of each key, shared by the value and `valueMeta` (but for one definition's value,
      // which keeps no merges: see mergeOneDefinition).
      let evals: Map<string, MergedDefinitions> | undefined;
      const byKey = () =>
        (evals ??= new Map(
          [...definitionsByKey(defs)].map(([key, keyDefs]) => [key, mergeDefinitions([...loc, key], elemType, keyDefs)]),
        ));
      return {
        headError: checkDefsForError(check, defs),
        valueMeta: () => {
          const attrs: Attrs = {};
          for (const [key, merged] of byKey()) if (lazy || merged.isDefined) defineLazy(attrs, key, () => merged.valueMeta);
          return { attrs };
        },
        value: () => {
          const out: Attrs = {};
          if (!lazy && defs.length === 1) return mergeOneDefinition(out, loc, elemType, defs[0]!);
          for (const [key, merged] of byKey()) {
            if (lazy) {
              defineLazy(out, key, () => {
                const optional = merged.optionalValue;
                if ("value" in optional) return optional.value;
                if ("value" in elemType.emptyValue) return elemType.emptyValue.value;
                return merged.mergedValue;
              });
            } else if (merged.isDefined) {
              defineLazy(out, key, () => merged.mergedValue);
            }
          }
          return out;
        },
      };
    },
    emptyValue: { value: {} },
    getSubOptions: (prefix) => elemType.getSubOptions([...prefix, `<${placeholder}>`]),
    getSubModules: elemType.getSubModules,
    substSubModules: (m) => {
      const sub = elemType.substSubModules(m);
      return sub === null ? null : attrsWith({ elemType: sub, lazy, placeholder });
    },
    functor: {
      name: "attrsWith",
      payload: { elemType, lazy, placeholder },
      build,
      binOp: (a, b) => {
        const lhs = a as Required<AttrsWithSpec>;
        const rhs = b as Required<AttrsWithSpec>;
        const mergedElem = lhs.elemType.typeMerge(rhs.elemType.functor);
        const mergedLazy = lhs.lazy === rhs.lazy ? lhs.lazy : null;
        const mergedPlaceholder =
          lhs.placeholder === rhs.placeholder
            ? lhs.placeholder
            : lhs.placeholder === "name"
              ? rhs.placeholder
              : rhs.placeholder === "name"
                ? lhs.placeholder
                : null;
        if (mergedElem === null || mergedLazy === null || mergedPlaceholder === null) return null;
        return { elemType: mergedElem, lazy: mergedLazy, placeholder: mergedPlaceholder };
      },
    },
    nestedTypes: { elemType },
  });
  elemTypes.set(type, elemType);
  // One plain definition whose entries are all plain (lazy or not, every such key is defined).
  return withFastMerge(type, () => (value, loc, file) => {
    if (!isPlainDataObject(value)) return notCovered;
    const keys = Object.keys(value);
    for (const key of keys) if (!isPlainDefinition(value[key])) return notCovered;
    const out: Attrs = {};
    for (const key of sortNames(keys)) defineEntry(out, loc, key, elemType, value[key], file);
    return out;
  });
}

/** The element types of the sets made by {@link attrsWith}, by type object (a copy has none). */
const elemTypes = new WeakMap<object, OptionType>();

/**
 * The element type of an `attrsOf` or `lazyAttrsOf` type made by {@link attrsWith}, whose one
 * definition merges entry by entry with {@link defineEntry}; undefined for any other type.
 */
export function attrsElemType(type: OptionType): OptionType | undefined {
  return elemTypes.get(type);
}

/**
 * Sets `key` of `out` to the merge of one plain entry of a set of `elemType` values: the fast
 * value at once where the fast path covers it (it cannot fail or run user code), else the general
 * merge when the key is first read, with its errors.
 */
export function defineEntry(out: Attrs, loc: readonly string[], key: string, elemType: OptionType, entry: unknown, file: string): void {
  const fast = fastChildValue(elemType, entry, loc, key, file);
  if (fast !== notCovered) setOwn(out, key, fast);
  else defineCachedLazy(out, key, () => mergeDefinitions([...loc, key], elemType, [{ file, value: entry }]).mergedValue);
}

/** An attribute set of `elemType` values. @example attrsOf(types.listOf(types.str)) */
export function attrsOf<V = unknown>(elemType: OptionType<V>): OptionType<Record<string, V>> {
  return attrsWith({ elemType });
}

/**
 * An attribute set of `elemType` values that evaluates a value only when it is read; a key defined
 * only under `mkIf false` is still listed. @example lazyAttrsOf(types.int)
 */
export function lazyAttrsOf<V = unknown>(elemType: OptionType<V>): OptionType<Record<string, V>> {
  return attrsWith({ elemType, lazy: true });
}
