/**
 * The outcome metrics: their names, which direction is better, and how one replicate's
 * accumulator turns into one value of each, per group and in total.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel, type CompiledScenario } from '../compile/compile.js';
import type { Accumulator } from '../engine/simulate.js';

/** Names of the metrics reported for every scenario and group. */
export const METRICS = ['successRate', 'benefitMonths', 'transferCost', 'interventionCost'] as const;

/** One of {@link METRICS}. */
export type MetricName = (typeof METRICS)[number];

/** Whether a higher value of a metric is better (success) or worse (durations, costs). */
export const HIGHER_IS_BETTER: Record<MetricName, boolean> = {
  successRate: true,
  benefitMonths: false,
  transferCost: false,
  interventionCost: false,
};

/** Human-readable descriptions, used in tables and docs. */
export const METRIC_LABELS: Record<MetricName, string> = {
  successRate: 'share in a success state at the horizon',
  benefitMonths: 'months on benefit per citizen',
  transferCost: 'transfers, DKK',
  interventionCost: 'intervention cost, DKK',
};

/** Number of metrics: the stride of a metric row. */
export const M = METRICS.length;

/**
 * Write one replicate's metrics into `out` at `offset`: rows for groups 0…G−1, then the
 * total, each of {@link M} values in {@link METRICS} order.
 */
export function replicateMetrics(cm: CompiledModel, sc: CompiledScenario, acc: Accumulator, out: Float64Array, offset: number): void {
  const { G, A, S, kind, transfer, armCost } = cm;
  const total = new Float64Array(M);
  let totalN = 0;
  for (let g = 0; g < G; g++) {
    let n = 0;
    let success = 0;
    let benefit = 0;
    let transfers = 0;
    let interventions = 0;
    for (let a = 0; a < A; a++) {
      const cell = g * A + a;
      n += sc.counts[cell];
      for (let s = 0; s < S; s++) {
        const m = acc.months[cell * S + s];
        transfers += m * transfer[s];
        if (kind[s] === KIND_BENEFIT) {
          benefit += m;
          interventions += m * armCost[a];
        } else if (kind[s] === KIND_SUCCESS) {
          success += acc.final[cell * S + s];
        }
      }
    }
    const o = offset + g * M;
    out[o] = n > 0 ? success / n : 0;
    out[o + 1] = n > 0 ? benefit / n : 0;
    out[o + 2] = transfers;
    out[o + 3] = interventions;
    total[0] += success;
    total[1] += benefit;
    total[2] += transfers;
    total[3] += interventions;
    totalN += n;
  }
  const o = offset + G * M;
  out[o] = totalN > 0 ? total[0] / totalN : 0;
  out[o + 1] = totalN > 0 ? total[1] / totalN : 0;
  out[o + 2] = total[2];
  out[o + 3] = total[3];
}
