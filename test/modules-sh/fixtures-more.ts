// More fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): disabledModules,
// module arguments, coercions, aliases, submoduleWith, deferredModule and attribute-set laziness.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib } from "../../src/lib/index.js";

const { mkOption, mkIf, mkMerge, mkForce, mkDefault, types } = lib;

type Args = { config: any; options: any; [name: string]: any };

/**
 * `mkMerge(contents())`, the contents computed when the merge is processed: a module whose keys
 * depend on `options` (Nix's `lib.optionalAttrs (options ? name) { ... }`).
 */
function lazyMerge(contents: () => unknown[]): unknown {
  const merge = mkMerge([]);
  return Object.defineProperty({ ...merge }, "contents", { get: contents, enumerable: true });
}

function oops(what: string): never {
  throw new Error(what);
}

const declareEnable = { _file: "/modules/declare-enable.nix", key: "/modules/declare-enable.nix", options: { enable: mkOption({ default: false, type: types.bool }) } };

function withKeyed(key: string | number) {
  const moduleWithKey = { key, config: { enable: true } };
  return {
    options: {
      positive: mkOption({ type: types.submodule({ imports: [declareEnable, moduleWithKey] }), default: {} }),
      negative: mkOption({ type: types.submodule({ imports: [declareEnable, moduleWithKey], disabledModules: [typeof key === "number" ? key : moduleWithKey] }), default: {} }),
    },
  };
}

function aliasWithPriority(aliasDefinition: unknown) {
  return {
    options: {
      enable: mkOption({ type: types.nullOr(types.bool), default: null, example: true }),
      warnings: mkOption({ internal: true, default: [], type: types.listOf(types.str) }),
    },
    imports: [lib.mkAliasOptionModule(["enableAlias"], ["enable"]), { enableAlias: aliasDefinition }, { enable: true }],
  };
}

const submoduleOuterInner = mkMerge([
  () => ({ options: { outer: mkOption({ type: types.bool, default: false }) } }),
  { inner: true, outer: true },
]);

