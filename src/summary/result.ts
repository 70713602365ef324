import type { Layout } from '../engine/layout.js';
import { addMonths } from '../model/dates.js';
import type { RawRun } from '../engine/run.js';
import { fixedIndices, varyingDraws, type Plan } from '../params/plan.js';
import { wtpGrid, type ResolvedOptions } from '../model/options.js';
import { armDrawsTable, drawsTable, occupancyTable, steeringTable, summaryTable } from './tables.js';
import { armComparisons, armCells, scenarioArms } from './arms.js';
import { definedSummary, summarise, type MetricSummaries } from './interval.js';
import type { ColumnTable } from 'arquero';
import type {
  AllocationCount,
  RawResult,
  ResultTables,
  Comparison,
  DecisionSummary,
  QueueLength,
  ScenarioResult,
  SimulationResult,
  SteeringTrajectory,
} from './types.js';
import { decisionStream } from '../random/streams.js';
import { pairedComparison, type PairedDifference } from './compare.js';
import { paybackResults, yearlyResults } from './business.js';
import {
  accountDifferences,
  effectLine,
  linesColumn,
  payerDifferences,
  perspectiveLines,
  scenarioAccounts,
  scenarioPayers,
  yearlyPayers,
} from './accounts.js';
import { decisionSummary, icer } from './decision.js';
import { HIGHER_IS_BETTER, M, METRICS, type MetricName } from '../engine/reduce/metrics.js';
import { ForlobInputError } from '../model/errors.js';
import type { Model } from '../model/types.js';

/** The value of metric `m` for group row `g` of scenario `s` in every replicate. */
function metricColumn(values: Float64Array, layout: Layout, s: number, g: number, m: number): Float64Array {
  const per = (layout.G + 1) * M;
  const stride = layout.scenarios.length * per;
  const R = values.length / stride;
  const out = new Float64Array(R);
  for (let r = 0; r < R; r++) out[r] = values[r * stride + s * per + g * M + m];
  return out;
}

function summariseRow(values: Float64Array, layout: Layout, s: number, g: number, level: number): MetricSummaries {
  const out = {} as MetricSummaries;
  METRICS.forEach((name, m) => {
    out[name] = summarise(metricColumn(values, layout, s, g, m), level);
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
      const { mean, lo, hi } = definedSummary(summarise(xs, level), 'a queue length');
      out.push({ scenario, month: t, mean, lo, hi });
    }
  });
  return out;
}

function steeringTrajectories(spec: Model, layout: Layout, shares: Float64Array, level: number): SteeringTrajectory[] {
  const Sc = layout.scenarios.length;
  const R = shares.length / (Sc * layout.H);
  const out: SteeringTrajectory[] = [];
  layout.scenarios.forEach((sc, s) => {
    const st = sc.steering;
    if (!st) return;
    const months = [0];
    for (let t = st.every; t < layout.H; t += st.every) months.push(t);
    const replicates = Array.from({ length: R }, (_, r) => months.map((t) => shares[(r * Sc + s) * layout.H + t]));
    const sums = months.map((_, k) =>
      definedSummary(
        summarise(
          Float64Array.from(replicates, (row) => row[k]),
          level,
        ),
        'a steered share',
      ),
    );
    out.push({
      scenario: sc.id,
      intervention: spec.scenarios[s].steering!.intervention,
      months,
      ...(spec.start ? { dates: months.map((t) => addMonths(spec.start!, t)) } : {}),
      mean: sums.map((x) => x.mean),
      lo: sums.map((x) => x.lo),
      hi: sums.map((x) => x.hi),
      replicates,
    });
  });
  return out;
}

/**
 * The per-replicate cost and effect columns of the decision figures. Cost: the perspective's
 * money lines (a payer, or `society`); by default the municipality's (see
 * {@link defaultPerspective}), read from the
 * `municipalCost` metric when the model books nothing beyond the legacy fields (the same
 * sum, kept bit for bit). Effect: successful citizens, or an effect account.
 */
function decisionColumns(
  spec: Model,
  layout: Layout,
  accounts: Float64Array | undefined,
  Sc: number,
  column: (name: MetricName) => Float64Array[],
  opts: ResolvedOptions,
): { costs: Float64Array[]; effects: Float64Array[]; perspective: string } {
  const explicit = hasExplicitFlows(spec);
  const perspective = opts.perspective ?? defaultPerspective(layout);
  const needsAccounts =
    (opts.effect !== undefined && opts.effect !== 'successes') || perspective !== 'municipality' || explicit;
  if (needsAccounts && !accounts)
    throw new ForlobInputError(
      [{ path: 'options.perspective', message: 'the accounts are needed: run with the ledger' }],
      'invalid options',
    );
  const scenarios = Array.from({ length: Sc }, (_, s) => s);
  const costs =
    perspective === 'municipality' && !explicit
      ? column('municipalCost')
      : scenarios.map((s) => linesColumn(accounts!, layout, s, perspectiveLines(layout, perspective)));
  const effects =
    opts.effect === undefined || opts.effect === 'successes'
      ? column('successRate').map((xs) => xs.map((x) => x * layout.N))
      : scenarios.map((s) => linesColumn(accounts!, layout, s, [effectLine(layout, opts.effect!)]));
  return { costs, effects, perspective };
}

