/**
 * JSON read strictly: `JSON.parse` for the value (fast, strict about commas and comments, and not
 * recursive, so any nesting parses), then one pass over the text for what `JSON.parse` lets by
 * silently: duplicate keys (it keeps the last one), numbers it cannot hold exactly (an integer
 * past 2^53 is rounded, `1e400` becomes Infinity), and nesting deeper than the loaders allow.
 * Every failure is a diagnostic with its line and column.
 */
import * as E from "fp-ts/lib/Either.js";
import { inexactNumber } from "./exact-numbers.js";
import { jsonSyntaxError } from "./json-syntax.js";
import { fileError, type LoadDiagnostic } from "./load-diagnostic.js";
import { maxNestingDepth, tooDeep } from "./nesting.js";
import { lineStarts, positionAt } from "./text-position.js";

/**
 * The value of the JSON `text` of `file`, or its diagnostics: a syntax error (trailing comma,
 * comment, truncation…), every duplicate key and inexact number, or nesting too deep.
 * @example parseJsonText('{"a": 1, "a": 2}', "x.json") // left: duplicate key "a" at 1:10
 */
export function parseJsonText(text: string, file: string): E.Either<LoadDiagnostic[], unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return E.left([syntaxError(text, file, (e as Error).message)]);
  }
  // The full scan (a set of keys per object) is needed only where the quick count finds a problem.
  const keysInText = quickScan(text);
  if (keysInText !== null && keysInText === keyCount(value)) return E.right(value);
  const problems = scanJson(text, file);
  return problems.length > 0 ? E.left(problems) : E.right(value);
}

/**
 * The number of keys in the (valid) JSON `text`, counted without reading them; null where a number
 * cannot be read exactly or the nesting is too deep (the full scan then says where). `JSON.parse`
 * keeps one value of a key given twice, so the text has more keys than the value exactly when an
 * object has a duplicate.
 */
function quickScan(text: string): number | null {
  let keys = 0;
  // Whether each open container is an object, innermost last.
  const inObject: boolean[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    if (c === 0x22 /* " */) {
      i = stringEnd(text, i);
      if (expectKey) {
        keys++;
        expectKey = false;
      }
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39) /* 0-9 */) {
      const start = i;
      while (i + 1 < text.length && isNumberPart(text.charCodeAt(i + 1))) i++;
      const number = text.slice(start, i + 1);
      if (inexactNumber(number, Number(number)) !== null) return null;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (inObject.length === maxNestingDepth) return null;
      inObject.push(c === 0x7b);
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      inObject.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = inObject[inObject.length - 1] === true;
    }
  }
  return keys;
}

/** The number of keys of every object in a parsed JSON value. */
function keyCount(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== "object" || next === null) continue;
    if (Array.isArray(next)) {
      for (const element of next) pending.push(element);
      continue;
    }
    const keys = Object.keys(next);
    count += keys.length;
    for (const key of keys) pending.push((next as Record<string, unknown>)[key]);
  }
  return count;
}

/** The index of the quote that ends the string opening at `start`: the first not escaped. */
function stringEnd(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); ; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}

/**
 * The diagnostic of a `JSON.parse` failure, at the token where the text first breaks the grammar
 * ({@link jsonSyntaxError}), saying what is wrong there.
 */
function syntaxError(text: string, file: string, reason: string): LoadDiagnostic {
  const found = jsonSyntaxError(text);
  // JSON.parse and the scan agree on what is JSON; V8's own words stand if they ever do not.
  const at = found?.offset ?? text.length;
  const what = found?.reason ?? reason.replace(/ in JSON at position \d+.*$/, "");
  const { line, column } = positionAt(lineStarts(text), at);
  const hint = at >= text.trimEnd().length
    ? "The file ends before its value does: it may be truncated."
    : "JSON allows no comments, no trailing commas and only double-quoted strings.";
  return fileError("ParseError", { file, line, column }, `${file} is not valid JSON at ${line}:${column}: ${what}. ${hint}`);
}

/**
 * The problems of the (valid) JSON `text` that `JSON.parse` does not report: every key that appears
 * twice in one object (compared after its escapes are decoded, as `JSON.parse` compares them),
 * every number it cannot hold exactly, and the first value nested too deep (where the scan stops).
 */
function scanJson(text: string, file: string): LoadDiagnostic[] {
  const found: { key: string; first: number; again: number }[] = [];
  const inexact: { number: string; at: number; reason: string }[] = [];
  let deepAt: number | null = null;
  const objects: Map<string, number>[] = [];
  // The containers open at this point, innermost last; only an object's strings can be keys.
  const kinds: ("object" | "array")[] = [];
  let expectKey = false;
  // The first backslash after the last string's start (-1: none left), found once for all strings.
  let nextBackslash = -2;
  for (let i = 0; i < text.length && deepAt === null; i++) {
    const c = text.charCodeAt(i);
    // Blanks are most of an indented file: the cheapest test first.
    if (c <= 0x20) continue;
    if (c === 0x22 /* " */) {
      const start = i;
      // The closing quote is the first one not escaped; JSON.parse accepted the text, so it exists.
      i = stringEnd(text, i);
      if (nextBackslash !== -1 && nextBackslash <= start) nextBackslash = text.indexOf("\\", start + 1);
      const escaped = nextBackslash !== -1 && nextBackslash < i;
      if (expectKey && kinds[kinds.length - 1] === "object") {
        const raw = text.slice(start + 1, i);
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
        const keys = objects[objects.length - 1]!;
        const first = keys.get(key);
        if (first === undefined) keys.set(key, start);
        else found.push({ key, first, again: start });
        expectKey = false;
      }
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39) /* 0-9 */) {
      const start = i;
      while (i + 1 < text.length && isNumberPart(text.charCodeAt(i + 1))) i++;
      const number = text.slice(start, i + 1);
      const reason = inexactNumber(number, Number(number));
      if (reason !== null) inexact.push({ number, at: start, reason });
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (kinds.length === maxNestingDepth) deepAt = i;
      kinds.push(c === 0x7b ? "object" : "array");
      if (c === 0x7b) objects.push(new Map());
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */) {
      kinds.pop();
      objects.pop();
    } else if (c === 0x5d /* ] */) {
      kinds.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = kinds[kinds.length - 1] === "object";
    }
  }
  if (found.length === 0 && inexact.length === 0 && deepAt === null) return [];
  const starts = lineStarts(text);
  const duplicates = found.map(({ key, first, again }) => {
    const at = positionAt(starts, again);
    const was = positionAt(starts, first);
    return fileError(
      "ParseError",
      { file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + JSON.stringify(key).length },
      `${file} defines the key ${JSON.stringify(key)} twice in one object (first at ${was.line}:${was.column}). ` +
        "JSON would keep only the last value: remove or rename one of them.",
    );
  });
  const numbers = inexact.map(({ number, at, reason }) => {
    const from = positionAt(starts, at);
    return fileError(
      "ParseError",
      { file, line: from.line, column: from.column, endLine: from.line, endColumn: from.column + number.length },
      `${file} holds the number ${number.length > 40 ? `${number.slice(0, 40)}…` : number}, which cannot be read exactly (${reason}). Write it as a string.`,
    );
  });
  return [...duplicates, ...numbers, ...(deepAt === null ? [] : [tooDeep(file, positionAt(starts, deepAt))])];
}

/** Whether a character can continue a JSON number: a digit, a sign, a point or an exponent. */
function isNumberPart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2b /* + */ || c === 0x2d /* - */ || c === 0x2e /* . */ || c === 0x45 /* E */ || c === 0x65 /* e */;
}
