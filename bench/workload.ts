/** The shape every workload of the benchmark has. */
import type { Figure, WorkloadName } from "./figure.js";
import type { BenchSettings } from "./settings.js";

/** What a workload measured, and what a reader should know about it (a skip, an output check). */
export interface WorkloadReport {
  readonly figures: readonly Figure[];
  readonly notes: readonly string[];
}

/** A workload: its name, what it compares, and how to run it. */
export interface Workload {
  readonly name: WorkloadName;
  readonly description: string;
  readonly run: (settings: BenchSettings) => WorkloadReport;
}

/** The sizes of the synthetic workload: 10^3 to 10^5, 10^6 with `--large`, 10^3 alone with `--quick`. */
export function synthSizes(settings: BenchSettings): number[] {
  if (settings.quick) return [1e3];
  return settings.large ? [1e3, 1e4, 1e5, 1e6] : [1e3, 1e4, 1e5];
}

/** N as the tables show it: `10^4`. */
export function powerOfTen(n: number): string {
  const exponent = Math.log10(n);
  return Number.isInteger(exponent) ? `10^${exponent}` : String(n);
}
