/**
 * Accounts: the legacy money fields compiled into account lines reproduce the legacy
 * metrics replicate by replicate; every kind of flow (state, intervention while in benefit
 * or always, scenario, start, transition; negative amounts; own discount rates; start, end
 * and half-cycle counting) against exact expectations from matrix powers, within Monte
 * Carlo error; both engines book the same; an annual-cycle QALY/LY model reproduces the
 * published Chancellor et al. (1997) HIV result; bad accounts are named by path.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../src/index.js';
import { compileModel, type CompiledModel } from '../src/compile/compile.js';
import { runReplicates } from '../src/engine/run.js';
import { layoutOf } from '../src/engine/layout.js';
import { M, METRICS } from '../src/engine/reduce/metrics.js';
import { validateModel } from '../src/model/validate.js';
import type { ModelSpec } from '../src/model/types.js';
import { armMatrix, step, type Matrix } from './exact.js';
import { cli, problemsOf, ROOT } from './helpers.js';

/** The legacy money fields: ladder, discounting, premium, staffing, a fixed scenario cost, a calendar step. */
const legacy: ModelSpec = {
  name: 'legacy money',
  horizonMonths: 30,
  start: '2026-07',
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
    { id: 'ph', kind: 'benefit', monthlyTransfer: 9000, paidHours: true },
    { id: 'flex', kind: 'success', monthlyTransfer: 7000, reimbursed: true },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.03, ph: 0.02, out: 0.01, flex: 0.005 }, ph: { job: 0.05, kh: 0.05 }, job: { kh: 0.01 } },
  groups: [
    { id: 'new', size: 500, initialState: 'kh' },
    { id: 'old', size: 300, initialState: 'kh', priorBenefitMonths: 40 },
  ],
  interventions: [
    {
      id: 'fsm',
      monthlyCost: 800,
      staffing: { annualCostPerCaseworker: 600000, caseload: 35, conversationsPerYear: 8, costPerConversation: 150 },
      effects: { kh: { job: { hazardRatio: 1.5 } } },
    },
  ],
  scenarios: [
    { id: 'base' },
    { id: 'fsm', allocation: { new: { fsm: 1 }, old: { fsm: 0.5 } }, fixedMonthlyCost: 20000 },
  ],
  calendar: [
    { from: '2027-01', states: { kh: { monthlyTransfer: 12500 } }, interventions: { fsm: { monthlyCost: 900 } } },
  ],
  costs: { refusion: 'dk-2016', discountRate: 0.035, premiumPerPaidHoursMonth: 1500 },
};

function lineIndex(layout: { lines: { account: string; payer: string | null }[] }, account: string, payer: string) {
  const l = layout.lines.findIndex((x) => x.account === account && x.payer === payer);
  expect(l, `${account}/${payer}`).toBeGreaterThanOrEqual(0);
  return l;
}

