/**
 * The line a measuring child process prints last, and how the parent reads it: the in-process
 * time of the measured work and the child's peak resident set size.
 */
import { spawnSync } from "node:child_process";

/** What a measuring child reports. */
export interface ChildMeasurement {
  /** Milliseconds spent in the measured work alone. */
  readonly ms: number;
  /** The peak resident set size of the whole child process, in KiB (`maxRSS`, VmHWM). */
  readonly maxRssKiB: number;
}

const marker = "BENCH-MEASUREMENT ";

/** Prints the measurement of `ms` with this process's peak RSS, for {@link runMeasuringChild}. */
export function reportMeasurement(ms: number): void {
  const measurement: ChildMeasurement = { ms, maxRssKiB: process.resourceUsage().maxRSS };
  process.stdout.write(`${marker}${JSON.stringify(measurement)}\n`);
}

/** A child that ended without a measurement: its exit and the end of what it wrote. */
export class ChildFailure extends Error {
  override readonly name = "ChildFailure";
}

/**
 * Runs `node script ...args` and returns the measurement it printed. A crash (a heap exhausted, a
 * timeout) raises a {@link ChildFailure} naming the exit and the end of its stderr.
 */
export function runMeasuringChild(script: string, args: readonly string[], timeoutMs: number): ChildMeasurement {
  const child = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const line = child.stdout?.split("\n").find((l) => l.startsWith(marker));
  if (child.status === 0 && line !== undefined) return JSON.parse(line.slice(marker.length)) as ChildMeasurement;
  const how = child.error !== undefined ? child.error.message : child.signal !== null ? `signal ${child.signal}` : `exit status ${child.status}`;
  const tail = (child.stderr ?? "").trim().split("\n").slice(-3).join(" | ");
  throw new ChildFailure(`${shortName(script)} ${args.join(" ")} failed (${how})${tail === "" ? "" : `: ${tail}`}`);
}

function shortName(script: string): string {
  return script.replace(/^.*\/dist\/bench\//, "dist/bench/");
}
