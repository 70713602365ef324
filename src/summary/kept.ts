/**
 * What a partial run keeps so that parts merge into the whole run exactly
 * (`--keep-replicates`, {@link mergeRuns}): the raw rows, the model and a content hash.
 * @module
 */
import { keptHash, partSettings } from './kept-hash.js';
import type { SimulationResult } from './types.js';

/** Raw replicate rows of a (partial) run plus the model, enough to merge runs exactly. */
export interface KeptReplicates {
  /** The model the rows came from, as given (uncertain parameters included). */
  spec: unknown;
  /** First replicate. */
  from: number;
  /** One past the last replicate. */
  to: number;
  /** Metric rows, replicate × scenario × (groups + total) × metric; NaN is written as null. */
  values: (number | null)[];
  /**
   * Arm rows, replicate × scenario × cell (group · A + arm, A = interventions + 1) ×
   * metric; NaN (cells without citizens, steered scenarios) as null. Absent in files kept
   * before arm rows existed: such parts merge without arms.
   */
  arms?: (number | null)[];
  /** Monthly municipal cost rows, replicate × scenario × month. */
  monthly?: number[];
  /** Yearly ledger rows, replicate × scenario × year × item; NaN as null. */
  yearly?: (number | null)[];
  /** Queue lengths, replicate × scenario × month. */
  queue?: number[];
  /** Steered shares, replicate × scenario × month; NaN (no steering) as null. */
  shares?: (number | null)[];
  /**
   * With uncertain parameters: the chance pass's metric rows (parameters at their means) for
   * this part's replicates among the run's first 500, from `from`, laid out like `values`;
   * NaN as null. Parts that together cover them merge with the whole run's variance split.
   */
  chance?: (number | null)[];
  /**
   * SHA-256 (hex) of the run's settings (model with keys sorted, seed, replicates, level,
   * baseline, willingness to pay, CEAC grid, EVPPI groups, from, to) and every kept array
   * (see `summary/kept-hash.ts`): `mergeRuns` refuses a part whose rows or settings do not
   * match it. Absent in files kept before it existed: such parts merge after the checks of
   * lengths, types, ranges and settings alone.
   */
  hash?: string;
}

/** The kept rows of a result (`--keep-replicates`). */
export function keptReplicates(result: SimulationResult, spec: unknown): KeptReplicates {
  const [from, to] = result.replicateRange ?? [0, result.replicates];
  const nullable = (xs: Float64Array) => Array.from(xs, (v) => (Number.isNaN(v) ? null : v));
  const hash = keptHash(partSettings({ ...result, kept: { spec, from, to } }), {
    values: result.values,
    ...(result.armValues ? { arms: result.armValues } : {}),
    ...(result.monthlyValues ? { monthly: result.monthlyValues } : {}),
    ...(result.yearlyValues ? { yearly: result.yearlyValues } : {}),
    ...(result.queueValues ? { queue: result.queueValues } : {}),
    ...(result.shareValues ? { shares: result.shareValues } : {}),
    ...(result.chanceValues ? { chance: result.chanceValues } : {}),
  });
  return {
    spec,
    from,
    to,
    values: nullable(result.values),
    ...(result.armValues ? { arms: nullable(result.armValues) } : {}),
    ...(result.monthlyValues ? { monthly: Array.from(result.monthlyValues) } : {}),
    ...(result.yearlyValues ? { yearly: nullable(result.yearlyValues) } : {}),
    ...(result.queueValues ? { queue: Array.from(result.queueValues) } : {}),
    ...(result.shareValues ? { shares: nullable(result.shareValues) } : {}),
    ...(result.chanceValues ? { chance: nullable(result.chanceValues) } : {}),
    hash,
  };
}
