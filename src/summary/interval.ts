/**
 * Summary of one metric over replicates: mean, sample standard deviation and a percentile
 * interval.
 * @module
 */
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { MetricName } from '../engine/reduce/metrics.js';

/** A metric's distribution over replicates, when at least one replicate defines it. */
export interface DefinedSummary {
  /** Mean over replicates. */
  mean: number;
  /** Sample standard deviation over replicates (0 for a single replicate). */
  sd: number;
  /** Lower end of the percentile interval, the (1 − level)/2 quantile. */
  lo: number;
  /** Upper end of the percentile interval, the (1 + level)/2 quantile. */
  hi: number;
  /** Monte Carlo standard error of the mean, sd / √replicates. */
  mcse: number;
  /**
   * Replicates in which the metric was defined, when fewer than all (a share with nobody
   * to share among, e.g. no completed course, is undefined).
   */
  defined?: number;
}

/**
 * A metric no replicate defines (e.g. the share of completed courses ending in success when
 * no course was completed): every figure is null, as JSON writes it, and `defined` is 0.
 */
export interface UndefinedSummary {
  /** No mean: no replicate defines the metric. */
  mean: null;
  /** No standard deviation. */
  sd: null;
  /** No interval. */
  lo: null;
  /** No interval. */
  hi: null;
  /** No standard error. */
  mcse: null;
  /** No replicate defines the metric. */
  defined: 0;
}

/**
 * A metric's distribution over replicates: numbers, or all null when no replicate defines
 * the metric. Test `mean !== null` to read the numbers:
 *
 * @example
 * ```ts
 * const s = result.scenarios[0].metrics.completedSuccessShare;
 * if (s.mean !== null) console.log(s.lo, s.hi); // numbers here
 * ```
 */
export type MetricSummary = DefinedSummary | UndefinedSummary;

/**
 * Summarise draws: mean, sd and the central percentile interval at `level`. Draws that are
 * NaN or infinite (a metric undefined in that replicate) are left out and counted in
 * `defined`; with none left every figure is null (an {@link UndefinedSummary}).
 *
 * @example
 * ```ts
 * summarise([0.29, 0.31, 0.30, 0.32], 0.9); // { mean: 0.305, sd: 0.0129…, lo: 0.29, hi: 0.32, mcse: 0.00645… }
 * ```
 */
export function summarise(values: ArrayLike<number>, level: number): MetricSummary {
  const all = Array.from(values);
  const xs = all.filter(Number.isFinite);
  if (xs.length === 0) return { mean: null, sd: null, lo: null, hi: null, mcse: null, defined: 0 };
  const sorted = xs.slice().sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const sd = xs.length > 1 ? sampleStandardDeviation(xs) : 0;
  return {
    mean: mean(xs),
    sd,
    lo: quantileSorted(sorted, tail),
    hi: quantileSorted(sorted, 1 - tail),
    mcse: sd / Math.sqrt(xs.length),
    ...(xs.length < all.length ? { defined: xs.length } : {}),
  };
}

/** A summary of every metric, by name. */
export type MetricSummaries = Record<MetricName, MetricSummary>;

/**
 * The summary of a metric that every replicate defines by construction (a count, an amount
 * of money, a share of the whole population — never NaN), typed as numbers. Throws if it is
 * undefined after all: that is a bug upstream, not something to print as 0.
 */
export function definedSummary(s: MetricSummary, what: string): DefinedSummary {
  if (s.mean === null) throw new Error(`internal: ${what} is undefined in every replicate`);
  return s;
}
