// The values of a submodule type with static modules are made without a nested evaluation per
// value (src/lib/types/static-submodule.ts). They must be exactly what the nested evaluation gives:
// the same values, the same keys in the same order, the same errors, the same laziness. The nested
// evaluation is forced by giving the same module as a function (a function may read arguments, so
// it is never planned), and the two are compared on random definitions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepForce, evalModules, isModuleError, lib, type OptionType } from "../../src/lib/index.js";

const { mkOption, types, mkDefault, mkForce, mkIf, mkMerge, mkOverride } = lib;

const archive = {
  options: {
    path: mkOption({ type: types.str }),
    size: mkOption({ type: types.strMatching("[0-9]+"), default: "0" }),
    tags: mkOption({ type: types.listOf(types.str), default: [] }),
    note: mkOption({ type: types.nullOr(types.str), default: null, apply: (v: unknown) => (v === null ? "none" : v) }),
  },
};
const release = {
  freeformType: types.attrsOf(types.submodule(archive)),
  options: {
    version: mkOption({ type: types.str }),
    license: mkOption({ type: types.enum(["free", "unfree"]), default: "unfree" }),
  },
};

/** The type, planned (static modules) or evaluated per value (the same modules behind functions). */
function releaseType(planned: boolean): OptionType {
  if (planned) return types.attrsOf(types.submodule(release));
  const nestedArchive = types.submodule(() => archive);
  return types.attrsOf(types.submodule(() => ({ ...release, freeformType: types.attrsOf(nestedArchive) })));
}

type Outcome = { value: unknown } | { error: string; kind: string; path: readonly string[] | undefined };

function outcome(planned: boolean, definitions: readonly unknown[]): Outcome {
  const modules = [
    { options: { releases: mkOption({ type: releaseType(planned), default: {} }) } },
    ...definitions.map((d, i) => ({ _file: `def${i}.json`, config: { releases: d } })),
  ];
  try {
    return { value: JSON.parse(JSON.stringify(deepForce(evalModules({ modules }).config))) };
  } catch (e) {
    if (!isModuleError(e)) throw e;
    return { error: e.message, kind: e.kind, path: e.path };
  }
}

const word = fc.constantFrom("a", "b", "zz", "1", "__proto__", "constructor", "version", "license", "path");
const scalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 20 }), fc.boolean(), fc.constant(null));
const leaf = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: scalar.map((v) => mkDefault(v)) },
  { weight: 1, arbitrary: scalar.map((v) => mkForce(v)) },
  { weight: 1, arbitrary: fc.tuple(fc.boolean(), scalar).map(([c, v]) => mkIf(c, v)) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }) },
);
const archiveValue = fc.dictionary(fc.constantFrom("path", "size", "tags", "note", "extra"), leaf, { maxKeys: 4 });
const releaseValue = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.oneof(word, fc.constantFrom("linux-x86_64", "linux-sbsa")), fc.oneof(leaf, archiveValue), { maxKeys: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(word, leaf, { maxKeys: 3 }).map((v) => mkMerge([v, { version: "1" }])) },
  { weight: 1, arbitrary: fc.dictionary(word, leaf, { maxKeys: 3 }).map((v) => mkOverride(90, v)) },
  { weight: 1, arbitrary: scalar },
);
const definition = fc.dictionary(fc.constantFrom("r1", "r2", "__proto__", "toString"), releaseValue, { maxKeys: 3 });

describe("static submodule values", () => {
  it("are what a nested evaluation gives, value for value and error for error", () => {
    fc.assert(
      fc.property(fc.array(definition, { minLength: 1, maxLength: 2 }), (definitions) => {
        expect(outcome(true, definitions)).toEqual(outcome(false, definitions));
      }),
      { seed: 20261125, numRuns: 400 },
    );
  });

  it("keep the order of their keys: declared options and free-form names as an evaluation orders them", () => {
    const definitions = [{ r: { version: "1", "linux-x86_64": { path: "p" }, aaa: { path: "q" } } }];
    const keys = (planned: boolean) => {
      const config = evalModules({
        modules: [{ options: { releases: mkOption({ type: releaseType(planned) }) } }, { config: { releases: definitions[0] } }],
      }).config as { releases: { r: object } };
      return Object.keys(config.releases.r);
    };
    expect(keys(true)).toEqual(["aaa", "license", "linux-x86_64", "version"]);
    expect(keys(true)).toEqual(keys(false));
  });

  it("compute an option only when it is read", () => {
    let reads = 0;
    const value = {
      version: "1",
      get license(): string {
        reads++;
        return "free";
      },
    };
    const config = evalModules({
      modules: [{ options: { r: mkOption({ type: types.submodule(release) }) } }, { config: { r: value } }],
    }).config as { r: { version: string; license: string } };
    expect(config.r.version).toBe("1");
    expect(reads).toBe(0);
    expect(config.r.license).toBe("free");
    expect(config.r.license).toBe("free");
    expect(reads).toBe(1);
  });

  it("report a missing option with the file that defined the value, as an evaluation does", () => {
    const planned = outcome(true, [{ r: { license: "free" } }]);
    expect(planned).toMatchObject({ kind: "NoDefinition", path: ["releases", "r", "version"] });
    expect((planned as { error: string }).error).toContain("def0.json");
    expect(planned).toEqual(outcome(false, [{ r: { license: "free" } }]));
  });

  it("leave modules that read arguments, define config or import functions to the nested evaluation", () => {
    const byName = types.submodule(({ name }: { name: string }) => ({ options: { id: mkOption({ type: types.str, default: name }) } }));
    const config = evalModules({
      modules: [{ options: { xs: mkOption({ type: types.attrsOf(byName) }) } }, { config: { xs: { a: {}, b: { id: "B" } } } }],
    }).config;
    expect(deepForce(config)).toEqual({ xs: { a: { id: "a" }, b: { id: "B" } } });
  });
});
