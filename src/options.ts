/**
 * Run options and their validation.
 * @module
 */
import { z } from 'zod';
import { ForlobInputError, formatPath } from './model/errors.js';
import type { SteeringRuleFn } from './engine/synchronous.js';

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
  /** Called as replicates finish. */
  onProgress?: (p: Progress) => void;
  /** Aborts the run: the promise rejects promptly with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Run only replicates `from` (inclusive) to `to` (exclusive) of a run of `replicates`,
   * exactly as the whole run would; results of ranges merge into the whole run's.
   */
  replicateRange?: [number, number];
  /** Also report how many citizens are in each state month by month (`result.occupancy`). */
  occupancy?: boolean;
  /** Named parameters held at a value instead of drawn (their draws are still made, so the others' stay the same). */
  fixed?: Record<string, number>;
  /** The scenario others are compared with (default the first). */
  baseline?: string;
  /**
   * Keep adding replicates until every scenario mean's Monte Carlo standard error is below
   * this: absolute for shares (0.002 = 0.2 points), relative to the mean for months and
   * money. `replicates` is then the starting number.
   */
  precision?: number;
  /** Upper bound on replicates for `precision` (default 1,000,000). */
  maxReplicates?: number;
  /** DKK a successful citizen is worth to the decision maker, for net benefit and EVPI (default 0: cost only). */
  willingnessToPay?: number;
  /**
   * Custom steering rules by name, for scenarios whose `steering.custom` names one. A run
   * with custom rules stays in this thread (functions cannot be sent to workers).
   *
   * @example
   * ```ts
   * await simulate(model, { steeringRules: { cautious: (s) => (s.queue > 0 ? Math.max(0, s.proposed) : s.proposed) } });
   * ```
   */
  steeringRules?: Record<string, SteeringRuleFn>;
}

/** Options after defaults are applied. */
export interface ResolvedOptions {
  /** Replicates of the whole run. */
  replicates: number;
  /** The seed as a string. */
  seed: string;
  /** Interval level. */
  level: number;
  /** First replicate simulated. */
  from: number;
  /** One past the last replicate simulated. */
  to: number;
  /** Progress callback. */
  onProgress?: (p: Progress) => void;
  /** Abort signal. */
  signal?: AbortSignal;
  /** Whether to collect the occupancy series. */
  occupancy: boolean;
  /** Parameters held fixed, by name. */
  fixed?: Record<string, number>;
  /** The baseline scenario's id. */
  baseline?: string;
  /** Target Monte Carlo standard error, if any. */
  precision?: number;
  /** Cap on replicates for the precision loop. */
  maxReplicates: number;
  /** Willingness to pay per success. */
  willingnessToPay?: number;
  /** Custom steering rules by name. */
  steeringRules?: Record<string, SteeringRuleFn>;
}

const optionsSchema = z.object({
  replicates: z.number().int('expected a positive integer').min(1, 'expected a positive integer').max(10_000_000, 'expected at most 10,000,000').default(1000),
  seed: z.union([z.string(), z.number()]).default('1'),
  level: z.number().gt(0, 'expected a level strictly between 0 and 1').lt(1, 'expected a level strictly between 0 and 1').default(0.95),
  onProgress: z.any().optional(),
  signal: z.any().optional(),
  replicateRange: z.tuple([z.number().int().min(0), z.number().int().min(1)]).optional(),
  occupancy: z.boolean('expected true or false').optional(),
  fixed: z.record(z.string(), z.number()).optional(),
  baseline: z.string().optional(),
  precision: z.number().gt(0, 'expected a positive number').optional(),
  willingnessToPay: z.number().min(0, 'expected a number >= 0').optional(),
  maxReplicates: z.number().int('expected a positive integer').min(1, 'expected a positive integer').default(1_000_000),
  workers: z.number().int('expected a positive integer').min(1, 'expected a positive integer').max(1024).optional(),
  steeringRules: z.record(z.string(), z.any()).optional(),
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
  const [from, to] = o.replicateRange ?? [0, o.replicates];
  if (from >= to || to > o.replicates) {
    throw new ForlobInputError([{ path: 'options.replicateRange', message: `expected 0 <= from < to <= replicates (${o.replicates}), got [${from}, ${to}]` }], 'invalid options');
  }
  if (o.precision !== undefined && o.replicateRange) {
    throw new ForlobInputError([{ path: 'options.precision', message: 'cannot be combined with replicateRange: a split run has a fixed number of replicates' }], 'invalid options');
  }
  for (const [name, fn] of Object.entries(options.steeringRules ?? {})) {
    if (typeof fn !== 'function') throw new ForlobInputError([{ path: `options.steeringRules.${name}`, message: 'expected a function (state) => change of the share' }], 'invalid options');
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new ForlobInputError([{ path: 'options.onProgress', message: 'expected a function' }], 'invalid options');
  }
  return { replicates: o.replicates, seed: String(o.seed), level: o.level, from, to, onProgress: options.onProgress, signal: options.signal, occupancy: o.occupancy ?? false, ...(o.fixed ? { fixed: o.fixed } : {}), ...(o.baseline !== undefined ? { baseline: o.baseline } : {}), ...(o.precision !== undefined ? { precision: o.precision } : {}), maxReplicates: o.maxReplicates, ...(o.willingnessToPay !== undefined ? { willingnessToPay: o.willingnessToPay } : {}), ...(options.steeringRules ? { steeringRules: options.steeringRules } : {}) };
}
