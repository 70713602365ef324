/**
 * The outcome metrics: their names, which direction is better, and how one replicate's
 * accumulator turns into one value of each, per group and in total.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel, type CompiledScenario } from '../compile/compile.js';
import type { Accumulator } from '../engine/simulate.js';

/** Names of the metrics reported for every scenario and group. */
export const METRICS = [
  'successRate',
  'benefitMonths',
  'transferCost',
  'interventionCost',
  'netTransferCost',
  'paidHoursRate',
  'completedSuccessShare',
  'premiumIncome',
  'municipalCost',
] as const;

/** One of {@link METRICS}. */
export type MetricName = (typeof METRICS)[number];

/** Whether a higher value of a metric is better (success) or worse (durations, costs). */
export const HIGHER_IS_BETTER: Record<MetricName, boolean> = {
  successRate: true,
  benefitMonths: false,
  transferCost: false,
  interventionCost: false,
  netTransferCost: false,
  paidHoursRate: true,
  completedSuccessShare: true,
  premiumIncome: true,
  municipalCost: false,
};

/** Human-readable descriptions, used in tables and docs. */
export const METRIC_LABELS: Record<MetricName, string> = {
  successRate: 'share in a success state at the horizon',
  benefitMonths: 'months on benefit per citizen within the horizon',
  transferCost: 'transfers, DKK (gross, discounted if a rate is set)',
  interventionCost: 'intervention cost, DKK',
  netTransferCost: "transfers after the state's reimbursement (the municipality's share), DKK",
  paidHoursRate: 'share ever in paid hours within the horizon',
  completedSuccessShare: 'of citizens whose benefit course ended within the horizon, share ending in success',
  premiumIncome: 'premium income for paid-hours months, DKK',
  municipalCost: "the municipality's spending: net transfers + intervention cost − premium income, DKK",
};

/** Number of metrics: the stride of a metric row. */
export const M = METRICS.length;

/**
 * Write one replicate's metrics into `out` at `offset`: rows for groups 0…G−1, then the
 * total, each of {@link M} values in {@link METRICS} order. A share with no one to share
 * among (no completed course) is NaN and left out of summaries.
 */
export function replicateMetrics(cm: CompiledModel, sc: CompiledScenario, acc: Accumulator, out: Float64Array, offset: number): void {
  const { G, A, S, kind, transfer, armCost, premium } = cm;
  const detail = cm.moneyDetail;
  const total = new Float64Array(M + 1);
  for (let g = 0; g <= G; g++) {
    const v = g < G ? new Float64Array(M + 1) : total;
    if (g < G) {
      for (let a = 0; a < A; a++) {
        const cell = g * A + a;
        v[M] += sc.counts[cell];
        v[5] += acc.paidEver[cell];
        v[6] += acc.successExits[cell];
        v[7] += acc.exits[cell]; // exits, turned into a share below
        for (let s = 0; s < S; s++) {
          const i = cell * S + s;
          const dm = detail ? acc.discMonths[i] : acc.months[i];
          v[2] += dm * transfer[s];
          v[4] += (detail ? acc.netMonths[i] : dm) * transfer[s];
          if (kind[s] === KIND_BENEFIT) {
            v[1] += acc.months[i];
            v[3] += dm * armCost[a];
          } else if (kind[s] === KIND_SUCCESS) {
            v[0] += acc.final[i];
          }
        }
      }
      for (let m = 0; m <= M; m++) total[m] += v[m];
    } else {
      v[3] += sc.fixedMonthlyCost * cm.discPrefix[cm.H];
    }
    const premiumMonths = premium > 0 ? paidMonths(cm, acc, g) : 0;
    const n = v[M];
    const o = offset + g * M;
    out[o] = n > 0 ? v[0] / n : 0;
    out[o + 1] = n > 0 ? v[1] / n : 0;
    out[o + 2] = v[2];
    out[o + 3] = v[3];
    out[o + 4] = v[4];
    out[o + 5] = n > 0 ? v[5] / n : 0;
    out[o + 6] = v[7] > 0 ? v[6] / v[7] : NaN;
    out[o + 7] = premiumMonths * premium;
    out[o + 8] = v[4] + v[3] - out[o + 7];
  }
}

/** Discounted months in paid-hours states for group g (all groups when g = G). */
function paidMonths(cm: CompiledModel, acc: Accumulator, g: number): number {
  const { G, A, S, paidHours } = cm;
  let sum = 0;
  for (let gg = 0; gg < G; gg++) {
    if (g < G && gg !== g) continue;
    for (let a = 0; a < A; a++) for (let s = 0; s < S; s++) if (paidHours[s]) sum += (cm.moneyDetail ? acc.discMonths : acc.months)[(gg * A + a) * S + s];
  }
  return sum;
}
