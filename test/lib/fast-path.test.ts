// The fast path (src/lib/fast-merge.ts) merges a single plain definition without the general
// machinery. Switched off, every value takes the general path; the two must agree on everything a
// configuration shows: values, key order, errors (kind, path, message) and laziness (which getters
// of the definitions run, and when). Random types and random data, some plain, some with getters,
// properties, wrong values and missing options, are read through both and compared step by step.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { evalModules, isModuleError, lib, renamedType, type OptionType } from "../../src/lib/index.js";
import { fastPathCounts, setFastPath } from "../../src/lib/fast-merge.js";
import { setUsesBeforeCompiling } from "../../src/lib/types/fast-submodule.js";
import { defineCachedLazy } from "../../src/lib/attrs.js";

const { mkOption, types, mkDefault, mkForce, mkIf } = lib;

afterEach(() => {
  setFastPath(true);
});

/** A random type, with the values it accepts (and some it does not). */
interface TypeCase {
  readonly type: OptionType;
  readonly value: fc.Arbitrary<unknown>;
}

const names = fc.constantFrom("a", "b", "c", "10", "9", "__proto__", "name", "z");
const anyScalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 300 }), fc.boolean(), fc.constant(null));

const scalarCases: readonly TypeCase[] = [
  { type: types.str, value: fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 3 }) }, { weight: 1, arbitrary: anyScalar }) },
  { type: types.int, value: fc.oneof({ weight: 4, arbitrary: fc.integer() }, { weight: 1, arbitrary: anyScalar }) },
  { type: types.bool, value: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyScalar }) },
  { type: types.strMatching("[0-9]+"), value: fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.string({ maxLength: 2 })) },
  { type: renamedType(types.strMatching("[a-c]*"), { name: "abc", description: "letters a to c" }), value: fc.string({ maxLength: 2 }) },
  { type: types.enum(["x", "y"]), value: fc.constantFrom("x", "y", "w", 1) },
  { type: types.ints.u8, value: fc.integer({ min: -5, max: 300 }) },
  { type: types.unspecified, value: anyScalar },
  { type: types.either(types.int, types.str), value: anyScalar },
  { type: types.addCheck(types.str, (s) => s.length < 2), value: fc.string({ maxLength: 3 }) },
  {
    type: types.oneOf([types.addCheck(types.str, (s) => s.length < 2), types.int, types.addCheck(types.attrsOf(types.str), (s) => !("b" in s))]),
    value: fc.oneof(anyScalar, fc.dictionary(fc.constantFrom("a", "b"), anyScalar, { maxKeys: 2 })),
  },
];

/** Wraps a value, now and then, in what only the general path decides: a property, or an invalid value. */
function sometimesSpecial(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: value },
    { weight: 1, arbitrary: value.map((v) => mkDefault(v)) },
    { weight: 1, arbitrary: value.map((v) => mkForce(v)) },
    { weight: 1, arbitrary: fc.tuple(fc.boolean(), value).map(([c, v]) => mkIf(c, v)) },
    { weight: 1, arbitrary: anyScalar },
  );
}

