// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): types.functionTo,
// moduleType, types.optionType, options that are not declarations, type merging without
// `functor.wrapped`, extendModules in a submodule, freeform shorthands, submodules and `either`,
// addCheck, declaration positions, deferred modules and module arguments read in `imports`.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib } from "../../src/lib/index.js";

const { mkOption, mkMerge, mkForce, mkAfter, mkOverride, mkEnableOption, showOption, types } = lib;

type Args = { config: any; options: any; [name: string]: any };

function oops(what: string): never {
  throw new Error(what);
}

/** An argument that fails when used: Nix's `throw "..."` passed to a function that ignores it. */
const unusable = new Proxy({}, { get: () => oops("shouldn't use input param") });

/** `lib.attrValues`: the values in the order of the sorted names. */
function attrValues(set: Record<string, unknown>): unknown[] {
  return Object.keys(set)
    .sort()
    .map((k) => set[k]);
}

/** `options.fun` of functionTo/*.nix with `result` computed from `config.fun`. */
function functionToModule(elemType: unknown, result: (fun: (input: unknown) => any) => string, fun: unknown): (args: Args) => unknown {
  return ({ config }: Args) => ({
    options: {
      fun: mkOption({ type: types.functionTo(elemType as never) }),
      result: mkOption({
        type: types.str,
        get default() {
          return result(config.fun);
        },
      }),
    },
    config: { fun },
  });
}

const abc = { a: "a", b: "b", c: "c" };

/** A submodule type that declares `options[name]` (fixtures merging several optionType definitions). */
function submoduleDeclaring(name: string, option: unknown, file?: string): unknown {
  return types.submodule({ ...(file === undefined ? {} : { _file: file }), options: { [name]: option } });
}

/** The type of default-type-merge-payload.nix: a payload with no `wrapped` attribute. */
function fooOf(elemType: unknown): unknown {
  return types.mkOptionType({
    name: "foo",
    functor: { name: "foo", build: (payload) => fooOf((payload as { elemType: unknown }).elemType) as never, binOp: (a) => a, payload: { elemType } },
  });
}

