/**
 * The outcome metrics: their names, which direction is better, and how one replicate's
 * accumulator turns into one value of each, per group, per arm (group × intervention) and
 * in total.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel, type CompiledScenario } from '../../compile/compile.js';
import type { Accumulator } from '../kernel.js';

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
  'monthsToExitQ1',
  'monthsToExitMedian',
  'monthsToExitQ3',
  'onBenefitAt12',
  'onBenefitAt24',
  'onBenefitAt36',
  'waitingMonths',
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
  monthsToExitQ1: false,
  monthsToExitMedian: false,
  monthsToExitQ3: false,
  onBenefitAt12: false,
  onBenefitAt24: false,
  onBenefitAt36: false,
  waitingMonths: false,
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
  monthsToExitQ1:
    'months until a quarter of those starting on benefit have left it for the first time (Kaplan–Meier; undefined if not reached within the horizon)',
  monthsToExitMedian: 'months until half of those starting on benefit have left it for the first time',
  monthsToExitQ3: 'months until three quarters of those starting on benefit have left it for the first time',
  onBenefitAt12: 'share of those starting on benefit whose first spell has not ended after 12 months',
  onBenefitAt24: 'the same after 24 months',
  onBenefitAt36: 'the same after 36 months',
  waitingMonths: 'months spent waiting for a place in a full intervention, per citizen',
};

/** Number of metrics: the stride of a metric row. */
export const M = METRICS.length;

/**
 * Write one replicate's metrics into `out` at `offset`: rows for groups 0…G−1, then the
 * total, each of {@link M} values in {@link METRICS} order. A share with no one to share
 * among (no completed course) is NaN and left out of summaries.
 */
export function replicateMetrics(
  cm: CompiledModel,
  sc: CompiledScenario,
  acc: Accumulator,
  out: Float64Array,
  offset: number,
): void {
  const { G, A } = cm;
  // The total adds the groups' sums (not the cells one by one), as it always has.
  const total = new Float64Array(M + 2);
  const all = new Int32Array(G * A);
  for (let c = 0; c < G * A; c++) all[c] = c;
  for (let g = 0; g < G; g++) {
    const cells = all.subarray(g * A, (g + 1) * A);
    const v = new Float64Array(M + 2);
    addCells(cm, sc, acc, cells, v);
    for (let m = 0; m <= M + 1; m++) total[m] += v[m];
    writeRow(cm, sc, acc, cells, v, out, offset + g * M);
  }
  total[3] += sc.fixedMonthlyCost * cm.discPrefix[cm.H];
  writeRow(cm, sc, acc, all, total, out, offset + G * M);
}

/**
 * One row of {@link M} metrics over any set of accumulator cells (cell = group · A + arm),
 * computed exactly as a group's row: a group row is the row of its A cells, an arm's row
 * the row of its one cell. `fixedCost` (DKK) is added to the intervention cost; the
 * scenario's `fixedMonthlyCost` belongs to the total only.
 */
function cellsMetrics(
  cm: CompiledModel,
  sc: CompiledScenario,
  acc: Accumulator,
  cells: ArrayLike<number>,
  out: Float64Array,
  offset: number,
  fixedCost = 0,
): void {
  const v = new Float64Array(M + 2);
  addCells(cm, sc, acc, cells, v);
  v[3] += fixedCost;
  writeRow(cm, sc, acc, cells, v, out, offset);
}

/**
 * Whether a scenario has arm rows: a steered scenario has none, since steering moves
 * citizens between arms during the run and no arm holds a fixed set of citizens.
 */
export function hasArmRows(sc: { steering?: unknown }): boolean {
  return sc.steering === undefined;
}

/**
 * Write one replicate's arm rows into `out` at `offset`: for every cell g · A + a in order,
 * {@link M} values, the cell's row when citizens were allocated to it (`sc.counts` > 0)
 * and the scenario has arm rows ({@link hasArmRows}), else NaN.
 */
export function armMetrics(
  cm: CompiledModel,
  sc: CompiledScenario,
  acc: Accumulator,
  out: Float64Array,
  offset: number,
): void {
  const cells = new Int32Array(1);
  const rows = hasArmRows(sc);
  for (let c = 0; c < cm.G * cm.A; c++) {
    if (rows && sc.counts[c] > 0) {
      cells[0] = c;
      cellsMetrics(cm, sc, acc, cells, out, offset + c * M);
    } else out.fill(NaN, offset + c * M, offset + (c + 1) * M);
  }
}

/**
 * Add the running sums of `cells` into `v`: slots 0…M−1 follow METRICS loosely, M is the
 * head count (the allocation), M + 1 the waiting months.
 */
