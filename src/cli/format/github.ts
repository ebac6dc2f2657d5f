/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` line per
 * diagnostic, which GitHub shows as annotations on the pull request's files.
 */
import { showOption, type Diagnostic } from "../../lib/index.js";
import { shortenLongWords } from "../../lib/diagnostics.js";
import { escapeUnsafeCharacters } from "../safe-text.js";

/**
 * A message escaped for a workflow command: newlines kept as `%0A`; a carriage return and the other
 * characters that could act on a terminal shown escaped (`\r`, `\u001b`), and `##[` written
 * `\u0023#[`, so that nothing of the input starts another command.
 */
function escapeData(text: string): string {
  return escapeUnsafeCharacters(text).replace(/%/g, "%25").replace(/\n/g, "%0A").replaceAll("##[", "\\u0023#[");
}

/** A property value escaped for a workflow command (`:` and `,` separate properties). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The diagnostics as GitHub workflow commands, one per line. */
export function formatGithub(diagnostics: readonly Diagnostic<string>[]): string {
  return diagnostics
    .map((d) => {
      const location = d.locations[0];
      const properties = [
        location ? `file=${escapeProperty(location.file)}` : null,
        location?.line !== undefined ? `line=${location.line}` : null,
        location?.column !== undefined ? `col=${location.column}` : null,
        location?.endLine !== undefined ? `endLine=${location.endLine}` : null,
        location?.endColumn !== undefined && location.endLine === location.line ? `endColumn=${location.endColumn}` : null,
        `title=${escapeProperty(d.path.length > 0 ? `${d.kind} at ${shortenLongWords(showOption(d.path))}` : d.kind)}`,
      ].filter((p) => p !== null);
      return `::${d.severity === "error" ? "error" : "warning"} ${properties.join(",")}::${escapeData(d.message)}\n`;
    })
    .join("");
}
