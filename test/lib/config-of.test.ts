// The static type of a configuration follows its option declarations. These assertions are
// checked by `tsc --noEmit` (part of `npm test`); the run-time halves check that the inferred
// shape is the shape the engine produces.
import { describe, expect, expectTypeOf, test } from "vitest";
import { evalModules, mkOption, types, type ConfigOf, type ValueOf } from "../../src/lib/index.js";

const serverModule = {
  options: {
    port: mkOption({ type: types.port, default: 80 }),
    name: mkOption({ type: types.nullOr(types.str), default: null }),
    tags: mkOption({ type: types.listOf(types.enum(["a", "b"] as const)), default: [] }),
    limits: {
      cpu: mkOption({ type: types.attrsOf(types.int), default: {} }),
    },
    untyped: mkOption({ default: 1 }),
  },
};

describe("ConfigOf", () => {
  test("options, nested sets of options, combinators and untyped options", () => {
    type Config = ConfigOf<typeof serverModule>;
    expectTypeOf<Config["port"]>().toEqualTypeOf<number>();
    expectTypeOf<Config["name"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Config["tags"]>().toEqualTypeOf<("a" | "b")[]>();
    expectTypeOf<Config["limits"]["cpu"]>().toEqualTypeOf<Record<string, number>>();
    expectTypeOf<Config["untyped"]>().toEqualTypeOf<unknown>();
    const config = evalModules({ modules: [serverModule, { config: { limits: { cpu: { a: 1 } } } }] }).config as Config;
    expect(config.port).toBe(80);
    expect(config.limits.cpu).toEqual({ a: 1 });
  });

  test("a module function gives the configuration of the module it returns", () => {
    const moduleFunction = () => ({ options: { enable: mkOption({ type: types.bool, default: false }) } });
    expectTypeOf<ConfigOf<typeof moduleFunction>["enable"]>().toEqualTypeOf<boolean>();
  });

  test("a freeform submodule's value has its declared options and its free-form entries", () => {
    const entry = types.submodule({ options: { size: mkOption({ type: types.str }) } });
    const release = types.submodule({
      freeformType: types.attrsOf(entry),
      options: { version: mkOption({ type: types.str }) },
    });
    type Release = ValueOf<typeof release>;
    expectTypeOf<Release["version"]>().toEqualTypeOf<string>();
    expectTypeOf<Release[string]>().toEqualTypeOf<{ readonly size: string } | string>();
    const config = evalModules({
      modules: [{ options: { r: mkOption({ type: release }) } }, { config: { r: { version: "1", x86: { size: "3" } } } }],
    }).config as { r: Release };
    expect(config.r).toEqual({ version: "1", x86: { size: "3" } });
  });
});
