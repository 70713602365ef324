/**
 * The reform calendar: rows, transfers, costs and availability that change at dated steps,
 * checked against exact piecewise matrix powers; a calendar that changes nothing leaves
 * results byte-identical.
 */
import { describe, expect, it } from 'vitest';
import { ForlobInputError, simulate } from '../src/index.js';
import type { ModelSpec } from '../src/model/types.js';
import { armMatrix, step } from './exact.js';

const base: ModelSpec = {
  name: 'calendar',
  horizonMonths: 36,
  start: '2026-01',
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
    { id: 'rf', kind: 'benefit', monthlyTransfer: 13000 },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.03, out: 0.01 }, rf: { job: 0.005, out: 0.01 } },
  groups: [
    { id: 'kh', size: 600, initialState: 'kh' },
    { id: 'rf', size: 300, initialState: 'rf' },
  ],
  interventions: [{ id: 'fsm', monthlyCost: 1500, transitions: { kh: { job: 0.05, out: 0.01 } } }],
  scenarios: [{ id: 'a' }, { id: 'b', allocation: { kh: { fsm: 0.5 } } }],
};

const reform: ModelSpec = {
  ...base,
  calendar: [
    // Courses under way end: everyone still in rf moves to kontanthjælp rules in month 24.
    { from: '2028-01', label: 'ressourceforløb ends', transitions: { rf: { kh: 1 } } },
    {
      from: '2028-02',
      transitions: { rf: {} },
      states: { kh: { monthlyTransfer: 11000 } },
      interventions: { fsm: { monthlyCost: 2000, transitions: { kh: { job: 0.06, out: 0.01 } } } },
    },
    { from: 6, label: 'afklaringsret', transitions: { kh: { job: 0.035, out: 0.01 } } },
  ],
};

/** Exact expectations with the period's matrix and prices in each month. */
function exact(scenario: string) {
  const H = 36;
  const periodOf = (t: number) => (t < 6 ? 0 : t < 24 ? 1 : t < 25 ? 2 : 3);
  const models: ModelSpec[] = [
    base,
    { ...base, transitions: { ...base.transitions, kh: { job: 0.035, out: 0.01 } } },
    { ...base, transitions: { kh: { job: 0.035, out: 0.01 }, rf: { kh: 1 } } },
    {
      ...base,
      states: base.states.map((s) => (s.id === 'kh' ? { ...s, monthlyTransfer: 11000 } : s)),
      transitions: { kh: { job: 0.035, out: 0.01 }, rf: {} },
      interventions: [{ id: 'fsm', monthlyCost: 2000, transitions: { kh: { job: 0.06, out: 0.01 } } }],
    },
  ];
  let success = 0;
  let transfers = 0;
  let cost = 0;
  const cohorts: [number, string | null, number][] =
    scenario === 'a'
      ? [
          [0, null, 600],
          [1, null, 300],
        ]
      : [
          [0, 'fsm', 300],
          [0, null, 300],
          [1, null, 300],
        ];
  for (const [s0, iv, n] of cohorts) {
    let pi = [0, 0, 0, 0];
    pi[s0] = 1;
    for (let t = 0; t < H; t++) {
      const m = models[periodOf(t)];
      pi.forEach((p, s) => {
        transfers += n * p * (m.states[s].monthlyTransfer ?? 0);
      });
      if (iv) cost += n * (pi[0] + pi[1]) * (m.interventions![0].monthlyCost ?? 0);
      pi = step(pi, armMatrix(m, iv));
    }
    success += n * pi[2];
  }
  return { successRate: success / 900, transferCost: transfers, interventionCost: cost };
}

describe('calendar steps', () => {
  it('match exact piecewise matrix powers', async () => {
    const R = 400;
    const res = await simulate(reform, { replicates: R, seed: 'cal' });
    for (const sc of res.scenarios) {
      const ex = exact(sc.id);
      for (const name of ['successRate', 'transferCost', 'interventionCost'] as const) {
        const m = sc.metrics[name];
        expect(Math.abs(m.mean! - ex[name]), `${sc.id} ${name}: ${m.mean} vs ${ex[name]}`).toBeLessThanOrEqual(
          4 * m.mcse! + 1e-9 * Math.abs(ex[name]),
        );
      }
    }
    // Nobody is left in ressourceforløb after its last month.
    const occ = (await simulate(reform, { replicates: 20, seed: 'o', occupancy: true })).occupancy!.objects() as {
      state: string;
      month: number;
      mean: number;
    }[];
    expect(occ.filter((r) => r.state === 'rf' && r.month >= 25).every((r) => r.mean === 0)).toBe(true);
  });

  it('a step that changes nothing leaves results byte-identical', async () => {
    const same = { ...base, calendar: [{ from: '2027-01', transitions: { kh: { job: 0.03, out: 0.01 } } }] };
    const a = await simulate(base, { replicates: 40, seed: 'id' });
    const b = await simulate(same, { replicates: 40, seed: 'id' });
    expect(JSON.stringify(b.scenarios)).toBe(JSON.stringify(a.scenarios));
  });

  it('closes an intervention to newcomers', async () => {
    const m: ModelSpec = {
      ...base,
      groups: [{ id: 'kh', size: 100, initialState: 'kh', inflow: { perMonth: 10 } }],
      calendar: [{ from: 12, interventions: { fsm: { available: false } } }],
    };
    const res = await simulate(m, { replicates: 2 });
    const inflow = res.scenarios[1].allocation.filter((x) => x.group === 'kh:inflow');
    expect(inflow.find((x) => x.intervention === 'fsm')!.count).toBe(11 * 5); // months 1–11, half of 10
  });

  it('rejects a date without a start', async () => {
    await expect(simulate({ ...base, start: undefined, calendar: [{ from: '2027-01' }] })).rejects.toSatisfy(
      (e: unknown) => e instanceof ForlobInputError && e.problems[0].path === 'calendar[0].from',
    );
  });

  it('ignores steps at or after the horizon: the same bytes as without them', async () => {
    const late: ModelSpec = {
      ...base,
      calendar: [
        { from: base.horizonMonths, transitions: { kh: { job: 0.5 } } },
        { from: '2040-01', interventions: { fsm: { available: false } } },
      ],
    };
    const a = await simulate(late, { replicates: 20, seed: 'late' });
    const b = await simulate({ ...base, calendar: undefined }, { replicates: 20, seed: 'late' });
    expect(Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer))).toBe(true);
  });
});
