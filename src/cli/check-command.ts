/**
 * `cuda-modules check`: checks manifest and release-list files and prints every diagnostic in the
 * chosen format. Exit status: 0 when every file is valid (warnings allowed), 1 when any is not,
 * 2 for a usage error or an internal failure.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { checkDataFiles, classifyDataFile, type CheckDiagnostic, type ClassifiedFile, type DataFileKind } from "../cuda/check-files.js";
import { showOption } from "../lib/index.js";
import { bundledDataFiles } from "./bundled-files.js";
import { useColour } from "./colour.js";
import { expandInputs } from "./input-files.js";
import { formatGithub } from "./format/github.js";
import { formatHuman } from "./format/human.js";
import { formatJson } from "./format/json.js";
import { formatSarif } from "./format/sarif.js";
import { progress } from "./progress.js";
import { safeText } from "./safe-text.js";

/** The output formats of `check`. */
export const checkFormats = ["human", "github", "json", "sarif"] as const;

/** The options of `check`, as the command line gives them. */
export interface CheckCommandOptions {
  readonly kind?: DataFileKind;
  readonly product?: string;
  readonly format: (typeof checkFormats)[number];
  readonly maxFileSize?: number;
  /** Report errors only (`--quiet`). */
  readonly quiet?: boolean;
  /** Fail (exit 1) when there are more warnings than this (`--max-warnings`). */
  readonly maxWarnings?: number;
  /** Write the report to this file instead of standard output (`--output-file`). */
  readonly outputFile?: string;
  /** `--color` (true) or `--no-color` (false). */
  readonly color?: boolean;
}

/** Where `check` writes, and what it knows of its terminal. */
export interface CheckIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly version: string;
  /** Standard input's bytes, for `-` (read when asked for). */
  readonly readStdin?: () => Buffer;
}

/** The name standard input's diagnostics give it. */
const stdinName = "<stdin>";

