/**
 * Joint distributions: several uncertain numbers drawn together, so their dependence
 * survives into every replicate. A Dirichlet draws a whole transition row (its components
 * always sum to 1, so the destinations of a row never sum to more than 1); a multivariate
 * normal draws correlated numbers such as a regression's coefficients (with `log: true`,
 * their exponentials: correlated hazard ratios).
 *
 * A joint distribution lives in the model's `parameters` block; each component is used
 * where a number goes as `{"param": name, "component": componentName}`. The plan keeps one
 * scalar parameter per component (named `name.component`) carrying the component's
 * marginal distribution, so everything that looks at one parameter at a time (reports,
 * tornado, break-even) works unchanged; only the draw of a replicate is joint.
 * @module
 */
import { randomGamma, randomNormal } from 'd3-random';
import type { Problem } from '../model/errors.js';
import type { Distribution, DistributionInfo } from './distribution.js';

/**
 * Dirichlet(α₁ … α_K): K shares summing to 1, for a transition row with its "stay" share
 * as one component. Component i has mean αᵢ/Σα and a Beta(αᵢ, Σα − αᵢ) marginal. With
 * observed counts nᵢ of each destination (and of staying) αᵢ = nᵢ + ½ is the posterior
 * under Jeffreys' prior.
 *
 * @example
 * ```json
 * {"dist": "dirichlet", "components": ["job", "out", "stay"], "alpha": [12.5, 8.5, 980.5]}
 * ```
 */
export interface DirichletDist extends DistributionInfo {
  /** Discriminator. */
  dist: 'dirichlet';
  /** Component names, unique; referenced as `{"param": name, "component": c}`. */
  components: string[];
  /** Concentrations αᵢ > 0, one per component. */
  alpha: number[];
}

/**
 * Multivariate normal N(μ, Σ), for correlated numbers (a regression's coefficients, or
 * correlated effects in a probabilistic sensitivity analysis). With `log: true` each
 * component is exp of the normal (a multivariate lognormal: correlated hazard ratios with
 * log-scale means μ and covariance Σ).
 *
 * @example
 * ```json
 * {"dist": "mvnormal", "components": ["women", "age50"], "mean": [0.18, -0.31],
 *  "covariance": [[0.0025, 0.0006], [0.0006, 0.0049]], "log": true}
 * ```
 */
export interface MultivariateNormalDist extends DistributionInfo {
  /** Discriminator. */
  dist: 'mvnormal';
  /** Component names, unique. */
  components: string[];
  /** Means μᵢ (of the logs when `log`). */
  mean: number[];
  /** Covariance matrix Σ, K × K, symmetric positive semi-definite. */
  covariance: number[][];
  /** When true, each component is exp of the normal draw (default false). */
  log?: boolean;
}

/** A joint distribution of several named numbers, discriminated by `dist`. */
export type JointDistribution = DirichletDist | MultivariateNormalDist;

/** Whether a raw value is meant as a joint distribution (so it gets the joint schema's messages). */
export function isJointShape(v: unknown): boolean {
  return (
    v !== null &&
    typeof v === 'object' &&
    ((v as { dist?: unknown }).dist === 'dirichlet' || (v as { dist?: unknown }).dist === 'mvnormal')
  );
}

/**
 * The checks the schema cannot express: unique component names, one α or one mean per
 * component, a square symmetric positive semi-definite covariance of the right size.
 */
export function checkJoint(d: JointDistribution, path: string): Problem[] {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  const K = d.components.length;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  d.components.forEach((c, i) => {
    if (seen.has(c)) problems.push({ path: at(`components.${i}`), message: `duplicate component "${c}"` });
    seen.add(c);
  });
  if (d.dist === 'dirichlet') {
    if (d.alpha.length !== K)
      problems.push({
        path: at('alpha'),
        message: `expected ${K} concentrations (one per component), got ${d.alpha.length}`,
      });
    return problems;
  }
  if (d.mean.length !== K)
    problems.push({ path: at('mean'), message: `expected ${K} means (one per component), got ${d.mean.length}` });
  if (d.covariance.length !== K || d.covariance.some((row) => row.length !== K)) {
    problems.push({
      path: at('covariance'),
      message: `expected a ${K} × ${K} matrix (one row and column per component)`,
    });
    return problems;
  }
  for (let i = 0; i < K; i++)
    for (let j = 0; j < i; j++) {
      const a = d.covariance[i][j];
      const b = d.covariance[j][i];
      if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)))
        problems.push({
          path: at(`covariance.${i}.${j}`),
          message: `expected a symmetric matrix: ${a} ≠ ${b} at [${j}][${i}]`,
        });
    }
  if (problems.length === 0 && cholesky(d.covariance) === null)
    problems.push({ path: at('covariance'), message: 'expected a positive semi-definite matrix (a covariance)' });
  return problems;
}

