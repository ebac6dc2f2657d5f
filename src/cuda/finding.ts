/**
 * A finding of a check beyond the option types: an `InvalidDefinition` at a path, as an error or
 * as a warning that does not make the file invalid (`check-files.ts` turns it into a diagnostic).
 */
import { ModuleError } from "../lib/index.js";

/** A finding: its severity and the error that says it. */
export interface Finding {
  readonly severity: "error" | "warning";
  readonly error: ModuleError;
}

/**
 * A finding at `path`, defined in `file` where it is known.
 * @example finding("warning", ["newer", "manifests", "cudnn", "9.27.0", "cudnn", "windows-arm64"], "redistrib_9.27.0.json", "…")
 */
export function finding(severity: Finding["severity"], path: readonly string[], file: string | undefined, message: string): Finding {
  return { severity, error: new ModuleError({ kind: "InvalidDefinition", path, definitions: file ? [{ file }] : [], message }) };
}
