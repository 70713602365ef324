/**
 * Paired comparison of a scenario with a baseline. Replicate r of every scenario shares its
 * citizens' random streams and parameter draws (common random numbers), so the per-
 * replicate difference cancels the noise the two share: its spread is far below what two
 * independent summaries would suggest, and it is the spread that matters for "is the
 * scenario better?".
 * @module
 */
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';

/** The distribution over replicates of scenario − baseline. */
export interface PairedDifference {
  /** Mean of scenario − baseline. */
  mean: number;
  /** Sample standard deviation of the differences (0 for a single pair). */
  sd: number;
  /** Lower end of the percentile interval of the differences, the (1 − level)/2 quantile. */
  lo: number;
  /** Upper end of the percentile interval of the differences, the (1 + level)/2 quantile. */
  hi: number;
  /**
   * Share of replicates in which the scenario is strictly better than the baseline (higher
   * or lower as the metric prefers), a tie counting half.
   */
  probBetter: number;
  /** Monte Carlo standard error of the mean difference, sd / √pairs. */
  mcse: number;
}

/**
 * Summarise the per-replicate differences `scenario[r] − baseline[r]`. Pairs in which either
 * value is NaN (or infinite) are skipped — e.g. a share with nobody to share among; every
 * field is NaN when no pair is left. Throws a RangeError when the arrays differ in length.
 *
 * @example
 * ```ts
 * pairedComparison([0.31, 0.33, 0.30], [0.29, 0.30, 0.30], true, 0.95);
 * // { mean: 0.0167, sd: 0.0153, lo: 0.001, hi: 0.0295, probBetter: 0.833 (a tie counts half), mcse: 0.0088 } (rounded)
 * ```
 */
export function pairedComparison(
  scenario: ArrayLike<number>,
  baseline: ArrayLike<number>,
  higherIsBetter: boolean,
  level: number,
): PairedDifference {
  if (scenario.length !== baseline.length) {
    throw new RangeError(
      `pairedComparison: expected one value per replicate in both, got ${scenario.length} and ${baseline.length}`,
    );
  }
  const diffs: number[] = [];
  for (let r = 0; r < scenario.length; r++) {
    const d = scenario[r] - baseline[r];
    if (Number.isFinite(scenario[r]) && Number.isFinite(baseline[r])) diffs.push(d);
  }
  const n = diffs.length;
  if (n === 0) return { mean: NaN, sd: NaN, lo: NaN, hi: NaN, probBetter: NaN, mcse: NaN };
  let better = 0;
  for (const d of diffs) better += d === 0 ? 0.5 : d > 0 === higherIsBetter ? 1 : 0;
  const sorted = diffs.slice().sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const sd = n > 1 ? sampleStandardDeviation(diffs) : 0;
  return {
    mean: mean(diffs),
    sd,
    lo: quantileSorted(sorted, tail),
    hi: quantileSorted(sorted, 1 - tail),
    probBetter: better / n,
    mcse: sd / Math.sqrt(n),
  };
}
