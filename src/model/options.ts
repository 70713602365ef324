/**
 * Run options and their validation.
 * @module
 */
import { z } from 'zod';
import { ForlobInputError, formatPath } from './errors.js';
import { unknownKeys } from './suggest.js';
import type { SteeringRuleFn } from './steering-rule.js';

/** Progress of a run, passed to {@link SimulateOptions.onProgress}. */
export interface Progress {
  /** Replicates finished. */
  done: number;
  /** Replicates in the run. */
  total: number;
}

/** A willingness-to-pay grid: `min`, `min + step`, … up to and including `max`. */
export interface WtpRange {
  /** First value, DKK (>= 0). */
  min: number;
  /** Last value, DKK (>= min). */
  max: number;
  /** Step, DKK (> 0). */
  step: number;
}

/** The default CEAC grid: 0 to 1,000,000 DKK per extra success in steps of 50,000. */
export const DEFAULT_WTP_RANGE: WtpRange = { min: 0, max: 1_000_000, step: 50_000 };

/** The grid's values. */
export function wtpGrid(r: WtpRange): number[] {
  const n = Math.floor((r.max - r.min) / r.step + 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => r.min + i * r.step);
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
   * Whose money the decision figures (ICER, net benefit, CEAC, EVPI) count: a payer of the
   * accounts (`municipality`, the default; `state`; `region` …) or `society` (every payer).
   *
   * @example
   * ```ts
   * await simulate(model, { perspective: 'society', effect: 'qaly' });
   * ```
   */
  perspective?: string;
  /** The effect the decision figures weigh: `successes` (default: successful citizens) or an effect account (`qaly`). */
  effect?: string;
  /**
   * The willingness-to-pay grid of the CEAC and the EVPI curve, DKK per extra success
   * (default 0 to 1,000,000 in steps of 50,000). At most 1,001 points.
   *
   * @example
   * ```ts
   * await simulate(model, { willingnessToPayRange: { min: 0, max: 500_000, step: 25_000 } });
   * ```
   */
  willingnessToPayRange?: WtpRange;
  /**
   * Groups of uncertain parameters whose EVPPI is reported together, besides each parameter
   * alone; names as in the model's `parameters` block (or an inline distribution's path).
   *
   * @example
   * ```ts
   * await simulate(model, { evppiGroups: [['fsmEffect', 'koordEffect'], ['caseload']] });
   * ```
   */
  evppiGroups?: string[][];
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
  /** The decision's perspective (a payer or `society`); absent: the municipality. */
  perspective?: string;
  /** The decision's effect (`successes` or an effect account); absent: successes. */
  effect?: string;
  /** The willingness-to-pay grid of the CEAC. */
  willingnessToPayRange: WtpRange;
  /** Parameter groups for EVPPI. */
  evppiGroups: string[][];
  /** Custom steering rules by name. */
  steeringRules?: Record<string, SteeringRuleFn>;
}

const optionsSchema = z.object({
  replicates: z
    .number()
    .int('expected a positive integer')
    .min(1, 'expected a positive integer')
    .max(10_000_000, 'expected at most 10,000,000')
    .default(1000),
  seed: z.union([z.string(), z.number()]).default('1'),
  level: z
    .number()
    .gt(0, 'expected a level strictly between 0 and 1')
    .lt(1, 'expected a level strictly between 0 and 1')
    .default(0.95),
  onProgress: z.any().optional(),
  signal: z.any().optional(),
  replicateRange: z.tuple([z.number().int().min(0), z.number().int().min(1)]).optional(),
  occupancy: z.boolean('expected true or false').optional(),
  fixed: z.record(z.string(), z.number()).optional(),
  baseline: z.string().optional(),
  precision: z.number().gt(0, 'expected a positive number').optional(),
  willingnessToPay: z.number().min(0, 'expected a number >= 0').optional(),
  perspective: z.string().min(1, 'expected a payer or "society"').optional(),
  effect: z.string().min(1, 'expected "successes" or an effect account').optional(),
  willingnessToPayRange: z
    .object({
      min: z.number().min(0, 'expected a number >= 0'),
      max: z.number().min(0, 'expected a number >= 0'),
      step: z.number().gt(0, 'expected a positive number'),
    })
    .refine((r) => r.max >= r.min, 'expected max >= min')
    .refine((r) => (r.max - r.min) / r.step <= 1000, 'expected at most 1,001 points (max − min) / step <= 1000')
    .optional(),
  evppiGroups: z.array(z.array(z.string()).min(1, 'expected at least one parameter name')).optional(),
  maxReplicates: z.number().int('expected a positive integer').min(1, 'expected a positive integer').default(1_000_000),
  workers: z.number().int('expected a positive integer').min(1, 'expected a positive integer').max(1024).optional(),
  steeringRules: z.record(z.string(), z.any()).optional(),
});

