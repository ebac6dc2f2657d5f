/**
 * Forcing a lazy value into plain data: every getter of every nested object read (as
 * `JSON.stringify` would), keys in Nix's order (sorted), keys such as `__proto__` kept as data.
 */
import { isAttrs } from "./attrs.js";

/**
 * A deep copy of `value` with every lazy attribute computed; functions stay as they are.
 * @example deepForce(evalModules({ modules }).config)
 */
export function deepForce(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepForce);
  if (isAttrs(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const forced = deepForce(value[key]);
      if (key === "__proto__") Object.defineProperty(out, key, { value: forced, enumerable: true, writable: true, configurable: true });
      else out[key] = forced;
    }
    return out;
  }
  return value;
}