describe('legacy fields as sugar', () => {
  it('the built-in lines equal the legacy metrics in every replicate and scenario, on both engines', () => {
    const cm: CompiledModel = compileModel(validateModel(legacy));
    const layout = layoutOf(cm, legacy);
    expect(layout.lines.map((l) => `${l.account}/${l.payer}`)).toEqual([
      'transfers/municipality',
      'transfers/state',
      'interventions/municipality',
      'premium/municipality',
    ]);
    const forced: CompiledModel = { ...cm, scenarios: cm.scenarios.map((sc) => ({ ...sc, lockstep: true })) };
    for (const c of [cm, forced]) {
      const R = 6;
      const out = runReplicates({ cm: c, layout }, '11', 0, R);
      const acc = out.accounts!;
      const per = (cm.G + 1) * M;
      const metric = (r: number, s: number, name: string) =>
        out.values[r * layout.strides.replicate + s * per + cm.G * M + METRICS.indexOf(name as never)];
      const line = (r: number, s: number, l: number) =>
        acc[r * layout.strides.accounts + s * layout.strides.accountsScenario + l];
      const tm = lineIndex(layout, 'transfers', 'municipality');
      const ts = lineIndex(layout, 'transfers', 'state');
      const iv = lineIndex(layout, 'interventions', 'municipality');
      const pr = lineIndex(layout, 'premium', 'municipality');
      for (let r = 0; r < R; r++)
        for (let s = 0; s < 2; s++) {
          const close = (a: number, b: number) =>
            expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
          close(line(r, s, tm), metric(r, s, 'netTransferCost'));
          close(line(r, s, tm) + line(r, s, ts), metric(r, s, 'transferCost'));
          close(line(r, s, iv), metric(r, s, 'interventionCost'));
          close(-line(r, s, pr), metric(r, s, 'premiumIncome'));
          close(line(r, s, tm) + line(r, s, iv) + line(r, s, pr), metric(r, s, 'municipalCost'));
          expect(metric(r, s, 'premiumIncome')).toBeGreaterThan(0);
        }
    }
  });

  it('payers and yearly payer lines add up to the totals', async () => {
    const res = await simulate(legacy, { replicates: 20, seed: '3' });
    for (const sc of res.scenarios) {
      const mun = sc.payers!.find((p) => p.payer === 'municipality')!;
      expect(mun.mean).toBeCloseTo(sc.metrics.municipalCost.mean!, 3);
      const state = sc.payers!.find((p) => p.payer === 'state')!;
      expect(state.mean).toBeCloseTo(sc.metrics.transferCost.mean! - sc.metrics.netTransferCost.mean!, 3);
      const society = sc.payers!.find((p) => p.payer === 'society')!;
      expect(society.mean).toBeCloseTo(mun.mean + state.mean, 3);
      const years = res.yearlyPayers!.filter((y) => y.scenario === sc.id && y.payer === 'municipality');
      expect(years.map((y) => y.year)).toEqual(['2026', '2027', '2028']);
      expect(years.reduce((a, y) => a + y.mean, 0)).toBeCloseTo(mun.mean, 3);
    }
    const d = res.comparisons[0].payers!.find((p) => p.payer === 'municipality')!;
    expect(d.mean).toBeCloseTo(res.comparisons[0].metrics.municipalCost.mean, 3);
  });
});

/** Every kind of flow on a time-homogeneous model, so each expectation is a sum over matrix powers. */
const flows: ModelSpec = {
  name: 'flows',
  horizonMonths: 24,
  states: [
    {
      id: 'kh',
      kind: 'benefit',
      flows: [
        { account: 'health', payer: 'region', amount: 400 },
        { account: 'qaly', amount: 0.05 },
      ],
    },
    {
      id: 'job',
      kind: 'success',
      flows: [
        { account: 'taxes', payer: 'state', amount: -6000 },
        { account: 'qaly', amount: 0.07 },
      ],
    },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.04, out: 0.02 }, job: { kh: 0.03 } },
  groups: [{ id: 'g', size: 400, initialState: 'kh' }],
  interventions: [
    {
      id: 'coach',
      transitions: { kh: { job: 0.07, out: 0.02 } },
      flows: [
        { account: 'coaching', amount: 900 },
        { account: 'mentor', payer: 'region', amount: 250, while: 'always' },
      ],
      startFlows: [{ account: 'coaching', amount: 5000 }],
    },
  ],
  transitionFlows: [{ from: 'kh', to: 'job', account: 'bonus', payer: 'state', amount: 3000 }],
  accounts: {
    health: { unit: 'DKK' },
    taxes: { discountRate: 0.05 },
    coaching: {},
    mentor: {},
    bonus: {},
    qaly: { kind: 'effect', unit: 'QALY', discountRate: 0.035 },
  },
  scenarios: [
    { id: 'none' },
    { id: 'coach', allocation: { g: { coach: 0.5 } }, flows: [{ account: 'coaching', amount: 10000 }] },
  ],
  costs: { discountRate: 0.03 },
};

