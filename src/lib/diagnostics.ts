/**
 * Diagnostics: errors as data, for reporting many at once. A diagnostic is what a `ModuleError`
 * says (kind, path, message, definitions) plus where each definition stands in its source, when a
 * locator can tell: the engine knows files only by name, so positions come from whoever read them.
 */
import { ModuleError, type ErrorKind } from "./errors.js";
import { showOption } from "./show.js";

/** Where a value stands in a source file; lines and columns count from 1, the end is exclusive. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** How serious a diagnostic is: an error makes the input invalid, a warning does not. */
export type Severity = "error" | "warning";

/** The kind of a failure that is not the input's fault (a bug, or the machine running out of stack). */
export type InternalErrorKind = "InternalError";

/**
 * The kind of an exception thrown by the configuration's own code (a getter, a module function,
 * an `apply`), as Nix's `throw` is: not an error of the engine, reported where it arose.
 */
export type ThrownErrorKind = "ThrownError";

/** The engine's own folder (`src/`, or `dist/src/` once built), to tell its faults from user code's. */
const engineFolder = new URL("..", import.meta.url).pathname;

/**
 * Whether `error` was thrown by the engine's own code: the first frame of its stack that names a
 * file is in the engine's folder. Anything else (user code, or a built-in function it called, or a
 * value that is not an Error) is the configuration's exception.
 */
function thrownByEngine(error: unknown): boolean {
  // The engine throws only Errors; a string or another value thrown (`throw "no"`) is user code's.
  if (!(error instanceof Error)) return false;
  const stack = typeof error.stack === "string" ? error.stack : "";
  for (const line of stack.split("\n").slice(1)) {
    const file = /\(?((?:file:\/\/)?\/[^():]+):\d+:\d+\)?\s*$/.exec(line)?.[1];
    if (file === undefined) continue;
    return decodeURIComponent(file.replace(/^file:\/\//, "")).startsWith(decodeURIComponent(engineFolder));
  }
  return true;
}

/**
 * One problem found in the input. `kind` is stable and machine-readable (an engine
 * {@link ErrorKind}, or a kind of the layer that made it, such as a parse error of a loader).
 */
export interface Diagnostic<K extends string = ErrorKind | InternalErrorKind | ThrownErrorKind> {
  readonly kind: K;
  readonly severity: Severity;
  /** The option path concerned; empty for a problem of a whole file. */
  readonly path: readonly string[];
  readonly message: string;
  /** The definitions involved, located where the locator knows them; the first is the main one. */
  readonly locations: readonly SourceLocation[];
}

/**
 * Finds where the definition of `path` made in `file` stands. Returns undefined when it cannot
 * tell (the file was not read by a locating loader, or the path is not in it).
 */
export type Locator = (file: string, path: readonly string[]) => SourceLocation | undefined;

/** Words (runs without white space) longer than this are cut in messages: a name can be megabytes long. */
const longestWord = 300;
const whiteSpace = /\s/;
/** Messages longer than this are cut. */
const longestMessage = 20_000;

/**
 * `text` with every word longer than a few hundred characters cut to its start and its length,
 * and the whole cut at twenty thousand characters: an option path with a key of megabytes stays
 * readable. The diagnostic's `path` keeps the names whole.
 * @example shortenLongWords(`x.${"k".repeat(10000)}`) // "x.kkk…k… (10002 characters)"
 */
export function shortenLongWords(text: string): string {
  if (text.length <= longestWord) return text;
  // A scan rather than a regular expression: V8's regular expressions overflow the stack on a word of megabytes.
  let out = "";
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !whiteSpace.test(text[i]!)) continue;
    const word = text.slice(start, i);
    out += word.length > longestWord ? `${word.slice(0, 100)}… (${word.length} characters)` : word;
    if (i < text.length) out += text[i];
    start = i + 1;
  }
  if (out.length > longestMessage) out = `${out.slice(0, longestMessage)}… (message cut: ${out.length} characters)`;
  return out;
}

/** The diagnostic of a thrown value: an engine error as it is, anything else as an internal error. */
export function diagnosticOf(error: unknown, locate: Locator = () => undefined, fallbackPath: readonly string[] = []): Diagnostic {
  if (error instanceof ModuleError) {
    const path = error.path ?? fallbackPath;
    const files = [...new Set([...error.definitions.map((d) => d.file), ...error.declarations])];
    return {
      kind: error.kind,
      severity: "error",
      path,
      message: shortenLongWords(error.message),
      locations: files.map((file) => locate(file, path) ?? { file }),
    };
  }
  if (error instanceof RangeError) {
    const message = `The evaluation went too deep (${error.message}). The input nests too deeply or a value depends on itself.`;
    return { kind: "InternalError", severity: "error", path: fallbackPath, message, locations: [] };
  }
  const said = shortenLongWords(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  if (!thrownByEngine(error)) {
    const where = fallbackPath.length > 0 ? ` while \`${showOption(fallbackPath)}' was read` : "";
    return { kind: "ThrownError", severity: "error", path: fallbackPath, message: `The configuration's own code threw ${said}${where}.`, locations: [] };
  }
  return { kind: "InternalError", severity: "error", path: fallbackPath, message: `Internal error: ${said}. Please report it with the input that caused it.`, locations: [] };
}

/** The diagnostics in a stable order: by first file, line and column, then by path. */
export function sortDiagnostics<D extends Diagnostic<string>>(diagnostics: readonly D[]): D[] {
  const key = (d: D) => d.locations[0];
  return [...diagnostics].sort((a, b) => {
    const la = key(a);
    const lb = key(b);
    const byFile = (la?.file ?? "").localeCompare(lb?.file ?? "");
    if (byFile !== 0) return byFile;
    const byLine = (la?.line ?? 0) - (lb?.line ?? 0);
    if (byLine !== 0) return byLine;
    const byColumn = (la?.column ?? 0) - (lb?.column ?? 0);
    if (byColumn !== 0) return byColumn;
    return a.path.join("\u0000").localeCompare(b.path.join("\u0000"));
  });
}
