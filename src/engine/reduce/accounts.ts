/**
 * The accounts of one scenario in one replicate, from the engine's tracks: each line's
 * discounted total over the horizon and per year.
 *
 * Per cycle t (0 … H−1, priced with the amounts of t's calendar period) a line books
 * Σ_s occ_s·stateFlow_s + Σ_s net_s·netFlow_s + Σ_a holders_a·armFlow_a + the scenario's
 * fixed amount, where occ is the state occupied during the cycle (`start` counting, at
 * discount factor d(t)), the state reached at its end (`end`, at d(t + 1)), or the mean of
 * the two (`half-cycle`). One-off amounts are booked when they happen: an intervention
 * start at the month it starts (d(t)), a move at the month it leads into (d(t), t ≤ H;
 * a move at the end of the last cycle counts in the last year).
 * @module
 */
import { KIND_BENEFIT, type CompiledModel } from '../../compile/compile.js';
import type { Tracks } from '../kernel.js';

/** Scratch arrays for {@link bookAccounts}, sized for one compiled model. */
export interface AccountScratch {
  /** Occupancy levels per arm and state at months 0 … H: (a · S + s) · (H + 1) + t. */
  occ: Float64Array;
  /** Refusion-weighted occupancy per state at months 0 … H. */
  net: Float64Array;
  /** Value of each line at one occupancy. */
  value: Float64Array;
}

/** Scratch sized for `cm`. */
export function accountScratch(cm: CompiledModel): AccountScratch {
  return {
    occ: new Float64Array(cm.A * cm.S * (cm.H + 1)),
    net: new Float64Array(cm.S * (cm.H + 1)),
    value: new Float64Array(cm.accounts.lines.length),
  };
}

/** Lines' values (undiscounted) of the occupancy at month `t`, priced in period `p`, into `out`. */
function lineValues(cm: CompiledModel, k: number, x: AccountScratch, t: number, p: number): void {
  const { S, A, H, kind } = cm;
  const { stateFlow, netFlow, armBenefit, armAlways, fixedFlow, lines } = cm.accounts;
  const L = lines.length;
  const W = H + 1;
  const out = x.value;
  for (let l = 0; l < L; l++) {
    let v = fixedFlow[(k * cm.NP + p) * L + l];
    const sf = (p * L + l) * S;
    const af = (p * L + l) * A;
    for (let s = 0; s < S; s++) {
      let inState = 0;
      for (let a = 0; a < A; a++) {
        const n = x.occ[(a * S + s) * W + t];
        if (n === 0) continue; // an empty cell adds nothing (0 × an overflowing amount is NaN)
        inState += n;
        const perHolder = armAlways[af + a] + (kind[s] === KIND_BENEFIT ? armBenefit[af + a] : 0);
        if (perHolder !== 0) v += n * perHolder;
      }
      if (inState !== 0 && stateFlow[sf + s] !== 0) v += inState * stateFlow[sf + s];
      const w = x.net[s * W + t];
      if (w !== 0 && netFlow[sf + s] !== 0) v += w * netFlow[sf + s];
    }
    out[l] = v;
  }
}

/**
 * Book scenario `k`'s accounts from `tracks`: line totals into `totals` at `to` (L values)
 * and per year into `yearly` at `yo` (years × L).
 */
export function bookAccounts(
  cm: CompiledModel,
  k: number,
  tracks: Tracks,
  x: AccountScratch,
  totals: Float64Array,
  to: number,
  yearly: Float64Array,
  yo: number,
): void {
  const { S, A, H, yearOf, periodOf } = cm;
  const { lines, disc, counting, startFlow, transFlow } = cm.accounts;
  const L = lines.length;
  const W = H + 1;
  const TW = H + 2;
  for (let i = 0; i < A * S; i++) {
    let level = 0;
    for (let t = 0; t <= H; t++) x.occ[i * W + t] = level += tracks.occ[i * TW + t];
  }
  for (let s = 0; s < S; s++) {
    let level = 0;
    for (let t = 0; t <= H; t++) x.net[s * W + t] = level += tracks.net[s * TW + t];
  }
  for (let l = 0; l < L; l++) totals[to + l] = 0;
  for (let i = 0; i < cm.years.length * L; i++) yearly[yo + i] = 0;
  const book = (t: number, l: number, amount: number) => {
    totals[to + l] += amount;
    yearly[yo + yearOf[Math.min(t, H - 1)] * L + l] += amount;
  };
  const value = x.value;
  for (let t = 0; t < H; t++) {
    const p = periodOf[t];
    if (counting !== 1) {
      lineValues(cm, k, x, t, p);
      const w = counting === 2 ? 0.5 : 1;
      for (let l = 0; l < L; l++) if (value[l] !== 0) book(t, l, w * value[l] * disc[l * W + t]);
    }
    if (counting !== 0) {
      lineValues(cm, k, x, t + 1, p);
      const w = counting === 2 ? 0.5 : 1;
      for (let l = 0; l < L; l++) if (value[l] !== 0) book(t, l, w * value[l] * disc[l * W + t + 1]);
    }
  }
  if (tracks.starts !== null) {
    for (let a = 0; a < A; a++)
      for (let t = 0; t < H; t++) {
        const n = tracks.starts[a * TW + t];
        if (n === 0) continue;
        for (let l = 0; l < L; l++)
          if (startFlow[l * A + a] !== 0) book(t, l, n * startFlow[l * A + a] * disc[l * W + t]);
      }
  }
  if (tracks.trans !== null) {
    for (let a = 0; a < A; a++)
      for (let s = 0; s < S; s++)
        for (let d = 0; d < S; d++) {
          const base = ((a * S + s) * S + d) * TW;
          for (let t = 1; t <= H; t++) {
            const n = tracks.trans[base + t];
            if (n === 0) continue;
            for (let l = 0; l < L; l++) {
              const f = transFlow[(l * S + s) * S + d];
              if (f !== 0) book(t, l, n * f * disc[l * W + t]);
            }
          }
        }
  }
}
