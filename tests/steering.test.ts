/**
 * Portfolio steering: rules reviewed every quarter inside the simulation. Models where
 * nobody leaves benefit make every review's outcome exact: the stock stays N, the share
 * moves by known steps, and the intervention's cost is its price times the holders.
 */
import { describe, expect, it } from 'vitest';
import { ForlobInputError, simulate, type MetricSummary } from '../src/index.js';
import type { ModelSpec, SteeringSpec } from '../src/model/types.js';
import type { SteeringState } from '../src/engine/lockstep/index.js';
import { compileModel } from '../src/compile/compile.js';
import { runReplicates } from '../src/engine/run.js';
import { layoutOf } from '../src/engine/layout.js';
import { validateModel } from '../src/model/validate.js';
import { resultToJSON } from '../src/report/json.js';
import seedrandom from 'seedrandom';
import { defined } from './helpers.js';
import type { ModelInput } from '../src/params/input.js';

/** 100 citizens who never leave benefit; "x" costs 100 a month. */
const still = (steering: SteeringSpec, extra: Partial<ModelSpec> = {}): ModelSpec => ({
  name: 'still',
  horizonMonths: 12,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 1000 },
    { id: 'job', kind: 'success' },
  ],
  groups: [{ id: 'g', size: 100, initialState: 'kh' }],
  interventions: [{ id: 'x', monthlyCost: 100 }, { id: 'y' }],
  scenarios: [
    { id: 'plain', allocation: { g: { x: 0.2, y: 0.8 } } },
    { id: 'steered', allocation: { g: { x: 0.2, y: 0.8 } }, steering },
  ],
  ...extra,
});

const trajectory = async (m: ModelSpec, replicates = 3) => {
  const res = await simulate(m, { replicates, seed: 'steer' });
  const tr = res.steering!.find((t) => t.scenario === 'steered')!;
  return { res, tr, cost: res.scenarios.find((s) => s.id === 'steered')!.metrics.interventionCost };
};

