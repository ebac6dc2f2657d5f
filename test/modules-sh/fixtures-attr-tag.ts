// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): types.attrTag, and the
// docs.nix module that lists the options' documentation.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib, optionDocs } from "../../src/lib/index.js";

const { mkOption, mkMerge, types } = lib;

type Args = { config: any; options: any; [name: string]: any };

/** Nix's `assert`: the fixture's checks, each named by what it asserts. */
function assert(holds: boolean, what: string): void {
  if (!holds) throw new Error(`assertion failed: ${what}`);
}

function oops(what: string): never {
  throw new Error(what);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The file the fixture is loaded as (Nix's `__curPos.file`). */
const file = "/modules/types-attrTag.nix";

/** docs.nix: every option's documentation by name (Nixpkgs' `lib.optionAttrSetToDocList`, here optionDocs). */
const docs = ({ options }: Args) => ({
  options: { docs: mkOption({ type: types.lazyAttrsOf(types.raw) }) },
  config: {
    get docs() {
      const byName: Record<string, unknown> = {};
      for (const doc of optionDocs(options, { includeHidden: true })) {
        if (doc.name in byName) oops(`Multiple options with the same name: ${doc.name}`);
        byName[doc.name] = doc;
      }
      return byName;
    },
  },
});

/** docs.nix as a file imports it. */
const docsFile = { _file: "/modules/docs.nix", key: "/modules/docs.nix", imports: [docs] };

/** The fixtures of this file by name. */
export const attrTagFixtures: Record<string, unknown> = {
  "docs.nix": docs,
  "types-attrTag.nix": ({ config, options }: Args) => ({
    options: {
      intStrings: mkOption({
        type: types.attrsOf(types.attrTag({ left: mkOption({ type: types.int }), right: mkOption({ type: types.str }) })),
      }),
      nested: mkOption({
        type: types.attrTag({
          left: mkOption({ type: types.int }),
          right: mkOption({ type: types.attrTag({ left: mkOption({ type: types.int }), right: mkOption({ type: types.str }) }) }),
        }),
      }),
      merged: mkOption({
        type: types.attrsOf(types.attrTag({ yay: mkOption({ type: types.int }), extensible: mkOption({ type: types.enum(["foo"]) }) })),
      }),
      submodules: mkOption({
        type: types.attrsOf(
          types.attrTag({
            foo: mkOption({ type: types.submodule({ options: { bar: mkOption({ type: types.int }) } }) }),
            qux: mkOption({ type: types.str, description: "A qux for when you don't want a foo" }),
          }),
        ),
      }),
      okChecks: mkOption({}),
    },
    imports: [
      docsFile,
      {
        options: {
          merged: mkOption({
            type: types.attrsOf(types.attrTag({ nay: mkOption({ type: types.bool }), extensible: mkOption({ type: types.enum(["bar"]) }) })),
          }),
        },
      },
    ],
    config: {
      intStrings: {
        syntaxError: 1,
        syntaxError2: {},
        syntaxError3: { a: true, b: true },
        syntaxError4: mkMerge([{ a: true }, { b: true }]),
        mergeError: mkMerge([
          {
            get int() {
              return oops("do not eval");
            },
          },
          {
            get string() {
              return oops("do not eval");
            },
          },
        ]),
        badTagError: {
          get rite() {
            return oops("do not eval");
          },
        },
        badTagTypeError: { left: "bad" },
        numberOne: { left: 1 },
        hello: { right: "hello world" },
      },
      nested: { right: { left: "not a number" } },
      merged: {
        negative: { nay: false },
        positive: { yay: 100 },
        "extensi-foo": { extensible: "foo" },
        "extensi-bar": { extensible: "bar" },
      },
      get okChecks() {
        const docs = config.docs;
        const qux = docs["submodules.<name>.qux"];
        const mergedSubOption = options.merged.type.getSubOptions(options.merged.loc).extensible;
        assert(same(config.intStrings.hello, { right: "hello world" }), "intStrings.hello");
        assert(same(config.intStrings.numberOne, { left: 1 }), "intStrings.numberOne");
        assert(same(config.merged.negative, { nay: false }), "merged.negative");
        assert(same(config.merged.positive, { yay: 100 }), "merged.positive");
        assert(same(config.merged["extensi-foo"], { extensible: "foo" }), "merged.extensi-foo");
        assert(same(config.merged["extensi-bar"], { extensible: "bar" }), "merged.extensi-bar");
        assert(docs["submodules.<name>.foo.bar"].type === "signed integer", "docs of submodules.<name>.foo.bar");
        assert(qux.type === "string", "type of qux");
        // Nix gives a tag the file of its position in the source; JavaScript has none, so a tag's
        // declarations are empty, as Nix's are where it finds no position.
        assert(same(qux.declarations, []), "declarations of qux");
        assert(same(qux.loc, ["submodules", "<name>", "qux"]), "loc of qux");
        assert(qux.name === "submodules.<name>.qux", "name of qux");
        assert(qux.description === "A qux for when you don't want a foo", "description of qux");
        assert(qux.readOnly === false, "qux is not read-only");
        assert(qux.visible === true, "qux is visible");
        assert(same(options.submodules.declarations, [file]), "declarations of submodules");
        assert(options.submodules.declarationPositions.length === 1, "one declaration position of submodules");
        assert(options.submodules.declarationPositions[0].file === file, "declaration position of submodules");
        assert(same(options.merged.declarations, [file, file]), "declarations of merged");
        assert(options.merged.declarationPositions.length === 2, "two declaration positions of merged");
        assert(options.merged.declarationPositions[0].file === file, "first declaration position of merged");
        assert(options.merged.declarationPositions[1].file === file, "second declaration position of merged");
        // Nix's positions differ by line; ours have no line (NOT-PORTED.md, declaration positions).
        // The merged tag keeps both sides' declarations, each empty here (see qux above).
        assert(same(mergedSubOption.declarations, []), "declarations of the merged tag");
        assert(mergedSubOption.declarationPositions.length === 0, "declaration positions of the merged tag");
        assert(docs["merged.<name>.extensible"].declarations.length === 0, "docs of the merged tag");
        return true;
      },
    },
  }),
  "types-attrTag-wrong-decl.nix": {
    options: { opt: mkOption({ type: types.attrTag({ int: types.int }), default: { int: 1 } }) },
  },
};
