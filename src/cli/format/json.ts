/** The JSON format of diagnostics: an array of them, as they are, for other programs. */
import type { Diagnostic } from "../../lib/index.js";

/** The diagnostics as a JSON array, each with kind, severity, path, message and locations. */
export function formatJson(diagnostics: readonly Diagnostic<string>[]): string {
  const plain = diagnostics.map((d) => ({ kind: d.kind, severity: d.severity, path: d.path, message: d.message, locations: d.locations }));
  return `${JSON.stringify(plain, null, 2)}\n`;
}
