/**
 * The business case: yearly lines that add up to the totals, payback on cases with known
 * answers (pays back, never, no outlay; an exact mean curve) and on hand-made curves, and
 * time to first exit (Kaplan–Meier) against exact values.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import type { ModelSpec } from '../src/model/types.js';
import { paybackPhrase } from '../src/format/i18n.js';
import { paybackMonth, paybackSummary, type Payback } from '../src/summary/business.js';
import { armMatrix, step } from './exact.js';

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
      const line = (year: string, item: string) =>
        res.yearly!.find((l) => l.scenario === sc.id && l.year === year && l.item === item)!;
      for (const [item, metric] of [
        ['transferCost', 'transferCost'],
        ['netTransferCost', 'netTransferCost'],
        ['interventionCost', 'interventionCost'],
        ['municipalCost', 'municipalCost'],
        ['benefitMonths', 'benefitMonths'],
      ] as const) {
        const sum = ['2026', '2027', '2028'].reduce((a, y) => a + line(y, item).mean, 0);
        const total = sc.metrics[metric].mean!;
        const tol = 1e-9 * Math.max(1, Math.abs(total));
        expect(Math.abs(sum - total!), `${sc.id} ${item}`).toBeLessThanOrEqual(tol);
        expect(Math.abs(line('total', item).mean - total!)).toBeLessThanOrEqual(tol);
      }
      expect(line('2028', 'successRate').mean).toBeCloseTo(sc.metrics.successRate.mean!, 12);
      const state = line('total', 'stateReimbursement').mean;
      expect(state).toBeCloseTo(sc.metrics.transferCost.mean! - sc.metrics.netTransferCost.mean!, 2);
    }
    // The municipal net result against the baseline, per year, with intervals.
    const d = res.yearlyComparisons!.filter((l) => l.item === 'municipalCost');
    expect(d.map((l) => l.year)).toEqual(['2026', '2027', '2028', 'total']);
    for (const l of d) expect(l.lo).toBeLessThanOrEqual(l.hi);
  });
});

describe('payback', () => {
  // One citizen on a benefit of 10,000 a month the municipality pays in full.
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

  it('is the first month from which cumulative savings cover cumulative extra spending for good', async () => {
    // Everyone leaves benefit for good after the first month under the investment, at a
    // fixed cost of 4,000 a month; the baseline keeps paying 10,000 a month. Cumulative
    // difference after m months: 4,000·m − 10,000·(m − 1) > 0 for m = 1, ≤ 0 from m = 2 on.
    const res = await simulate(m, { replicates: 5, seed: 'p' });
    expect(res.payback).toEqual([
      {
        scenario: 'invest',
        baseline: 'none',
        status: 'pays-back',
        meanCurveMonth: 2,
        medianMonth: 2,
        lo: 2,
        hi: 2,
        probWithinHorizon: 1,
        probNoOutlay: 0,
        medianDate: '2026-02',
        netResult: 4000 * 12 - 10000 * 11,
      },
    ]);
  });

  it('is never within the horizon for a scenario that spends more every month and never saves', async () => {
    // 12,000 a month against 10,000 saved from month 2 on: D(m) = 12,000·m − 10,000·(m − 1) > 0 throughout.
    const never = await simulate(
      { ...m, scenarios: [m.scenarios[0], { ...m.scenarios[1], fixedMonthlyCost: 12000 }] },
      { replicates: 5, seed: 'n' },
    );
    expect(never.payback).toEqual([
      {
        scenario: 'invest',
        baseline: 'none',
        status: 'never',
        meanCurveMonth: null,
        medianMonth: null,
        lo: null,
        hi: null,
        probWithinHorizon: 0,
        probNoOutlay: 0,
        medianDate: null,
        netResult: 12000 * 12 - 10000 * 11,
      },
    ]);
    // A paid intervention without effect: never.
    const noEffect: ModelSpec = {
      ...m,
      interventions: [{ id: 'x', monthlyCost: 500 }],
      scenarios: [m.scenarios[0], { id: 'invest', allocation: { g: { x: 1 } } }],
    };
    expect((await simulate(noEffect, { replicates: 5, seed: 'n' })).payback![0]).toMatchObject({
      status: 'never',
      medianMonth: null,
      probWithinHorizon: 0,
      probNoOutlay: 0,
      netResult: 500 * 12,
    });
  });

  it('is "no outlay" for a scenario that spends less from the first month, or no differently', async () => {
    // Against a baseline that pays 3,000 a month more from the start, D(m) = −3,000·m.
    const cheaper: ModelSpec = { ...m, scenarios: [{ id: 'pricey', fixedMonthlyCost: 3000 }, { id: 'plain' }] };
    expect((await simulate(cheaper, { replicates: 5, seed: 'c' })).payback).toEqual([
      {
        scenario: 'plain',
        baseline: 'pricey',
        status: 'no-outlay',
        meanCurveMonth: null,
        medianMonth: null,
        lo: null,
        hi: null,
        probWithinHorizon: 1,
        probNoOutlay: 1,
        medianDate: null,
        netResult: -3000 * 12,
      },
    ]);
    // An intervention that costs nothing and changes nothing: D ≡ 0 is never above 0.
    const same: ModelSpec = {
      ...m,
      interventions: [{ id: 'x' }],
      scenarios: [m.scenarios[0], { id: 'invest', allocation: { g: { x: 1 } } }],
    };
    expect((await simulate(same, { replicates: 5, seed: 'c' })).payback![0]).toMatchObject({
      status: 'no-outlay',
      medianMonth: null,
      probNoOutlay: 1,
      probWithinHorizon: 1,
      netResult: 0,
    });
  });

  it('pays back at the month the exact mean curve gives for an investment that costs more early and saves later', async () => {
    const N = 300;
    const inv: ModelSpec = {
      name: 'invest-then-save',
      horizonMonths: 24,
      start: '2026-01',
      states: [
        { id: 'kh', kind: 'benefit', monthlyTransfer: 10000, reimbursed: false },
        { id: 'job', kind: 'success' },
      ],
      transitions: { kh: { job: 0.02 } },
      groups: [{ id: 'g', size: N, initialState: 'kh' }],
      interventions: [{ id: 'x', monthlyCost: 6000, transitions: { kh: { job: 0.15 } } }],
      scenarios: [{ id: 'base' }, { id: 'invest', allocation: { g: { x: 1 } } }],
    };
    // Exact mean monthly cost difference from matrix powers: N·(P_x(kh at t)·16,000 − P(kh at t)·10,000).
    let pb = [1, 0];
    let px = [1, 0];
    const exact: number[] = [];
    for (let t = 0; t < inv.horizonMonths; t++) {
      exact.push(N * (px[0] * 16000 - pb[0] * 10000));
      pb = step(pb, armMatrix(inv, null));
      px = step(px, armMatrix(inv, 'x'));
    }
    const want = paybackMonth(exact);
    expect(want).toEqual({ status: 'pays-back', month: 9 });
    // The exact curve crosses decisively: D(8) ≈ +0.89 mio., D(9) ≈ −0.35 mio., about ten
    // Monte Carlo standard errors of the mean curve at 400 replicates away from 0.
    const D = (k: number) => exact.slice(0, k).reduce((a, b) => a + b, 0);
    expect(D(8)).toBeGreaterThan(8e5);
    expect(D(9)).toBeLessThan(-3e5);
    const res = await simulate(inv, { replicates: 400, seed: 'exact-payback' });
    const p = res.payback![0];
    expect(p).toMatchObject({ status: 'pays-back', meanCurveMonth: want.month, probNoOutlay: 0, probWithinHorizon: 1 });
    // Every replicate spends 6,000 more per citizen in month 1, so none is without outlay,
    // and the replicate median lies next to the exact month.
    expect(Math.abs((p.medianMonth as number) - 9)).toBeLessThanOrEqual(1);
    expect(p.lo as number).toBeLessThanOrEqual(p.medianMonth as number);
    expect(p.hi as number).toBeGreaterThanOrEqual(p.medianMonth as number);
    expect(p.medianDate).toBe(`2026-${String(p.medianMonth).padStart(2, '0')}`);
    expect(Math.abs(p.netResult - D(24))).toBeLessThan(0.01 * Math.abs(D(24)));
  });
});

describe('paybackMonth and paybackSummary', () => {
  it('take the month after the last time the cumulative difference is above 0', () => {
    // Dips below 0 and rises above again: the dip does not count. D = 5, −1, 2, −2, −3.
    expect(paybackMonth([5, -6, 3, -4, -1])).toEqual({ status: 'pays-back', month: 4 });
    // Exactly 0 counts as covered: D = 5, 0, 0.
    expect(paybackMonth([5, -5, 0])).toEqual({ status: 'pays-back', month: 2 });
    // Still above 0 at the horizon, even after a dip: never. D = 5, −1, 3.
    expect(paybackMonth([5, -6, 4])).toEqual({ status: 'never', month: null });
    expect(paybackMonth([1, 1, 1])).toEqual({ status: 'never', month: null });
    // Saving first and spending more later is an outlay too. D = −1, 1, −2.
    expect(paybackMonth([-1, 2, -3])).toEqual({ status: 'pays-back', month: 3 });
    // Never above 0: no outlay, whether saving from the start, equal, or equal then saving.
    expect(paybackMonth([-1, -2, -3])).toEqual({ status: 'no-outlay', month: null });
    expect(paybackMonth([0, 0, 0])).toEqual({ status: 'no-outlay', month: null });
    expect(paybackMonth([0, -1, 1])).toEqual({ status: 'no-outlay', month: null });
  });

  it('summarise replicates with no outlay as month 0 and never as beyond the horizon', () => {
    // Eight replicates, H = 4: months 0 (no outlay), 0, 2, 2 (D = 3, 0, 0, 0), 3, 4, never,
    // never (D = 3, −1, −1, 2: the dip does not count).
    const reps = [
      [-1, -1, -1, -1],
      [0, 0, 0, 0],
      [3, -4, 0, 0],
      [3, -3, 0, 0],
      [3, 1, -5, 0],
      [3, 1, 1, -6],
      [3, 1, 1, 1],
      [3, -4, 0, 3],
    ];
    const s = paybackSummary(reps, 0.75, '2026-11');
    // Mean curve: sums 17, −9, −4, −3 → D = 17, 8, 4, 1 (/ 8): never within the horizon, so no months.
    expect(s).toEqual({
      status: 'never',
      meanCurveMonth: null,
      medianMonth: null,
      lo: null,
      hi: null,
      probWithinHorizon: 6 / 8,
      probNoOutlay: 2 / 8,
      medianDate: null,
      netResult: 1 / 8,
    });
    // Make the mean curve pay back (a big saving in the last month of the first replicate).
    const paid = paybackSummary([[-1, -1, -1, -30], ...reps.slice(1)], 0.75, '2026-11');
    // Nearest rank on [0, 0, 2, 2, 3, 4, ∞, ∞]: median = 4th = 2; 12.5 % → 1st = 0; 87.5 % → 7th = never.
    expect(paid).toMatchObject({
      status: 'pays-back',
      meanCurveMonth: 4,
      medianMonth: 2,
      lo: 0,
      hi: null,
      probWithinHorizon: 6 / 8,
      probNoOutlay: 2 / 8,
      medianDate: '2026-12',
    });
    // Month 2 of a start in November is December; month 3 would be January.
    expect(paybackSummary([[3, 1, -5, 0]], 0.9, '2026-11')).toMatchObject({ medianMonth: 3, medianDate: '2027-01' });
    // A median in no-outlay territory is month 0, without a date; without a start there is no date at all.
    const mostlyFree = paybackSummary(
      [
        [-1, -1],
        [-1, -1],
        [9, -10],
      ],
      0.5,
      '2026-01',
    );
    expect(mostlyFree).toMatchObject({
      status: 'pays-back',
      meanCurveMonth: 2,
      medianMonth: 0,
      medianDate: null,
      probNoOutlay: 2 / 3,
      probWithinHorizon: 1,
    });
    expect(
      'medianDate' in
        paybackSummary(
          [
            [-1, -1],
            [-1, -1],
            [9, -10],
          ],
          0.5,
        ),
    ).toBe(false);
  });
});

describe('paybackPhrase', () => {
  it('says never, no outlay, or the median month with its date and interval, in English and Danish', () => {
    const base = { scenario: 's', baseline: 'b', probWithinHorizon: 0.5, probNoOutlay: 0.1, netResult: 0 };
    const none = { meanCurveMonth: null, medianMonth: null, lo: null, hi: null, medianDate: null };
    const pays: Payback = {
      ...base,
      status: 'pays-back',
      meanCurveMonth: 13,
      medianMonth: 14,
      lo: 9,
      hi: null,
      medianDate: '2027-02',
    };
    expect(paybackPhrase(pays)).toBe('month 14 (2027-02), interval 9–never');
    expect(paybackPhrase(pays, 'da')).toBe('måned 14 (2027-02), interval 9–aldrig');
    expect(paybackPhrase({ ...pays, hi: 20, medianDate: undefined })).toBe('month 14, interval 9–20');
    expect(paybackPhrase({ ...base, ...none, status: 'never' })).toBe('never within the horizon');
    expect(paybackPhrase({ ...base, ...none, status: 'never' }, 'da')).toBe(
      'tjener sig ikke hjem inden for horisonten',
    );
    expect(paybackPhrase({ ...base, ...none, status: 'no-outlay' })).toBe('saves from the start (no outlay)');
    expect(paybackPhrase({ ...base, ...none, status: 'no-outlay' }, 'da')).toBe('sparer fra start (intet udlæg)');
    // A median replicate without outlay, and a mean curve that pays back while most replicates do not.
    expect(paybackPhrase({ ...pays, medianMonth: 0, lo: 0, hi: 3, medianDate: null })).toBe(
      'month 0 (no outlay in most replicates), interval 0–3',
    );
    expect(paybackPhrase({ ...pays, medianMonth: null, lo: 5, hi: null, medianDate: null })).toBe(
      'month 13 on the mean curve, but never within the horizon in most replicates',
    );
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
      const S = (k: number) => stay ** k;
      const m = sc.metrics;
      for (const [name, k] of [
        ['onBenefitAt12', 12],
        ['onBenefitAt24', 24],
      ] as const) {
        expect(Math.abs(m[name].mean! - S(k)), `${sc.id} ${name}`).toBeLessThanOrEqual(4 * m[name].mcse! + 1e-12);
      }
      expect(m.onBenefitAt36.mean).toBeNull();
      const exactMedian = Math.ceil(Math.log(0.5) / Math.log(stay));
      expect(Math.abs(m.monthsToExitMedian.mean! - exactMedian)).toBeLessThanOrEqual(1);
    }
  });
});
