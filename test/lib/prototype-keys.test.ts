// Keys named like members of Object.prototype are plain option names and data: nothing reaches a
// prototype, and nothing inherited is taken for a definition.
import { afterEach, describe, expect, test } from "vitest";
import { lib } from "../../src/index.js";

const t = lib.types;
const prototypeNames = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** An object with every prototype-like name as an own key (as JSON.parse gives them). */
function withKeys(value: (name: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of prototypeNames) Object.defineProperty(out, name, { value: value(name), enumerable: true });
  return out;
}

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
});

describe("prototype-named keys", () => {
  test("are declared and defined as ordinary options", () => {
    const result = lib.evalModules({
      modules: [{ options: withKeys(() => lib.mkOption({ type: t.int, default: 0 })) }, withKeys((n) => n.length)],
    });
    expect(Object.keys(result.config).sort()).toEqual([...prototypeNames].sort());
    for (const name of prototypeNames) expect(Object.getOwnPropertyDescriptor(result.config, name)?.get?.()).toBe(name.length);
    expect(Object.getPrototypeOf(result.config)).toBe(Object.prototype);
  });

  test("are data inside attrsOf, anything and freeform values", () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "toString": "x"}');
    const result = lib.evalModules({
      modules: [
        { options: { any: lib.mkOption({ type: t.anything }), attrs: lib.mkOption({ type: t.attrsOf(t.anything) }) } },
        { freeformType: t.attrsOf(t.anything) },
        { any: data, attrs: data, free: data },
      ],
    });
    const config = result.config as Record<string, Record<string, unknown>>;
    for (const key of ["any", "attrs", "free"]) {
      const value = config[key]!;
      expect(Object.keys(value).sort()).toEqual(["__proto__", "constructor", "toString"]);
      expect(JSON.parse(JSON.stringify(value))).toEqual(data);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    }
  });

  test("an undeclared `__proto__` or `constructor` definition is reported, not ignored", () => {
    for (const name of ["__proto__", "constructor", "toString"]) {
      const defs = JSON.parse(`{"${name}": 1}`);
      const result = lib.evalModules({ modules: [{ options: { a: lib.mkOption({ default: 1 }) } }, defs] });
      expect(() => result.config.a).toThrow(expect.objectContaining({ kind: "UndeclaredOption", path: [name] }));
    }
  });

  test("an option set never inherits: `toString` is undeclared unless declared", () => {
    const result = lib.evalModules({ modules: [{ options: { a: lib.mkOption({ default: 1 }) } }] });
    expect(Object.keys(result.options).sort()).toEqual(["_module", "a"]);
    expect(Object.prototype.hasOwnProperty.call(result.config, "toString")).toBe(false);
  });
});
