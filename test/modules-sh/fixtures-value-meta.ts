// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): the `valueMeta` of
// options (what a type's merge knows beside the value) and types.attrListOf.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { deepForce, lib } from "../../src/lib/index.js";
import { deepEqual } from "../../src/lib/attrs.js";

const { mkOption, types } = lib;

type Args = { config: any; options: any; [name: string]: any };

function oops(what: string): never {
  throw new Error(what);
}

// One declaration each, declared twice where the fixture merges them, as in the Nix file.
const attrsOfModule = mkOption({ type: types.attrsOf(types.submodule({ options: { bar: mkOption({ type: types.int }) } })) });
const listOfModule = mkOption({ type: types.listOf(types.submodule({ options: { bar: mkOption({ type: types.int }) } })) });

export const valueMetaFixtures: Record<string, unknown> = {
  "types-valueMeta.nix": {
    imports: [
      ({ options }: Args) => ({
        options: {
          str: mkOption({ type: types.str }),
          attrsOf: mkOption({ type: types.attrsOf(types.str), default: { foo: "foo", bar: "bar" } }),
          attrsOfResult: mkOption({
            get default() {
              return Object.keys(options.attrsOf.valueMeta.attrs).sort();
            },
          }),
          listOf: mkOption({ type: types.listOf(types.str), default: ["foo", "bar"] }),
          listOfResult: mkOption({
            get default() {
              return options.listOf.valueMeta.list.length;
            },
          }),
          // `types.submoduleOf` does not exist: Nix never reads this type, and neither do we.
          submoduleOf: mkOption({
            get type(): never {
              return oops("attribute 'submoduleOf' missing");
            },
          }),
        },
      }),
    ],
  },
  "composed-types-valueMeta.nix": {
    imports: [
      {
        options: {
          attrsOfModule,
          mergedAttrsOfModule: attrsOfModule,
          listOfModule,
          mergedListOfModule: listOfModule,
        },
      },
      {
        options: {
          mergedAttrsOfModule: attrsOfModule,
          mergedListOfModule: listOfModule,
        },
      },
      { attrsOfModule: { foo: { bar: 42 } }, mergedAttrsOfModule: { foo: { bar: 42 } } },
      ({ options }: Args) => ({
        config: { listOfModule: [{ bar: 42 }], mergedListOfModule: [{ bar: 42 }] },
        options: {
          listResult: mkOption({
            get default() {
              return options.listOfModule.valueMeta.list[0].configuration.options.bar.value;
            },
          }),
          mergedListResult: mkOption({
            get default() {
              return options.mergedListOfModule.valueMeta.list[0].configuration.options.bar.value;
            },
          }),
        },
      }),
    ],
  },
};

const { mkOrder, mkMerge, mkBefore, mkAfter, mkIf, mkOverride, mkDefault, mkForce } = lib;

/** `mk(content)` whose content is computed when read (`mkDefault (abort …)` in Nix). */
function lazyContent(mk: (content: unknown) => object, content: () => unknown): object {
  return Object.defineProperty({ ...mk(undefined) }, "content", { get: content, enumerable: true });
}

const mustNotEvaluate = () => oops("overridden by mkForce; laziness guarantee: MUST NOT be evaluated");
const abortDefault = () => lazyContent(mkDefault, mustNotEvaluate);
const abortOverride100 = () => lazyContent((c) => mkOverride(100, c), mustNotEvaluate);

/** Nix's `assert`: the value, or an error naming what failed. */
function check(condition: boolean, what: string): void {
  if (!condition) oops(`assertion failed: ${what}`);
}

/**
 * `lib.cli.toCommandLineGNU { }` of a one-attribute set of a string, as the fixture uses it (a
 * one-letter name is a short option, `-xvalue`; a longer one `--name=value`). lib.cli is not part
 * of the module system.
 */
function toCommandLineGNU(attrs: Record<string, string>): string[] {
  return Object.entries(attrs).map(([name, value]) => (name.length === 1 ? `-${name}${value}` : `--${name}=${value}`));
}

/** `builtins.mapAttrs (k: v: builtins.deepSeq v v)`. */
function deepSeqValues(set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(set)) Object.defineProperty(out, k, { get: () => deepForce(set[k]), enumerable: true });
  return out;
}

