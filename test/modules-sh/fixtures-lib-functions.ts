// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): functions of `lib` that
// modules call (`types.optionDeclaration`, `lib.modules.mergeAttrDefinitionsWithPrio`, `doRename`
// with a condition, `importApply`) and the `graph` of an evaluation.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { lib } from "../../src/lib/index.js";

const { mkOption, types } = lib;

type Args = { config: any; options: any; [name: string]: any };

export const libFunctionFixtures: Record<string, unknown> = {
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
};