/** Standard input saved to a file of its own (JSON when it starts with `{` or `[`, else YAML), for `-`. */
function stdinFile(io: CheckIo, temporary: string[]): { path: string; text: string } {
  const bytes = (io.readStdin ?? (() => readFileSync(0)))();
  const text = bytes.toString("utf8");
  const syntax = /^\s*[[{]/.test(text) ? "json" : "yaml";
  const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-stdin-"));
  temporary.push(dir);
  const file = path.join(dir, `stdin.${syntax}`);
  writeFileSync(file, bytes);
  return { path: file, text };
}

/**
 * Runs `check` on `files` (every bundled file when none is given; a directory stands for the data
 * files under it, `-` for standard input); returns the exit status.
 */
export function runCheck(files: readonly string[], options: CheckCommandOptions, io: CheckIo): number {
  // Standard input is checked from a file of its own, removed once the report is written.
  const temporary: string[] = [];
  try {
    return checkAndReport(files, options, io, temporary);
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
}

function checkAndReport(files: readonly string[], options: CheckCommandOptions, io: CheckIo, temporary: string[]): number {
  const paths = files.length > 0 ? expandInputs(files) : bundledDataFiles().map((f) => path.relative(process.cwd(), f) || f);
  const classified: ClassifiedFile[] = [];
  const unnamed: CheckDiagnostic[] = [];
  const texts = new Map<string, string>();
  for (const file of paths) {
    if (file === "-") {
      if (options.kind === undefined) {
        io.stderr.write("cuda-modules check: standard input (-) has no name to tell what it holds: pass --kind redistrib|feature|releases.\n");
        return 2;
      }
      const saved = stdinFile(io, temporary);
      texts.set(stdinName, saved.text);
      const result = classifyDataFile(saved.path, options.kind);
      if (E.isRight(result)) classified.push({ ...result.right, name: stdinName, product: null });
      continue;
    }
    const result = classifyDataFile(file, options.kind);
    // A file whose name does not say what it holds is a diagnostic of that file; the others are checked.
    if (E.isLeft(result)) unnamed.push({ kind: "ReadError", severity: "error", path: [], message: result.left, locations: [{ file }] });
    else classified.push(result.right);
  }
  const report = progress(io.stderr, "checking");
  let current = "";
  let diagnostics: readonly CheckDiagnostic[];
  let checkedFiles: readonly string[];
  try {
    const result = checkDataFiles(classified, {
      ...(options.maxFileSize === undefined ? {} : { maxFileBytes: options.maxFileSize }),
      ...(options.product === undefined ? {} : { product: options.product }),
      onFile: (file, index, count) => {
        current = file;
        report(index, count, file);
      },
    });
    diagnostics = [...unnamed, ...result.diagnostics];
    checkedFiles = [...unnamed.map((d) => d.locations[0]!.file), ...result.files];
  } catch (e) {
    report.done();
    io.stderr.write(safeText(`cuda-modules check: internal error while checking ${current || paths.join(", ")}: ${(e as Error).message}\nPlease report it with the files that caused it.\n`));
    return 2;
  } finally {
    report.done();
  }
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const shown = options.quiet === true ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  const output = options.outputFile === undefined ? io.stdout : { isTTY: false };
  const text = render(shown, checkedFiles.length, options, io, output, texts);
  if (options.outputFile === undefined) io.stdout.write(text);
  else {
    try {
      writeFileSync(options.outputFile, text);
    } catch (e) {
      io.stderr.write(safeText(`cuda-modules check: cannot write ${options.outputFile}: ${(e as Error).message}\n`));
      return 2;
    }
  }
  if (options.format === "github") writeStepSummary(diagnostics, checkedFiles.length, io);
  if (diagnostics.some((d) => d.kind === "InternalError")) {
    io.stderr.write(safeText(`cuda-modules check: internal error while checking ${checkedFiles.join(", ")} (see the diagnostics above).\n`));
    return 2;
  }
  if (diagnostics.some((d) => d.severity === "error")) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`cuda-modules check: ${warnings} warning${warnings === 1 ? "" : "s"}, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/** The one line that ends every format but JSON and SARIF: how many files, errors and warnings. */
function countLine(diagnostics: readonly CheckDiagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = `${fileCount} file${fileCount === 1 ? "" : "s"} checked`;
  if (errors === 0 && warnings === 0) return `${files}: no errors.`;
  return `${files}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.`;
}

/**
 * GitHub shows only the first annotations of a step: with `--format github` and
 * `$GITHUB_STEP_SUMMARY` set, every diagnostic is also written to the step's summary, as Markdown.
 */
function writeStepSummary(diagnostics: readonly CheckDiagnostic[], fileCount: number, io: CheckIo): void {
  const target = process.env["GITHUB_STEP_SUMMARY"];
  if (target === undefined || target === "") return;
  const cell = (value: string) => safeText(value).replace(/\|/g, "\\|").replace(/\n/g, "<br>");
  const lines = [`### cuda-modules check`, "", countLine(diagnostics, fileCount)];
  if (diagnostics.length > 0) {
    lines.push("", "| | File | Line | Kind | Option | Message |", "| --- | --- | --- | --- | --- | --- |");
    for (const d of diagnostics) {
      const at = d.locations[0];
      lines.push(`| ${d.severity === "error" ? "❌" : "⚠️"} | ${cell(at?.file ?? "")} | ${at?.line ?? ""} | ${d.kind} | ${cell(showOption(d.path))} | ${cell(d.message)} |`);
    }
  }
  try {
    appendFileSync(target, `${lines.join("\n")}\n`);
  } catch (e) {
    io.stderr.write(safeText(`cuda-modules check: cannot write the step summary to ${target}: ${(e as Error).message}\n`));
  }
}

function render(
  diagnostics: readonly CheckDiagnostic[],
  fileCount: number,
  options: CheckCommandOptions,
  io: CheckIo,
  output: { readonly isTTY?: boolean },
  texts: ReadonlyMap<string, string>,
): string {
  switch (options.format) {
    case "github":
      return `${formatGithub(diagnostics)}${countLine(diagnostics, fileCount)}\n`;
    case "json":
      return formatJson(diagnostics);
    case "sarif":
      return formatSarif(diagnostics, io.version);
    case "human": {
      const cache = new Map<string, string | undefined>(texts);
      const readText = (file: string) => {
        if (!cache.has(file)) {
          try {
            cache.set(file, readFileSync(file, "utf8"));
          } catch {
            cache.set(file, undefined);
          }
        }
        return cache.get(file);
      };
      return formatHuman(diagnostics, fileCount, { colour: useColour(output, options.color), readText });
    }
  }
}
