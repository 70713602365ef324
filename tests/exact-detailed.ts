/**
 * The exact oracle for the full format: the distribution of each cohort over
 * (state, months in state, months on benefit, ever in paid hours, course ended) is pushed
 * forward month by month, accruing every metric's expectation exactly. Transition
 * probabilities per arm and band come from the resolver (tested on its own); the
 * dynamics — clocks, bands, refusion, discounting, first exits — are recomputed here
 * independently of the engine.
 */
import { resolveRows } from '../src/compile/resolve.js';
import { normalise } from '../src/model/normalise.js';
import { allocateGroup } from '../src/model/allocation.js';
import type { ModelSpec } from '../src/model/types.js';

export interface ExactDetailed {
  successRate: number;
  successVariance: number;
  benefitMonths: number;
  transferCost: number;
  netTransferCost: number;
  interventionCost: number;
  paidHoursRate: number;
  paidHoursVariance: number;
  completedSuccessShare: number;
  premiumIncome: number;
  /** Expected first exits from benefit per destination state id. */
  exitsTo: Record<string, number>;
}

const LADDERS: Record<string, { fromWeek: number[]; reimbursedShare: number[] }> = {
  'dk-2016': { fromWeek: [1, 5, 27, 53], reimbursedShare: [0.8, 0.4, 0.3, 0.2] },
};

/** Municipal share in the c-th month on support, by fine numerical averaging over weeks. */
function municipalShare(ladder: { fromWeek: number[]; reimbursedShare: number[] } | undefined, c: number): number {
  if (!ladder) return 1;
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

/** Exact expectations for every scenario of `model`, in total over groups. */
export function exactDetailed(model: ModelSpec): Record<string, ExactDetailed> {
  const ids = model.states.map((s) => s.id);
  const S = ids.length;
  const kinds = model.states.map((s) => s.kind);
  const transfer = model.states.map((s) => s.monthlyTransfer ?? 0);
  const paid = model.states.map((s) => !!s.paidHours);
  const reimb = model.states.map((s) => s.reimbursed ?? s.kind === 'benefit');
  const { NB, p } = resolveRows(normalise(model));
  const bands = model.duration?.bands ?? [0];
  const clockBenefit = model.duration?.clock === 'benefit';
  const ref = model.costs?.refusion;
  const ladder = ref === undefined || ref === 'none' ? undefined : typeof ref === 'string' ? LADDERS[ref] : ref;
  const delta = (1 + (model.costs?.discountRate ?? 0)) ** (-1 / 12);
  const premium = model.costs?.premiumPerPaidHoursMonth ?? 0;
  const shareCache = new Map<number, number>();
  const mun = (c: number) => {
    if (!shareCache.has(c)) shareCache.set(c, municipalShare(ladder, c));
    return shareCache.get(c)!;
  };
  const ivs = model.interventions ?? [];
  const cost = (a: number) => {
    if (a === 0) return 0;
    const iv = ivs[a - 1];
    const st = iv.staffing;
    return (
      (iv.monthlyCost ?? 0) +
      (st
        ? st.annualCostPerCaseworker / st.caseload / 12 +
          ((st.conversationsPerYear ?? 0) * (st.costPerConversation ?? 0)) / 12
        : 0)
    );
  };
  const bandOf = (clock: number) => {
    let b = 0;
    while (b + 1 < bands.length && clock >= bands[b + 1]) b++;
    return b;
  };
  const N = model.groups.reduce((a, g) => a + g.size, 0);
  const out: Record<string, ExactDetailed> = {};
  for (const sc of model.scenarios) {
    const r: ExactDetailed = {
      successRate: 0,
      successVariance: 0,
      benefitMonths: 0,
      transferCost: 0,
      netTransferCost: 0,
      interventionCost: 0,
      paidHoursRate: 0,
      paidHoursVariance: 0,
      completedSuccessShare: 0,
      premiumIncome: 0,
      exitsTo: {},
    };
    let exits = 0;
    let successExits = 0;
    for (const g of model.groups) {
      const alloc = sc.allocation?.[g.id] ?? {};
      const counts = allocateGroup(g.size, Object.values(alloc));
      const arms = [
        ...Object.keys(alloc).map((iv, k) => [ivs.findIndex((x) => x.id === iv) + 1, counts[k]]),
        [0, counts[counts.length - 1]],
      ];
      for (const [a, n] of arms) {
        if (n === 0) continue;
        // key: s|ds|cb|ph|ex  (ds capped at the last band start: rows do not change after it)
        const cap = bands[bands.length - 1];
        let dist = new Map<string, number>([
          [
            `${ids.indexOf(g.initialState)}|${Math.min(g.initialDurationMonths ?? 0, cap)}|${g.priorBenefitMonths ?? 0}|0|0`,
            1,
          ],
        ]);
        for (let t = 0; t < model.horizonMonths; t++) {
          const next = new Map<string, number>();
          const add = (k: string, w: number) => next.set(k, (next.get(k) ?? 0) + w);
          for (const [key, w] of dist) {
            const [s, ds, cb, ph0, ex] = key.split('|').map(Number);
            const ben = kinds[s] === 'benefit';
            const ph = ph0 || (paid[s] ? 1 : 0);
            const disc = delta ** t;
            if (ben) {
              r.benefitMonths += (n * w) / N;
              r.interventionCost += n * w * disc * cost(a);
            }
            r.transferCost += n * w * disc * transfer[s];
            r.netTransferCost += n * w * disc * transfer[s] * (reimb[s] ? mun(cb) : 1);
            if (paid[s]) r.premiumIncome += n * w * disc * premium;
            const b = bandOf(clockBenefit ? cb : ds);
            const row = p.subarray(((a * S + s) * NB + b) * S, ((a * S + s) * NB + b + 1) * S);
            const cb2 = cb + (ben ? 1 : 0);
            let leave = 0;
            for (let d = 0; d < S; d++) {
              if (row[d] <= 0) continue;
              leave += row[d];
              const firstExit = ben && !ex && kinds[d] !== 'benefit';
              if (firstExit) {
                exits += n * w * row[d];
                if (kinds[d] === 'success') successExits += n * w * row[d];
                r.exitsTo[ids[d]] = (r.exitsTo[ids[d]] ?? 0) + n * w * row[d];
              }
              add(`${d}|0|${cb2}|${ph}|${ex || firstExit ? 1 : 0}`, w * row[d]);
            }
            add(`${s}|${Math.min(ds + 1, cap)}|${cb2}|${ph}|${ex}`, w * (1 - leave));
          }
          dist = next;
        }
        let succ = 0;
        let phr = 0;
        for (const [key, w] of dist) {
          const [s, , , ph] = key.split('|').map(Number);
          if (kinds[s] === 'success') succ += w;
          if (ph) phr += w;
        }
        r.successRate += (n * succ) / N;
        r.successVariance += (n * succ * (1 - succ)) / (N * N);
        r.paidHoursRate += (n * phr) / N;
        r.paidHoursVariance += (n * phr * (1 - phr)) / (N * N);
      }
    }
    r.completedSuccessShare = successExits / exits;
    out[sc.id] = r;
  }
  return out;
}