/** Every option name `simulate` accepts (`workers` is read by `forlob/node`'s simulate). */
export const OPTION_NAMES: readonly string[] = Object.keys(optionsSchema.shape);

/**
 * Apply defaults and check options; throws {@link ForlobInputError} naming the option. An
 * unknown name is an error too, with the nearest known one suggested
 * (`options.replicats: unknown option (did you mean "replicates"?)`).
 */
export function validateOptions(options: SimulateOptions): ResolvedOptions {
  // A mistyped name must not silently run the default: unknown names are errors.
  const unknown = [
    ...unknownKeys(options, OPTION_NAMES, 'options'),
    ...unknownKeys(options?.willingnessToPayRange, ['min', 'max', 'step'], 'options.willingnessToPayRange', 'field'),
  ];
  if (unknown.length) throw new ForlobInputError(unknown, 'invalid options');
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new ForlobInputError(
      parsed.error.issues.map((i) => ({
        path: `options.${formatPath(i.path)}`,
        message: i.message.startsWith('Invalid input') ? i.message.replace('Invalid input: ', '') : i.message,
      })),
      'invalid options',
    );
  }
  const o = parsed.data;
  const [from, to] = o.replicateRange ?? [0, o.replicates];
  if (from >= to || to > o.replicates) {
    throw new ForlobInputError(
      [
        {
          path: 'options.replicateRange',
          message: `expected 0 <= from < to <= replicates (${o.replicates}), got [${from}, ${to}]`,
        },
      ],
      'invalid options',
    );
  }
  if (o.precision !== undefined && o.replicateRange) {
    throw new ForlobInputError(
      [
        {
          path: 'options.precision',
          message: 'cannot be combined with replicateRange: a split run has a fixed number of replicates',
        },
      ],
      'invalid options',
    );
  }
  for (const [name, fn] of Object.entries(options.steeringRules ?? {})) {
    if (typeof fn !== 'function')
      throw new ForlobInputError(
        [{ path: `options.steeringRules.${name}`, message: 'expected a function (state) => change of the share' }],
        'invalid options',
      );
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new ForlobInputError([{ path: 'options.onProgress', message: 'expected a function' }], 'invalid options');
  }
  // Checked here, for every entry alike: the worker pool would otherwise fail on it with a TypeError and a run in this thread ignore it.
  const signal = options.signal as Partial<AbortSignal> | null | undefined;
  if (
    signal !== undefined &&
    (signal === null ||
      typeof signal !== 'object' ||
      typeof signal.aborted !== 'boolean' ||
      typeof signal.addEventListener !== 'function' ||
      typeof signal.removeEventListener !== 'function')
  ) {
    throw new ForlobInputError([{ path: 'options.signal', message: 'expected an AbortSignal' }], 'invalid options');
  }
  return {
    replicates: o.replicates,
    seed: String(o.seed),
    level: o.level,
    from,
    to,
    onProgress: options.onProgress,
    signal: options.signal,
    occupancy: o.occupancy ?? false,
    ...(o.fixed ? { fixed: o.fixed } : {}),
    ...(o.baseline !== undefined ? { baseline: o.baseline } : {}),
    ...(o.precision !== undefined ? { precision: o.precision } : {}),
    maxReplicates: o.maxReplicates,
    ...(o.willingnessToPay !== undefined ? { willingnessToPay: o.willingnessToPay } : {}),
    ...(o.perspective !== undefined ? { perspective: o.perspective } : {}),
    ...(o.effect !== undefined ? { effect: o.effect } : {}),
    willingnessToPayRange: o.willingnessToPayRange ?? DEFAULT_WTP_RANGE,
    evppiGroups: o.evppiGroups ?? [],
    ...(options.steeringRules ? { steeringRules: options.steeringRules } : {}),
  };
}
