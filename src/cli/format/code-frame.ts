/**
 * A code frame: the lines around a location, numbered, with the located text underlined, as
 * compilers print them. Lines are cut to a readable window around the located column, so that a
 * minified file of one long line shows where the problem is; characters that could act on a
 * terminal are shown escaped, and the underline follows the tabs of the line, so that it stands
 * under the located text.
 */
import type { SourceLocation } from "../../lib/index.js";
import { escapeUnsafeCharacters } from "../safe-text.js";

/** How the parts of a frame are coloured (identity functions for plain text). */
export interface FrameColours {
  readonly dim: (text: string) => string;
  readonly marker: (text: string) => string;
}

const plain: FrameColours = { dim: (t) => t, marker: (t) => t };
const contextLines = 2;
const maxWidth = 160;
/** How much of a long line is shown before the located column. */
const leadWidth = 60;

/** The part of `line` shown from `start` (an index), with `…` where it is cut, escaped. */
function windowOf(line: string, start: number): string {
  const cut = line.slice(start, start + maxWidth);
  return `${start > 0 ? "…" : ""}${escapeUnsafeCharacters(cut)}${start + maxWidth < line.length ? "…" : ""}`;
}

/**
 * The lines of `text` as frames number them (a line ends at `\n`, `\r\n` or a lone `\r`); split once
 * per file when many frames are made of it.
 */
export function frameLines(text: string): readonly string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The frame of `location` in `text` (or in its {@link frameLines}), or an empty string when the
 * location has no line.
 * @example codeFrame('{\n  "a": 1\n}', { file: "f.json", line: 2, column: 3, endLine: 2, endColumn: 9 })
 */
export function codeFrame(text: string | readonly string[], location: SourceLocation, colours: FrameColours = plain): string {
  if (location.line === undefined) return "";
  const lines = typeof text === "string" ? frameLines(text) : text;
  const at = location.line;
  if (at > lines.length) return "";
  // A value over several lines (an object) is marked on its first line only: its key says enough.
  const spansLines = (location.endLine ?? at) > at;
  const line = lines[at - 1] ?? "";
  const from = Math.min(location.column ?? 1, line.length + 1);
  const to = Math.max(from + 1, spansLines ? line.trimEnd().length + 1 : (location.endColumn ?? line.length + 1));
  // The window starts early enough that the located column is in it, a little way in.
  const start = from - 1 < maxWidth ? 0 : from - 1 - leadWidth;
  const first = Math.max(1, at - contextLines);
  const gutter = String(at).length;
  const out: string[] = [];
  for (let n = first; n <= at; n++) {
    out.push(`${n === at ? colours.marker(">") : " "} ${colours.dim(`${String(n).padStart(gutter)} |`)} ${windowOf(lines[n - 1] ?? "", start)}`);
  }
  const before = `${start > 0 ? "…" : ""}${escapeUnsafeCharacters(line.slice(start, from - 1))}`.replace(/[^\t]/g, " ");
  const marked = escapeUnsafeCharacters(line.slice(from - 1, Math.min(to - 1, start + maxWidth)));
  const width = Math.max(1, marked.length);
  out.push(`  ${colours.dim(`${" ".repeat(gutter)} |`)} ${before}${colours.marker("^".repeat(width))}${spansLines ? colours.dim(" …") : ""}`);
  return out.join("\n");
}
