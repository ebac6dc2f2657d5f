/**
 * A code frame: the lines around a location, numbered, with the located text underlined, as
 * compilers print them. Lines are cut to a readable width so that a minified file stays legible.
 */
import type { SourceLocation } from "../../lib/index.js";

/** How the parts of a frame are coloured (identity functions for plain text). */
export interface FrameColours {
  readonly dim: (text: string) => string;
  readonly marker: (text: string) => string;
}

const plain: FrameColours = { dim: (t) => t, marker: (t) => t };
const contextLines = 2;
const maxWidth = 160;

/**
 * The frame of `location` in `text`, or an empty string when the location has no line.
 * @example codeFrame('{\n  "a": 1\n}', { file: "f.json", line: 2, column: 3, endLine: 2, endColumn: 9 })
 */
export function codeFrame(text: string, location: SourceLocation, colours: FrameColours = plain): string {
  if (location.line === undefined) return "";
  const lines = text.split(/\r\n|\r|\n/);
  const at = location.line;
  if (at > lines.length) return "";
  // A value over several lines (an object) is marked on its first line only: its key says enough.
  const spansLines = (location.endLine ?? at) > at;
  const first = Math.max(1, at - contextLines);
  const gutter = String(at).length;
  const out: string[] = [];
  for (let n = first; n <= at; n++) {
    const line = lines[n - 1] ?? "";
    const shown = line.length > maxWidth ? `${line.slice(0, maxWidth)}…` : line;
    out.push(`${n === at ? colours.marker(">") : " "} ${colours.dim(`${String(n).padStart(gutter)} |`)} ${shown}`);
  }
  const line = lines[at - 1] ?? "";
  const from = location.column ?? 1;
  const to = spansLines ? line.trimEnd().length + 1 : (location.endColumn ?? line.length + 1);
  const width = Math.max(1, Math.min(to, maxWidth + 1) - from);
  if (from <= maxWidth) out.push(`  ${colours.dim(`${" ".repeat(gutter)} |`)} ${" ".repeat(from - 1)}${colours.marker("^".repeat(width))}${spansLines ? colours.dim(" …") : ""}`);
  return out.join("\n");
}
