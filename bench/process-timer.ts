/** Timing a whole process, start to exit, as a user waits for it. */
import { spawnSync } from "node:child_process";

/** A finished process: its wall time and what it wrote. */
export interface TimedProcess {
  readonly ms: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command args` from `cwd` to its exit and times it; output is kept (up to 1 GiB) for checks. */
export function timeProcess(command: string, args: readonly string[], cwd: string, timeoutMs: number): TimedProcess {
  const start = performance.now();
  const child = spawnSync(command, args, { cwd, encoding: "utf8", timeout: timeoutMs, maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.error !== undefined) throw new Error(`${command} ${args.join(" ")}: ${child.error.message}`);
  return { ms, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/**
 * {@link timeProcess} for a process that must exit with `expectedStatus`: anything else is an
 * error naming the command and the end of its stderr, since a failing run measures nothing.
 */
export function timeSuccessfulProcess(command: string, args: readonly string[], cwd: string, timeoutMs: number, expectedStatus = 0): TimedProcess {
  const run = timeProcess(command, args, cwd, timeoutMs);
  if (run.status !== expectedStatus) {
    const tail = `${run.stdout}\n${run.stderr}`.trim().split("\n").slice(-3).join(" | ");
    throw new Error(`${command} ${args.join(" ")} exited with ${run.status}, not ${expectedStatus}: ${tail}`);
  }
  return run;
}
