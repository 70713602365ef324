/**
 * An exact oracle for the refusion ladder as the law counts it (issue 15): which months
 * advance the count, the flex job's subsidy on the ladder, and the restart after enough
 * self-support within a window. Each group's distribution over (state, months in state,
 * months on the ladder, whether the count has begun, the self-support months of the
 * window as bits) is pushed forward month by month, accruing the expected municipal net
 * transfers exactly. Rows come from the resolver (tested on its own); the ladder's
 * dynamics are recomputed here independently of the engine, month by month where the
 * engine works stay by stay. Small windows only: the key holds one bit per window month.
 */
import { resolveRows } from '../src/compile/resolve.js';
import { normalise } from '../src/model/normalise.js';
import type { ModelSpec, RefusionLadder } from '../src/model/types.js';

const DK_STEPS = { fromWeek: [1, 5, 27, 53], reimbursedShare: [0.8, 0.4, 0.3, 0.2] };

/** Municipal share in the c-th month on the ladder, by fine numerical averaging over weeks. */
function municipalShare(ladder: RefusionLadder, c: number): number {
  const steps = 5200;
  let acc = 0;
  for (let i = 0; i < steps; i++) {
    const week = (c + (i + 0.5) / steps) * (52 / 12); // weeks elapsed, 0-based
    let r = ladder.reimbursedShare[0];
    ladder.fromWeek.forEach((w, k) => {
      if (week >= w - 1) r = ladder.reimbursedShare[k];
    });
    acc += r;
  }
  return 1 - acc / steps;
}

function popcount(x: number): number {
  let n = 0;
  for (let y = x; y > 0; y >>>= 1) n += y & 1;
  return n;
}

/**
 * Expected municipal net transfers (DKK, in total over citizens, discounted as the model
 * says) of the first scenario, which allocates nobody to an intervention.
 */
export function exactNetTransfers(model: ModelSpec): number {
  const ref = model.costs?.refusion;
  if (ref === undefined || ref === 'none' || ref === 'dk-2016') throw new Error('oracle: a restarting ladder only');
  const ladder: RefusionLadder =
    ref === 'dk' ? { ...DK_STEPS, restart: { selfSupportMonths: 12, withinMonths: 36 } } : ref;
  const need = ladder.restart?.selfSupportMonths ?? Infinity;
  const W = ladder.restart?.withinMonths ?? 1;
  if (W > 12) throw new Error('oracle: windows of at most 12 months');
  const mask = 2 ** W - 1;
  const ids = model.states.map((s) => s.id);
  const S = ids.length;
  const transfer = model.states.map((s) => s.monthlyTransfer ?? 0);
  const reimb = model.states.map((s) => s.reimbursed ?? s.kind === 'benefit');
  // The defaults of refusionCount, restated.
  const count = model.states.map(
    (s, i) =>
      s.refusionCount ??
      (s.kind === 'benefit'
        ? 'support'
        : reimb[i]
          ? ref === 'dk'
            ? 'support'
            : 'neither'
          : s.kind === 'success'
            ? 'selfSupport'
            : 'neither'),
  );
  const { NB, p } = resolveRows(normalise(model));
  const bands = model.duration?.bands ?? [0];
  if (model.duration?.clock === 'benefit') throw new Error('oracle: the state clock only');
  const delta = (1 + (model.costs?.discountRate ?? 0)) ** (-1 / 12);
  const shares: number[] = [];
  const mun = (c: number) => {
    while (shares.length <= c) shares.push(municipalShare(ladder, shares.length));
    return shares[c];
  };
  const bandOf = (ds: number) => {
    let b = 0;
    while (b + 1 < bands.length && ds >= bands[b + 1]) b++;
    return b;
  };
  const cap = bands[bands.length - 1];
  const DS = cap + 1;
  const CL = Math.max(0, ...model.groups.map((g) => g.priorBenefitMonths ?? 0)) + model.horizonMonths + 1;
  const B = mask + 1;
  // key = (((s · DS + ds) · CL + cl) · 2 + begun) · B + bits, bit i: self-support in month t − 1 − i
  const encode = (s: number, ds: number, cl: number, begun: number, bits: number) =>
    (((s * DS + ds) * CL + cl) * 2 + begun) * B + bits;
  let total = 0;
  for (const g of model.groups) {
    const prior = g.priorBenefitMonths ?? 0;
    let dist = new Map<number, number>([
      [
        encode(ids.indexOf(g.initialState), Math.min(g.initialDurationMonths ?? 0, cap), prior, prior > 0 ? 1 : 0, 0),
        1,
      ],
    ]);
    for (let t = 0; t < model.horizonMonths; t++) {
      const next = new Map<number, number>();
      const add = (k: number, w: number) => next.set(k, (next.get(k) ?? 0) + w);
      for (const [key, w] of dist) {
        let bits = key % B;
        let rest = (key - bits) / B;
        let begun = rest % 2;
        rest = (rest - begun) / 2;
        let cl = rest % CL;
        rest = (rest - cl) / CL;
        const ds = rest % DS;
        const s = (rest - ds) / DS;
        if (count[s] === 'support') {
          if (!begun) {
            begun = 1;
            bits = 0;
          } else if (popcount(bits) >= need) {
            cl = 0;
            bits = 0;
          }
        }
        total += g.size * w * delta ** t * transfer[s] * (reimb[s] ? mun(cl) : 1);
        const cl2 = cl + (count[s] === 'support' ? 1 : 0);
        const bits2 = ((bits << 1) | (count[s] === 'selfSupport' ? 1 : 0)) & mask;
        const b = bandOf(ds);
        const row = p.subarray((s * NB + b) * S, (s * NB + b + 1) * S);
        let leave = 0;
        for (let d = 0; d < S; d++) {
          if (row[d] <= 0) continue;
          leave += row[d];
          add(encode(d, 0, cl2, begun, bits2), w * row[d]);
        }
        add(encode(s, Math.min(ds + 1, cap), cl2, begun, bits2), w * (1 - leave));
      }
      dist = next;
    }
  }
  return total;
}
