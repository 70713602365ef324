/**
 * Decision summaries across scenarios from per-replicate values (`values[s][r]`: scenario s,
 * replicate r): which scenario is best how often, the incremental cost-effectiveness ratio
 * (ICER) of one scenario against another, net benefit at a willingness to pay, and the
 * expected value of perfect information (EVPI).
 *
 * Replicate r is the same simulated world in every scenario (common random numbers and
 * parameter draws), so comparisons are made within replicates, never across them.
 * @module
 */
import { quantileSorted } from 'simple-statistics';

/** Throw unless every row has the same number of replicates; return that number. */
function replicateCount(fn: string, ...matrices: ArrayLike<number>[][]): number {
  const R = matrices[0]?.[0]?.length ?? 0;
  for (const m of matrices) {
    for (let s = 0; s < m.length; s++) {
      if (m[s].length !== R) throw new RangeError(`${fn}: expected ${R} replicates for every scenario, got ${m[s].length} for scenario ${s}`);
    }
  }
  return R;
}

/** Whether replicate r is finite in every scenario of every matrix. */
function usable(r: number, ...matrices: ArrayLike<number>[][]): boolean {
  for (const m of matrices) for (const row of m) if (!Number.isFinite(row[r])) return false;
  return true;
}

/**
 * For each scenario, the share of replicates in which it is best (highest or lowest as
 * `higherIsBetter` says); scenarios tied for best split the replicate evenly, so the shares
 * sum to 1. Replicates with a NaN (or infinite) value in any scenario are left out; every
 * share is NaN when none is left.
 *
 * With `values` = {@link netBenefit} at a range of willingness-to-pay values this traces the
 * cost-effectiveness acceptability curve.
 *
 * @example
 * ```ts
 * probabilityBest([[1, 5, 3], [2, 4, 3], [0, 0, 1]], true); // [1/3 + 1/6, 1/3 + 1/6, 0] — replicate 3 is a tie
 * ```
 */
export function probabilityBest(values: ArrayLike<number>[], higherIsBetter: boolean): number[] {
  const R = replicateCount('probabilityBest', values);
  const S = values.length;
  const wins = new Array<number>(S).fill(0);
  let used = 0;
  for (let r = 0; r < R; r++) {
    if (!usable(r, values)) continue;
    used++;
    let best = values[0][r];
    for (let s = 1; s < S; s++) best = higherIsBetter ? Math.max(best, values[s][r]) : Math.min(best, values[s][r]);
    let ties = 0;
    for (let s = 0; s < S; s++) if (values[s][r] === best) ties++;
    for (let s = 0; s < S; s++) if (values[s][r] === best) wins[s] += 1 / ties;
  }
  return wins.map((w) => (used > 0 ? w / used : NaN));
}

/**
 * Net (monetary) benefit per replicate, `effect × willingnessToPay − cost`: the value of the
 * effect at what one is willing to pay for a unit of it, less its cost. Higher is better.
 * NaN where either input is.
 *
 * @example
 * ```ts
 * // successes (successRate × citizens) valued at 300,000 DKK each, less municipal cost
 * netBenefit([120, 130], [30e6, 33e6], 300_000); // [6e6, 6e6]
 * ```
 */
export function netBenefit(effect: ArrayLike<number>, cost: ArrayLike<number>, willingnessToPay: number): number[] {
  if (effect.length !== cost.length) throw new RangeError(`netBenefit: expected one value per replicate in both, got ${effect.length} effects and ${cost.length} costs`);
  return Array.from(effect, (e, r) => e * willingnessToPay - cost[r]);
}

/**
 * The expected value of perfect information about which scenario is best: the mean over
 * replicates of the best scenario's net benefit in that replicate, less the best mean net
 * benefit — E_r[max_s NB(s, r)] − max_s E_r[NB(s, r)]. It is what knowing the replicate's
 * outcome before choosing would be worth, an upper bound on what further evidence can be
 * worth; 0 when one scenario is best in every replicate. Replicates with a NaN (or infinite)
 * value in any scenario are left out; NaN when none is left.
 *
 * @example
 * ```ts
 * evpi([[10, 0], [0, 8]]); // mean of maxima 9 − best mean 5 = 4
 * ```
 */
export function evpi(netBenefit: ArrayLike<number>[]): number {
  const R = replicateCount('evpi', netBenefit);
  const S = netBenefit.length;
  const sums = new Array<number>(S).fill(0);
  let sumMax = 0;
  let used = 0;
  for (let r = 0; r < R; r++) {
    if (!usable(r, netBenefit)) continue;
    used++;
    let best = -Infinity;
    for (let s = 0; s < S; s++) {
      sums[s] += netBenefit[s][r];
      best = Math.max(best, netBenefit[s][r]);
    }
    sumMax += best;
  }
  if (used === 0) return NaN;
  // Exactly ≥ 0 in exact arithmetic; clamp the rounding error of the two sums.
  return Math.max(0, sumMax / used - Math.max(...sums) / used);
}

