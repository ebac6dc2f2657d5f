/** `addCheck`: a type narrowed by a further predicate, keeping its name and description. */
import { checkDefsForError, markCoherentCheck, overrideType, runCheckedMerge, type CheckedMerge, type Definition, type OptionType } from "./type.js";

/**
 * `type` whose values must also satisfy `predicate`; name, description and merge stay `type`'s.
 * @example addCheck(types.int, (x) => x % 2 === 0)
 */
export function addCheck<V>(type: OptionType<V>, predicate: (value: V) => boolean): OptionType<V> {
  const check = markCoherentCheck((x: unknown) => type.check(x) && predicate(x as V));
  const inner = type.checkedMerge;
  if (inner === undefined) return overrideType(type, { check });
  const checkedMerge = (loc: readonly string[], defs: readonly Definition[]): CheckedMerge => {
    const orig = runCheckedMerge(type, loc, defs);
    return { ...orig, headError: orig.headError ?? checkDefsForError(check, defs) };
  };
  return overrideType(type, {
    check,
    checkedMerge,
    merge: (loc, defs) => checkedMerge(loc, defs).value() as V,
  });
}
