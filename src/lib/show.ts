/**
 * How option paths, files and definition values appear in messages, as Nixpkgs shows them:
 * `services.web."2nd".port`, `a.nix' and `b.nix', values pretty-printed and cut short.
 */
import { isAttrs } from "./attrs.js";
import { force } from "./lazy.js";

const identifier = /^[a-zA-Z_][a-zA-Z0-9_'-]*$/;
// Nix's `builtins.match "<(.*)>"`: its `.` matches a line feed too.
const placeholder = /^<[\s\S]*>$/;
/** The words Nix reserves, which an identifier may not be (Nixpkgs' `escapeNixIdentifier`). */
const nixKeywords: ReadonlySet<string> = new Set(["assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with"]);

/**
 * A string as a Nix string literal (Nixpkgs' `escapeNixString`): JSON's quoting, and `$` escaped so
 * that `${` cannot start an interpolation.
 * @example escapeNixString("cost$") // "\"cost\\$\""
 */
export function escapeNixString(text: string): string {
  return JSON.stringify(text).replaceAll("$", "\\$");
}

/**
 * A name as Nix writes it in an attribute path (Nixpkgs' `escapeNixIdentifier`): as it is when it
 * is an identifier and not a keyword, else as a string literal.
 * @example escapeNixIdentifier("if") // "\"if\""
 */
export function escapeNixIdentifier(name: string): string {
  return identifier.test(name) && !nixKeywords.has(name) ? name : escapeNixString(name);
}

/**
 * An option path as Nixpkgs' `showOption` prints it: names joined by dots, each through
 * {@link escapeNixIdentifier}, but `*` and placeholders such as `<name>` as they are.
 * @example showOption(["services", "if", "cost$", "port"]) // "services.\"if\".\"cost\\$\".port"
 */
export function showOption(path: readonly string[]): string {
  return path.map((part) => (part === "*" || placeholder.test(part) ? part : escapeNixIdentifier(part))).join(".");
}

/** A list of files as Nix prints it: `a.nix' and `b.nix'. */
export function showFiles(files: readonly string[]): string {
  return files.map((f) => `\`${f}'`).join(" and ");
}

/** A value pretty-printed in Nix syntax, cut at a depth and at a length so messages stay short. */
export function showValue(value: unknown, depth = 4): string {
  const v = force(value);
  if (v === null) return "null";
  if (v === undefined) return "<undefined>";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : `<${String(v)}>`;
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "function") return "<function>";
  if (typeof v === "symbol") return "<symbol>";
  if (Array.isArray(v)) {
    if (depth === 0) return "[ ... ]";
    const items = v.slice(0, 20).map((x) => showValue(x, depth - 1));
    if (v.length > 20) items.push("...");
    return `[ ${items.join(" ")}${items.length ? " " : ""}]`;
  }
  if (isAttrs(v)) {
    if (depth === 0) return "{ ... }";
    const keys = Object.keys(v).sort();
    const items = keys.slice(0, 20).map((k) => {
      let shown: string;
      try {
        shown = showValue(v[k], depth - 1);
      } catch {
        shown = "<error>";
      }
      return `${identifier.test(k) ? k : JSON.stringify(k)} = ${shown};`;
    });
    if (keys.length > 20) items.push("...");
    return `{ ${items.join(" ")}${items.length ? " " : ""}}`;
  }
  return `<${typeof v}>`;
}

/** The definitions of a message, one per line: ``- In `a.nix': 8080``; a value that fails to print is left out. */
export function showDefs(defs: readonly { readonly file: string; readonly value: unknown }[]): string {
  return defs
    .map((def) => {
      let shown: string;
      try {
        shown = `: ${truncate(showValue(def.value))}`;
      } catch {
        shown = "";
      }
      return `\n- In \`${def.file}'${shown}`;
    })
    .join("");
}

function truncate(text: string): string {
  return text.length > 400 ? `${text.slice(0, 400)} ...` : text;
}

/** Nix's `typeOf` of a value, for messages ("int", "string", "set", "list", "lambda", ...). */
export function typeOf(value: unknown): string {
  const v = force(value);
  if (v === null) return "null";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "function") return "lambda";
  if (Array.isArray(v)) return "list";
  if (isAttrs(v)) return "set";
  return typeof v;
}
