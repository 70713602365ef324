/**
 * A run from end to end: options → parameter plan → an executor runs the replicates
 * (this thread here, worker threads in `forlob/node`) → the summary stage. Pure computation, no Node
 * built-ins, so it works in a browser too.
 * @module
 */
import { abortReason } from '../engine/abort.js';
import { collectBlocks } from '../engine/blocks.js';
import { runPlan, runReplicates, type RawRun } from '../engine/run.js';
import { ForlobInputError } from '../model/errors.js';
import type { ModelInput } from '../params/input.js';
import { fixedIndices, instantiate, isUncertain, type Plan } from '../params/plan.js';
import { planUncertainty } from '../evidence/plan.js';

import { validateOptions, type SimulateOptions, type ResolvedOptions } from '../model/options.js';
import { METRICS, type MetricName } from '../engine/reduce/metrics.js';
import { assembleResult } from '../summary/result.js';
import type { SimulationResult } from '../summary/types.js';
import { CHANCE_REPLICATES, varianceShares } from '../summary/variance.js';

/**
 * Simulate every scenario of a model and summarise each metric over replicates.
 *
 * @example
 * ```ts
 * import { simulate, presets } from 'forlob';
 * const result = await simulate(presets['randers-2025'].model, { replicates: 500, seed: '42' });
 * for (const sc of result.scenarios) console.log(sc.id, sc.metrics.successRate);
 * result.tables.summary.print(); // an arquero table: scenario × group × metric
 * ```
 * @throws {@link ForlobInputError} when the model or the options are invalid.
 */
export async function simulate(model: ModelInput, options: SimulateOptions = {}): Promise<SimulationResult> {
  return simulateWith(model, options, (_raw, plan, opts) => runInProcess(plan, opts));
}

/** Runs replicates `opts.from`…`opts.to` of a model somewhere (this thread, workers). */
export type Executor = (raw: unknown, plan: Plan, opts: ResolvedOptions) => Promise<RawRun>;

/**
 * The run around an executor: options, the uncertainty plan, the baseline check, the
 * precision loop, the variance split, the result.
 */
export async function simulateWith(
  model: unknown,
  options: SimulateOptions,
  execute: Executor,
): Promise<SimulationResult> {
  let opts = validateOptions(options);
  const plan = planUncertainty(model);
  checkBaseline(plan, opts);
  checkEvppiGroups(plan, opts);
  checkSteeringRules(plan, opts);
  let result = assembleResult(plan, opts, await execute(model, plan, opts));
  const target = opts.precision;
  if (target !== undefined) {
    // Replicates depend only on (seed, replicate), so a longer run extends the shorter one.
    for (;;) {
      const need = replicatesFor(result, target);
      if (need <= opts.replicates || opts.replicates >= opts.maxReplicates) break;
      const replicates = Math.min(opts.maxReplicates, Math.max(need, Math.ceil(opts.replicates * 1.2)));
      opts = { ...opts, replicates, from: 0, to: replicates };
      result = assembleResult(plan, opts, await execute(model, plan, opts));
    }
    result.precision = { target, reached: replicatesFor(result, target) <= opts.replicates };
  }
  if (isUncertain(plan) && opts.fixed === undefined) {
    // The chance pass covers the run's share of the first replicates, so split runs keep
    // their part (`raw.chance`) and merge into the whole run's split exactly.
    const n = Math.min(opts.replicates, CHANCE_REPLICATES);
    const to = Math.min(opts.to, n);
    if (opts.from < to) {
      const certain: Plan = { ...plan, parameters: plan.parameters.map((p) => ({ ...p, dist: null })) };
      const block = await execute(plan.point, certain, {
        ...opts,
        from: opts.from,
        to,
        occupancy: false,
        onProgress: undefined,
      });
      result.raw.chance = block.values;
      if (opts.from === 0 && opts.to === opts.replicates) {
        const shares = varianceShares(
          result.raw.values,
          block.values,
          n,
          result.scenarios.length,
          result.scenarios[0].groups.length,
        );
        result.scenarios.forEach((sc, i) => {
          sc.varianceShares = shares[i];
        });
      }
    }
  }
  return result;
}