const declareAttrList = ({ config }: Args) => ({
  options: {
    attrList: mkOption({ type: types.lazyAttrsOf(types.attrListOf(types.str)) }),
    attrListInt: mkOption({ type: types.lazyAttrsOf(types.attrListOf(types.int)) }),
    attrListSubmodule: mkOption({
      type: types.attrListOf(
        types.submodule({
          options: {
            port: mkOption({ type: types.int, description: "Port number" }),
            host: mkOption({ type: types.str, default: "localhost", description: "Hostname" }),
          },
        }),
      ),
    }),
    asAttrs: mkOption({
      type: types.lazyAttrsOf(types.attrListWith({ elemType: types.str, asAttrs: true, mergeAttrValues: (_name, values) => values[values.length - 1]! })),
    }),
    asAttrsDefault: mkOption({ type: types.lazyAttrsOf(types.attrListWith({ elemType: types.int, asAttrs: true })) }),
    attrListStrict: mkOption({ type: types.lazyAttrsOf(types.raw) }),
    attrListIntStrict: mkOption({ type: types.lazyAttrsOf(types.raw) }),
    eitherAttrListOrInt: mkOption({ type: types.either(types.attrListOf(types.str), types.int) }),
    eitherAttrListOrIntFallback: mkOption({ type: types.either(types.attrListOf(types.str), types.int) }),
    eitherIntOrAttrList: mkOption({ type: types.either(types.int, types.attrListOf(types.str)) }),
    eitherIntOrAttrListFallback: mkOption({ type: types.either(types.int, types.attrListOf(types.str)) }),
    assertions: mkOption({}),
  },
  imports: [{ attrListInt: { multiModule: [{ b: 2 }] } }],
  config: {
    attrList: {
      listInput: [{ a: "alpha" }, { b: "beta" }],
      attrsetOrdered: { x: mkOrder(200, "x-val"), y: mkOrder(100, "y-val") },
      mixed: mkMerge<unknown>([[{ m: "from-list" }], { n: mkOrder(50, "from-attrset") }]),
      attrsetNoOrder: { foo: "bar", baz: "qux" },
      empty: [],
      ordering: mkMerge<unknown>([{ last: mkOrder(1500, "last") }, { first: mkOrder(500, "first") }, [{ middle: "middle" }]]),
      listOrdering: [mkAfter({ z: "after" }), { m: "default" }, mkBefore({ a: "before" })],
      listDefaultPrio: mkMerge<unknown>([{ after: mkOrder(1001, "after") }, [{ mid: "list-entry" }], { before: mkOrder(999, "before") }]),
      beforeAfter: mkMerge<unknown>([{ z: mkAfter("after") }, { a: mkBefore("before") }, [{ m: "default" }]]),
      withMkIf: mkMerge([mkIf(true, [{ yes: "included" }]), mkIf(false, [{ no: "excluded" }])]),
      withOverride: mkMerge([mkOverride(100, [{ replaced: "gone" }]), mkOverride(50, [{ winner: "wins" }])]),
      withDefault: mkMerge<unknown>([mkDefault([{ default: "overridden" }]), [{ normal: "wins" }]]),
      withForce: mkMerge<unknown>([[{ discarded: "gone" }], mkForce([{ forced: "wins" }])]),
      forceWithOrder: mkForce([mkAfter({ second: "after" }), mkBefore({ first: "before" })]),
      forceAttrset: mkMerge<unknown>([[{ discarded: "gone" }], mkForce({ x: mkOrder(200, "x-val"), y: mkOrder(100, "y-val") })]),
      forceRepeatedKey: [{ x: abortOverride100() }, { x: mkForce("wins") }, { x: mkForce("wins 2") }],
      forceRepeatedKeyMerge: mkMerge([
        [{ x: "unused: overridden by mkForce" }, { x: abortDefault() }],
        [{ x: abortOverride100() }],
        [{ x: mkForce("forced") }],
      ]),
      forceRepeatedKeyAttrs: mkMerge<unknown>([{ x: abortDefault(), y: "kept" }, { x: mkForce("forced") }]),
      forcePartialAttrs: mkMerge<unknown>([{ x: "unused: overridden by mkForce", y: "normal y" }, { x: mkForce("forced x") }]),
      forceMixedFormats: mkMerge<unknown>([[{ x: abortOverride100() }, { y: "list y" }], { x: mkForce("attrset forced x") }]),
      nestListOrderForce: mkMerge([
        [{ x: abortDefault() }, mkOrder(500, { x: mkForce("forced-early") }), mkOrder(1500, { y: "late" })],
        [mkOrder(100, { z: "earliest" })],
      ]),
      nestListOrderOfForce: mkMerge([
        [{ x: abortOverride100() }, { y: "plain-early" }],
        [{ x: mkOrder(1500, mkForce("forced-late")) }, { z: mkOrder(500, "earliest") }],
        [{ x: "unused: overridden by mkForce" }, { w: mkOrder(1200, "mid") }],
      ]),
      nestListForceOfOrder: mkMerge([
        [{ x: "unused: overridden by mkForce" }, { y: "plain-early" }],
        [{ x: mkForce(mkOrder(1500, "forced-late")) }, { z: mkOrder(500, "earliest") }],
        [{ x: abortDefault() }, { w: mkOrder(1200, "mid") }],
      ]),
      nestAttrsOrderOfForce: mkMerge<unknown>([
        { x: abortOverride100(), y: "plain-early" },
        { x: mkOrder(1500, mkForce("forced-late")), z: mkOrder(500, "earliest") },
        { x: "unused: overridden by mkForce", w: mkOrder(1200, "mid") },
      ]),
      nestAttrsForceOfOrder: mkMerge<unknown>([
        { x: "unused: overridden by mkForce", y: "plain-early" },
        { x: mkForce(mkOrder(1500, "forced-late")), z: mkOrder(500, "earliest") },
        { x: abortDefault(), w: mkOrder(1200, "mid") },
      ]),
      badListElem: [{ a: "ok", b: "extra" }],
      badString: "not-a-container",
      badListString: ["not a singleton attribute"],
    },
    attrListInt: {
      multiModule: [{ a: 1 }],
      forceElementValue: [{ a: abortDefault() }, { a: mkForce(42) }, { a: abortOverride100() }, { b: 2 }],
      optionalValueList: [{ a: mkIf(true, 1) }, { b: mkIf(false, 2) }, { c: 3 }],
      optionalValueAttrs: { a: mkIf(true, 1), b: mkIf(false, 2), c: 3 },
      badValue: [{ a: "not-an-int" }],
    },
    attrListSubmodule: [{ web: { port: 80 } }, { db: { port: 5432, host: "dbhost" } }],
    asAttrs: {
      unique: [{ a: "alpha" }, { b: "beta" }],
      duplicateKeys: mkMerge<unknown>([{ x: mkOrder(500, "first") }, { x: mkOrder(1500, "last") }, { y: "only" }]),
      ordered: { z: mkOrder(200, "z-val"), a: mkOrder(100, "a-val") },
      withForce: mkMerge<unknown>([{ x: "unused: overridden by mkForce" }, { x: mkForce("forced"), y: "kept" }]),
      empty: [],
    },
    asAttrsDefault: {
      unique: [{ a: 1 }, { b: 2 }],
      duplicates: mkMerge<unknown>([{ x: mkOrder(500, 10) }, { x: mkOrder(1500, 30) }, { y: 99 }, [{ x: 20 }]]),
    },
    eitherAttrListOrInt: [{ a: "hello" }, { b: "world" }],
    eitherAttrListOrIntFallback: 42,
    eitherIntOrAttrList: 42,
    eitherIntOrAttrListFallback: [{ a: "hello" }],
    get attrListStrict() {
      return deepSeqValues(config.attrList);
    },
    get attrListIntStrict() {
      return deepSeqValues(config.attrListInt);
    },
    get assertions() {
      return attrListAssertions();
    },
  },
});

