/**
 * Run options and their validation.
 * @module
 */
import { z } from 'zod';
import { ForlobInputError, formatPath } from './model/errors.js';

/** Progress of a run, passed to {@link SimulateOptions.onProgress}. */
export interface Progress {
  /** Replicates finished. */
  done: number;
  /** Replicates in the run. */
  total: number;
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Number of replicates (default 1000). */
  replicates?: number;
  /** Seed; any string or number, hashed by seedrandom (default "1"). */
  seed?: string | number;
  /** Level of the percentile intervals (default 0.95). */
  level?: number;
  /** Called after each replicate. */
  onProgress?: (p: Progress) => void;
}

/** Options after defaults are applied. */
export interface ResolvedOptions {
  replicates: number;
  seed: string;
  level: number;
  onProgress?: (p: Progress) => void;
}

const optionsSchema = z.object({
  replicates: z.number().int('expected a positive integer').min(1, 'expected a positive integer').max(10_000_000, 'expected at most 10,000,000').default(1000),
  seed: z.union([z.string(), z.number()]).default('1'),
  level: z.number().gt(0, 'expected a level strictly between 0 and 1').lt(1, 'expected a level strictly between 0 and 1').default(0.95),
  onProgress: z.function().optional(),
});

/** Apply defaults and check options; throws {@link ForlobInputError} naming the option. */
export function validateOptions(options: SimulateOptions): ResolvedOptions {
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new ForlobInputError(
      parsed.error.issues.map((i) => ({ path: `options.${formatPath(i.path)}`, message: i.message.startsWith('Invalid input') ? i.message.replace('Invalid input: ', '') : i.message })),
      'invalid options',
    );
  }
  const o = parsed.data;
  return { replicates: o.replicates, seed: String(o.seed), level: o.level, onProgress: options.onProgress };
}
