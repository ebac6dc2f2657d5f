// The static type that `ConfigOf` infers for an option of every type of the catalogue
// (`lib.types`), and for submodules nested in other types. The `expectTypeOf` assertions are
// checked by `tsc --noEmit` (part of `npm test`) and do nothing at run time; each test also
// evaluates its module and assigns the configuration to the inferred type, so that the static
// shape is checked against the one the engine produces.
//
// Where the inference is loose, the test pins what it is and says why: `raw`, `anything` and
// `unspecified` are `unknown` by nature; `oneOf` and `submoduleWith` are `unknown` and
// `Record<string, unknown>` because their constructors do not carry their arguments' types.
import { describe, expect, expectTypeOf, test } from "vitest";
import {
  evalModules,
  mkOption,
  mkOptionType,
  mkPackageOption,
  packageType,
  setWarningSettings,
  types,
  type ConfigOf,
  type Derivation,
  type OptionDeclaration,
  type OptionType,
  type ValueOf,
} from "../../src/lib/index.js";

/**
 * Evaluates `module` with each of `definitions` as a module's `config`: the configuration as
 * `ConfigOf` types it. Where definitions merge, the later module's definition comes first.
 */
function evaluate<M>(module: M, ...definitions: readonly object[]): ConfigOf<M> {
  return evalModules({ modules: [module, ...definitions.map((config) => ({ config }))] }).config as ConfigOf<M>;
}

/** The names of `lib.types`; the first test fails when the catalogue gains a name this file does not cover. */
const catalogue = [
  "raw",
  "anything",
  "unspecified",
  "bool",
  "boolByOr",
  "int",
  "ints",
  "port",
  "float",
  "number",
  "numbers",
  "str",
  "nonEmptyStr",
  "singleLineStr",
  "strMatching",
  "separatedString",
  "lines",
  "commas",
  "envVar",
  "passwdEntry",
  "path",
  "pathInStore",
  "externalPath",
  "pathWith",
  "attrs",
  "attrsOf",
  "lazyAttrsOf",
  "attrsWith",
  "loaOf",
  "attrListOf",
  "attrListWith",
  "attrTag",
  "listOf",
  "nonEmptyListOf",
  "nullOr",
  "either",
  "oneOf",
  "coercedTo",
  "addCheck",
  "uniq",
  "unique",
  "functionTo",
  "enum",
  "submodule",
  "submoduleWith",
  "deferredModule",
  "deferredModuleWith",
  "optionType",
  "optionDeclaration",
  "serializableValueWith",
  "json",
  "toml",
  "mkOptionType",
  "isOptionType",
] as const;

