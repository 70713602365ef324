/**
 * The public entry of a run: validate, compile, run, summarise. Pure computation, no Node
 * built-ins, so it works in a browser too.
 * @module
 */
import { compileModel, type CompiledModel } from './compile/compile.js';
import { replicateStride, runReplicates } from './engine/run.js';
import { validateModel } from './model/validate.js';
import type { ModelSpec } from './model/types.js';
import { validateOptions, type SimulateOptions, type ResolvedOptions } from './options.js';
import { assembleResult, type SimulationResult } from './summary/result.js';

/**
 * Simulate every scenario of a model and summarise each metric over replicates.
 *
 * @example
 * ```ts
 * import { simulate, presets } from 'forlob';
 * const result = await simulate(presets['randers-2025'].model, { replicates: 500, seed: '42' });
 * for (const sc of result.scenarios) console.log(sc.id, sc.metrics.successRate);
 * result.summary.print(); // an arquero table: scenario × metric
 * ```
 * @throws {@link ForlobInputError} when the model or the options are invalid.
 */
export async function simulate(model: ModelSpec | unknown, options: SimulateOptions = {}): Promise<SimulationResult> {
  const opts = validateOptions(options);
  const spec = validateModel(model);
  const cm = compileModel(spec);
  const values = runReplicates(cm, opts.seed, 0, opts.replicates, opts.onProgress ? (d) => opts.onProgress!({ done: d, total: opts.replicates }) : undefined);
  return assembleResult(spec, cm, opts, values);
}

/** Compile and run synchronously, returning raw metric rows (for workers and tools). */
export function simulateRaw(spec: ModelSpec, opts: ResolvedOptions): { cm: CompiledModel; values: Float64Array; stride: number } {
  const cm = compileModel(spec);
  return { cm, values: runReplicates(cm, opts.seed, 0, opts.replicates), stride: replicateStride(cm) };
}
