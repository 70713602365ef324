/**
 * Per-arm results: an arm is a group × intervention cell of a scenario (intervention null
 * for the group's citizens with none). The engine's accumulator already keeps every cell
 * apart; {@link armMetrics} (metrics.ts) turns each into a metric row with the same code as
 * the group rows, and this module summarises those rows and pairs them with the baseline's.
 *
 * What an arm's row describes:
 *
 * - In a scenario where nobody changes arm (no steering, no intervention with a capacity
 *   allocated), every citizen's whole course is booked in the cell of the arm it was
 *   allocated to: the row is exactly that arm's `count` citizens (`basis: "allocated"`).
 * - When the scenario allocates an intervention with a capacity (`basis: "capacity"`),
 *   heads and outcomes (state at the horizon, paid hours, first exit from benefit and its
 *   timing, waiting months) still count by the allocated arm, but the months and money of
 *   a citizen waiting for a place, or sent to the fallback when it is full, are booked in
 *   the fallback's cell, whose rows and costs apply: months on benefit and costs move from
 *   the capped arm to its fallback. (On the lockstep engine — a capacity that changes
 *   over time — a citizen sent to the fallback with `whenFull: "fallback"` is re-allocated
 *   and its outcomes are booked there too, while `count` stays the allocation.)
 * - A steered scenario has no arm rows: steering moves citizens between arms during the
 *   run, so no arm holds a fixed set of citizens (months are booked in the arm held at the
 *   time, outcomes in the arm held at the exit or the horizon, while the allocation only
 *   says who held what at the start).
 *
 * The scenario's `fixedMonthlyCost` belongs to no arm: it is in the total's intervention
 * cost only. With basis "allocated" the arm rows add up to the group rows (sums of money;
 * per-citizen values weighted by `count`), and the group rows plus `fixedMonthlyCost` to
 * the total. With basis "capacity" they need not: a fallback arm nobody was allocated to
 * has no row, so what is booked there is in the group row only.
 * @module
 */
import type { Layout } from '../engine/layout.js';
import { pairedComparison, type PairedDifference } from './compare.js';
import { summarise } from './interval.js';
import { hasArmRows, HIGHER_IS_BETTER, M, METRICS, type MetricName } from '../engine/reduce/metrics.js';
import type { MetricSummaries } from './interval.js';

/** What an arm's row describes; see the module comment. */
export type ArmBasis = 'allocated' | 'capacity';

/** One arm of a scenario: a group's citizens allocated to one intervention, or to none. */
export interface ArmResult {
  /** Group id (an inflow group as `<id>:inflow`). */
  group: string;
  /** Intervention id, or null for the group's citizens without an intervention. */
  intervention: string | null;
  /** Citizens allocated to the arm (as in the scenario's allocation). */
  count: number;
  /**
   * `"allocated"`: the row is exactly the arm's citizens over their whole course.
   * `"capacity"`: the scenario allocates an intervention with a capacity, and the months
   * and money of citizens waiting for (or turned away from) a place are booked in the
   * fallback arm, not the one they were allocated to.
   */
  basis: ArmBasis;
  /** Metrics over the arm's citizens, as for groups (`fixedMonthlyCost` excluded). */
  metrics: MetricSummaries;
}

/** One arm's paired differences, for an arm present in both the scenario and the baseline. */
export interface ArmComparison {
  /** Group id. */
  group: string;
  /** Intervention id, or null for none. */
  intervention: string | null;
  /**
   * scenario − baseline per metric, replicate by replicate. Citizen k of a group keeps its
   * random streams in every scenario, and the allocation hands a group's citizens out in
   * order (contiguous blocks in the order the allocation lists the interventions, the
   * unallocated rest last; interleaved with readiness classes and random targeting). So
   * an arm with the same count at the same place in both scenarios holds the same citizens
   * and its difference is what the scenario changes for them; when the counts differ the
   * arm holds different (overlapping) citizens in the two scenarios, and its difference
   * mixes who is in the arm with what the arm does.
   */
  metrics: Record<MetricName, PairedDifference>;
}

/** The arm label used in tables: `group/intervention`, `group/none` for no intervention. */
export function armLabel(group: string, intervention: string | null): string {
  return `${group}/${intervention ?? 'none'}`;
}

/** The value of metric `m` for cell `cell` of scenario `s` in every replicate of `armValues`. */
function armColumn(armValues: Float64Array, layout: Layout, s: number, cell: number, m: number): Float64Array {
  const per = layout.G * layout.A * M;
  const stride = layout.scenarios.length * per;
  const R = armValues.length / stride;
  const out = new Float64Array(R);
  for (let r = 0; r < R; r++) out[r] = armValues[r * stride + s * per + cell * M + m];
  return out;
}

/** Cells of scenario `s` that have arm rows, in cell order (group, then arm 0 = none first). */
export function armCells(layout: Layout, s: number): number[] {
  const sc = layout.scenarios[s];
  if (!hasArmRows(sc)) return [];
  const out: number[] = [];
  for (let c = 0; c < layout.G * layout.A; c++) if (sc.counts[c] > 0) out.push(c);
  return out;
}

/** What arm rows of scenario `s` describe. */
function armBasis(layout: Layout, s: number): ArmBasis {
  const sc = layout.scenarios[s];
  for (let c = 0; c < layout.G * layout.A; c++)
    if (sc.counts[c] > 0 && layout.capPlaces[c % layout.A] >= 0) return 'capacity';
  return 'allocated';
}

/** The summarised arms of scenario `s`; `ivIds[a]` is arm a's intervention (null for 0). */
export function scenarioArms(
  armValues: Float64Array,
  layout: Layout,
  s: number,
  ivIds: (string | null)[],
  level: number,
): ArmResult[] {
  const basis = armBasis(layout, s);
  return armCells(layout, s).map((cell) => {
    const metrics = {} as MetricSummaries;
    METRICS.forEach((name, m) => {
      metrics[name] = summarise(armColumn(armValues, layout, s, cell, m), level);
    });
    return {
      group: layout.groupIds[Math.floor(cell / layout.A)],
      intervention: ivIds[cell % layout.A],
      count: layout.scenarios[s].counts[cell],
      basis,
      metrics,
    };
  });
}

/** Paired differences of scenario `s` against baseline `b` for every arm both have. */
export function armComparisons(
  armValues: Float64Array,
  layout: Layout,
  s: number,
  b: number,
  ivIds: (string | null)[],
  level: number,
): ArmComparison[] {
  const inBaseline = new Set(armCells(layout, b));
  return armCells(layout, s)
    .filter((cell) => inBaseline.has(cell))
    .map((cell) => ({
      group: layout.groupIds[Math.floor(cell / layout.A)],
      intervention: ivIds[cell % layout.A],
      metrics: Object.fromEntries(
        METRICS.map((name, m) => [
          name,
          pairedComparison(
            armColumn(armValues, layout, s, cell, m),
            armColumn(armValues, layout, b, cell, m),
            HIGHER_IS_BETTER[name],
            level,
          ),
        ]),
      ) as Record<MetricName, PairedDifference>,
    }));
}
