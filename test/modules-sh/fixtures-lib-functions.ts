// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): functions of `lib` that
// modules call (`types.optionDeclaration`, `lib.modules.mergeAttrDefinitionsWithPrio`, `doRename`
// with a condition, `importApply`) and the `graph` of an evaluation.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib } from "../../src/lib/index.js";
import { deepEqual } from "../../src/lib/attrs.js";

const { mkOption, mkEnableOption, mkDefault, mkForce, types } = lib;

type Args = { config: any; options: any; [name: string]: any };

function oops(what: string): never {
  throw new Error(what);
}

/** Nix's `assert`: the value, or an error naming what failed. */
function assert<T>(condition: boolean, what: string, value: T): T {
  return condition ? value : oops(`assertion failed: ${what}`);
}

/** `mk(content)` whose content is computed when read (`mkDefault (throw …)` in Nix). */
function lazyContent(mk: (content: unknown) => object, content: () => unknown): object {
  return Object.defineProperty({ ...mk(undefined) }, "content", { get: content, enumerable: true });
}

/**
 * Nixpkgs' `lib.modules.importApply file arg`: `setDefaultModuleLocation file (import file arg)`.
 * Our lib reads no files, so the harness's fixtures stand for `import`.
 */
function importApply(name: string, staticArg: unknown): unknown {
  const imported = libFunctionFixtures[name] as (arg: unknown) => unknown;
  return lib.setDefaultModuleLocation(`/modules/${name}`, imported(staticArg));
}

/** A fixture imported by path from another (`./name.nix`): its file and key are the path. */
function asFile(name: string): unknown {
  const file = `/modules/${name}`;
  return {
    _file: file,
    key: file,
    // Read when imported: the fixture may be defined after the one importing it.
    get imports() {
      return [libFunctionFixtures[name]];
    },
  };
}