/**
 * The lower-triangular L with L·Lᵀ = Σ, or null when Σ is not positive semi-definite. A
 * zero pivot (a component without spread, or one fixed by the others) gives a zero column.
 */
export function cholesky(cov: readonly (readonly number[])[]): number[][] | null {
  const K = cov.length;
  const L = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const scale = Math.max(1e-300, ...cov.map((r, i) => Math.abs(r[i])));
  for (let j = 0; j < K; j++) {
    let d = cov[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] * L[j][k];
    if (d < -1e-10 * scale) return null;
    const ljj = d > 1e-14 * scale ? Math.sqrt(d) : 0;
    L[j][j] = ljj;
    for (let i = j + 1; i < K; i++) {
      let s = cov[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (ljj === 0) {
        if (Math.abs(s) > 1e-8 * Math.sqrt(scale * Math.max(1e-300, Math.abs(cov[i][i])))) return null;
        L[i][j] = 0;
      } else L[i][j] = s / ljj;
    }
  }
  return L;
}

/** The marginal distribution of component `i`, or null when it does not vary (a zero variance). */
export function jointMarginal(d: JointDistribution, i: number): Distribution | null {
  const { label, source } = d;
  const extra = { ...(label !== undefined ? { label } : {}), ...(source !== undefined ? { source } : {}) };
  if (d.dist === 'dirichlet') {
    const total = d.alpha.reduce((s, a) => s + a, 0);
    if (d.alpha.length === 1) return null;
    return { dist: 'beta', alpha: d.alpha[i], beta: total - d.alpha[i], ...extra };
  }
  const sd = Math.sqrt(d.covariance[i][i]);
  if (!(sd > 0)) return null;
  return d.log
    ? { dist: 'lognormal', mu: d.mean[i], sigma: sd, ...extra }
    : { dist: 'normal', mean: d.mean[i], sd, ...extra };
}

/** The exact mean of every component. */
export function jointMean(d: JointDistribution): number[] {
  if (d.dist === 'dirichlet') {
    const total = d.alpha.reduce((s, a) => s + a, 0);
    return d.alpha.map((a) => a / total);
  }
  return d.mean.map((m, i) => (d.log ? Math.exp(m + d.covariance[i][i] / 2) : m));
}

/**
 * A generator of joint draws from `d`, taking its randomness from `source` (uniforms in
 * [0, 1)). Dirichlet: independent Gamma(αᵢ, 1) draws divided by their sum; multivariate
 * normal: μ + L·z with L the Cholesky factor of Σ and z independent standard normals.
 *
 * @example
 * ```ts
 * const rng = seedrandom('42');
 * const draw = jointSampler({ dist: 'dirichlet', components: ['a', 'b'], alpha: [2, 8] }, () => rng.double());
 * draw(); // [0.23…, 0.76…]: two shares summing to 1
 * ```
 */
export function jointSampler(d: JointDistribution, source: () => number): () => number[] {
  if (d.dist === 'dirichlet') {
    const gammas = d.alpha.map((a) => randomGamma.source(source)(a, 1));
    return () => {
      const g = gammas.map((draw) => draw());
      const total = g.reduce((s, x) => s + x, 0);
      // All gammas can underflow to 0 for tiny α: fall back to the mean rather than 0/0.
      if (!(total > 0)) return jointMean(d);
      return g.map((x) => x / total);
    };
  }
  const L = cholesky(d.covariance);
  if (L === null) throw new RangeError('jointSampler: the covariance is not positive semi-definite');
  const normal = randomNormal.source(source)(0, 1);
  const K = d.mean.length;
  return () => {
    const z = Array.from({ length: K }, () => normal());
    return d.mean.map((m, i) => {
      let x = m;
      for (let k = 0; k <= i; k++) x += L[i][k] * z[k];
      return d.log ? Math.exp(x) : x;
    });
  };
}
