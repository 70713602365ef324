/**
 * The business case: yearly budget lines by payer with intervals, the same as paired
 * differences against the baseline, and payback — the month from which a scenario's
 * cumulative extra municipal spending against the baseline stays covered to the horizon
 * (see {@link Payback}) — as a distribution over replicates.
 * @module
 */
import type { Layout } from '../engine/layout.js';
import { addMonths } from '../model/dates.js';
import { pairedComparison } from './compare.js';
import { definedSummary, summarise } from './interval.js';
import { YEARLY_HIGHER_IS_BETTER, YEARLY_ITEMS, YEARLY_PAYER, type YearlyItem } from '../engine/reduce/ledger.js';

/** One budget line: a scenario's item in a year (or "total"), over replicates. */
export interface YearlyLine {
  /** Scenario id. */
  scenario: string;
  /** Calendar year, "year N", or "total" for the whole horizon. */
  year: string;
  /** What is counted. */
  item: YearlyItem;
  /** Who bears it: municipality, state, total (gross transfers) or outcome. */
  payer: 'municipality' | 'state' | 'total' | 'outcome';
  /** Mean over replicates. */
  mean: number;
  /** Sample standard deviation. */
  sd: number;
  /** Lower end of the interval. */
  lo: number;
  /** Upper end of the interval. */
  hi: number;
}

/** A budget line as a paired difference against the baseline. */
export interface YearlyDifference extends YearlyLine {
  /** The baseline scenario. */
  baseline: string;
  /** Probability the scenario is better on this line (lower cost, higher income or success). */
  probBetter: number;
}

/**
 * How a cumulative municipal cost difference D(m) (m = 1 … H) against the baseline ends:
 * `"no-outlay"` when D(m) is never above 0, `"never"` when D(H) > 0 (still in the red at
 * the horizon: censored), else `"pays-back"`. See {@link Payback}.
 */
export type PaybackStatus = 'pays-back' | 'never' | 'no-outlay';

/**
 * Payback of one scenario against the baseline.
 *
 * Per replicate, let D(m) = Σ_{t<m} (cost_s(t) − cost_b(t)) be the cumulative municipal
 * cost difference (net transfers + interventions − premium, discounted when the model
 * discounts) of the scenario s against the baseline b after m months, m = 1 … H (month
 * t = 0 is the first month of the horizon). Then the replicate
 * - has *no outlay* if D(m) is never above 0 for any m in 1 … H: the scenario never has
 *   spent more than the baseline, so there is nothing to pay back;
 * - otherwise *pays back* in month m, the first month after which D stays ≤ 0 to the
 *   horizon: the smallest m with D(k) ≤ 0 for every k ≥ m (a dip to or below 0 followed
 *   by a rise above 0 again does not count; exactly 0 counts as covered);
 * - or pays back *never* (censored at the horizon) if D(H) > 0.
 *
 * `status` and `meanCurveMonth` classify the mean curve — the cumulative difference of
 * the mean monthly costs over replicates — by the same rule. The median and its interval
 * are over replicates, with censoring handled by counting a no-outlay replicate as month
 * 0 (it never needed paying back) and a never replicate as beyond the horizon (+∞);
 * nearest-rank quantiles, and a quantile that falls on a never replicate is null.
 * `probWithinHorizon` is the share of replicates whose extra spending is covered by the
 * horizon — paying back or no outlay, i.e. D(H) ≤ 0.
 */
export interface Payback {
  /** The investing scenario. */
  scenario: string;
  /** What it is compared with. */
  baseline: string;
  /** The payback status of the mean curve. */
  status: PaybackStatus;
  /** The payback month of the mean curve when `status` is `"pays-back"`, else null. */
  meanCurveMonth: number | null;
  /**
   * Median payback month over replicates (no outlay counted as 0, never as beyond the
   * horizon; 1 = covered from the end of the first month on); null unless `status` is
   * `"pays-back"`, and null when more than half the replicates never pay back.
   */
  medianMonth: number | null;
  /** Lower end of the interval of the payback month (same counting); null unless `status` is `"pays-back"`. */
  lo: number | null;
  /** Upper end; null unless `status` is `"pays-back"`, and null when it falls on a replicate that never pays back. */
  hi: number | null;
  /** Share of replicates whose extra spending is covered by the horizon: paying back within it or no outlay (D(H) ≤ 0). */
  probWithinHorizon: number;
  /** Share of replicates with no outlay (the cumulative difference never above 0). */
  probNoOutlay: number;
  /**
   * The median month as a calendar month `YYYY-MM` (month m is the m-th month of the
   * horizon, at whose end D is covered for good), present when the model has a start date;
   * null unless `status` is `"pays-back"` and the median month is 1 or later.
   */
  medianDate?: string | null;
  /** Mean cumulative municipal net result at the horizon, D(H) (negative: the scenario saves money), DKK. */
  netResult: number;
}

function monthLabel(start: string | undefined, month: number): string | undefined {
  if (!start) return undefined;
  // Month m of the horizon is the m-th month counted from `start` as the first: start + (m − 1).
  return addMonths(start, month - 1);
}

