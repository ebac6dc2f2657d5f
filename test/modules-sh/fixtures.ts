// The fixtures of Nixpkgs' lib/tests/modules/, rewritten in JavaScript under their file names.
// Laziness follows test/conformance/README.md: a value that reads `config` or `options` is a
// getter, a condition that reads `config` is a function, `_module.args` are read inside getters.
// Nix's `throw` in a value that must stay unread becomes a getter that throws.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib } from "../../src/lib/index.js";
import { attrTagFixtures } from "./fixtures-attr-tag.js";
import { classFixtures } from "./fixtures-classes.js";
import { functionFixtures } from "./fixtures-functions.js";
import { libFunctionFixtures } from "./fixtures-lib-functions.js";
import { moreFixtures } from "./fixtures-more.js";
import { packageOptionFixtures } from "./fixtures-package-option.js";
import { typeFixtures } from "./fixtures-types.js";
import { typesNixFixtures } from "./fixtures-types-nix.js";
import { attrListFixtures, valueMetaFixtures } from "./fixtures-value-meta.js";

const { mkOption, mkIf, mkMerge, mkForce, mkDefault, types } = lib;

/** Module arguments, as loosely typed as Nix's. */
type Args = { config: any; options: any; [name: string]: any };

/** A throw that must not be reached unless the engine is too strict. */
function oops(what: string): never {
  throw new Error(what);
}

const enableOption = () => mkOption({ default: false, example: true, type: types.bool, description: "Some descriptive text\n" });

