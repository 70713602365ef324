/**
 * The public entry of a run: validate, compile, run, summarise. Pure computation, no Node
 * built-ins, so it works in a browser too; `forlob/node` runs the same replicates on
 * worker threads.
 * @module
 */
import { compileModel } from './compile/compile.js';
import { occupancyStride, replicateStride, runReplicates, type BlockResult } from './engine/run.js';
import { validateModel } from './model/validate.js';
import type { ModelSpec } from './model/types.js';
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
  const spec = validateModel(model);
  const block = await runInProcess(spec, opts);
  return assembleResult(spec, compileModel(spec), opts, block.values, block.occupancy);
}

/**
 * Run `opts.from`…`opts.to` in this thread, in chunks that yield to the event loop so an
 * abort signal and progress reports get through.
 */
export async function runInProcess(spec: ModelSpec, opts: ResolvedOptions): Promise<BlockResult> {
  const cm = compileModel(spec);
  const stride = replicateStride(cm);
  const ostride = occupancyStride(cm);
  const out = new Float64Array((opts.to - opts.from) * stride);
  const occupancy = opts.occupancy ? new Int32Array((opts.to - opts.from) * ostride) : undefined;
  const chunk = Math.max(1, Math.ceil(20_000_000 / Math.max(1, cm.N * cm.H * cm.scenarios.length)));
  for (let r = opts.from; r < opts.to; r += chunk) {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    const end = Math.min(opts.to, r + chunk);
    const block = runReplicates(cm, opts.seed, r, end, opts.occupancy);
    out.set(block.values, (r - opts.from) * stride);
    if (occupancy && block.occupancy) occupancy.set(block.occupancy, (r - opts.from) * ostride);
    opts.onProgress?.({ done: end - opts.from, total: opts.to - opts.from });
    if (end < opts.to) await new Promise((res) => setTimeout(res, 0));
  }
  return { values: out, occupancy };
}
