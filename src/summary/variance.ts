/**
 * The split of each metric's replicate variance into parameters and individual chance.
 * Chance alone is measured by a second pass over the run's first replicates (at most
 * {@link CHANCE_REPLICATES}) with every parameter at its mean and the same citizens'
 * streams, so a scenario no parameter touches gets exactly 0 from parameters; the
 * parameters' share is the rest of the total variance over the same replicates.
 * @module
 */
import { METRICS, type MetricName } from '../engine/reduce/metrics.js';

/** Replicates of the chance-only pass (the first ones of the run). */
export const CHANCE_REPLICATES = 500;

/** How much of a metric's replicate variance comes from parameter draws and how much from individual chance. */
export interface VarianceShare {
  /** Share from the uncertain parameters. */
  parameters: number;
  /** Share from individual chance (Monte Carlo noise of the population). */
  chance: number;
}

/**
 * Per scenario, the variance split of every metric's population total, from the run's
 * metric rows `values` and the chance pass's rows `chance` over their first `n` replicates
 * (`S` scenarios, `G` groups: rows laid out replicate × scenario × (groups + total) × metric).
 */
export function varianceShares(
  values: Float64Array,
  chance: Float64Array,
  n: number,
  S: number,
  G: number,
): Record<MetricName, VarianceShare>[] {
  const per = (G + 1) * METRICS.length;
  const stride = S * per;
  const variance = (xs0: Float64Array, offset: number) => {
    const xs: number[] = [];
    for (let r = 0; r < n; r++) if (Number.isFinite(xs0[r * stride + offset])) xs.push(xs0[r * stride + offset]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  };
  return Array.from({ length: S }, (_, i) => {
    const shares = {} as Record<MetricName, VarianceShare>;
    for (const [m, name] of METRICS.entries()) {
      const offset = i * per + G * METRICS.length + m;
      const total = variance(values, offset);
      const within = variance(chance, offset);
      const c = total > 0 ? Math.min(1, within / total) : 0;
      shares[name] = { parameters: total > 0 ? 1 - c : 0, chance: c };
    }
    return shares;
  });
}
