/**
 * The Poisson regression (fit/poisson.ts) against independent maximum-likelihood fits: the
 * closed form of a saturated model, and for a main-effects model a separately written
 * Newton solve on the log-likelihood whose Hessian is taken by finite differences of the
 * score (not the IRLS weights), its standard errors from that numerical information.
 */
import { describe, expect, it } from 'vitest';
import { poissonRegression } from '../src/fit/poisson.js';

describe('poissonRegression', () => {
  it('matches the closed form of a saturated model', () => {
    const y = [40, 25, 90];
    const E = [1000, 400, 3000];
    const fit = poissonRegression(
      [
        [1, 0, 0],
        [1, 1, 0],
        [1, 0, 1],
      ],
      y,
      E.map(Math.log),
    );
    const r = y.map((v, i) => v / E[i]);
    expect(fit.converged).toBe(true);
    expect(fit.coef[0]).toBeCloseTo(Math.log(r[0]), 9);
    expect(fit.coef[1]).toBeCloseTo(Math.log(r[1] / r[0]), 9);
    expect(fit.coef[2]).toBeCloseTo(Math.log(r[2] / r[0]), 9);
    expect(fit.se[0]).toBeCloseTo(Math.sqrt(1 / y[0]), 9);
    expect(fit.se[1]).toBeCloseTo(Math.sqrt(1 / y[0] + 1 / y[1]), 9);
    expect(fit.cov[1][2]).toBeCloseTo(1 / y[0], 9);
    expect(fit.deviance).toBeCloseTo(0, 9);
  });

  it('matches an independent Newton solve of a main-effects model to 1e-6', () => {
    // A 2 × 3 table (sex × duration band) with events and exposure; log μ = log E + a + sex + band.
    const cells = [
      [0, 0, 52, 2100],
      [0, 1, 31, 1800],
      [0, 2, 12, 1500],
      [1, 0, 71, 2300],
      [1, 1, 33, 1600],
      [1, 2, 20, 1700],
    ];
    const X = cells.map(([s, b]) => [1, s, b === 1 ? 1 : 0, b === 2 ? 1 : 0]);
    const y = cells.map((c) => c[2]);
    const off = cells.map((c) => Math.log(c[3]));
    const fit = poissonRegression(X, y, off);

    // The independent fit: score U(β) = Xᵀ(y − μ), Hessian by central differences of U.
    const p = 4;
    const score = (b: number[]) => {
      const u = new Array(p).fill(0);
      X.forEach((row, i) => {
        const mu = Math.exp(off[i] + row.reduce((s, x, j) => s + x * b[j], 0));
        for (let j = 0; j < p; j++) u[j] += row[j] * (y[i] - mu);
      });
      return u;
    };
    const hessian = (b: number[]) =>
      Array.from({ length: p }, (_, j) => {
        const h = 1e-5;
        const up = score(b.map((v, k) => (k === j ? v + h : v)));
        const dn = score(b.map((v, k) => (k === j ? v - h : v)));
        return up.map((v, k) => (v - dn[k]) / (2 * h));
      });
    const solve = (A: number[][], v: number[]) => {
      // Gauss–Jordan with partial pivoting on a copy.
      const M = A.map((row, i) => [...row, v[i]]);
      for (let c = 0; c < p; c++) {
        let piv = c;
        for (let r = c + 1; r < p; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
        [M[c], M[piv]] = [M[piv], M[c]];
        for (let r = 0; r < p; r++) {
          if (r === c) continue;
          const f = M[r][c] / M[c][c];
          for (let k = c; k <= p; k++) M[r][k] -= f * M[c][k];
        }
      }
      return M.map((row, i) => row[p] / row[i]);
    };
    let b = [Math.log(y.reduce((s, v) => s + v, 0) / cells.reduce((s, c) => s + c[3], 0)), 0, 0, 0];
    for (let it = 0; it < 50; it++) {
      const H = hessian(b);
      const step = solve(H, score(b));
      b = b.map((v, j) => v - step[j]);
      if (Math.max(...step.map(Math.abs)) < 1e-13) break;
    }
    const H = hessian(b);
    const se = Array.from({ length: p }, (_, j) => {
      const e = new Array(p).fill(0);
      e[j] = 1;
      return Math.sqrt(-solve(H, e)[j]);
    });
    for (let j = 0; j < p; j++) {
      expect(Math.abs(fit.coef[j] - b[j])).toBeLessThan(1e-6);
      expect(Math.abs(fit.se[j] - se[j])).toBeLessThan(1e-6);
    }
    // And the estimate solves the score equations.
    for (const u of score(fit.coef)) expect(Math.abs(u)).toBeLessThan(1e-8);
  });

  it('refuses collinear columns', () => {
    expect(() =>
      poissonRegression(
        [
          [1, 1],
          [1, 1],
        ],
        [3, 4],
        [0, 0],
      ),
    ).toThrow(/singular/);
  });
});
