/**
 * Decisions under uncertainty: break-even against a closed-form answer, the tornado's
 * ranking, precision-targeted runs, and the split of variance into parameters and chance
 * against its exact value.
 */
import { describe, expect, it } from 'vitest';
import { breakEven } from '../src/analysis/breakeven.js';
import { sensitivity } from '../src/analysis/sensitivity.js';
import { simulate } from '../src/index.js';
import { oneMonthModel } from './models.js';

const N = 2000;
const oneMonth = oneMonthModel(N);

describe('break-even', () => {
  it('finds the exit probability giving a 30 % success rate (exact answer 0.3)', async () => {
    const b = await breakEven(oneMonth, {
      parameter: 'a',
      metric: 'successRate',
      scenario: 's',
      target: 0.3,
      replicates: 400,
      seed: 'be',
    });
    expect(b.value).not.toBeNull();
    expect(b.mcse!).toBeGreaterThan(0);
    // Binomial: se of the success rate is √(p(1−p)/(N·R)); the slope is 1.
    const se = Math.sqrt((0.3 * 0.7) / (N * 400));
    expect(Math.abs(b.value! - 0.3)).toBeLessThan(4 * se + 1e-4);
    expect(b.mcse!).toBeGreaterThan(0.5 * se);
    expect(b.mcse!).toBeLessThan(2 * se);
  });
  it('reports no crossing honestly', async () => {
    const b = await breakEven(oneMonth, { parameter: 'a', metric: 'successRate', target: 0.9, replicates: 50 });
    expect(b.value).toBeNull();
  });
});

describe('sensitivity', () => {
  it('ranks the parameter that drives the metric first, with its exact swing', async () => {
    const t = await sensitivity(oneMonth, { metric: 'successRate', scenario: 's', replicates: 300, seed: 't' });
    expect(t.rows.map((r) => r.parameter)).toEqual(['a', 'b']);
    // a's 2.5 % and 97.5 % quantiles are 0.11 and 0.49: the success rate follows them.
    expect(t.rows[0].low).toBeCloseTo(0.11, 10);
    expect(t.rows[0].high).toBeCloseTo(0.49, 10);
    expect(Math.abs(t.rows[0].swing - 0.38)).toBeLessThan(0.01);
    expect(t.rows[1].swing).toBeLessThan(t.rows[0].swing / 5);
  });
});

describe('precision-targeted runs', () => {
  it('adds replicates until every mean is precise enough', async () => {
    const res = await simulate(oneMonth, { replicates: 20, precision: 0.002, seed: 'p' });
    expect(res.replicates).toBeGreaterThan(20);
    expect(res.precision).toEqual({ target: 0.002, reached: true });
    const m = res.scenarios[0].metrics;
    expect(m.successRate.mcse).toBeLessThan(0.002);
    expect(m.transferCost.mcse! / m.transferCost.mean!).toBeLessThan(0.002);
    // The extended run is exactly the run with that many replicates from the start.
    const direct = await simulate(oneMonth, { replicates: res.replicates, seed: 'p' });
    expect(direct.scenarios[0].metrics.successRate).toEqual(m.successRate);
  });
});

describe('variance split', () => {
  it('matches Var(p) / (Var(p) + E[p(1−p)]/N) for a uniform exit probability', async () => {
    const R = 2000;
    const res = await simulate(
      { ...oneMonth, parameters: { a: { dist: 'uniform', min: 0.1, max: 0.5 }, b: 0.06 } },
      { replicates: R, seed: 'v' },
    );
    const varP = 0.4 ** 2 / 12;
    const mean = 0.3;
    const chance = (mean - (varP + mean * mean)) / N;
    const exact = varP / (varP + chance);
    const got = res.scenarios[0].varianceShares!.successRate.parameters;
    expect(Math.abs(got - exact)).toBeLessThan(0.02);
  });
});
