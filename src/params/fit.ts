/**
 * Building priors from what studies and registers report: a mean with an interval, counts
 * ("122 of 400"), or a ratio with its confidence interval.
 * @module
 */
import { distQuantile, type BetaDist, type LognormalDist } from './distribution.js';
import { normalQuantile } from './special.js';

function checkLevel(fn: string, level: number): void {
  if (!(level > 0 && level < 1)) throw new Error(`${fn}: expected level between 0 and 1 (e.g. 0.95), got ${level}`);
}

// The concentration α + β is searched on a log grid spanning these bounds (widened to
// hold the normal-approximation guess), then refined by golden-section search.
const MIN_CONCENTRATION = 0.01;
const MAX_CONCENTRATION = 1e6;
const GRID_POINTS = 80;
const GOLDEN_STEPS = 60;

/**
 * A Beta distribution with the given mean whose central `level` interval is as close as
 * possible to [lo, hi].
 *
 * The mean fixes α/(α + β), leaving one free number, the concentration c = α + β: larger c
 * means a narrower interval. c is chosen to minimise (q₋ − lo)² + (q₊ − hi)², where q₋, q₊
 * are the (1 − level)/2 and (1 + level)/2 quantiles of Beta(mean·c, (1 − mean)·c) — a
 * 1-D search over ln c: a coarse grid, then golden-section refinement around the best
 * grid point. A Beta with a mean off-centre is skewed, so a symmetric interval around
 * such a mean is matched only approximately (both ends typically within a few thousandths
 * for published intervals); the mean is always exact. Throws an Error unless
 * 0 < lo < mean < hi < 1 and 0 < level < 1.
 *
 * @example
 * ```ts
 * betaFromMeanInterval(0.30, 0.25, 0.35); // { dist: 'beta', alpha: ≈96.5, beta: ≈225 }
 * ```
 */
export function betaFromMeanInterval(mean: number, lo: number, hi: number, level = 0.95): BetaDist {
  const fn = 'betaFromMeanInterval';
  checkLevel(fn, level);
  if (![mean, lo, hi].every(Number.isFinite))
    throw new Error(`${fn}: expected finite numbers, got mean ${mean}, interval ${lo}–${hi}`);
  if (!(lo > 0 && hi < 1)) throw new Error(`${fn}: expected an interval inside (0, 1) for a share, got ${lo}–${hi}`);
  if (!(lo < mean && mean < hi))
    throw new Error(`${fn}: expected the mean ${mean} strictly inside the interval ${lo}–${hi}`);
  const tail = (1 - level) / 2;
  const dist = (c: number): BetaDist => ({ dist: 'beta', alpha: mean * c, beta: (1 - mean) * c });
  const loss = (logC: number) => {
    const d = dist(Math.exp(logC));
    return (distQuantile(d, tail) - lo) ** 2 + (distQuantile(d, 1 - tail) - hi) ** 2;
  };
  // The normal approximation sd ≈ (hi − lo)/2z, c ≈ mean(1 − mean)/sd² − 1, widens the grid
  // for very narrow intervals.
  const sd = (hi - lo) / (2 * normalQuantile(1 - tail));
  const guess = (mean * (1 - mean)) / (sd * sd) - 1;
  const from = Math.log(MIN_CONCENTRATION);
  const to = Math.log(Math.max(MAX_CONCENTRATION, 100 * guess));
  const step = (to - from) / (GRID_POINTS - 1);
  let best = 0;
  let bestLoss = Infinity;
  for (let i = 0; i < GRID_POINTS; i++) {
    const l = loss(from + i * step);
    if (l < bestLoss) [best, bestLoss] = [i, l];
  }
  let a = from + Math.max(0, best - 1) * step;
  let b = from + Math.min(GRID_POINTS - 1, best + 1) * step;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = b - ratio * (b - a);
  let x2 = a + ratio * (b - a);
  let f1 = loss(x1);
  let f2 = loss(x2);
  for (let i = 0; i < GOLDEN_STEPS; i++) {
    if (f1 <= f2) {
      [b, x2, f2] = [x2, x1, f1];
      x1 = b - ratio * (b - a);
      f1 = loss(x1);
    } else {
      [a, x1, f1] = [x1, x2, f2];
      x2 = a + ratio * (b - a);
      f2 = loss(x2);
    }
  }
  return dist(Math.exp(f1 <= f2 ? x1 : x2));
}

/**
 * The posterior Beta(successes + α, n − successes + β) of a share after observing
 * `successes` of `n`, starting from the prior Beta(α, β) (default the uniform Beta(1, 1)).
 * Counts need not be whole (effective sample sizes are fine). Throws an Error unless
 * 0 ≤ successes ≤ n and the prior's shapes are positive.
 *
 * @example
 * ```ts
 * betaFromCounts(122, 400); // { dist: 'beta', alpha: 123, beta: 279 }: mean 123/402 ≈ 0.306
 * ```
 */
export function betaFromCounts(
  successes: number,
  n: number,
  prior: { alpha: number; beta: number } = { alpha: 1, beta: 1 },
): BetaDist {
  const fn = 'betaFromCounts';
  if (!(Number.isFinite(n) && n >= 0)) throw new Error(`${fn}: expected a count n ≥ 0, got ${n}`);
  if (!(Number.isFinite(successes) && successes >= 0 && successes <= n))
    throw new Error(`${fn}: expected successes between 0 and n (${n}), got ${successes}`);
  if (!(prior.alpha > 0 && prior.beta > 0 && Number.isFinite(prior.alpha) && Number.isFinite(prior.beta))) {
    throw new Error(
      `${fn}: expected a prior with positive alpha and beta, got alpha ${prior.alpha}, beta ${prior.beta}`,
    );
  }
  return { dist: 'beta', alpha: successes + prior.alpha, beta: n - successes + prior.beta };
}

/**
 * A lognormal matching a reported ratio's confidence interval [lo, hi] at `level`, the
 * usual way to carry a published hazard, odds or risk ratio: the interval is symmetric on
 * the log scale, so μ = (ln lo + ln hi)/2 (the median e^μ is the geometric midpoint, which
 * is the reported point estimate up to rounding) and σ = (ln hi − ln lo)/(2z) with z the
 * standard normal (1 + level)/2 quantile. Throws an Error unless 0 < lo < hi and
 * 0 < level < 1.
 *
 * @example
 * ```ts
 * lognormalFromInterval(0.86, 2.10); // odds ratio 1.34 (0.86–2.10): { dist: 'lognormal', mu: ≈0.2955, sigma: ≈0.2278 }
 * ```
 */
export function lognormalFromInterval(lo: number, hi: number, level = 0.95): LognormalDist {
  const fn = 'lognormalFromInterval';
  checkLevel(fn, level);
  if (!(lo > 0 && Number.isFinite(hi) && lo < hi))
    throw new Error(`${fn}: expected 0 < lo < hi for a ratio's interval, got ${lo}–${hi}`);
  const z = normalQuantile((1 + level) / 2);
  return { dist: 'lognormal', mu: (Math.log(lo) + Math.log(hi)) / 2, sigma: (Math.log(hi) - Math.log(lo)) / (2 * z) };
}
