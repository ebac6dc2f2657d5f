/**
 * Attribute lists (Nixpkgs' `attrListOf` and `attrListWith`): an ordered list of one-attribute
 * sets, written as a list of them or as a set whose entries carry `mkOrder`. Entries are ordered by
 * their order priority, and `mkOverride` applies to each name apart.
 */
import { compareNames, defineLazy, isAttrs, type Attrs } from "../attrs.js";
import { mergeDefinitions, typeMismatch, type MergedDefinitions } from "../merge-definitions.js";
import { defaultOrderPriority, defaultOverridePriority, mkDefinition, mkOrder, mkOverride, typeTag } from "../properties.js";
import { showDefs, typeOf } from "../show.js";
import { checkDefsForError, descriptionPhrase, mkOptionType, type Definition, type OptionType } from "./type.js";

/** The parameters of {@link attrListWith}. */
export interface AttrListWithSpec<V, R> {
  elemType: OptionType<V>;
  /** Make the value a set of every name (its values combined by `mergeAttrValues`), not a list. @default false */
  asAttrs?: boolean;
  /** How `asAttrs` combines the values of one name, in list order. @default (name, values) => values */
  mergeAttrValues?: (name: string, values: V[]) => R;
}

/** An entry's value with its order and override priorities, `mkOrder` taken off, `mkOverride` kept. */
interface Peeled {
  readonly value: unknown;
  readonly prio: number;
  readonly overridePrio: number;
}

/**
 * Takes `mkOrder` and `mkOverride` off an entry's value, nested in either order. Each priority is
 * read only when needed: the override priority of an entry another overrides is read without
 * reading its content (`mkDefault(abort …)` is never evaluated), as in Nixpkgs.
 */
function peelProperties(value: unknown): Peeled {
  const tag = typeTag(value);
  if (tag !== "order" && tag !== "override") return { value, prio: defaultOrderPriority, overridePrio: defaultOverridePriority };
  const wrapper = value as { readonly priority: number; readonly content: unknown };
  let inner: Peeled | undefined;
  const content = () => (inner ??= peelProperties(wrapper.content));
  return tag === "order"
    ? {
        prio: wrapper.priority,
        get value() {
          return content().value;
        },
        get overridePrio() {
          return content().overridePrio;
        },
      }
    : {
        overridePrio: wrapper.priority,
        get prio() {
          return content().prio;
        },
        // The override stays on the value, for the entry's own merge to apply.
        get value() {
          return mkOverride(wrapper.priority, content().value);
        },
      };
}

/** One entry of an attribute list, with the file that defined it. */
interface Item extends Peeled {
  readonly file: string;
  readonly key: string;
}

function withPlace(peeled: Peeled, file: string, key: string, prio?: number): Item {
  return {
    file,
    key,
    get value() {
      return peeled.value;
    },
    get prio() {
      return prio ?? peeled.prio;
    },
    get overridePrio() {
      return peeled.overridePrio;
    },
  };
}

/**
 * An ordered list of one-attribute sets whose values are of `elemType`. A definition is a list of
 * such sets (each may be wrapped in `mkOrder`), or a set whose entries are placed by their
 * `mkOrder` priority (1000 without one); entries of equal priority keep their definition order.
 * With `asAttrs`, the value is a set instead and the list is in `valueMeta.attrListValue`. Two
 * declarations of such an option do not merge.
 * @example attrListWith({ elemType: types.str, asAttrs: true, mergeAttrValues: (_name, values) => values.at(-1) })
 */