/** The incremental cost-effectiveness ratio of one scenario against another. */
export interface IcerSummary {
  /**
   * The point estimate: mean Δcost / mean Δeffect (a ratio of means, not a mean of
   * ratios), the extra cost per extra unit of effect. Read it as a cost per unit only when
   * neither {@link IcerSummary.dominant} nor {@link IcerSummary.dominated} is set.
   */
  mean: number;
  /** Lower end of the percentile-bootstrap interval of the ratio of means. */
  lo: number;
  /** Upper end of the percentile-bootstrap interval of the ratio of means. */
  hi: number;
  /** Mean over replicates of cost(scenario) − cost(baseline). */
  deltaCost: number;
  /** Mean over replicates of effect(scenario) − effect(baseline). */
  deltaEffect: number;
  /** The scenario is at least as effective and no more costly (and not equal in both): choose it, no ICER needed. */
  dominant: boolean;
  /** The scenario is at most as effective and no less costly (and not equal in both): reject it, no ICER needed. */
  dominated: boolean;
  /** Share of bootstrap resamples in which the scenario is dominant. */
  probDominant: number;
  /** Share of bootstrap resamples in which the scenario is dominated. */
  probDominated: number;
  /** Replicates used (those with finite costs and effects in both scenarios). */
  replicates: number;
  /** Bootstrap resamples drawn. */
  resamples: number;
}

/** Health economics' dominance on the cost-effectiveness plane. */
function dominance(dc: number, de: number): { dominant: boolean; dominated: boolean } {
  const same = dc === 0 && de === 0;
  return { dominant: !same && de >= 0 && dc <= 0, dominated: !same && de <= 0 && dc >= 0 };
}

/**
 * The incremental cost-effectiveness ratio of scenario `s` against baseline `b`: extra cost
 * per extra unit of effect (e.g. per extra citizen in a job), from per-replicate
 * `costs[scenario][r]` and `effects[scenario][r]` (effect higher is better, e.g.
 * successRate × citizens; cost lower is better).
 *
 * Conventions as in health economics. On the cost-effectiveness plane (Δeffect across,
 * Δcost up) an ICER is a cost per unit only in the north-east quadrant (more effective,
 * more costly) — judged against a willingness to pay per unit — and, reversed, in the
 * south-west (less effective, cheaper: the saving per unit of effect given up). A scenario
 * that is at least as effective and no more costly is `dominant`, one at most as effective
 * and no less costly is `dominated`; then the ratio (negative, zero or infinite) is
 * reported but means nothing, and the flags carry the answer.
 *
 * The interval is a percentile bootstrap: `resamples` times, draw the replicates with
 * replacement (the same draws for costs and effects, both scenarios), recompute the
 * ratio of mean differences, take the (1 ∓ level)/2 quantiles. It expresses the Monte
 * Carlo uncertainty of the ratio of means, so it narrows as replicates grow; the spread of
 * outcomes themselves is better read from {@link probabilityBest} of {@link netBenefit}
 * and from `probDominant`/`probDominated`. The interval is meaningful only when nearly all
 * resamples lie in one quadrant. `source` gives uniforms in [0, 1) (a seeded stream), so the
 * interval is reproducible. Throws a RangeError for unknown scenario indices or ragged
 * rows.
 *
 * @example
 * ```ts
 * const rng = seedrandom('icer');
 * icer(costs, effects, 1, 0, 0.95, () => rng.double());
 * // { mean: 250000, lo: 231000, hi: 271000, deltaCost: 5e6, deltaEffect: 20, dominant: false, … }
 * ```
 */
export function icer(
  costs: ArrayLike<number>[],
  effects: ArrayLike<number>[],
  s: number,
  b: number,
  level: number,
  source: () => number,
  resamples = 2000,
): IcerSummary {
  for (const [name, i] of [['s', s], ['b', b]] as const) {
    if (!(Number.isInteger(i) && i >= 0 && i < costs.length && i < effects.length)) throw new RangeError(`icer: expected ${name} to index a scenario of both matrices, got ${i}`);
  }
  if (costs.length !== effects.length) throw new RangeError(`icer: expected costs and effects for the same scenarios, got ${costs.length} and ${effects.length}`);
  if (!(Number.isInteger(resamples) && resamples > 0)) throw new RangeError(`icer: expected a positive whole number of resamples, got ${resamples}`);
  replicateCount('icer', costs, effects);
  const pair = [costs[s], costs[b], effects[s], effects[b]];
  const dc: number[] = [];
  const de: number[] = [];
  for (let r = 0; r < pair[0].length; r++) {
    if (!usable(r, pair)) continue;
    dc.push(costs[s][r] - costs[b][r]);
    de.push(effects[s][r] - effects[b][r]);
  }
  const n = dc.length;
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  const deltaCost = n ? sum(dc) / n : NaN;
  const deltaEffect = n ? sum(de) / n : NaN;
  const ratios = new Float64Array(n ? resamples : 0);
  let dominantCount = 0;
  let dominatedCount = 0;
  for (let k = 0; k < ratios.length; k++) {
    let c = 0;
    let e = 0;
    for (let j = 0; j < n; j++) {
      const r = Math.min(n - 1, Math.floor(source() * n));
      c += dc[r];
      e += de[r];
    }
    ratios[k] = c / e; // the 1/n of both means cancels
    const d = dominance(c, e);
    if (d.dominant) dominantCount++;
    if (d.dominated) dominatedCount++;
  }
  const sorted = Array.from(ratios).filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  return {
    mean: deltaCost / deltaEffect,
    lo: sorted.length ? quantileSorted(sorted, tail) : NaN,
    hi: sorted.length ? quantileSorted(sorted, 1 - tail) : NaN,
    deltaCost,
    deltaEffect,
    ...(n ? dominance(deltaCost, deltaEffect) : { dominant: false, dominated: false }),
    probDominant: n ? dominantCount / resamples : NaN,
    probDominated: n ? dominatedCount / resamples : NaN,
    replicates: n,
    resamples,
  };
}
