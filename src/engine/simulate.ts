/**
 * THE HOT LOOP. Simulates every citizen of one scenario for one replicate and adds what
 * the metrics need into a flat accumulator. No allocation per citizen, no objects, no
 * imports from the model or report layers.
 *
 * Instead of a uniform draw every month, a citizen in a state jumps straight to the end of
 * its stay: the number of months K until it leaves is geometric, P(K > k) = stay^k, drawn
 * by inversion as K = 1 + floor(log(U) / log(stay)); a second uniform picks the
 * destination from the row conditioned on leaving. This has exactly the distribution of
 * drawing month by month, at a fraction of the draws.
 * @module
 */
import type { CompiledModel, CompiledScenario } from '../compile/compile.js';

/** Per-replicate sums for one scenario, indexed by cell = (group * A + arm). */
export interface Accumulator {
  /** months[cell * S + s]: citizen-months spent in state s. */
  months: Float64Array;
  /** final[cell * S + s]: citizens in state s at the horizon (s_H). */
  final: Int32Array;
}

/** A zeroed accumulator sized for `cm`. */
export function createAccumulator(cm: CompiledModel): Accumulator {
  const cells = cm.G * cm.A;
  return { months: new Float64Array(cells * cm.S), final: new Int32Array(cells * cm.S) };
}

/** Zero an accumulator for reuse. */
export function resetAccumulator(acc: Accumulator): void {
  acc.months.fill(0);
  acc.final.fill(0);
}

const INV_2_32 = 1 / 4294967296;
const GOLDEN = 0x9e3779b9 | 0;

/**
 * Run one scenario of one replicate. `k1`, `k2` are the replicate's keys
 * (see `random.ts`); the sfc32 generator is inlined here because a closure call per
 * draw costs more than the draw.
 */
export function simulateScenario(cm: CompiledModel, sc: CompiledScenario, k1: number, k2: number, acc: Accumulator): void {
  const { H, S, A, stay, logStay, leave, cum, lastDest, groupInitial } = cm;
  const months = acc.months;
  const final = acc.final;
  const cohorts = sc.cohorts;
  for (let c = 0; c < cohorts.length; c++) {
    const { group, arm, count, firstCitizen } = cohorts[c];
    const rowBase = arm * S;
    const accBase = (group * A + arm) * S;
    const s0 = groupInitial[group];
    for (let j = 0; j < count; j++) {
      // sfc32 state from the replicate keys and the citizen index (same hashing as
      // citizenStream in random.ts).
      let h = (k1 + Math.imul(firstCitizen + j, GOLDEN)) | 0;
      h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
      let ra = h | 0;
      h = ra ^ k2;
      h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
      let rb = h | 0;
      h = (rb + 0x7f4a7c15) | 0;
      h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
      let rc = h | 0;
      let rd = 1;
      let rt = 0;

      let s = s0;
      let t = 0;
      while (t < H) {
        const r = rowBase + s;
        const p = stay[r];
        let k: number;
        if (p >= 1) {
          k = H - t + 1;
        } else if (p <= 0) {
          k = 1;
        } else {
          rt = (((ra + rb) | 0) + rd) | 0; rd = (rd + 1) | 0; ra = rb ^ (rb >>> 9); rb = (rc + (rc << 3)) | 0; rc = (rc << 21) | (rc >>> 11); rc = (rc + rt) | 0;
          // 1 − u lies in (0, 1], so the log is finite.
          k = 1 + Math.floor(Math.log(1 - (rt >>> 0) * INV_2_32) / logStay[r]);
        }
        if (t + k > H) {
          months[accBase + s] += H - t;
          break;
        }
        months[accBase + s] += k;
        t += k;
        rt = (((ra + rb) | 0) + rd) | 0; rd = (rd + 1) | 0; ra = rb ^ (rb >>> 9); rb = (rc + (rc << 3)) | 0; rc = (rc << 21) | (rc >>> 11); rc = (rc + rt) | 0;
        const x = (rt >>> 0) * INV_2_32 * leave[r];
        const cb = r * S;
        let d = 0;
        while (d < S && x >= cum[cb + d]) d++;
        s = d < S ? d : lastDest[r];
      }
      final[accBase + s]++;
    }
  }
}
