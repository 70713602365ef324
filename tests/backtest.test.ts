/**
 * Back-tests (backtest/): the figures are the panel's own counts after the training month,
 * the forecast's interval brackets its mean, coverage and errors are what the figures say,
 * the share still on benefit and its naive forecast on a hand-checkable panel, the
 * intervals of a correct model cover most observed stocks over synthetic back-tests (the
 * 100-panel coverage is measured in bench/RESULTS.md), the plot, and the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtest, forecastExitsToSuccess } from '../src/backtest/backtest.js';
import { panelToCSV, type Panel } from '../src/fit/panel.js';
import { monthSerial } from '../src/model/dates.js';
import { simulate } from '../src/run/simulate.js';
import { identityStateMap, synthPanel } from '../src/synth/synth.js';
import type { ModelSpec } from '../src/model/types.js';
import type { ModelInput } from '../src/params/input.js';
import { armMatrix, step } from './exact.js';
import { synthModel } from './fit-models.js';
import { cli, tempDir } from './helpers.js';

/**
 * A panel to check by hand: one row per citizen, one letter per month from 2020-01 (K = kh,
 * a benefit; J = job, a success; O = out, an exit; `.` = absent from the panel).
 */
const handPanel = (rows: string[]): Panel => {
  const code = { K: 0, J: 1, O: 2 } as Record<string, number>;
  const citizen: number[] = [];
  const month: number[] = [];
  const state: number[] = [];
  for (const [c, row] of rows.entries())
    for (const [m, x] of [...row].entries()) {
      if (x === '.') continue;
      citizen.push(c);
      month.push(m);
      state.push(code[x]);
    }
  return {
    firstMonth: monthSerial('2020-01', 'start'),
    months: rows[0].length,
    states: [
      { id: 'kh', kind: 'benefit', codes: ['K'] },
      { id: 'job', kind: 'success', codes: ['J'] },
      { id: 'out', kind: 'exit', codes: ['O'] },
    ],
    citizens: rows.length,
    citizen: Int32Array.from(citizen),
    month: Int32Array.from(month),
    state: Int32Array.from(state),
    columns: [],
  };
};

const small = () => ({
  ...synthModel(),
  groups: [{ id: 'kh', size: 500, initialState: 'kh', inflow: { perMonth: 8 } }],
});

