/**
 * `cuda-modules check`: checks manifest and release-list files and prints every diagnostic in the
 * chosen format. Exit status: 0 when every file is valid (warnings allowed), 1 when any is not,
 * 2 for a usage error or an internal failure.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { either as E } from "fp-ts";
import { checkDataFiles, classifyDataFile, type CheckDiagnostic, type ClassifiedFile, type DataFileKind } from "../cuda/check-files.js";
import { bundledDataFiles } from "./bundled-files.js";
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
}

/** Where `check` writes, and what it knows of its terminal. */
export interface CheckIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly version: string;
}

/** Runs `check` on `files` (every bundled file when none is given); returns the exit status. */
export function runCheck(files: readonly string[], options: CheckCommandOptions, io: CheckIo): number {
  const paths = files.length > 0 ? files : bundledDataFiles().map((f) => path.relative(process.cwd(), f) || f);
  const classified: ClassifiedFile[] = [];
  for (const file of paths) {
    const result = classifyDataFile(file, options.kind);
    if (E.isLeft(result)) {
      io.stderr.write(safeText(`cuda-modules check: ${result.left}\n`));
      return 2;
    }
    classified.push(result.right);
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
    diagnostics = result.diagnostics;
    checkedFiles = result.files;
  } catch (e) {
    report.done();
    io.stderr.write(safeText(`cuda-modules check: internal error while checking ${current || paths.join(", ")}: ${(e as Error).message}\nPlease report it with the files that caused it.\n`));
    return 2;
  } finally {
    report.done();
  }
  io.stdout.write(render(diagnostics, checkedFiles.length, options.format, io));
  if (diagnostics.some((d) => d.kind === "InternalError")) {
    io.stderr.write(safeText(`cuda-modules check: internal error while checking ${checkedFiles.join(", ")} (see the diagnostics above).\n`));
    return 2;
  }
  return diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}

function render(diagnostics: readonly CheckDiagnostic[], fileCount: number, format: CheckCommandOptions["format"], io: CheckIo): string {
  switch (format) {
    case "github":
      return formatGithub(diagnostics);
    case "json":
      return formatJson(diagnostics);
    case "sarif":
      return formatSarif(diagnostics, io.version);
    case "human": {
      const texts = new Map<string, string | undefined>();
      const readText = (file: string) => {
        if (!texts.has(file)) {
          try {
            texts.set(file, readFileSync(file, "utf8"));
          } catch {
            texts.set(file, undefined);
          }
        }
        return texts.get(file);
      };
      const colour = io.stdout.isTTY === true && !("NO_COLOR" in process.env);
      return formatHuman(diagnostics, fileCount, { colour: colour || "FORCE_COLOR" in process.env, readText });
    }
  }
}
