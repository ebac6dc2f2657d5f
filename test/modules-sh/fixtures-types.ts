// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): freeform modules,
// types.anything, empty values and defaults, types.unique and types.raw.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib } from "../../src/lib/index.js";

const { mkOption, mkIf, mkMerge, mkForce, mkDefault, mkBefore, types } = lib;

type Args = { config: any; options: any; [name: string]: any };

function oops(what: string): never {
  throw new Error(what);
}

/** The fixtures of this file by name. */
export const typeFixtures: Record<string, unknown> = {
  "freeform-attrsOf.nix": { freeformType: types.attrsOf(types.either(types.str, types.attrsOf(types.str))) },
  "freeform-lazyAttrsOf.nix": { freeformType: types.lazyAttrsOf(types.either(types.str, types.lazyAttrsOf(types.str))) },
  "freeform-nested.nix": {
    options: { nest: { foo: mkOption({ type: types.bool, default: false }) } },
    config: { nest: { bar: "bar" } },
  },
  "freeform-str-dep-unstr.nix": ({ config }: Args) => ({
    options: { foo: mkOption({ type: types.nullOr(types.str), default: null }) },
    config: {
      get foo() {
        return mkIf("value" in config, config.value);
      },
    },
  }),
  "freeform-unstr-dep-str.nix": ({ config }: Args) => ({
    options: { value: mkOption({ type: types.nullOr(types.str), default: null }) },
    config: {
      get foo() {
        return mkIf(config.value !== null, config.value);
      },
    },
  }),
  "types-anything/nested-attrs.nix": {
    options: { value: mkOption({ type: types.anything }) },
    config: mkMerge([{ value: { foo: null } }, { value: { l1: { foo: null } } }, { value: { l1: { l2: { foo: null } } } }, { value: { l1: { l2: { l3: { foo: null } } } } }]),
  },
  "types-anything/lists.nix": {
    options: { value: mkOption({ type: types.anything }) },
    config: mkMerge([{ value: ["a value"] }, { value: ["another value"] }]),
  },
  "types-anything/equal-atoms.nix": {
    options: { value: mkOption({ type: types.anything }) },
    config: mkMerge(
      [0, 1].map(() => ({ value: { int: 0, bool: false, string: "", path: "/modules/types-anything", null: null, float: 0.1, list: [1, "a", { x: null }] } })),
    ),
  },
  "types-anything/functions.nix": ({ config }: Args) => ({
    options: {
      valueIsFunction: mkOption({
        get default() {
          return Object.fromEntries(Object.entries(config.value as object).map(([k, v]) => [k, typeof v === "function"]));
        },
      }),
      value: mkOption({ type: types.anything }),
      applied: mkOption({
        get default() {
          const value = config.value as Record<string, (x: unknown) => unknown>;
          const out: Record<string, unknown> = {};
          for (const k of Object.keys(value)) Object.defineProperty(out, k, { enumerable: true, get: () => value[k]!(null) });
          return out;
        },
      }),
    },
    config: mkMerge([
      { value: { "single-lambda": (x: unknown) => x, "multiple-lambdas": (x: unknown) => ({ x }), "merging-lambdas": (x: unknown) => ({ x }) } },
      { value: { "multiple-lambdas": (x: unknown) => [x], "merging-lambdas": (y: unknown) => ({ y }) } },
    ]),
  }),
  "types-anything/mk-mods.nix": {
    options: { value: mkOption({ type: types.anything }) },
    config: mkMerge([
      { value: { mkiffalse: mkIf(false, {}) } },
      { value: { mkiftrue: mkIf(true, {}) } },
      { value: { mkdefault: mkDefault(0) } },
      { value: { mkdefault: 1 } },
      { value: { mkmerge: mkMerge([{}]) } },
      { value: { mkbefore: mkBefore(true) } },
      {
        value: {
          nested: mkMerge([
            { foo: mkDefault(0), bar: mkIf(false, 0) },
            mkIf(true, { foo: mkIf(true, mkForce(1)), bar: { baz: mkDefault("baz") } }),
          ]),
        },
      },
    ]),
  },
  "emptyValues.nix": {
    options: {
      int: mkOption({ type: types.lazyAttrsOf(types.int) }),
      list: mkOption({ type: types.lazyAttrsOf(types.listOf(types.int)) }),
      nonEmptyList: mkOption({ type: types.lazyAttrsOf(types.nonEmptyListOf(types.int)) }),
      attrs: mkOption({ type: types.lazyAttrsOf(types.attrsOf(types.int)) }),
      null: mkOption({ type: types.lazyAttrsOf(types.nullOr(types.int)) }),
      submodule: mkOption({ type: types.lazyAttrsOf(types.submodule({})) }),
    },
    config: Object.fromEntries(["int", "list", "nonEmptyList", "attrs", "null", "submodule"].map((k) => [k, { a: mkIf(false, null) }])),
  },
  "defaults.nix": ({ config }: Args) => ({
    options: {
      list: mkOption({ type: types.listOf(types.int) }),
      attrs: mkOption({ type: types.attrs }),
      attrsOf: mkOption({ type: types.attrsOf(types.int) }),
      null: mkOption({ type: types.nullOr(types.int) }),
      submodule: mkOption({ type: types.submodule({}) }),
      submoduleWithDefaults: mkOption({
        type: types.submodule({ options: { enabled: mkOption({ type: types.bool, default: true }), count: mkOption({ type: types.int, default: 13 }) } }),
      }),
      unique: mkOption({ type: types.unique({ message: "hi" }, types.listOf(types.int)) }),
      coercedTo: mkOption({ type: types.coercedTo(types.attrsOf(types.int), (a: object) => Object.keys(a).sort(), types.listOf(types.str)) }),
      int: mkOption({ type: types.int }),
      result: mkOption({
        type: types.str,
        get default() {
          const s = config.submoduleWithDefaults;
          return s.enabled === true && s.count === 13 && Object.keys(s).length === 2 ? "ok" : oops("assertion failed");
        },
      }),
    },
  }),
  "types-unique.nix": {
    options: {
      examples: mkOption({
        type: types.lazyAttrsOf(
          types.unique(
            { message: "We require a single definition, because seeing the whole value at once helps us maintain critical invariants of our system." },
            types.attrsOf(types.str),
          ),
        ),
      }),
    },
    imports: [{ examples: { merged: { b: "bee" } } }, { examples: { override: mkForce({ b: "bee" }) } }],
    config: { examples: { merged: { a: "aye" }, override: { a: "aye" }, badLazyType: { a: true } } },
  },
  "raw.nix": ({ config }: Args) => ({
    options: {
      processedToplevel: mkOption({ type: types.raw }),
      unprocessedNesting: mkOption({ type: types.raw }),
      multiple: mkOption({ type: types.raw }),
      priorities: mkOption({ type: types.raw }),
      unprocessedNestingEvaluates: mkOption({
        get default() {
          // builtins.tryEval: the value is a set; its throwing attribute is never read.
          const v = config.unprocessedNesting;
          return { success: typeof v === "object" && v !== null, value: v };
        },
      }),
    },
    config: {
      processedToplevel: mkIf(true, 10),
      unprocessedNesting: {
        get foo() {
          return oops("foo");
        },
      },
      multiple: mkMerge(["foo", "foo"]),
      priorities: mkMerge(["foo", mkForce("bar")]),
    },
  }),
  "declare-set.nix": { options: { set: mkOption({ default: {}, example: { a: 1 }, type: types.attrsOf(types.int) }) } },
};
