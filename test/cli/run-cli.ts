// Runs the `cuda-modules` command as a separate process, as a user or CI would.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The project root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** What a run of the command printed and its exit status. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cuda-modules ...args` in `cwd` (the project root by default). */
export function runCli(args: readonly string[], cwd: string = root): CliRun {
  // tsx by its path, so that the command also runs from directories outside the project.
  const tsx = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;
  const result = spawnSync(process.execPath, ["--import", tsx, path.join(root, "src/cli/main.ts"), ...args], {
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
