/**
 * Turning raw metric rows into the result users see: per-scenario and per-group summaries,
 * allocations, and arquero tables of the draws and the summary.
 * @module
 */
import type { ColumnTable } from 'arquero';
import { compileModel, type CompiledModel } from '../compile/compile.js';
import type { BlockResult } from '../engine/run.js';
import { fixedIndices, varyingDraws, type UncertaintyPlan } from '../params/plan.js';
import { wtpGrid, type ResolvedOptions } from '../options.js';
import { armDrawsTable, drawsTable, occupancyTable, steeringTable, summaryTable } from '../report/tables.js';
import { armComparisons, armCells, scenarioArms, type ArmComparison, type ArmResult } from './arms.js';
import { summarise, type MetricSummary } from './interval.js';
import type { VarianceShare } from './variance.js';
import seedrandom from 'seedrandom';
import { pairedComparison, type PairedDifference } from './compare.js';
import { paybackResults, yearlyResults, type Payback, type YearlyDifference, type YearlyLine } from './business.js';
import { decisionSummary, icer, type DecisionFigures, type IcerSummary } from './decision.js';
import { HIGHER_IS_BETTER, M, METRICS, type MetricName } from './metrics.js';
import { ForlobInputError } from '../model/errors.js';
import type { ModelSpec } from '../model/types.js';

/** One group × intervention count of a scenario; `intervention: null` is the remainder. */
export interface AllocationCount {
  /** Group id. */
  group: string;
  /** Intervention id, or null for the group's citizens without an intervention. */
  intervention: string | null;
  /** Number of citizens. */
  count: number;
}

/** A summary of every metric. */
export type MetricSummaries = Record<MetricName, MetricSummary>;

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
}

export type { EvppiEntry, CeacPoint, DecisionFigures } from './decision.js';

/**
 * The result of {@link simulate}: the run's settings, each scenario's summaries, and
 * arquero tables for filtering, joining and export.
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
  /** Payback of each scenario against the baseline. */
  payback?: Payback[];
  /** With a capacity: citizens waiting for a place, per scenario and month, over replicates. */
  queue?: QueueLength[];
  /** The raw queue lengths: replicate × scenario × month. */
  queueValues?: Int32Array;
  /** With portfolio steering: the steered share per scenario, replicate and review. */
  steering?: SteeringTrajectory[];
  /** The raw steered shares: replicate × scenario × month (NaN for scenarios without steering). */
  shareValues?: Float64Array;
  /** The steered shares as a table: one row per replicate, steered scenario and review month. */
  steeringDraws?: ColumnTable;
  /** One row per replicate, scenario and group (`group` = "total" for the population). */
  draws: ColumnTable;
  /**
   * One row per scenario, group, arm and metric with mean, sd, lo, hi: `arm` is "all" on
   * the total's (`group` "total") and the groups' rows, `group/intervention` (`group/none`)
   * on an arm's rows. Filter `arm === 'all'` for the totals and groups alone.
   */
  summary: ColumnTable;
  /** With the `precision` option: the target and whether it was reached within `maxReplicates`. */
  precision?: PrecisionOutcome;
  /** The raw metric rows: replicate × scenario × (groups + total) × metric. */
  values: Float64Array;
  /**
   * With uncertain parameters: the chance pass's metric rows (every parameter at its mean)
   * for the run's replicates among the first 500, laid out like `values` — what a split
   * run keeps so that merged parts get the whole run's {@link ScenarioResult.varianceShares}.
   */
  chanceValues?: Float64Array;
  /**
   * The raw arm rows: replicate × scenario × cell × metric, cell = group · A + arm with A =
   * interventions + 1 and arm 0 = none, interventions in model order, groups as in the
   * model then inflow groups. NaN for cells without citizens and for steered scenarios.
   * Absent for a result merged from parts kept without arm rows.
   */
  armValues?: Float64Array;
  /**
   * The arm rows as a table: one row per replicate, scenario and arm of
   * {@link ScenarioResult.arms} (columns replicate, scenario, group, intervention, arm,
   * then one per metric). `draws` keeps groups and totals only.
   */
  armDraws?: ColumnTable;
  /** The raw monthly municipal cost: replicate × scenario × month. */
  monthlyValues?: Float64Array;
  /** The raw yearly ledger: replicate × scenario × year × item. */
  yearlyValues?: Float64Array;
  /**
   * With the `occupancy` option: citizens in each state month by month (month H is the
   * final state) — one row per scenario, state and month with mean, the interval lo–hi at
   * the run's level, and quartiles q25, median, q75 over replicates.
   */
  occupancy?: ColumnTable;
}