describe('portfolio steering: exact trajectories', () => {
  it('a rule that always holds moves the share by one step a quarter; cost follows the holders', async () => {
    const { tr, cost } = await trajectory(
      still({ intervention: 'x', rules: [{ signal: 'share', above: -1, change: 0.05 }] }),
    );
    expect(tr.months).toEqual([0, 3, 6, 9]);
    for (const row of tr.replicates) expect(row.map((x) => +x.toFixed(12))).toEqual([0.2, 0.25, 0.3, 0.35]);
    // 20, 25, 30, 35 holders for three months each at 100 DKK.
    expect(cost.mean).toBe(100 * 3 * (20 + 25 + 30 + 35));
    expect(cost.sd).toBe(0);
  });

  it('maxStep and maxShare limit the change', async () => {
    const { tr } = await trajectory(
      still({ intervention: 'x', maxStep: 0.05, maxShare: 0.3, rules: [{ signal: 'share', above: -1, change: 0.5 }] }),
    );
    expect(tr.mean.map((x) => +x.toFixed(12))).toEqual([0.2, 0.25, 0.3, 0.3]);
  });

  it('spending against the budget: over budget cuts, under budget adds', async () => {
    // 20 holders cost 6,000 a quarter, 25 cost 7,500; the budget is 7,000.
    const { tr, cost } = await trajectory(
      still({
        intervention: 'x',
        budget: 7000,
        rules: [
          { signal: 'spending', above: 1, change: -0.05 },
          { signal: 'spending', below: 1, change: 0.05 },
        ],
      }),
    );
    expect(tr.mean.map((x) => +x.toFixed(12))).toEqual([0.2, 0.25, 0.2, 0.25]);
    expect(cost.mean).toBe(300 * (20 + 25 + 20 + 25));
  });

  it('free capacity: adds while more than 10 % of the places stand empty', async () => {
    const m = still({ intervention: 'x', rules: [{ signal: 'freeCapacity', above: 0.1, change: 0.05 }] });
    m.interventions![0] = { ...m.interventions![0], capacity: { places: 30 } };
    const { tr } = await trajectory(m);
    // Free 10/30, then 5/30, then 0.
    expect(tr.mean.map((x) => +x.toFixed(12))).toEqual([0.2, 0.25, 0.3, 0.3]);
  });

  it('a share above the places fills the queue, and the queue signal sees it', async () => {
    const seen: number[] = [];
    const m = still({ intervention: 'x', custom: 'record', rules: [{ signal: 'share', above: -1, change: 0.05 }] });
    m.interventions![0] = { ...m.interventions![0], capacity: { places: 22, fallback: 'y' } };
    const res = await simulate(m, {
      replicates: 1,
      steeringRules: {
        record: (s: SteeringState) => {
          seen.push(s.queue);
          return s.proposed;
        },
      },
    });
    // After the first review 25 want x for 22 places: 3 wait; then 8; then 13.
    expect(seen).toEqual([0, 3, 8]);
    expect(res.queue!.filter((q) => q.scenario === 'steered').map((q) => q.mean)).toEqual([
      0, 0, 0, 3, 3, 3, 8, 8, 8, 13, 13, 13,
    ]);
  });

  it('exits since the last review and the exit rate, with inflow', async () => {
    const seen: Pick<SteeringState, 'month' | 'exits' | 'exitRate' | 'stock'>[] = [];
    // Everyone leaves for a job after one month; ten newcomers a month.
    const m = still(
      { intervention: 'x', custom: 'record' },
      {
        transitions: { kh: { job: 1 } },
        groups: [{ id: 'g', size: 100, initialState: 'kh', inflow: { perMonth: 10 } }],
      },
    );
    await simulate(m, {
      replicates: 1,
      steeringRules: {
        record: (s: SteeringState) => {
          seen.push({ month: s.month, exits: s.exits, exitRate: s.exitRate, stock: s.stock });
          return 0;
        },
      },
    });
    // Review 3: the 100 (left at 1) and newcomers of months 1 and 2 (left at 2 and 3); the stock is empty until month 3's arrive.
    expect(seen[0]).toEqual({ month: 3, exits: 120, exitRate: 1.2, stock: 0 });
    expect(seen[1]).toEqual({ month: 6, exits: 30, exitRate: 0, stock: 0 });
  });

  it('newcomers get the active intervention at the current share', async () => {
    const m = still(
      { intervention: 'x', rules: [{ signal: 'share', above: -1, change: 0.1 }], maxStep: 0.1 },
      { groups: [{ id: 'g', size: 100, initialState: 'kh', inflow: { perMonth: 10, fromMonth: 1 } }] },
    );
    const { cost } = await trajectory(m, 1);
    // The stock at a review is 100 + 10·(t − 1): the review month's newcomers arrive after it.
    // Months 0–2: 20, then 2 of each 10 newcomers → 20, 22, 24; review 3: 0.3 × 120 = 36,
    // 3 of each 10 newcomers from month 3 on → 39, 42, 45; review 6: 0.4 × 150 = 60 → 64,
    // 68, 72; review 9: 0.5 × 180 = 90 → 95, 100, 105.
    expect(cost.mean).toBe(100 * (20 + 22 + 24 + 39 + 42 + 45 + 64 + 68 + 72 + 95 + 100 + 105));
  });

  it('a rule that never holds, with a stock that cannot drift, leaves every path as the hot loop drew it', () => {
    // Citizens move at random between two benefit states but never leave benefit, so the
    // share never needs topping up and nobody is moved.
    const spec = validateModel({
      ...still({ intervention: 'x', rules: [{ signal: 'share', above: 2, change: 0.05 }] }),
      states: [
        { id: 'kh', kind: 'benefit', monthlyTransfer: 1000 },
        { id: 'kh-ph', kind: 'benefit', monthlyTransfer: 600, paidHours: true },
      ],
      transitions: { kh: { 'kh-ph': 0.1 }, 'kh-ph': { kh: 0.3 } },
      interventions: [{ id: 'x', monthlyCost: 100, transitions: { kh: { 'kh-ph': 0.2 } } }, { id: 'y' }],
    });
    const cm = compileModel(spec);
    expect(cm.scenarios[1].lockstep).toBe(true);
    const out = runReplicates({ cm, layout: layoutOf(cm, spec) }, 's', 0, 5);
    const per = out.values.length / 5 / 2;
    for (let r = 0; r < 5; r++) {
      const a = out.values.subarray(2 * r * per, (2 * r + 1) * per);
      const b = out.values.subarray((2 * r + 1) * per, (2 * r + 2) * per);
      expect(Array.from(b)).toEqual(Array.from(a));
    }
  });

  it('ready-first moves the most ready in first: a known number of successes', async () => {
    // Two readiness classes of 50: the first leaves surely after a month in x, the second
    // never leaves. The share stays at 0.2 of the stock, so each review refills x from the
    // most ready: 20 at month 0, 16 of 80 at month 3, 13 of 64 at 6, and at 9 the last
    // ready citizen and 9 who never leave (10 of 51).
    const m = still(
      { intervention: 'x', rules: [{ signal: 'share', above: 2, change: 0.05 }] },
      {
        readiness: { hazardRatios: [1, 0] },
        interventions: [{ id: 'x', monthlyCost: 100, transitions: { kh: { job: 1 } } }, { id: 'y' }],
      },
    );
    m.scenarios = m.scenarios.map((s) => ({ ...s, targeting: 'ready-first' as const }));
    const res = await simulate(m, { replicates: 3, seed: 'ready' });
    const steered = res.scenarios.find((s) => s.id === 'steered')!.metrics.successRate;
    expect(steered.mean).toBe(0.5);
    expect(steered.sd).toBe(0);
    // Without steering only the first 20 get x.
    expect(res.scenarios.find((s) => s.id === 'plain')!.metrics.successRate.mean).toBeCloseTo(0.2, 12);
    // At random, the refills also reach citizens who never leave.
    const random = await simulate(
      { ...m, scenarios: m.scenarios.map((s) => ({ ...s, targeting: 'random' as const })) },
      { replicates: 50, seed: 'ready' },
    );
    expect(random.scenarios.find((s) => s.id === 'steered')!.metrics.successRate.hi).toBeLessThan(0.5);
  });

  it('moving citizens out of a full intervention and back: the queue empties and refills, waits counted per spell', async () => {
    // 10 places for 20 % of 100: 10 wait. The share goes 0.2 → 0.1 → 0.2 → 0.1 (a rule on
    // the share itself): at month 3 ten are moved out and the ten left fit the places; at
    // month 6 ten are moved in and wait, as nobody leaves benefit to free a place.
    const m = still({
      intervention: 'x',
      otherwise: 'y',
      maxStep: 0.1,
      rules: [
        { signal: 'share', above: 0.15, change: -0.1 },
        { signal: 'share', below: 0.15, change: 0.1 },
      ],
    });
    m.interventions![0] = { ...m.interventions![0], capacity: { places: 10, fallback: 'y' } };
    const res = await simulate(m, { replicates: 1, seed: 'requeue', steeringRules: {} });
    const tr = res.steering![0];
    expect(tr.mean.map((x) => +x.toFixed(12))).toEqual([0.2, 0.1, 0.2, 0.1]);
    // Waits: 3 months (0–2) for the first ten waiting, 3 (6–8) for the ten moved in at month 6.
    expect(res.queue!.filter((q) => q.scenario === 'steered').map((q) => q.mean)).toEqual([
      10, 10, 10, 0, 0, 0, 10, 10, 10, 0, 0, 0,
    ]);
    expect(res.scenarios[1].metrics.waitingMonths.mean).toBeCloseTo((10 * 3 + 10 * 3) / 100, 12);
  });

  it('an intervention closed to newcomers by the calendar takes nobody in by steering', async () => {
    const m = still(
      { intervention: 'x', rules: [{ signal: 'share', above: -1, change: 0.05 }] },
      { calendar: [{ from: 5, interventions: { x: { available: false } } }] },
    );
    const { tr, cost } = await trajectory(m, 1);
    // The share still moves on paper, but from month 5 nobody new gets x: 20, 25, then 25 holders.
    expect(tr.mean.map((x) => +x.toFixed(12))).toEqual([0.2, 0.25, 0.3, 0.35]);
    expect(cost.mean).toBe(100 * (3 * 20 + 9 * 25));
  });

  it('the share trajectory is in the JSON, per replicate', async () => {
    const res = await simulate(
      still({ intervention: 'x', rules: [{ signal: 'share', above: -1, change: 0.05 }] }, { start: '2026-01' }),
      { replicates: 2 },
    );
    const json = JSON.parse(JSON.stringify(resultToJSON(res)));
    expect(json.steering[0].scenario).toBe('steered');
    expect(json.steering[0].dates).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(json.steering[0].replicates).toHaveLength(2);
    expect(res.steeringDraws!.numRows()).toBe(8);
  });
});