/**
 * The perspective when none is chosen: the municipality when it pays anything, else the
 * only payer, else every payer together (`society`).
 */
export function defaultPerspective(layout: Layout): string {
  const payers = [...new Set(layout.lines.flatMap((ln) => (ln.payer === null ? [] : [ln.payer])))];
  if (payers.length === 0 || payers.includes('municipality')) return 'municipality';
  return payers.length === 1 ? payers[0] : 'society';
}

/** Whether the model books any flow beyond the legacy money fields. */
export function hasExplicitFlows(spec: Model): boolean {
  return (
    spec.states.some((st) => st.flows?.length) ||
    (spec.interventions ?? []).some((iv) => iv.flows?.length || iv.startFlows?.length) ||
    spec.scenarios.some((sc) => sc.flows?.length) ||
    (spec.transitionFlows?.length ?? 0) > 0
  );
}

/** Build a {@link SimulationResult} from raw rows. */
export function assembleResult(plan: Plan, opts: ResolvedOptions, block: RawRun): SimulationResult {
  const spec = plan.point;
  const { layout } = block;
  const { values, occupancy } = block;
  const ivIds = [null, ...(spec.interventions ?? []).map((iv) => iv.id)];
  const scenarios = spec.scenarios.map((sc, s): ScenarioResult => {
    const allocation: AllocationCount[] = [];
    layout.groupIds.forEach((gid, gi) => {
      const g = spec.groups.find((x) => x.id === gid) ?? spec.groups.find((x) => `${x.id}:inflow` === gid)!;
      const named = Object.keys(sc.allocation?.[g.id] ?? {});
      for (const iv of named)
        allocation.push({
          group: gid,
          intervention: iv,
          count: layout.scenarios[s].counts[gi * layout.A + ivIds.indexOf(iv)],
        });
      allocation.push({ group: gid, intervention: null, count: layout.scenarios[s].counts[gi * layout.A] });
    });
    return {
      id: sc.id,
      ...(sc.label ? { label: sc.label } : {}),
      allocation,
      metrics: summariseRow(values, layout, s, layout.G, opts.level),
      groups: layout.groupIds.map((id, gi) => ({ id, metrics: summariseRow(values, layout, s, gi, opts.level) })),
      arms: block.arms ? scenarioArms(block.arms, layout, s, ivIds, opts.level) : [],
      ...(block.accounts
        ? {
            accounts: scenarioAccounts(block.accounts, layout, s, opts.level),
            payers: scenarioPayers(block.accounts, layout, s, opts.level),
          }
        : {}),
    };
  });
  const groupIds = layout.groupIds;
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
          metricColumn(values, layout, s, g, m),
          metricColumn(values, layout, b, g, m),
          HIGHER_IS_BETTER[name],
          opts.level,
        ),
      ]),
    ) as Record<MetricName, PairedDifference>;
  const column = (name: MetricName) =>
    scenarioIds.map((_, s) => metricColumn(values, layout, s, layout.G, METRICS.indexOf(name)));
  const { costs, effects, perspective } = decisionColumns(
    spec,
    layout,
    block.accounts,
    scenarioIds.length,
    column,
    opts,
  );
  const parameters = varyingDraws(plan, opts.seed, opts.from, opts.to, fixedIndices(plan, opts.fixed));
  const thetas = parameters.map((p) => p.draws);
  const comparisons: Comparison[] = scenarioIds
    .map((id, s) => ({ id, s }))
    .filter(({ s }) => s !== b)
    .map(({ id, s }) => ({
      scenario: id,
      baseline,
      metrics: compareRow(s, layout.G),
      groups: groupIds.map((gid, g) => ({ id: gid, metrics: compareRow(s, g) })),
      arms: block.arms ? armComparisons(block.arms, layout, s, b, ivIds, opts.level) : [],
      ...(block.accounts
        ? {
            accounts: accountDifferences(block.accounts, layout, s, b, opts.level),
            payers: payerDifferences(block.accounts, layout, s, b, opts.level),
          }
        : {}),
      icer: icer(costs, effects, s, b, opts.level, thetas),
    }));
  const source = decisionStream(opts.seed);
  const decision = decisionSummary({
    scenarios: scenarioIds,
    costs,
    effects,
    metrics: METRICS.map((name) => ({ name, values: column(name), higherIsBetter: HIGHER_IS_BETTER[name] })),
    parameters,
    willingnessToPay: opts.willingnessToPay ?? 0,
    grid: wtpGrid(opts.willingnessToPayRange),
    groups: opts.evppiGroups,
    source,
  }) as DecisionSummary;
  if (opts.perspective !== undefined || perspective !== 'municipality') decision.perspective = perspective;
  if (opts.effect !== undefined) decision.effect = opts.effect;
  const summaries = {
    model: spec.name,
    seed: opts.seed,
    replicates: opts.replicates,
    ...(opts.from !== 0 || opts.to !== opts.replicates
      ? { replicateRange: [opts.from, opts.to] as [number, number] }
      : {}),
    horizonMonths: spec.horizonMonths,
    ...(spec.cycle === 'year' ? { cycle: 'year' as const } : {}),
    level: opts.level,
    scenarios,
    baseline,
    comparisons,
    decision,
    ...(block.yearly
      ? (({ lines, differences }) => ({ yearly: lines, yearlyComparisons: differences }))(
          yearlyResults(layout, scenarioIds, b, block.yearly, opts.level),
        )
      : {}),
    ...(block.queue ? { queue: queueLengths(block.queue, scenarioIds, layout.H, opts.level) } : {}),
    ...(block.shares ? { steering: steeringTrajectories(spec, layout, block.shares, opts.level) } : {}),
    ...(block.accountsYearly
      ? (({ lines, differences }) => ({ yearlyPayers: lines, yearlyPayerComparisons: differences }))(
          yearlyPayers(block.accountsYearly, layout, scenarioIds, b, opts.level),
        )
      : {}),
    ...(block.monthly
      ? { payback: paybackResults(layout, scenarioIds, b, block.monthly, opts.level, spec.start) }
      : {}),
  };
  const raw: RawResult = {
    layout,
    values,
    ...(block.arms ? { arms: block.arms } : {}),
    ...(block.monthly ? { monthly: block.monthly } : {}),
    ...(block.yearly ? { yearly: block.yearly } : {}),
    ...(block.queue ? { queue: block.queue } : {}),
    ...(block.shares ? { shares: block.shares } : {}),
    ...(occupancy ? { occupancy } : {}),
    ...(block.accounts ? { accounts: block.accounts, accountsYearly: block.accountsYearly } : {}),
  };
  const steering = summaries.steering;
  const arms = block.arms;
  const tables = lazyTables({
    draws: () => drawsTable(values, scenarioIds, groupIds, opts.from),
    summary: () => summaryTable(scenarios),
    ...(arms
      ? {
          armDraws: () =>
            armDrawsTable(
              arms,
              layout,
              scenarioIds.map((_, s) => armCells(layout, s)),
              scenarioIds,
              ivIds,
              opts.from,
            ),
        }
      : {}),
    ...(steering ? { steeringDraws: () => steeringTable(steering, opts.from) } : {}),
    ...(occupancy
      ? { occupancy: () => occupancyTable(occupancy, scenarioIds, layout.stateIds, layout.H, opts.level) }
      : {}),
  });
  return withDeprecatedNames({ ...summaries, tables, raw } as SimulationResult);
}

