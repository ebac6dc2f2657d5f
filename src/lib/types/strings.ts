/** String types: str, nonEmptyStr, singleLineStr, strMatching, separatedString (lines, commas, envVar), passwdEntry. */
import { ModuleError } from "../errors.js";
import { mergeEqualOption } from "../merge-helpers.js";
import { addCheck } from "./check.js";
import { posixRegex } from "./posix-regex.js";
import { descriptionPhrase, mkOptionType, overrideType, type Definition, type OptionType } from "./type.js";

const isString = (x: unknown): x is string => typeof x === "string";
const mergeEqualString = mergeEqualOption as (loc: readonly string[], defs: readonly Definition[]) => string;

/** A string; several definitions must be equal. */
export const str: OptionType<string> = mkOptionType<string>({
  name: "str",
  description: "string",
  descriptionClass: "noun",
  check: isString,
  merge: mergeEqualString,
});

/** A string with something other than blanks in it. */
export const nonEmptyStr: OptionType<string> = mkOptionType<string>({
  name: "nonEmptyStr",
  description: "non-empty string",
  descriptionClass: "noun",
  check: (x) => isString(x) && !/^[ \t\n]*$/.test(x),
  merge: mergeEqualString,
});

/** Nix's `escapeNixString`: a string literal with `$` escaped. */
function escapeNixString(s: string): string {
  return JSON.stringify(s).replace(/\$/g, "\\$");
}

/**
 * A string that the POSIX extended regular expression `pattern` matches as a whole.
 * @example strMatching("[0-9]+\\.[0-9]+")
 */
export function strMatching(pattern: string): OptionType<string> {
  let type = strMatchingTypes.get(pattern);
  if (type === undefined) strMatchingTypes.set(pattern, (type = Object.freeze(makeStrMatching(pattern))));
  return type;
}

/** One type per pattern: a type is a value, and a module function called per value asks for the same one each time. */
const strMatchingTypes = new Map<string, OptionType<string>>();

function makeStrMatching(pattern: string): OptionType<string> {
  let re: RegExp;
  try {
    re = posixRegex(pattern);
  } catch (e) {
    throw new ModuleError({
      kind: "InvalidModule",
      message: `types.strMatching: ${JSON.stringify(pattern)} is not a valid POSIX extended regular expression (${
        (e as Error).message
      }).`,
    });
  }
  return mkOptionType<string>({
    name: `strMatching ${escapeNixString(pattern)}`,
    description: `string matching the pattern ${pattern}`,
    descriptionClass: "noun",
    check: (x) => isString(x) && re.test(x),
    merge: mergeEqualString,
    functor: {
      name: "strMatching",
      payload: { pattern },
      build: (p) => strMatching((p as { pattern: string }).pattern),
      binOp: (a, b) => ((a as { pattern: string }).pattern === (b as { pattern: string }).pattern ? a : null),
    },
  });
}

/** A string of one line, optionally ending in a newline, which the merged value drops. */
export const singleLineStr: OptionType<string> = mkOptionType<string>({
  name: "singleLineStr",
  description: "(optionally newline-terminated) single-line string",
  descriptionClass: "noun",
  check: strMatching("[^\n\r]*\n?").check,
  merge: (loc, defs) => mergeEqualString(loc, defs).replace(/\n$/, ""),
});

/** Strings joined by `sep` when several definitions meet. @example separatedString(":") */
export function separatedString(sep: string): OptionType<string> {
  return mkOptionType<string>({
    name: "separatedString",
    description: `strings concatenated with ${JSON.stringify(sep)}`,
    descriptionClass: "noun",
    check: isString,
    merge: (_loc, defs) => defs.map((d) => d.value as string).join(sep),
    functor: {
      name: "separatedString",
      payload: { sep },
      build: (p) => separatedString((p as { sep: string }).sep),
      binOp: (a, b) => ((a as { sep: string }).sep === (b as { sep: string }).sep ? a : null),
    },
  });
}

/** Strings joined by newlines. */
export const lines: OptionType<string> = separatedString("\n");
/** Strings joined by commas. */
export const commas: OptionType<string> = separatedString(",");
/** Strings joined by colons, as in `PATH`. */
export const envVar: OptionType<string> = separatedString(":");

/** An entry of /etc/passwd: `entryType` without newlines or colons. @example passwdEntry(types.str) */
export function passwdEntry(entryType: OptionType<string>): OptionType<string> {
  return overrideType(
    addCheck(entryType, (s) => !s.includes(":") && !s.includes("\n")),
    {
      name: `passwdEntry ${entryType.name}`,
      get description() {
        return `${descriptionPhrase((c) => c === "noun", entryType)}, not containing newlines or colons`;
      },
      descriptionClass: "nonRestrictiveClause",
    },
  );
}