export const libFunctionFixtures: Record<string, unknown> = {
  "test-mergeAttrDefinitionsWithPrio.nix": ({ options }: Args) => {
    const defs = () => lib.modules.mergeAttrDefinitionsWithPrio(options._module.args);
    const assertLazy = (): never =>
      oops("The test must not evaluate this the assertLazy thunk, but it did. Unexpected strictness leads to unexpected errors and performance problems.");
    return {
      options: { result: mkOption({}) },
      config: {
        _module: {
          args: {
            default: lazyContent(mkDefault, assertLazy),
            regular: null,
            force: lazyContent(mkForce, assertLazy),
            get unused() {
              return assertLazy();
            },
          },
        },
        get result() {
          const d = defs();
          return (
            assert(d["default"]!.highestPrio === mkDefault(undefined).priority, "defs.default.highestPrio", true) &&
            assert(d["regular"]!.highestPrio === lib.modules.defaultOverridePriority, "defs.regular.highestPrio", true) &&
            assert(d["force"]!.highestPrio === mkForce(undefined).priority, "defs.force.highestPrio", true)
          );
        },
      },
    };
  },
  "doRename-condition.nix": ({ config }: Args) => ({
    options: {
      services: {
        foo: { enable: mkEnableOption("foo") },
        foos: mkOption({
          type: types.attrsOf(types.submodule({ options: { bar: mkOption({ type: types.str }) } })),
          default: {},
        }),
      },
      result: mkOption({}),
    },
    imports: [
      lib.doRename({
        from: ["services", "foo", "bar"],
        to: ["services", "foos", "", "bar"],
        visible: true,
        warn: false,
        use: (x) => x,
        withPriority: true,
        condition: () => config.services.foo.enable,
      }),
    ],
  }),
  "doRename-condition-enable.nix": ({ config }: Args) => ({
    config: {
      services: { foo: { enable: true, bar: "baz" } },
      get result() {
        return assert(deepEqual(config.services.foos, { "": { bar: "baz" } }), 'config.services.foos == { "" = { bar = "baz"; }; }', true);
      },
    },
  }),
  "doRename-condition-no-enable.nix": ({ config }: Args) => ({
    config: {
      services: { foos: { "": { bar: "baz" } } },
      get result() {
        return (
          assert(deepEqual(config.services.foos, { "": { bar: "baz" } }), 'config.services.foos == { "" = { bar = "baz"; }; }', true) &&
          assert(config.services.foo.bar === "baz", 'config.services.foo.bar == "baz"', true)
        );
      },
    },
  }),
  "doRename-condition-migrated.nix": ({ config, options }: Args) => ({
    config: {
      get result() {
        return (
          assert(deepEqual(config.services.foos, {}), "config.services.foos == { }", true) &&
          assert(!options.services.foo.bar.isDefined, "!options.services.foo.bar.isDefined", true)
        );
      },
    },
  }),
  "graph/a.nix": { imports: [{ imports: [{}] }], disabledModules: ["/modules/graph/b.nix"] },
  "graph/b.nix": () => ({ imports: [{ key: "explicit-key" }] }),
  "importApply.nix": () => ({
    options: { value: mkOption({ default: 1 }) },
    imports: [importApply("importApply-function.nix", { foo: "abc" })],
  }),
  "importApply-function.nix": ({ foo }: { foo: string }) => () => ({ value: foo }),
  "importApply-disabling.nix": {
    imports: [asFile("importApply.nix")],
    disabledModules: ["/modules/importApply-function.nix"],
  },
  "option.nix": ({ config, options }: Args) => ({
    options: {
      theOption: mkOption({ type: types.optionDeclaration }),
      // An option declared by the value of another: read when the option tree is built.
      get anOption() {
        return config.theOption;
      },
      aBadOptionDef: mkOption({
        type: types.optionDeclaration,
        description: "This option is perfectly fine, but will have a bad definition.\n",
      }),
    },
    config: {
      theOption: mkOption({ type: types.int }),
      anOption: 10,
      // Not a declaration: an option of the evaluation.
      get aBadOptionDef() {
        return options.theOption;
      },
    },
  }),
  // Nix's `toString v` is String(v); mapAttrsToList goes by sorted names. `float = 3.14` is a
  // non-integer number, which is a Nix float.
  "gvariant.nix": ({ config, lib: moduleLib }: Args) => ({
    options: {
      examples: mkOption({ type: types.attrs }),
      assertion: mkOption({ type: types.bool }),
    },
    config: {
      get examples() {
        const g = (moduleLib as typeof lib).gvariant;
        return {
          bool: true,
          float: 3.14,
          int32: g.mkInt32(-42),
          uint32: g.mkUint32(42),
          int16: g.mkInt16(-42),
          uint16: g.mkUint16(42),
          int64: g.mkInt64(-42),
          uint64: g.mkUint64(42),
          array1: ["one"],
          array2: g.mkArray([g.mkInt32(1)]),
          array3: g.mkArray([g.mkUint32(2)]),
          emptyArray: g.mkEmptyArray(g.type.uint32),
          string: "foo",
          escapedString: "'\\\n",
          tuple: g.mkTuple([g.mkInt32(1), ["foo"]]),
          maybe1: g.mkNothing(g.type.string),
          maybe2: g.mkJust(g.mkUint32(4)),
          variant: g.mkVariant("foo"),
          dictionaryEntry: g.mkDictionaryEntry(g.mkInt32(1), ["foo"]),
        };
      },
      get assertion() {
        const g = (moduleLib as typeof lib).gvariant;
        const examples = config.examples as Record<string, unknown>;
        const mkLine = (n: string) => `${n} = ${String(g.mkValue(examples[n]))}`;
        const result = Object.keys(examples).sort().map(mkLine).join("\n");
        return (
          `${result}\n` ===
          [
            "array1 = @as ['one']",
            "array2 = @ai [1]",
            "array3 = @au [@u 2]",
            "bool = true",
            "dictionaryEntry = @{ias} {1,@as ['foo']}",
            "emptyArray = @au []",
            "escapedString = '\\'\\\\\\n'",
            "float = 3.140000",
            "int16 = @n -42",
            "int32 = -42",
            "int64 = @x -42",
            "maybe1 = @ms nothing",
            "maybe2 = just @u 4",
            "string = 'foo'",
            "tuple = @(ias) (1,@as ['foo'])",
            "uint16 = @q 42",
            "uint32 = @u 42",
            "uint64 = @t 42",
            "variant = <'foo'>",
            "",
          ].join("\n")
        );
      },
    },
  }),
};
