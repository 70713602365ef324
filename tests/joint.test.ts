/**
 * Joint distributions (params/joint.ts): a Dirichlet row and a multivariate normal drawn
 * together. Draws against the exact means and covariances within Monte Carlo error, the
 * marginals, the checks, and a model using a Dirichlet row through the parameters block.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import type { ModelInput } from '../src/params/input.js';
import { checkJoint, cholesky, jointMarginal, jointMean, jointSampler } from '../src/params/joint.js';
import { drawParameters, planModel } from '../src/params/plan.js';
import { problemsOf } from './helpers.js';

const N = 20_000;

describe('Dirichlet', () => {
  const d = { dist: 'dirichlet' as const, components: ['job', 'out', 'stay'], alpha: [12, 8, 180] };
  it('draws rows summing to 1 with the exact means and variances', () => {
    const rng = seedrandom('dir');
    const draw = jointSampler(d, () => rng.double());
    const sum = [0, 0, 0];
    const sq = [0, 0, 0];
    let cross = 0;
    for (let i = 0; i < N; i++) {
      const x = draw();
      expect(Math.abs(x[0] + x[1] + x[2] - 1)).toBeLessThan(1e-12);
      for (let k = 0; k < 3; k++) {
        sum[k] += x[k];
        sq[k] += x[k] * x[k];
      }
      cross += x[0] * x[1];
    }
    const a0 = 200;
    const mean = jointMean(d);
    for (let k = 0; k < 3; k++) {
      const m = d.alpha[k] / a0;
      expect(mean[k]).toBeCloseTo(m, 14);
      const v = (m * (1 - m)) / (a0 + 1);
      expect(Math.abs(sum[k] / N - m)).toBeLessThan(4 * Math.sqrt(v / N));
      // Variance within ~5 standard errors of a sample variance (kurtosis of a beta is small).
      const sv = sq[k] / N - (sum[k] / N) ** 2;
      expect(Math.abs(sv - v)).toBeLessThan(5 * v * Math.sqrt(3 / N));
    }
    // Cov(x_i, x_j) = −m_i m_j / (α0 + 1).
    const cov = cross / N - (sum[0] / N) * (sum[1] / N);
    const exact = -(0.06 * 0.04) / 201;
    expect(Math.abs(cov - exact)).toBeLessThan(0.15 * Math.abs(exact));
  });
  it('has beta marginals', () => {
    expect(jointMarginal(d, 0)).toEqual({ dist: 'beta', alpha: 12, beta: 188 });
  });
});

describe('multivariate normal', () => {
  const cov = [
    [0.04, 0.018, 0],
    [0.018, 0.09, -0.01],
    [0, -0.01, 0.01],
  ];
  const d = { dist: 'mvnormal' as const, components: ['a', 'b', 'c'], mean: [1, -2, 0.5], covariance: cov };
  it('Cholesky reproduces the matrix', () => {
    const L = cholesky(cov)!;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += L[i][k] * L[j][k];
        expect(s).toBeCloseTo(cov[i][j], 14);
      }
  });
  it('draws with the exact means and covariances', () => {
    const rng = seedrandom('mvn');
    const draw = jointSampler(d, () => rng.double());
    const xs = Array.from({ length: N }, () => draw());
    for (let i = 0; i < 3; i++) {
      const m = xs.reduce((s, x) => s + x[i], 0) / N;
      expect(Math.abs(m - d.mean[i])).toBeLessThan(4 * Math.sqrt(cov[i][i] / N));
      for (let j = 0; j <= i; j++) {
        const mj = xs.reduce((s, x) => s + x[j], 0) / N;
        const c = xs.reduce((s, x) => s + (x[i] - m) * (x[j] - mj), 0) / (N - 1);
        // Standard error of a sample covariance of normals: sqrt((σ_ii σ_jj + σ_ij²)/N).
        const se = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] ** 2) / N);
        expect(Math.abs(c - cov[i][j])).toBeLessThan(5 * se);
      }
    }
  });
  it('log: true gives lognormal components', () => {
    expect(jointMarginal({ ...d, log: true }, 1)).toEqual({ dist: 'lognormal', mu: -2, sigma: 0.3 });
    expect(jointMean({ ...d, log: true })[1]).toBeCloseTo(Math.exp(-2 + 0.045), 14);
  });
  it('refuses a matrix that is not a covariance', () => {
    expect(
      checkJoint(
        {
          ...d,
          covariance: [
            [1, 2, 0],
            [2, 1, 0],
            [0, 0, 1],
          ],
        },
        'parameters.b',
      ),
    ).toEqual([
      { path: 'parameters.b.covariance', message: 'expected a positive semi-definite matrix (a covariance)' },
    ]);
    expect(
      checkJoint(
        {
          ...d,
          covariance: [
            [1, 0],
            [0, 1],
          ],
        },
        'p',
      )[0].path,
    ).toBe('p.covariance');
    expect(checkJoint({ ...d, mean: [1] }, 'p')[0].path).toBe('p.mean');
  });
});

const rowModel = (): ModelInput => ({
  name: 'row',
  horizonMonths: 12,
  states: [
    { id: 'kh', kind: 'benefit' },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  parameters: { kh: { dist: 'dirichlet', components: ['job', 'out', 'stay'], alpha: [30, 20, 950] } },
  transitions: {
    kh: { job: { param: 'kh', component: 'job' }, out: { param: 'kh', component: 'out' } },
  },
  groups: [{ id: 'kh', size: 500, initialState: 'kh' }],
  scenarios: [{ id: 'base' }],
});

describe('a Dirichlet row in a model', () => {
  it('plans one parameter per component and draws them jointly', () => {
    const plan = planModel(rowModel());
    expect(plan.parameters.map((p) => p.name)).toEqual(['kh.job', 'kh.out', 'kh.stay']);
    expect(plan.point.transitions?.kh).toEqual({ job: 0.03, out: 0.02 });
    const v = drawParameters(plan, 's', 3);
    expect(v[0] + v[1] + v[2]).toBeCloseTo(1, 12);
  });
  it('runs, and the interval is wider than with the point row', async () => {
    const r = await simulate(rowModel(), { replicates: 200, seed: '1' });
    const point = structuredClone(rowModel());
    delete point.parameters;
    point.transitions = { kh: { job: 0.03, out: 0.02 } };
    const p = await simulate(point, { replicates: 200, seed: '1' });
    const width = (x: typeof r) => {
      const s = x.scenarios[0].metrics.successRate;
      return (s.hi as number) - (s.lo as number);
    };
    expect(width(r)).toBeGreaterThan(width(p));
  });
  it('names a bad component and a joint used inline', () => {
    const bad = rowModel();
    (bad.transitions!.kh as Record<string, unknown>).job = { param: 'kh', component: 'jobb' };
    expect(problemsOf(() => planModel(bad))[0]).toMatchObject({ path: 'transitions.kh.job.component' });
    const inline = rowModel();
    (inline.transitions!.kh as Record<string, unknown>).job = {
      dist: 'dirichlet',
      components: ['a', 'b'],
      alpha: [1, 2],
    };
    expect(problemsOf(() => planModel(inline))[0]).toMatchObject({ path: 'transitions.kh.job.dist' });
  });
});

describe('a joint component in words', () => {
  it('is worded by its marginal', async () => {
    const { modelWords } = await import('../src/format/model-words.js');
    const w = modelWords(rowModel(), 'en');
    // Beta(30, 970): median ≈ 0.030.
    expect(w.value({ param: 'kh', component: 'job' })).toMatch(/^kh job \(beta, median 0\.03/);
  });
});
