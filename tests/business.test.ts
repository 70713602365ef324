/**
 * The business case: yearly lines that add up to the totals, payback on a case with a
 * known answer, and time to first exit (Kaplan–Meier) against exact values.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import type { ModelSpec } from '../src/model/types.js';
import { armMatrix } from './exact.js';

const model: ModelSpec = {
  name: 'yearly',
  horizonMonths: 30,
  start: '2026-07',
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.04, out: 0.02 }, job: { kh: 0.01 } },
  groups: [
    { id: 'new', size: 600, initialState: 'kh' },
    { id: 'old', size: 400, initialState: 'kh', priorBenefitMonths: 40 },
  ],
  interventions: [{ id: 'fsm', monthlyCost: 1500, effects: { kh: { job: { hazardRatio: 1.6 } } } }],
  scenarios: [{ id: 'base' }, { id: 'fsm', allocation: { new: { fsm: 1 }, old: { fsm: 1 } }, fixedMonthlyCost: 20000 }],
  costs: { refusion: 'dk-2016', discountRate: 0.03 },
};

describe('yearly results', () => {
  it('follow calendar years from the start date and add up to the totals', async () => {
    const res = await simulate(model, { replicates: 200, seed: 'y' });
    const years = [...new Set(res.yearly!.map((l) => l.year))];
    expect(years).toEqual(['2026', '2027', '2028', 'total']);
    for (const sc of res.scenarios) {
      const line = (year: string, item: string) => res.yearly!.find((l) => l.scenario === sc.id && l.year === year && l.item === item)!;
      for (const [item, metric] of [
        ['transferCost', 'transferCost'],
        ['netTransferCost', 'netTransferCost'],
        ['interventionCost', 'interventionCost'],
        ['municipalCost', 'municipalCost'],
        ['benefitMonths', 'benefitMonths'],
      ] as const) {
        const sum = ['2026', '2027', '2028'].reduce((a, y) => a + line(y, item).mean, 0);
        const total = sc.metrics[metric].mean;
        const tol = 1e-9 * Math.max(1, Math.abs(total));
        expect(Math.abs(sum - total), `${sc.id} ${item}`).toBeLessThanOrEqual(tol);
        expect(Math.abs(line('total', item).mean - total)).toBeLessThanOrEqual(tol);
      }
      expect(line('2028', 'successRate').mean).toBeCloseTo(sc.metrics.successRate.mean, 12);
      const state = line('total', 'stateReimbursement').mean;
      expect(state).toBeCloseTo(sc.metrics.transferCost.mean - sc.metrics.netTransferCost.mean, 2);
    }
    // The municipal net result against the baseline, per year, with intervals.
    const d = res.yearlyComparisons!.filter((l) => l.item === 'municipalCost');
    expect(d.map((l) => l.year)).toEqual(['2026', '2027', '2028', 'total']);
    for (const l of d) expect(l.lo).toBeLessThanOrEqual(l.hi);
  });
});

describe('payback', () => {
  it('is the first month cumulative savings cover cumulative extra spending', async () => {
    // Everyone leaves benefit for good after the first month under the investment, at a
    // fixed cost of 4,000 a month; the baseline keeps paying 10,000 a month. Cumulative
    // difference after m months: 4,000·m − 10,000·(m − 1) ≤ 0 from m = 2 on.
    const m: ModelSpec = {
      name: 'payback',
      horizonMonths: 12,
      start: '2026-01',
      states: [
        { id: 'kh', kind: 'benefit', monthlyTransfer: 10000, reimbursed: false },
        { id: 'job', kind: 'success' },
      ],
      groups: [{ id: 'g', size: 1, initialState: 'kh' }],
      interventions: [{ id: 'x', transitions: { kh: { job: 1 } } }],
      scenarios: [{ id: 'none' }, { id: 'invest', allocation: { g: { x: 1 } }, fixedMonthlyCost: 4000 }],
    };
    const res = await simulate(m, { replicates: 5, seed: 'p' });
    expect(res.payback).toEqual([{ scenario: 'invest', baseline: 'none', medianMonth: 2, lo: 2, hi: 2, probWithinHorizon: 1, medianDate: '2026-02', netResult: 4000 * 12 - 10000 * 11 }]);
    // Too expensive to ever pay back: censored, reported as never.
    const never = await simulate({ ...m, scenarios: [m.scenarios[0], { ...m.scenarios[1], fixedMonthlyCost: 12000 }] }, { replicates: 5 });
    expect(never.payback![0]).toMatchObject({ medianMonth: null, probWithinHorizon: 0 });
  });
});

describe('time to first exit', () => {
  it('matches the exact survival of the benefit spell', async () => {
    const R = 400;
    const res = await simulate(model, { replicates: R, seed: 'km' });
    for (const sc of res.scenarios) {
      // Exact S(k): mass still in kh never having left; kh is the only benefit state.
      let stay = armMatrix(model, null)[0][0];
      if (sc.id === 'fsm') {
        const L = -Math.log(1 - 0.06);
        const l = (1.6 * L * 0.04) / 0.06 + (L * 0.02) / 0.06;
        stay = Math.exp(-l);
      }
      const S = (k: number) => Math.pow(stay, k);
      const m = sc.metrics;
      for (const [name, k] of [['onBenefitAt12', 12], ['onBenefitAt24', 24]] as const) {
        expect(Math.abs(m[name].mean - S(k)), `${sc.id} ${name}`).toBeLessThanOrEqual(4 * m[name].mcse + 1e-12);
      }
      expect(m.onBenefitAt36.mean).toBeNull();
      const exactMedian = Math.ceil(Math.log(0.5) / Math.log(stay));
      expect(Math.abs(m.monthsToExitMedian.mean - exactMedian)).toBeLessThanOrEqual(1);
    }
  });
});
