/**
 * Distributions of uncertain parameters: their JSON shapes, validation, seeded sampling,
 * and exact means, variances, CDFs and quantiles.
 *
 * Sampling goes through d3-random with a uniform source passed in, so a draw depends only
 * on the caller's seeded stream — never on `Math.random`.
 * @module
 */
import { randomBeta, randomGamma, randomLogNormal, randomNormal, randomUniform } from 'd3-random';
import type { Problem } from '../model/errors.js';
import { normalCdf, normalQuantile, regularizedBeta, regularizedGammaP } from './special.js';

/** Where a distribution came from: free text carried along for reports, never interpreted. */
export interface DistributionInfo {
  /** A short human-readable name, e.g. "effect of the mentor scheme on job exits". */
  label?: string;
  /** Where the numbers come from, e.g. a study, a table or "expert judgement". */
  source?: string;
}

/**
 * Beta(α, β) on (0, 1), for shares and probabilities; mean α/(α + β).
 *
 * @example
 * ```json
 * {"dist": "beta", "alpha": 20, "beta": 80}
 * ```
 */
export interface BetaDist extends DistributionInfo {
  /** Discriminator. */
  dist: 'beta';
  /** Shape α > 0 (think: successes + 1). */
  alpha: number;
  /** Shape β > 0 (think: failures + 1). */
  beta: number;
}

/**
 * Gamma with shape k and scale θ on (0, ∞), for positive quantities such as costs or
 * durations; mean kθ.
 *
 * @example
 * ```json
 * {"dist": "gamma", "shape": 4, "scale": 2500}
 * ```
 */
export interface GammaDist extends DistributionInfo {
  /** Discriminator. */
  dist: 'gamma';
  /** Shape k > 0. */
  shape: number;
  /** Scale θ > 0 (not the rate 1/θ). */
  scale: number;
}

/**
 * Lognormal: exp of Normal(μ, σ), for ratio effects (hazard, odds or risk ratios);
 * median e^μ.
 *
 * @example
 * ```json
 * {"dist": "lognormal", "mu": 0.293, "sigma": 0.22}
 * ```
 */
export interface LognormalDist extends DistributionInfo {
  /** Discriminator. */
  dist: 'lognormal';
  /** Mean μ of the log. */
  mu: number;
  /** Standard deviation σ > 0 of the log. */
  sigma: number;
}

/**
 * Normal(mean, sd).
 *
 * @example
 * ```json
 * {"dist": "normal", "mean": 0, "sd": 1}
 * ```
 */
export interface NormalDist extends DistributionInfo {
  /** Discriminator. */
  dist: 'normal';
  /** Mean. */
  mean: number;
  /** Standard deviation > 0. */
  sd: number;
}

/**
 * Uniform on [min, max].
 *
 * @example
 * ```json
 * {"dist": "uniform", "min": 0.8, "max": 1.2}
 * ```
 */
export interface UniformDist extends DistributionInfo {
  /** Discriminator. */
  dist: 'uniform';
  /** Lower end. */
  min: number;
  /** Upper end, above `min`. */
  max: number;
}

/**
 * Triangular on [min, max] with its peak at `mode`: the usual shape for "low, likely,
 * high" expert judgement.
 *
 * @example
 * ```json
 * {"dist": "triangular", "min": 0.5, "mode": 0.8, "max": 1.5}
 * ```
 */
export interface TriangularDist extends DistributionInfo {
  /** Discriminator. */
  dist: 'triangular';
  /** Lower end. */
  min: number;
  /** Most likely value, min ≤ mode ≤ max. */
  mode: number;
  /** Upper end, above `min`. */
  max: number;
}

/** An uncertain number's distribution, discriminated by `dist`. */
export type Distribution = BetaDist | GammaDist | LognormalDist | NormalDist | UniformDist | TriangularDist;

/**
 * The cross-field checks the schema cannot express: uniform and triangular need
 * min < max, triangular also min ≤ mode ≤ max. `path` locates the distribution (e.g.
 * `parameters.fsmEffect`); each problem names the offending field under it.
 *
 * @example
 * ```ts
 * checkDistribution({ dist: 'uniform', min: 2, max: 1 }, 'parameters.x');
 * // [{ path: 'parameters.x.max', message: 'expected max above min (2), got 1' }]
 * ```
 */
export function checkDistribution(d: Distribution, path: string): Problem[] {
  const at = (field: string) => (path === '' || path === '(root)' ? field : `${path}.${field}`);
  const problems: Problem[] = [];
  if (d.dist === 'uniform' || d.dist === 'triangular') {
    if (!(d.min < d.max))
      problems.push({ path: at('max'), message: `expected max above min (${d.min}), got ${d.max}` });
  }
  if (d.dist === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) {
    problems.push({
      path: at('mode'),
      message: `expected mode between min (${d.min}) and max (${d.max}), got ${d.mode}`,
    });
  }
  return problems;
}

/**
 * A generator of draws from `d`, taking its randomness from `source` (uniforms in [0, 1),
 * e.g. a seeded `seedrandom` stream). Beta, gamma, lognormal, normal and uniform use
 * d3-random; triangular inverts its CDF, one uniform per draw.
 *
 * @example
 * ```ts
 * const rng = seedrandom('42');
 * const draw = sampler({ dist: 'beta', alpha: 20, beta: 80 }, () => rng.double());
 * draw(); // a share near 0.2
 * ```
 */