function addCells(
  cm: CompiledModel,
  sc: CompiledScenario,
  acc: Accumulator,
  cells: ArrayLike<number>,
  v: Float64Array,
): void {
  const { A, S, NP, kind, transfer, armCost } = cm;
  const detail = cm.moneyDetail;
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    const a = cell % A;
    v[M] += sc.counts[cell];
    v[5] += acc.paidEver[cell];
    v[6] += acc.successExits[cell];
    v[7] += acc.exits[cell]; // exits, turned into a share below
    v[M + 1] += acc.waitMonths[cell];
    for (let s = 0; s < S; s++) {
      for (let p = 0; p < NP; p++) {
        const i = (cell * S + s) * NP + p;
        const dm = detail ? acc.discMonths[i] : acc.months[i];
        v[2] += dm * transfer[p * S + s];
        v[4] += (detail ? acc.netMonths[i] : dm) * transfer[p * S + s];
        if (kind[s] === KIND_BENEFIT) {
          v[1] += acc.months[i];
          // An arm nobody occupies adds nothing, whatever its cost: 0 × an overflowing cost is NaN.
          if (dm !== 0) v[3] += dm * armCost[p * A + a];
        }
      }
      if (kind[s] === KIND_SUCCESS) v[0] += acc.final[cell * S + s];
    }
  }
}

/** Turn the sums `v` of `cells` into a metric row at `out[o…]`. */
function writeRow(
  cm: CompiledModel,
  sc: CompiledScenario,
  acc: Accumulator,
  cells: ArrayLike<number>,
  v: Float64Array,
  out: Float64Array,
  o: number,
): void {
  const premium = cm.premium;
  const premiumMonths = premium > 0 ? paidMonths(cm, acc, cells) : 0;
  survival(cm, sc, acc, cells, out, o + 9);
  const n = v[M];
  out[o] = n > 0 ? v[0] / n : 0;
  out[o + 1] = n > 0 ? v[1] / n : 0;
  out[o + 2] = v[2];
  out[o + 3] = v[3];
  out[o + 4] = v[4];
  out[o + 5] = n > 0 ? v[5] / n : 0;
  out[o + 6] = v[7] > 0 ? v[6] / v[7] : NaN;
  out[o + 7] = premiumMonths * premium;
  out[o + 8] = v[4] + v[3] - out[o + 7];
  out[o + 15] = n > 0 ? v[M + 1] / n : 0;
}

/**
 * Kaplan–Meier for the first benefit spell of those starting on benefit, durations in
 * months since entry. Inflow citizens are censored at the horizon after different follow-up,
 * so S(k) = Π_{j≤k} (1 − d_j / n_j) with n_j those still followed and in their first spell
 * at duration j. Writes Q1, median, Q3 (months; NaN when not reached) and S(12), S(24),
 * S(36) (NaN when nobody is followed that long).
 */
// Reused by survival() (a row is written synchronously, so one set per thread is enough):
// allocating them per row cost more than the rest of the row.
let scratchExits = new Float64Array(0);
let scratchCensored = new Float64Array(0);
let scratchS = new Float64Array(0);

function survival(
  cm: CompiledModel,
  sc: CompiledScenario,
  acc: Accumulator,
  cells: ArrayLike<number>,
  out: Float64Array,
  o: number,
): void {
  const { A, H, kind, groupInitial } = cm;
  let n = 0;
  if (scratchExits.length !== H + 1) {
    scratchExits = new Float64Array(H + 1);
    scratchCensored = new Float64Array(H + 1);
    scratchS = new Float64Array(H + 1);
  }
  const exits = scratchExits.fill(0);
  const censored = scratchCensored.fill(0);
  for (let j = 0; j < cells.length; j++) {
    const cell = cells[j];
    if (kind[groupInitial[Math.floor(cell / A)]] !== KIND_BENEFIT) continue;
    n += sc.counts[cell];
    for (let k = 0; k <= H; k++) {
      exits[k] += acc.exitMonth[cell * (H + 1) + k];
      censored[k] += acc.censorMonth[cell * (H + 1) + k];
    }
  }
  const S = scratchS.fill(NaN);
  let atRisk = n;
  let surv = 1;
  S[0] = n > 0 ? 1 : NaN;
  for (let k = 1; k <= H; k++) {
    atRisk -= censored[k - 1];
    if (atRisk <= 0) break;
    surv *= 1 - exits[k] / atRisk;
    S[k] = surv;
    atRisk -= exits[k];
  }
  const quantile = (q: number) => {
    for (let k = 1; k <= H; k++) {
      if (Number.isNaN(S[k])) return NaN;
      if (S[k] <= 1 - q + 1e-12) return k;
    }
    return NaN;
  };
  out[o] = quantile(0.25);
  out[o + 1] = quantile(0.5);
  out[o + 2] = quantile(0.75);
  out[o + 3] = 12 <= H ? S[12] : NaN;
  out[o + 4] = 24 <= H ? S[24] : NaN;
  out[o + 5] = 36 <= H ? S[36] : NaN;
}

/** Discounted months in paid-hours states over `cells`. */
function paidMonths(cm: CompiledModel, acc: Accumulator, cells: ArrayLike<number>): number {
  const { S, paidHours } = cm;
  let sum = 0;
  for (let j = 0; j < cells.length; j++)
    for (let s = 0; s < S; s++)
      if (paidHours[s])
        for (let p = 0; p < cm.NP; p++)
          sum += (cm.moneyDetail ? acc.discMonths : acc.months)[(cells[j] * S + s) * cm.NP + p];
  return sum;
}
