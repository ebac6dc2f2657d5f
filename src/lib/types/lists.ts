/** List types: `listOf` concatenates definitions in order, `nonEmptyListOf` also refuses `[]`. */
import { fastDefinitionValue, notCovered, withFastMerge } from "../fast-merge.js";
import { mergeDefinitions, type MergedDefinitions } from "../merge-definitions.js";
import { addCheck } from "./check.js";
import {
  checkDefsForError,
  descriptionPhrase,
  mkOptionType,
  overrideType,
  type OptionType,
  type TypeFunctor,
} from "./type.js";

/** The functor of a type with one element type (listOf, nullOr, functionTo, unique, ...). */
export function elemTypeFunctor(name: string, elemType: OptionType, build: (elemType: OptionType) => OptionType): TypeFunctor {
  return {
    name,
    payload: { elemType },
    build: (p) => build((p as { elemType: OptionType }).elemType),
    binOp: (a, b) => {
      const merged = (a as { elemType: OptionType }).elemType.typeMerge((b as { elemType: OptionType }).elemType.functor);
      return merged === null ? null : { elemType: merged };
    },
  };
}

/**
 * A list of `elemType` values; the lists of all definitions are concatenated in merge order and
 * each element is checked (an element may be a `mkIf`). @example listOf(types.str)
 */
export function listOf<V = unknown>(elemType: OptionType<V>): OptionType<V[]> {
  const check = (x: unknown) => Array.isArray(x);
  const type = mkOptionType<V[]>({
    name: "listOf",
    get description() {
      return `list of ${descriptionPhrase((c) => c === "noun" || c === "composite", elemType)}`;
    },
    descriptionClass: "composite",
    check,
    checkedMerge: (loc, defs) => {
      // The merges of the defined elements, shared by the value and `valueMeta`.
      let evals: MergedDefinitions[] | undefined;
      const elements = () =>
        (evals ??= defs
          .flatMap((def, n) =>
            (def.value as unknown[]).map((item, m) =>
              mergeDefinitions([...loc, `[definition ${n + 1}-entry ${m + 1}]`], elemType, [{ file: def.file, value: item }]),
            ),
          )
          .filter((e) => e.isDefined));
      return {
        headError: checkDefsForError(check, defs),
        value: () => elements().map((e) => e.mergedValue),
        valueMeta: () => ({ list: elements().map((e) => e.valueMeta) }),
      };
    },
    emptyValue: { value: [] },
    getSubOptions: (prefix) => elemType.getSubOptions([...prefix, "*"]),
    getSubModules: elemType.getSubModules,
    substSubModules: (m) => {
      const sub = elemType.substSubModules(m);
      return sub === null ? null : listOf(sub);
    },
    functor: elemTypeFunctor("listOf", elemType, (e) => listOf(e) as OptionType),
    nestedTypes: { elemType },
  });
  // Every element merged at once, as the general merge does when the list is read.
  return withFastMerge(type, () => (value, loc, file) => {
    if (!Array.isArray(value)) return notCovered;
    const out: unknown[] = [];
    for (let m = 0; m < value.length; m++) {
      const element = Object.getOwnPropertyDescriptor(value, m);
      if (element === undefined || element.get !== undefined) return notCovered;
      const merged = fastDefinitionValue(elemType, element.value, [...loc, `[definition 1-entry ${m + 1}]`], file);
      if (merged === notCovered) return notCovered;
      out.push(merged);
    }
    return out;
  });
}

/** A list of `elemType` values with at least one element; unset, it has no value. @example nonEmptyListOf(types.str) */
export function nonEmptyListOf<V = unknown>(elemType: OptionType<V>): OptionType<V[]> {
  const list = addCheck(listOf(elemType), (l) => Array.isArray(l) && l.length > 0);
  return overrideType(list, {
    get description() {
      return `non-empty ${descriptionPhrase((c) => c === "noun", list)}`;
    },
    emptyValue: {},
    substSubModules: (m) => {
      const sub = elemType.substSubModules(m);
      return sub === null ? null : (nonEmptyListOf(sub) as OptionType);
    },
  });
}