function typeCase(depth: number): fc.Arbitrary<TypeCase> {
  const scalar = fc.constantFrom(...scalarCases);
  if (depth === 0) return scalar;
  const inner = typeCase(depth - 1);
  const submodule = (byName: boolean) =>
    fc
      .tuple(
        fc.uniqueArray(fc.constantFrom("p", "q", "r"), { minLength: 1, maxLength: 3 }),
        fc.array(inner, { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.option(inner, { nil: null }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      )
      .map(([optionNames, cases, withDefault, freeform, readOnly]): TypeCase => {
        // Each option its own default (a plan that mixed them up would show) and, now and then, read-only.
        const declarations = (name: string) =>
          Object.fromEntries(
            optionNames.map((n, i) => [
              n,
              mkOption({
                ...(withDefault[i] ? { type: byName ? types.str : cases[i]!.type, default: byName ? `${name}${i}` : `d${i}` } : { type: cases[i]!.type }),
                ...(readOnly[i] ? { readOnly: true } : {}),
              }),
            ]),
          );
        const module = (name: string) => ({
          ...(freeform === null ? {} : { freeformType: types.attrsOf(freeform.type) }),
          options: declarations(name),
        });
        const type = byName ? types.submodule(({ name }: { name: string }) => module(name)) : types.submodule(module("‹static›"));
        const entries: [string, fc.Arbitrary<unknown>][] = optionNames.map((n, i) => [n, sometimesSpecial(byName && withDefault[i] ? fc.string({ maxLength: 2 }) : cases[i]!.value)]);
        const declared = fc.record(Object.fromEntries(entries), { requiredKeys: [] });
        const extra = freeform === null ? fc.constant({}) : fc.dictionary(fc.constantFrom("x1", "x2", "_module"), sometimesSpecial(freeform.value), { maxKeys: 2 });
        return { type, value: fc.tuple(declared, extra).map(([d, e]) => ({ ...e, ...d })) };
      });
  return fc.oneof(
    { weight: 2, arbitrary: scalar },
    { weight: 2, arbitrary: inner.map((c): TypeCase => ({ type: types.attrsOf(c.type), value: fc.dictionary(names, sometimesSpecial(c.value), { maxKeys: 3 }) })) },
    { weight: 1, arbitrary: inner.map((c): TypeCase => ({ type: types.lazyAttrsOf(c.type), value: fc.dictionary(names, sometimesSpecial(c.value), { maxKeys: 3 }) })) },
    { weight: 1, arbitrary: inner.map((c): TypeCase => ({ type: types.listOf(c.type), value: fc.array(sometimesSpecial(c.value), { maxLength: 3 }) })) },
    { weight: 1, arbitrary: inner.map((c): TypeCase => ({ type: types.nullOr(c.type), value: fc.oneof(fc.constant(null), c.value) })) },
    { weight: 2, arbitrary: submodule(false) },
    { weight: 2, arbitrary: submodule(true) },
  );
}

/** Replaces, now and then, a property of the data by a getter that logs its reads. */
function withGetters(value: unknown, choices: readonly boolean[], log: string[], path = "$"): unknown {
  let next = 0;
  const choose = () => choices[next++ % Math.max(choices.length, 1)] === true;
  const visit = (v: unknown, at: string): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => visit(x, `${at}[${i}]`));
    if (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== Object.prototype || "_type" in v) return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const inner = visit((v as Record<string, unknown>)[key], `${at}.${key}`);
      if (choose()) {
        Object.defineProperty(out, key, {
          get: () => {
            log.push(`${at}.${key}`);
            return inner;
          },
          enumerable: true,
          configurable: true,
        });
      } else {
        Object.defineProperty(out, key, { value: inner, enumerable: true, writable: true, configurable: true });
      }
    }
    return out;
  };
  return visit(value, path);
}

/** What reading `value` shows, step by step: keys in order, values, errors, and the getters run by then. */
function trace(value: unknown, log: readonly string[], depth = 0): unknown {
  if (depth > 8) return "…";
  if (Array.isArray(value)) return { list: value.map((v) => trace(v, log, depth + 1)), reads: [...log] };
  if (typeof value !== "object" || value === null) return value;
  const keys = Object.keys(value);
  const entries = keys.map((key) => {
    try {
      return [key, trace((value as Record<string, unknown>)[key], log, depth + 1), [...log]];
    } catch (e) {
      if (!isModuleError(e)) throw e;
      return [key, { error: e.kind, path: e.path, message: e.message }, [...log]];
    }
  });
  return { keys, entries };
}

function outcome(fast: boolean, type: OptionType, data: unknown, choices: readonly boolean[]): unknown {
  setFastPath(fast);
  const log: string[] = [];
  const definition = withGetters(data, choices, log);
  try {
    const { config } = evalModules({
      modules: [{ _file: "decl.ts", options: { root: mkOption({ type }) } }, { _file: "data.json", config: { root: definition } }],
    });
    return trace(config, log);
  } catch (e) {
    if (!isModuleError(e)) throw e;
    return { error: e.kind, path: e.path, message: e.message, reads: [...log] };
  } finally {
    setFastPath(true);
  }
}

