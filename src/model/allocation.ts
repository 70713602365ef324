/**
 * Allocation of a group's citizens to interventions by the largest-remainder method, so
 * counts always add up to the group size and exact quotas stay exact (980 × 0.6 = 588).
 * @module
 */

/**
 * Split `size` citizens by `shares` (summing to at most 1) with the largest-remainder
 * method. The last count returned is the unallocated remainder. Ties go to the earlier
 * share, the remainder last.
 *
 * @example
 * ```ts
 * largestRemainder(980, [0.6]); // [588, 392]
 * largestRemainder(1343, [0.2]); // [269, 1074]
 * ```
 */
export function largestRemainder(size: number, shares: readonly number[]): number[] {
  const rest = Math.max(0, 1 - shares.reduce((a, b) => a + b, 0));
  // Rounding the quotas to 9 decimals first keeps 0.6 × 980 = 587.9999… from losing a citizen.
  const quotas = [...shares, rest].map((s) => Math.round(s * size * 1e9) / 1e9);
  const counts = quotas.map(Math.floor);
  let left = size - counts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, frac: q - Math.floor(q) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) counts[order[k].i]++;
  return counts;
}
