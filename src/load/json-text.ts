/**
 * JSON read strictly: `JSON.parse` for the value (fast, and strict about commas and comments), then
 * one pass over the text for duplicate keys, which `JSON.parse` silently resolves to the last one.
 * Every failure is a diagnostic with its line and column.
 */
import { either as E } from "fp-ts";
import { fileError, type LoadDiagnostic } from "./load-diagnostic.js";
import { lineStarts, positionAt } from "./text-position.js";

/**
 * The value of the JSON `text` of `file`, or its diagnostics: a syntax error (trailing comma,
 * comment, truncation…) or every duplicate key.
 * @example parseJsonText('{"a": 1, "a": 2}', "x.json") // left: duplicate key "a" at 1:10
 */
export function parseJsonText(text: string, file: string): E.Either<LoadDiagnostic[], unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return E.left([syntaxError(text, file, (e as Error).message)]);
  }
  const duplicates = duplicateKeys(text, file);
  return duplicates.length > 0 ? E.left(duplicates) : E.right(value);
}

/** The diagnostic of a `JSON.parse` failure, at the offset V8 names (or at the end of the text). */
function syntaxError(text: string, file: string, reason: string): LoadDiagnostic {
  const offset = /at position (\d+)/.exec(reason)?.[1];
  const at = offset === undefined ? text.length : Number(offset);
  const { line, column } = positionAt(lineStarts(text), at);
  const what = reason.replace(/ in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  const hint = at >= text.trimEnd().length
    ? "The file ends before its value does: it may be truncated."
    : "JSON allows no comments, no trailing commas and only double-quoted strings.";
  return fileError("ParseError", { file, line, column }, `${file} is not valid JSON: ${what}. ${hint}`);
}

/**
 * Every key that appears twice in one object of the (valid) JSON `text`. A key is compared after
 * its escapes are decoded, as `JSON.parse` compares them.
 */
function duplicateKeys(text: string, file: string): LoadDiagnostic[] {
  const found: { key: string; first: number; again: number }[] = [];
  const objects: Map<string, number>[] = [];
  // The containers open at this point, innermost last; only an object's strings can be keys.
  const kinds: ("object" | "array")[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          escaped = true;
          i++;
        } else if (d === 0x22) break;
      }
      if (expectKey && kinds[kinds.length - 1] === "object") {
        const raw = text.slice(start + 1, i);
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
        const keys = objects[objects.length - 1]!;
        const first = keys.get(key);
        if (first === undefined) keys.set(key, start);
        else found.push({ key, first, again: start });
        expectKey = false;
      }
    } else if (c === 0x7b /* { */) {
      kinds.push("object");
      objects.push(new Map());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      kinds.push("array");
    } else if (c === 0x7d /* } */) {
      kinds.pop();
      objects.pop();
    } else if (c === 0x5d /* ] */) {
      kinds.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = kinds[kinds.length - 1] === "object";
    }
  }
  if (found.length === 0) return [];
  const starts = lineStarts(text);
  return found.map(({ key, first, again }) => {
    const at = positionAt(starts, again);
    const was = positionAt(starts, first);
    return fileError(
      "ParseError",
      { file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + JSON.stringify(key).length },
      `${file} defines the key ${JSON.stringify(key)} twice in one object (first at ${was.line}:${was.column}). ` +
        "JSON would keep only the last value: remove or rename one of them.",
    );
  });
}
