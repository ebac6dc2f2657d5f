/** What a run was measured on: the machine, Node, the commit, the date. */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { repoRoot } from "./paths.js";

/** The circumstances of a run, recorded beside its figures. */
export interface Machine {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly cpu: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly loadAverage: readonly number[];
  /** `git describe --always --dirty` of the repository: a dirty tree measures uncommitted code. */
  readonly commit: string;
  /** The Nix that the `nix` workload ran, or null. */
  readonly nix: string | null;
}

function output(command: string, args: readonly string[]): string | null {
  const run = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : null;
}

/** The machine and software of this run, as of now. */
export function describeMachine(): Machine {
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cpus: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    commit: output("git", ["describe", "--always", "--dirty"]) ?? "unknown",
    nix: output("nix-instantiate", ["--version"]),
  };
}
