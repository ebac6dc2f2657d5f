/**
 * The fast path of a merge: for a type that has one, a function that merges a single plain
 * definition (no getter, no property such as `mkIf`, no lazy value) straight into the value the
 * general merge would give, or says it does not cover the value. It never throws and never runs a
 * getter, so trying it and then taking the general path is the same as taking the general path at
 * once: every error, every lazy read and every position still comes from the general path.
 *
 * A fast merge belongs to one type object (kept in a WeakMap, made on first use), so a copy of a
 * type with another `check` (`{ ...type, check }`) or an `addCheck`ed type never inherits it.
 */
import { isAttrs, isOwnGetter } from "./attrs.js";
import { Lazy } from "./lazy.js";
import { isCoherentCheck, type OptionType } from "./types/type.js";

/** What a fast merge gives for a value it does not cover: the general merge decides. */
export const notCovered: unique symbol = Symbol("not covered by the fast merge");

/** The result of a fast merge: the merged value, or {@link notCovered}. */
export type FastResult = unknown;

/**
 * Merges one plain definition `value` of the type at `loc`, defined in `file`, into the type's
 * value; {@link notCovered} where the general merge must decide. `file` and `loc` are what parts
 * that stay lazy (the entries of an `attrsOf`) hand to the general merge when they are read.
 */
export type FastMerge = (value: unknown, loc: readonly string[], file: string) => FastResult;

const builders = new WeakMap<object, () => FastMerge | null>();
const built = new WeakMap<object, FastMerge | null>();

let enabled = true;

/**
 * How many values the fast path gave, and how many it left to the general merge, since the process
 * started (a caller measuring a stretch subtracts the counts from before it).
 */
export const fastPathCounts = { taken: 0, declined: 0 };

/**
 * Turns the fast path on or off (it is on by default); the tests compare the two. Returns the
 * previous setting.
 */
