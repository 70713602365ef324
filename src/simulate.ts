/**
 * The public entry of a run: validate, compile, run, summarise. Pure computation, no Node
 * built-ins, so it works in a browser too; `forlob/node` runs the same replicates on
 * worker threads.
 * @module
 */
import { occupancyStride, replicateStride, runPlan, runReplicates, type BlockResult } from './engine/run.js';
import { ForlobInputError } from './model/errors.js';
import type { ModelSpec } from './model/types.js';
import { planUncertainty, type UncertaintyPlan } from './params/plan.js';
import { validateOptions, type SimulateOptions, type ResolvedOptions } from './options.js';
import { assembleResult, type SimulationResult } from './summary/result.js';

/** The rejection reason of an aborted run. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The run was aborted', 'AbortError');
}

/**
 * Simulate every scenario of a model and summarise each metric over replicates.
 *
 * @example
 * ```ts
 * import { simulate, presets } from 'forlob';
 * const result = await simulate(presets['randers-2025'].model, { replicates: 500, seed: '42' });
 * for (const sc of result.scenarios) console.log(sc.id, sc.metrics.successRate);
 * result.summary.print(); // an arquero table: scenario × group × metric
 * ```
 * @throws {@link ForlobInputError} when the model or the options are invalid.
 */
export async function simulate(model: ModelSpec | unknown, options: SimulateOptions = {}): Promise<SimulationResult> {
  const opts = validateOptions(options);
  const plan = planUncertainty(model);
  checkBaseline(plan, opts);
  const block = await runInProcess(plan, opts);
  return assembleResult(plan, opts, block);
}

/** Fail before running when the baseline is not a scenario of the model. */
export function checkBaseline(plan: UncertaintyPlan, opts: ResolvedOptions): void {
  const ids = plan.point.scenarios.map((s) => s.id);
  if (opts.baseline !== undefined && !ids.includes(opts.baseline)) {
    throw new ForlobInputError([{ path: 'options.baseline', message: `unknown scenario "${opts.baseline}" (expected one of ${ids.join(', ')})` }], 'invalid options');
  }
}

/** Parameters held fixed, by index, from the `fixed` option's names. */
export function fixedIndices(plan: UncertaintyPlan, fixed: Readonly<Record<string, number>> | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const [name, value] of Object.entries(fixed ?? {})) {
    const i = plan.parameters.findIndex((p) => p.name === name);
    if (i < 0) throw new ForlobInputError([{ path: `options.fixed.${name}`, message: `unknown parameter (expected one of ${plan.parameters.map((p) => p.name).join(', ') || 'none: the model has no parameters'})` }], 'invalid options');
    if (!Number.isFinite(value)) throw new ForlobInputError([{ path: `options.fixed.${name}`, message: 'expected a finite number' }], 'invalid options');
    out.set(i, value);
  }
  return out;
}

/**
 * Run `opts.from`…`opts.to` in this thread, in chunks that yield to the event loop so an
 * abort signal and progress reports get through.
 */
export async function runInProcess(uncertainty: UncertaintyPlan, opts: ResolvedOptions): Promise<BlockResult> {
  const plan = runPlan(uncertainty, fixedIndices(uncertainty, opts.fixed));
  const cm = plan.cm;
  const stride = replicateStride(cm);
  const ostride = occupancyStride(cm);
  const P = uncertainty.parameters.length;
  const out = new Float64Array((opts.to - opts.from) * stride);
  const occupancy = opts.occupancy ? new Int32Array((opts.to - opts.from) * ostride) : undefined;
  const draws = plan.uncertainty ? new Float64Array((opts.to - opts.from) * P) : undefined;
  const chunk = Math.max(1, Math.ceil(20_000_000 / Math.max(1, cm.N * cm.H * cm.scenarios.length)));
  for (let r = opts.from; r < opts.to; r += chunk) {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    const end = Math.min(opts.to, r + chunk);
    const block = runReplicates(plan, opts.seed, r, end, opts.occupancy);
    out.set(block.values, (r - opts.from) * stride);
    if (occupancy && block.occupancy) occupancy.set(block.occupancy, (r - opts.from) * ostride);
    if (draws && block.draws) draws.set(block.draws, (r - opts.from) * P);
    opts.onProgress?.({ done: end - opts.from, total: opts.to - opts.from });
    if (end < opts.to) await new Promise((res) => setTimeout(res, 0));
  }
  return { values: out, occupancy, draws };
}