/** The fixtures of this file by name. */
export const functionFixtures: Record<string, unknown> = {
  "freeform-deprecated-malicous.nix": {
    options: {
      either: mkOption({ type: types.submodule({ freeformType: types.either(types.int, types.int) }) }),
      eitherBehindNullor: mkOption({ type: types.submodule({ freeformType: types.nullOr(types.either(types.int, types.int)) }) }),
      oneOf: mkOption({ type: types.submodule({ freeformType: types.oneOf([types.int, types.int]) }) }),
      number: mkOption({ type: types.submodule({ freeformType: types.number }) }),
    },
  },
  "freeform-deprecated-malicous-wrong.nix": {
    config: { either: { int: "foo" }, eitherBehindNullor: { int: "foo" }, oneOf: { int: "foo" }, number: { str: "foo" } },
  },
  "freeform-deprecated-malicous-wrong2.nix": {
    config: { either: { int: 42 }, eitherBehindNullor: { int: 42 }, oneOf: { int: 42 }, number: { str: 42 } },
  },
  "freeform-attrsof-either.nix": {
    options: { number: mkOption({ type: types.submodule({ freeformType: types.attrsOf(types.either(types.int, types.int)) }), default: { int: 42 } }) },
  },
  "deferred-module-error.nix": ({ config }: Args) => ({
    options: {
      deferred: mkOption({ type: types.deferredModule }),
      result: mkOption({
        get default() {
          return lib.evalModules({ modules: [config.deferred] }).config["result"];
        },
      }),
    },
    // This should be a set, so this fails.
    config: { deferred: () => true },
  }),
  // Nix positions are line numbers of the .nix source; only the files carry over to JavaScript.
  "declaration-positions.nix": ({ options }: Args) => ({
    imports: [
      {
        options: {
          imported: { line14: mkOption({ type: types.int }) },
          generated: { line22: mkOption({ type: types.int }) },
          submoduleLine38: { extraOptLine27: mkOption({ default: 1, type: types.int }) },
        },
      },
    ],
    options: {
      nested: { nestedLine34: mkOption({ type: types.int }) },
      submoduleLine38: mkOption({
        default: {},
        type: types.submoduleWith({
          modules: [() => ({ options: { submodDeclLine45: mkOption({}) } }), { freeformType: types.lazyAttrsOf(types.uniq(types.unspecified)) }],
        }),
      }),
    },
    config: {
      submoduleLine38: {
        get submodDeclLine45() {
          return options.submoduleLine38.type.getSubOptions([]).submodDeclLine45.declarationPositions;
        },
      },
    },
  }),
  "add-check.nix": (() => {
    const v1Type = types.addCheck(types.int, (v) => v === 0);
    const v2Type = types.addCheck(types.attrsOf(types.int), (v) => typeof v === "object" && v !== null && "foo" in v);
    return {
      options: {
        v1CheckedPass: mkOption({ type: v1Type, default: 0 }),
        v1CheckedFail: mkOption({ type: v1Type, default: 1 }),
        v2checkedPass: mkOption({ type: v2Type, default: { foo: 1 }, apply: (v: Record<string, number>) => v["foo"] === 1 }),
        v2checkedFail: mkOption({ type: v2Type, default: {}, apply: (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown }),
      },
    };
  })(),
  // The options that test Nixpkgs' detection of a `check` replaced with `//` are written too (they
  // are not read by the ported assertions, see NOT-PORTED.md).
  "v2-check-coherence.nix": (() => {
    const never = (type: object) => ({ ...type, check: () => false });
    const hasFoo = (v: unknown) => typeof v === "object" && v !== null && "foo" in v;
    return {
      options: {
        adhocFail: mkOption({ type: types.lazyAttrsOf(never(types.lazyAttrsOf(types.raw)) as never), default: {} }),
        adhocOuterFail: mkOption({ type: never(types.lazyAttrsOf(types.int)) as never, default: {} }),
        eitherLeftFail: mkOption({ type: types.either(never(types.lazyAttrsOf(types.raw)) as never, types.int) }),
        eitherRightFail: mkOption({ type: types.either(types.int, never(types.lazyAttrsOf(types.raw)) as never) }),
        coercedFromFail: mkOption({ type: types.coercedTo(never(types.lazyAttrsOf(types.raw)) as never, () => ({ bar: 1 }), types.lazyAttrsOf(types.int)) }),
        coercedToFail: mkOption({ type: types.coercedTo(types.str, () => ({}), never(types.lazyAttrsOf(types.raw)) as never) }),
        addCheckNested: mkOption({ type: types.addCheck(never(types.lazyAttrsOf(types.raw)) as never, () => true) }),
        addCheckPass: mkOption({ type: types.lazyAttrsOf(types.addCheck(types.lazyAttrsOf(types.raw), hasFoo)), default: {} }),
        addCheckFail: mkOption({ type: types.lazyAttrsOf(types.addCheck(types.lazyAttrsOf(types.raw), hasFoo)), default: {} }),
        normalPass: mkOption({ type: types.lazyAttrsOf(types.attrsOf(types.int)), default: {} }),
        result: mkOption({ type: types.bool, default: false }),
      },
      config: {
        adhocFail: { foo: {} },
        adhocOuterFail: { bar: 42 },
        eitherLeftFail: { foo: {} },
        eitherRightFail: { foo: {} },
        coercedFromFail: { foo: {} },
        coercedToFail: { foo: {} },
        addCheckNested: { foo: {} },
        addCheckPass: { bar: { foo: "value" } },
        addCheckFail: { bar: { baz: "value" } },
        normalPass: { foo: { bar: 42 } },
        result: true,
      },
    };
  })(),
  "import-custom-arg.nix": ({ lib: l, custom }: Args) => ({ imports: [...(custom ? [l.mkForce({ enable: false })] : [])] }),
  "functionTo/trivial.nix": functionToModule(types.str, (fun) => fun("input"), (input: string) => `input is ${input}`),
  "functionTo/merging-list.nix": functionToModule(
    types.listOf(types.str),
    (fun) => (fun(abc) as string[]).join(" "),
    mkMerge([(input: typeof abc) => [input.a], (input: typeof abc) => [input.b]]),
  ),
  // `input + 1` with an integer input: JavaScript adds numbers as Nix does.
  "functionTo/wrong-type.nix": functionToModule(types.str, (fun) => fun(0), (input: number) => input + 1),
  "functionTo/list-order.nix": functionToModule(
    types.listOf(types.str),
    (fun) => (fun(abc) as string[]).join(" "),
    mkMerge([(input: typeof abc) => mkAfter([input.a]), (input: typeof abc) => [input.b]]),
  ),
  "functionTo/merging-attrs.nix": functionToModule(
    types.attrsOf(types.str),
    (fun) => attrValues(fun(abc)).join(" "),
    mkMerge([(input: typeof abc) => ({ a: input.a }), (input: typeof abc) => ({ b: input.b }), (input: typeof abc) => ({ b: mkForce(input.c) })]),
  ),
  "functionTo/submodule-options.nix": ({ config, options }: Args) => ({
    imports: [
      () => ({ options: { fun: mkOption({ type: types.functionTo(types.submodule({ options: { a: mkOption({ default: "a" }) } })) }) } }),
      () => ({ options: { fun: mkOption({ type: types.functionTo(types.submodule({ options: { b: mkOption({ default: "b" }) } })) }) } }),
    ],
    options: {
      result: mkOption({
        type: types.str,
        get default() {
          return attrValues(config.fun(unusable)).join(" ");
        },
      }),
      optionsResult: mkOption({
        type: types.str,
        get default() {
          const subOptions = options.fun.type.getSubOptions(["fun"]) as Record<string, { loc: string[] }>;
          return Object.keys(subOptions)
            .sort()
            .filter((k) => k !== "_module")
            .map((k) => showOption(subOptions[k]!.loc))
            .join(" ");
        },
      }),
    },
    config: { fun: mkMerge([() => ({ b: "bee" })]) },
  }),
  // `moduleType` is a `_module.args` argument: read when the type is needed, not while collecting.
  "declare-variants.nix": (args: Args) => ({
    options: {
      variants: mkOption({
        get type() {
          return types.lazyAttrsOf(args["moduleType"]);
        },
        default: {},
      }),
    },
  }),
  "define-variant.nix": ({ config }: Args) => {
    const names = (attrs: object) => Object.keys(attrs).sort().join(" ");
    return {
      options: {
        attrs: mkOption({ type: types.attrsOf(types.int) }),
        result: mkOption({}),
        resultFoo: mkOption({}),
        resultFooBar: mkOption({}),
        resultFooFoo: mkOption({}),
      },
      config: {
        attrs: { a: 1 },
        variants: {
          foo: { attrs: { b: 1 }, variants: { bar: { attrs: { z: 1 } }, foo: { attrs: { c: 3 } } } },
          bar: { attrs: { y: 1 } },
        },
        get resultFoo() {
          return names(config.variants.foo.attrs);
        },
        get resultFooBar() {
          return names(config.variants.foo.variants.bar.attrs);
        },
        get resultFooFoo() {
          return names(config.variants.foo.variants.foo.attrs);
        },
      },
    };
  },
  "options-type-error-typical.nix": { options: { result: types.str } },
  "options-type-error-typical-nested.nix": { options: { result: { here: types.str } } },
  "options-type-error-configuration.nix": { options: { result: lib.evalModules({ modules: [] }) } },
  "merge-typeless-option.nix": {
    imports: [() => ({ options: { group: mkOption({}) } }), () => ({ options: { group: { enable: mkEnableOption("nothing") } } })],
    config: { group: { enable: false } },
  },
  "optionTypeMerging.nix": ({ config }: Args) => ({
    options: {
      theType: mkOption({ type: types.optionType }),
      theOption: mkOption({
        get type() {
          return config.theType;
        },
      }),
    },
    config: {
      theType: mkMerge([
        submoduleDeclaring("int", mkOption({ type: types.int, default: 10 })),
        submoduleDeclaring("str", mkOption({ type: types.str })),
      ]),
      theOption: { str: "hello" },
    },
  }),
  "optionTypeFile.nix": ({ config }: Args) => ({
    _file: "optionTypeFile.nix",
    options: {
      theType: mkOption({ type: types.optionType }),
      theOption: mkOption({
        get type() {
          return config.theType;
        },
        default: {},
      }),
    },
    config: {
      theType: mkMerge([
        submoduleDeclaring("nested", mkOption({ type: types.int })),
        submoduleDeclaring("nested", mkOption({ type: types.str }), "other.nix"),
      ]),
    },
  }),
  "adhoc-freeformType-survives-type-merge.nix": (() => {
    const a = types.attrsOf(types.submodule({ options: { bar: mkOption({}) } }));
    return {
      options: { dummy: mkOption({ type: types.anything, default: {} }) },
      // Modifying a type like this breaks type merging, which must not happen with one declaration.
      freeformType: { ...a, merge: (loc: string[], defs: never[]) => ({ freeformItems: a.merge(loc, defs) }) },
      config: { foo: { bar: "ok" } },
    };
  })(),
  // Nixpkgs' functor has `type` where ours has `build`; the point, a payload without `wrapped`, holds.
  "default-type-merge-payload.nix": ({ options }: Args) => ({
    imports: [{ options: { foo: mkOption({ type: fooOf(types.int) as never }) } }, { options: { foo: mkOption({ type: fooOf(types.int) as never }) } }],
    options: {
      result: mkOption({
        get default() {
          return options.foo === undefined ? oops("no foo") : "ok";
        },
      }),
    },
  }),
  "extendModules-168767-imports.nix": {
    imports: [
      {
        options: {
          sub: mkOption({
            default: {},
            // `extendModules` is read when the option's type is needed, after collection.
            type: types.submodule((args: Args) => ({
              options: {
                value: mkOption({ type: types.int }),
                specialisation: mkOption({
                  default: {},
                  get type() {
                    return args["extendModules"]({ modules: [{ specialisation: mkOverride(0, {}) }] }).type;
                  },
                }),
              },
            })),
          }),
        },
      },
      { config: { sub: { value: 1 } } },
    ],
  },
  "define-freeform-keywords-shorthand.nix": ({ config }: Args) => ({
    class: { just: "data" },
    a: "one",
    b: "two",
    meta: "meta",
    _module: {
      args: {
        get result() {
          const { _module, ...r } = config as Record<string, unknown>;
          void _module;
          return JSON.stringify(sorted(r)) === JSON.stringify(sorted({ a: "one", b: "two", class: { just: "data" }, meta: "meta" }));
        },
      },
    },
  }),
  "freeform-submodules.nix": ({ options }: Args) => ({
    options: {
      fooDeclarations: mkOption({
        get default() {
          return options.free.type.getSubOptions([])._freeformOptions.foo.declarations;
        },
      }),
      free: mkOption({
        type: types.submodule({
          config: {
            _module: {
              freeformType: mkMerge([
                types.attrsOf(types.submodule({ options: { foo: mkOption({}) } })),
                types.attrsOf(types.submodule({ options: { bar: mkOption({}) } })),
              ]),
            },
          },
        }),
      }),
    },
    config: { free: { xxx: { foo: 10 }, yyy: { bar: 10 } } },
  }),
  "types-anything/attrs-coercible.nix": {
    options: { value: mkOption({ type: types.anything }) },
    config: {
      value: {
        outPath: "foo",
        get err() {
          return oops("err");
        },
      },
    },
  },
};

/** A value with its attribute names sorted at every level, for comparison by JSON. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, sorted(record[k])]),
  );
}
