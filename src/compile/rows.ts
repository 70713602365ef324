/**
 * The transition rows as the engine reads them: every arm's rows (after calibration,
 * effects and duration bands, see `resolve.ts`) repeated per readiness class and calendar
 * period, with the class's hazard ratio on exits to success, then turned into staying
 * probabilities, their logs and cumulative destination probabilities.
 * @module
 */
import type { NormalisedModel } from '../model/normalise.js';
import { KIND_BENEFIT, KIND_SUCCESS } from './compiled.js';
import { applyHazardRatios } from './effects.js';
import { type CalibrationCache, resolveRows } from './resolve.js';

/** The row tables of {@link compileRows}; r = (((a · K + c) · S + s) · NP + p) · NB + b. */
export interface CompiledRows {
  NB: number;
  stay: Float64Array;
  logStay: Float64Array;
  leave: Float64Array;
  cum: Float64Array;
  lastDest: Int32Array;
  bandStart: Int32Array;
}

/**
 * Rows for the models of each calendar period (`periodModels`), arms `A`, readiness
 * class hazard ratios `classHr` and state kinds `kind`.
 */
export function compileRows(
  model: NormalisedModel,
  periodModels: NormalisedModel[],
  A: number,
  classHr: number[],
  kind: Uint8Array,
): CompiledRows {
  const S = model.states.length;
  const NP = periodModels.length;
  const K = classHr.length;
  const cache: CalibrationCache = new Map();
  const resolved = periodModels.map((m) => resolveRows(m, cache));
  const NB = resolved[0].NB;
  const successMask = new Float64Array(S);
  const p = new Float64Array(A * K * S * NP * NB * S);
  for (let a = 0; a < A; a++)
    for (let c = 0; c < K; c++)
      for (let s = 0; s < S; s++)
        for (let k = 0; k < NP; k++)
          for (let b = 0; b < NB; b++) {
            const from = ((a * S + s) * NB + b) * S;
            const to = ((((a * K + c) * S + s) * NP + k) * NB + b) * S;
            p.set(resolved[k].p.subarray(from, from + S), to);
            if (classHr[c] !== 1 && kind[s] === KIND_BENEFIT) {
              for (let d = 0; d < S; d++) successMask[d] = kind[d] === KIND_SUCCESS ? classHr[c] : 1;
              applyHazardRatios(p.subarray(to, to + S), successMask);
            }
          }
  const rows = A * K * S * NP * NB;
  const stay = new Float64Array(rows);
  const logStay = new Float64Array(rows);
  const leave = new Float64Array(rows);
  const cum = new Float64Array(rows * S);
  const lastDest = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let acc = 0;
    let last = -1;
    for (let d = 0; d < S; d++) {
      const q = p[r * S + d];
      if (q > 0) last = d;
      acc += q;
      cum[r * S + d] = acc;
    }
    const l = Math.min(1, acc);
    leave[r] = l;
    stay[r] = 1 - l;
    logStay[r] = Math.log(1 - l);
    lastDest[r] = last;
  }
  const bandStart = new Int32Array(NB + 1);
  for (const [i, b] of (model.duration?.bands ?? [0]).entries()) bandStart[i] = b;
  bandStart[NB] = 0x3fffffff;
  return { NB, stay, logStay, leave, cum, lastDest, bandStart };
}