/** Exact expected line totals of a scenario of `flows` under a counting convention. */
function exactLines(counting: 'start' | 'end' | 'half-cycle', scenario: string): Record<string, number> {
  const H = flows.horizonMonths;
  const ids = flows.states.map((s) => s.id);
  const d = (rate: number, t: number) => (1 + rate) ** (-t / 12);
  const rateOf = (acc: string) => flows.accounts![acc]?.discountRate ?? 0.03;
  // Every scenario has every line (a line some other scenario uses is 0 here).
  const out: Record<string, number> = Object.fromEntries(
    ['health/region', 'qaly/', 'taxes/state', 'coaching/municipality', 'mentor/region', 'bonus/state'].map((k) => [
      k,
      0,
    ]),
  );
  const add = (key: string, v: number) => {
    out[key] = (out[key] ?? 0) + v;
  };
  const coach = scenario === 'coach' ? 200 : 0;
  const arms: [string | null, number][] = [
    [null, 400 - coach],
    ['coach', coach],
  ];
  for (const [iv, n] of arms) {
    if (n === 0) continue;
    const P: Matrix = armMatrix(flows, iv);
    const pis: number[][] = [[1, 0, 0]];
    for (let t = 1; t <= H; t++) pis.push(step(pis[t - 1], P));
    const value = (pi: number[], t: number) => {
      flows.states.forEach((st, s) => {
        for (const f of st.flows ?? [])
          add(`${f.account}/${f.payer ?? ''}`, n * pi[s] * f.amount * d(rateOf(f.account), t));
      });
      if (iv)
        for (const f of flows.interventions![0].flows!) {
          const held = f.while === 'always' ? pi[0] + pi[1] + pi[2] : pi[0];
          add(`${f.account}/${f.payer ?? 'municipality'}`, n * held * f.amount * d(rateOf(f.account), t));
        }
    };
    for (let t = 0; t < H; t++) {
      if (counting !== 'end')
        value(
          pis[t].map((x) => (counting === 'half-cycle' ? x / 2 : x)),
          t,
        );
      if (counting !== 'start')
        value(
          pis[t + 1].map((x) => (counting === 'half-cycle' ? x / 2 : x)),
          t + 1,
        );
      // moves kh → job at the end of month t, booked at t + 1
      add('bonus/state', n * pis[t][0] * P[0][ids.indexOf('job')] * 3000 * d(rateOf('bonus'), t + 1));
    }
    if (iv) add('coaching/municipality', n * 5000);
  }
  if (scenario === 'coach') for (let t = 0; t < H; t++) add('coaching/municipality', 10000 * d(0.03, t));
  // The effect account has no payer: keys written as `qaly/`.
  return out;
}

describe('flows of every kind against exact expectations', () => {
  for (const counting of ['start', 'end', 'half-cycle'] as const) {
    it(`counting at the ${counting}: each line's mean within 4 Monte Carlo errors of the exact value`, async () => {
      const R = 300;
      const res = await simulate({ ...flows, counting }, { replicates: R, seed: '5' });
      for (const sc of res.scenarios) {
        const want = exactLines(counting, sc.id);
        const got = Object.fromEntries(sc.accounts!.map((a) => [`${a.account}/${a.payer ?? ''}`, a]));
        expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
        for (const [key, w] of Object.entries(want)) {
          const a = got[key];
          const mcse = a.sd / Math.sqrt(R);
          // Deterministic lines (starts, the fixed cost) have sd 0: then exact up to rounding.
          expect(Math.abs(a.mean - w), `${sc.id} ${key}`).toBeLessThanOrEqual(4 * mcse + 1e-9 * Math.abs(w));
        }
        expect(got['taxes/state'].mean).toBeLessThan(0); // revenue is negative cost
        expect(got['qaly/'].unit).toBe('QALY');
      }
    });
  }

  it('both engines book the same counts (starts, moves) and the same money up to the order of additions', () => {
    const point = validateModel(flows);
    const cm = compileModel(point);
    const layout = layoutOf(cm, point);
    const a = runReplicates({ cm, layout }, 'x', 0, 3);
    const forced: CompiledModel = { ...cm, scenarios: cm.scenarios.map((sc) => ({ ...sc, lockstep: true })) };
    const b = runReplicates({ cm: forced, layout }, 'x', 0, 3);
    for (let k = 0; k < a.accounts!.length; k++)
      expect(Math.abs(a.accounts![k] - b.accounts![k])).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(a.accounts![k])),
      );
  });

  it('decides on an effect account from a chosen perspective', async () => {
    const res = await simulate(flows, { replicates: 60, seed: '2', perspective: 'region', effect: 'qaly' });
    const cmp = res.comparisons[0];
    const region = cmp.payers!.find((p) => p.payer === 'region')!;
    const qaly = cmp.accounts!.find((x) => x.account === 'qaly')!;
    expect(cmp.icer.deltaCost).toBeCloseTo(region.mean, 6);
    expect(cmp.icer.deltaEffect).toBeCloseTo(qaly.mean, 9);
    expect(res.decision.perspective).toBe('region');
    expect(res.decision.effect).toBe('qaly');
    const society = await simulate(flows, { replicates: 60, seed: '2', perspective: 'society' });
    const all = society.comparisons[0].payers!.find((p) => p.payer === 'society')!;
    expect(society.comparisons[0].icer.deltaCost).toBeCloseTo(all.mean, 6);
  });

  it('names a bad perspective, effect or account by its path', async () => {
    await expect(simulate(flows, { replicates: 2, perspective: 'county' })).rejects.toThrow(
      /options\.perspective: unknown payer "county" \(expected "region", "state", "municipality", "society"\)/,
    );
    await expect(simulate(flows, { replicates: 2, effect: 'taxes' })).rejects.toThrow(
      /options\.effect: unknown effect "taxes"/,
    );
    const bad = structuredClone(flows) as ModelSpec;
    bad.states[0].flows!.push({ account: 'nope', amount: 1 });
    bad.states[1].flows![1] = { account: 'qaly', payer: 'state', amount: 1 };
    bad.transitionFlows!.push({ from: 'kh', to: 'gone', account: 'bonus', amount: 1 });
    const paths = problemsOf(() => validateModel(bad)).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['states[0].flows[2].account', 'states[1].flows[1].payer', 'transitionFlows[1].to']),
    );
    const neg = structuredClone(flows) as ModelSpec;
    neg.states[0].flows![0].amount = -2e12;
    expect(problemsOf(() => validateModel(neg)).map((p) => p.path)).toContain('states[0].flows[0].amount');
  });
});

