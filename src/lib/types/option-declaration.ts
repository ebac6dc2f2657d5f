/** `optionDeclaration`: an option declaration (`mkOption`'s result) taken as a value. */
import { hasOwn } from "../attrs.js";
import { typeTag } from "../properties.js";
import { mkOptionType, type OptionType } from "./type.js";
import type { OptionDeclaration } from "../options.js";

/**
 * A declaration made by `mkOption`, which a module may then declare as an option of its own. An
 * option of an evaluation (`options.<path>`) is not one: it has a `value`.
 * @example mkOption({ type: types.optionDeclaration })
 */
export const optionDeclaration: OptionType<OptionDeclaration> = mkOptionType<OptionDeclaration>({
  name: "optionDeclaration",
  description: "option declaration",
  descriptionClass: "noun",
  check: (opt) => typeTag(opt) === "option" && !hasOwn(opt as object, "value"),
});
