// Runs the `cuda-modules` command as a separate process, as a user or CI would.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** What a run of the command printed and its exit status. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built `cuda-modules ...args` (`dist/`, which `npm test` and `npm ci` build) in `cwd`
 * (the project root by default), as an installed command runs.
 */
export function runCli(args: readonly string[], cwd: string = root): CliRun {
  const main = path.join(root, "dist/src/cli/main.js");
  if (!existsSync(main)) throw new Error("dist/ is missing: run `npm run build` (npm test and npm ci do) before the command-line tests.");
  const result = spawnSync(process.execPath, [main, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The line and column (from 1) of the first `needle` in `text` after `after`. */
export function positionOf(text: string, needle: string, after = ""): { line: number; column: number } {
  const offset = text.indexOf(needle, after === "" ? 0 : text.indexOf(after));
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