/** Every fixture by its file name under lib/tests/modules/. */
export const fixtures: Record<string, unknown> = {
  "shorthand-meta.nix": {
    imports: [
      ({ config }: Args) => ({
        options: {
          meta: { foo: mkOption({ type: types.listOf(types.str) }) },
          result: mkOption({
            get default() {
              return (config.meta.foo as string[]).join(" ");
            },
          }),
        },
      }),
      { meta: { foo: ["one", "two"] } },
    ],
  },
  "test-push-down-non-attrs.nix": { config: mkIf(true, true) },
  "module-argument-default.nix": (args: Args) => ({
    options: { result: mkOption({}) },
    config: {
      _module: { args: { a: true } },
      get result() {
        return args["a"] ?? false;
      },
    },
  }),
  "specialArgs-lib.nix": ({ config }: Args) => ({
    options: {
      result: mkOption({}),
      weird: mkOption({ type: types.submoduleWith({ specialArgs: { lib: {} }, modules: [] }) }),
    },
    config: {
      weird: (args: Args) => {
        if (Object.keys(args["lib"] as object).length !== 0) oops("lib is not the special one");
        return { options: { foo: mkOption({}) }, config: { foo: mkIf(true, "alright") } };
      },
      get result() {
        return config.weird.foo === "alright" ? "ok" : oops("weird.foo");
      },
    },
  }),
  "error-mkOption-in-config.nix": { wrong1: mkOption({}), nest: { wrong2: mkOption({}) } },
  "error-mkOption-in-submodule-config.nix": {
    options: { sub: mkOption({ type: types.submodule({ wrong2: mkOption({}) }), default: {} }) },
  },
  "error-nonEmptyListOf-submodule.nix": { options: { bad: mkOption({ type: types.nonEmptyListOf(types.submodule({})), default: [] }) } },
  "declare-enable.nix": { options: { enable: enableOption() } },
  "define-enable.nix": { enable: true },
  "define-enable-throw.nix": {
    config: {
      get enable() {
        return oops("oops");
      },
    },
  },
  "boolByOr.nix": {
    options: { value: mkOption({ type: types.lazyAttrsOf(types.boolByOr) }) },
    config: {
      value: {
        falseFalse: mkMerge([false, false]),
        trueFalse: mkMerge([true, false]),
        falseTrue: mkMerge([false, true]),
        trueTrue: mkMerge([true, true]),
      },
    },
  },
  "declare-bare-submodule.nix": ({ config }: Args) => ({
    options: {
      get "bare-submodule"() {
        return mkOption({ type: types.submoduleWith({ modules: [], shorthandOnlyDefinesConfig: config.shorthandOnlyDefinesConfig }), default: {} });
      },
      shorthandOnlyDefinesConfig: mkOption({ default: false }),
    },
  }),
  "declare-bare-submodule-nested-option.nix": ({ config }: Args) => ({
    options: {
      get "bare-submodule"() {
        return mkOption({
          type: types.submoduleWith({
            shorthandOnlyDefinesConfig: config.shorthandOnlyDefinesConfig,
            modules: [{ options: { nested: mkOption({ type: types.int, default: 1 }) } }],
          }),
        });
      },
    },
  }),
  "declare-bare-submodule-deep-option.nix": { options: { "bare-submodule": { deep: mkOption({ type: types.int, default: 2 }) } } },
  "declare-bare-submodule-deep-option-duplicate.nix": { options: { "bare-submodule": { deep: mkOption({ type: types.int, default: 2 }) } } },
  "define-bare-submodule-values.nix": { "bare-submodule": { nested: 42, deep: 420 } },
  "define-shorthandOnlyDefinesConfig-true.nix": { shorthandOnlyDefinesConfig: true },
  "strMatching-merge.nix": {
    imports: [{ options: { sm: mkOption({ type: types.strMatching("\\(.*\\)") }) } }, { options: { sm: mkOption({ type: types.strMatching("\\(.*\\)") }) } }],
  },
  "declare-int-unsigned-value.nix": { options: { value: mkOption({ type: types.ints.unsigned }) } },
  "declare-int-positive-value.nix": { options: { value: mkOption({ type: types.ints.positive }) } },
  "declare-int-positive-value-nested.nix": { options: { set: { value: mkOption({ type: types.ints.positive }) } } },
  "declare-int-between-value.nix": { options: { value: mkOption({ type: types.ints.between(-21, 43) }) } },
  "define-value-int-positive.nix": { value: 42 },
  "define-value-int-negative.nix": { value: -23 },
  "define-value-int-zero.nix": { value: 0 },
  "define-value-list.nix": { value: [] },
  "define-value-string.nix": { value: "24" },
  "define-value-string-bigint.nix": { value: "1000" },
  "define-value-string-arbitrary.nix": { value: "foobar" },
  "define-value-string-properties.nix": { imports: [{ value: mkDefault("def") }], value: mkMerge([mkIf(false, "nope"), "yes"]) },
  "declare-either.nix": { options: { value: mkOption({ type: types.either(types.int, types.str) }) } },
  "declare-oneOf.nix": { options: { value: mkOption({ type: types.oneOf([types.int, types.listOf(types.int), types.str]) }) } },
  "define-force-enable.nix": mkForce({ enable: false }),
  "define-enable-force.nix": { enable: mkForce(false) },
  "declare-attrsOfSub-any-enable.nix": {
    options: {
      attrsOfSub: mkOption({ default: {}, example: {}, type: types.attrsOf(types.submodule([() => ({ options: { enable: enableOption() } })])) }),
    },
  },
  "define-attrsOfSub-foo.nix": { attrsOfSub: { foo: {} } },
  "define-attrsOfSub-bar.nix": { attrsOfSub: { bar: {} } },
  "define-attrsOfSub-foo-enable.nix": { attrsOfSub: { foo: { enable: true } } },
  "define-attrsOfSub-bar-enable.nix": { attrsOfSub: { bar: { enable: true } } },
  "define-attrsOfSub-foo-enable-force.nix": { attrsOfSub: { foo: { enable: mkForce(false) } } },
  "define-attrsOfSub-foo-force-enable.nix": { attrsOfSub: { foo: mkForce({ enable: false }) } },
  "define-attrsOfSub-force-foo-enable.nix": { attrsOfSub: mkForce({ foo: { enable: false } }) },
  "define-force-attrsOfSub-foo-enable.nix": mkForce({ attrsOfSub: { foo: { enable: false } } }),
  "define-attrsOfSub-foo-enable-if.nix": ({ config }: Args) => ({ attrsOfSub: { foo: { enable: mkIf(() => config.enable, true) } } }),
  "define-attrsOfSub-foo-if-enable.nix": ({ config }: Args) => ({ attrsOfSub: { foo: mkIf(() => config.enable, { enable: true }) } }),
  "define-attrsOfSub-if-foo-enable.nix": ({ config }: Args) => ({ attrsOfSub: mkIf(() => config.enable, { foo: { enable: true } }) }),
  "define-if-attrsOfSub-foo-enable.nix": ({ config }: Args) => mkIf(() => config.enable, { attrsOfSub: { foo: { enable: true } } }),
  "disable-declare-enable.nix": { disabledModules: ["/modules/declare-enable.nix"] },
  "disable-define-enable.nix": { disabledModules: ["/modules/define-enable.nix"] },
  "disable-define-enable-string-path.nix": { disabledModules: ["/modules/define-enable.nix"] },
  "disable-enable-modules.nix": { disabledModules: ["define-enable.nix", "declare-enable.nix"] },
  ...moreFixtures,
  ...typeFixtures,
  ...functionFixtures,
  ...classFixtures,
  ...attrTagFixtures,
  ...packageOptionFixtures,
  ...valueMetaFixtures,
  ...attrListFixtures,
  ...typesNixFixtures,
  ...libFunctionFixtures,
};
