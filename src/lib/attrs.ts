/**
 * Attribute-set helpers that treat every key as data: no key, not even `__proto__` or
 * `constructor`, can reach a prototype, and nothing inherited is mistaken for a definition.
 */

/** A plain string-keyed record. */
export type Attrs = Record<string, unknown>;

/**
 * Whether `value` is an attribute set in Nix's sense: a plain object (made by `{}`, JSON or YAML,
 * or with a null prototype), not a list. A `Map`, `Set`, `Date`, class instance or other object
 * with a prototype of its own is not: reading it as a set would see none of what it holds.
 */
export function isAttrs(value: unknown): value is Attrs {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether `obj`'s own property `key` is a getter, which reading the property would run. */
export function isOwnGetter(obj: object, key: string): boolean {
  // For an own property, the legacy `__lookupGetter__` answers without making a descriptor object.
  return lookupGetter.call(obj, key) !== undefined && Object.getOwnPropertyDescriptor(obj, key)?.get !== undefined;
}

const lookupGetter = (Object.prototype as { __lookupGetter__(key: string): unknown }).__lookupGetter__;

/** Whether `obj` has `key` as an own property (never an inherited one). */
export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The value of an own property, or `undefined` when `obj` has no such own property. */
export function getOwn(obj: object, key: string): unknown {
  return hasOwn(obj, key) ? (obj as Attrs)[key] : undefined;
}

/** Sets an own, enumerable property, even for a key such as `__proto__`. */
export function setOwn(obj: object, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    (obj as Attrs)[key] = value;
  }
}

/** Defines an enumerable getter computed on each read (the getter itself caches where it must). */
export function defineLazy(obj: object, key: string, get: () => unknown): void {
  Object.defineProperty(obj, key, { get, enumerable: true, configurable: true });
}

/**
 * Defines an enumerable getter that computes its value once and then drops `get`, so that a fully
 * read configuration keeps only its values, not the evaluation that computed them. `get` must give
 * the same value on every call (a cached value); a read that throws keeps `get`, to be retried.
 * The property stays a getter: redefining it as data on first read costs V8 a new shape per
 * property, which makes `JSON.stringify` of a set of a few hundred keys take seconds.
 */
export function defineCachedLazy(obj: object, key: string, get: () => unknown): void {
  let compute: (() => unknown) | undefined = get;
  let value: unknown;
  Object.defineProperty(obj, key, {
    get() {
      if (compute !== undefined) {
        value = compute();
        compute = undefined;
      }
      return value;
    },
    enumerable: true,
    configurable: true,
  });
}

/** A new plain object with the given entries, every key an own property. */
export function fromEntries(entries: Iterable<readonly [string, unknown]>): Attrs {
  const out: Attrs = {};
  for (const [k, v] of entries) setOwn(out, k, v);
  return out;
}

/** An attribute set with `value` at the nested `path` (Nix's `setAttrByPath`). */
export function setAttrByPath(path: readonly string[], value: unknown): unknown {
  let result = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const level: Attrs = {};
    setOwn(level, path[i]!, result);
    result = level;
  }
  return result;
}

/** The value at `path` in nested attribute sets, or `fallback` where the path does not exist. */
export function attrByPath(path: readonly string[], fallback: unknown, attrs: unknown): unknown {
  let current = attrs;
  for (const name of path) {
    if (!isAttrs(current) || !(name in current) || !ownOrProxied(current, name)) return fallback;
    current = current[name];
  }
  return current;
}

function ownOrProxied(obj: Attrs, key: string): boolean {
  return Object.getOwnPropertyDescriptor(obj, key) !== undefined;
}

/**
 * Structural equality as Nix's `==` has it: lists and sets compare element by element, functions
 * are never equal (not even to themselves).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "function" || typeof b === "function") return false;
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isAttrs(a) && isAttrs(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Copies the own enumerable properties of `source` onto `target`, getters kept as getters (Nix's `//`). */
export function updateAttrs(target: object, source: object): void {
  for (const key of Object.keys(source)) {
    const desc = Object.getOwnPropertyDescriptor(source, key);
    if (desc) Object.defineProperty(target, key, { ...desc, enumerable: true, configurable: true });
  }
}

/** Nix's order of attribute names (by code unit), for sorting keys as Nix lists them. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts attribute names in place in Nix's order and returns them: the default sort compares
 * strings by UTF-16 code units, as {@link compareNames} does, without calling back into
 * JavaScript for each comparison (a set of 10^5 keys sorts in two thirds of the time).
 */
export function sortNames(names: string[]): string[] {
  return names.sort();
}
