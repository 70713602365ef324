/**
 * Capacity and queues: a queue with known arrivals gives known waits; a capacity that never
 * binds changes nothing, byte for byte; caseworkers × caseload gives the places.
 */
import { describe, expect, it } from 'vitest';
import { ForlobInputError, simulate } from '../src/index.js';
import { compileModel } from '../src/compile/compile.js';
import { validateModel } from '../src/model/validate.js';
import type { ModelSpec } from '../src/model/types.js';

const queueModel = (whenFull: 'queue' | 'fallback' = 'queue'): ModelSpec => ({
  name: 'queue',
  horizonMonths: 6,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 1000 },
    { id: 'job', kind: 'success' },
  ],
  groups: [{ id: 'g', size: 3, initialState: 'kh' }],
  // A holder surely leaves for a job at the end of the first month with the place; without
  // it nobody leaves.
  interventions: [{ id: 'x', monthlyCost: 100, transitions: { kh: { job: 1 } }, capacity: { places: 1, whenFull } }],
  scenarios: [{ id: 's', allocation: { g: { x: 1 } } }],
});

describe('capacity', () => {
  it('a queue with known arrivals gives known waits', async () => {
    const res = await simulate(queueModel(), { replicates: 3, seed: 'q', occupancy: true });
    const m = res.scenarios[0].metrics;
    // One place: the three wait 0, 1 and 2 months and each holds it for one month.
    expect(m.waitingMonths.mean).toBe(1);
    expect(m.waitingMonths.sd).toBe(0);
    expect(m.benefitMonths.mean).toBe(2);
    expect(m.successRate.mean).toBe(1);
    expect(m.interventionCost.mean).toBe(300);
    expect(m.transferCost.mean).toBe(6000);
    expect(res.queue!.filter((q) => q.scenario === 's').map((q) => q.mean)).toEqual([2, 1, 0, 0, 0, 0]);
  });

  it('turns the rest away for good with whenFull "fallback"', async () => {
    const m = (await simulate(queueModel('fallback'), { replicates: 2 })).scenarios[0].metrics;
    expect(m.successRate.mean).toBeCloseTo(1 / 3, 12);
    expect(m.waitingMonths.mean).toBe(0);
    expect(m.benefitMonths.mean).toBeCloseTo((1 + 6 + 6) / 3, 12);
  });

  it('a capacity that never binds changes nothing, byte for byte', async () => {
    const base: ModelSpec = {
      name: 'free',
      horizonMonths: 36,
      states: [
        { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
        { id: 'job', kind: 'success' },
        { id: 'out', kind: 'exit' },
      ],
      transitions: { kh: { job: 0.03, out: 0.01 }, job: { kh: 0.01 } },
      groups: [{ id: 'g', size: 800, initialState: 'kh' }],
      interventions: [{ id: 'fsm', monthlyCost: 1400, transitions: { kh: { job: 0.05, out: 0.01 } } }],
      scenarios: [{ id: 'a' }, { id: 'b', allocation: { g: { fsm: 0.6 } } }],
      costs: { refusion: 'dk-2016' },
    };
    const capped = {
      ...base,
      interventions: [{ ...base.interventions![0], capacity: { caseworkers: 17, caseload: 35 } }],
    };
    const a = await simulate(base, { replicates: 30, seed: 'nb' });
    const b = await simulate(capped, { replicates: 30, seed: 'nb' });
    // Only the arms' basis says the scenario has a capacity; every number is the same.
    const numbers = (r: typeof a) => JSON.stringify(r.scenarios, (k, v) => (k === 'basis' ? undefined : v));
    expect(numbers(b)).toBe(numbers(a));
    expect(b.scenarios[1].arms.map((x) => x.basis)).toEqual(['capacity', 'capacity']);
    expect(compileModel(validateModel(capped)).capPlaces[1]).toBe(595);
    // With fewer places than holders the queue binds and waits appear.
    const tight = { ...base, interventions: [{ ...base.interventions![0], capacity: { places: 200 } }] };
    const c = await simulate(tight, { replicates: 30, seed: 'nb' });
    expect(c.scenarios[1].metrics.waitingMonths.mean).toBeGreaterThan(1);
    expect(c.scenarios[1].metrics.interventionCost.mean).toBeLessThan(b.scenarios[1].metrics.interventionCost.mean!);
  });

  it('rejects an incomplete capacity', async () => {
    const bad = { ...queueModel(), interventions: [{ id: 'x', capacity: { caseworkers: 3 } }] };
    await expect(simulate(bad)).rejects.toSatisfy(
      (e: unknown) => e instanceof ForlobInputError && e.problems[0].path === 'interventions[0].capacity',
    );
  });
});
