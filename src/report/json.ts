/**
 * The JSON output shape of a run (fixed by the CLI contract; fields are only ever added).
 * What a split run keeps for merging is `summary/kept.ts`.
 * @module
 */
import type { SimulationResult } from '../summary/types.js';

/** The JSON-able view of a result: everything except the arquero tables and raw rows. */
export function resultToJSON(result: SimulationResult): object {
  return {
    model: result.model,
    seed: result.seed,
    replicates: result.replicates,
    ...(result.replicateRange ? { replicateRange: result.replicateRange } : {}),
    horizonMonths: result.horizonMonths,
    ...(result.cycle ? { cycle: result.cycle } : {}),
    level: result.level,
    baseline: result.baseline,
    scenarios: result.scenarios.map((sc) => ({
      id: sc.id,
      ...(sc.label ? { label: sc.label } : {}),
      allocation: sc.allocation,
      metrics: sc.metrics,
      groups: sc.groups,
      arms: sc.arms,
      ...(sc.varianceShares ? { varianceShares: sc.varianceShares } : {}),
      ...(sc.accounts ? { accounts: sc.accounts, payers: sc.payers } : {}),
    })),
    comparisons: result.comparisons,
    decision: result.decision,
    ...(result.yearly ? { yearly: result.yearly, yearlyComparisons: result.yearlyComparisons } : {}),
    ...(result.yearlyPayers
      ? { yearlyPayers: result.yearlyPayers, yearlyPayerComparisons: result.yearlyPayerComparisons }
      : {}),
    ...(result.payback ? { payback: result.payback } : {}),
    ...(result.queue ? { queue: result.queue } : {}),
    ...(result.steering ? { steering: result.steering } : {}),
    ...(result.precision ? { precision: result.precision } : {}),
  };
}
