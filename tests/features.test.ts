/**
 * The extended format against the detailed exact oracle: paid hours, refusion ladder,
 * discounting, duration bands on either clock, relative effects, staffing costs,
 * allocation by count, recurring success rows. Means within 4 Monte Carlo standard errors.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import type { ModelSpec } from '../src/model/types.js';
import { exactDetailed } from './exact-detailed.js';

const R = 800;

function model(clock: 'state' | 'benefit'): ModelSpec {
  return {
    name: `features-${clock}`,
    horizonMonths: 30,
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: 12326 },
      { id: 'ph', kind: 'benefit', monthlyTransfer: 6000, paidHours: true },
      { id: 'job', kind: 'success' },
      { id: 'flex', kind: 'success', monthlyTransfer: 9000, reimbursed: true },
      { id: 'out', kind: 'exit' },
    ],
    transitions: {
      kh: { ph: 0.02, job: 0.02, flex: 0.005, out: 0.015 },
      ph: { kh: 0.1, job: 0.08 },
      job: { kh: 0.015 },
    },
    groups: [
      { id: 'new', size: 400, initialState: 'kh' },
      { id: 'long', size: 300, initialState: 'kh', priorBenefitMonths: 30, initialDurationMonths: 30 },
      { id: 'working', size: 120, initialState: 'job' },
    ],
    interventions: [
      {
        id: 'fsm',
        staffing: { annualCostPerCaseworker: 600000, caseload: 35, conversationsPerYear: 8, costPerConversation: 150 },
        effects: { kh: { '@success': { hazardRatio: 1.4 }, ph: { oddsRatio: 1.5 } } },
      },
      {
        id: 'light',
        monthlyCost: 300,
        transitions: { kh: { job: 0.01, out: 0.02 } },
        effects: { kh: { out: { riskRatio: 0.5 } } },
      },
    ],
    scenarios: [
      { id: 'today', allocation: { new: { fsm: 0.6 }, long: { fsm: { count: 100 }, light: { count: 150 } } } },
      { id: 'alt', allocation: { new: { light: 1 }, working: { fsm: 0.5 } } },
    ],
    duration: { clock, bands: [0, 6, 24], hazardRatios: { kh: [1.3, 1, 0.6], job: [2, 1, 0.5] } },
    costs: { refusion: 'dk-2016', discountRate: 0.04, premiumPerPaidHoursMonth: 1000 },
  };
}

describe.each(['state', 'benefit'] as const)('duration clock %s', (clock) => {
  it('matches the exact oracle on every metric', async () => {
    const m = model(clock);
    const res = await simulate(m, { replicates: R, seed: `features-${clock}` });
    const exact = exactDetailed(m);
    for (const sc of res.scenarios) {
      const ex = exact[sc.id];
      const check = (name: keyof typeof sc.metrics, value: number) => {
        const s = sc.metrics[name];
        const tol = 4 * (s.sd! / Math.sqrt(R)) + 1e-9 * Math.abs(value);
        expect(
          Math.abs(s.mean! - value),
          `${sc.id} ${name}: ${s.mean} vs exact ${value} (tol ${tol})`,
        ).toBeLessThanOrEqual(tol);
      };
      check('successRate', ex.successRate);
      check('benefitMonths', ex.benefitMonths);
      check('transferCost', ex.transferCost);
      check('netTransferCost', ex.netTransferCost);
      check('interventionCost', ex.interventionCost);
      check('paidHoursRate', ex.paidHoursRate);
      check('completedSuccessShare', ex.completedSuccessShare);
      check('premiumIncome', ex.premiumIncome);
      expect(Math.abs(sc.metrics.successRate.sd! / Math.sqrt(ex.successVariance) - 1)).toBeLessThan(0.15);
      expect(Math.abs(sc.metrics.paidHoursRate.sd! / Math.sqrt(ex.paidHoursVariance) - 1)).toBeLessThan(0.15);
      expect(sc.metrics.netTransferCost.mean).toBeLessThan(sc.metrics.transferCost.mean!);
    }
  });
});

describe('allocation by count', () => {
  it('keeps the given counts and rounds shares of the rest', async () => {
    const res = await simulate(model('state'), { replicates: 2, seed: 'c' });
    expect(res.scenarios[0].allocation.filter((a) => a.group === 'long')).toEqual([
      { group: 'long', intervention: 'fsm', count: 100 },
      { group: 'long', intervention: 'light', count: 150 },
      { group: 'long', intervention: null, count: 50 },
    ]);
  });
});
