/**
 * POSIX extended regular expressions, as Nix's `builtins.match` reads them, translated to
 * JavaScript: matched against the whole string, `.` matching a newline too, bracket classes such
 * as `[[:digit:]]` expanded, and a backslash inside brackets taken literally.
 */

const posixClasses: Readonly<Record<string, string>> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
};

/** POSIX names of collating elements (the portable character set's punctuation and blanks). */
const collatingNames: Readonly<Record<string, string>> = {
  NUL: "\0", tab: "\t", newline: "\n", "vertical-tab": "\v", "form-feed": "\f", "carriage-return": "\r",
  space: " ", "exclamation-mark": "!", "quotation-mark": '"', "number-sign": "#", "dollar-sign": "$",
  "percent-sign": "%", ampersand: "&", apostrophe: "'", "left-parenthesis": "(", "right-parenthesis": ")",
  asterisk: "*", "plus-sign": "+", comma: ",", hyphen: "-", "hyphen-minus": "-", period: ".", "full-stop": ".",
  slash: "/", solidus: "/", colon: ":", semicolon: ";", "less-than-sign": "<", "equals-sign": "=",
  "greater-than-sign": ">", "question-mark": "?", "commercial-at": "@", "left-square-bracket": "[",
  backslash: "\\", "reverse-solidus": "\\", "right-square-bracket": "]", circumflex: "^",
  "circumflex-accent": "^", underscore: "_", "low-line": "_", "grave-accent": "`", "left-brace": "{",
  "left-curly-bracket": "{", "vertical-line": "|", "right-brace": "}", "right-curly-bracket": "}", tilde: "~",
  zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
};

function escapeForClass(ch: string): string {
  return ch === "\\" || ch === "]" || ch === "[" || ch === "^" ? `\\${ch}` : ch;
}

/** The JavaScript source of the bracket expression starting at `start` ('['), and where it ends. */
function translateBracket(pattern: string, start: number): { source: string; end: number } {
  let i = start + 1;
  let out = "[";
  if (pattern[i] === "^") {
    out += "^";
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "]" && !first) return { source: `${out}]`, end: i + 1 };
    if (ch === "[" && (pattern[i + 1] === ":" || pattern[i + 1] === "." || pattern[i + 1] === "=")) {
      const kind = pattern[i + 1]!;
      const close = pattern.indexOf(`${kind}]`, i + 2);
      if (close < 0) throw new SyntaxError(`unterminated [${kind} in a bracket expression`);
      const name = pattern.slice(i + 2, close);
      if (kind === ":") {
        const cls = posixClasses[name];
        if (cls === undefined) throw new SyntaxError(`unknown character class [:${name}:]`);
        out += cls;
      } else {
        const symbol = name.length === 1 ? name : collatingNames[name];
        if (symbol === undefined) throw new SyntaxError(`unknown collating element [${kind}${name}${kind}]`);
        out += escapeForClass(symbol);
      }
      i = close + 2;
    } else {
      out += ch === "-" ? "-" : escapeForClass(ch);
      i++;
    }
    first = false;
  }
  throw new SyntaxError("unterminated bracket expression");
}

/** The JavaScript source of a POSIX extended regular expression (unanchored). */
export function translatePosixRegex(pattern: string): string {
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) throw new SyntaxError("trailing backslash");
      // POSIX gives no meaning to a backslash before a letter or digit (no \\d, no back-references).
      if (/[a-zA-Z0-9]/.test(next)) throw new SyntaxError(`invalid escape \\${next}`);
      out += `\\${next}`;
      i += 2;
    } else if (ch === "[") {
      const { source, end } = translateBracket(pattern, i);
      out += source;
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

const compiled = new Map<string, RegExp>();

/**
 * A JavaScript RegExp that matches exactly the strings that `builtins.match pattern` matches.
 * Throws a SyntaxError for a pattern that is not a valid regular expression.
 */
export function posixRegex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${translatePosixRegex(pattern)})$`, "s");
    compiled.set(pattern, re);
  }
  return re;
}
