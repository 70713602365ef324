/**
 * The simulator against the exact oracle: means within 4 Monte Carlo standard errors,
 * the success rate's replicate sd within 15 % of the exact binomial sd. Fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type MetricSummary } from '../src/index.js';
import type { ModelSpec } from '../src/model/types.js';
import { exactMetrics, exactOccupancy } from './exact.js';
import { defined } from './helpers.js';
import { exampleModel } from './models.js';

const R = 1000;

const example: ModelSpec = exampleModel;

/** People lose jobs and come back: success rows recur; part of each group unallocated. */
const recurring: ModelSpec = {
  name: 'Recurring',
  horizonMonths: 120,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
    { id: 'dp', kind: 'benefit', monthlyTransfer: 18000 },
    { id: 'job', kind: 'success' },
    { id: 'edu', kind: 'success', monthlyTransfer: 6000 },
    { id: 'out', kind: 'exit' },
  ],
  transitions: {
    kh: { job: 0.03, edu: 0.01, out: 0.005 },
    dp: { job: 0.15, kh: 0.02 },
    job: { dp: 0.02, kh: 0.005 },
    edu: { job: 0.05, kh: 0.02 },
  },
  groups: [
    { id: 'a', size: 700, initialState: 'kh' },
    { id: 'b', size: 333, initialState: 'dp' },
  ],
  interventions: [
    { id: 'ips', monthlyCost: 2500, transitions: { kh: { job: 0.06, edu: 0.01, out: 0.004 }, job: { kh: 0.01 } } },
    { id: 'light', monthlyCost: 400, transitions: { dp: { job: 0.18, kh: 0.01 } } },
  ],
  scenarios: [
    { id: 'none' },
    { id: 'mixed', allocation: { a: { ips: 0.3 }, b: { light: 0.5, ips: 0.25 } } },
    { id: 'all', allocation: { a: { ips: 1 }, b: { light: 1 } } },
  ],
};

/** Many groups starting in different states, including success and a certain move (row sum 1). */
const manyGroups: ModelSpec = {
  name: 'Many groups',
  horizonMonths: 7,
  states: [
    { id: 's0', kind: 'benefit', monthlyTransfer: 1000 },
    { id: 's1', kind: 'benefit', monthlyTransfer: 2000 },
    { id: 's2', kind: 'success', monthlyTransfer: 50 },
    { id: 's3', kind: 'exit' },
  ],
  transitions: {
    s0: { s1: 1 },
    s1: { s2: 0.3, s3: 0.2, s0: 0.1 },
    s2: { s1: 0.15 },
  },
  groups: [
    { id: 'g0', size: 150, initialState: 's0' },
    { id: 'g1', size: 220, initialState: 's1' },
    { id: 'g2', size: 90, initialState: 's2' },
    { id: 'g3', size: 410, initialState: 's1' },
    { id: 'g4', size: 0, initialState: 's0' },
    { id: 'g5', size: 37, initialState: 's3' },
  ],
  interventions: [{ id: 'x', monthlyCost: 100, transitions: { s1: { s2: 0.5 }, s0: { s2: 0.01 } } }],
  scenarios: [
    { id: 'a', allocation: { g0: { x: 0.5 }, g3: { x: 0.123 } } },
    { id: 'b', allocation: { g1: { x: 1 } } },
  ],
};

function expectWithin(summary: MetricSummary, exact: number, label: string) {
  const sim = defined(summary);
  const se = sim.sd / Math.sqrt(R);
  // 4 Monte Carlo standard errors; a floor for metrics that are (nearly) deterministic.
  const tol = Math.max(4 * se, 1e-9 * Math.max(1, Math.abs(exact)));
  expect(Math.abs(sim.mean - exact), `${label}: mean ${sim.mean} vs exact ${exact}, tol ${tol}`).toBeLessThanOrEqual(
    tol,
  );
}

describe.each([
  ['example', example, 'seed-a'],
  ['recurring success rows, unallocated remainders, 120 months', recurring, 'seed-b'],
  ['many groups, certain moves, empty group', manyGroups, 'seed-c'],
])('%s', (_name, model, seed) => {
  it('matches the exact means and the binomial sd', async () => {
    const result = await simulate(model, { replicates: R, seed });
    const exact = exactMetrics(model);
    for (const sc of result.scenarios) {
      const ex = exact[sc.id];
      const m = sc.metrics;
      expectWithin(m.successRate, ex.successRate.mean, `${sc.id} successRate`);
      // The exact sd is known here, so use it for the tolerance too.
      const exactSd = Math.sqrt(ex.successRate.variance);
      expect(Math.abs(m.successRate.mean! - ex.successRate.mean)).toBeLessThanOrEqual(
        (4 * exactSd) / Math.sqrt(R) + 1e-12,
      );
      if (exactSd > 0)
        expect(
          Math.abs(m.successRate.sd! / exactSd - 1),
          `${sc.id} sd ${m.successRate.sd} vs ${exactSd}`,
        ).toBeLessThanOrEqual(0.15);
      else expect(m.successRate.sd).toBe(0);
      expectWithin(m.benefitMonths, ex.benefitMonths, `${sc.id} benefitMonths`);
      expectWithin(m.transferCost, ex.transferCost, `${sc.id} transferCost`);
      expectWithin(m.interventionCost, ex.interventionCost, `${sc.id} interventionCost`);
    }
  });
});

describe('occupancy series', () => {
  it('matches the exact expected citizens per state and month', async () => {
    const result = await simulate(recurring, { replicates: 400, seed: 'occ', occupancy: true });
    const exact = exactOccupancy(recurring);
    const rows = result.occupancy!.objects() as { scenario: string; state: string; month: number; mean: number }[];
    expect(rows).toHaveLength(recurring.scenarios.length * recurring.states.length * (recurring.horizonMonths + 1));
    let checked = 0;
    for (const row of rows) {
      const s = recurring.states.findIndex((x) => x.id === row.state);
      const ex = exact[row.scenario];
      // 4.5 rather than 4 standard errors: some 1,800 cells are checked at once.
      const se = Math.sqrt(ex.variance[s][row.month] / 400);
      expect(
        Math.abs(row.mean - ex.mean[s][row.month]),
        `${row.scenario} ${row.state} month ${row.month}`,
      ).toBeLessThanOrEqual(4.5 * se + 1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
