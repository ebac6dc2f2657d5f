/** Running several measurements in interleaved rounds, so that each round's figures share the machine's mood. */

/** The values of each step, in round order, and the first failure that stopped the rounds. */
export interface RoundsResult<K extends string, T> {
  readonly values: Record<K, T[]>;
  readonly error: string | null;
}

/**
 * Runs every step once per round, in the order given (the baseline first), for `runs` rounds.
 * A step that throws ends the rounds: a crash at this size would repeat, and the values so far stay.
 * @example rounds(3, { baseline: () => timeIt(a), measured: () => timeIt(b) }).values.measured.length // 3
 */
export function rounds<K extends string, T>(runs: number, steps: Record<K, () => T>): RoundsResult<K, T> {
  const keys = Object.keys(steps) as K[];
  const values = Object.fromEntries(keys.map((k) => [k, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < runs; round++) {
    for (const key of keys) {
      try {
        values[key].push(steps[key]());
      } catch (e) {
        return { values, error: (e as Error).message };
      }
    }
  }
  return { values, error: null };
}
