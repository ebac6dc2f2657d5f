// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): module classes, values
// that are not modules, mkDefinition, the `_class` argument, keys of anonymous modules, option
// name suggestions, renamed options, and the path types of types.nix and pathWith.nix.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib } from "../../src/lib/index.js";

const { mkOption, mkIf, mkMerge, mkForce, mkDefinition, mkOptionDefault, types } = lib;

type Args = { config: any; options: any; [name: string]: any };

function oops(what: string): never {
  throw new Error(what);
}

/** A fixture imported by path from another (`./name.nix`): its file and key are the path. */
function asFile(name: string, module: unknown): unknown {
  const file = `/modules/${name}`;
  return { _file: file, key: file, imports: [module] };
}

const moduleClassIsNixos = { _class: "nixos", config: {} };
const moduleClassIsDarwin = { _class: "darwin", config: {} };
const assertModuleClassIsNixos = ({ _class }: Args) => (_class === "nixos" ? {} : oops(`assertion failed: _class is ${String(_class)}`));
const exposeModuleClass = ({ _class }: Args) => ({ options: { foo: mkOption({ default: _class }) } });
const polymorphicModule = ({ _class }: Args) => ({
  imports: [
    // lib.optionalAttrs (_class == "nixos") nixosModule
    _class === "nixos" ? () => ({ options: { foo: mkOption({ default: "bar" }) } }) : {},
    _class === "darwin" ? () => ({ options: { bar: mkOption({ default: "foo" }) } }) : {},
  ],
});

const file = {
  moduleClassIsNixos: asFile("module-class-is-nixos.nix", moduleClassIsNixos),
  moduleClassIsDarwin: asFile("module-class-is-darwin.nix", moduleClassIsDarwin),
  assertModuleClassIsNixos: asFile("assert-module-class-is-nixos.nix", assertModuleClassIsNixos),
  exposeModuleClass: asFile("expose-module-class.nix", exposeModuleClass),
  polymorphicModule: asFile("polymorphic-module.nix", polymorphicModule),
};

/** `lib.evalModules { modules = [ { } ]; }`, a configuration where a module is expected. */
const myconf = () => lib.evalModules({ modules: [{}] });

const optionBool = () => mkOption({ default: false, type: types.bool });

/** The thousand options `aaa` to `jjj` of error-typo-large-attrset.nix. */
function generatedOptions(): Record<string, unknown> {
  const ten = "abcdefghij".split("");
  const out: Record<string, unknown> = {};
  for (const k1 of ten) for (const k2 of ten) for (const k3 of ten) out[`${k1}${k2}${k3}`] = optionBool();
  return out;
}

/** `builtins.storeDir`. */
const storeDir = "/nix/store";
const bashDrv = `${storeDir}/0lz9p8xhf89kb1c1kk6jxrzskaiygnlh-bash-5.2-p15.drv`;
const bash = `${storeDir}/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15`;

