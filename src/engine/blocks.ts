/**
 * Assembling blocks of replicates into the whole range, whichever thread ran them: every
 * array of a block is laid out replicate by replicate, so a block's rows go at its first
 * replicate's offset.
 * @module
 */
import type { BlockResult } from './run.js';

const FIELDS = [
  'values',
  'arms',
  'occupancy',
  'draws',
  'monthly',
  'yearly',
  'queue',
  'shares',
  'accounts',
  'accountsYearly',
] as const;

/** Collects blocks of a run of `total` replicates into one {@link BlockResult}. */
export interface BlockCollector {
  /** Put the block whose first replicate is `first` (counted from the run's start) in place. */
  add(first: number, count: number, block: BlockResult): void;
  /** The assembled arrays. */
  result(): BlockResult;
}

/** A collector for `total` replicates. */
export function collectBlocks(total: number): BlockCollector {
  const out: Partial<Record<(typeof FIELDS)[number], Float64Array | Int32Array>> = {};
  return {
    add(first, count, block) {
      for (const f of FIELDS) {
        const part = block[f];
        if (!part) continue;
        const per = part.length / count;
        if (!out[f]) out[f] = part instanceof Int32Array ? new Int32Array(total * per) : new Float64Array(total * per);
        out[f]!.set(part, first * per);
      }
    },
    result() {
      return {
        values: (out.values as Float64Array) ?? new Float64Array(0),
        ...(out.arms ? { arms: out.arms as Float64Array } : {}),
        occupancy: out.occupancy as Int32Array | undefined,
        draws: out.draws as Float64Array | undefined,
        monthly: out.monthly as Float64Array | undefined,
        yearly: out.yearly as Float64Array | undefined,
        queue: out.queue as Int32Array | undefined,
        ...(out.shares ? { shares: out.shares as Float64Array } : {}),
        ...(out.accounts
          ? { accounts: out.accounts as Float64Array, accountsYearly: out.accountsYearly as Float64Array }
          : {}),
      };
    },
  };
}