describe('an annual-cycle cost-effectiveness model: Chancellor et al. (1997), as reproduced in heemod', () => {
  const hiv = JSON.parse(readFileSync(join(ROOT, 'examples', 'hiv-chancellor-1997.json'), 'utf8')) as ModelSpec;

  /** Exact per-person discounted costs (GBP) and life years by matrix powers, counted at the end of each cycle. */
  function exact(combination: boolean): { cost: number; ly: number } {
    const mono = armMatrix(hiv, null);
    const rr = 0.509;
    const comb = mono.map((row, i) => {
      const r = row.map((p, j) => (j > i ? p * rr : p));
      r[i] = 0;
      r[i] = 1 - r.reduce((a, b) => a + b, 0);
      return r;
    });
    const state = [
      [2756, 2278],
      [3052, 2278],
      [9007, 2278],
      [0, 0],
    ];
    let pi = [1, 0, 0, 0];
    let cost = 0;
    let ly = 0;
    for (let t = 1; t <= 20; t++) {
      const onComb = combination && t <= 2;
      pi = step(pi, onComb ? comb : mono);
      for (let s = 0; s < 3; s++) {
        cost += (pi[s] * (state[s][0] + state[s][1] + (onComb ? 2086.5 : 0))) / 1.06 ** t;
        ly += pi[s];
      }
    }
    return { cost, ly };
  }

  it('the exact model gives the published figures (44,663 / 50,602 GBP, 7.99 / 8.94 LY, 6,276 GBP per LY)', () => {
    const m = exact(false);
    const c = exact(true);
    expect(Math.round(m.cost)).toBe(44663);
    expect(Math.round(c.cost)).toBe(50602);
    expect(m.ly.toFixed(2)).toBe('7.99');
    expect(c.ly.toFixed(2)).toBe('8.94');
    expect(Math.round((c.cost - m.cost) / (c.ly - m.ly))).toBe(6276);
  });

  it('the simulation reproduces them within Monte Carlo error, deciding from the NHS perspective on life years', async () => {
    const R = 400;
    const N = hiv.groups[0].size;
    const res = await simulate(hiv, { replicates: R, seed: '1997', perspective: 'nhs', effect: 'ly' });
    for (const [s, combination] of [
      [0, false],
      [1, true],
    ] as const) {
      const want = exact(combination);
      const sc = res.scenarios[s];
      const nhs = sc.payers!.find((p) => p.payer === 'nhs')!;
      expect(nhs.unit).toBe('GBP');
      expect(Math.abs(nhs.mean / N - want.cost)).toBeLessThanOrEqual((4 * nhs.sd) / Math.sqrt(R) / N);
      const ly = sc.accounts!.find((a) => a.account === 'ly')!;
      expect(Math.abs(ly.mean / N - want.ly)).toBeLessThanOrEqual((4 * ly.sd) / Math.sqrt(R) / N);
    }
    const icer = res.comparisons[0].icer;
    const m = exact(false);
    const c = exact(true);
    expect(Math.abs(icer.mean - (c.cost - m.cost) / (c.ly - m.ly))).toBeLessThanOrEqual(4 * icer.mcse);
    expect(icer.quadrant).toBe('NE');
    // Each cycle is its own year in the yearly lines.
    expect(res.yearlyPayers!.filter((y) => y.scenario === 'mono' && y.payer === 'nhs')).toHaveLength(20);
  });
});