export function attrListWith<V>(spec: AttrListWithSpec<V, V[]> & { asAttrs?: false }): OptionType<Record<string, V>[]>;
export function attrListWith<V, R = V[]>(spec: AttrListWithSpec<V, R> & { asAttrs: true }): OptionType<Record<string, R>>;
export function attrListWith<V, R>(spec: AttrListWithSpec<V, R>): OptionType;
export function attrListWith<V, R>(spec: AttrListWithSpec<V, R>): OptionType {
  const { elemType } = spec;
  const asAttrs = spec.asAttrs ?? false;
  const mergeAttrValues = spec.mergeAttrValues ?? ((_name: string, values: V[]) => values as unknown as R);
  const check = (x: unknown) => Array.isArray(x) || isAttrs(x);
  const type: OptionType = mkOptionType({
    name: "attrListOf",
    get description() {
      return `attribute list of ${descriptionPhrase((c) => c === "noun" || c === "composite", elemType)}`;
    },
    descriptionClass: "composite",
    check,
    checkedMerge: (loc, defs) => {
      /** A list element as an entry: a one-attribute set, maybe wrapped in `mkOrder`. */
      const extractItem = (file: string, raw: unknown): Item => {
        const hasOrder = typeTag(raw) === "order";
        const item = hasOrder ? (raw as { content: unknown }).content : raw;
        const keys = isAttrs(item) ? Object.keys(item) : [];
        if (isAttrs(item) && keys.length === 1) {
          const key = keys[0]!;
          return withPlace(peelProperties(item[key]), file, key, hasOrder ? (raw as { priority: number }).priority : undefined);
        }
        const problem = isAttrs(item)
          ? `Each list element must be a single-key attribute set, but got ${keys.length} keys`
          : `Each list element must be an attribute set, but got ${typeOf(item)}`;
        throw typeMismatch(loc, type, [{ file, value: raw }], `${problem}.${showDefs([{ file, value: raw }])}`);
      };
      const defToItems = (def: Definition): Item[] =>
        Array.isArray(def.value)
          ? def.value.map((raw) => extractItem(def.file, raw))
          : Object.keys(def.value as Attrs)
              .sort(compareNames)
              .map((key) => withPlace(peelProperties((def.value as Attrs)[key]), def.file, key));

      interface Evaluated {
        readonly item: Item;
        readonly eval: MergedDefinitions;
      }
      let cached: Evaluated[] | undefined;
      const evals = (): Evaluated[] => {
        if (cached !== undefined) return cached;
        const allItems = defs.flatMap(defToItems);
        // Per name, the best override priority; only entries at it are kept.
        const winning = new Map<string, number>();
        for (const item of allItems) {
          if (item.overridePrio < (winning.get(item.key) ?? defaultOverridePriority)) winning.set(item.key, item.overridePrio);
        }
        const items = allItems
          .filter((item) => item.overridePrio === (winning.get(item.key) ?? defaultOverridePriority))
          .sort((a, b) => a.prio - b.prio);
        return (cached = items
          .map((item) => ({ item, eval: mergeDefinitions([...loc, item.key], elemType, [{ file: item.file, value: item.value }]) }))
          .filter((e) => e.eval.isDefined));
      };
      const entry = (e: Evaluated): Attrs => {
        const single: Attrs = {};
        defineLazy(single, e.item.key, () => e.eval.mergedValue);
        return single;
      };
      let list: Attrs[] | undefined;
      const attrListValue = () => (list ??= evals().map(entry));
      return {
        headError: checkDefsForError(check, defs),
        value: () => {
          if (!asAttrs) return attrListValue();
          const byName = new Map<string, Attrs[]>();
          for (const single of attrListValue()) {
            const name = Object.keys(single)[0]!;
            byName.set(name, [...(byName.get(name) ?? []), single]);
          }
          const out: Attrs = {};
          for (const name of [...byName.keys()].sort(compareNames)) {
            defineLazy(out, name, () => mergeAttrValues(name, byName.get(name)!.map((single) => single[name] as V)));
          }
          return out;
        },
        valueMeta: () => ({
          attrList: evals().map((e) => e.eval.valueMeta),
          // The ordered list, which `asAttrs` does not keep in the value.
          attrListValue: attrListValue(),
          definitions: evals().map((e, n) => mkDefinition({ file: e.item.file, value: mkOrder(e.item.prio, attrListValue()[n]) })),
        }),
      };
    },
    emptyValue: { value: asAttrs ? {} : [] },
    getSubOptions: (prefix) => elemType.getSubOptions([...prefix, "*"]),
    getSubModules: elemType.getSubModules,
    substSubModules: (m) => {
      const sub = elemType.substSubModules(m);
      return sub === null ? null : attrListWith({ ...spec, elemType: sub as OptionType<V> });
    },
    // Nixpkgs disables type merging: two declarations of an attribute list are an error.
    typeMerge: () => null,
    nestedTypes: { elemType: elemType as OptionType },
  });
  return type;
}

/**
 * An ordered list of one-attribute sets whose values are of `elemType`.
 * @example attrListOf(types.str) // [{ a: "x" }, { b: "y" }], or { a: mkOrder(100, "x"), b: "y" }
 */
export function attrListOf<V>(elemType: OptionType<V>): OptionType<Record<string, V>[]> {
  return attrListWith({ elemType });
}
