/**
 * The human format of diagnostics: each as `file:line:col`, its severity and kind, the option
 * path, the message, and a code frame of the offending lines; a summary line at the end. What
 * comes from the input is escaped where it could act on a terminal, and no line can be read as a
 * GitHub Actions workflow command (`safe-text.ts`).
 */
import pc from "picocolors";
import { showOption, type Diagnostic } from "../../lib/index.js";
import { shortenLongWords } from "../../lib/diagnostics.js";
import { escapeUnsafeCharacters, neutraliseWorkflowCommands } from "../safe-text.js";
import { codeFrame, frameLines } from "./code-frame.js";

/** The options of {@link formatHuman}. */
export interface HumanFormatOptions {
  /** Whether to colour the text (only on a terminal). */
  readonly colour: boolean;
  /** The text of a file, for code frames (undefined when it cannot be read). */
  readonly readText: (file: string) => string | undefined;
}

/** The diagnostics as text for a person, ending with a summary of the files checked (unless `fileCount` is null). */
export function formatHuman(diagnostics: readonly Diagnostic<string>[], fileCount: number | null, options: HumanFormatOptions): string {
  const c = pc.createColors(options.colour);
  // Each file's lines are split once, however many diagnostics it has: output stays linear.
  const linesOf = new Map<string, readonly string[] | undefined>();
  const readLines = (file: string) => {
    if (!linesOf.has(file)) {
      const text = options.readText(file);
      linesOf.set(file, text === undefined ? undefined : frameLines(text));
    }
    return linesOf.get(file);
  };
  const blocks = diagnostics.map((d) => {
    const [main, ...others] = d.locations;
    const where = main ? escapeUnsafeCharacters([main.file, main.line, main.column].filter((p) => p !== undefined).join(":")) : "(no file)";
    const severity = d.severity === "error" ? c.red(c.bold("error")) : c.yellow(c.bold("warning"));
    const lines = [`${c.bold(where)} ${severity} ${c.dim(escapeUnsafeCharacters(d.kind))}`];
    if (d.path.length > 0) lines.push(`  ${c.cyan(escapeUnsafeCharacters(shortenLongWords(showOption(d.path))))}`);
    lines.push(...escapeUnsafeCharacters(d.message).split("\n").map((l) => `  ${l}`));
    for (const location of [main, ...others]) {
      if (location?.line === undefined) continue;
      const text = readLines(location.file);
      if (text === undefined) continue;
      if (location !== main) lines.push(`  ${c.dim(`also ${escapeUnsafeCharacters(location.file)}:${location.line}:${location.column ?? 1}`)}`);
      lines.push(codeFrame(text, location, { dim: c.dim, marker: d.severity === "error" ? c.red : c.yellow }));
    }
    return lines.join("\n");
  });
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = `${fileCount} file${fileCount === 1 ? "" : "s"}`;
  const summary =
    errors === 0
      ? c.green(`✓ ${files} checked: no errors${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.`)
      : c.red(`✗ ${files} checked: ${errors} error${errors === 1 ? "" : "s"}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.`);
  return neutraliseWorkflowCommands([...blocks, ...(fileCount === null ? [] : [summary])].join("\n\n") + "\n");
}
