/**
 * Poisson regression with a log link and an offset, fitted by iteratively reweighted least
 * squares: the piecewise-constant hazard model on occurrence/exposure cells, log μ =
 * log(exposure) + Xβ. For the canonical log link IRLS is Newton's method on the
 * log-likelihood, so it converges quadratically from a start near the data; the standard
 * errors come from the inverse Fisher information (XᵀWX)⁻¹ at the estimate.
 * @module
 */

/** The fitted coefficients of {@link poissonRegression}, with their uncertainty. */
export interface PoissonFit {
  /** Estimated coefficients β, one per column of X. */
  coef: number[];
  /** Their standard errors. */
  se: number[];
  /** Their covariance matrix (XᵀWX)⁻¹. */
  cov: number[][];
  /** The deviance 2 Σ [y log(y/μ) − (y − μ)] at the estimate. */
  deviance: number;
  /** IRLS iterations used. */
  iterations: number;
  /** Whether the coefficients settled (relative change of the deviance below 1e-12, or steps below 1e-10). */
  converged: boolean;
}

/**
 * Cholesky solve of a symmetric positive definite system A x = b, A given row-major p × p.
 * Returns null when A is not positive definite (collinear columns or a cell without data).
 */
function cholSolveInverse(A: Float64Array, p: number): { L: Float64Array } | null {
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = A[j * p + j];
    for (let k = 0; k < j; k++) d -= L[j * p + k] ** 2;
    if (!(d > 1e-12 * Math.max(1, Math.abs(A[j * p + j])))) return null;
    const ljj = Math.sqrt(d);
    L[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = A[i * p + j];
      for (let k = 0; k < j; k++) s -= L[i * p + k] * L[j * p + k];
      L[i * p + j] = s / ljj;
    }
  }
  return { L };
}

function cholSolve(L: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * y[k];
    y[i] = s / L[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * x[k];
    x[i] = s / L[i * p + i];
  }
  return x;
}

/**
 * Fit log E[y] = offset + Xβ for counts y by IRLS. `X` has one row per cell (n rows of p
 * numbers). Throws a RangeError when XᵀWX is singular: collinear columns, or a column whose
 * cells hold no events at all (its coefficient would be −∞).
 *
 * @example
 * ```ts
 * // Two cells, an intercept and an indicator: rates 10/1000 and 30/1500.
 * const fit = poissonRegression([[1, 0], [1, 1]], [10, 30], [Math.log(1000), Math.log(1500)]);
 * fit.coef; // [log 0.01, log 2]
 * ```
 */
export function poissonRegression(
  X: readonly (readonly number[])[],
  y: readonly number[],
  offset: readonly number[],
  options: { maxIterations?: number } = {},
): PoissonFit {
  const n = X.length;
  const p = n ? X[0].length : 0;
  const maxIterations = options.maxIterations ?? 100;
  const beta = new Float64Array(p);
  // Start from the data: η = log(y + ½) gives a first weighted least-squares step near the answer.
  const eta = Float64Array.from(y, (v) => Math.log(v + 0.5));
  const mu = new Float64Array(n);
  let deviance = Infinity;
  let iterations = 0;
  let converged = false;
  let L: Float64Array | null = null;
  for (; iterations < maxIterations; iterations++) {
    const A = new Float64Array(p * p);
    const b = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const m = Math.exp(eta[i]);
      // Working response z = η − offset + (y − μ)/μ, weight μ.
      const z = eta[i] - offset[i] + (y[i] - m) / m;
      const row = X[i];
      for (let j = 0; j < p; j++) {
        const wx = m * row[j];
        b[j] += wx * z;
        for (let k = 0; k <= j; k++) A[j * p + k] += wx * row[k];
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) A[k * p + j] = A[j * p + k];
    const chol = cholSolveInverse(A, p);
    if (!chol)
      throw new RangeError(
        'poissonRegression: singular information matrix (collinear columns, or a column without events)',
      );
    const next = cholSolve(chol.L, p, b);
    let step = 0;
    for (let j = 0; j < p; j++) {
      step = Math.max(step, Math.abs(next[j] - beta[j]));
      beta[j] = next[j];
    }
    let dev = 0;
    for (let i = 0; i < n; i++) {
      let lin = offset[i];
      for (let j = 0; j < p; j++) lin += X[i][j] * beta[j];
      eta[i] = lin;
      mu[i] = Math.exp(lin);
      dev += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
    }
    const settled = Math.abs(deviance - dev) <= 1e-12 * Math.max(1, Math.abs(dev)) || step < 1e-10;
    deviance = dev;
    if (settled && iterations > 0) {
      converged = true;
      iterations++;
      break;
    }
  }
  // The information at the final estimate (not the last iteration's weights).
  const A = new Float64Array(p * p);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) A[j * p + k] += mu[i] * X[i][j] * X[i][k];
  L = cholSolveInverse(A, p)?.L ?? null;
  if (!L) throw new RangeError('poissonRegression: singular information matrix at the estimate');
  const cov: number[][] = [];
  for (let j = 0; j < p; j++) {
    const e = new Float64Array(p);
    e[j] = 1;
    cov.push(Array.from(cholSolve(L, p, e)));
  }
  // Symmetrise: the two triangular solves leave rounding differences of 1e-17.
  for (let j = 0; j < p; j++)
    for (let k = 0; k < j; k++) {
      const v = (cov[j][k] + cov[k][j]) / 2;
      cov[j][k] = v;
      cov[k][j] = v;
    }
  return {
    coef: Array.from(beta),
    se: cov.map((row, j) => Math.sqrt(row[j])),
    cov,
    deviance,
    iterations,
    converged,
  };
}
