/**
 * The business case: yearly budget lines by payer with intervals, the same as paired
 * differences against the baseline, and payback — the month when cumulative municipal
 * savings first cover cumulative extra spending — as a distribution over replicates.
 * @module
 */
import type { CompiledModel } from '../compile/compile.js';
import { pairedComparison } from './compare.js';
import { summarise } from './interval.js';
import { YEARLY_HIGHER_IS_BETTER, YEARLY_ITEMS, YEARLY_PAYER, type YearlyItem } from './ledger.js';

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

/** Payback of one scenario against the baseline. */
export interface Payback {
  /** The investing scenario. */
  scenario: string;
  /** What it is compared with. */
  baseline: string;
  /**
   * Median month (1 = after the first month) by which cumulative municipal savings cover
   * cumulative extra spending; null when that happens in fewer than half the replicates.
   */
  medianMonth: number | null;
  /** Lower end of the interval of the payback month (null if censored). */
  lo: number | null;
  /** Upper end (null when at least that share of replicates never pays back within the horizon). */
  hi: number | null;
  /** Share of replicates that pay back within the horizon. */
  probWithinHorizon: number;
  /** The median month as a calendar month `YYYY-MM`, when the model has a start date. */
  medianDate?: string;
  /** Mean cumulative municipal net result at the horizon (negative: the scenario saves money), DKK. */
  netResult: number;
}

function monthLabel(start: string | undefined, month: number): string | undefined {
  if (!start) return undefined;
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7)) - 1 + month; // the month in which the payback is reached, 1-based count
  return `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
}

/** Yearly lines (and totals) per scenario, and their paired differences against the baseline. */
export function yearlyResults(cm: CompiledModel, scenarioIds: string[], baseline: number, yearly: Float64Array, level: number): { lines: YearlyLine[]; differences: YearlyDifference[] } {
  const K = YEARLY_ITEMS.length;
  const Y = cm.years.length;
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
  const years = [...cm.years, 'total'];
  scenarioIds.forEach((id, s) => {
    years.forEach((year, y) => {
      YEARLY_ITEMS.forEach((item, k) => {
        const col = column(s, y, k);
        const { mean, sd, lo, hi } = summarise(col, level);
        lines.push({ scenario: id, year, item, payer: YEARLY_PAYER[item], mean, sd, lo, hi });
        if (s !== baseline) {
          const d = pairedComparison(col, column(baseline, y, k), YEARLY_HIGHER_IS_BETTER[item], level);
          differences.push({ scenario: id, baseline: scenarioIds[baseline], year, item, payer: YEARLY_PAYER[item], mean: d.mean, sd: d.sd, lo: d.lo, hi: d.hi, probBetter: d.probBetter });
        }
      });
    });
  });
  return { lines, differences };
}

/**
 * Payback of every scenario against the baseline from the monthly municipal cost: per
 * replicate the first month m at which Σ_{t<m} (cost_s(t) − cost_b(t)) ≤ 0, never if that
 * does not happen within the horizon; summarised with never counted as beyond any month.
 */
export function paybackResults(cm: CompiledModel, scenarioIds: string[], baseline: number, monthly: Float64Array, level: number, start?: string): Payback[] {
  const H = cm.H;
  const stride = scenarioIds.length * H;
  const R = monthly.length / stride;
  const out: Payback[] = [];
  scenarioIds.forEach((id, s) => {
    if (s === baseline) return;
    const months: number[] = [];
    let net = 0;
    for (let r = 0; r < R; r++) {
      let cum = 0;
      let at = Infinity;
      for (let t = 0; t < H; t++) {
        cum += monthly[r * stride + s * H + t] - monthly[r * stride + baseline * H + t];
        if (cum <= 0 && at === Infinity) at = t + 1;
      }
      net += cum;
      months.push(at);
    }
    months.sort((a, b) => a - b);
    // Nearest-rank quantiles: months are whole numbers and "never" must stay "never".
    const q = (p: number) => {
      const v = months[Math.min(R - 1, Math.max(0, Math.ceil(p * R) - 1))];
      return Number.isFinite(v) ? v : null;
    };
    const tail = (1 - level) / 2;
    const median = q(0.5);
    const date = median === null ? undefined : monthLabel(start, median);
    out.push({
      scenario: id,
      baseline: scenarioIds[baseline],
      medianMonth: median,
      lo: q(tail),
      hi: q(1 - tail),
      probWithinHorizon: months.filter(Number.isFinite).length / R,
      ...(date ? { medianDate: date } : {}),
      netResult: net / R,
    });
  });
  return out;
}
