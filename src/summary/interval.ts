/**
 * Summary of one metric over replicates: mean, sample standard deviation and a percentile
 * interval.
 * @module
 */
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { MetricName } from '../engine/reduce/metrics.js';

/** A metric's distribution over replicates. */
export interface MetricSummary {
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
   * to share among, e.g. no completed course, is undefined). All fields are null when none.
   */
  defined?: number;
}

/**
 * Summarise draws: mean, sd and the central percentile interval at `level`.
 *
 * @example
 * ```ts
 * summarise([0.29, 0.31, 0.30, 0.32], 0.9); // { mean: 0.305, sd: 0.0129…, lo: 0.29, hi: 0.32, mcse: 0.00645… }
 * ```
 */
export function summarise(values: ArrayLike<number>, level: number): MetricSummary {
  const all = Array.from(values);
  const xs = all.filter(Number.isFinite);
  if (xs.length === 0)
    return { mean: null, sd: null, lo: null, hi: null, mcse: null, defined: 0 } as unknown as MetricSummary;
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
