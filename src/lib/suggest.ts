/** The one helper that proposes close names for a misspelt one ("did you mean `port'?"). */

/** The edit distance between two strings (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to three candidates closest to `name`, closest first (ties in the candidates' order). As in
 * Nixpkgs, every candidate is considered when there are fewer than 100; otherwise only those
 * within two edits.
 */
export function closestNames(name: string, candidates: readonly string[]): string[] {
  const scored = candidates.map((c, i) => ({ c, i, d: levenshtein(name, c) }));
  const considered = candidates.length < 100 ? scored : scored.filter((s) => s.d <= 2);
  return considered
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, 3)
    .map((s) => s.c);
}
