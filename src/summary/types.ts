/**
 * The shape of a run's result: what {@link simulate} returns and `summary/result.ts`
 * assembles. Types only, so tables, arms and reports can name them without importing the
 * assembly.
 * @module
 */
import type {
  AccountDifference,
  AccountSummary,
  PayerDifference,
  PayerSummary,
  YearlyPayerDifference,
  YearlyPayerLine,
} from './accounts.js';
import type { ColumnTable } from 'arquero';
import type { ArmComparison, ArmResult } from './arms.js';
import type { PairedDifference } from './compare.js';
import type { Payback, YearlyDifference, YearlyLine } from './business.js';
import type { DecisionFigures, IcerSummary } from './decision.js';
import type { MetricSummaries } from './interval.js';
import type { VarianceShare } from './variance.js';
import type { Layout } from '../engine/layout.js';
import type { MetricName } from '../engine/reduce/metrics.js';

export type { MetricSummaries } from './interval.js';
/** One group × intervention count of a scenario; `intervention: null` is the remainder. */
export interface AllocationCount {
  /** Group id. */
  group: string;
  /** Intervention id, or null for the group's citizens without an intervention. */
  intervention: string | null;
  /** Number of citizens. */
  count: number;
}

/** One group's results within a scenario. */
export interface GroupResult {
  /** Group id. */
  id: string;
  /** Metrics over the group's citizens. */
  metrics: MetricSummaries;
}

export type { VarianceShare } from './variance.js';

/** One scenario's results. */
export interface ScenarioResult {
  /** Scenario id. */
  id: string;
  /** Scenario label, when the model gives one. */
  label?: string;
  /**
   * Every group × intervention count, the unallocated remainder with `intervention: null`.
   * With steering this is the allocation at the start (newcomers at the starting share); the
   * share over time is in {@link SimulationResult.steering}.
   */
  allocation: AllocationCount[];
  /** Metrics over the whole population. */
  metrics: MetricSummaries;
  /** Metrics per group. */
  groups: GroupResult[];
  /**
   * Metrics per arm (group × intervention, null for none) with citizens allocated to it,
   * in group order, "none" first. Empty for a steered scenario (citizens change arm), and
   * for a result merged from parts kept without arm rows. See {@link ArmResult.basis}.
   */
  arms: ArmResult[];
  /** Each account line's discounted total (money by payer, effects), when the run kept the ledger. */
  accounts?: AccountSummary[];
  /** Net money by payer (and `society`, all payers together), when the run kept the ledger. */
  payers?: PayerSummary[];
  /**
   * With uncertain parameters: the split of each metric's variance. Chance is estimated by
   * re-running with every parameter at its mean (up to 500 replicates, same seed); the
   * parameters' share is the rest.
   */
  varianceShares?: Record<MetricName, VarianceShare>;
}

/**
 * The share a scenario's portfolio steering gave the active intervention: per replicate
 * and as a summary, at month 0 and every review.
 */
export interface SteeringTrajectory {
  /** Scenario id. */
  scenario: string;
  /** The steered intervention. */
  intervention: string;
  /** Month 0 and the review months; the share holds from each until the next. */
  months: number[];
  /** Those months as dates (`YYYY-MM`), when the model has a start. */
  dates?: string[];
  /** Mean share over replicates, per month in `months`. */
  mean: number[];
  /** Lower end of the interval. */
  lo: number[];
  /** Upper end of the interval. */
  hi: number[];
  /** The share per replicate (rows, from the run's first replicate) and month in `months` (columns). */
  replicates: number[][];
}

/** Citizens waiting for a place in one month of one scenario. */
export interface QueueLength {
  /** Scenario id. */
  scenario: string;
  /** Month (0 … H−1). */
  month: number;
  /** Mean over replicates. */
  mean: number;
  /** Lower end of the interval. */
  lo: number;
  /** Upper end of the interval. */
  hi: number;
}

/** The outcome of a precision-targeted run. */
export interface PrecisionOutcome {
  /** The target Monte Carlo standard error. */
  target: number;
  /** Whether every mean reached it within `maxReplicates`. */
  reached: boolean;
}

/** One group's paired differences. */
export interface GroupComparison {
  /** Group id. */
  id: string;
  /** scenario − baseline per metric, over the group's citizens. */
  metrics: Record<MetricName, PairedDifference>;
}