const declareAttrListFile = { _file: "/modules/declare-attrList.nix", key: "/modules/declare-attrList.nix", imports: [declareAttrList] };

/** The `assertions` of declare-attrList.nix, in its order, over a new evaluation of the fixture. */
function attrListAssertions(): string {
  const c = lib.evalModules({ modules: [declareAttrListFile] });
  const cfg = c.config as any;
  const opts = c.options as any;
  const is = (actual: unknown, expected: unknown, what: string) => check(deepEqual(actual, expected), what);
  is(cfg.attrList.listInput, [{ a: "alpha" }, { b: "beta" }], "listInput");
  is(cfg.attrList.attrsetOrdered, [{ y: "y-val" }, { x: "x-val" }], "attrsetOrdered");
  is(cfg.attrList.mixed, [{ n: "from-attrset" }, { m: "from-list" }], "mixed");
  is(cfg.attrListInt.multiModule, [{ b: 2 }, { a: 1 }], "multiModule");
  check(cfg.attrList.attrsetNoOrder.length === 2, "attrsetNoOrder");
  is(cfg.attrList.empty, [], "empty");
  is(cfg.attrList.listOrdering, [{ a: "before" }, { m: "default" }, { z: "after" }], "listOrdering");
  is(cfg.attrList.listDefaultPrio, [{ before: "before" }, { mid: "list-entry" }, { after: "after" }], "listDefaultPrio");
  is(cfg.attrList.ordering, [{ first: "first" }, { middle: "middle" }, { last: "last" }], "ordering");
  is(cfg.attrList.beforeAfter, [{ a: "before" }, { m: "default" }, { z: "after" }], "beforeAfter");
  is(cfg.attrList.withMkIf, [{ yes: "included" }], "withMkIf");
  is(cfg.attrList.withOverride, [{ winner: "wins" }], "withOverride");
  is(cfg.attrList.withDefault, [{ normal: "wins" }], "withDefault");
  is(cfg.attrList.withForce, [{ forced: "wins" }], "withForce");
  is(cfg.attrList.forceWithOrder, [{ first: "before" }, { second: "after" }], "forceWithOrder");
  is(cfg.attrListInt.forceElementValue, [{ a: 42 }, { b: 2 }], "forceElementValue");
  is(cfg.attrList.forceAttrset, [{ y: "y-val" }, { x: "x-val" }], "forceAttrset");
  is(cfg.attrList.forceRepeatedKey, [{ x: "wins" }, { x: "wins 2" }], "forceRepeatedKey");
  is(cfg.attrList.forceRepeatedKeyMerge, [{ x: "forced" }], "forceRepeatedKeyMerge");
  is(cfg.attrList.forceRepeatedKeyAttrs, [{ y: "kept" }, { x: "forced" }], "forceRepeatedKeyAttrs");
  is(cfg.attrList.forcePartialAttrs, [{ y: "normal y" }, { x: "forced x" }], "forcePartialAttrs");
  is(cfg.attrList.forceMixedFormats, [{ y: "list y" }, { x: "attrset forced x" }], "forceMixedFormats");
  is(cfg.attrList.nestListOrderForce, [{ z: "earliest" }, { x: "forced-early" }, { y: "late" }], "nestListOrderForce");
  const late = [{ z: "earliest" }, { y: "plain-early" }, { w: "mid" }, { x: "forced-late" }];
  is(cfg.attrList.nestListOrderOfForce, late, "nestListOrderOfForce");
  is(cfg.attrList.nestListForceOfOrder, late, "nestListForceOfOrder");
  is(cfg.attrList.nestAttrsOrderOfForce, late, "nestAttrsOrderOfForce");
  is(cfg.attrList.nestAttrsForceOfOrder, late, "nestAttrsForceOfOrder");
  is(cfg.attrListInt.optionalValueList, [{ a: 1 }, { c: 3 }], "optionalValueList");
  is(cfg.attrListInt.optionalValueAttrs, [{ a: 1 }, { c: 3 }], "optionalValueAttrs");
  is(cfg.attrListSubmodule, [{ web: { host: "localhost", port: 80 } }, { db: { host: "dbhost", port: 5432 } }], "attrListSubmodule");
  is(
    opts.attrListSubmodule.valueMeta.attrList.map((m: any) => m.configuration.config),
    [{ host: "localhost", port: 80 }, { host: "dbhost", port: 5432 }],
    "valueMeta.attrList configurations",
  );
  is(
    opts.attrListSubmodule.valueMeta.attrList.map((m: any) => {
      const { _module, ...options } = m.configuration.options;
      return Object.fromEntries(Object.entries(options).map(([n, o]: [string, any]) => [n, o.description]));
    }),
    [{ host: "Hostname", port: "Port number" }, { host: "Hostname", port: "Port number" }],
    "valueMeta.attrList option descriptions",
  );
  is(opts.attrList.valueMeta.attrs.listInput.attrList, [{}, {}], "valueMeta listInput");
  is(opts.attrList.valueMeta.attrs.attrsetOrdered.attrList, [{}, {}], "valueMeta attrsetOrdered");
  is(opts.attrList.valueMeta.attrs.mixed.attrList, [{}, {}], "valueMeta mixed");
  is(opts.attrList.valueMeta.attrs.empty.attrList, [], "valueMeta empty");
  is(opts.attrListInt.valueMeta.attrs.optionalValueList.attrList, [{}, {}], "valueMeta optionalValueList");
  is(cfg.eitherAttrListOrInt, [{ a: "hello" }, { b: "world" }], "eitherAttrListOrInt");
  check(cfg.eitherAttrListOrIntFallback === 42, "eitherAttrListOrIntFallback");
  check(cfg.eitherIntOrAttrList === 42, "eitherIntOrAttrList");
  is(cfg.eitherIntOrAttrListFallback, [{ a: "hello" }], "eitherIntOrAttrListFallback");
  is(cfg.asAttrs.unique, { a: "alpha", b: "beta" }, "asAttrs.unique");
  is(opts.asAttrs.valueMeta.attrs.unique.attrListValue, [{ a: "alpha" }, { b: "beta" }], "asAttrs.unique attrListValue");
  is(cfg.asAttrs.duplicateKeys, { x: "last", y: "only" }, "asAttrs.duplicateKeys");
  is(opts.asAttrs.valueMeta.attrs.duplicateKeys.attrListValue, [{ x: "first" }, { y: "only" }, { x: "last" }], "duplicateKeys attrListValue");
  is(cfg.asAttrs.ordered, { a: "a-val", z: "z-val" }, "asAttrs.ordered");
  is(opts.asAttrs.valueMeta.attrs.ordered.attrListValue, [{ a: "a-val" }, { z: "z-val" }], "ordered attrListValue");
  is(cfg.asAttrs.withForce, { x: "forced", y: "kept" }, "asAttrs.withForce");
  is(cfg.asAttrs.empty, {}, "asAttrs.empty");
  is(cfg.asAttrsDefault.unique, { a: [1], b: [2] }, "asAttrsDefault.unique");
  is(cfg.asAttrsDefault.duplicates, { x: [10, 20, 30], y: [99] }, "asAttrsDefault.duplicates");
  is(opts.asAttrsDefault.valueMeta.attrs.duplicates.attrListValue, [{ x: 10 }, { y: 99 }, { x: 20 }, { x: 30 }], "duplicates attrListValue");
  const definitions = opts.asAttrs.valueMeta.attrs.duplicateKeys.definitions;
  is(
    definitions.map((d: any) => ({ prio: d.value.priority, value: d.value.content })),
    [
      { prio: 500, value: { x: "first" } },
      { prio: 1000, value: { y: "only" } },
      { prio: 1500, value: { x: "last" } },
    ],
    "valueMeta.definitions",
  );
  const rendered = lib.modules.mapDefinitionValue((attr) => toCommandLineGNU(attr as Record<string, string>), mkMerge(definitions));
  const result = lib.evalModules({
    modules: [
      { options: { out: mkOption({ type: types.listOf(types.str) }) } },
      { config: { out: rendered } },
      { config: { out: mkOrder(800, ["--interleaved"]) } },
    ],
  }).config["out"];
  is(result, ["-xfirst", "--interleaved", "-yonly", "-xlast"], "round trip through mapDefinitionValue");
  return "ok";
}

export const attrListFixtures: Record<string, unknown> = {
  "declare-attrList.nix": declareAttrList,
  "attrList-valueMeta-definitions-file-diagnostic-forwarding.nix": ({ options }: Args) => ({
    imports: [{ _file: "the-defs-file.nix", config: { flags: { "my-flag": 3.14 } } }],
    options: {
      flags: mkOption({
        type: types.attrListWith({ elemType: types.anything, asAttrs: true, mergeAttrValues: (_name, vs) => vs[0] }),
      }),
      argv: mkOption({ type: types.listOf(types.str) }),
    },
    config: {
      // Read when the definitions are filed: the options exist then.
      get argv() {
        return mkMerge(options.flags.valueMeta.definitions);
      },
    },
  }),
  "declare-attrList-type-merge.nix": {
    imports: [
      { options: { merged: mkOption({ type: types.attrListOf(types.str) }) } },
      { options: { merged: mkOption({ type: types.attrListOf(types.str) }) } },
    ],
  },
};
