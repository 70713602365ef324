/**
 * Alignment (issue 16, item 3): a known factor is recovered; the aligned model's simulated
 * stock hits the target within its Monte Carlo error; bad targets name the flag.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignModel, type AlignTarget } from '../src/analysis/align.js';
import { fitModel } from '../src/fit/estimate.js';
import { simulate } from '../src/index.js';
import type { ModelSpec } from '../src/model/types.js';
import type { ModelInput } from '../src/params/input.js';
import { panelToCSV } from '../src/fit/panel.js';
import { identityStateMap, synthPanel } from '../src/synth/synth.js';
import { exactOccupancy } from './exact.js';
import { synthModel } from './fit-models.js';
import { cli, problemsOf, tempDir } from './helpers.js';

/** kh's row with its exit hazards times f, by the competing-risks rule written out here. */
function hazardScaled(row: Record<string, number>, f: number): Record<string, number> {
  const P = Object.values(row).reduce((a, b) => a + b, 0);
  const P2 = 1 - (1 - P) ** f;
  return Object.fromEntries(Object.entries(row).map(([to, p]) => [to, (P2 * p) / P]));
}

const closed = (kh: Record<string, number>): ModelSpec => ({
  name: 'closed',
  horizonMonths: 24,
  start: '2024-01',
  states: [
    { id: 'kh', kind: 'benefit' },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh, job: { kh: 0.01 } },
  groups: [{ id: 'kh', size: 1000, initialState: 'kh' }],
  scenarios: [{ id: 'base' }],
});

describe('alignModel: known answers', () => {
  const row = { job: 0.06, out: 0.02 };
  // The halved model's exact stock (matrix powers in tests/exact.ts, independent of align).
  const halved = exactOccupancy(closed(hazardScaled(row, 0.5))).base.mean;

  it('recovers a factor of ½ on the stock of kh', () => {
    const target = halved[0][12]; // kh at month 12 = 2025-01
    const { factors, model } = alignModel(closed(row) as ModelInput, [{ state: 'kh', count: target, at: '2025-01' }]);
    expect(factors[0].factor).toBeCloseTo(0.5, 8);
    expect(factors[0].month).toBe(12);
    expect(factors[0].after).toBeCloseTo(target, 6);
    expect(factors[0].before).toBeCloseTo(exactOccupancy(closed(row)).base.mean[0][12], 6);
    expect(model.duration).toEqual({ clock: 'state', bands: [0], hazardRatios: { kh: [factors[0].factor] } });
    expect(model.description).toMatch(/Aligned: kh=.*@2025-01: exit hazards of kh × 0\.5000/);
    // The factor written into the model is the one solved for: aligning again changes nothing.
    const again = alignModel(model, [{ state: 'kh', count: target, at: 12 }]).factors[0];
    expect(again.before).toBeCloseTo(target, 6);
    expect(again.factor).toBeCloseTo(1, 8);
  });

  it('recovers a factor of ½ on the success share after N months', () => {
    const share = halved[1][18] / 1000;
    const { factors } = alignModel(closed(row) as ModelInput, [{ success: share, at: 18 }]);
    expect(factors[0].states).toEqual(['kh']);
    expect(factors[0].factor).toBeCloseTo(0.5, 8);
  });

  it('recovers two factors at once (½ on kh, 2 on job: targets on disjoint states)', () => {
    const both = exactOccupancy({
      ...closed(hazardScaled(row, 0.5)),
      transitions: { kh: hazardScaled(row, 0.5), job: hazardScaled({ kh: 0.01 }, 2) },
    }).base.mean;
    const { factors } = alignModel(closed(row) as ModelInput, [
      { state: 'kh', count: both[0][12], at: 12 },
      { success: both[1][20] / 1000, at: 20, scale: ['job'] },
    ]);
    expect(factors.map((f) => f.factor)).toEqual([expect.closeTo(0.5, 7), expect.closeTo(2, 7)]);
  });

  it('scales fitted duration bands and rows consistently (the aligned model validates and its simulated stock hits the target)', async () => {
    // A model with duration bands, inflow and an intervention on part of the group: the
    // expected chain must follow the engine's rules; checked against the simulation.
    const model: ModelInput = {
      ...synthModel(),
      horizonMonths: 18,
      groups: [
        { id: 'kh', size: 2000, initialState: 'kh', inflow: { perMonth: 30.5 } },
        { id: 'old', size: 1000, initialState: 'kh', initialDurationMonths: 9 },
      ],
      interventions: [{ id: 'push', effects: { kh: { job: { riskRatio: 1.3 } } } }],
      scenarios: [{ id: 'base', allocation: { kh: { push: 0.4 } } }],
    };
    const target = 1500;
    const { model: aligned, factors } = alignModel(model, [{ state: 'kh', count: target, at: 12 }]);
    expect(aligned.duration!.hazardRatios.kh).toEqual([factors[0].factor, 0.5 * factors[0].factor]);
    const R = 200;
    const res = await simulate(aligned, { replicates: R, seed: 'align', occupancy: true });
    const occ = res.raw.occupancy!;
    const S = 3;
    const H = 18;
    const xs = Array.from({ length: R }, (_, r) => occ[(r * S + 0) * (H + 1) + 12]);
    const mean = xs.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (R - 1));
    expect(Math.abs(mean - target)).toBeLessThan(4 * (sd / Math.sqrt(R)));
  });

  it('aligns a fitted model (Dirichlet rows, lognormal duration bands): it validates and runs', async () => {
    const panel = synthPanel(synthModel(), { seed: '7', months: 24, start: '2023-01' });
    const { model } = fitModel(panel, { bands: [0, 6], horizonMonths: 12 });
    // 10 % fewer on kh in June 2025 than in December 2024, month 0 (the panel's last)
    const now = model.groups.reduce((n, g) => n + (g.initialState === 'kh' ? (g.size as number) : 0), 0);
    const { model: aligned, factors } = alignModel(model, [{ state: 'kh', count: 0.9 * now, at: '2025-06' }]);
    expect(factors[0].month).toBe(6);
    expect(factors[0].factor).toBeGreaterThan(1);
    // The first band's ratio against the reference is a component of a joint log-normal: its
    // log mean moved by log f, and the reference band's ratio (1) became f.
    const ref = model.duration!.hazardRatios!.kh[0] as { param: string; component: string };
    type Mv = { mean: number[]; components: string[] };
    const before = model.parameters![ref.param] as unknown as Mv;
    const after = aligned.parameters![ref.param] as unknown as Mv;
    const k = before.components.indexOf(ref.component);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(after.mean[k] - before.mean[k]).toBeCloseTo(Math.log(factors[0].factor), 12);
    expect(aligned.duration!.hazardRatios!.kh[1]).toBeCloseTo(factors[0].factor, 12);
    const res = await simulate(aligned, { replicates: 5, seed: '1' });
    expect(res.scenarios[0].metrics.successRate.mean).toBeGreaterThan(0);
  });
});