describe("ConfigOf over the type catalogue", () => {
  test("every name of lib.types is covered below; the package type is packageType, not types.package", () => {
    expectTypeOf<keyof typeof types>().toEqualTypeOf<(typeof catalogue)[number]>();
    expect(Object.keys(types).sort()).toEqual([...catalogue].sort());
    // Nixpkgs' `types.package` is exported here as `packageType` (with `mkPackageOption`), outside
    // the catalogue; its test is the last of this block.
    expectTypeOf(types).not.toHaveProperty("package");
    expect("package" in types).toBe(false);
  });

  test("raw, anything and unspecified are unknown: any value is theirs", () => {
    const module = {
      options: {
        raw: mkOption({ type: types.raw }),
        anything: mkOption({ type: types.anything }),
        unspecified: mkOption({ type: types.unspecified }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config>().toEqualTypeOf<{ readonly raw: unknown; readonly anything: unknown; readonly unspecified: unknown }>();
    const config: Config = evaluate(module, { raw: { a: 1 }, anything: { a: 1 }, unspecified: [1] }, { anything: { b: 2 }, unspecified: [2] });
    expect(config).toEqual({ raw: { a: 1 }, anything: { a: 1, b: 2 }, unspecified: [2, 1] });
  });

  test("bool and boolByOr are boolean", () => {
    const module = { options: { bool: mkOption({ type: types.bool }), boolByOr: mkOption({ type: types.boolByOr }) } };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["bool"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Config["boolByOr"]>().toEqualTypeOf<boolean>();
    const config: Config = evaluate(module, { bool: true, boolByOr: false }, { boolByOr: true });
    expect(config).toEqual({ bool: true, boolByOr: true });
  });

  test("int, every ints.*, port, float, number and every numbers.* are number", () => {
    const module = {
      options: {
        int: mkOption({ type: types.int }),
        between: mkOption({ type: types.ints.between(0, 10) }),
        unsigned: mkOption({ type: types.ints.unsigned }),
        positive: mkOption({ type: types.ints.positive }),
        u8: mkOption({ type: types.ints.u8 }),
        u16: mkOption({ type: types.ints.u16 }),
        u32: mkOption({ type: types.ints.u32 }),
        s8: mkOption({ type: types.ints.s8 }),
        s16: mkOption({ type: types.ints.s16 }),
        s32: mkOption({ type: types.ints.s32 }),
        port: mkOption({ type: types.port }),
        float: mkOption({ type: types.float }),
        number: mkOption({ type: types.number }),
        numberBetween: mkOption({ type: types.numbers.between(0, 1) }),
        nonnegative: mkOption({ type: types.numbers.nonnegative }),
        numberPositive: mkOption({ type: types.numbers.positive }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config>().toEqualTypeOf<{ readonly [K in keyof typeof module.options]: number }>();
    const values = {
      int: -3, between: 10, unsigned: 0, positive: 1, u8: 255, u16: 65535, u32: 4294967295, s8: -128, s16: -32768,
      s32: 2147483647, port: 443, float: 0.5, number: 2, numberBetween: 0.25, nonnegative: 0, numberPositive: 1.5,
    };
    const config: Config = evaluate(module, values);
    expect(config).toEqual(values);
  });

  test("str, its restricted forms, the separated strings and every path type are string", () => {
    const module = {
      options: {
        str: mkOption({ type: types.str }),
        nonEmptyStr: mkOption({ type: types.nonEmptyStr }),
        singleLineStr: mkOption({ type: types.singleLineStr }),
        strMatching: mkOption({ type: types.strMatching("[a-z]+") }),
        separatedString: mkOption({ type: types.separatedString(" ") }),
        lines: mkOption({ type: types.lines }),
        commas: mkOption({ type: types.commas }),
        envVar: mkOption({ type: types.envVar }),
        passwdEntry: mkOption({ type: types.passwdEntry(types.str) }),
        path: mkOption({ type: types.path }),
        pathInStore: mkOption({ type: types.pathInStore }),
        externalPath: mkOption({ type: types.externalPath }),
        pathWith: mkOption({ type: types.pathWith({ absolute: false }) }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config>().toEqualTypeOf<{ readonly [K in keyof typeof module.options]: string }>();
    const store = "/nix/store/00000000000000000000000000000000-cuda";
    const config: Config = evaluate(
      module,
      {
        str: "s", nonEmptyStr: "n", singleLineStr: "one line\n", strMatching: "abc", separatedString: "a", lines: "a",
        commas: "a", envVar: "/bin", passwdEntry: "root", path: "/etc", pathInStore: store, externalPath: "/usr", pathWith: "lib",
      },
      { separatedString: "b", lines: "b", commas: "b", envVar: "/usr/bin" },
    );
    expect(config).toEqual({
      str: "s", nonEmptyStr: "n", singleLineStr: "one line", strMatching: "abc", separatedString: "b a", lines: "b\na",
      commas: "b,a", envVar: "/usr/bin:/bin", passwdEntry: "root", path: "/etc", pathInStore: store, externalPath: "/usr", pathWith: "lib",
    });
  });

  test("attrs is a record of unknown values; attrsOf, lazyAttrsOf and attrsWith are records of their element's value", () => {
    const module = {
      options: {
        attrs: mkOption({ type: types.attrs }),
        attrsOf: mkOption({ type: types.attrsOf(types.listOf(types.str)) }),
        lazyAttrsOf: mkOption({ type: types.lazyAttrsOf(types.int) }),
        attrsWith: mkOption({ type: types.attrsWith({ elemType: types.bool, lazy: true, placeholder: "feature" }) }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["attrs"]>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<Config["attrsOf"]>().toEqualTypeOf<Record<string, string[]>>();
    expectTypeOf<Config["lazyAttrsOf"]>().toEqualTypeOf<Record<string, number>>();
    expectTypeOf<Config["attrsWith"]>().toEqualTypeOf<Record<string, boolean>>();
    const config: Config = evaluate(
      module,
      { attrs: { a: 1 }, attrsOf: { x: ["a"] }, lazyAttrsOf: { n: 1 }, attrsWith: { cuda: true } },
      { attrs: { b: 2 }, attrsOf: { x: ["b"] } },
    );
    expect(config).toEqual({ attrs: { a: 1, b: 2 }, attrsOf: { x: ["b", "a"] }, lazyAttrsOf: { n: 1 }, attrsWith: { cuda: true } });
  });

  test("listOf and nonEmptyListOf are arrays of their element's value", () => {
    const module = {
      options: {
        listOf: mkOption({ type: types.listOf(types.attrsOf(types.int)) }),
        nonEmptyListOf: mkOption({ type: types.nonEmptyListOf(types.str) }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["listOf"]>().toEqualTypeOf<Record<string, number>[]>();
    expectTypeOf<Config["nonEmptyListOf"]>().toEqualTypeOf<string[]>();
    const config: Config = evaluate(module, { listOf: [{ a: 1 }], nonEmptyListOf: ["x"] }, { listOf: [{ b: 2 }] });
    expect(config).toEqual({ listOf: [{ b: 2 }, { a: 1 }], nonEmptyListOf: ["x"] });
  });

  test("nullOr adds null, either is the union, enum is the union of its values' literal types", () => {
    const level = types.enum(["low", "high"]);
    const module = {
      options: {
        nullOr: mkOption({ type: types.nullOr(types.port), default: null }),
        either: mkOption({ type: types.either(types.int, types.listOf(types.str)) }),
        enum: mkOption({ type: level }),
        constEnum: mkOption({ type: types.enum([1, "auto", false] as const) }),
        // Written inside `mkOption` without `as const`, the values widen to their primitive types:
        // `enum` is generic over its values without a `const` type parameter.
        inlineEnum: mkOption({ type: types.enum(["low", "high"]) }),
        inlineMixedEnum: mkOption({ type: types.enum([1, "auto", false]) }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["nullOr"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Config["either"]>().toEqualTypeOf<number | string[]>();
    expectTypeOf<Config["enum"]>().toEqualTypeOf<"low" | "high">();
    expectTypeOf<Config["constEnum"]>().toEqualTypeOf<1 | "auto" | false>();
    expectTypeOf<Config["inlineEnum"]>().toEqualTypeOf<string>();
    expectTypeOf<Config["inlineMixedEnum"]>().toEqualTypeOf<string | number | boolean>();
    const config: Config = evaluate(module, { either: ["a"], enum: "high", constEnum: "auto", inlineEnum: "low", inlineMixedEnum: 1 });
    expect(config).toEqual({ nullOr: null, either: ["a"], enum: "high", constEnum: "auto", inlineEnum: "low", inlineMixedEnum: 1 });
  });

  test("attrTag is the union of one-attribute objects, each its tag with that tag's value", () => {
    const module = {
      options: {
        listen: mkOption({ type: types.attrTag({ port: mkOption({ type: types.port }), socket: mkOption({ type: types.listOf(types.str) }) }) }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["listen"]>().toEqualTypeOf<{ readonly port: number } | { readonly socket: string[] }>();
    const config: Config = evaluate(module, { listen: { socket: ["a"] } }, { listen: { socket: ["b"] } });
    expect(config).toEqual({ listen: { socket: ["b", "a"] } });
  });

  test("attrListOf is a list of one-attribute records, attrListWith with asAttrs a record of merged values; loaOf is attrsOf", () => {
    const module = {
      options: {
        attrListOf: mkOption({ type: types.attrListOf(types.int) }),
        asAttrs: mkOption({ type: types.attrListWith({ elemType: types.str, asAttrs: true, mergeAttrValues: (_name, values) => values.join(",") }) }),
        collected: mkOption({ type: types.attrListWith({ elemType: types.int, asAttrs: true }) }),
        loaOf: mkOption({ type: types.loaOf(types.bool) }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["attrListOf"]>().toEqualTypeOf<Record<string, number>[]>();
    expectTypeOf<Config["asAttrs"]>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<Config["collected"]>().toEqualTypeOf<Record<string, number[]>>();
    expectTypeOf<Config["loaOf"]>().toEqualTypeOf<Record<string, boolean>>();
    // loaOf's deprecation warning (test/lib/warnings.test.ts) is kept, not printed.
    const warnings: string[] = [];
    const previous = setWarningSettings({ handler: (message) => warnings.push(message) });
    try {
      const config: Config = evaluate(
        module,
        { attrListOf: [{ b: 2 }], asAttrs: [{ a: "x" }], collected: { a: 1 }, loaOf: { on: true } },
        { attrListOf: [{ a: 1 }], asAttrs: [{ a: "y" }], collected: { a: 2 } },
      );
      expect(config).toEqual({ attrListOf: [{ a: 1 }, { b: 2 }], asAttrs: { a: "y,x" }, collected: { a: [2, 1] }, loaOf: { on: true } });
    } finally {
      setWarningSettings(previous);
    }
    expect(warnings).toEqual([expect.stringContaining("The type `types.loaOf' of option `loaOf'")]);
  });

  test("optionDeclaration is a declaration; serializableValueWith, json and toml are unknown, as oneOf is", () => {
    const module = {
      options: {
        optionDeclaration: mkOption({ type: types.optionDeclaration }),
        serializable: mkOption({ type: types.serializableValueWith({ typeName: "YAML" }) }),
        json: mkOption({ type: types.json }),
        toml: mkOption({ type: types.toml }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["optionDeclaration"]>().toEqualTypeOf<OptionDeclaration>();
    expectTypeOf<Config["serializable"]>().toEqualTypeOf<unknown>();
    expectTypeOf<Config["json"]>().toEqualTypeOf<unknown>();
    expectTypeOf<Config["toml"]>().toEqualTypeOf<unknown>();
    const declaration = mkOption({ type: types.int });
    const config: Config = evaluate(module, { optionDeclaration: declaration, serializable: null, json: { a: [1, "b"] }, toml: [true] });
    expect(config).toEqual({ optionDeclaration: declaration, serializable: null, json: { a: [1, "b"] }, toml: [true] });
  });

  test("oneOf is unknown: it takes a list of types of any values, so the union of their values is not kept", () => {
    // `oneOf(types: readonly OptionType[]): OptionType` erases its elements' value types; a
    // signature generic over the list (`oneOf<T extends readonly OptionType<unknown>[]>`) would give
    // the union, as `either` does.
    const module = { options: { oneOf: mkOption({ type: types.oneOf([types.bool, types.int, types.str]) }) } };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["oneOf"]>().toEqualTypeOf<unknown>();
    const config: Config = evaluate(module, { oneOf: 3 });
    expect(config).toEqual({ oneOf: 3 });
  });

  test("coercedTo is its final type; addCheck, uniq and unique keep their type's value", () => {
    const module = {
      options: {
        coercedTo: mkOption({ type: types.coercedTo(types.int, String, types.str) }),
        addCheck: mkOption({ type: types.addCheck(types.int, (x) => x % 2 === 0) }),
        uniq: mkOption({ type: types.uniq(types.listOf(types.int)) }),
        unique: mkOption({ type: types.unique({ message: "Define it once." }, types.attrsOf(types.str)) }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["coercedTo"]>().toEqualTypeOf<string>();
    expectTypeOf<Config["addCheck"]>().toEqualTypeOf<number>();
    expectTypeOf<Config["uniq"]>().toEqualTypeOf<number[]>();
    expectTypeOf<Config["unique"]>().toEqualTypeOf<Record<string, string>>();
    const config: Config = evaluate(module, { coercedTo: 12, addCheck: 4, uniq: [1, 2], unique: { a: "b" } });
    expect(config).toEqual({ coercedTo: "12", addCheck: 4, uniq: [1, 2], unique: { a: "b" } });
  });

  test("functionTo is a function returning its element's value", () => {
    const module = { options: { functionTo: mkOption({ type: types.functionTo(types.listOf(types.str)) }) } };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["functionTo"]>().toEqualTypeOf<(...args: unknown[]) => string[]>();
    const config: Config = evaluate(module, { functionTo: (x: string) => [x] }, { functionTo: (x: string) => [`${x}!`] });
    expect(config.functionTo("a")).toEqual(["a!", "a"]);
  });

  test("submodule is the configuration of its module; submoduleWith is a record of unknown values", () => {
    const server = { options: { port: mkOption({ type: types.port, default: 80 }), name: mkOption({ type: types.str }) } };
    // `submoduleWith` takes its modules as `readonly unknown[]`: `submodule`, which infers its
    // modules' type, is the form whose value is typed.
    const module = {
      options: {
        submodule: mkOption({ type: types.submodule(server) }),
        submoduleWith: mkOption({ type: types.submoduleWith({ modules: [server], shorthandOnlyDefinesConfig: true }) }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["submodule"]>().toEqualTypeOf<{ readonly port: number; readonly name: string }>();
    expectTypeOf<Config["submoduleWith"]>().toEqualTypeOf<Record<string, unknown>>();
    const config: Config = evaluate(module, { submodule: { name: "a" }, submoduleWith: { name: "b", port: 8080 } });
    expect({ ...config.submodule }).toEqual({ port: 80, name: "a" });
    expect({ ...config.submoduleWith }).toEqual({ port: 8080, name: "b" });
  });

  test("deferredModule and deferredModuleWith are the modules collected, as imports; optionType is a type", () => {
    const common = { options: { enable: mkOption({ type: types.bool, default: false }) } };
    const module = {
      options: {
        deferredModule: mkOption({ type: types.deferredModule }),
        deferredModuleWith: mkOption({ type: types.deferredModuleWith({ staticModules: [common] }) }),
        optionType: mkOption({ type: types.optionType }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["deferredModule"]>().toEqualTypeOf<{ imports: unknown[] }>();
    expectTypeOf<Config["deferredModuleWith"]>().toEqualTypeOf<{ imports: unknown[] }>();
    expectTypeOf<Config["optionType"]>().toEqualTypeOf<OptionType>();
    const config: Config = evaluate(module, {
      deferredModule: { config: { enable: true } },
      deferredModuleWith: { config: { enable: true } },
      optionType: types.int,
    });
    expect(config.deferredModule.imports).toHaveLength(1);
    expect(config.deferredModuleWith.imports).toHaveLength(2);
    expect(evalModules({ modules: config.deferredModuleWith.imports }).config).toEqual({ enable: true });
    expect(config.optionType.name).toBe("int");
  });

  test("mkOptionType gives the value type its merge returns, or the one named; isOptionType narrows to a type", () => {
    const even = mkOptionType<number>({ name: "even", check: (x) => typeof x === "number" && x % 2 === 0 });
    const joined = mkOptionType({ name: "joined", merge: (_loc, defs) => defs.map((d) => String(d.value)).join("+") });
    const untyped = mkOptionType({ name: "untyped" });
    const module = {
      options: { even: mkOption({ type: even }), joined: mkOption({ type: joined }), untyped: mkOption({ type: untyped }) },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config>().toEqualTypeOf<{ readonly even: number; readonly joined: string; readonly untyped: unknown }>();
    expectTypeOf(types.mkOptionType).toEqualTypeOf(mkOptionType);
    expectTypeOf(types.isOptionType).guards.toEqualTypeOf<OptionType>();
    const config: Config = evaluate(module, { even: 2, joined: "a", untyped: 1 }, { joined: "b" });
    expect(config).toEqual({ even: 2, joined: "b+a", untyped: 1 });
    expect(types.isOptionType(even)).toBe(true);
  });

  test("packageType and mkPackageOption are a Derivation, or null where the option is nullable", () => {
    const pkgs = { hello: { type: "derivation", name: "hello", outPath: "/nix/store/00000000000000000000000000000000-hello" } };
    const module = {
      options: {
        package: mkOption({ type: packageType }),
        hello: mkPackageOption(pkgs, "hello"),
        maybe: mkPackageOption(pkgs, "hello", { nullable: true, default: null }),
      },
    };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config>().toEqualTypeOf<{ readonly package: Derivation; readonly hello: Derivation; readonly maybe: Derivation | null }>();
    const config: Config = evaluate(module, { package: "/nix/store/00000000000000000000000000000000-cuda_cudart-12.2.140" });
    expect(config.package).toMatchObject({ type: "derivation", name: "cuda_cudart-12.2.140" });
    expect(config.hello).toBe(pkgs.hello);
    expect(config.maybe).toBeNull();
  });
});

describe("ConfigOf with nested submodules", () => {
  const listener = types.submodule({
    options: {
      port: mkOption({ type: types.port }),
      tls: mkOption({ type: types.bool, default: false }),
    },
  });
  const site = types.submodule({
    options: {
      root: mkOption({ type: types.path }),
      listeners: mkOption({ type: types.listOf(listener), default: [] }),
      fallback: mkOption({ type: types.nullOr(listener), default: null }),
    },
  });

  test("a submodule in attrsOf in a submodule, with listOf and nullOr of submodules inside", () => {
    const module = {
      options: {
        server: mkOption({
          type: types.submodule({ options: { sites: mkOption({ type: types.attrsOf(site), default: {} }) } }),
          default: {},
        }),
      },
    };
    type Config = ConfigOf<typeof module>;
    type Listener = { readonly port: number; readonly tls: boolean };
    expectTypeOf<Config["server"]["sites"]>().toEqualTypeOf<
      Record<string, { readonly root: string; readonly listeners: Listener[]; readonly fallback: Listener | null }>
    >();
    const config: Config = evaluate(module, {
      server: { sites: { docs: { root: "/srv/docs", listeners: [{ port: 80 }, { port: 443, tls: true }] }, api: { root: "/srv/api", fallback: { port: 8080 } } } },
    });
    expect(config.server.sites["docs"]?.listeners.map((l) => [l.port, l.tls])).toEqual([[80, false], [443, true]]);
    expect(config.server.sites["docs"]?.fallback).toBeNull();
    expect(config.server.sites["api"]?.fallback?.port).toBe(8080);
  });

  test("a submodule of a module function gives the options of the module it returns", () => {
    const named = types.submodule(({ name }: { name: string }) => ({
      options: { label: mkOption({ type: types.str, default: name }) },
    }));
    const module = { options: { hosts: mkOption({ type: types.attrsOf(named), default: {} }) } };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["hosts"]>().toEqualTypeOf<Record<string, { readonly label: string }>>();
    const config: Config = evaluate(module, { hosts: { alpha: {} } });
    expect(config.hosts["alpha"]?.label).toBe("alpha");
  });

  test("a submodule of several modules has every module's options, also where one module's options contain another's", () => {
    // Regression: `ConfigOf` of the union of the modules inferred one set of options from the
    // union, and kept `port` only; it now distributes over the modules.
    const base = { options: { port: mkOption({ type: types.port }) } };
    const extended = { options: { port: mkOption({ type: types.port }), host: mkOption({ type: types.str }) } };
    const both = types.submodule([base, extended] as const);
    expectTypeOf<ValueOf<typeof both>>().toEqualTypeOf<{ readonly port: number; readonly host: string }>();
    // Without `as const`, TypeScript reduces the list's element type to the supertype `base` before
    // `ConfigOf` sees it (an array literal's union is reduced by subtype); a `const` type parameter
    // on `submodule` would keep the tuple.
    const inline = types.submodule([base, extended]);
    expectTypeOf<ValueOf<typeof inline>>().toEqualTypeOf<{ readonly port: number }>();
    const module = { options: { endpoint: mkOption({ type: both }) } };
    const config: ConfigOf<typeof module> = evaluate(module, { endpoint: { port: 1, host: "h" } });
    expect({ ...config.endpoint }).toEqual({ port: 1, host: "h" });
  });

  test("a freeformType adds its entries beside the declared options, in a submodule and in a top-level module", () => {
    const package_ = types.submodule({
      freeformType: types.lazyAttrsOf(types.str),
      options: { version: mkOption({ type: types.str }), size: mkOption({ type: types.nullOr(types.int), default: null }) },
    });
    const module = {
      freeformType: types.attrsOf(types.listOf(types.int)),
      options: { packages: mkOption({ type: types.attrsOf(package_), default: {} }) },
    };
    type Config = ConfigOf<typeof module>;
    type Package = Config["packages"][string];
    expectTypeOf<Package["version"]>().toEqualTypeOf<string>();
    expectTypeOf<Package["size"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Package[string]>().toEqualTypeOf<string | number | null>();
    expectTypeOf<Config[string]>().toEqualTypeOf<number[] | Record<string, Package>>();
    const config: Config = evaluate(module, { packages: { cudart: { version: "12.2", license: "CUDA" } }, extra: [1, 2] });
    expect({ ...config.packages["cudart"] }).toEqual({ version: "12.2", size: null, license: "CUDA" });
    expect(config["extra"]).toEqual([1, 2]);
  });
});