/**
 * A naive reference: every citizen draws every month from its row, reviews move random
 * stock citizens in or out. Written independently of the engine (no geometric jumps, no
 * event lists, its own random numbers), so agreement within Monte Carlo error checks the
 * steering mechanism — the stock, the refills, the accounting by arm — not just itself.
 */
function referenceSteering(replicates: number, seed: string) {
  const N = 300;
  const H = 24;
  const rows = { none: { job: 0.02, out: 0.01 }, x: { job: 0.06, out: 0.01 } };
  const rng = seedrandom(seed);
  const out = { success: [] as number[], months: [] as number[], cost: [] as number[], share: [] as number[][] };
  for (let r = 0; r < replicates; r++) {
    const state: ('kh' | 'job' | 'out')[] = new Array(N).fill('kh');
    const arm: ('none' | 'x')[] = Array.from({ length: N }, (_, i) => (i < 60 ? 'x' : 'none'));
    const exited = new Array(N).fill(false);
    let share = 0.2;
    let months = 0;
    let cost = 0;
    const shares = [share];
    for (let t = 0; t < H; t++) {
      if (t > 0 && t % 3 === 0) {
        share = Math.max(0, Math.min(1, share + (share < 0.45 ? 0.1 : share > 0.45 ? -0.2 : 0)));
        shares.push(share);
        const stock = [...state.keys()].filter((i) => !exited[i]);
        const active = stock.filter((i) => arm[i] === 'x');
        const target = Math.round(share * stock.length + 1e-9);
        const into = target > active.length;
        const pool = stock.filter((i) => (arm[i] === 'x') !== into);
        for (let k = 0; k < Math.abs(target - active.length) && pool.length; k++) {
          const [i] = pool.splice(Math.floor(rng() * pool.length), 1);
          arm[i] = into ? 'x' : 'none';
        }
      }
      for (let i = 0; i < N; i++) {
        if (state[i] === 'kh') {
          months++;
          if (arm[i] === 'x') cost += 100;
          const u = rng();
          const row = rows[arm[i]];
          if (u < row.job) state[i] = 'job';
          else if (u < row.job + row.out) state[i] = 'out';
          if (state[i] !== 'kh') exited[i] = true;
        } else if (state[i] === 'job' && rng() < 0.01) state[i] = 'kh';
      }
    }
    out.success.push(state.filter((s) => s === 'job').length / N);
    out.months.push(months / N);
    out.cost.push(cost);
    out.share.push(shares);
  }
  return out;
}

