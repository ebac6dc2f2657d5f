/**
 * The objects an evaluation shows: `config` and `options` as nested objects whose properties are
 * computed when read (one option's value never needs another's unless it reads it), and the
 * merge of free-form values under the declared ones.
 */
import { defineCachedLazy, isAttrs, type Attrs } from "./attrs.js";
import { Lazy } from "./lazy.js";
import { OptionNode } from "./option-node.js";
import type { OptionSet } from "./option-tree.js";

/** The tree below `set` as nested objects with lazy properties, each option shown by `leaf`. */
function lazyTree(set: OptionSet, leaf: (option: OptionNode) => unknown): Attrs {
  const out: Attrs = {};
  for (const name of set.names) {
    let nested: Attrs | undefined;
    defineCachedLazy(out, name, () => {
      const child = set.child(name)!;
      return child instanceof OptionNode ? leaf(child) : (nested ??= lazyTree(child, leaf));
    });
  }
  return out;
}

/** The values of the declared options below `set`, as nested objects with lazy properties. */
export function declaredConfig(set: OptionSet): Attrs {
  return lazyTree(set, (option) => option.value);
}

/** The option records below `set`, as nested objects with lazy properties. */
export function optionRecords(set: OptionSet): Attrs {
  return lazyTree(set, (option) => option.record);
}

/**
 * `rhs` laid over `lhs`, recursing where both sides are sets (Nix's `recursiveUpdate`); each
 * value is computed when read.
 */
export function recursiveUpdate(lhs: Attrs, rhs: Attrs): Attrs {
  const out: Attrs = {};
  const keys = [...new Set([...Object.keys(lhs), ...Object.keys(rhs)])].sort();
  for (const key of keys) {
    const inLeft = Object.prototype.hasOwnProperty.call(lhs, key);
    const inRight = Object.prototype.hasOwnProperty.call(rhs, key);
    if (!inRight) {
      defineCachedLazy(out, key, () => lhs[key]);
    } else if (!inLeft) {
      defineCachedLazy(out, key, () => rhs[key]);
    } else {
      const merged = new Lazy(() => {
        const l = lhs[key];
        const r = rhs[key];
        return isAttrs(l) && isAttrs(r) ? recursiveUpdate(l, r) : r;
      });
      defineCachedLazy(out, key, () => merged.get());
    }
  }
  return out;
}

/** A copy of `obj` without `key`, its properties still lazy. */
export function withoutKey(obj: Attrs, key: string): Attrs {
  const out: Attrs = {};
  for (const k of Object.keys(obj)) {
    if (k === key) continue;
    Object.defineProperty(out, k, { ...Object.getOwnPropertyDescriptor(obj, k), enumerable: true, configurable: true });
  }
  return out;
}

/** An object that reads through to `target()` (computed on first use), for module arguments. */
export function forwardingProxy(target: () => Attrs): Attrs {
  return new Proxy({} as Attrs, {
    get: (_t, key) => (typeof key === "string" ? target()[key] : undefined),
    has: (_t, key) => typeof key === "string" && Object.prototype.hasOwnProperty.call(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_t, key) => {
      const desc = Reflect.getOwnPropertyDescriptor(target(), key);
      return desc ? { ...desc, configurable: true } : undefined;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
