/**
 * Pulling plot-ready rows out of a result: draws per replicate, paired differences against
 * a baseline, and their summaries. Plain arrays, so the same rows feed specs, tables and
 * notebooks.
 * @module
 */
import { metricLabel, metricUnit, type ReportLanguage } from '../format/i18n.js';
import { summarise } from '../summary/interval.js';
import { HIGHER_IS_BETTER } from '../engine/reduce/metrics.js';
import type { SimulationResult } from '../summary/types.js';
import type { DifferenceMetric, PlotMetric, ScenarioComparison } from './types.js';

/** One replicate's value of a metric in one scenario. */
export interface DrawRow {
  /** Replicate number. */
  replicate: number;
  /** Scenario id. */
  scenario: string;
  /** The metric's raw value (share, months or DKK). */
  value: number;
}

/** One replicate's paired difference scenario − baseline. */
export interface DifferenceRow {
  /** Replicate number. */
  replicate: number;
  /** Scenario id. */
  scenario: string;
  /** Baseline scenario id. */
  baseline: string;
  /** scenario − baseline in the same replicate (raw units). */
  diff: number;
}

/** A scenario's difference from the baseline over replicates. */
export interface DifferenceSummary extends DifferenceMetric {
  /** Scenario id. */
  scenario: string;
  /** Baseline scenario id. */
  baseline: string;
}

/** How a metric is named and scaled on an axis. */
export interface MetricText {
  /** Short name, e.g. "success rate at horizon". */
  label: string;
  /** Multiplier from the raw value to the shown one (100 for shares, 1e-6 for DKK). */
  factor: number;
  /** Unit of a level, e.g. "%" or "mio. DKK". */
  unit: string;
  /** Unit of a difference, e.g. "points". */
  diffUnit: string;
}

/**
 * The label and unit of a metric in a language.
 *
 * @example
 * ```ts
 * metricText('transferCost', 'da'); // { label: 'overførsler (brutto)', factor: 1e-6, unit: 'mio. kr.', diffUnit: 'mio. kr.' }
 * ```
 */
export function metricText(metric: PlotMetric, lang: ReportLanguage = 'en'): MetricText {
  return { label: metricLabel(metric, lang), ...metricUnit(metric, lang) };
}

/** Whether a higher value of a metric is better (true for shares of success, false for costs and months). */
export function higherIsBetter(metric: PlotMetric): boolean {
  return HIGHER_IS_BETTER[metric] ?? false;
}

/** The baseline scenario id: the one asked for (checked), else the first scenario. */
export function baselineOf(result: SimulationResult, baseline?: string): string {
  if (baseline === undefined)
    return (result as { comparisons?: ScenarioComparison[] }).comparisons?.[0]?.baseline ?? result.scenarios[0].id;
  if (!result.scenarios.some((s) => s.id === baseline)) {
    throw new RangeError(
      `unknown baseline scenario "${baseline}" (expected one of ${result.scenarios.map((s) => s.id).join(', ')})`,
    );
  }
  return baseline;
}

/** The draws' column of a metric; an unknown metric is a RangeError naming the known ones. */
function metricColumn(result: SimulationResult, metric: PlotMetric): ArrayLike<number> {
  const t = result.tables.draws;
  const fixed = ['replicate', 'scenario', 'group'];
  if (fixed.includes(metric) || !t.columnNames().includes(metric)) {
    throw new RangeError(
      `unknown metric "${metric}" (expected one of ${t
        .columnNames()
        .filter((c) => !fixed.includes(c))
        .join(', ')})`,
    );
  }
  return t.array(metric) as ArrayLike<number>;
}

/**
 * Every replicate's value of `metric` per scenario for one group (default "total");
 * undefined values (NaN: a share with nobody to share among) are left out.
 *
 * @example
 * ```ts
 * const rows = metricDraws(result, 'successRate'); // [{ replicate: 0, scenario: 'today', value: 0.17 }, …]
 * ```
 */
