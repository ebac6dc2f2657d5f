/**
 * The nesting limit of data files. The `yaml` package composes nested collections by recursion
 * (about a kilobyte of stack per level), and a stack overflow inside it can abort the whole
 * process rather than throw; so every file's nesting is measured, without recursion, before
 * anything recursive sees it. Real manifests nest six levels deep.
 */
import { fileError, type LoadDiagnostic } from "./load-diagnostic.js";
import type { TextPosition } from "./text-position.js";

/** The deepest nesting of lists and objects a data file may have; deeper files are refused. */
export const maxNestingDepth = 100;

/** The diagnostic of a file whose value nests deeper than {@link maxNestingDepth}, at the first value too deep. */
export function tooDeep(file: string, at: TextPosition): LoadDiagnostic {
  return fileError(
    "ParseError",
    { file, line: at.line, column: at.column },
    `${file} nests lists and objects more than ${maxNestingDepth} levels deep (the value here is one level too many). ` +
      "A manifest nests a few levels only: flatten the data.",
  );
}