/** The value of metric `m` for group row `g` of scenario `s` in every replicate. */
function metricColumn(values: Float64Array, cm: CompiledModel, s: number, g: number, m: number): Float64Array {
  const per = (cm.G + 1) * M;
  const stride = cm.scenarios.length * per;
  const R = values.length / stride;
  const out = new Float64Array(R);
  for (let r = 0; r < R; r++) out[r] = values[r * stride + s * per + g * M + m];
  return out;
}

function summariseRow(values: Float64Array, cm: CompiledModel, s: number, g: number, level: number): MetricSummaries {
  const out = {} as MetricSummaries;
  METRICS.forEach((name, m) => {
    out[name] = summarise(metricColumn(values, cm, s, g, m), level);
  });
  return out;
}

function queueLengths(q: Int32Array, ids: string[], H: number, level: number): QueueLength[] {
  const R = q.length / (ids.length * H);
  const out: QueueLength[] = [];
  ids.forEach((scenario, s) => {
    for (let t = 0; t < H; t++) {
      const xs = new Float64Array(R);
      for (let r = 0; r < R; r++) xs[r] = q[(r * ids.length + s) * H + t];
      const { mean, lo, hi } = summarise(xs, level);
      out.push({ scenario, month: t, mean, lo, hi });
    }
  });
  return out;
}

/** `YYYY-MM` of month t after `start`. */
function monthDate(start: string, t: number): string {
  const m0 = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + t;
  return `${Math.floor(m0 / 12)}-${String((m0 % 12) + 1).padStart(2, '0')}`;
}

function steeringTrajectories(
  spec: ModelSpec,
  cm: CompiledModel,
  shares: Float64Array,
  level: number,
): SteeringTrajectory[] {
  const Sc = cm.scenarios.length;
  const R = shares.length / (Sc * cm.H);
  const out: SteeringTrajectory[] = [];
  cm.scenarios.forEach((sc, s) => {
    const st = sc.steering;
    if (!st) return;
    const months = [0];
    for (let t = st.every; t < cm.H; t += st.every) months.push(t);
    const replicates = Array.from({ length: R }, (_, r) => months.map((t) => shares[(r * Sc + s) * cm.H + t]));
    const sums = months.map((_, k) =>
      summarise(
        Float64Array.from(replicates, (row) => row[k]),
        level,
      ),
    );
    out.push({
      scenario: sc.id,
      intervention: spec.scenarios[s].steering!.intervention,
      months,
      ...(spec.start ? { dates: months.map((t) => monthDate(spec.start!, t)) } : {}),
      mean: sums.map((x) => x.mean),
      lo: sums.map((x) => x.lo),
      hi: sums.map((x) => x.hi),
      replicates,
    });
  });
  return out;
}

