/**
 * Where JSON text first breaks the grammar, and why, for the diagnostic of a file `JSON.parse`
 * refuses: V8 names a position for some errors only, and at the end of the text for a token it
 * cannot read (`NaN`, `tru`). One pass, without recursion, so any nesting is scanned; it runs only
 * on text that `JSON.parse` refused.
 */

/** The first syntax error of a JSON text: its offset and what is wrong there. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: string;
}

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const wordPattern = /[A-Za-z_$][A-Za-z0-9_$]*/y;

/** Why the text at `offset` cannot start a value. */
function notAValue(text: string, offset: number): string {
  const c = text[offset]!;
  wordPattern.lastIndex = offset;
  const word = wordPattern.exec(text)?.[0];
  if (c === "'") return "a single-quoted string: JSON strings take double quotes";
  if (word === "NaN" || word === "Infinity") return `${word} is not a JSON number: write the value as a string or a finite number`;
  if (word !== undefined) return `\`${word.length > 40 ? `${word.slice(0, 40)}…` : word}' is not a JSON value: the words JSON knows are true, false and null (strings take double quotes)`;
  if (c === "+") return "a number may not start with +";
  if (c === ".") return "a number needs a digit before its point (0.5, not .5)";
  if (c === "/") return "JSON allows no comments";
  if (c === "}" || c === "]") return `\`${c}' where a value belongs: a trailing comma, or a missing value`;
  return `\`${c}' cannot start a JSON value`;
}

/** The end offset of the string starting at `offset` (its closing quote + 1), or the error in it. */
function scanString(text: string, offset: number): number | JsonSyntaxError {
  for (let i = offset + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, reason: "a control character (such as a line break) inside a string: write it escaped (\\n, \\t, \\u0000)" };
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, reason: "a \\u escape needs four hexadecimal digits" };
        i += 5;
      } else if (next !== undefined && `"\\/bfnrt`.includes(next)) {
        i++;
      } else if (next !== undefined) {
        return { offset: i, reason: `\`\\${next}' is not a JSON escape` };
      }
    }
  }
  return { offset: text.length, reason: "a string is not closed" };
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The first syntax error of `text`, or null if it is valid JSON.
 * @example jsonSyntaxError('{"a": NaN}') // { offset: 6, reason: "NaN is not a JSON number: …" }
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  const containers: string[] = [];
  type Want = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "commaOrClose" | "end";
  let want: Want = "value";
  let i = 0;
  const afterValue = (): Want => (containers.length > 0 ? "commaOrClose" : "end");
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return want === "end" ? null : { offset: text.length, reason: "the value is not complete" };
    const c = text[i]!;
    if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return { offset: i, reason: "a comment: JSON allows none" };
    switch (want) {
      case "end":
        return { offset: i, reason: "more text after the value: a JSON file holds one value" };
      case "colon":
        if (c !== ":") return { offset: i, reason: "a `:' belongs after a key" };
        i++;
        want = "value";
        continue;
      case "commaOrClose": {
        const close = containers[containers.length - 1] === "{" ? "}" : "]";
        if (c === ",") {
          i++;
          want = close === "}" ? "key" : "value";
        } else if (c === close) {
          i++;
          containers.pop();
          want = afterValue();
        } else {
          return { offset: i, reason: `a \`,' or \`${close}' belongs here` };
        }
        continue;
      }
      case "key":
      case "keyOrClose": {
        if (c === "}" && want === "keyOrClose") {
          i++;
          containers.pop();
          want = afterValue();
          continue;
        }
        if (c !== '"') return { offset: i, reason: c === "}" ? "a trailing comma: JSON allows none" : c === "'" ? "a single-quoted key: JSON keys take double quotes" : "a double-quoted key belongs here" };
        const end = scanString(text, i);
        if (typeof end !== "number") return end;
        i = end;
        want = "colon";
        continue;
      }
      case "value":
      case "valueOrClose": {
        if (c === "]" && want === "valueOrClose") {
          i++;
          containers.pop();
          want = afterValue();
          continue;
        }
        if (c === "]" && want === "value" && containers[containers.length - 1] === "[") return { offset: i, reason: "a trailing comma: JSON allows none" };
        if (c === "{" || c === "[") {
          containers.push(c);
          i++;
          want = c === "{" ? "keyOrClose" : "valueOrClose";
          continue;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== "number") return end;
          i = end;
        } else if (c === "-" || (c >= "0" && c <= "9")) {
          numberPattern.lastIndex = i;
          const number = numberPattern.exec(text)?.[0];
          if (number === undefined) return { offset: i, reason: "a number needs a digit after its sign" };
          i += number.length;
        } else if (text.startsWith("true", i) || text.startsWith("null", i)) {
          i += 4;
        } else if (text.startsWith("false", i)) {
          i += 5;
        } else {
          return { offset: i, reason: notAValue(text, i) };
        }
        want = afterValue();
        continue;
      }
    }
  }
}