export function metricDraws(result: SimulationResult, metric: PlotMetric, group = 'total'): DrawRow[] {
  const t = result.tables.draws;
  const rep = t.array('replicate') as ArrayLike<number>;
  const sc = t.array('scenario') as ArrayLike<string>;
  const gr = t.array('group') as ArrayLike<string>;
  const v = metricColumn(result, metric);
  const rows: DrawRow[] = [];
  for (let i = 0; i < rep.length; i++) {
    if (gr[i] === group && Number.isFinite(v[i])) rows.push({ replicate: rep[i], scenario: sc[i], value: v[i] });
  }
  if (rows.length === 0 && !result.scenarios[0]?.groups.some((g) => g.id === group) && group !== 'total') {
    throw new RangeError(`unknown group "${group}"`);
  }
  return rows;
}

/**
 * Paired differences scenario − baseline, replicate by replicate. Every scenario meets the
 * same simulated citizens (common random numbers), so these differences are far tighter
 * than the gap between two scenarios' separate intervals suggests.
 *
 * @example
 * ```ts
 * const d = pairedDifferences(result, 'transferCost', 'today');
 * ```
 */
export function pairedDifferences(
  result: SimulationResult,
  metric: PlotMetric,
  baseline?: string,
  group = 'total',
): DifferenceRow[] {
  const base = baselineOf(result, baseline);
  const draws = metricDraws(result, metric, group);
  const ref = new Map<number, number>();
  for (const d of draws) if (d.scenario === base) ref.set(d.replicate, d.value);
  const out: DifferenceRow[] = [];
  for (const d of draws) {
    const b = ref.get(d.replicate);
    if (d.scenario !== base && b !== undefined)
      out.push({ replicate: d.replicate, scenario: d.scenario, baseline: base, diff: d.value - b });
  }
  return out;
}

/**
 * Each scenario's difference from the baseline: mean, sd, interval at the run's level and
 * the share of replicates in which the scenario did better (a tie counting half). Taken
 * from `result.comparisons` when the run carries them for this baseline and group,
 * computed from the draws otherwise (another baseline, or a result without comparisons).
 */
export function differenceSummaries(
  result: SimulationResult,
  metric: PlotMetric,
  baseline?: string,
  group = 'total',
): DifferenceSummary[] {
  const base = baselineOf(result, baseline);
  const given = (result as { comparisons?: ScenarioComparison[] }).comparisons;
  const pick = (c: ScenarioComparison) =>
    (group === 'total' ? c.metrics : c.groups?.find((g) => g.id === group)?.metrics)?.[metric];
  if (given?.length && given.every((c) => c.baseline === base && pick(c))) {
    return given.map((c) => {
      const { mean, sd, lo, hi, probBetter } = pick(c) as DifferenceMetric;
      return { scenario: c.scenario, baseline: c.baseline, mean, sd, lo, hi, probBetter };
    });
  }
  const rows = pairedDifferences(result, metric, base, group);
  const up = higherIsBetter(metric);
  return result.scenarios
    .filter((s) => s.id !== base)
    .map((s) => {
      const xs = rows.filter((r) => r.scenario === s.id).map((r) => r.diff);
      const sum = summarise(xs, result.level);
      // A tie counts half, as in the library's own paired comparisons.
      const better = xs.reduce((n, x) => n + (x === 0 ? 0.5 : (up ? x > 0 : x < 0) ? 1 : 0), 0);
      // No pair defined (e.g. no completed course anywhere): NaN, as the run's own comparisons give.
      return {
        scenario: s.id,
        baseline: base,
        mean: sum.mean ?? NaN,
        sd: sum.sd ?? NaN,
        lo: sum.lo ?? NaN,
        hi: sum.hi ?? NaN,
        probBetter: xs.length ? better / xs.length : NaN,
      };
    });
}
