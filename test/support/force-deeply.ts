// Forcing lazy results in tests: every getter of every nested object is read, as JSON.stringify
// would, into plain data (keys such as `__proto__` stay own keys; functions stay as they are).

/** A deep copy of `value` with every getter read. */
export function forceDeeply(value: unknown, seen = new Set<unknown>()): unknown {
  if (Array.isArray(value)) return value.map((v) => forceDeeply(v, seen));
  if (typeof value === "object" && value !== null) {
    if (seen.has(value)) return value;
    seen.add(value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: forceDeeply((value as Record<string, unknown>)[key], seen),
        enumerable: true,
      });
    }
    return out;
  }
  return value;
}
