/**
 * "Did you mean …?": the nearest known name to a mistyped one, shared by option names
 * (`simulate`, `sensitivity`, `breakEven`) and command-line flags.
 * @module
 */

/**
 * Edit distance with adjacent transpositions (optimal string alignment): insertions,
 * deletions, substitutions and swaps of two neighbouring characters each cost 1.
 *
 * @example
 * ```ts
 * editDistance('replicats', 'replicates'); // 1
 * editDistance('sede', 'seed'); // 1 (a swap)
 * ```
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  // Three rows suffice: the previous two for the transposition, the current one.
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

/**
 * The known name nearest to `name`, or undefined when none is close: within a third of the
 * name's length (at least 1, at most 3 edits), compared case-insensitively; ties go to the
 * first candidate.
 *
 * @example
 * ```ts
 * nearestName('replicats', ['replicates', 'seed']); // 'replicates'
 * nearestName('colour', ['replicates', 'seed']); // undefined
 * ```
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * Problems for the keys of `object` that are not in `known`, each with the nearest known
 * name when one is close: `options.replicats: unknown option (did you mean "replicates"?)`.
 */
export function unknownKeys(
  object: unknown,
  known: readonly string[],
  prefix: string,
  what = 'option',
): { path: string; message: string }[] {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return [];
  return Object.keys(object)
    .filter((k) => !known.includes(k))
    .map((k) => {
      const near = nearestName(k, known);
      return {
        path: `${prefix}.${k}`,
        message: `unknown ${what}${near ? ` (did you mean "${near}"?)` : ` (expected one of ${known.join(', ')})`}`,
      };
    });
}
