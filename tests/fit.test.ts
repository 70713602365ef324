/**
 * Fitting a model to a register panel (fit/estimate.ts), known answers from synthetic
 * panels drawn from known models at fixed seeds: the generating rates, duration hazard
 * ratio and covariate risk ratio recovered within their standard errors; the reported
 * standard errors against the spread over repeated panels; the fitted model runs, holds no
 * panel id, and its uncertainty grows as the panel shrinks.
 */
import { describe, expect, it } from 'vitest';
import { fitModel } from '../src/fit/estimate.js';
import { panelToCSV, readPanel } from '../src/fit/panel.js';
import { simulate } from '../src/index.js';
import type { ModelInput } from '../src/params/input.js';
import type { MultivariateNormalDist } from '../src/params/joint.js';
import { identityStateMap, synthPanel } from '../src/synth/synth.js';
import { sexModel, synthModel } from './fit-models.js';

const within = (estimate: number, truth: number, se: number, k = 3) =>
  expect(Math.abs(estimate - truth), `${estimate} vs ${truth} (se ${se})`).toBeLessThan(k * se);

describe('fitModel: counts and duration', () => {
  const panel = synthPanel(synthModel(), { seed: '11' });
  const { model, estimates } = fitModel(panel, { bands: [0, 6] });

  it('recovers the band-0 monthly rates within their standard errors', () => {
    const cell = (from: string, band: number) => estimates.cells.find((c) => c.from === from && c.band === band)!;
    const kh = cell('kh', 0);
    for (const [to, p] of [
      ['job', 0.06],
      ['out', 0.02],
    ] as const) {
      const n = kh.events[to];
      within(n / kh.exposure, p, Math.sqrt(n) / kh.exposure);
    }
    const job = cell('job', 0);
    within(job.events.kh / job.exposure, 0.01, Math.sqrt(job.events.kh) / job.exposure);
  });

  it("recovers the duration hazard ratio as part of the row's joint distribution", () => {
    // The reference band is the one with the most months at risk; the other is scaled against it.
    const hr = model.duration!.hazardRatios.kh;
    const ref = hr.indexOf(1);
    const other = 1 - ref;
    const d = model.parameters!['rows/kh'] as MultivariateNormalDist;
    const band = `band ${[0, 6][other]}`;
    expect(d.components).toEqual(['job', 'out', band]);
    expect(hr[other]).toEqual({ param: 'rows/kh', component: band });
    within(d.mean[2], Math.log(other === 1 ? 0.5 : 2), Math.sqrt(d.covariance[2][2]));
    expect(model.duration!.bands).toEqual([0, 6]);
    // job has no duration dependence in the generating model.
    const j = model.parameters!['rows/job'] as MultivariateNormalDist;
    expect(j.components).toEqual(['kh', 'band 0']);
    within(j.mean[1], 0, Math.sqrt(j.covariance[1][1]));
  });

  it("makes each band's rates carry only that band's counts: the reference row's Dirichlet log-moments, the other band independent of it", () => {
    const d = model.parameters!['rows/kh'] as MultivariateNormalDist;
    const ref = model.duration!.hazardRatios.kh.indexOf(1);
    const e = estimates.cells.find((c) => c.from === 'kh' && c.band === ref)!;
    const o = estimates.cells.find((c) => c.from === 'kh' && c.band === 1 - ref)!;
    // Dirichlet(counts + ½): mean α_d/α₀, Var(log p_d) = ψ′(α_d) − ψ′(α₀) ≈ 1/α_d − 1/α₀.
    const alpha = [e.events.job + 0.5, e.events.out + 0.5];
    const a0 = e.exposure + 1.5;
    alpha.forEach((a, k) => {
      const v = d.covariance[k][k];
      expect(Math.exp(d.mean[k] + v / 2) / (a / a0) - 1).toBeLessThan(1 / a);
      expect(Math.abs(v / (1 / a - 1 / a0) - 1)).toBeLessThan(2 / a);
    });
    // log h of the reference band (delta method) and of the other band = log HR + log h_ref.
    const p = alpha.map((a) => a / a0);
    const q = p[0] + p[1];
    const g = q / ((1 - q) * -Math.log(1 - q));
    const a = [(g * p[0]) / q, (g * p[1]) / q, 0];
    const b = [a[0], a[1], 1];
    const cov = (x: number[], y: number[]) =>
      x.reduce((t, xi, i) => t + y.reduce((u, yj, j) => u + xi * d.covariance[i][j] * yj, 0), 0);
    // The other band's hazard: its own exits' spread (about 1/exits), uncorrelated with the reference band's.
    const exits = o.events.job + o.events.out;
    expect(Math.abs(cov(b, b) / (1 / exits) - 1)).toBeLessThan(0.1);
    expect(Math.abs(cov(a, b)) / Math.sqrt(cov(a, a) * cov(b, b))).toBeLessThan(0.02);
  });

  it('makes the stock at the last month and the inflow', () => {
    const lastMonth = panel.months - 1;
    let onKh = 0;
    for (let r = 0; r < panel.month.length; r++) if (panel.month[r] === lastMonth && panel.state[r] === 0) onKh++;
    expect(model.groups.filter((g) => g.initialState === 'kh').reduce((t, g) => t + (g.size as number), 0)).toBe(onKh);
    const inflow = model.groups.find((g) => g.inflow)!;
    expect(inflow.id).toBe('kh/d0');
    // 40 a month arrive in months 1 … 35: Gamma(40 · 35 + ½, 1/35).
    expect(inflow.inflow!.perMonth).toMatchObject({ dist: 'gamma', shape: 1400.5, scale: 1 / 35 });
    expect(model.start).toBe('2022-12');
  });

  it('gives a model that runs', async () => {
    const r = await simulate(model, { replicates: 20, seed: '1' });
    expect(r.scenarios[0].id).toBe('fitted');
    expect(r.scenarios[0].metrics.successRate.mean).toBeGreaterThan(0);
  });

  it('holds no id of the panel', () => {
    const csv = [...panelToCSV(panel, { idPrefix: 'CPR-0101' })].join('');
    const { panel: read } = readPanel(csv, identityStateMap(synthModel()));
    const text = JSON.stringify(fitModel(read, { bands: [0, 6] }));
    expect(csv).toContain('CPR-0101');
    expect(text).not.toContain('CPR-0101');
    expect(text).not.toMatch(/CPR/);
  });
});

