/**
 * Adding one stay to the accumulators, shared by both engines: a citizen in state `s`
 * from month `t` for `m` months, with `c0` months on support at its start.
 * @module
 */
import { KIND_BENEFIT, type CompiledModel } from '../compile/compile.js';
import type { Accumulator } from './simulate.js';

/**
 * Add the stay's months (and discounted and municipal-net months) to `cell` of `acc`, and
 * its occupancy (index `o` = (arm · S + s) · (H + 2)) and municipal share to the
 * difference arrays `occ` and `net` when kept.
 */
export function recordStay(
  cm: CompiledModel,
  acc: Accumulator,
  occ: Int32Array | null,
  net: Float64Array | null,
  cell: number,
  o: number,
  s: number,
  t: number,
  m: number,
  c0: number,
): void {
  const { municipal, constFrom, reimbursed } = cm;
  const isBenefit = cm.kind[s] === KIND_BENEFIT;
  if (occ !== null) {
    occ[o + t]++;
    occ[o + t + m]--;
    if (cm.hasLadder && reimbursed[s] === 1) {
      // The municipality's share changes month by month early on the ladder, then stays.
      const base = s * (cm.H + 2);
      if (isBenefit) {
        let tt = t;
        let c = c0;
        let left = m;
        while (left > 0 && c < constFrom) {
          const w = municipal[c];
          net![base + tt] += w;
          net![base + tt + 1] -= w;
          tt++;
          c++;
          left--;
        }
        if (left > 0) {
          const w = municipal[constFrom];
          net![base + tt] += w;
          net![base + tt + left] -= w;
        }
      } else {
        const w = municipal[c0];
        net![base + t] += w;
        net![base + t + m] -= w;
      }
    }
  }
  acc.months[cell] += m;
  if (cm.moneyDetail) {
    const { discPrefix, discPow, discInv, munPrefix } = cm;
    const dm = discPrefix[t + m] - discPrefix[t];
    acc.discMonths[cell] += dm;
    if (reimbursed[s] === 0) acc.netMonths[cell] += dm;
    else if (isBenefit) acc.netMonths[cell] += (munPrefix[c0 + m] - munPrefix[c0]) * discPow[t] * discInv[c0];
    else acc.netMonths[cell] += dm * municipal[c0];
  }
}
