// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): the `valueMeta` of
// options (what a type's merge knows beside the value) and types.attrListOf.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib } from "../../src/lib/index.js";

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