describe('fitModel: standard errors', () => {
  it('match the spread of the estimates over 100 synthetic panels within 15 %', () => {
    const small = { ...synthModel(), duration: undefined, groups: [{ id: 'kh', size: 400, initialState: 'kh' }] };
    const rates: number[] = [];
    const ses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const { estimates } = fitModel(synthPanel(small, { seed: `se-${i}`, months: 24 }));
      const kh = estimates.cells.find((c) => c.from === 'kh')!;
      rates.push(kh.events.job / kh.exposure);
      ses.push(Math.sqrt(kh.events.job) / kh.exposure);
    }
    const mean = rates.reduce((t, x) => t + x, 0) / rates.length;
    const sd = Math.sqrt(rates.reduce((t, x) => t + (x - mean) ** 2, 0) / (rates.length - 1));
    const se = ses.reduce((t, x) => t + x, 0) / ses.length;
    expect(Math.abs(sd / se - 1)).toBeLessThan(0.15);
    within(mean, 0.06, sd / Math.sqrt(rates.length));
  });
});

describe('fitModel: covariates by Poisson regression', () => {
  const panel = synthPanel(sexModel(), { seed: '5', columns: { sex: { f: 'f', m: 'm' } } });
  const { model, estimates } = fitModel(panel, { classes: ['sex'], regression: true });
  const reg = estimates.regressions.find((r) => r.from === 'kh' && r.to === 'job')!;
  it('recovers the rate of the reference class and the risk ratio of the other', () => {
    const [intercept, men] = reg.coefficients;
    expect(men.name).toBe('sex=m');
    within(intercept.estimate, Math.log(0.07), intercept.se);
    within(men.estimate, Math.log(0.05 / 0.07), men.se);
    const out = estimates.regressions.find((r) => r.from === 'kh' && r.to === 'out')!;
    within(out.coefficients[1].estimate, 0, out.coefficients[1].se);
  });
  it('carries them as a multivariate lognormal: reference rate and class risk ratio', async () => {
    const d = model.parameters!['rates/kh/job'] as MultivariateNormalDist;
    expect(d.components).toEqual(['(reference)', 'm']);
    expect(d.mean).toEqual([reg.coefficients[0].estimate, reg.coefficients[1].estimate]);
    expect(d.covariance[1][1]).toBeCloseTo(reg.coefficients[1].se ** 2, 12);
    expect(model.interventions).toEqual([
      {
        id: 'rates/m',
        label: 'the fitted rates of class m',
        effects: {
          kh: {
            job: { riskRatio: { param: 'rates/kh/job', component: 'm' } },
            out: { riskRatio: { param: 'rates/kh/out', component: 'm' } },
          },
          job: { kh: { riskRatio: { param: 'rates/job/kh', component: 'm' } } },
        },
      },
    ]);
    expect(model.groups.map((g) => g.id)).toEqual(['kh/f', 'kh/m', 'job/f', 'job/m', 'out/f', 'out/m']);
    const r = await simulate(model, { replicates: 20, seed: '1' });
    expect(r.scenarios[0].groups.map((g) => g.id)).toContain('kh/m:inflow');
  });
});