describe('alignModel: bad targets name the flag', () => {
  const model = closed({ job: 0.06, out: 0.02 }) as ModelInput;
  const bad = (t: AlignTarget) => problemsOf(() => alignModel(model, [t], { path: '--align' }));
  it('unknown state', () => {
    const p = bad({ state: 'kx', count: 10, at: 3 });
    expect(p[0].path).toBe('--align[0].state');
    expect(p[0].message).toMatch(/unknown state "kx".*kh, job, out/);
  });
  it('month out of range', () => {
    expect(bad({ state: 'kh', count: 10, at: '2027-01' })[0].message).toMatch(
      /month 36 is out of range: expected 1 … 24/,
    );
    expect(bad({ state: 'kh', count: 10, at: 0 })[0].path).toBe('--align[0].at');
  });
  it('share outside 0–1', () => {
    expect(bad({ success: 1.2, at: 3 })[0].message).toMatch(/expected a share from 0 to 1/);
  });
  it('unreachable target', () => {
    const p = bad({ state: 'kh', count: 1001, at: 3 });
    expect(p[0].path).toBe('--align[0]');
    expect(p[0].message).toMatch(/out of reach/);
  });
});

describe('forlob fit --align', () => {
  const dir = tempDir();
  const csv = join(dir, 'panel.csv');
  const map = join(dir, 'map.json');
  const est = join(dir, 'estimates.json');
  const out = join(dir, 'fitted.json');
  writeFileSync(csv, [...panelToCSV(synthPanel(synthModel(), { seed: '3', months: 18, start: '2023-01' }))].join(''));
  writeFileSync(map, JSON.stringify(identityStateMap(synthModel())));

  it('reports the factor on stderr, in --estimates and in the description; the model hits the target', () => {
    const r = cli([
      'fit',
      csv,
      '--states',
      map,
      '--horizon',
      '12',
      '--align',
      'success=45%@2024-12',
      '--estimates',
      est,
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const { alignment } = JSON.parse(readFileSync(est, 'utf8'));
    expect(alignment).toHaveLength(1);
    expect(alignment[0]).toMatchObject({ target: 'success=45%@2024-12', states: ['kh'], month: 6, value: 0.45 });
    expect(alignment[0].after).toBeCloseTo(0.45, 8);
    expect(r.stderr).toContain(
      `forlob: aligned success=45%@2024-12: exit hazards of kh × ${alignment[0].factor.toPrecision(4)}`,
    );
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.description).toContain('Aligned: success=45%@2024-12');
    // the written model, aligned again, needs no further factor
    expect(alignModel(model, [{ success: 0.45, at: 6 }]).factors[0].factor).toBeCloseTo(1, 8);
  });

  it('names the flag for bad targets', () => {
    const bad = (t: string) => cli(['fit', csv, '--states', map, '--align', t]).stderr;
    expect(bad('kh:1800')).toContain('forlob: --align[0]: expected STATE=COUNT@MONTH or success=SHARE@MONTH');
    expect(bad('kx=100@3')).toContain('--align[0].state: kx=100@3: unknown state "kx" (expected one of kh, job, out)');
    expect(bad('success=0.5@3,kh=10@99')).toContain('--align[1].at: kh=10@99: month 99 is out of range');
    expect(bad('success=1.5@3')).toContain('--align[0].success: success=1.5@3: expected a share from 0 to 1');
  });
});
