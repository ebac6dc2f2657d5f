/** The settings of a benchmark run, from its command line. */
import { parseArgs } from "node:util";
import { workloadNames, type WorkloadName } from "./figure.js";

/** What to run and how often. */
export interface BenchSettings {
  /** Runs of each figure; null for the defaults (5 for quick workloads, 3 for big ones). */
  readonly runs: number | null;
  /** Adds N = 10^6 to the synthetic workload. */
  readonly large: boolean;
  /** A smoke run: N = 10^3 only, one run each. */
  readonly quick: boolean;
  readonly only: readonly WorkloadName[];
  /** Write the results over the recorded ones (`bench/results.*`, tracked) instead of `bench/out/`. */
  readonly save: boolean;
  /** How long one process may take before it counts as failed. */
  readonly timeoutMs: number;
}

/** A command line the benchmark cannot run. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The usage text of `npm run bench -- [flags]`. */
export const usage = `usage: npm run bench -- [--quick] [--large] [--runs K] [--only ${workloadNames.join("|")}]... [--save]
  --quick    one run of N = 10^3 only: a smoke run
  --large    add N = 10^6 to the synthetic workload
  --runs K   K runs of every figure (default 5, 3 for N >= 10^5 and for Nix at 10^4)
  --only W   run workload W only (repeatable)
  --save     write the results over the recorded ones (bench/results.json, bench/results.md);
             without it they go to bench/out/, which git ignores`;

/**
 * The settings `argv` asks for; a {@link UsageError} for an unknown flag, workload or count.
 * @example parseSettings(["--only", "nix", "--runs", "2"]).only // ["nix"]
 */
export function parseSettings(argv: readonly string[]): BenchSettings {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        quick: { type: "boolean", default: false },
        large: { type: "boolean", default: false },
        runs: { type: "string" },
        only: { type: "string", multiple: true },
        save: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values } = parsed;
  if (values.help) throw new UsageError("");
  const runs = values.runs === undefined ? null : Number(values.runs);
  if (runs !== null && (!Number.isSafeInteger(runs) || runs < 1)) throw new UsageError(`--runs wants a positive whole number, not ${values.runs}`);
  const only = values.only ?? [...workloadNames];
  for (const name of only) {
    if (!(workloadNames as readonly string[]).includes(name)) throw new UsageError(`--only: no workload ${name}; choose from ${workloadNames.join(", ")}`);
  }
  return { runs, large: values.large, quick: values.quick, only: only as WorkloadName[], save: values.save, timeoutMs: 30 * 60 * 1000 };
}

/**
 * How many runs a figure gets: `--runs`, else one for `--quick`, else 3 for a big workload and 5
 * for the others.
 */
export function runsOf(settings: BenchSettings, isBig: boolean): number {
  if (settings.runs !== null) return settings.runs;
  if (settings.quick) return 1;
  return isBig ? 3 : 5;
}