describe('the command line', () => {
  it('--perspective and --effect: the text table shows the accounts and words the ICER in their units', () => {
    const args = ['run', 'examples/hiv-chancellor-1997.json', '--replicates', '50', '--perspective', 'nhs'];
    const r = cli([...args, '--effect', 'ly', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/50 replicates, seed "1", 20 years/);
    expect(r.stdout).toMatch(/^drugs \(nhs\), mio\. GBP +1[0-9]\.\d\d \(/m);
    expect(r.stdout).toMatch(/net money of nhs, mio\. GBP/);
    // The decision's cost is the perspective's net money: the payer difference of the same run.
    const delta = r.stdout.match(
      /combination vs mono: Δ LY [0-9.]+, Δ nhs's net money ([0-9.]+) mio\. GBP: costs per extra LY [0-9,]+ GBP/,
    );
    expect(delta).not.toBeNull();
    const same = JSON.parse(cli([...args, '--effect', 'ly', '--format', 'json', '--quiet']).stdout);
    const nhs = same.comparisons[0].payers.find((p: { payer: string }) => p.payer === 'nhs');
    expect(delta![1]).toBe((nhs.mean / 1e6).toFixed(1));
    expect(same.comparisons[0].icer.deltaCost).toBeCloseTo(nhs.mean, 6);
    const json = JSON.parse(
      cli(['run', 'examples/hiv-chancellor-1997.json', '--replicates', '20', '--format', 'json', '--quiet']).stdout,
    );
    expect(json.cycle).toBe('year');
    expect(json.scenarios[0].payers.map((p: { payer: string }) => p.payer)).toEqual(['nhs']);
    expect(json.yearlyPayers).toHaveLength(2 * 20);
  });

  it('a bad --perspective is named, with the payers the model has', () => {
    const r = cli([
      'run',
      'examples/hiv-chancellor-1997.json',
      '--replicates',
      '5',
      '--perspective',
      'county',
      '--quiet',
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/options\.perspective: unknown payer "county" \(expected "nhs", "society"\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
  });
});

describe('split runs', () => {
  it('parts merge into the whole run with its accounts, byte for byte', async () => {
    const { keptReplicates, mergeRuns, resultToJSON } = await import('../src/index.js');
    const run = (replicateRange?: [number, number]) =>
      simulate(flows, { replicates: 12, seed: 'split', ...(replicateRange ? { replicateRange } : {}) });
    const whole = await run();
    const parts = await Promise.all(
      (
        [
          [0, 5],
          [5, 12],
        ] as [number, number][]
      ).map(async (r) =>
        JSON.parse(JSON.stringify({ ...resultToJSON(await run(r)), kept: keptReplicates(await run(r), flows) })),
      ),
    );
    const merged = mergeRuns(parts);
    expect(JSON.stringify(resultToJSON(merged))).toBe(JSON.stringify(resultToJSON(whole)));
    expect(merged.scenarios[1].accounts!.length).toBeGreaterThan(0);
  });
});

describe('the committee report', () => {
  it("has an accounts section by payer, in the model's units, in English and Danish", async () => {
    const { renderReport } = await import('../src/report/html.js');
    const hiv = JSON.parse(readFileSync(join(ROOT, 'examples', 'hiv-chancellor-1997.json'), 'utf8')) as ModelSpec;
    const res = await simulate(hiv, { replicates: 20, seed: 'r', perspective: 'nhs', effect: 'ly' });
    const en = await renderReport(res, hiv, { lang: 'en' });
    const section = en.slice(
      en.indexOf('<section id="accounts">'),
      en.indexOf('</section>', en.indexOf('<section id="accounts">')),
    );
    expect(section).toContain('<h2>Accounts by payer</h2>');
    expect(section).toMatch(
      /<tr data-account="drugs" data-payer="nhs"><th scope="row">zidovudine and lamivudine \(nhs\), mio\. GBP<\/th>/,
    );
    const mono = res.scenarios[0].accounts!.find((a) => a.account === 'ly')!;
    expect(section).toContain(`life years, LY</th><td>${Math.round(mono.mean).toLocaleString('en')}`);
    expect(section).toContain('<h3>Differences from mono</h3>');
    const da = await renderReport(res, hiv, { lang: 'da' });
    expect(da).toContain('<h2>Konti og betalere</h2>');
    // A model that books nothing beyond the legacy money has no accounts section.
    const plain = await simulate(legacy, { replicates: 5, seed: 'r' });
    expect(await renderReport(plain, legacy, { lang: 'en' })).not.toContain('id="accounts"');
  });
});