/** One scenario against the baseline: the paired difference of every metric. */
export interface Comparison {
  /** The scenario. */
  scenario: string;
  /** The baseline it is compared with. */
  baseline: string;
  /** scenario − baseline per metric, over the whole population. */
  metrics: Record<MetricName, PairedDifference>;
  /** The same per group. */
  groups: GroupComparison[];
  /** The same per arm present (with citizens) in both the scenario and the baseline. */
  arms: ArmComparison[];
  /** Paired differences of each account line. */
  accounts?: AccountDifference[];
  /** Paired differences of each payer's net money. */
  payers?: PayerDifference[];
  /**
   * Cost per extra success: Δ municipalCost / Δ successful citizens, with a bootstrap
   * interval and the dominance flags of health economics.
   */
  icer: IcerSummary;
}

/**
 * Decision summaries across all scenarios, on expected outcomes given the parameter draws
 * (see {@link DecisionFigures}), with the probability best per metric by metric name.
 */
export interface DecisionSummary extends DecisionFigures {
  /**
   * Per metric, the probability over parameter draws that each scenario has the best
   * expected outcome (higher or lower as the metric prefers); ties split evenly.
   */
  probabilityBest: Record<MetricName, Record<string, number>>;
  /** Whose money the cost counts (a payer or `society`), when not the default (the municipality). */
  perspective?: string;
  /** The effect weighed (`successes` or an effect account), when not the default (successes). */
  effect?: string;
}

export type { EvppiEntry, CeacPoint, DecisionFigures } from './decision.js';
export type {
  AccountSummary,
  AccountDifference,
  PayerSummary,
  PayerDifference,
  YearlyPayerLine,
  YearlyPayerDifference,
} from './accounts.js';

/**
 * The raw arrays of a run, each laid out replicate by replicate, and the {@link Layout}
 * that says what every number means. Everything else in a {@link SimulationResult} is
 * computed from these.
 */
export interface RawResult {
  /** What each number of the arrays below belongs to: scenario, group, arm, state, month, year; their strides. */
  layout: Layout;
  /** Metric rows: replicate × scenario × (groups + total) × metric ({@link METRICS} order). */
  values: Float64Array;
  /**
   * Arm rows: replicate × scenario × cell × metric, cell = group · A + arm with A =
   * interventions + 1 and arm 0 = none, interventions in model order, groups as in the
   * model then inflow groups. NaN for cells without citizens and for steered scenarios.
   * Absent for a result merged from parts kept without arm rows.
   */
  arms?: Float64Array;
  /** Municipal cost per month: replicate × scenario × month. */
  monthly?: Float64Array;
  /** The yearly ledger: replicate × scenario × year × item (the order of `YEARLY_ITEMS` in `forlob/statistics`). */
  yearly?: Float64Array;
  /** With a capacity: citizens waiting for a place, replicate × scenario × month. */
  queue?: Int32Array;
  /** With portfolio steering: the steered share, replicate × scenario × month (NaN for scenarios without steering). */
  shares?: Float64Array;
  /**
   * With uncertain parameters: the chance pass's metric rows (every parameter at its mean)
   * for the run's replicates among the first 500, laid out like `values` — what a split
   * run keeps so that merged parts get the whole run's {@link ScenarioResult.varianceShares}.
   */
  chance?: Float64Array;
  /** With the `occupancy` option: citizens per state, replicate × scenario × state × (H + 1) months. */
  occupancy?: Int32Array;
  /** Account line totals: replicate × scenario × line (`layout.lines`), discounted. */
  accounts?: Float64Array;
  /** Account lines per year: replicate × scenario × year × line, discounted. */
  accountsYearly?: Float64Array;
}

/**
 * The result as arquero tables, each built the first time it is read (a large run's
 * per-replicate tables cost memory nobody may ask for).
 */
