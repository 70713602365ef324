/**
 * Targeting by latent job readiness: "20 % FSM to the most motivated" and "20 % at random"
 * both match exact values of the equivalent explicit model, and differ from each other.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { assign } from '../src/compile/targeting.js';
import type { ModelSpec } from '../src/model/types.js';
import { exactDetailed } from './exact-detailed.js';

const states: ModelSpec['states'] = [
  { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
  { id: 'job', kind: 'success' },
  { id: 'out', kind: 'exit' },
];
const rows = { kh: { job: 0.02, out: 0.01 } };
const fsmRows = { kh: { job: 0.05, out: 0.01 } };

const model = (targeting: 'random' | 'ready-first'): ModelSpec => ({
  name: 'targeting',
  horizonMonths: 24,
  states,
  transitions: rows,
  groups: [{ id: 'kh', size: 1000, initialState: 'kh' }],
  interventions: [{ id: 'fsm', monthlyCost: 1000, transitions: fsmRows }],
  readiness: { hazardRatios: [2, 1, 0.5, 0.25] },
  scenarios: [{ id: 's', allocation: { kh: { fsm: 0.2 } }, targeting }],
});

/** The same population written out: one group per class, readiness as an effect. */
function explicit(fsmPerClass: number[]): ModelSpec {
  const hrs = [2, 1, 0.5, 0.25];
  return {
    name: 'explicit',
    horizonMonths: 24,
    states,
    transitions: rows,
    groups: hrs.map((_, c) => ({ id: `c${c}`, size: 250, initialState: 'kh' })),
    interventions: hrs.flatMap((hr, c) => [
      { id: `fsm${c}`, monthlyCost: 1000, transitions: fsmRows, effects: { kh: { '@success': { hazardRatio: hr } } } },
      { id: `none${c}`, effects: { kh: { '@success': { hazardRatio: hr } } } },
    ]),
    scenarios: [
      {
        id: 's',
        allocation: Object.fromEntries(
          hrs.map((_, c) => [
            `c${c}`,
            { [`fsm${c}`]: { count: fsmPerClass[c] }, [`none${c}`]: { count: 250 - fsmPerClass[c] } },
          ]),
        ),
      },
    ],
  };
}

describe('targeting', () => {
  it.each([
    ['ready-first', [200, 0, 0, 0]],
    ['random', [50, 50, 50, 50]],
  ] as const)('%s matches the exact values of the explicit model', async (targeting, perClass) => {
    const R = 500;
    const res = await simulate(model(targeting), { replicates: R, seed: 't' });
    const ex = exactDetailed(explicit([...perClass])).s;
    const m = res.scenarios[0].metrics;
    for (const name of ['successRate', 'benefitMonths', 'interventionCost'] as const) {
      expect(Math.abs(m[name].mean! - ex[name]), `${name} ${m[name].mean} vs ${ex[name]}`).toBeLessThanOrEqual(
        4 * m[name].mcse! + 1e-9,
      );
    }
    expect(res.scenarios[0].allocation).toEqual([
      { group: 'kh', intervention: 'fsm', count: 200 },
      { group: 'kh', intervention: null, count: 800 },
    ]);
  });

  it('"most motivated first" differs from "at random"', async () => {
    const a = await simulate(model('ready-first'), { replicates: 200, seed: 'd' });
    const b = await simulate(model('random'), { replicates: 200, seed: 'd' });
    const d = a.scenarios[0].metrics.interventionCost.mean! - b.scenarios[0].metrics.interventionCost.mean!;
    // The ready leave benefit sooner, so their intervention months (and cost) are fewer.
    expect(d).toBeLessThan(
      -4 * Math.hypot(a.scenarios[0].metrics.interventionCost.mcse!, b.scenarios[0].metrics.interventionCost.mcse!),
    );
  });

  it('random assignment spreads every arm evenly over the classes', () => {
    const runs = assign(1000, 4, [1, 2, 0], [200, 300, 500], 'random');
    const per = (arm: number, cls: number) =>
      runs.filter((r) => r.arm === arm && r.cls === cls).reduce((a, r) => a + r.count, 0);
    for (let c = 0; c < 4; c++) {
      expect(Math.abs(per(1, c) - 50)).toBeLessThanOrEqual(1);
      expect(Math.abs(per(2, c) - 75)).toBeLessThanOrEqual(1);
    }
    expect(runs.reduce((a, r) => a + r.count, 0)).toBe(1000);
  });
});