/** The fixtures of this file by name. */
export const moreFixtures: Record<string, unknown> = {
  "disable-module-bad-key.nix": { imports: [declareEnable], disabledModules: [{}] },
  "disable-module-with-key.nix": withKeyed("disable-module-with-key.nix#moduleWithKey"),
  "disable-module-with-toString-key.nix": withKeyed(123),
  "define-enable-with-custom-arg.nix": (args: Args) => ({
    config: {
      get enable() {
        return args["custom"];
      },
    },
  }),
  "define-_module-args-custom.nix": { config: { _module: { args: { custom: true } } } },
  "define-module-check.nix": { _module: { check: false } },
  "declare-coerced-value.nix": { options: { value: mkOption({ default: 42, type: types.coercedTo(types.int, (n: number) => String(n), types.str) }) } },
  "declare-coerced-value-no-default.nix": { options: { value: mkOption({ type: types.coercedTo(types.int, (n: number) => String(n), types.str) }) } },
  "declare-coerced-value-unsound.nix": {
    options: {
      value: mkOption({
        default: "12",
        // lib.toInt: a string of decimal digits, else an error.
        type: types.coercedTo(types.str, (s: string) => (/^-?\d+$/.test(s) ? Number(s) : oops(`toInt: Could not convert ${JSON.stringify(s)} to int.`)), types.ints.s8),
      }),
    },
  },
  "alias-with-priority.nix": aliasWithPriority(mkDefault(false)),
  "alias-with-priority-can-override.nix": aliasWithPriority(mkForce(false)),
  "declare-submoduleWith-special.nix": {
    options: {
      submodule: mkOption({
        type: types.submoduleWith({
          modules: [({ lib: l }: Args) => ({ options: { foo: mkOption({ default: (l as { foo: string }).foo }) } })],
          specialArgs: { lib: { ...lib, foo: "foo" } },
        }),
        default: {},
      }),
    },
  },
  "declare-submoduleWith-shorthand.nix": {
    options: {
      submodule: mkOption({
        type: types.submoduleWith({ modules: [{ options: { config: mkOption({ type: types.bool, default: false }) } }], shorthandOnlyDefinesConfig: true }),
        default: {},
      }),
    },
  },
  "declare-submoduleWith-noshorthand.nix": {
    options: {
      submodule: mkOption({ type: types.submoduleWith({ modules: [{ options: { config: mkOption({ type: types.bool, default: false }) } }] }), default: {} }),
    },
  },
  "define-submoduleWith-shorthand.nix": { submodule: { config: true } },
  "define-submoduleWith-noshorthand.nix": { submodule: { config: { config: true } } },
  "declare-submoduleWith-modules.nix": {
    options: {
      submodule: mkOption({
        type: types.submoduleWith({ modules: [{ options: { inner: mkOption({ type: types.bool, default: false }) } }] }),
        default: {},
      }),
    },
    config: { submodule: submoduleOuterInner },
  },
  "declare-submodule-via-evalModules.nix": {
    options: {
      submodule: mkOption({
        type: lib.evalModules({ modules: [{ options: { inner: mkOption({ type: types.bool, default: false }) } }] }).type,
        default: {},
      }),
    },
    config: { submodule: submoduleOuterInner },
  },
  "prefix-module-argument.nix": {
    options: { foo: mkOption({ type: types.submodule({}), default: {} }) },
    config: {
      foo: (args: Args) => ({
        options: { ok: mkOption({}) },
        config: {
          get ok() {
            return JSON.stringify(args["_prefix"]) === '["foo"]';
          },
        },
      }),
    },
  },
  "deferred-module.nix": {
    imports: [
      ({ config }: Args) => ({
        _file: "generic.nix",
        options: {
          // The imports read config (a getter, as the contract writes laziness); the type itself,
          // its description included, is built at once and read lazily, as Nix's is.
          nodes: mkOption({
            type: types.lazyAttrsOf(
              types.submodule({
                get imports() {
                  return [config.default];
                },
              }),
            ),
            default: {},
          }),
          default: mkOption({ type: types.deferredModule, default: {} }),
        },
      }),
      {
        _file: "default-1.nix",
        default: () => ({
          options: {
            settingsDict: mkOption({ type: types.lazyAttrsOf(types.str), default: {} }),
            bottom: mkOption({ type: types.enum([]) }),
          },
        }),
      },
      // define-settingsDict-a-is-b.nix
      { _file: "default-a-is-b.nix", default: ({ config }: Args) => ({ settingsDict: { get a() { return config.settingsDict.b; } } }) },
      { _file: "nodes-foo.nix", nodes: { foo: { settingsDict: { b: "beta" } } } },
      { _file: "the-file-that-contains-the-bad-config.nix", default: { bottom: "bogus" } },
      { _file: "nodes-foo-c-is-a.nix", nodes: { foo: ({ config }: Args) => ({ settingsDict: { get c() { return config.settingsDict.a; } } }) } },
    ],
  },
  "submoduleFiles.nix": {
    options: {
      submodule: mkOption({
        default: {},
        type: types.submoduleWith({
          modules: [
            ({ options }: Args) => ({
              options: {
                value: mkOption({}),
                internalFiles: mkOption({
                  get default() {
                    return options.value.files;
                  },
                }),
              },
            }),
          ],
        }),
      }),
    },
    imports: [{ _file: "the-file.nix", submodule: { value: 10 } }],
  },
  "disable-recursive/main.nix": {
    imports: [
      { _file: "/modules/disable-recursive/foo.nix", key: "/modules/disable-recursive/foo.nix", imports: [declareEnable] },
      { _file: "/modules/disable-recursive/bar.nix", key: "/modules/disable-recursive/bar.nix", imports: [declareEnable] },
    ],
    enable: true,
  },
  "disable-recursive/disable-foo.nix": { disabledModules: ["/modules/disable-recursive/foo.nix"] },
  "disable-recursive/disable-bar.nix": { disabledModules: ["/modules/disable-recursive/bar.nix"] },
  "define-option-dependently.nix": ({ options }: Args) => ({
    config: lazyMerge(() => [
      // lib.optionalAttrs (options ? enable) { enable = true; }: the merge's contents are computed
      // when definitions are filed, once `options` exists.
      "enable" in options ? { enable: true } : {},
      {
        get value() {
          return "enable" in options ? 360 : 7;
        },
      },
    ]),
  }),
  "define-option-dependently-nested.nix": ({ options }: Args) => ({
    config: lazyMerge(() => [
      "enable" in options.set ? { set: { enable: true } } : {},
      {
        set: {
          get value() {
            return "enable" in options.set ? 360 : 7;
          },
        },
      },
    ]),
  }),
  "declare-enable-nested.nix": { options: { set: { enable: mkOption({ default: false, example: true, type: types.bool }) } } },
  "declare-attrsOf.nix": { options: { value: mkOption({ type: types.attrsOf(types.str), default: {} }) } },
  "declare-lazyAttrsOf.nix": {
    options: { value: mkOption({ type: types.lazyAttrsOf(types.mkOptionType({ ...types.str, name: "str", emptyValue: { value: "empty" } } as never)), default: {} }) },
  },
  "attrsOf-conditional-check.nix": ({ config }: Args) => ({
    options: {
      conditionalWorks: mkOption({
        get default() {
          return !("foo" in config.value);
        },
      }),
    },
    config: { value: { foo: mkIf(false, "should not be defined") } },
  }),
  "attrsOf-lazy-check.nix": ({ config }: Args) => ({
    options: {
      isLazy: mkOption({
        get default() {
          return !("foo" in config.value);
        },
      }),
    },
    config: {
      value: {
        get bar() {
          return oops("is not lazy");
        },
      },
    },
  }),
  "lazy-attrsWith.nix": {
    imports: [
      {
        options: {
          mergedLazyLazy: mkOption({ type: types.attrsWith({ lazy: true, elemType: types.int }) }),
          mergedLazyNonLazy: mkOption({ type: types.attrsWith({ lazy: true, elemType: types.int }) }),
          mergedNonLazyNonLazy: mkOption({ type: types.attrsWith({ elemType: types.int }) }),
        },
      },
      {
        options: {
          mergedLazyLazy: mkOption({ type: types.attrsWith({ lazy: true, elemType: types.int }) }),
          mergedLazyNonLazy: mkOption({ type: types.attrsWith({ elemType: types.int }) }),
          mergedNonLazyNonLazy: mkOption({ type: types.attrsWith({ elemType: types.int }) }),
        },
      },
      ({ config }: Args) => ({
        config: {
          mergedLazyLazy: {
            get bar() {
              return config.mergedLazyLazy.baz + 1;
            },
            baz: 10,
          },
          mergedNonLazyNonLazy: {
            get bar() {
              return config.mergedNonLazyNonLazy.baz + 1;
            },
            baz: 10,
          },
        },
        options: {
          lazyResult: mkOption({
            get default() {
              return config.mergedLazyLazy.bar;
            },
          }),
          nonLazyResult: mkOption({
            get default() {
              return config.mergedNonLazyNonLazy.bar;
            },
          }),
        },
      }),
    ],
  },
  "name-merge-attrsWith-1.nix": {
    imports: [
      {
        options: {
          mergedName: mkOption({
            default: {},
            type: types.attrsWith({ placeholder: "id", elemType: types.submodule({ options: { nested: mkOption({ type: types.int, default: 1 }) } }) }),
          }),
        },
      },
      { options: { mergedName: mkOption({ type: types.attrsOf(types.submodule({})) }) } },
      ({ options }: Args) => ({
        options: {
          result: mkOption({
            get default() {
              return (options.mergedName.type.getSubOptions(options.mergedName.loc).nested.loc as string[]).join(".");
            },
          }),
        },
      }),
    ],
  },
  "name-merge-attrsWith-2.nix": {
    imports: [
      {
        options: {
          mergedName: mkOption({
            default: {},
            type: types.attrsWith({ placeholder: "id", elemType: types.submodule({ options: { nested: mkOption({ type: types.int, default: 1 }) } }) }),
          }),
        },
      },
      { options: { mergedName: mkOption({ type: types.attrsWith({ placeholder: "other", elemType: types.submodule({}) }) }) } },
    ],
  },
};
