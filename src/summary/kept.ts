/**
 * What a partial run keeps so that parts merge into the whole run exactly
 * (`--keep-replicates`, {@link mergeRuns}): the raw rows, the model and a content hash.
 * @module
 */
import pkg from '../../package.json' with { type: 'json' };
import { keptHash, modelHash, partSettings } from './kept-hash.js';
import type { SimulationResult } from './types.js';

/** Raw replicate rows of a (partial) run plus the model, enough to merge runs exactly. */
export interface KeptReplicates {
  /** The model the rows came from, as given (uncertain parameters included). */
  spec: unknown;
  /**
   * The version of forlob that ran the part (package.json): `mergeRuns` refuses parts of
   * different versions, whose rows need not be rows of one run. Absent in files kept before
   * it existed.
   */
  forlob?: string;
  /**
   * SHA-256 (hex) of the model as canonical JSON (keys sorted at every depth), so a part's
   * model can be told apart without reading it: `mergeRuns` refuses parts whose model hashes
   * differ or whose hash does not match their `spec`. Absent in files kept before it existed.
   */
  modelHash?: string;
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
  /** Account line totals, replicate × scenario × line. Absent in files kept before accounts existed. */
  accounts?: (number | null)[];
  /** Account lines per year, replicate × scenario × year × line. */
  accountsYearly?: (number | null)[];
  /**
   * SHA-256 (hex) of the run's settings (model with keys sorted, seed, replicates, level,
   * baseline, willingness to pay, CEAC grid, EVPPI groups, from, to; with `forlob` also the
   * version, perspective and effect) and every kept array
   * (see `summary/kept-hash.ts`): `mergeRuns` refuses a part whose rows or settings do not
   * match it. Absent in files kept before it existed: such parts merge after the checks of
   * lengths, types, ranges and settings alone.
   */
  hash?: string;
}

/** The kept rows of a result (`--keep-replicates`). */
export function keptReplicates(result: SimulationResult, spec: unknown): KeptReplicates {
  const [from, to] = result.replicateRange ?? [0, result.replicates];
  const forlob: string = pkg.version;
  const nullable = (xs: Float64Array) => Array.from(xs, (v) => (Number.isNaN(v) ? null : v));
  const hash = keptHash(partSettings({ ...result, kept: { spec, from, to, forlob } }), {
    values: result.raw.values,
    ...(result.raw.arms ? { arms: result.raw.arms } : {}),
    ...(result.raw.monthly ? { monthly: result.raw.monthly } : {}),
    ...(result.raw.yearly ? { yearly: result.raw.yearly } : {}),
    ...(result.raw.queue ? { queue: result.raw.queue } : {}),
    ...(result.raw.shares ? { shares: result.raw.shares } : {}),
    ...(result.raw.chance ? { chance: result.raw.chance } : {}),
    ...(result.raw.accounts ? { accounts: result.raw.accounts } : {}),
    ...(result.raw.accountsYearly ? { accountsYearly: result.raw.accountsYearly } : {}),
  });
  return {
    spec,
    forlob,
    modelHash: modelHash(spec),
    from,
    to,
    values: nullable(result.raw.values),
    ...(result.raw.arms ? { arms: nullable(result.raw.arms) } : {}),
    ...(result.raw.monthly ? { monthly: Array.from(result.raw.monthly) } : {}),
    ...(result.raw.yearly ? { yearly: nullable(result.raw.yearly) } : {}),
    ...(result.raw.queue ? { queue: Array.from(result.raw.queue) } : {}),
    ...(result.raw.shares ? { shares: nullable(result.raw.shares) } : {}),
    ...(result.raw.chance ? { chance: nullable(result.raw.chance) } : {}),
    ...(result.raw.accounts ? { accounts: nullable(result.raw.accounts) } : {}),
    ...(result.raw.accountsYearly ? { accountsYearly: nullable(result.raw.accountsYearly) } : {}),
    hash,
  };
}
