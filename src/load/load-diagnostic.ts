/** Diagnostics of the loaders: a file that cannot be read, or whose text is not valid data. */
import type { Diagnostic, SourceLocation } from "../lib/index.js";

/** Kinds of loader diagnostics: the file could not be read, or its text could not be parsed. */
export type LoadErrorKind = "ReadError" | "ParseError";

/** A diagnostic of a loader. */
export type LoadDiagnostic = Diagnostic<LoadErrorKind>;

/** An error of a whole file (nothing else of it can be checked). */
export function fileError(kind: LoadErrorKind, location: SourceLocation, message: string): LoadDiagnostic {
  return { kind, severity: "error", path: [], message, locations: [location] };
}