/** Tables whose builders run on first read, once. */
function lazyTables(builders: Record<string, () => ColumnTable>): ResultTables {
  const tables = {};
  for (const [name, build] of Object.entries(builders)) {
    let table: ColumnTable | undefined;
    Object.defineProperty(tables, name, { enumerable: true, get: () => (table ??= build()) });
  }
  return tables as ResultTables;
}

/** The flat names results had before `raw` and `tables` (0.1), kept readable and out of enumeration. */
const DEPRECATED: [string, (r: SimulationResult) => unknown][] = [
  ['values', (r) => r.raw.values],
  ['armValues', (r) => r.raw.arms],
  ['monthlyValues', (r) => r.raw.monthly],
  ['yearlyValues', (r) => r.raw.yearly],
  ['queueValues', (r) => r.raw.queue],
  ['shareValues', (r) => r.raw.shares],
  ['chanceValues', (r) => r.raw.chance],
  ['draws', (r) => r.tables.draws],
  ['summary', (r) => r.tables.summary],
  ['armDraws', (r) => r.tables.armDraws],
  ['steeringDraws', (r) => r.tables.steeringDraws],
  ['occupancy', (r) => r.tables.occupancy],
];

/** Define the deprecated flat names on a result. */
export function withDeprecatedNames(result: SimulationResult): SimulationResult {
  for (const [name, get] of DEPRECATED)
    Object.defineProperty(result, name, { enumerable: false, configurable: true, get: () => get(result) });
  return result;
}
