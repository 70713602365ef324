/**
 * The lockstep engine against the per-citizen one: with nothing that needs the
 * population (no steering move, no binding capacity), every citizen follows the same path
 * in both, so counts are equal and money equal up to the order of additions. Then the
 * things only it can do: a capacity that changes over time, served first come, first
 * served, with known waits.
 */
import { describe, expect, it } from 'vitest';
import { compileModel, type CompiledModel } from '../src/compile/compile.js';
import { runReplicates } from '../src/engine/run.js';
import { layoutOf } from '../src/engine/layout.js';
import { M, METRICS } from '../src/engine/reduce/metrics.js';
import { validateModel } from '../src/model/validate.js';
import type { ModelSpec } from '../src/model/types.js';
import { simulate } from '../src/index.js';
import { exampleModel } from './models.js';
import { randersModel } from '../src/presets/randers-2025.js';
import { gladsaxeModel } from '../src/presets/gladsaxe-2026.js';
import { planUncertainty } from '../src/evidence/plan.js';
import type { ModelInput } from '../src/params/input.js';

/** Both engines on the same compiled model and seed. */
function bothEngines(spec: ModelInput, replicates = 4) {
  const point = planUncertainty(spec).point;
  const cm: CompiledModel = compileModel(point);
  const layout = layoutOf(cm, point);
  const core = runReplicates({ cm, layout }, 'sync', 0, replicates, true);
  const forced: CompiledModel = { ...cm, scenarios: cm.scenarios.map((sc) => ({ ...sc, lockstep: true })) };
  const sync = runReplicates({ cm: forced, layout }, 'sync', 0, replicates, true);
  return { cm, core, sync };
}

/** Metrics that are counts over citizens (not sums of money). */
const COUNT_METRICS = new Set([
  'successRate',
  'paidHoursRate',
  'completedSuccessShare',
  'benefitMonths',
  'waitingMonths',
]);

function expectSamePaths(spec: ModelInput) {
  const { core, sync } = bothEngines(spec);
  expect(sync.values.length).toBe(core.values.length);
  let worst = 0;
  for (let k = 0; k < core.values.length; k++) {
    const a = core.values[k];
    const b = sync.values[k];
    if (Number.isNaN(a)) {
      expect(b).toBeNaN();
      continue;
    }
    const name = METRICS[k % M] as string | undefined;
    if (name && COUNT_METRICS.has(name)) expect(b).toBe(a);
    worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(a)));
  }
  expect(worst).toBeLessThan(1e-10);
  expect(Array.from(sync.occupancy!)).toEqual(Array.from(core.occupancy!));
}

describe('lockstep engine', () => {
  it('follows the hot loop citizen for citizen: example model', () => expectSamePaths(exampleModel));
  it('…the Randers preset (refusion ladder, paid hours, four efforts)', () =>
    expectSamePaths(randersModel({ effectSigma: 0 })));
  it('…the Randers preset on the law ladder (refusion "dk": the flex job climbs it, the count restarts; steering)', () =>
    expectSamePaths({ ...randersModel({ effectSigma: 0 }), costs: { refusion: 'dk', discountRate: 0.04 } }));
  it('…the Gladsaxe preset (inflow, a capacity that does not bind at this size)', () => {
    const m = gladsaxeModel();
    // Plenty of places: the capacity never binds, so both engines agree.
    m.interventions = m.interventions!.map((iv) =>
      iv.capacity ? { ...iv, capacity: { ...iv.capacity, caseworkers: 1000 } } : iv,
    );
    expectSamePaths(m);
  });
  it('…a binding capacity in one group: the hot loop is first come, first served there too', () => {
    expectSamePaths({
      ...exampleModel,
      interventions: exampleModel.interventions!.map((iv, k) => (k === 0 ? { ...iv, capacity: { places: 150 } } : iv)),
    });
  });
  it("…a binding capacity with a calendar step (a waiting citizen's stay is cut at its admission, not only at the step)", () => {
    expectSamePaths({
      ...exampleModel,
      start: '2026-01',
      calendar: [{ from: '2027-01', transitions: { kh: { job: 0.02, out: 0.01 } } }],
      interventions: exampleModel.interventions!.map((iv, k) => (k === 0 ? { ...iv, capacity: { places: 150 } } : iv)),
    });
  });
  it('…a model with duration bands, a calendar and readiness classes', () => {
    expectSamePaths({
      ...exampleModel,
      start: '2026-01',
      duration: { clock: 'state', bands: [0, 6, 18], hazardRatios: { kh: [1.2, 1, 0.7] } },
      calendar: [{ from: '2026-07', transitions: { kh: { job: 0.02, out: 0.01 } } }],
      readiness: { classes: 4 },
      scenarios: exampleModel.scenarios.map((s) => ({ ...s, targeting: 'ready-first' as const })),
    });
  });
});