describe('fitModel: bands on the benefit clock', () => {
  // Exits from kh halve after 12 months on benefit in all, counted across jobs in between
  // (job → kh returns are frequent), so the state clock would not see it.
  const truth: ModelInput = {
    name: 'benefit clock',
    horizonMonths: 48,
    states: [
      { id: 'kh', kind: 'benefit' },
      { id: 'job', kind: 'success' },
      { id: 'out', kind: 'exit' },
    ],
    transitions: { kh: { job: 0.08, out: 0.01 }, job: { kh: 0.06 } },
    duration: { clock: 'benefit', bands: [0, 12], hazardRatios: { kh: [1, 0.5] } },
    groups: [{ id: 'kh', size: 200, initialState: 'kh', inflow: { perMonth: 60 } }],
    scenarios: [{ id: 'base' }],
  };
  const panel = synthPanel(truth, { seed: '5' });

  it('recovers the hazard ratio of months on benefit within its standard error, and writes the clock', () => {
    const { model } = fitModel(panel, { bands: [0, 12], clock: 'benefit' });
    expect(model.duration!.clock).toBe('benefit');
    const hr = model.duration!.hazardRatios.kh;
    const ref = hr.indexOf(1);
    const d = model.parameters!['rows/kh'] as MultivariateNormalDist;
    const k = d.components.indexOf(`band ${[0, 12][1 - ref]}`);
    within(d.mean[k], Math.log(ref === 0 ? 0.5 : 2), Math.sqrt(d.covariance[k][k]));
    // The stock's months on benefit are the groups' starting point on that clock.
    expect(model.groups.some((g) => ((g.priorBenefitMonths as number | undefined) ?? 0) >= 12)).toBe(true);
    expect(model.groups.every((g) => g.initialDurationMonths === undefined)).toBe(true);
  });

  it('on the state clock the same panel shows a weaker duration effect', () => {
    const hrOf = (clock: 'state' | 'benefit') => {
      const { model } = fitModel(panel, { bands: [0, 12], clock });
      const hr = model.duration!.hazardRatios.kh;
      const ref = hr.indexOf(1);
      const d = model.parameters!['rows/kh'] as MultivariateNormalDist;
      const k = d.components.indexOf(`band ${[0, 12][1 - ref]}`);
      // log HR of the late band against the early one
      return ref === 0 ? d.mean[k] : -d.mean[k];
    };
    expect(hrOf('benefit')).toBeLessThan(hrOf('state'));
  });
});

describe('fitModel: a smaller panel, wider uncertainty', () => {
  it('gives a forecast whose interval widens when the panel shrinks, the population held the same', async () => {
    const fitted = (size: number) => {
      const m = { ...synthModel(), groups: [{ id: 'kh', size, initialState: 'kh', inflow: { perMonth: size / 75 } }] };
      return fitModel(synthPanel(m, { seed: '2' }), { bands: [0, 6], horizonMonths: 24 }).model;
    };
    const big = fitted(3000);
    // The small panel's rates on the big panel's population: the same chance, only the
    // estimation uncertainty differs (about √10 times the spread of the rates).
    const small = { ...fitted(300), groups: big.groups };
    const width = async (m: typeof big) => {
      const s = (await simulate(m, { replicates: 200, seed: 'w' })).scenarios[0].metrics.successRate;
      return s.hi! - s.lo!;
    };
    const [wide, narrow] = [await width(small), await width(big)];
    expect(wide / narrow).toBeGreaterThan(1.8);
  });

  it('gives rows whose spread grows as the panel shrinks', () => {
    const sd = (size: number) => {
      const m = { ...synthModel(), groups: [{ id: 'kh', size, initialState: 'kh', inflow: { perMonth: size / 75 } }] };
      const row = fitModel(synthPanel(m, { seed: '2' }), { bands: [0, 6] }).model.parameters![
        'rows/kh'
      ] as MultivariateNormalDist;
      return Math.sqrt(row.covariance[0][0]);
    };
    const big = sd(3000);
    const small = sd(300);
    // Ten times fewer citizens: about √10 times the spread.
    expect(small / big).toBeGreaterThan(2.5);
    expect(small / big).toBeLessThan(4);
  });
});
