/**
 * Synthetic registers (synth/): the panel's monthly moves against the model's rows within
 * binomial error, duration dependence and inflow as the model says, the same seed giving
 * the same panel, the CSV read back to the same panel, and the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { panelToCSV, readPanel } from '../src/fit/panel.js';
import { identityStateMap, synthPanel } from '../src/synth/synth.js';
import { synthModel } from './fit-models.js';
import { cli, tempDir } from './helpers.js';

/** Moves from `from` to each state counted over person-months with a next month, by band of months in the state. */
function moves(panel: ReturnType<typeof synthPanel>, from: number, band: (ds: number) => number) {
  const counts = new Map<string, number>();
  let ds = 0;
  for (let r = 0; r + 1 < panel.citizen.length; r++) {
    if (r === 0 || panel.citizen[r] !== panel.citizen[r - 1]) ds = 0;
    if (panel.citizen[r + 1] !== panel.citizen[r]) continue;
    if (panel.state[r] === from) {
      const key = `${band(ds)}:${panel.state[r + 1]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    ds = panel.state[r + 1] === panel.state[r] ? ds + 1 : 0;
  }
  return counts;
}

describe('synthPanel', () => {
  const panel = synthPanel(synthModel(), { seed: '3' });
  it('moves citizens with the model rows, duration dependence included', () => {
    const c = moves(panel, 0, (ds) => (ds >= 6 ? 1 : 0));
    const total = (b: number) => [0, 1, 2].reduce((s, d) => s + (c.get(`${b}:${d}`) ?? 0), 0);
    // Band 1: the hazard −log(1 − 0.08) halved, split 3 : 1 between job and out.
    const leave1 = 1 - Math.sqrt(1 - 0.08);
    const expected: [number, number, number][] = [
      [0, 1, 0.06],
      [0, 2, 0.02],
      [1, 1, leave1 * 0.75],
      [1, 2, leave1 * 0.25],
    ];
    for (const [b, d, p] of expected) {
      const n = total(b);
      const x = (c.get(`${b}:${d}`) ?? 0) / n;
      expect(Math.abs(x - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });
  it('lets 40 citizens a month arrive in kh', () => {
    const firstMonth = new Map<number, number>();
    for (let r = 0; r < panel.citizen.length; r++)
      if (!firstMonth.has(panel.citizen[r])) firstMonth.set(panel.citizen[r], panel.month[r]);
    const arrivals = [...firstMonth.values()].filter((m) => m === 10).length;
    expect(arrivals).toBe(40);
    expect(panel.citizens).toBe(3000 + 40 * 35);
  });
  it('gives the same panel for the same seed, another for another', () => {
    const again = synthPanel(synthModel(), { seed: '3' });
    expect(again.state).toEqual(panel.state);
    expect(synthPanel(synthModel(), { seed: '4' }).state).not.toEqual(panel.state);
  });
  it('writes CSV that reads back to the same panel', () => {
    const csv = [...panelToCSV(panel)].join('');
    const { panel: back, report } = readPanel(csv, identityStateMap(synthModel()), { columns: ['group'] });
    expect(report.kept).toBe(panel.citizen.length);
    expect(back.state).toEqual(panel.state);
    expect(back.month).toEqual(panel.month);
    expect(back.citizen).toEqual(panel.citizen);
    expect(back.firstMonth).toBe(panel.firstMonth);
  });
});

describe('forlob synth', () => {
  it('writes a panel file', () => {
    const dir = tempDir();
    const model = join(dir, 'model.json');
    const out = join(dir, 'panel.csv');
    writeFileSync(model, JSON.stringify(synthModel()));
    const r = cli(['synth', model, '--months', '12', '--seed', '5', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,month,status,group');
    expect(lines[1]).toBe('p000001,2020-01,kh,kh');
    expect(lines.length - 1).toBe(3000 * 12 + (40 * (11 * 12)) / 2);
  });
});