/** Yearly lines (and totals) per scenario, and their paired differences against the baseline. */
export function yearlyResults(
  layout: Layout,
  scenarioIds: string[],
  baseline: number,
  yearly: Float64Array,
  level: number,
): { lines: YearlyLine[]; differences: YearlyDifference[] } {
  const K = YEARLY_ITEMS.length;
  const Y = layout.years.length;
  const per = Y * K;
  const stride = scenarioIds.length * per;
  const R = yearly.length / stride;
  const column = (s: number, y: number, k: number): Float64Array => {
    const out = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      if (y < Y) out[r] = yearly[r * stride + s * per + y * K + k];
      else if (YEARLY_ITEMS[k] === 'successRate') out[r] = yearly[r * stride + s * per + (Y - 1) * K + k];
      else for (let yy = 0; yy < Y; yy++) out[r] += yearly[r * stride + s * per + yy * K + k];
    }
    return out;
  };
  const lines: YearlyLine[] = [];
  const differences: YearlyDifference[] = [];
  const years = [...layout.years, 'total'];
  scenarioIds.forEach((id, s) => {
    years.forEach((year, y) => {
      YEARLY_ITEMS.forEach((item, k) => {
        const col = column(s, y, k);
        const { mean, sd, lo, hi } = definedSummary(summarise(col, level), 'a yearly amount');
        lines.push({ scenario: id, year, item, payer: YEARLY_PAYER[item], mean, sd, lo, hi });
        if (s !== baseline) {
          const d = pairedComparison(col, column(baseline, y, k), YEARLY_HIGHER_IS_BETTER[item], level);
          differences.push({
            scenario: id,
            baseline: scenarioIds[baseline],
            year,
            item,
            payer: YEARLY_PAYER[item],
            mean: d.mean,
            sd: d.sd,
            lo: d.lo,
            hi: d.hi,
            probBetter: d.probBetter,
          });
        }
      });
    });
  });
  return { lines, differences };
}

/**
 * The payback of one cumulative difference curve (see {@link Payback}) from the monthly
 * municipal cost differences d(t) = cost_s(t) − cost_b(t), t = 0 … H − 1: the status, and
 * the payback month m (D(k) ≤ 0 for every k ≥ m, D(m − 1) > 0) when it pays back.
 */
export function paybackMonth(differences: ArrayLike<number>): { status: PaybackStatus; month: number | null } {
  const H = differences.length;
  let cum = 0;
  let lastAbove = 0; // the last m with D(m) > 0; 0: none
  for (let t = 0; t < H; t++) {
    cum += differences[t];
    if (cum > 0) lastAbove = t + 1;
  }
  if (lastAbove === 0) return { status: 'no-outlay', month: null };
  if (lastAbove === H) return { status: 'never', month: null };
  return { status: 'pays-back', month: lastAbove + 1 };
}

/**
 * The payback summary (everything of {@link Payback} but the scenario ids) from each
 * replicate's monthly municipal cost differences against the baseline (all of length H).
 * `level` is the interval level; `start` (`YYYY-MM`, month 0) dates the median month.
 */
export function paybackSummary(
  replicates: readonly ArrayLike<number>[],
  level: number,
  start?: string,
): Omit<Payback, 'scenario' | 'baseline'> {
  const R = replicates.length;
  const H = R > 0 ? replicates[0].length : 0;
  // The mean curve, classified on the sum over replicates (the same signs as the mean,
  // without a division that could turn an exact 0 into a rounding error).
  const sum = new Float64Array(H);
  // Censoring: no outlay is month 0, never is +∞.
  const months: number[] = [];
  let noOutlay = 0;
  let net = 0;
  for (const d of replicates) {
    const { status, month } = paybackMonth(d);
    if (status === 'no-outlay') noOutlay++;
    months.push(status === 'no-outlay' ? 0 : status === 'never' ? Infinity : (month as number));
    for (let t = 0; t < H; t++) {
      sum[t] += d[t];
      net += d[t];
    }
  }
  const curve = paybackMonth(sum);
  months.sort((a, b) => a - b);
  // Nearest-rank quantiles: months are whole numbers and "never" must stay "never".
  const q = (p: number) => {
    const v = months[Math.min(R - 1, Math.max(0, Math.ceil(p * R) - 1))];
    return curve.status === 'pays-back' && Number.isFinite(v) ? v : null;
  };
  const tail = (1 - level) / 2;
  const median = q(0.5);
  return {
    status: curve.status,
    meanCurveMonth: curve.month,
    medianMonth: median,
    lo: q(tail),
    hi: q(1 - tail),
    probWithinHorizon: months.filter(Number.isFinite).length / R,
    probNoOutlay: noOutlay / R,
    ...(start ? { medianDate: median !== null && median >= 1 ? (monthLabel(start, median) as string) : null } : {}),
    netResult: net / R,
  };
}

/**
 * Payback of every scenario against the baseline (see {@link Payback}) from the monthly
 * municipal cost, `replicates × scenarios × H` values.
 */
export function paybackResults(
  layout: Layout,
  scenarioIds: string[],
  baseline: number,
  monthly: Float64Array,
  level: number,
  start?: string,
): Payback[] {
  const H = layout.H;
  const stride = scenarioIds.length * H;
  const R = monthly.length / stride;
  const out: Payback[] = [];
  scenarioIds.forEach((id, s) => {
    if (s === baseline) return;
    const differences: Float64Array[] = [];
    for (let r = 0; r < R; r++) {
      const d = new Float64Array(H);
      for (let t = 0; t < H; t++) d[t] = monthly[r * stride + s * H + t] - monthly[r * stride + baseline * H + t];
      differences.push(d);
    }
    out.push({ scenario: id, baseline: scenarioIds[baseline], ...paybackSummary(differences, level, start) });
  });
  return out;
}
