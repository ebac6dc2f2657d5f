/** Summaries of repeated measurements: minimum, median and maximum, and ratios run by run. */

/** The minimum, median and maximum of a series of measurements, and how many there were. */
export interface Summary {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly runs: number;
}

/**
 * The summary of `values` (at least one); the median of an even count is the mean of the middle two.
 * @example summarize([3, 1, 2]) // { min: 1, median: 2, max: 3, runs: 3 }
 */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("summarize: no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/**
 * The ratio of each measurement to the baseline of the same run. Pairing run by run, rather than
 * dividing medians, keeps a slow moment of a busy machine on both sides of one ratio.
 * @example ratios([20, 30], [10, 10]) // [2, 3]
 */
export function ratios(measured: readonly number[], baseline: readonly number[]): number[] {
  const count = Math.min(measured.length, baseline.length);
  return Array.from({ length: count }, (_, i) => measured[i]! / baseline[i]!);
}