/**
 * Replicates needed for every mean's Monte Carlo standard error to fall below `target`:
 * absolute for shares (success, paid hours, completed success), relative to |mean| for
 * months and money, over every scenario's and comparison's total.
 */
function replicatesFor(result: SimulationResult, target: number): number {
  let worst = 0;
  const visit = (name: MetricName, mean: number | null, mcse: number | null) => {
    if (mean === null || mcse === null || !Number.isFinite(mcse)) return;
    const scale = SHARE_METRICS.has(name) ? 1 : Math.abs(mean);
    if (scale > 0) worst = Math.max(worst, mcse / (target * scale));
  };
  for (const sc of result.scenarios)
    for (const name of METRICS) visit(name, sc.metrics[name].mean, sc.metrics[name].mcse);
  return Math.ceil(result.replicates * worst * worst * 1.05);
}

const SHARE_METRICS = new Set<MetricName>(['successRate', 'paidHoursRate', 'completedSuccessShare']);

/** Fail before running when the baseline is not a scenario of the model. */
function checkBaseline(plan: Plan, opts: ResolvedOptions): void {
  const ids = plan.point.scenarios.map((s) => s.id);
  if (opts.baseline !== undefined && !ids.includes(opts.baseline)) {
    throw new ForlobInputError(
      [
        {
          path: 'options.baseline',
          message: `unknown scenario "${opts.baseline}" (expected one of ${ids.join(', ')})`,
        },
      ],
      'invalid options',
    );
  }
}

/** Fail before running when an EVPPI group names no parameter of the model. */
function checkEvppiGroups(plan: Plan, opts: ResolvedOptions): void {
  const names = plan.parameters.map((p) => p.name);
  opts.evppiGroups.forEach((group, i) => {
    group.forEach((name, j) => {
      if (!names.includes(name)) {
        throw new ForlobInputError(
          [
            {
              path: `options.evppiGroups[${i}][${j}]`,
              message: `unknown parameter "${name}" (expected one of ${names.join(', ') || 'none: the model has no parameters'})`,
            },
          ],
          'invalid options',
        );
      }
    });
  });
}

/** Fail before running when a scenario names a custom steering rule that was not passed. */
function checkSteeringRules(plan: Plan, opts: ResolvedOptions): void {
  plan.point.scenarios.forEach((sc, i) => {
    const name = sc.steering?.custom;
    if (name !== undefined && typeof opts.steeringRules?.[name] !== 'function') {
      throw new ForlobInputError(
        [
          {
            path: `scenarios[${i}].steering.custom`,
            message: `no rule "${name}" in the steeringRules option (a custom rule is a TypeScript function passed to simulate; the CLI has none)`,
          },
        ],
        'invalid model',
      );
    }
  });
}

/**
 * Run `opts.from`…`opts.to` in this thread, in chunks that yield to the event loop so an
 * abort signal and progress reports get through.
 */
export async function runInProcess(uncertainty: Plan, opts: ResolvedOptions): Promise<RawRun> {
  const plan = {
    ...runPlan(uncertainty, fixedIndices(uncertainty, opts.fixed), instantiate),
    ...(opts.steeringRules ? { steeringRules: opts.steeringRules } : {}),
  };
  const cm = plan.cm;
  const total = opts.to - opts.from;
  const blocks = collectBlocks(total);
  const chunk = Math.max(1, Math.ceil(20_000_000 / Math.max(1, cm.N * cm.H * cm.scenarios.length)));
  for (let r = opts.from; r < opts.to; r += chunk) {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    const end = Math.min(opts.to, r + chunk);
    blocks.add(r - opts.from, end - r, runReplicates(plan, opts.seed, r, end, opts.occupancy));
    opts.onProgress?.({ done: end - opts.from, total });
    if (end < opts.to) await new Promise((res) => setTimeout(res, 0));
  }
  return { ...blocks.result(), layout: plan.layout };
}
