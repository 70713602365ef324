/**
 * Relative effects and duration multipliers on a monthly row.
 *
 * A row gives the probabilities p_d of leaving for each destination in a month, total P.
 * Treating the month as competing risks with constant hazards, the total hazard is
 * Λ = −log(1 − P) and the cause-specific hazard of d is λ_d = Λ·p_d/P. A hazard ratio
 * multiplies λ_d; the new row is P' = 1 − exp(−Σλ'), p'_d = P'·λ'_d/Σλ'. An odds ratio
 * multiplies p_d/(1 − p_d); a risk ratio multiplies p_d; both leave the other destinations
 * as they are. A certain move (P = 1) has infinite hazard: hazard ratios then act as risk
 * ratios on the split.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';

/** Apply hazard ratios per destination (1 where absent) to `row` in place. */
export function applyHazardRatios(row: Float64Array, hr: Float64Array): void {
  let P = 0;
  for (let d = 0; d < row.length; d++) P += row[d];
  if (P <= 0) return;
  if (P >= 1 - 1e-15) {
    let sum = 0;
    for (let d = 0; d < row.length; d++) sum += row[d] * hr[d];
    if (sum > 0) for (let d = 0; d < row.length; d++) row[d] = (row[d] * hr[d]) / sum;
    else row.fill(0);
    return;
  }
  const L = -Math.log(1 - P);
  let L2 = 0;
  for (let d = 0; d < row.length; d++) L2 += (L * row[d] * hr[d]) / P;
  if (L2 <= 0) {
    row.fill(0);
    return;
  }
  const P2 = 1 - Math.exp(-L2);
  for (let d = 0; d < row.length; d++) row[d] = (P2 * ((L * row[d] * hr[d]) / P)) / L2;
}

/** Odds ratio on one probability. */
export function applyOddsRatio(p: number, or: number): number {
  if (p >= 1) return 1;
  const o = (or * p) / (1 - p);
  return o / (1 + o);
}

/** Throw a located error when a row sums above 1 after effects. */
export function checkRowSum(row: Float64Array, path: string): void {
  let P = 0;
  for (let d = 0; d < row.length; d++) P += row[d];
  if (P > 1 + 1e-9)
    throw new ForlobInputError(
      [{ path, message: `after applying effects the row sums to ${+P.toFixed(9)}, expected at most 1` }],
      'invalid model',
    );
}
