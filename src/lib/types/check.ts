/** `addCheck`: a type narrowed by a further predicate, keeping its name and description. */
import { fastMergeOf, headCheckOf, notCovered, withFastMerge } from "../fast-merge.js";
import { checkDefsForError, markCoherentCheck, overrideType, runCheckedMerge, type CheckedMerge, type Definition, type OptionType } from "./type.js";

/**
 * `type` whose values must also satisfy `predicate`; name, description and merge stay `type`'s.
 * @example addCheck(types.int, (x) => x % 2 === 0)
 */
export function addCheck<V>(type: OptionType<V>, predicate: (value: V) => boolean): OptionType<V> {
  const check = markCoherentCheck((x: unknown) => type.check(x) && predicate(x as V));
  const inner = type.checkedMerge;
  const checked =
    inner === undefined
      ? overrideType(type, { check })
      : overrideType(type, {
          check,
          checkedMerge: checkedMergeWith(type, check),
          merge: (loc, defs) => checkedMergeWith(type, check)(loc, defs).value() as V,
        });
  // One definition that passes the whole check merges as `type` merges it.
  return withFastMerge(checked, () => {
    const passes = headCheckOf(checked as OptionType);
    const merge = fastMergeOf(type as OptionType);
    return merge === null ? null : (value, loc, file) => (passes(value) === true ? merge(value, loc, file) : notCovered);
  });
}

/** The checked merge of `type` with `check` for its head error where `type` finds none. */
function checkedMergeWith(type: OptionType, check: (value: unknown) => boolean): (loc: readonly string[], defs: readonly Definition[]) => CheckedMerge {
  return (loc, defs) => {
    const orig = runCheckedMerge(type, loc, defs);
    return { ...orig, headError: orig.headError ?? checkDefsForError(check, defs) };
  };
}
