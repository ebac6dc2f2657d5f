/** Numbers of either kind: `number` (an integer or a float) and its ranges. */
import { int, float } from "./basic.js";
import { addCheck } from "./check.js";
import { either } from "./combinators.js";
import { overrideType, type OptionType } from "./type.js";

/** An integer or a floating point number. */
export const number: OptionType<number> = either(int, float);

const betweenText = (lo: number, hi: number) => `${JSON.stringify(lo)} and ${JSON.stringify(hi)} (both inclusive)`;

/** Numbers with a range: `between(lo, hi)`, `nonnegative` and `positive`. */
export const numbers = {
  /** Numbers from `lo` to `hi`, both inclusive. @example numbers.between(0, 1) */
  between(lo: number, hi: number): OptionType<number> {
    if (!(lo <= hi)) throw new RangeError("numbers.between: lowest must be smaller than highest");
    return overrideType(
      addCheck(number, (x) => x >= lo && x <= hi),
      { name: "numberBetween", description: `integer or floating point number between ${betweenText(lo, hi)}` },
    );
  },
  /** Numbers from 0 up. */
  nonnegative: overrideType(
    addCheck(number, (x) => x >= 0),
    {
      name: "numberNonnegative",
      description: "nonnegative integer or floating point number, meaning >=0",
      descriptionClass: "nonRestrictiveClause",
    },
  ),
  /** Numbers above 0. */
  positive: overrideType(
    addCheck(number, (x) => x > 0),
    {
      name: "numberPositive",
      description: "positive integer or floating point number, meaning >0",
      descriptionClass: "nonRestrictiveClause",
    },
  ),
};
