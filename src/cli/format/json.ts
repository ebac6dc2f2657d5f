/**
 * The JSON format of diagnostics: an array of them, as they are, for other programs; the characters
 * JSON leaves raw that could act on a terminal are written as JSON escapes (`safeJsonText`).
 */
import type { Diagnostic } from "../../lib/index.js";
import { safeJsonText } from "../safe-text.js";

/** The diagnostics as a JSON array, each with kind, severity, path, message and locations. */
export function formatJson(diagnostics: readonly Diagnostic<string>[]): string {
  const plain = diagnostics.map((d) => ({ kind: d.kind, severity: d.severity, path: d.path, message: d.message, locations: d.locations }));
  return `${safeJsonText(JSON.stringify(plain, null, 2))}\n`;
}
