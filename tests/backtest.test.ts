/**
 * Back-tests (backtest/): the figures are the panel's own counts after the training month,
 * the forecast's interval brackets its mean, coverage and errors are what the figures say,
 * the intervals of a correct model cover most observed stocks over synthetic back-tests
 * (the 100-panel coverage is measured in bench/RESULTS.md), and the CLI.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtest } from '../src/backtest/backtest.js';
import { panelToCSV } from '../src/fit/panel.js';
import { identityStateMap, synthPanel } from '../src/synth/synth.js';
import { synthModel } from './fit-models.js';
import { cli, tempDir } from './helpers.js';

const small = () => ({
  ...synthModel(),
  groups: [{ id: 'kh', size: 500, initialState: 'kh', inflow: { perMonth: 8 } }],
});

describe('backtest', () => {
  it('compares the forecast with the panel month by month', async () => {
    const panel = synthPanel(small(), { seed: 'b1', months: 30 });
    const r = await backtest(panel, { trainUntil: '2021-06', horizon: 6, bands: [0, 6], replicates: 100 });
    expect(r.figures).toHaveLength(3 * 6);
    // 2021-06 is month 17 of a panel starting 2020-01; the figures are months 18 … 23.
    for (const f of r.figures) {
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
    expect(r.mae).toBeCloseTo(r.figures.reduce((t, f) => t + Math.abs(f.observed - f.mean), 0) / r.figures.length, 12);
    // A year before: last year's stock scaled by the growth from 2020-06 to 2021-06.
    expect(r.naive.method).toMatch(/^each state's share twelve months before/);
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
    ]);
    expect(r.figures[0]).toMatchObject({ name: 'stock kh', month: '2021-07', ahead: 1 });
    const t = cli(args);
    expect(t.stdout).toMatch(
      /^back-test: fitted up to 2021-06, 6 months forecast, 50 replicates\ncoverage of the 95\.0 % intervals: /,
    );
    expect(cli(['backtest', panel, '--states', map]).stderr).toContain('--train-until: expected the last month to fit');
  });
});
