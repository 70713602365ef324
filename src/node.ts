/**
 * `forlob/node`: everything in `forlob`, plus runs on worker threads, model files, the
 * HTML report and the xlsx workbook. Results are byte-identical to the in-process run for
 * any number of workers. The other entries (`forlob/statistics`, `forlob/evidence`,
 * `forlob/presets`, `forlob/analysis`, `forlob/plot`) work alongside it.
 * @module
 */
import { availableParallelism } from 'node:os';
import { runOnWorkers } from './engine/pool.js';
import type { ModelInput } from './params/input.js';
import type { SimulateOptions } from './model/options.js';
import { runInProcess, simulateWith } from './run/simulate.js';
import type { SimulationResult } from './summary/types.js';

export * from './index.js';
export { loadModel, writeAtomic, type OutputContent } from './cli/io.js';
export { renderReport, type ReportOptions } from './report/html.js';
export type { ReportLanguage } from './format/i18n.js';
export { resultToWorkbook, distributionText, type WorkbookOptions } from './report/xlsx.js';

/** Options of the Node {@link simulate}: those of the core, plus worker threads. */
export interface NodeSimulateOptions extends SimulateOptions {
  /**
   * Worker threads (default: the machine's cores); 1 runs in this thread. At most
   * {@link MAX_WORKERS_PER_CORE} × the machine's cores are started (more would only cost
   * memory, each thread holding its own copy of the compiled model); results are
   * byte-identical for any number.
   */
  workers?: number;
}

/** Worker threads started per core at most: a larger `workers` is capped to this many per core. */
export const MAX_WORKERS_PER_CORE = 4;

/** The worker threads a run starts for a `workers` option: the machine's cores by default, at most {@link MAX_WORKERS_PER_CORE} per core. */
export function workerCount(workers: number | undefined, cores = availableParallelism()): number {
  return Math.min(workers ?? cores, MAX_WORKERS_PER_CORE * cores);
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
export async function simulate(model: ModelInput, options: NodeSimulateOptions = {}): Promise<SimulationResult> {
  const workers = workerCount(options.workers);
  return simulateWith(model, options, (raw, plan, opts) =>
    workers <= 1 || opts.steeringRules ? runInProcess(plan, opts) : runOnWorkers(raw, plan, opts, workers),
  );
}
