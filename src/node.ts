/**
 * `forlob/node`: everything in `forlob`, plus runs on worker threads and file helpers.
 * Results are byte-identical to the in-process run for any number of workers.
 * @module
 */
import { availableParallelism } from 'node:os';
import { runOnWorkers } from './engine/pool.js';
import type { ModelSpec } from './model/types.js';
import { planUncertainty } from './params/plan.js';
import { validateOptions, type SimulateOptions } from './options.js';
import { checkBaseline, runInProcess } from './simulate.js';
import { assembleResult, type SimulationResult } from './summary/result.js';

export * from './index.js';
export { loadModel, writeAtomic } from './cli/io.js';

/** Options of the Node {@link simulate}: those of the core, plus worker threads. */
export interface NodeSimulateOptions extends SimulateOptions {
  /** Worker threads (default: the machine's cores); 1 runs in this thread. */
  workers?: number;
}

/**
 * The core simulate, run on worker threads.
 *
 * @example
 * ```ts
 * import { simulate, presets } from 'forlob/node';
 * const ac = new AbortController();
 * const result = await simulate(presets['randers-2025'].model, {
 *   replicates: 10_000, seed: '42', workers: 4, signal: ac.signal,
 *   onProgress: ({ done, total }) => console.error(`${done}/${total}`),
 * });
 * ```
 */
export async function simulate(model: ModelSpec | unknown, options: NodeSimulateOptions = {}): Promise<SimulationResult> {
  const opts = validateOptions(options);
  const plan = planUncertainty(model);
  checkBaseline(plan, opts);
  const workers = options.workers ?? availableParallelism();
  const block = workers <= 1 ? await runInProcess(plan, opts) : await runOnWorkers(model, plan, opts, workers);
  return assembleResult(plan, opts, block);
}