const sample = typeCase(3).chain((c) => fc.tuple(fc.constant(c.type), c.value, fc.array(fc.boolean(), { maxLength: 6 })));

describe("the fast path", () => {
  it("gives what the general path gives: values, key order, errors and getter reads, on random types and data", () => {
    const before = fastPathCounts.taken;
    fc.assert(
      fc.property(sample, ([type, data, choices]) => {
        const general = outcome(false, type, data, choices);
        // Each submodule plan interpreted, then compiled at its first value.
        const previous = setUsesBeforeCompiling(Infinity);
        try {
          expect(outcome(true, type, data, choices)).toEqual(general);
          setUsesBeforeCompiling(1);
          expect(outcome(true, type, data, choices)).toEqual(general);
        } finally {
          setUsesBeforeCompiling(previous);
        }
      }),
      { seed: 20261206, numRuns: 600 },
    );
    // The comparison means something only if the fast path was taken.
    expect(fastPathCounts.taken - before).toBeGreaterThan(200);
  });

  it("is taken by plain data and left by a getter, a property, a wrong value or an argument other than name", () => {
    const byName = types.submodule(({ name }: { name: string }) => ({ options: { id: mkOption({ type: types.str, default: name }) } }));
    const readsConfig = types.submodule(({ config }: { config: { id?: string } }) => ({
      options: { id: mkOption({ type: types.str, default: "x" }), copy: mkOption({ type: types.str, default: config.id ?? "none" }) },
    }));
    const taken = (type: OptionType, value: unknown): number => {
      const start = fastPathCounts.taken;
      const { config } = evalModules({ modules: [{ options: { xs: mkOption({ type: types.attrsOf(type) }) } }, { config: { xs: { k: value } } }] });
      try {
        JSON.stringify(config);
      } catch (e) {
        if (!isModuleError(e)) throw e;
      }
      return fastPathCounts.taken - start;
    };
    expect(taken(byName, {})).toBeGreaterThan(0);
    expect(taken(byName, { id: mkDefault("d") })).toBe(0);
    expect(taken(byName, { id: 1 })).toBe(0);
    expect(taken(byName, { get id() { return "g"; } })).toBe(0);
    expect(taken(readsConfig, {})).toBe(0);
  });

  it("tries a value once: a declined one is evaluated without a second fast attempt", () => {
    const calls: string[] = [];
    const type = types.submodule(({ name }: { name: string }) => {
      calls.push(name);
      return { options: { id: mkOption({ type: types.str, default: name }) } };
    });
    const value = {
      get id() {
        return "G";
      },
    };
    const { config } = evalModules({ modules: [{ options: { xs: mkOption({ type: types.attrsOf(type) }) } }, { config: { xs: { a: value } } }] });
    expect(JSON.parse(JSON.stringify(config))).toEqual({ xs: { a: { id: "G" } } });
    // Once by the fast attempt (which then meets the getter), once by the nested evaluation.
    expect(calls).toEqual(["a", "a"]);
  });

  it("belongs to a type object: a renamed type keeps it, a copy with another check does not inherit it", () => {
    const digits = types.strMatching("[0-9]+");
    const renamed = renamedType(digits, { name: "digits", description: "digits" });
    const copied = { ...digits, check: (v: unknown) => v === "0" };
    const value = (type: OptionType, v: unknown) => {
      const start = fastPathCounts.taken;
      const { config } = evalModules({ modules: [{ options: { x: mkOption({ type: types.attrsOf(type) }) } }, { config: { x: { k: v } } }] });
      let read: unknown;
      try {
        read = (config as { x: { k: unknown } }).x.k;
      } catch (e) {
        if (!isModuleError(e)) throw e;
        read = e.kind;
      }
      return { read, taken: fastPathCounts.taken - start };
    };
    expect(value(renamed, "12")).toEqual({ read: "12", taken: 1 });
    expect(value(renamed, "x")).toEqual({ read: "TypeMismatch", taken: 0 });
    expect(value(copied, "0")).toEqual({ read: "0", taken: 0 });
    expect(value(copied, "12")).toEqual({ read: "TypeMismatch", taken: 0 });
  });

  it("reuses a call's plan only while the calls declare the same options, types, flags and defaults", () => {
    // Each name gets other declarations: another type, another default, a read-only flag, another
    // option, an extra module's free-form type. A plan kept from an earlier call and read for a
    // later one would give a wrong value, a wrong default or a wrong error here.
    const declarationsOf = (name: string): Record<string, unknown> => {
      switch (name[0]) {
        case "b":
          return { x: mkOption({ type: types.int, default: 1 }) };
        case "c":
          return { y: mkOption({ type: types.str, default: name }) };
        case "d":
          return { x: mkOption({ type: types.str, default: name, readOnly: true }) };
        case "e":
          return { x: mkOption({ type: types.str, default: name }), w: mkOption({ type: types.str, default: "w" }) };
        default:
          return { x: mkOption({ type: types.str, default: name }) };
      }
    };
    const type = types.submodule([
      ({ name }: { name: string }) => ({ options: declarationsOf(name) }),
      ({ name }: { name: string }) => (name === "f" ? { freeformType: types.attrsOf(types.int) } : {}),
    ]);
    // Read in this order, each value after one whose plan it must not take: `c` after `a` (another
    // name), `d2` after `a2` (read-only), `b` after `d2` (another type), `e` after `b2` (one more option).
    const data = { a: {}, c: {}, a2: {}, d2: { x: "set" }, b: {}, b2: { x: 2 }, e: { x: "e!" }, d: {}, f: { n: 1 }, g: { x: 3 }, g2: {} };
    const read = (fast: boolean) => {
      setFastPath(fast);
      const start = fastPathCounts.taken;
      const { config } = evalModules({ modules: [{ options: { xs: mkOption({ type: types.attrsOf(type) }) } }, { config: { xs: data } }] });
      const xs = (config as { xs: Record<string, unknown> }).xs;
      const values = Object.keys(data).map((key) => {
        try {
          return [key, JSON.stringify(xs[key])];
        } catch (e) {
          if (!isModuleError(e)) throw e;
          return [key, e.kind, e.message];
        }
      });
      return { values, taken: fastPathCounts.taken - start };
    };
    const slow = read(false);
    const fast = read(true);
    expect(fast.values).toEqual(slow.values);
    expect(slow.values).toContainEqual(["b2", '{"x":2}']);
    expect(slow.values).toContainEqual(["d2", "UniqueViolation", expect.stringContaining("read-only")]);
    expect(slow.values).toContainEqual(["e", '{"w":"w","x":"e!"}']);
    expect(slow.values).toContainEqual(["f", '{"n":1,"x":"f"}']);
    expect(slow.values).toContainEqual(["g", "TypeMismatch", expect.stringContaining("xs.g.x")]);
    expect(slow.values).toContainEqual(["g2", '{"x":"g2"}']);
    expect(fast.taken).toBeGreaterThan(8);
  });

  it("compiles a plan whatever its option names: integers, quotes, line breaks, Object's own names and __proto__", () => {
    const odd = ["10", "9", "a b", 'q"uo\\te', "line\nbreak", "\u2028", "constructor", "toString", "__proto__", "z"];
    const declare = (names: readonly string[]) => Object.fromEntries(names.map((n, i) => [n, mkOption({ type: types.str, default: `d${i}` })]));
    const many = Array.from({ length: 300 }, (_, i) => `o${i}`);
    const cases: [string, OptionType][] = [
      ["static", types.submodule({ options: declare(odd) })],
      ["300 options, left interpreted", types.submodule({ options: declare([...many, "10", "a b"]) })],
      ["without __proto__", types.submodule({ options: declare(odd.filter((n) => n !== "__proto__")) })],
      ["by name, free-form", types.submodule(({ name }: { name: string }) => ({ freeformType: types.attrsOf(types.str), options: declare([...odd.slice(0, 4), name]) }))],
    ];
    for (const [label, type] of cases) {
      const data = { k1: { "10": "ten", "a b": "space", constructor: "c" }, k2: { "9": "nine", "line\nbreak": "nl", free: "f", "0": "zero" }, k3: {} };
      const read = (fast: boolean, uses: number) => {
        setFastPath(fast);
        const previous = setUsesBeforeCompiling(uses);
        try {
          const { config } = evalModules({ modules: [{ options: { xs: mkOption({ type: types.attrsOf(type) }) } }, { config: { xs: data } }] });
          const xs = (config as { xs: Record<string, Record<string, unknown>> }).xs;
          return Object.keys(data).map((k) => {
            try {
              const value = xs[k]!;
              return [Object.keys(value), Object.getPrototypeOf(value) === Object.prototype, JSON.stringify(value)];
            } catch (e) {
              if (!isModuleError(e)) throw e;
              return [e.kind, e.message];
            }
          });
        } finally {
          setUsesBeforeCompiling(previous);
          setFastPath(true);
        }
      };
      const general = read(false, Infinity);
      expect(read(true, 1), label).toEqual(general);
      expect(read(true, Infinity), label).toEqual(general);
    }
  });

  it("stays interpreted, with the same values, where the runtime refuses code made from strings", () => {
    // The built engine in a process started with --disallow-code-generation-from-strings: plans
    // used hundreds of times cannot be compiled there, and the values are those the fast path
    // gives elsewhere.
    const engine = pathToFileURL(path.join(fileURLToPath(new URL("../../", import.meta.url)), "dist/src/lib/index.js")).href;
    const script = `
      import { evalModules, lib } from ${JSON.stringify(engine)};
      const { mkOption, types } = lib;
      const platform = types.submodule({ options: { p: mkOption({ type: types.str }), q: mkOption({ type: types.int, default: 1 }) } });
      const pkg = types.submodule(({ name }) => ({ freeformType: types.attrsOf(platform), options: { name: mkOption({ type: types.str, default: name }) } }));
      const xs = Object.fromEntries(Array.from({ length: 300 }, (_, i) => ["k" + i, { a: { p: "v" + i }, z: { p: "w", q: i } }]));
      const { config } = evalModules({ modules: [{ options: { xs: mkOption({ type: types.attrsOf(pkg) }) } }, { config: { xs } }] });
      process.stdout.write(JSON.stringify(config.xs));
    `;
    const run = (flags: readonly string[]) => spawnSync(process.execPath, [...flags, "--input-type=module", "-e", script], { encoding: "utf8" });
    const refused = run(["--disallow-code-generation-from-strings"]);
    const allowed = run([]);
    expect(refused.stderr).toBe("");
    expect(refused.status).toBe(0);
    expect(refused.stdout).toBe(allowed.stdout);
    expect(JSON.parse(allowed.stdout)["k299"]).toEqual({ a: { p: "v299", q: 1 }, name: "k299", z: { p: "w", q: 299 } });
  });

  it("reads only what the general path reads: enumerable properties, and modules deduplicated by key", () => {
    const read = (type: OptionType, data: Record<string, unknown>, fast: boolean, uses: number) => {
      setFastPath(fast);
      const previous = setUsesBeforeCompiling(uses);
      try {
        const { config } = evalModules({ modules: [{ options: { xs: mkOption({ type: types.attrsOf(type) }) } }, { config: { xs: data } }] });
        const xs = (config as { xs: Record<string, unknown> }).xs;
        return Object.keys(data).map((k) => {
          try {
            return JSON.stringify(xs[k]);
          } catch (e) {
            if (!isModuleError(e)) throw e;
            return `${e.kind}: ${e.message.split("\n")[0]}`;
          }
        });
      } finally {
        setUsesBeforeCompiling(previous);
        setFastPath(true);
      }
    };
    const compare = (type: () => OptionType, data: () => Record<string, unknown>) => {
      const general = read(type(), data(), false, Infinity);
      for (const uses of [Infinity, 1]) expect(read(type(), data(), true, uses)).toEqual(general);
      return general;
    };
    // A property that is not enumerable is no definition; a getter there is not run.
    let runs = 0;
    const hidden = () => {
      const v: Record<string, unknown> = {};
      Object.defineProperty(v, "a", { get: () => (runs++, "GETTER"), enumerable: false });
      Object.defineProperty(v, "b", { value: "hidden", enumerable: false });
      return { k1: v, k2: v, k3: { a: "shown" } };
    };
    const byName = () => types.submodule(({ name }: { name: string }) => ({ options: { a: mkOption({ type: types.str, default: name }), b: mkOption({ type: types.str, default: "b" }) } }));
    expect(compare(byName, hidden)).toEqual(['{"a":"k1","b":"b"}', '{"a":"k2","b":"b"}', '{"a":"shown","b":"b"}']);
    expect(runs).toBe(0);
    // Two modules of one key are one module: the second's option is not declared.
    const keyed = () =>
      types.submodule([
        ({ name }: { name: string }) => ({ key: "same", options: { a: mkOption({ type: types.str, default: name }) } }),
        () => ({ key: "same", options: { b: mkOption({ type: types.str, default: "b" }) } }),
      ]);
    const general = compare(keyed, () => ({ k1: {}, k2: { b: "x" }, k3: {}, k4: {}, k5: {} }));
    expect(general[0]).toBe('{"a":"k1"}');
    expect(general[1]).toContain("UndeclaredOption");
    // Interpreted and compiled, a declined value counts the same: options before free-form entries.
    const counted = (uses: number) => {
      const type = types.submodule({ freeformType: types.attrsOf(types.str), options: { b: mkOption({ type: types.int }) } });
      const before = { ...fastPathCounts };
      read(type, { k: { a: "x", b: "bad" } }, true, uses);
      return [fastPathCounts.taken - before.taken, fastPathCounts.declined - before.declined];
    };
    expect(counted(1)).toEqual(counted(Infinity));
  });

  it("gives a function of name its name, once per value, as Nix calls it", () => {
    const calls: string[] = [];
    const type = types.submodule(({ name }: { name: string }) => {
      calls.push(name);
      return { options: { id: mkOption({ type: types.str, default: name }) } };
    });
    const { config } = evalModules({ modules: [{ options: { xs: mkOption({ type: types.attrsOf(type) }) } }, { config: { xs: { a: {}, b: { id: "B" } } } }] });
    expect(JSON.parse(JSON.stringify(config))).toEqual({ xs: { a: { id: "a" }, b: { id: "B" } } });
    expect(calls).toEqual(["a", "b"]);
  });
});