export function setFastPath(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/**
 * Gives `type` the fast merge that `build` makes when it is first needed (built once; null: the
 * type has none). Returns the type.
 */
export function withFastMerge<T extends object>(type: T, build: () => FastMerge | null): T {
  builders.set(type, build);
  return type;
}

/** The fast merge of `type`, or null where it has none (or the fast path is off). */
export function fastMergeOf(type: OptionType<unknown>): FastMerge | null {
  if (!enabled) return null;
  let merge = built.get(type);
  if (merge === undefined) {
    const build = builders.get(type);
    merge = build === undefined ? null : build();
    built.set(type, merge);
  }
  return merge;
}

/**
 * Whether a definition's value is plain for the fast path: not a lazy value and not a set with a
 * `_type` (a property such as `mkIf` or `mkDefault`, or anything else the general merge looks at).
 */
export function isPlainDefinition(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  return !(value instanceof Lazy) && !Object.prototype.hasOwnProperty.call(value, "_type");
}

/**
 * The value of a single definition of `type` at `loc` as the general `mergeDefinitions` would give
 * it, where the fast path covers it; {@link notCovered} otherwise.
 */
export function fastDefinitionValue(type: OptionType<unknown>, value: unknown, loc: readonly string[], file: string): FastResult {
  const merge = fastMergeOf(type);
  if (merge === null || !isPlainDefinition(value)) {
    if (enabled) fastPathCounts.declined++;
    return notCovered;
  }
  const result = merge(value, loc, file);
  if (result !== notCovered) {
    fastPathCounts.taken++;
  } else {
    fastPathCounts.declined++;
    if (typeof value === "object" && value !== null) lastDeclined.set(value, type);
  }
  return result;
}

/** The type whose fast merge last declined each definition value (a set or a list). */
const lastDeclined = new WeakMap<object, object>();

/**
 * Whether the fast merge of `type` just declined `value`: the general merge it then called need not
 * try again (a module function would be called once more for nothing). Only a time saver: where
 * the answer is stale, the general path runs, which is always right.
 */
export function fastPathDeclined(type: OptionType<unknown>, value: unknown): boolean {
  return typeof value === "object" && value !== null && lastDeclined.get(value) === type;
}

/**
 * The value of a single definition of `type` at `[...parentLoc, name]`, as
 * {@link fastDefinitionValue} gives it; the path is made only for a merge that reads it.
 */
export function fastChildValue(type: OptionType<unknown>, value: unknown, parentLoc: readonly string[], name: string, file: string): FastResult {
  const merge = fastMergeOf(type);
  return mergeChild(merge, merge !== null && !pathFree.has(merge), value, parentLoc, name, file);
}

/** A type's fast merge looked up once, for a plan that merges many values of the type. */
export interface ResolvedFastMerge {
  /** The fast merge; null where the type has none. */
  readonly merge: FastMerge | null;
  /** Whether the merge reads its path (a scalar's does not, so none is made for it). */
  readonly readsPath: boolean;
  /**
   * Where the merge gives a plain value itself once a check accepts it ({@link identityFastMerge}),
   * that check (which never throws), so that compiled code can run it without the calls around
   * it; null otherwise.
   */
  readonly identityCheck: ((value: unknown) => boolean) | null;
}

/** The fast merge of `type`, looked up now (it is kept by whoever merges many values with it). */
export function resolveFastMerge(type: OptionType<unknown>): ResolvedFastMerge {
  const merge = fastMergeOf(type);
  return { merge, readsPath: merge !== null && !pathFree.has(merge), identityCheck: (merge !== null && identityChecks.get(merge)) || null };
}

/** {@link fastChildValue} with the type's merge already looked up. */
export function resolvedChildValue(resolved: ResolvedFastMerge, value: unknown, parentLoc: readonly string[], name: string, file: string): FastResult {
  return mergeChild(resolved.merge, resolved.readsPath, value, parentLoc, name, file);
}

function mergeChild(merge: FastMerge | null, readsPath: boolean, value: unknown, parentLoc: readonly string[], name: string, file: string): FastResult {
  if (merge === null || !enabled || !isPlainDefinition(value)) {
    if (enabled) fastPathCounts.declined++;
    return notCovered;
  }
  const result = merge(value, readsPath ? [...parentLoc, name] : parentLoc, file);
  if (result === notCovered) fastPathCounts.declined++;
  else fastPathCounts.taken++;
  return result;
}

/** The fast merges that never read their path (a scalar's). */
const pathFree = new WeakSet<FastMerge>();

/** The checks of the fast merges {@link identityFastMerge} made, by merge. */
const identityChecks = new WeakMap<FastMerge, (value: unknown) => boolean>();

/**
 * The fast merge of a type whose merge of one definition is the value itself (str, int, bool,
 * enum, ...): the value where `check` accepts it.
 */
export function identityFastMerge(check: (value: unknown) => boolean): () => FastMerge {
  return () => {
    const merge: FastMerge = (value) => (check(value) ? value : notCovered);
    pathFree.add(merge);
    identityChecks.set(merge, check);
    return merge;
  };
}

/**
 * What the checked merge of `type` says of one definition `value` before merging it (its head
 * error is none): `type.check`, which Nixpkgs requires to agree with the checked merge; undefined
 * where that cannot be known without the general path (a check that throws, or one replaced by
 * copying a type whose checked merge then refuses it).
 */
export function headCheckOf(type: OptionType<unknown>): (value: unknown) => boolean | undefined {
  if (type.checkedMerge !== undefined && !isCoherentCheck(type.check)) return () => undefined;
  const check = type.check;
  return (value) => {
    try {
      return Boolean(check(value));
    } catch {
      return undefined;
    }
  };
}

/**
 * Whether `value` is an object whose own properties are all data (no getter, which only the
 * general path may run) and whose prototype is Object's or null.
 */
export function isPlainDataObject(value: unknown): value is Record<string, unknown> {
  if (!isAttrs(value)) return false;
  for (const key of Object.keys(value)) if (isOwnGetter(value, key)) return false;
  return true;
}
