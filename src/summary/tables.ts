/**
 * Results as arquero tables, so users can filter, join, pivot and export them.
 * @module
 */
import { table, type ColumnTable } from 'arquero';
import { quantileSorted } from 'simple-statistics';
import type { Layout } from '../engine/layout.js';
import { armLabel } from './arms.js';
import { METRICS } from '../engine/reduce/metrics.js';
import type { ScenarioResult, SteeringTrajectory } from './types.js';

/**
 * The raw draws: one row per replicate, scenario and group (`group` is "total" for the
 * whole population), one column per metric.
 */
export function drawsTable(
  values: Float64Array,
  scenarioIds: string[],
  groupIds: string[],
  firstReplicate = 0,
): ColumnTable {
  const M = METRICS.length;
  const rowsPerRep = scenarioIds.length * (groupIds.length + 1);
  const n = values.length / M;
  const replicate = new Int32Array(n);
  const scenario: string[] = new Array(n);
  const group: string[] = new Array(n);
  const cols = METRICS.map(() => new Float64Array(n));
  const groupNames = [...groupIds, 'total'];
  for (let i = 0; i < n; i++) {
    replicate[i] = firstReplicate + Math.floor(i / rowsPerRep);
    const within = i % rowsPerRep;
    scenario[i] = scenarioIds[Math.floor(within / groupNames.length)];
    group[i] = groupNames[within % groupNames.length];
    for (let m = 0; m < M; m++) cols[m][i] = values[i * M + m];
  }
  return table({ replicate, scenario, group, ...Object.fromEntries(METRICS.map((name, m) => [name, cols[m]])) });
}

/**
 * The summary: one row per scenario, group and metric with mean, sd, lo, hi, and the
 * same per arm. `arm` is "all" on the total's rows (`group` "total") and the groups'
 * rows, and `group/intervention` (`group/none` without one) on an arm's rows, whose
 * `group` is the arm's group: filter `arm === 'all'` for totals and groups alone.
 */
export function summaryTable(scenarios: ScenarioResult[]): ColumnTable {
  const rows: {
    scenario: string;
    group: string;
    arm: string;
    metric: string;
    mean: number | null;
    sd: number | null;
    lo: number | null;
    hi: number | null;
  }[] = [];
  for (const sc of scenarios) {
    const blocks = [
      { id: 'total', arm: 'all', metrics: sc.metrics },
      ...sc.groups.map((g) => ({ ...g, arm: 'all' })),
      ...(sc.arms ?? []).map((a) => ({ id: a.group, arm: armLabel(a.group, a.intervention), metrics: a.metrics })),
    ];
    for (const g of blocks) {
      for (const metric of METRICS)
        rows.push({ scenario: sc.id, group: g.id, arm: g.arm, metric, ...g.metrics[metric] });
    }
  }
  return table({
    scenario: rows.map((r) => r.scenario),
    group: rows.map((r) => r.group),
    arm: rows.map((r) => r.arm),
    metric: rows.map((r) => r.metric),
    mean: rows.map((r) => r.mean),
    sd: rows.map((r) => r.sd),
    lo: rows.map((r) => r.lo),
    hi: rows.map((r) => r.hi),
  });
}

/**
 * The arm rows: one row per replicate, scenario and arm (`cells[s]` the cells of scenario
 * s that have rows), with the arm's group, intervention (null for none) and label
 * `group/intervention`, one column per metric.
 */
export function armDrawsTable(
  armValues: Float64Array,
  layout: Layout,
  cells: number[][],
  scenarioIds: string[],
  ivIds: (string | null)[],
  firstReplicate = 0,
): ColumnTable {
  const M = METRICS.length;
  const per = layout.G * layout.A * M;
  const stride = scenarioIds.length * per;
  const R = armValues.length / stride;
  const cols = {
    replicate: [] as number[],
    scenario: [] as string[],
    group: [] as string[],
    intervention: [] as (string | null)[],
    arm: [] as string[],
  };
  const metrics = METRICS.map(() => [] as number[]);
  for (let r = 0; r < R; r++) {
    scenarioIds.forEach((id, s) => {
      for (const cell of cells[s]) {
        const group = layout.groupIds[Math.floor(cell / layout.A)];
        const iv = ivIds[cell % layout.A];
        cols.replicate.push(firstReplicate + r);
        cols.scenario.push(id);
        cols.group.push(group);
        cols.intervention.push(iv);
        cols.arm.push(armLabel(group, iv));
        for (let m = 0; m < M; m++) metrics[m].push(armValues[r * stride + s * per + cell * M + m]);
      }
    });
  }
  return table({ ...cols, ...Object.fromEntries(METRICS.map((name, m) => [name, metrics[m]])) });
}

/**
 * The occupancy series: one row per scenario, state and month (0 … H) with the mean number
 * of citizens, the interval lo–hi at `level` and the quartiles over replicates.
 */
export function occupancyTable(
  occ: Int32Array,
  scenarioIds: string[],
  stateIds: string[],
  H: number,
  level: number,
): ColumnTable {
  const S = stateIds.length;
  const perRep = scenarioIds.length * S * (H + 1);
  const R = occ.length / perRep;
  const cols = {
    scenario: [] as string[],
    state: [] as string[],
    month: [] as number[],
    mean: [] as number[],
    lo: [] as number[],
    hi: [] as number[],
    q25: [] as number[],
    median: [] as number[],
    q75: [] as number[],
  };
  const xs = new Float64Array(R);
  const tail = (1 - level) / 2;
  for (let sc = 0; sc < scenarioIds.length; sc++) {
    for (let s = 0; s < S; s++) {
      for (let t = 0; t <= H; t++) {
        const off = (sc * S + s) * (H + 1) + t;
        let sum = 0;
        for (let r = 0; r < R; r++) sum += xs[r] = occ[r * perRep + off];
        const sorted = Array.from(xs).sort((a, b) => a - b);
        cols.scenario.push(scenarioIds[sc]);
        cols.state.push(stateIds[s]);
        cols.month.push(t);
        cols.mean.push(sum / R);
        cols.lo.push(quantileSorted(sorted, tail));
        cols.hi.push(quantileSorted(sorted, 1 - tail));
        cols.q25.push(quantileSorted(sorted, 0.25));
        cols.median.push(quantileSorted(sorted, 0.5));
        cols.q75.push(quantileSorted(sorted, 0.75));
      }
    }
  }
  return table(cols);
}

/**
 * The steered shares: one row per replicate, steered scenario and review month (month 0
 * first), with the share in force from that month.
 */
export function steeringTable(trajectories: SteeringTrajectory[], firstReplicate = 0): ColumnTable {
  const replicate: number[] = [];
  const scenario: string[] = [];
  const month: number[] = [];
  const date: (string | null)[] = [];
  const share: number[] = [];
  for (const tr of trajectories) {
    tr.replicates.forEach((row, r) => {
      row.forEach((v, k) => {
        replicate.push(firstReplicate + r);
        scenario.push(tr.scenario);
        month.push(tr.months[k]);
        date.push(tr.dates ? tr.dates[k] : null);
        share.push(v);
      });
    });
  }
  return table({ replicate, scenario, month, date, share });
}