describe("lazily computed sets", () => {
  it("are read by JSON.stringify without redefining a property, each getter once: linear in the keys", () => {
    let computed = 0;
    const set: Record<string, unknown> = {};
    for (let i = 0; i < 1000; i++) defineCachedLazy(set, `k${i}`, () => (computed++, { i }));
    const defineProperty = Object.defineProperty;
    let redefinitions = 0;
    Object.defineProperty = ((o: object, k: PropertyKey, d: PropertyDescriptor) => (redefinitions++, defineProperty(o, k, d))) as typeof Object.defineProperty;
    try {
      expect(JSON.parse(JSON.stringify(set))["k999"]).toEqual({ i: 999 });
      JSON.stringify(set);
    } finally {
      Object.defineProperty = defineProperty;
    }
    expect(redefinitions).toBe(0);
    expect(computed).toBe(1000);
  });

  it("as a configuration of 1,000 keys read twice, compute each value once", () => {
    const { config } = evalModules({
      modules: [
        { options: { xs: mkOption({ type: types.attrsOf(types.submodule({ options: { v: mkOption({ type: types.int }) } })) }) } },
        { config: { xs: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { v: i }])) } },
      ],
    });
    const start = fastPathCounts.taken;
    const text = JSON.stringify(config);
    expect(JSON.stringify(config)).toBe(text);
    expect(fastPathCounts.taken - start).toBe(1000 + 1000);
  });
});
