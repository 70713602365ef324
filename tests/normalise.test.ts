/** Defaults are filled in one place: each default's value, and normalising twice changes nothing. */
import { describe, expect, it } from 'vitest';
import { normalise } from '../src/model/normalise.js';
import type { Model } from '../src/model/types.js';
import { validateModel } from '../src/model/validate.js';
import { normaliseInput } from '../src/params/input.js';
import { presets } from '../src/presets/index.js';
import { planUncertainty } from '../src/evidence/plan.js';
import { exampleModel } from './models.js';

const bare: Model = {
  name: 'bare',
  horizonMonths: 24,
  states: [
    { id: 'kh', kind: 'benefit' },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  groups: [{ id: 'g', size: 10, initialState: 'kh', inflow: { perMonth: 2 } }],
  interventions: [
    {
      id: 'fsm',
      staffing: { annualCostPerCaseworker: 600_000, caseload: 30 },
      capacity: { places: 5 },
    },
  ],
  readiness: {},
  scenarios: [
    { id: 'none' },
    { id: 'steered', allocation: { g: { fsm: 0.5 } }, steering: { intervention: 'fsm', custom: 'mine' } },
  ],
};

describe('normalise', () => {
  const n = normalise(validateModel(bare));

  it('fills each default with its documented value', () => {
    expect(n.states.map((s) => [s.monthlyTransfer, s.paidHours, s.reimbursed])).toEqual([
      [0, false, true],
      [0, false, false],
      [0, false, false],
    ]);
    expect(n.transitions).toEqual({});
    expect(n.calendar).toEqual([]);
    expect(n.calibration).toEqual({});
    const g = n.groups[0];
    expect([g.priorBenefitMonths, g.initialDurationMonths]).toEqual([0, 0]);
    expect(g.inflow).toEqual({ perMonth: 2, fromMonth: 1, toMonth: 23, priorBenefitMonths: 0 });
    const iv = n.interventions[0];
    expect(iv.monthlyCost).toBe(0);
    expect(iv.staffing).toEqual({
      annualCostPerCaseworker: 600_000,
      caseload: 30,
      conversationsPerYear: 0,
      costPerConversation: 0,
    });
    expect(iv.capacity).toEqual({ places: 5, whenFull: 'queue' });
    expect(n.scenarios[0]).toEqual({ id: 'none', allocation: {}, fixedMonthlyCost: 0, targeting: 'random' });
    expect(n.scenarios[1].steering).toEqual({
      intervention: 'fsm',
      custom: 'mine',
      everyMonths: 3,
      maxStep: 0.05,
      minShare: 0,
      maxShare: 1,
      rules: [],
    });
    expect(n.readiness).toEqual({ classes: 5, sigma: 0.5 });
    expect(n.costs).toEqual({ refusion: 'none', discountRate: 0, premiumPerPaidHoursMonth: 0 });
  });

  it('keeps what the model gives', () => {
    const given = normalise(
      validateModel({
        ...bare,
        states: [{ id: 'kh', kind: 'benefit', monthlyTransfer: 12_000, reimbursed: false }, ...bare.states.slice(1)],
        readiness: { hazardRatios: [2, 1, 0.5] },
        costs: { refusion: 'dk-2016', discountRate: 0.03 },
      }),
    );
    expect(given.states[0]).toMatchObject({ monthlyTransfer: 12_000, reimbursed: false, paidHours: false });
    expect(given.readiness).toEqual({ hazardRatios: [2, 1, 0.5], classes: 3, sigma: 0.5 });
    expect(given.costs).toEqual({ refusion: 'dk-2016', discountRate: 0.03, premiumPerPaidHoursMonth: 0 });
    // No interventions, readiness or inflow: nothing invented.
    const plain = normalise(
      validateModel({
        ...bare,
        interventions: undefined,
        readiness: undefined,
        scenarios: [{ id: 'a' }],
        groups: [{ id: 'g', size: 1, initialState: 'kh' }],
      }),
    );
    expect(plain.interventions).toEqual([]);
    expect(plain.readiness).toBeUndefined();
    expect(plain.groups[0].inflow).toBeUndefined();
  });

  it('is idempotent, and a normalised model is still valid', () => {
    for (const m of [
      validateModel(bare),
      exampleModel,
      ...Object.values(presets).map((p) => planUncertainty(p.model).point),
    ]) {
      const once = normalise(m);
      expect(normalise(once)).toEqual(once);
      expect(validateModel(once)).toEqual(once);
    }
  });

  it('a model as written keeps its uncertain numbers', () => {
    const input = normaliseInput({
      ...bare,
      states: [
        { id: 'kh', kind: 'benefit', monthlyTransfer: { dist: 'uniform', min: 1, max: 2 } },
        ...bare.states.slice(1),
      ],
    });
    expect(input.states[0].monthlyTransfer).toEqual({ dist: 'uniform', min: 1, max: 2 });
    expect(input.states[1].monthlyTransfer).toBe(0);
    expect(input.groups[0].inflow?.toMonth).toBe(23);
  });
});
