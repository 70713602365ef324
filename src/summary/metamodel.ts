/**
 * The regression metamodel behind every decision figure: a replicate's outcome is its
 * expected outcome given the replicate's parameter draw plus individual chance, and least
 * squares on a flexible basis of the draws estimates the first part (Strong, Oakley &
 * Brennan 2014, "Estimating multiparameter partial expected value of perfect information
 * from a probabilistic sensitivity analysis sample: a nonparametric regression approach",
 * Medical Decision Making 34:311–326).
 *
 * The basis, per parameter: its standardised value and a restricted (natural) cubic spline
 * with knots at quantiles of its draws (Harrell's placement: 5 knots → 3 nonlinear terms,
 * linear beyond the outer knots so the tails do not wiggle); for several parameters also
 * every pairwise product of the linear terms. The number of columns is kept at or below
 * one per ten replicates by using fewer knots, then dropping interactions, then the
 * splines. Columns are orthonormalised once (modified Gram–Schmidt, twice), in nested
 * blocks — the mean, the linear terms, the spline terms, the interactions — so fitting any
 * outcome is two passes over the basis, and fitted values average exactly to the
 * outcome's mean.
 *
 * Each outcome keeps only as many blocks as the Bayesian information criterion supports
 * (n·ln(RSS/n) + columns·ln n), the role smoothness selection plays in a GAM: an outcome no
 * parameter moves — a scenario no uncertain parameter touches — keeps the mean alone, so its
 * expected outcome is the same in every replicate instead of chance fitted as signal.
 *
 * Its error: fitted values carry the coefficients' sampling error (which
 * {@link Metamodel.coefficients} lets a caller propagate), and fitting chance with q
 * columns adds an upward bias to a value of information of order σ·√(q/n); both shrink
 * as replicates grow.
 * @module
 */
import { quantileSorted } from 'simple-statistics';

/** A fitted least-squares smoother on one set of replicates. */
export interface Metamodel {
  /** Replicates (rows). */
  n: number;
  /** Columns kept after orthonormalisation (1 = the mean only). */
  q: number;
  /** The orthonormal columns, each of length n; the first is constant. */
  basis: Float64Array[];
  /** Columns up to the end of each nested block (mean, linear, splines, interactions), increasing, the last = q. */
  blocks: number[];
  /** Coefficients of `y` on the basis (Qᵀy); those past `columns(y)` are set to 0. */
  coefficients(y: ArrayLike<number>): Float64Array;
  /** Columns the information criterion keeps for `y` (a value of {@link Metamodel.blocks}). */
  columns(y: ArrayLike<number>): number;
  /** Fitted values of `y`: its expected value given each row's parameter draw. */
  fit(y: ArrayLike<number>): Float64Array;
}

/** Knot quantiles by number of knots (Harrell, Regression Modeling Strategies, table 2.3). */
const KNOT_QUANTILES: Record<number, number[]> = {
  3: [0.1, 0.5, 0.9],
  4: [0.05, 0.35, 0.65, 0.95],
  5: [0.05, 0.275, 0.5, 0.725, 0.95],
};

/** The nonlinear terms of a restricted cubic spline with the given knots, scaled to the knots' spread. */
function splineTerms(x: Float64Array, knots: number[]): Float64Array[] {
  const K = knots.length;
  const tK = knots[K - 1];
  const tK1 = knots[K - 2];
  const scale = (tK - knots[0]) ** 2 || 1;
  const cube = (v: number) => (v > 0 ? v * v * v : 0);
  const out: Float64Array[] = [];
  for (let j = 0; j < K - 2; j++) {
    const tj = knots[j];
    out.push(
      Float64Array.from(
        x,
        (v) =>
          (cube(v - tj) - (cube(v - tK1) * (tK - tj)) / (tK - tK1) + (cube(v - tK) * (tK1 - tj)) / (tK - tK1)) / scale,
      ),
    );
  }
  return out;
}

function standardise(x: ArrayLike<number>): Float64Array | null {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) return null;
  return Float64Array.from(x, (v) => (v - mean) / sd);
}