export interface ResultTables {
  /** One row per replicate, scenario and group (`group` = "total" for the population), one column per metric. */
  readonly draws: ColumnTable;
  /**
   * One row per scenario, group, arm and metric with mean, sd, lo, hi: `arm` is "all" on
   * the total's (`group` "total") and the groups' rows, `group/intervention` (`group/none`)
   * on an arm's rows. Filter `arm === 'all'` for the totals and groups alone.
   */
  readonly summary: ColumnTable;
  /**
   * The arm rows: one row per replicate, scenario and arm of {@link ScenarioResult.arms}
   * (columns replicate, scenario, group, intervention, arm, then one per metric).
   */
  readonly armDraws?: ColumnTable;
  /** With portfolio steering: one row per replicate, steered scenario and review month. */
  readonly steeringDraws?: ColumnTable;
  /**
   * With the `occupancy` option: citizens in each state month by month (month H is the
   * final state) — one row per scenario, state and month with mean, the interval lo–hi at
   * the run's level, and quartiles q25, median, q75 over replicates.
   */
  readonly occupancy?: ColumnTable;
}

/**
 * The result of {@link simulate}, in three parts: the run's settings and summaries (plain
 * data, what `resultToJSON` writes), {@link SimulationResult.tables | tables} built on
 * demand, and the {@link SimulationResult.raw | raw} arrays with their layout.
 *
 * @example
 * ```ts
 * const result = await simulate(presets['randers-2025'].model, { replicates: 500 });
 * result.scenarios[0].metrics.successRate.mean; // a summary
 * result.tables.summary.print();               // an arquero table, built now
 * result.raw.values.length / result.raw.layout.strides.replicate; // 500 replicates
 * ```
 */
export interface SimulationResult {
  /** The model's name. */
  model: string;
  /** The seed, as a string. */
  seed: string;
  /** Number of replicates of the whole run. */
  replicates: number;
  /** The replicates simulated, `[from, to)`, when only part of the run was. */
  replicateRange?: [number, number];
  /** Months simulated. */
  horizonMonths: number;
  /** `year` when each step of the model is a year (`horizonMonths` then counts years); absent for months. */
  cycle?: 'year';
  /** Level of the percentile intervals. */
  level: number;
  /** Per-scenario summaries, in model order. */
  scenarios: ScenarioResult[];
  /** The scenario the others are compared with (option `baseline`, default the first). */
  baseline: string;
  /**
   * Each other scenario against the baseline: paired differences (common random numbers:
   * the same citizens' streams and parameter draws in every scenario of a replicate).
   */
  comparisons: Comparison[];
  /** Which scenario is best how often, and what perfect information would be worth. */
  decision: DecisionSummary;
  /** Budget lines per scenario, calendar year (and "total") and payer, with intervals. */
  yearly?: YearlyLine[];
  /** The same as paired differences against the baseline: the municipal net result per year. */
  yearlyComparisons?: YearlyDifference[];
  /** Net money per payer, scenario and year, with intervals (from the accounts). */
  yearlyPayers?: YearlyPayerLine[];
  /** The same as paired differences against the baseline. */
  yearlyPayerComparisons?: YearlyPayerDifference[];
  /** Payback of each scenario against the baseline. */
  payback?: Payback[];
  /** With a capacity: citizens waiting for a place, per scenario and month, over replicates. */
  queue?: QueueLength[];
  /** With portfolio steering: the steered share per scenario, replicate and review. */
  steering?: SteeringTrajectory[];
  /** With the `precision` option: the target and whether it was reached within `maxReplicates`. */
  precision?: PrecisionOutcome;
  /** The result as arquero tables, built on first read. */
  readonly tables: ResultTables;
  /** The raw arrays and their layout. */
  raw: RawResult;

  /** @deprecated Use `raw.values`. */
  readonly values: Float64Array;
  /** @deprecated Use `raw.arms`. */
  readonly armValues?: Float64Array;
  /** @deprecated Use `raw.monthly`. */
  readonly monthlyValues?: Float64Array;
  /** @deprecated Use `raw.yearly`. */
  readonly yearlyValues?: Float64Array;
  /** @deprecated Use `raw.queue`. */
  readonly queueValues?: Int32Array;
  /** @deprecated Use `raw.shares`. */
  readonly shareValues?: Float64Array;
  /** @deprecated Use `raw.chance`. */
  readonly chanceValues?: Float64Array;
  /** @deprecated Use `tables.draws`. */
  readonly draws: ColumnTable;
  /** @deprecated Use `tables.summary`. */
  readonly summary: ColumnTable;
  /** @deprecated Use `tables.armDraws`. */
  readonly armDraws?: ColumnTable;
  /** @deprecated Use `tables.steeringDraws`. */
  readonly steeringDraws?: ColumnTable;
  /** @deprecated Use `tables.occupancy`. */
  readonly occupancy?: ColumnTable;
}