export function sampler(d: Distribution, source: () => number): () => number {
  switch (d.dist) {
    case 'beta':
      return randomBeta.source(source)(d.alpha, d.beta);
    case 'gamma':
      return randomGamma.source(source)(d.shape, d.scale);
    case 'lognormal':
      return randomLogNormal.source(source)(d.mu, d.sigma);
    case 'normal':
      return randomNormal.source(source)(d.mean, d.sd);
    case 'uniform':
      return randomUniform.source(source)(d.min, d.max);
    case 'triangular':
      return () => triangularQuantile(d, source());
  }
}

/**
 * The exact mean of `d`.
 *
 * @example
 * ```ts
 * distMean({ dist: 'beta', alpha: 20, beta: 80 }); // 0.2
 * ```
 */
export function distMean(d: Distribution): number {
  switch (d.dist) {
    case 'beta':
      return d.alpha / (d.alpha + d.beta);
    case 'gamma':
      return d.shape * d.scale;
    case 'lognormal':
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'normal':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
  }
}

/**
 * The exact variance of `d`.
 *
 * @example
 * ```ts
 * distVariance({ dist: 'uniform', min: 0, max: 1 }); // 1/12
 * ```
 */
export function distVariance(d: Distribution): number {
  switch (d.dist) {
    case 'beta': {
      const c = d.alpha + d.beta;
      return (d.alpha * d.beta) / (c * c * (c + 1));
    }
    case 'gamma':
      return d.shape * d.scale * d.scale;
    case 'lognormal': {
      const s2 = d.sigma * d.sigma;
      return Math.expm1(s2) * Math.exp(2 * d.mu + s2);
    }
    case 'normal':
      return d.sd * d.sd;
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
  }
}

/**
 * The CDF of `d` at x: the probability of a draw ≤ x.
 *
 * @example
 * ```ts
 * distCdf({ dist: 'normal', mean: 0, sd: 1 }, 1.959963984540054); // 0.975
 * ```
 */
export function distCdf(d: Distribution, x: number): number {
  if (Number.isNaN(x)) return NaN;
  switch (d.dist) {
    case 'beta':
      return regularizedBeta(x, d.alpha, d.beta);
    case 'gamma':
      return regularizedGammaP(d.shape, x / d.scale);
    case 'lognormal':
      return x <= 0 ? 0 : normalCdf((Math.log(x) - d.mu) / d.sigma);
    case 'normal':
      return normalCdf((x - d.mean) / d.sd);
    case 'uniform':
      return x <= d.min ? 0 : x >= d.max ? 1 : (x - d.min) / (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (x <= a) return 0;
      if (x >= b) return 1;
      return x <= c ? ((x - a) * (x - a)) / ((b - a) * (c - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
    }
  }
}

/**
 * The p-quantile of `d`, the x with CDF(x) = p, for 0 ≤ p ≤ 1 (p = 0 and 1 give the ends
 * of the support, possibly ±∞). Closed form for normal (Wichura's AS 241), lognormal,
 * uniform and triangular; bisection on the CDF for beta and gamma, to about 1e-14
 * relative. Throws a RangeError for p outside [0, 1].
 *
 * @example
 * ```ts
 * distQuantile({ dist: 'beta', alpha: 2, beta: 5 }, 0.5); // 0.26444998329566…
 * ```
 */
export function distQuantile(d: Distribution, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`distQuantile: expected p between 0 and 1, got ${p}`);
  switch (d.dist) {
    case 'beta':
      return bisect((x) => regularizedBeta(x, d.alpha, d.beta), p, 0, 1);
    case 'gamma': {
      if (p === 1) return Infinity;
      const cdf = (x: number) => regularizedGammaP(d.shape, x);
      // Grow the bracket from a few sds above the mean until it holds the quantile.
      let hi = d.shape + 10 * Math.sqrt(d.shape) + 10;
      while (cdf(hi) < p) hi *= 2;
      return d.scale * bisect(cdf, p, 0, hi);
    }
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * normalQuantile(p));
    case 'normal':
      return d.mean + d.sd * normalQuantile(p);
    case 'uniform':
      return d.min + p * (d.max - d.min);
    case 'triangular':
      return triangularQuantile(d, p);
  }
}

/** Inverse CDF of the triangular distribution. */
function triangularQuantile(d: TriangularDist, p: number): number {
  const { min: a, mode: c, max: b } = d;
  const split = (c - a) / (b - a);
  return p < split ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
}

/**
 * The x in [lo, hi] with cdf(x) = p, for an increasing cdf. Bisects until the bracket is
 * relatively tiny or no double lies strictly inside it, so tiny quantiles (1e-20 of a beta
 * with α < 1) keep their relative accuracy too.
 */
function bisect(cdf: (x: number) => number, p: number, lo: number, hi: number): number {
  if (p <= cdf(lo)) return lo;
  if (p >= cdf(hi)) return hi;
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi || hi - lo <= 1e-15 * mid) return mid;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