function dot(a: Float64Array, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Modified Gram–Schmidt, twice for stability; drops columns (nearly) spanned by earlier ones. */
function orthonormalise(columns: Float64Array[], Q: Float64Array[] = []): Float64Array[] {
  for (const c of columns) {
    const v = Float64Array.from(c);
    const norm0 = Math.sqrt(dot(v, v));
    if (norm0 === 0) continue;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of Q) {
        const d = dot(q, v);
        for (let i = 0; i < v.length; i++) v[i] -= d * q[i];
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (norm <= 1e-9 * norm0) continue;
    for (let i = 0; i < v.length; i++) v[i] /= norm;
    Q.push(v);
  }
  return Q;
}

/** Columns the basis of P parameters with K knots (K = 2: linear only) and optional interactions needs. */
function width(P: number, K: number, interactions: boolean): number {
  return 1 + P * (K - 1) + (interactions ? (P * (P - 1)) / 2 : 0);
}

/**
 * Fit the metamodel's basis to parameter draws: `draws[j][r]` is parameter j's value in
 * replicate r, for `n` replicates (needed when there is no parameter). Parameters that do
 * not vary are left out; with none left the metamodel is the mean alone, so every fitted
 * value is the outcome's mean.
 *
 * @example
 * ```ts
 * const mm = metamodel([effectDraws]);          // one uncertain parameter
 * const expected = mm.fit(successesPerReplicate); // individual chance averaged out
 * ```
 */
export function metamodel(draws: ArrayLike<number>[], n: number = draws[0]?.length ?? 0): Metamodel {
  for (const d of draws)
    if (d.length !== n) throw new RangeError(`metamodel: expected ${n} draws of every parameter, got ${d.length}`);
  const z = draws.map(standardise).filter((x): x is Float64Array => x !== null);
  const P = z.length;
  const budget = Math.max(1, Math.floor(n / 10));
  // Richest basis within one column per ten replicates; a linear basis is allowed beyond
  // that while it leaves residual degrees of freedom.
  let K = 2;
  let interactions = false;
  const choices: [number, boolean][] = [
    [5, true],
    [4, true],
    [3, true],
    [5, false],
    [4, false],
    [3, false],
    [2, true],
    [2, false],
  ];
  const pick = choices.find(([k, i]) => width(P, k, i && P > 1) <= budget);
  if (pick) [K, interactions] = pick;
  else if (width(P, 2, false) < n) K = 2;
  else K = 0; // too few replicates for even a linear fit: the mean alone
  const groups: Float64Array[][] = [[new Float64Array(n).fill(1)], [], [], []];
  if (K >= 2) {
    for (const x of z) {
      groups[1].push(x);
      if (K >= 3) {
        const sorted = Array.from(x).sort((a, b) => a - b);
        const knots = KNOT_QUANTILES[K].map((p) => quantileSorted(sorted, p));
        // Ties in the draws (a discrete-looking parameter) can merge knots: keep distinct ones.
        const distinct = knots.filter((t, i) => i === 0 || t > knots[i - 1] + 1e-12);
        if (distinct.length >= 3) groups[2].push(...splineTerms(x, distinct));
      }
    }
    if (interactions && P > 1)
      for (let i = 0; i < P; i++)
        for (let j = i + 1; j < P; j++) groups[3].push(Float64Array.from(z[i], (v, r) => v * z[j][r]));
  }
  const basis: Float64Array[] = [];
  const blocks: number[] = [];
  if (n > 0) {
    for (const g of groups) {
      orthonormalise(g, basis);
      if (blocks.length === 0 || basis.length > blocks[blocks.length - 1]) blocks.push(basis.length);
    }
  }
  const columns = (y: ArrayLike<number>, c: Float64Array) => {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += y[i] * y[i];
    let best = blocks[0] ?? 0;
    let bestScore = Infinity;
    let explained = 0;
    let at = 0;
    for (const k of blocks) {
      for (; at < k; at++) explained += c[at] * c[at];
      const rss = Math.max(ss - explained, 1e-300 * Math.max(1, ss));
      const score = n * Math.log(rss / n) + k * Math.log(n);
      // Ties go to the simpler model: a perfect fit by the mean stays the mean.
      if (bestScore === Infinity || score < bestScore - 1e-9 * Math.abs(bestScore)) {
        bestScore = score;
        best = k;
      }
    }
    return best;
  };
  const full = (y: ArrayLike<number>) => {
    if (y.length !== n) throw new RangeError(`metamodel: expected ${n} outcomes, got ${y.length}`);
    return Float64Array.from(basis, (q) => dot(q, y));
  };
  const coefficients = (y: ArrayLike<number>) => {
    const c = full(y);
    c.fill(0, columns(y, c));
    return c;
  };
  return {
    n,
    q: basis.length,
    basis,
    blocks,
    coefficients,
    columns: (y) => columns(y, full(y)),
    fit(y) {
      const c = coefficients(y);
      const out = new Float64Array(n);
      basis.forEach((q, k) => {
        for (let i = 0; i < n; i++) out[i] += c[k] * q[i];
      });
      return out;
    },
  };
}