/** The fixtures of this file by name. */
export const classFixtures: Record<string, unknown> = {
  "module-class-is-nixos.nix": moduleClassIsNixos,
  // A path as a module (`./declare-enable.nix` as a value) is, here as everywhere in this port, the
  // fixture as a file module: its _file and key are the path.
  "declare-submoduleWith-path.nix": {
    options: {
      submodule: mkOption({
        type: types.submoduleWith({ modules: [asFile("declare-enable.nix", { options: { enable: mkOption({ default: false, example: true, type: types.bool, description: "Some descriptive text\n" }) } })] }),
        default: {},
      }),
    },
    config: { submodule: asFile("define-enable.nix", { enable: true }) },
  },
  "module-class-is-darwin.nix": moduleClassIsDarwin,
  "class-check.nix": () => ({
    options: {
      sub: {
        nixosOk: mkOption({ type: types.submoduleWith({ class: "nixos", modules: [file.assertModuleClassIsNixos] }) }),
        nixosFail: mkOption({ type: types.submoduleWith({ class: "nixos", modules: [] }) }),
        mergeFail: mkOption({ type: types.submoduleWith({ class: "nixos", modules: [] }), default: {} }),
      },
    },
    imports: [{ options: { sub: { mergeFail: mkOption({ type: types.submoduleWith({ class: "darwin", modules: [] }) }) } } }],
    config: {
      _module: { freeformType: types.anything },
      ok: lib.evalModules({ class: "nixos", modules: [file.moduleClassIsNixos, file.assertModuleClassIsNixos] }),
      fail: lib.evalModules({ class: "nixos", modules: [file.moduleClassIsNixos, file.moduleClassIsDarwin] }),
      "fail-anon": lib.evalModules({
        class: "nixos",
        modules: [file.moduleClassIsNixos, { _file: "foo.nix#darwinModules.default", _class: "darwin", config: {}, imports: [] }],
      }),
      sub: {
        nixosOk: { _class: "nixos" },
        nixosFail: { imports: [file.moduleClassIsDarwin] },
      },
    },
  }),
  "module-imports-_type-check.nix": { imports: [{ _type: "flake" }] },
  "define-enable-with-top-level-mkIf.nix": { imports: [mkIf(true, { enable: true })] },
  "import-configuration.nix": () => ({ imports: [myconf()] }),
  "import-error-submodule.nix": () => ({
    options: { foo: mkOption({ type: types.submodule({}), default: {} }) },
    config: { foo: () => ({ imports: [myconf()] }) },
  }),
  "merge-module-with-key.nix": (() => {
    const moduleWithoutKey = { config: { raw: "pear" } };
    // key = __curPos.file + "#moduleWithKey"
    const moduleWithKey = { key: "/modules/merge-module-with-key.nix#moduleWithKey", config: { raw: "pear" } };
    const decl = { options: { raw: mkOption({ type: types.lines }) } };
    return {
      options: {
        once: mkOption({ type: types.submodule({ imports: [decl, moduleWithKey, moduleWithKey] }), default: {} }),
        twice: mkOption({ type: types.submodule({ imports: [decl, moduleWithoutKey, moduleWithoutKey] }), default: {} }),
      },
    };
  })(),
  "mkDefinition.nix": {
    imports: [
      { _file: "file", options: { conflict: mkOption({ default: 1 }) }, config: { conflict: mkDefinition({ file: "other", value: mkOptionDefault(42) }) } },
      { options: { viaConfig: mkOption({}) }, config: { viaConfig: mkDefinition({ file: "other", value: true }) } },
      {
        options: { mkMerge: mkOption({ type: types.bool }) },
        config: { mkMerge: mkMerge([mkDefinition({ file: "a.nix", value: true }), mkDefinition({ file: "b.nix", value: true })]) },
      },
      { options: { mkForce: mkOption({ type: types.bool, default: false }) }, config: { mkForce: mkDefinition({ file: "other", value: mkForce(true) }) } },
      // mkDefinition does not work in an option's default (a limitation Nixpkgs tests for).
      { options: { viaOptionDefault: mkOption({ type: types.bool, default: mkDefinition({ file: "other", value: true }) }) } },
    ],
  },
  "specialArgs-class.nix": () => ({
    options: {
      sub: {
        nixos: mkOption({ type: types.submoduleWith({ class: "nixos", modules: [file.exposeModuleClass] }), default: {} }),
        conditionalImportAsNixos: mkOption({ type: types.submoduleWith({ class: "nixos", modules: [file.polymorphicModule] }), default: {} }),
        conditionalImportAsDarwin: mkOption({ type: types.submoduleWith({ class: "darwin", modules: [file.polymorphicModule] }), default: {} }),
      },
    },
    config: {
      _module: { freeformType: types.anything },
      nixos: lib.evalModules({ class: "nixos", modules: [file.exposeModuleClass] }),
      conditionalImportAsNixos: lib.evalModules({ class: "nixos", modules: [file.polymorphicModule] }),
      conditionalImportAsDarwin: lib.evalModules({ class: "darwin", modules: [file.polymorphicModule] }),
    },
  }),
  "error-typo-nested.nix": { options: { set: { enable: optionBool() } }, config: { set: { ena: true } } },
  "error-typo-outside-with-nested.nix": { options: { set: { enable: optionBool() } }, config: { sea: { enable: true } } },
  "error-typo-multiple-suggestions.nix": { options: { foo: optionBool(), bar: optionBool(), baz: optionBool() }, config: { far: true } },
  "error-typo-large-attrset.nix": {
    options: { ...generatedOptions(), enable: optionBool(), enabled: optionBool(), disable: optionBool() },
    config: { enble: true },
  },
  "error-typo-submodule.nix": {
    options: {
      services: mkOption({
        type: types.attrsOf(types.submodule({ options: { enable: optionBool(), port: mkOption({ default: 8080, type: types.int }) } })),
        default: {},
      }),
    },
    config: { services: { myservice: { prot: 9000 } } },
  },
  "error-typo-deeply-nested.nix": {
    options: {
      services: {
        nginx: {
          enable: optionBool(),
          virtualHosts: mkOption({
            type: types.attrsOf(
              types.submodule({
                options: {
                  enableSSL: optionBool(),
                  ssl: {
                    certificate: mkOption({ default: "", type: types.str }),
                    certificateKey: mkOption({ default: "", type: types.str }),
                  },
                },
              }),
            ),
            default: {},
          }),
        },
      },
    },
    config: { services: { nginx: { virtualHosts: { "example.com": { ssl: { certficate: "/path/to/cert" } } } } } },
  },
  "doRename-basic.nix": {
    imports: [lib.doRename({ from: ["a", "b"], to: ["c", "d", "e"], warn: true, use: (x) => x, visible: true })],
    options: { c: { d: { e: mkOption({}) } } },
    config: { a: { b: 1234 } },
  },
  "doRename-warnings.nix": ({ config }: Args) => ({
    imports: [lib.doRename({ from: ["a", "b"], to: ["c", "d", "e"], warn: true, use: (x) => x, visible: true })],
    options: {
      warnings: mkOption({ type: types.listOf(types.str) }),
      c: { d: { e: mkOption({}) } },
      result: mkOption({}),
    },
    config: {
      a: { b: 1234 },
      get result() {
        return (config.warnings as string[]).join("%");
      },
    },
  }),
  // pathWith.nix without the Nix path values `pathInStore.ok6` and `pathNotInStore.bad4` (see NOT-PORTED.md).
  "pathWith.nix": {
    imports: [
      {
        options: {
          pathInStore: mkOption({ type: types.lazyAttrsOf(types.pathWith({ inStore: true })) }),
          pathNotInStore: mkOption({ type: types.lazyAttrsOf(types.pathWith({ inStore: false })) }),
          anyPath: mkOption({ type: types.lazyAttrsOf(types.pathWith({})) }),
          absolutePathNotInStore: mkOption({ type: types.lazyAttrsOf(types.pathWith({ inStore: false, absolute: true })) }),
          conflictingPathOptionType: mkOption({ type: types.pathWith({ absolute: true }) }),
          // Nix builds this type when the option is read: so does the getter.
          impossiblePathOptionType: mkOption({
            get type() {
              return types.pathWith({ inStore: true, absolute: false });
            },
          }),
        },
      },
      {
        options: {
          pathNotInStore: mkOption({ type: types.lazyAttrsOf(types.pathWith({ inStore: false, absolute: null })) }),
          conflictingPathOptionType: mkOption({ type: types.pathWith({ absolute: false }) }),
        },
      },
    ],
    pathInStore: {
      ok1: bashDrv,
      ok2: bash,
      ok3: `${bash}/bin/bash`,
      ok4: "/1121rp0gvr1qya7hvy925g5kjwg66acz6sn1ra1hca09f1z5dsab",
      ok5: "/1121rp0gvr1qya7hvy925g5kjwg66acz6sn1ra1hca09f1z5dsab/bin/bash",
      bad1: "",
      bad2: storeDir,
      bad3: `${storeDir}/`,
      bad4: `${storeDir}/.links`,
      bad5: "/foo/bar",
    },
    pathNotInStore: { ok1: "/foo/bar", ok2: storeDir, ok3: `${storeDir}/`, ok4: "", ok5: `${storeDir}/.links`, bad1: bashDrv, bad2: bash, bad3: `${bash}/bin/bash` },
    anyPath: { ok1: "/this/is/absolute", ok2: "./this/is/relative", bad1: 42 },
    absolutePathNotInStore: { ok1: "/this/is/absolute", bad1: "./this/is/relative", bad2: bash },
    conflictingPathOptionType: "/foo/bar",
    impossiblePathOptionType: "/foo/bar",
  },
};
