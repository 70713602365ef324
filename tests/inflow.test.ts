/**
 * Inflow: arrivals each month form their own group; their expected outcomes follow from
 * matrix powers over their shorter follow-up, and Kaplan–Meier handles their censoring.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { largestRemainder } from '../src/model/allocation.js';
import type { ModelSpec } from '../src/model/types.js';
import { armMatrix, step } from './exact.js';

const model: ModelSpec = {
  name: 'inflow',
  horizonMonths: 36,
  states: [
    { id: 'dp', kind: 'benefit', monthlyTransfer: 20000 },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { dp: { job: 0.15, out: 0.03 }, job: { dp: 0.02 } },
  groups: [{ id: 'dp', size: 500, initialState: 'dp', inflow: { perMonth: 40.5 } }],
  interventions: [{ id: 'sparring', monthlyCost: 800, transitions: { dp: { job: 0.2, out: 0.03 } } }],
  scenarios: [{ id: 'none' }, { id: 'half', allocation: { dp: { sparring: 0.5 } } }],
};

/** Exact expectations for the inflow group: every monthly batch followed to the horizon. */
function exactInflow(scenario: string) {
  const H = model.horizonMonths;
  let n = 0;
  let success = 0;
  let benefit = 0;
  let transfers = 0;
  for (let t = 1; t < H; t++) {
    const batch = Math.floor(40.5 * t + 1e-9) - Math.floor(40.5 * (t - 1) + 1e-9);
    const share = scenario === 'half' ? [0.5] : [];
    const split = largestRemainder(batch, share);
    const arms: [string | null, number][] =
      scenario === 'half'
        ? [
            ['sparring', split[0]],
            [null, split[1]],
          ]
        : [[null, batch]];
    for (const [iv, count] of arms) {
      const P = armMatrix(model, iv);
      let pi = [1, 0, 0];
      for (let u = t; u < H; u++) {
        benefit += count * pi[0];
        transfers += count * pi[0] * 20000;
        pi = step(pi, P);
      }
      success += count * pi[1];
      n += count;
    }
  }
  return { n, successRate: success / n, benefitMonths: benefit / n, transferCost: transfers };
}

describe('inflow', () => {
  it('arrivals are a group of their own whose outcomes match the exact values', async () => {
    const R = 500;
    const res = await simulate(model, { replicates: R, seed: 'in' });
    for (const sc of res.scenarios) {
      const g = sc.groups.find((x) => x.id === 'dp:inflow')!;
      const ex = exactInflow(sc.id);
      const total = sc.allocation.filter((a) => a.group === 'dp:inflow').reduce((a, b) => a + b.count, 0);
      expect(total).toBe(ex.n);
      for (const name of ['successRate', 'benefitMonths', 'transferCost'] as const) {
        expect(Math.abs(g.metrics[name].mean! - ex[name]), `${sc.id} ${name}`).toBeLessThanOrEqual(
          4 * g.metrics[name].mcse! + 1e-9,
        );
      }
    }
  });

  it('Kaplan–Meier over censored arrivals recovers the exact spell survival', async () => {
    const R = 300;
    const res = await simulate(model, { replicates: R, seed: 'km' });
    const g = res.scenarios[0].groups.find((x) => x.id === 'dp:inflow')!.metrics;
    const S12 = (1 - 0.18) ** 12;
    expect(Math.abs(g.onBenefitAt12.mean! - S12)).toBeLessThanOrEqual(4 * g.onBenefitAt12.mcse!);
    expect(g.monthsToExitMedian.mean).toBeGreaterThanOrEqual(3);
    expect(g.monthsToExitMedian.mean).toBeLessThanOrEqual(4);
  });

  it('leaves the citizens already there byte-identical: without inflow is with inflow less its group', async () => {
    // Arrivals are numbered after the initial population and draw from their own streams,
    // so adding inflow to a model changes nothing about the groups it had.
    const closed = { ...model, groups: [{ id: 'dp', size: 500, initialState: 'dp' }] };
    const without = await simulate(closed, { replicates: 30, seed: 'x' });
    const withInflow = await simulate(model, { replicates: 30, seed: 'x' });
    const rowsOf = (sc: (typeof without.scenarios)[number]) =>
      JSON.stringify({
        group: sc.groups.filter((g) => g.id === 'dp'),
        allocation: sc.allocation.filter((a) => a.group === 'dp'),
        arms: sc.arms.filter((a) => a.group === 'dp'),
      });
    expect(withInflow.scenarios.map((sc) => sc.id)).toEqual(without.scenarios.map((sc) => sc.id));
    for (const [s, sc] of withInflow.scenarios.entries()) {
      // Not vacuous: the inflow group is there and moves the scenario's totals.
      expect(sc.groups.map((g) => g.id)).toEqual(['dp', 'dp:inflow']);
      expect(sc.metrics.transferCost.mean).not.toBe(without.scenarios[s].metrics.transferCost.mean);
      expect(rowsOf(sc), sc.id).toBe(rowsOf(without.scenarios[s]));
    }
  });
});
