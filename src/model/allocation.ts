/**
 * Allocation of a group's citizens to interventions by the largest-remainder method, so
 * counts always add up to the group size and exact quotas stay exact (980 × 0.6 = 588).
 * @module
 */
import type { AllocationValue } from './types.js';

/**
 * Round non-negative quotas summing to an integer `total` into integers with the same sum,
 * giving the leftover units to the largest fractional parts (ties to the earlier quota).
 */
function roundQuotas(quotas: number[], total: number): number[] {
  // Rounding to 9 decimals first keeps 0.6 × 980 = 587.9999… from losing a citizen.
  const q = quotas.map((x) => Math.max(0, Math.round(x * 1e9) / 1e9));
  const counts = q.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = q.map((v, i) => ({ i, frac: v - Math.floor(v) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) counts[order[k].i]++;
  return counts;
}

/**
 * Split `size` citizens by `shares` (summing to at most 1) with the largest-remainder
 * method. The last count returned is the unallocated remainder.
 *
 * @example
 * ```ts
 * largestRemainder(980, [0.6]); // [588, 392]
 * largestRemainder(1343, [0.2]); // [269, 1074]
 * ```
 */
export function largestRemainder(size: number, shares: readonly number[]): number[] {
  const rest = Math.max(0, 1 - shares.reduce((a, b) => a + b, 0));
  return roundQuotas(
    [...shares, rest].map((s) => s * size),
    size,
  );
}

/**
 * Counts for a group's allocation values: `{count}` entries are taken as given, shares
 * are share × size rounded by largest remainder together with the unallocated rest. The
 * last count returned is the remainder.
 *
 * @example
 * ```ts
 * allocateGroup(363, [{ count: 217 }, { count: 146 }]); // [217, 146, 0]
 * allocateGroup(980, [0.6, { count: 100 }]);             // [588, 100, 292]
 * ```
 */
export function allocateGroup(size: number, values: readonly AllocationValue[]): number[] {
  const fixed = values.reduce<number>((a, v) => a + (typeof v === 'number' ? 0 : v.count), 0);
  const shareQuotas = values.map((v) => (typeof v === 'number' ? v * size : 0));
  const rest = Math.max(0, size - fixed - shareQuotas.reduce((a, b) => a + b, 0));
  const rounded = roundQuotas([...shareQuotas, rest], size - fixed);
  return [...values.map((v, i) => (typeof v === 'number' ? rounded[i] : v.count)), rounded[values.length]];
}
