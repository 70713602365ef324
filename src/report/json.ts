/**
 * The JSON output shape of a run (fixed by the CLI contract; fields are only ever added).
 * @module
 */
import type { SimulationResult } from '../summary/result.js';

/** The JSON-able view of a result: everything except the arquero tables and raw rows. */
export function resultToJSON(result: SimulationResult): object {
  return {
    model: result.model,
    seed: result.seed,
    replicates: result.replicates,
    horizonMonths: result.horizonMonths,
    level: result.level,
    scenarios: result.scenarios.map((sc) => ({
      id: sc.id,
      ...(sc.label ? { label: sc.label } : {}),
      allocation: sc.allocation,
      metrics: sc.metrics,
      groups: sc.groups,
    })),
  };
}