describe('portfolio steering against a naive reference simulation', () => {
  it('success, months on benefit and intervention cost agree within Monte Carlo error; the shares exactly', async () => {
    const model: ModelSpec = {
      name: 'reference',
      horizonMonths: 24,
      states: [
        { id: 'kh', kind: 'benefit', monthlyTransfer: 1000 },
        { id: 'job', kind: 'success' },
        { id: 'out', kind: 'exit' },
      ],
      transitions: { kh: { job: 0.02, out: 0.01 }, job: { kh: 0.01 } },
      groups: [{ id: 'g', size: 300, initialState: 'kh' }],
      interventions: [{ id: 'x', monthlyCost: 100, transitions: { kh: { job: 0.06, out: 0.01 } } }],
      scenarios: [
        {
          id: 'steered',
          allocation: { g: { x: 0.2 } },
          steering: {
            intervention: 'x',
            maxStep: 0.2,
            rules: [
              { signal: 'share', below: 0.45, change: 0.1 },
              { signal: 'share', above: 0.45, change: -0.2 },
            ],
          },
        },
      ],
    };
    const R = 400;
    const res = await simulate(model, { replicates: R, seed: 'ref' });
    const ref = referenceSteering(R, 'reference');
    expect(res.steering![0].replicates[0].map((x) => +x.toFixed(12))).toEqual(ref.share[0].map((x) => +x.toFixed(12)));
    const m = res.scenarios[0].metrics;
    const check = (summary: MetricSummary, theirs: number[]) => {
      const ours = defined(summary);
      const mean = theirs.reduce((a, b) => a + b, 0) / R;
      const sd = Math.sqrt(theirs.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
      const se = Math.sqrt((ours.sd ** 2 + sd ** 2) / R);
      expect(Math.abs(ours.mean - mean)).toBeLessThan(4 * se);
      return { diff: ours.mean - mean, se };
    };
    check(m.successRate, ref.success);
    check(m.benefitMonths, ref.months);
    check(m.interventionCost, ref.cost);
  });
});

describe('portfolio steering: split runs', () => {
  it('replicate ranges merge into the whole run, steered shares included', async () => {
    const { keptReplicates } = await import('../src/summary/kept.js');
    const { mergeRuns } = await import('../src/summary/merge.js');
    // Random exits make the shares differ between replicates.
    const m = still(
      {
        intervention: 'x',
        budget: 6500,
        rules: [
          { signal: 'spending', above: 1, change: -0.05 },
          { signal: 'spending', below: 1, change: 0.05 },
        ],
      },
      { transitions: { kh: { job: 0.05 } } },
    );
    const whole = await simulate(m, { replicates: 30, seed: 'split' });
    const parts = await Promise.all(
      [
        [0, 11],
        [11, 30],
      ].map(async (range) => {
        const r = await simulate(m, { replicates: 30, seed: 'split', replicateRange: range as [number, number] });
        // A part as `forlob run --format json --keep-replicates` writes it.
        return JSON.parse(JSON.stringify({ ...resultToJSON(r), kept: keptReplicates(r, m) }));
      }),
    );
    const merged = mergeRuns(parts);
    expect(JSON.stringify(resultToJSON(merged))).toBe(JSON.stringify(resultToJSON(whole)));
    expect(new Set(whole.steering![0].replicates.map((row) => row.join())).size).toBeGreaterThan(1);
  });
});

describe('portfolio steering: bad input', () => {
  const problems = async (m: unknown, opts = {}) => {
    try {
      await simulate(m as ModelInput, { replicates: 1, ...opts });
    } catch (e) {
      if (e instanceof ForlobInputError) return e.problems.map((p) => `${p.path}: ${p.message}`);
      throw e;
    }
    throw new Error('expected a ForlobInputError');
  };

  it('names the field', async () => {
    expect(await problems(still({ intervention: 'z', rules: [{ signal: 'share', above: 0, change: 0.05 }] }))).toEqual([
      expect.stringMatching(/^scenarios\[1\]\.steering\.intervention: unknown intervention "z"/),
    ]);
    expect(await problems(still({ intervention: 'x', rules: [{ signal: 'share', change: 0.05 }] }))).toEqual([
      'scenarios[1].steering.rules[0]: expected exactly one of above, below',
    ]);
    expect(
      await problems(still({ intervention: 'x', rules: [{ signal: 'spending', above: 1, change: -0.05 }] })),
    ).toEqual(['scenarios[1].steering.budget: required by a rule on spending (DKK per review period)']);
    expect(
      await problems(still({ intervention: 'x', rules: [{ signal: 'freeCapacity', above: 0.1, change: 0.05 }] })),
    ).toEqual(['scenarios[1].steering.rules[0].signal: freeCapacity needs a capacity on intervention "x"']);
    expect(await problems(still({ intervention: 'x' }))).toEqual([
      'scenarios[1].steering.rules: expected at least one rule, or a custom rule',
    ]);
    expect(
      (await problems(still({ intervention: 'x', rules: [{ signal: 'speed' as never, above: 1, change: 0.05 }] })))[0],
    ).toMatch(/^scenarios\[1\]\.steering\.rules\[0\]\.signal: /);
  });

  it('a custom rule that is missing, or returns no number', async () => {
    expect(await problems(still({ intervention: 'x', custom: 'mine' }))).toEqual([
      expect.stringMatching(/^scenarios\[1\]\.steering\.custom: no rule "mine" in the steeringRules option/),
    ]);
    expect(
      await problems(still({ intervention: 'x', custom: 'mine' }), { steeringRules: { mine: () => NaN } }),
    ).toEqual([
      expect.stringMatching(
        /^steeringRules\.mine: expected the rule to return a finite change of the share, got NaN \(scenario "steered", month 3\)/,
      ),
    ]);
    expect(await problems(still({ intervention: 'x', custom: 'mine' }), { steeringRules: { mine: 3 } })).toEqual([
      'options.steeringRules.mine: expected a function (state) => change of the share',
    ]);
  });
});

describe('portfolio steering: plot and text', () => {
  it('draws the share per replicate and names a scenario without steering', async () => {
    const { steeringSpec, toSVG } = await import('../src/plot/index.js');
    const res = await simulate(still({ intervention: 'x', rules: [{ signal: 'share', above: -1, change: 0.05 }] }), {
      replicates: 3,
    });
    const svg = await toSVG(steeringSpec(res, 'steered'));
    expect(svg).toMatch(/^<svg/);
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(3);
    expect(() => steeringSpec(res, 'plain')).toThrow(/scenario "plain" has no steering \(steered: steered\)/);
  });

  it('the text table lists the share per review', async () => {
    const { formatTable } = await import('../src/index.js');
    const res = await simulate(
      still({ intervention: 'x', rules: [{ signal: 'share', above: -1, change: 0.05 }] }, { start: '2026-01' }),
      { replicates: 3 },
    );
    expect(formatTable(res)).toContain(
      'steered share of x in steered (mean over replicates, per review):\n  2026-01 20 %, 2026-04 25 %, 2026-07 30 %, 2026-10 35 %',
    );
  });
});
