/**
 * Plain data under `types.anything`: a single definition made only of plain objects, lists and
 * scalars, with no property (`_type`), getter, function or string-coercible set inside its sets,
 * merges to itself, its sets' keys in Nix's order. Recognising it in one pass keeps a deep value
 * linear in time and memory, where merging it level by level makes an option path per level.
 */
import { compareNames, hasOwn, isAttrs, setOwn, type Attrs } from "../attrs.js";

/**
 * The sets found not to be plain data all the way down, so that merging such a value level by
 * level judges each set once. Only this verdict is kept: a set changed later into plain data is
 * merged level by level, which is slower but right, whereas a kept "plain" could be wrong.
 */
const notPlain = new WeakSet<object>();

/** Whether the set itself (not what it holds) is plain: no property, no getter, not string-coercible. */
function isPlainLevel(set: Attrs): boolean {
  if (hasOwn(set, "_type") || hasOwn(set, "__toString") || hasOwn(set, "outPath")) return false;
  for (const key of Object.keys(set)) {
    const descriptor = Object.getOwnPropertyDescriptor(set, key)!;
    if (descriptor.get !== undefined || typeof descriptor.value === "function") return false;
  }
  return true;
}

/**
 * The sets reachable from `root` through sets (lists and other values are leaves), in the order
 * met, and those of them that are plain by themselves (what they hold not yet judged).
 */
function setsBelow(root: Attrs): { order: Attrs[]; plainLevels: Set<object> } {
  const order: Attrs[] = [];
  const plainLevels = new Set<object>();
  const seen = new Set<object>();
  const pending: Attrs[] = [root];
  while (pending.length > 0) {
    const set = pending.pop()!;
    if (seen.has(set) || notPlain.has(set)) continue;
    seen.add(set);
    order.push(set);
    // Nothing is read from a set that is not plain by itself: a getter or a string-coercible set
    // is merged by Nixpkgs without evaluating what it holds.
    if (!isPlainLevel(set)) continue;
    plainLevels.add(set);
    for (const key of Object.keys(set)) {
      const child = set[key];
      if (isAttrs(child)) pending.push(child);
    }
  }
  return { order, plainLevels };
}

/**
 * `value` merged by `types.anything` as its only definition, when it is plain data: a copy whose
 * sets have their keys sorted; undefined otherwise (the caller merges it level by level).
 */
export function plainDataMerge(value: unknown): unknown {
  if (!isAttrs(value) || notPlain.has(value)) return undefined;
  const { order, plainLevels } = setsBelow(value);
  const plainSets = new Set<object>();
  // A set comes after the parent that first led to it, so judging backwards judges it before that
  // parent. One met again (a cycle, or a second parent judged first) counts as not plain: the
  // value is then merged level by level, which is slower but right.
  for (let i = order.length - 1; i >= 0; i--) {
    const set = order[i]!;
    let plain = plainLevels.has(set);
    if (plain) {
      for (const key of Object.keys(set)) {
        const child = set[key];
        if (isAttrs(child) && !plainSets.has(child)) {
          plain = false;
          break;
        }
      }
    }
    if (plain) plainSets.add(set);
    else notPlain.add(set);
  }
  if (!plainSets.has(value)) return undefined;
  return sortedCopy(value);
}

/** A copy of a plain set with every nested set's keys sorted, made without recursion. */
function sortedCopy(root: Attrs): Attrs {
  const copies = new Map<object, Attrs>();
  const order = [root];
  for (let i = 0; i < order.length; i++) {
    for (const key of Object.keys(order[i]!)) {
      const child = order[i]![key];
      if (isAttrs(child) && !copies.has(child)) {
        copies.set(child, {});
        order.push(child);
      }
    }
  }
  copies.set(root, {});
  for (let i = order.length - 1; i >= 0; i--) {
    const set = order[i]!;
    const copy = copies.get(set)!;
    for (const key of Object.keys(set).sort(compareNames)) {
      const child = set[key];
      setOwn(copy, key, isAttrs(child) ? copies.get(child)! : child);
    }
  }
  return copies.get(root)!;
}

/** Sets and lists found to hold no cycle, so that merging a value level by level searches once. */
const acyclic = new WeakSet<object>();

/**
 * A cycle among the sets and lists under `root` (through their data properties; getters are not
 * read): the names from `root` to the value met again, or null. A cycle under `types.anything`
 * would merge forever; Nix has no cyclic values (its nearest, a recursive set, recurses forever).
 * Depth first without recursion, each value once.
 */
export function findCycle(root: unknown): string[] | null {
  if (typeof root !== "object" || root === null || acyclic.has(root)) return null;
  const onPath = new Set<object>();
  const finished = new Set<object>();
  // Each frame: a value, its names, the next one to visit, and the name that led to it.
  const stack: { value: object; names: string[]; index: number; via: string }[] = [];
  const enter = (value: object, via: string) => {
    onPath.add(value);
    stack.push({ value, names: Array.isArray(value) ? value.map((_, i) => `[${i}]`) : Object.keys(value), index: 0, via });
  };
  enter(root, "");
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.index === top.names.length) {
      stack.pop();
      onPath.delete(top.value);
      finished.add(top.value);
      continue;
    }
    const name = top.names[top.index++]!;
    const key = Array.isArray(top.value) ? name.slice(1, -1) : name;
    const descriptor = Object.getOwnPropertyDescriptor(top.value, key);
    const child: unknown = descriptor !== undefined && "value" in descriptor ? descriptor.value : undefined;
    if (typeof child !== "object" || child === null || acyclic.has(child) || finished.has(child)) continue;
    if (onPath.has(child)) return [...stack.slice(1).map((frame) => frame.via), name];
    enter(child, name);
  }
  for (const value of finished) acyclic.add(value);
  return null;
}
