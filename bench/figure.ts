/** A benchmark figure: a measurement, the baseline it is compared with in the same run, and their ratio. */
import { ratios, summarize, type Summary } from "./stats.js";

/** The workloads of the benchmark, as `--only` names them. */
export const workloadNames = ["real-data", "synthetic", "nix", "cold-start"] as const;

/** A workload's name. */
export type WorkloadName = (typeof workloadNames)[number];

/** One figure of a run: absolute values, the baseline's, and the ratio run by run. */
export interface Figure {
  readonly workload: WorkloadName;
  /** What was measured (`check, 63 bundled files`, `N = 10^4`). */
  readonly label: string;
  readonly metric: "time" | "time per entry" | "peak RSS";
  readonly unit: "ms" | "µs" | "MiB";
  /** What the ratio divides by (`floor: JSON.parse + ajv`). */
  readonly baseline: string;
  readonly measured: Summary | null;
  readonly baselineMeasured: Summary | null;
  /** measured / baseline, run by run: above 1 is slower (or larger) than the baseline. */
  readonly ratio: Summary | null;
  /** Why the figure has no or fewer values than asked (a crash, a timeout). */
  readonly error: string | null;
}

/** What a figure says besides its values. */
export type FigureHeading = Pick<Figure, "workload" | "label" | "metric" | "unit" | "baseline">;

/**
 * The figure of `measured` against `baseline` (paired by run; either may be empty after a failure).
 * @example figureOf({ workload: "cold-start", label: "--version", metric: "time", unit: "ms", baseline: "node -e 0" }, [60], [40], null).ratio?.median // 1.5
 */
export function figureOf(heading: FigureHeading, measured: readonly number[], baseline: readonly number[], error: string | null): Figure {
  const paired = ratios(measured, baseline);
  return {
    ...heading,
    measured: measured.length > 0 ? summarize(measured) : null,
    baselineMeasured: baseline.length > 0 ? summarize(baseline) : null,
    ratio: paired.length > 0 ? summarize(paired) : null,
    error,
  };
}