/** Build a {@link SimulationResult} from raw rows. */
export function assembleResult(plan: UncertaintyPlan, opts: ResolvedOptions, block: BlockResult): SimulationResult {
  const spec = plan.point;
  const cm = compileModel(spec);
  const { values, occupancy } = block;
  const ivIds = [null, ...(spec.interventions ?? []).map((iv) => iv.id)];
  const scenarios = spec.scenarios.map((sc, s): ScenarioResult => {
    const allocation: AllocationCount[] = [];
    cm.groupIds.forEach((gid, gi) => {
      const g = spec.groups.find((x) => x.id === gid) ?? spec.groups.find((x) => `${x.id}:inflow` === gid)!;
      const named = Object.keys(sc.allocation?.[g.id] ?? {});
      for (const iv of named)
        allocation.push({ group: gid, intervention: iv, count: cm.scenarios[s].counts[gi * cm.A + ivIds.indexOf(iv)] });
      allocation.push({ group: gid, intervention: null, count: cm.scenarios[s].counts[gi * cm.A] });
    });
    return {
      id: sc.id,
      ...(sc.label ? { label: sc.label } : {}),
      allocation,
      metrics: summariseRow(values, cm, s, cm.G, opts.level),
      groups: cm.groupIds.map((id, gi) => ({ id, metrics: summariseRow(values, cm, s, gi, opts.level) })),
      arms: block.arms ? scenarioArms(block.arms, cm, s, ivIds, opts.level) : [],
    };
  });
  const groupIds = cm.groupIds;
  const scenarioIds = spec.scenarios.map((s) => s.id);
  const baseline = opts.baseline ?? scenarioIds[0];
  const b = scenarioIds.indexOf(baseline);
  if (b < 0)
    throw new ForlobInputError(
      [
        {
          path: 'options.baseline',
          message: `unknown scenario "${baseline}" (expected one of ${scenarioIds.join(', ')})`,
        },
      ],
      'invalid options',
    );
  const compareRow = (s: number, g: number) =>
    Object.fromEntries(
      METRICS.map((name, m) => [
        name,
        pairedComparison(
          metricColumn(values, cm, s, g, m),
          metricColumn(values, cm, b, g, m),
          HIGHER_IS_BETTER[name],
          opts.level,
        ),
      ]),
    ) as Record<MetricName, PairedDifference>;
  const column = (name: MetricName) =>
    scenarioIds.map((_, s) => metricColumn(values, cm, s, cm.G, METRICS.indexOf(name)));
  const costs = column('municipalCost');
  const successes = column('successRate').map((xs) => xs.map((x) => x * cm.N));
  const parameters = varyingDraws(plan, opts.seed, opts.from, opts.to, fixedIndices(plan, opts.fixed));
  const thetas = parameters.map((p) => p.draws);
  const comparisons: Comparison[] = scenarioIds
    .map((id, s) => ({ id, s }))
    .filter(({ s }) => s !== b)
    .map(({ id, s }) => ({
      scenario: id,
      baseline,
      metrics: compareRow(s, cm.G),
      groups: groupIds.map((gid, g) => ({ id: gid, metrics: compareRow(s, g) })),
      arms: block.arms ? armComparisons(block.arms, cm, s, b, ivIds, opts.level) : [],
      icer: icer(costs, successes, s, b, opts.level, thetas),
    }));
  const rng = seedrandom(`forlob:${opts.seed}:decision`);
  const decision = decisionSummary({
    scenarios: scenarioIds,
    costs,
    effects: successes,
    metrics: METRICS.map((name) => ({ name, values: column(name), higherIsBetter: HIGHER_IS_BETTER[name] })),
    parameters,
    willingnessToPay: opts.willingnessToPay ?? 0,
    grid: wtpGrid(opts.willingnessToPayRange),
    groups: opts.evppiGroups,
    source: () => rng.double(),
  }) as DecisionSummary;
  return {
    model: spec.name,
    seed: opts.seed,
    replicates: opts.replicates,
    ...(opts.from !== 0 || opts.to !== opts.replicates
      ? { replicateRange: [opts.from, opts.to] as [number, number] }
      : {}),
    horizonMonths: spec.horizonMonths,
    level: opts.level,
    scenarios,
    baseline,
    comparisons,
    decision,
    ...(block.yearly
      ? (({ lines, differences }) => ({ yearly: lines, yearlyComparisons: differences }))(
          yearlyResults(cm, scenarioIds, b, block.yearly, opts.level),
        )
      : {}),
    ...(block.queue
      ? { queue: queueLengths(block.queue, scenarioIds, cm.H, opts.level), queueValues: block.queue }
      : {}),
    ...(block.shares
      ? (({ steering }) => ({
          steering,
          steeringDraws: steeringTable(steering, opts.from),
          shareValues: block.shares,
        }))({ steering: steeringTrajectories(spec, cm, block.shares, opts.level) })
      : {}),
    ...(block.monthly ? { payback: paybackResults(cm, scenarioIds, b, block.monthly, opts.level, spec.start) } : {}),
    draws: drawsTable(values, scenarioIds, groupIds, opts.from),
    summary: summaryTable(scenarios),
    values,
    ...(block.arms
      ? {
          armValues: block.arms,
          armDraws: armDrawsTable(
            block.arms,
            cm,
            scenarioIds.map((_, s) => armCells(cm, s)),
            scenarioIds,
            ivIds,
            opts.from,
          ),
        }
      : {}),
    ...(block.monthly ? { monthlyValues: block.monthly } : {}),
    ...(block.yearly ? { yearlyValues: block.yearly } : {}),
    ...(occupancy
      ? {
          occupancy: occupancyTable(
            occupancy,
            scenarioIds,
            spec.states.map((s) => s.id),
            cm.H,
            opts.level,
          ),
        }
      : {}),
  };
}