describe('backtest', () => {
  it('compares the forecast with the panel month by month', async () => {
    const panel = synthPanel(small(), { seed: 'b1', months: 30 });
    const r = await backtest(panel, { trainUntil: '2021-06', horizon: 6, bands: [0, 6], replicates: 100 });
    // Three stocks for 6 months, the share still on benefit after 3 and 6 months, exits to success for 6.
    expect(r.figures).toHaveLength(3 * 6 + 2 + 6);
    expect(r.figures.filter((f) => f.name === 'still on benefit').map((f) => f.ahead)).toEqual([3, 6]);
    // 2021-06 is month 17 of a panel starting 2020-01; the figures are months 18 … 23.
    for (const f of r.figures.filter((x) => x.name.startsWith('stock '))) {
      const state = panel.states.findIndex((s) => `stock ${s.id}` === f.name);
      let observed = 0;
      for (let i = 0; i < panel.month.length; i++)
        if (panel.month[i] === 17 + f.ahead && panel.state[i] === state) observed++;
      expect(f.observed).toBe(observed);
      expect(f.lo).toBeLessThanOrEqual(f.mean);
      expect(f.mean).toBeLessThanOrEqual(f.hi);
    }
    expect(r.figures[0].month).toBe('2021-07');
    const inside = r.figures.filter((f) => f.observed >= f.lo && f.observed <= f.hi).length;
    expect(r.coverage).toBe(inside / r.figures.length);
    const stocks = r.figures.filter((f) => f.name.startsWith('stock '));
    expect(r.mae).toBeCloseTo(stocks.reduce((t, f) => t + Math.abs(f.observed - f.mean), 0) / stocks.length, 12);
    // A year before: last year's stock scaled by the growth from 2020-06 to 2021-06.
    expect(r.naive.method).toMatch(/^stocks: each state's share twelve months before/);
  });

  it('covers most observed stocks over synthetic back-tests of a correct model', async () => {
    let inside = 0;
    let all = 0;
    for (let i = 0; i < 8; i++) {
      const panel = synthPanel(small(), { seed: `cov-${i}`, months: 30 });
      const r = await backtest(panel, {
        trainUntil: '2021-06',
        horizon: 6,
        bands: [0, 6],
        replicates: 100,
        seed: `${i}`,
      });
      inside += r.coverage * r.figures.length;
      all += r.figures.length;
    }
    // Figures within a back-test are correlated: a loose bound here; the 100-panel figure is in bench/.
    expect(inside / all).toBeGreaterThan(0.8);
  });

  it('shares still on benefit: observed, naive and forecast on a panel checked by hand', async () => {
    // Months 0 … 16; training month 12 (2021-01), horizon 3: one figure, 3 months ahead.
    const panel = handPanel([
      'KKKKKKKKKKKKKKKKK', // on benefit throughout
      'KKKKKKKKKKKKKKJJJ', // on at 12, in a job at 15
      'JJJJJJJJJJJJKKKKK', // on at 12 (not at 0), on at 15
      'KKJJJKKKKKKKKKKKK', // on at 0 and 12; in a job at 3; on again at 15
      'OOOOOOOOOOOOOOOOO', // never on benefit
    ]);
    const r = await backtest(panel, { trainUntil: '2021-01', horizon: 3, replicates: 50 });
    const share = r.figures.filter((f) => f.name === 'still on benefit');
    expect(share).toHaveLength(1);
    const [f] = share;
    expect(f).toMatchObject({ month: '2021-04', ahead: 3 });
    // Cohort at month 12: the first four; on benefit at 15: 1, 3, 4 → 3/4.
    expect(f.observed).toBe(3 / 4);
    // Naive: the cohort on benefit at month 0 (1, 2, 4), on benefit at month 3 (1, 2) → 2/3.
    expect(f.naive).toBeCloseTo(2 / 3, 15);
    expect(f.lo).toBeGreaterThanOrEqual(0);
    expect(f.hi).toBeLessThanOrEqual(1);
    expect(f.lo).toBeLessThanOrEqual(f.mean);
    expect(f.mean).toBeLessThanOrEqual(f.hi);
    // Stocks: kh at 2021-02 (month 13) holds the first four; naive = kh at month 1 (1, 2, 4)
    // times the population's growth from month 0 to 12 (5/5).
    const kh13 = r.figures.find((x) => x.name === 'stock kh' && x.ahead === 1)!;
    expect(kh13.observed).toBe(4);
    expect(kh13.naive).toBe(3);
    // One summary per kind of figure, each from its own figures.
    expect(r.kinds.map((k) => k.name)).toEqual([
      'stock kh',
      'stock job',
      'stock out',
      'still on benefit',
      'exits to success',
    ]);
    const still = r.kinds.find((k) => k.name === 'still on benefit')!;
    expect(still).toEqual({
      name: 'still on benefit',
      figures: 1,
      coverage: f.observed >= f.lo && f.observed <= f.hi ? 1 : 0,
      mae: Math.abs(f.observed - f.mean),
      naiveMae: Math.abs(f.observed - f.naive),
    });
    const stocks = r.figures.filter((x) => x.name.startsWith('stock '));
    expect(r.mae).toBeCloseTo(stocks.reduce((t, x) => t + Math.abs(x.observed - x.mean), 0) / stocks.length, 12);
  });

  it('forecasts a share of 1 when nobody on benefit ever left it in the training months', async () => {
    // kh has no exits before month 12: the fitted row keeps everyone on benefit.
    const panel = handPanel(['KKKKKKKKKKKKKKKKJ', 'KKKKKKKKKKKKKKKKK', 'JJJJJJJJJJJJJJJJJ']);
    const r = await backtest(panel, { trainUntil: '2021-01', horizon: 3, replicates: 20 });
    const f = r.figures.find((x) => x.name === 'still on benefit')!;
    expect([f.observed, f.mean, f.lo, f.hi]).toEqual([1, 1, 1, 1]);
    // With less than a year before the training month: the latest cohort whose 3 months are seen.
    const early = await backtest(panel, { trainUntil: '2020-09', horizon: 3, replicates: 20 });
    expect(early.naive.method).toMatch(
      /the stock at the training month, unchanged; still on benefit: the share of the latest cohort/,
    );
    expect(early.figures.find((x) => x.name === 'still on benefit')!.naive).toBe(1);
  });

  it('counts exits to success on a panel checked by hand', async () => {
    // Months 0 … 16; training month 12 (2021-01), horizon 3: months 13, 14, 15; naive 1, 2, 3.
    const panel = handPanel([
      'KJKJKKKKKKKKKJKJO', // into job at 1, 3, 13 and 15
      'OJJJJJJJJJJJJJJJJ', // from out (an exit, not a success) into job at 1
      'JJJJJJJJJJJJJKJJJ', // back on benefit at 13, into job at 14
      'KKKKKKKKKKKKKKKKK', // never in a job
      '.............JJJJ', // a newcomer straight into a job at 13: no move
      'KKKKKKKKKKKKK.JJJ', // absent at 13, in a job at 14: no move seen
      'KKKKKKKKKKKKKKJJJ', // into job at 14
    ]);
    const r = await backtest(panel, { trainUntil: '2021-01', horizon: 3, replicates: 50 });
    const exits = r.figures.filter((f) => f.name === 'exits to success');
    expect(exits.map((f) => [f.month, f.ahead, f.observed, f.naive])).toEqual([
      ['2021-02', 1, 1, 2],
      ['2021-03', 2, 2, 0],
      ['2021-04', 3, 1, 1],
    ]);
    for (const f of exits) {
      expect(f.lo).toBeGreaterThanOrEqual(0);
      expect(f.lo).toBeLessThanOrEqual(f.mean);
      expect(f.mean).toBeLessThanOrEqual(f.hi);
    }
    const kind = r.kinds.find((k) => k.name === 'exits to success')!;
    expect(kind.figures).toBe(3);
    expect(kind.naiveMae).toBeCloseTo((1 + 2 + 0) / 3, 12);
    expect(kind.mae).toBeCloseTo(exits.reduce((t, f) => t + Math.abs(f.observed - f.mean), 0) / 3, 12);
    expect(r.naive.method).toMatch(/exits to success: the same month's count a year earlier$/);
  });

  it('forecasts the expected exits to success of a model with known rates', async () => {
    // Moves into job from kh and from out (exits count as non-success); job relapses to kh.
    const model = {
      name: 'known',
      horizonMonths: 6,
      states: [
        { id: 'kh', kind: 'benefit' },
        { id: 'job', kind: 'success' },
        { id: 'out', kind: 'exit' },
      ],
      transitions: { kh: { job: 0.07, out: 0.02 }, job: { kh: 0.04 }, out: { job: 0.01 } },
      groups: [
        { id: 'kh', size: 1500, initialState: 'kh' },
        { id: 'job', size: 400, initialState: 'job' },
        { id: 'out', size: 300, initialState: 'out' },
      ],
      scenarios: [{ id: 'base' }],
    };
    const H = 8;
    const R = 400;
    const counts = await forecastExitsToSuccess(model as ModelInput, H, { replicates: R, seed: 'exits' });
    expect(counts).toHaveLength(H);
    const P = armMatrix(model as unknown as ModelSpec, null);
    const job = 1;
    // Each citizen's state distribution; a month's count is a sum of independent Bernoullis.
    let pis: number[][] = model.groups.map((g) => model.states.map((s) => (s.id === g.initialState ? 1 : 0)));
    for (let t = 1; t <= H; t++) {
      let mean = 0;
      let variance = 0;
      for (const [gi, g] of model.groups.entries()) {
        const p = pis[gi].reduce((a, pi, i) => a + (i === job ? 0 : pi * P[i][job]), 0);
        mean += g.size * p;
        variance += g.size * p * (1 - p);
      }
      const got = counts[t - 1].reduce((a, x) => a + x, 0) / R;
      expect(Math.abs(got - mean)).toBeLessThan(4 * Math.sqrt(variance / R));
      pis = pis.map((pi) => step(pi, P));
    }
  });

  it('pairs the monthly exits to success replicate by replicate, with uncertain rates and inflow', async () => {
    // job absorbs and newcomers enter kh: each month's exits are the job stock's growth, exactly.
    const model: ModelInput = {
      name: 'absorbing',
      horizonMonths: 7,
      states: [
        { id: 'kh', kind: 'benefit' },
        { id: 'job', kind: 'success' },
        { id: 'out', kind: 'exit' },
      ],
      transitions: {
        kh: { job: { dist: 'beta', alpha: 6, beta: 94 }, out: 0.02 },
        out: { job: 0.01 },
      },
      groups: [
        { id: 'kh', size: 800, initialState: 'kh', inflow: { perMonth: { dist: 'gamma', shape: 40, scale: 0.5 } } },
        { id: 'out', size: 100, initialState: 'out' },
      ],
      scenarios: [{ id: 'base' }],
    };
    const H = 6;
    const R = 40;
    const counts = await forecastExitsToSuccess(model, H, { replicates: R, seed: 'pair' });
    // The forecast draws an inline inflow rate from the parameters block (so that runs
    // without newcomers draw it too): the run to compare with holds it there as well.
    const inBlock: ModelInput = {
      ...model,
      parameters: { inflow: { dist: 'gamma', shape: 40, scale: 0.5 } },
      groups: [{ ...model.groups[0], inflow: { perMonth: { param: 'inflow' } } }, model.groups[1]],
    };
    const occ = (await simulate(inBlock, { replicates: R, seed: 'pair', occupancy: true })).raw.occupancy!;
    const at = (r: number, k: number) => occ[(r * 3 + 1) * (7 + 1) + k];
    for (let k = 1; k <= H; k++) for (let r = 0; r < R; r++) expect(counts[k - 1][r]).toBe(at(r, k) - at(r, k - 1));
    // The draws differ between replicates: the check is not of one repeated replicate.
    expect(new Set(counts[H - 1]).size).toBeGreaterThan(1);
  });

  it('names a training month the panel cannot test', async () => {
    const panel = synthPanel(small(), { seed: 'b1', months: 12 });
    await expect(backtest(panel, { trainUntil: '2020-09', horizon: 6 })).rejects.toThrow(
      /trainUntil: expected a month from 2020-02 to 2020-06 \(the panel runs 2020-01 to 2020-12/,
    );
  });
});

describe('forlob backtest', () => {
  it('prints the comparison as JSON and as a table', () => {
    const dir = tempDir();
    const panel = join(dir, 'panel.csv');
    const map = join(dir, 'map.json');
    writeFileSync(panel, [...panelToCSV(synthPanel(small(), { seed: 'c', months: 24 }))].join(''));
    writeFileSync(map, JSON.stringify(identityStateMap(synthModel())));
    const args = [
      'backtest',
      panel,
      '--states',
      map,
      '--train-until',
      '2021-06',
      '--horizon',
      '6',
      '--replicates',
      '50',
      '--workers',
      '1',
    ];
    const j = cli([...args, '--format', 'json']);
    expect(j.code).toBe(0);
    const r = JSON.parse(j.stdout);
    expect(Object.keys(r)).toEqual([
      'trainUntil',
      'horizon',
      'level',
      'replicates',
      'coverage',
      'mae',
      'figures',
      'naive',
      'kinds',
    ]);
    expect(r.figures[0]).toMatchObject({ name: 'stock kh', month: '2021-07', ahead: 1 });
    const t = cli(args);
    expect(t.stdout).toMatch(
      /^back-test: fitted up to 2021-06, 6 months forecast, 50 replicates\ncoverage of the 95\.0 % intervals: /,
    );
    // Exits to success are citizens, not a share: no per cent, no points.
    expect(t.stdout).toMatch(
      /\n {2}exits to success: coverage [\d.]+ % of 6; mean absolute error [\d.]+ \(naive [\d.]+\)\n/,
    );
    expect(t.stdout).toMatch(/\nexits to success +2021-07 +\d+[ *] +[\d.]+ +\(\d+–\d+\) +\d+\.\d\n/);
    expect(cli(['backtest', panel, '--states', map]).stderr).toContain('--train-until: expected the last month to fit');
    const bad = cli(['backtest', panel, '--states', map, '--train-until', '2021-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--train-until: expected a date YYYY-MM, got "2021-13"');
    expect(bad.stdout).toBe('');
  });

  it('draws observed against the forecast band with --plot, and lists it in --help', () => {
    const dir = tempDir();
    const panel = join(dir, 'panel.csv');
    const map = join(dir, 'map.json');
    const svg = join(dir, 'bt.svg');
    writeFileSync(panel, [...panelToCSV(synthPanel(small(), { seed: 'c', months: 24 }))].join(''));
    writeFileSync(map, JSON.stringify(identityStateMap(synthModel())));
    const args = ['backtest', panel, '--states', map, '--train-until', '2021-06', '--horizon', '3'];
    const j = cli([...args, '--replicates', '20', '--workers', '1', '--format', 'json', '--plot', svg]);
    expect(j.code).toBe(0);
    const r = JSON.parse(j.stdout);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/^<svg/);
    // A panel per figure, each with its band (an area), mean and naive (lines) and the observed points.
    for (const name of ['stock kh', 'stock job', 'stock out', 'still on benefit', 'exits to success'])
      expect(text).toContain(`>${name}</text>`);
    expect((text.match(/class="mark-area role-mark/g) ?? []).length).toBe(5);
    expect((text.match(/class="mark-symbol role-mark/g) ?? []).length).toBe(5);
    // Every observed point drawn: one symbol path per figure.
    const symbols = text
      .split('class="mark-symbol role-mark')
      .slice(1)
      .map((g) => (g.split('</g>')[0].match(/<path /g) ?? []).length);
    expect(symbols.reduce((t, n) => t + n, 0)).toBe(r.figures.length);
    expect(cli(['backtest', '--help']).stdout).toMatch(/--plot FILE +also draw observed against the forecast band/);
  });
});
