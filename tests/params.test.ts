/**
 * Uncertain parameters: the distributions' exact moments and quantiles against reference
 * values (scipy), seeded sampling against the exact moments within Monte Carlo error,
 * validation, and the prior-building helpers' round trips.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it, vi } from 'vitest';
import {
  checkDistribution,
  distCdf,
  distMean,
  distQuantile,
  distVariance,
  sampler,
  type Distribution,
} from '../src/params/distribution.js';
import { distributionSchema } from '../src/params/schemas.js';
import { betaFromCounts, betaFromMeanInterval, lognormalFromInterval } from '../src/params/fit.js';
import {
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from '../src/params/special.js';

const EXAMPLES: Distribution[] = [
  { dist: 'beta', alpha: 20, beta: 80 },
  { dist: 'beta', alpha: 0.5, beta: 0.7 },
  { dist: 'gamma', shape: 4, scale: 2500 },
  { dist: 'gamma', shape: 0.4, scale: 3 },
  { dist: 'lognormal', mu: 0.293, sigma: 0.22 },
  { dist: 'normal', mean: -3, sd: 2 },
  { dist: 'uniform', min: 0.8, max: 1.2 },
  { dist: 'triangular', min: 0.5, mode: 0.8, max: 1.5 },
  { dist: 'triangular', min: 0, mode: 0, max: 1 },
];

describe('special functions', () => {
  it('match reference values', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 14);
    expect(logGamma(1e6) / 12815504.569147611).toBeCloseTo(1, 15);
    expect(regularizedBeta(0.2, 2, 5)).toBeCloseTo(0.34464, 14);
    // Large shapes, where ln Γ differences would lose digits: scipy betainc(3e5, 7e5, 0.3).
    expect(regularizedBeta(0.3, 3e5, 7e5)).toBeCloseTo(0.5001160751415759, 12);
    expect(regularizedGammaP(1, 1)).toBeCloseTo(1 - Math.exp(-1), 14);
    expect(regularizedGammaP(40, 50)).toBeCloseTo(0.935429631078867, 14);
    expect(regularizedGammaQ(0.5, 2)).toBeCloseTo(0.04550026389635842, 15);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080407, 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('quantiles', () => {
  it('match known values', () => {
    expect(distQuantile({ dist: 'beta', alpha: 2, beta: 5 }, 0.5)).toBeCloseTo(0.26444998329566, 12);
    expect(distQuantile({ dist: 'gamma', shape: 2, scale: 1 }, 0.5)).toBeCloseTo(1.678346990016661, 12);
    expect(distQuantile({ dist: 'normal', mean: 0, sd: 1 }, 0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(distQuantile({ dist: 'normal', mean: 10, sd: 2 }, 0.025)).toBeCloseTo(10 - 2 * 1.959963984540054, 13);
    expect(distQuantile({ dist: 'beta', alpha: 300, beta: 700 }, 0.025)).toBeCloseTo(0.27199835569079106, 12);
    expect(distQuantile({ dist: 'gamma', shape: 50, scale: 3 }, 0.999)).toBeCloseTo(224.1738791685583, 9);
    expect(distQuantile({ dist: 'gamma', shape: 0.3, scale: 2 }, 0.001) / 1.3945398193566689e-10).toBeCloseTo(1, 10);
    expect(distQuantile({ dist: 'beta', alpha: 0.1, beta: 1 }, 0.01) / 1e-20).toBeCloseTo(1, 10); // x^0.1 = 0.01
    expect(distQuantile({ dist: 'lognormal', mu: 0.3, sigma: 0.2 }, 0.9)).toBeCloseTo(1.74422496892179, 13);
    expect(distQuantile({ dist: 'uniform', min: 2, max: 6 }, 0.25)).toBe(3);
    expect(distQuantile({ dist: 'triangular', min: 0, mode: 1, max: 4 }, 0.5)).toBeCloseTo(4 - Math.sqrt(6), 14);
  });

  it('invert the CDF, with the support at p = 0 and 1', () => {
    for (const d of EXAMPLES) {
      for (const p of [0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999])
        expect(distCdf(d, distQuantile(d, p))).toBeCloseTo(p, 10);
    }
    expect(distQuantile({ dist: 'beta', alpha: 2, beta: 3 }, 0)).toBe(0);
    expect(distQuantile({ dist: 'beta', alpha: 2, beta: 3 }, 1)).toBe(1);
    expect(distQuantile({ dist: 'gamma', shape: 2, scale: 3 }, 1)).toBe(Infinity);
    expect(distQuantile({ dist: 'triangular', min: 1, mode: 2, max: 5 }, 1)).toBe(5);
    expect(() => distQuantile({ dist: 'normal', mean: 0, sd: 1 }, 1.2)).toThrow(RangeError);
  });
});

describe('exact moments', () => {
  it('are the textbook formulas', () => {
    expect(distMean({ dist: 'beta', alpha: 20, beta: 80 })).toBe(0.2);
    expect(distVariance({ dist: 'beta', alpha: 20, beta: 80 })).toBeCloseTo((0.2 * 0.8) / 101, 15);
    expect(distMean({ dist: 'gamma', shape: 4, scale: 2500 })).toBe(10000);
    expect(distVariance({ dist: 'gamma', shape: 4, scale: 2500 })).toBe(25e6);
    expect(distMean({ dist: 'lognormal', mu: 0, sigma: 1 })).toBeCloseTo(Math.exp(0.5), 15);
    expect(distVariance({ dist: 'lognormal', mu: 0, sigma: 1 })).toBeCloseTo((Math.E - 1) * Math.E, 14);
    expect(distVariance({ dist: 'uniform', min: 0, max: 1 })).toBeCloseTo(1 / 12, 15);
    expect(distMean({ dist: 'triangular', min: 0, mode: 1, max: 2 })).toBe(1);
    expect(distVariance({ dist: 'triangular', min: 0, mode: 1, max: 2 })).toBeCloseTo(1 / 6, 15);
  });
});

describe('sampler', () => {
  it('draws means and variances within 4 Monte Carlo standard errors of the exact values', () => {
    const n = 40000;
    for (const d of EXAMPLES) {
      const rng = seedrandom(`x:${d.dist}`);
      const draw = sampler(d, () => rng.double());
      const xs = Array.from({ length: n }, draw);
      const mean = xs.reduce((a, x) => a + x, 0) / n;
      const sq = xs.map((x) => (x - mean) ** 2);
      const variance = sq.reduce((a, x) => a + x, 0) / (n - 1);
      const seVar = Math.sqrt(sq.reduce((a, x) => a + (x - variance) ** 2, 0) / (n - 1) / n);
      expect(Math.abs(mean - distMean(d)), `${JSON.stringify(d)} mean`).toBeLessThan(
        4 * Math.sqrt(distVariance(d) / n),
      );
      expect(Math.abs(variance - distVariance(d)), `${JSON.stringify(d)} variance`).toBeLessThan(4 * seVar);
    }
  });

  it('is a function of the source alone, never Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const run = (d: Distribution) => {
      const rng = seedrandom('same');
      const draw = sampler(d, () => rng.double());
      return [draw(), draw(), draw()];
    };
    for (const d of EXAMPLES) expect(run(d)).toEqual(run(d));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('keeps draws inside the support', () => {
    const rng = seedrandom('support');
    const draw = sampler({ dist: 'triangular', min: 1, mode: 1.2, max: 2 }, () => rng.double());
    for (let i = 0; i < 2000; i++) {
      const x = draw();
      expect(x).toBeGreaterThanOrEqual(1);
      expect(x).toBeLessThanOrEqual(2);
    }
  });
});

describe('validation', () => {
  it('accepts the JSON shapes, with label and source', () => {
    const d = { dist: 'beta', alpha: 20, beta: 80, label: 'fsm effect', source: 'Jobindsats 2024' };
    expect(distributionSchema.parse(d)).toEqual(d);
    for (const e of EXAMPLES) expect(distributionSchema.safeParse(e).success).toBe(true);
  });

  it('rejects unknown keys, non-positive shapes and unknown kinds', () => {
    expect(distributionSchema.safeParse({ dist: 'beta', alpha: 20, beta: 80, mean: 0.2 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: 'beta', alpha: 0, beta: 80 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: 'normal', mean: 0, sd: -1 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: 'gamma', shape: 2, rate: 1 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: 'weibull', shape: 2, scale: 1 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: 'normal', mean: Infinity, sd: 1 }).success).toBe(false);
  });

  it('locates cross-field problems', () => {
    expect(checkDistribution({ dist: 'uniform', min: 2, max: 1 }, 'parameters.x')).toEqual([
      { path: 'parameters.x.max', message: 'expected max above min (2), got 1' },
    ]);
    expect(checkDistribution({ dist: 'triangular', min: 0, mode: 3, max: 2 }, '(root)').map((p) => p.path)).toEqual([
      'mode',
    ]);
    expect(checkDistribution({ dist: 'triangular', min: 1, mode: 1, max: 1 }, 'a').map((p) => p.path)).toEqual([
      'a.max',
    ]);
    expect(checkDistribution({ dist: 'triangular', min: 0, mode: 0, max: 1 }, 'a')).toEqual([]);
    expect(checkDistribution({ dist: 'beta', alpha: 1, beta: 1 }, 'a')).toEqual([]);
  });
});

describe('fitting priors', () => {
  it('betaFromMeanInterval keeps the mean and reproduces the interval within 0.002', () => {
    for (const [mean, lo, hi, level] of [
      [0.3, 0.25, 0.35, 0.95],
      [0.05, 0.01, 0.12, 0.95],
      [0.5, 0.49, 0.51, 0.95],
      [0.6, 0.45, 0.74, 0.9],
    ]) {
      const d = betaFromMeanInterval(mean, lo, hi, level);
      expect(distMean(d)).toBeCloseTo(mean, 12);
      expect(Math.abs(distQuantile(d, (1 - level) / 2) - lo)).toBeLessThan(0.002);
      expect(Math.abs(distQuantile(d, (1 + level) / 2) - hi)).toBeLessThan(0.002);
    }
  });

  it('betaFromMeanInterval recovers a Beta from its own interval', () => {
    const d = { dist: 'beta', alpha: 30, beta: 70 } as const;
    const fit = betaFromMeanInterval(0.3, distQuantile(d, 0.025), distQuantile(d, 0.975));
    expect(fit.alpha).toBeCloseTo(30, 3);
    expect(fit.beta).toBeCloseTo(70, 3);
  });

  it('betaFromCounts is the posterior after the counts', () => {
    const d = betaFromCounts(122, 400);
    expect(d).toEqual({ dist: 'beta', alpha: 123, beta: 279 });
    expect(distMean(d)).toBeCloseTo(123 / 402, 15);
    expect(betaFromCounts(0, 10, { alpha: 0.5, beta: 0.5 })).toEqual({ dist: 'beta', alpha: 0.5, beta: 10.5 });
  });

  it('lognormalFromInterval carries a ratio and its confidence interval', () => {
    const d = lognormalFromInterval(0.86, 2.1);
    expect(Math.exp(d.mu)).toBeCloseTo(Math.sqrt(0.86 * 2.1), 14);
    expect(distQuantile(d, 0.025)).toBeCloseTo(0.86, 12);
    expect(distQuantile(d, 0.975)).toBeCloseTo(2.1, 12);
    const d90 = lognormalFromInterval(0.86, 2.1, 0.9);
    expect(distQuantile(d90, 0.05)).toBeCloseTo(0.86, 12);
  });

  it('throws for impossible inputs', () => {
    expect(() => betaFromMeanInterval(0.4, 0.25, 0.35)).toThrow(/mean 0.4 strictly inside/);
    expect(() => betaFromMeanInterval(0.3, 0, 0.35)).toThrow(/inside \(0, 1\)/);
    expect(() => betaFromMeanInterval(0.3, 0.25, 0.35, 95)).toThrow(/level/);
    expect(() => betaFromCounts(401, 400)).toThrow(/successes between 0 and n/);
    expect(() => betaFromCounts(-1, 400)).toThrow(/successes/);
    expect(() => betaFromCounts(1, 4, { alpha: 0, beta: 1 })).toThrow(/prior/);
    expect(() => lognormalFromInterval(2.1, 0.86)).toThrow(/0 < lo < hi/);
    expect(() => lognormalFromInterval(0, 2)).toThrow(/0 < lo < hi/);
  });
});