/** One place freed at the end of each month a holder has; nobody leaves without it. */
const queueModel = (calendar: ModelSpec['calendar']): ModelSpec => ({
  name: 'queue over time',
  horizonMonths: 8,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 1000 },
    { id: 'job', kind: 'success' },
  ],
  groups: [{ id: 'g', size: 6, initialState: 'kh' }],
  // A holder surely leaves for a job after one month with the place.
  interventions: [{ id: 'x', monthlyCost: 100, transitions: { kh: { job: 1 } }, capacity: { places: 1 } }],
  scenarios: [{ id: 's', allocation: { g: { x: 1 } } }],
  calendar,
});

describe('capacity that changes over time', () => {
  it('a second place from month 2 gives known waits and queue lengths', async () => {
    const res = await simulate(queueModel([{ from: 2, interventions: { x: { capacity: { places: 2 } } } }]), {
      replicates: 3,
      seed: 'q',
    });
    const m = res.scenarios[0].metrics;
    // Month 0: citizen 1 holds; 1: citizen 2; from 2 two places: 3 and 4, then 5 and 6 in month 3.
    // Waits 0, 1, 2, 2, 3, 3 = 11 over 6 citizens.
    expect(m.waitingMonths.mean).toBeCloseTo(11 / 6, 12);
    expect(m.waitingMonths.sd).toBe(0);
    expect(m.successRate.mean).toBe(1);
    // Each citizen is on benefit for its wait plus the month with the place.
    expect(m.benefitMonths.mean).toBeCloseTo(17 / 6, 12);
    expect(res.queue!.map((q) => q.mean)).toEqual([5, 4, 2, 0, 0, 0, 0, 0]);
  });

  it('fewer places from month 1: nobody is admitted until holders fall below them', async () => {
    // Two places at first, none from month 1 to 3, one again from month 4.
    const res = await simulate(
      {
        ...queueModel([
          { from: 1, interventions: { x: { capacity: { places: 0 } } } },
          { from: 4, interventions: { x: { capacity: { places: 1 } } } },
        ]),
        interventions: [{ id: 'x', monthlyCost: 100, transitions: { kh: { job: 1 } }, capacity: { places: 2 } }],
      },
      { replicates: 2, seed: 'q' },
    );
    // Month 0: two hold (wait 0, 0); months 1–3 closed; one a month from month 4: waits 4, 5, 6, 7.
    expect(res.scenarios[0].metrics.waitingMonths.mean).toBeCloseTo(22 / 6, 12);
    expect(res.queue!.map((q) => q.mean)).toEqual([4, 4, 4, 4, 3, 2, 1, 0]);
  });

  it('caseworkers from a calendar step keep the caseload', () => {
    const m = validateModel({
      ...queueModel([{ from: 3, interventions: { x: { capacity: { caseworkers: 12 } } } }]),
      interventions: [{ id: 'x', transitions: { kh: { job: 1 } }, capacity: { caseworkers: 13, caseload: 35 } }],
    });
    const cm = compileModel(m);
    expect(cm.capAt[0 * cm.A + 1]).toBe(455);
    expect(cm.capAt[1 * cm.A + 1]).toBe(420);
    expect(cm.capVaries).toBe(true);
    expect(cm.scenarios[0].lockstep).toBe(true);
  });
});
