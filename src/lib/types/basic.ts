/** Types of single values: raw, anything, unspecified, booleans, integers and floats. */
import { isAttrs, hasOwn } from "../attrs.js";
import { ModuleError } from "../errors.js";
import { findCycle, plainDataMerge } from "./plain-data.js";
import { mergeDefaultOption, mergeEqualOption, mergeOneOption } from "../merge-helpers.js";
import { showFiles, showOption, typeOf } from "../show.js";
import { attrsOf } from "./attrs.js";
import { addCheck } from "./check.js";
import { mkOptionType, overrideType, type Definition, type OptionType } from "./type.js";

/** Any value, taken as it is; a second definition is an error. */
export const raw: OptionType = mkOptionType({
  name: "raw",
  description: "raw value",
  descriptionClass: "noun",
  merge: mergeOneOption,
});

function anythingKind(value: unknown): string {
  if (isAttrs(value) && (hasOwn(value, "__toString") || hasOwn(value, "outPath"))) return "stringCoercibleSet";
  return typeOf(value);
}

/**
 * Any value; sets merge recursively (priorities apply inside them), functions merge their
 * results, other values must be equal, and values of different kinds conflict.
 */
export const anything: OptionType = mkOptionType({
  name: "anything",
  description: "anything",
  descriptionClass: "noun",
  merge: (loc, defs) => mergeAnything(loc, defs),
});

function mergeAnything(loc: readonly string[], defs: readonly Definition[]): unknown {
  for (const def of defs) {
    const cycle = findCycle(def.value);
    if (cycle !== null) {
      throw new ModuleError({
        kind: "InfiniteRecursion",
        path: loc,
        definitions: [def],
        message:
          `The definition of \`${showOption(loc)}' in ${showFiles([def.file])} holds a value that contains itself: ` +
          `\`${showOption([...loc, ...cycle])}' is a value met before it on that path. A value of type anything must be finite data; break the cycle.`,
      });
    }
  }
  if (defs.length === 1) {
    const plain = plainDataMerge(defs[0]!.value);
    if (plain !== undefined) return plain;
  }
  const kind = anythingKind(defs[0]!.value);
  if (defs.some((d) => anythingKind(d.value) !== kind)) {
    throw new ModuleError({
      kind: "ConflictingDefinitions",
      path: loc,
      definitions: defs,
      message:
        `The option \`${showOption(loc)}' has definitions of different kinds (${defs
          .map((d) => typeOf(d.value))
          .join(", ")}) in ${showFiles(defs.map((d) => d.file))}; values of type anything merge only with values of the same kind.`,
    });
  }
  switch (kind) {
    case "set":
      return attrsOf(anything).merge(loc, defs);
    case "stringCoercibleSet":
      return mergeOneOption(loc, defs);
    case "lambda":
      // The results are merged as they are: Nixpkgs gives them to anything's merge directly, so
      // priorities inside a function's result are not processed.
      return (...args: unknown[]) =>
        mergeAnything(
          [...loc, "<function body>"],
          defs.map((d) => ({ file: d.file, value: (d.value as (...a: unknown[]) => unknown)(...args) })),
        );
    default:
      return mergeEqualOption(loc, defs);
  }
}

/** The type of an option declared without one: lists concatenate, sets update, booleans `or`, ... */
export const unspecified: OptionType = mkOptionType({
  name: "unspecified",
  description: "unspecified value",
  descriptionClass: "noun",
  merge: mergeDefaultOption,
});

const isBool = (x: unknown): x is boolean => typeof x === "boolean";

/** A boolean; several definitions must agree. */
export const bool: OptionType<boolean> = mkOptionType<boolean>({
  name: "bool",
  description: "boolean",
  descriptionClass: "noun",
  check: isBool,
  merge: mergeEqualOption as (loc: readonly string[], defs: readonly Definition[]) => boolean,
});

/** A boolean; several definitions merge with `or`. */
export const boolByOr: OptionType<boolean> = mkOptionType<boolean>({
  name: "boolByOr",
  description: "boolean (merged using or)",
  descriptionClass: "noun",
  check: isBool,
  merge: (_loc, defs) => defs.some((d) => d.value === true),
});

/** Whether a number is an integer in Nix's sense (a JavaScript number with no fractional part). */
export const isInt = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);

/** A signed integer; several definitions must agree. */
export const int: OptionType<number> = mkOptionType<number>({
  name: "int",
  description: "signed integer",
  descriptionClass: "noun",
  check: isInt,
  merge: mergeEqualOption as (loc: readonly string[], defs: readonly Definition[]) => number,
});

const betweenText = (lo: number, hi: number) => `${lo} and ${hi} (both inclusive)`;

function intBetween(lo: number, hi: number): OptionType<number> {
  if (!(lo <= hi)) throw new RangeError("ints.between: lowest must be smaller than highest");
  return overrideType(
    addCheck(int, (x) => x >= lo && x <= hi),
    { name: "intBetween", description: `integer between ${betweenText(lo, hi)}` },
  );
}

function sized(lo: number, hi: number, name: string, docStart: string): OptionType<number> {
  return overrideType(intBetween(lo, hi), { name, description: `${docStart}; between ${betweenText(lo, hi)}` });
}

const unsignedBits = (bits: number) =>
  sized(0, 2 ** bits - 1, `unsignedInt${bits}`, `${bits} bit unsigned integer`);
const signedBits = (bits: number) =>
  sized(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1, `signedInt${bits}`, `${bits} bit signed integer`);

/** Integers with a range: `between(lo, hi)`, `unsigned`, `positive` and the sized `u8` ... `s32`. */
export const ints = {
  /** Integers from `lo` to `hi`, both inclusive. @example ints.between(0, 100) */
  between: intBetween,
  /** Integers from 0 up. */
  unsigned: overrideType(
    addCheck(int, (x) => x >= 0),
    { name: "unsignedInt", description: "unsigned integer, meaning >=0", descriptionClass: "nonRestrictiveClause" },
  ),
  /** Integers from 1 up. */
  positive: overrideType(
    addCheck(int, (x) => x > 0),
    { name: "positiveInt", description: "positive integer, meaning >0", descriptionClass: "nonRestrictiveClause" },
  ),
  u8: unsignedBits(8),
  u16: unsignedBits(16),
  u32: unsignedBits(32),
  s8: signedBits(8),
  s16: signedBits(16),
  s32: signedBits(32),
};

/** A TCP or UDP port: `ints.u16`. */
export const port: OptionType<number> = ints.u16;

/** A floating point number: in JavaScript, any finite number that is not an integer. */
export const float: OptionType<number> = mkOptionType<number>({
  name: "float",
  description: "floating point number",
  descriptionClass: "noun",
  check: (x) => typeof x === "number" && Number.isFinite(x) && !Number.isInteger(x),
  merge: mergeEqualOption as (loc: readonly string[], defs: readonly Definition[]) => number,
});
