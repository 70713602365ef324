/**
 * `forlob/node`: everything in `forlob`, plus runs on worker threads, model files, the
 * HTML report and the xlsx workbook. Results are byte-identical to the in-process run for
 * any number of workers. The other entries (`forlob/statistics`, `forlob/evidence`,
 * `forlob/presets`, `forlob/analysis`, `forlob/plot`) work alongside it.
 * @module
 */
import { availableParallelism } from 'node:os';
import { runAuto, runOnWorkers } from './engine/pool.js';
import type { ModelInput } from './params/input.js';
import type { SimulateOptions } from './model/options.js';
import { runInProcess, simulateWith } from './run/simulate.js';
import type { SimulationResult } from './summary/types.js';

export * from './index.js';
export { loadModel, writeAtomic, type OutputContent } from './cli/io.js';
export { closeWorkerPool } from './engine/pool.js';
export { renderReport, type ReportOptions } from './report/html.js';
export type { ReportLanguage } from './format/i18n.js';
export { resultToWorkbook, distributionText, type WorkbookOptions } from './report/xlsx.js';

/** Options of the Node {@link simulate}: those of the core, plus worker threads. */
export interface NodeSimulateOptions extends SimulateOptions {
  /**
   * Worker threads; 1 runs in this thread. At most {@link MAX_WORKERS_PER_CORE} × the
   * machine's cores are started (more would only cost memory, each thread holding its own
   * copy of the compiled model); results are byte-identical for any number.
   *
   * Default (absent): chosen from the size of the run. This thread always simulates, and
   * worker threads join only when the run's work (citizens × months × scenarios ×
   * replicates) repays starting them: one per 300 M citizen-months, about 125 replicates
   * of a 13,430-citizen, 60-month, 3-scenario model (120 M when the threads are already
   * idle from an earlier run), one per core that stood idle while this thread ran its
   * first blocks (`os.cpus()` times; up to `os.availableParallelism()`), so a busy
   * machine gets none. Worker threads stay idle between runs
   * without keeping the process alive; {@link closeWorkerPool} ends them.
   */
  workers?: number;
}

/** Worker threads started per core at most: a larger `workers` is capped to this many per core. */
export const MAX_WORKERS_PER_CORE = 4;

/**
 * The worker threads a run starts for an explicit `workers` option: that many, at most
 * {@link MAX_WORKERS_PER_CORE} per core. Absent (auto), the machine's cores bound the
 * threads and the size of the run decides (see {@link NodeSimulateOptions.workers}).
 */
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
  const workers = options.workers === undefined ? undefined : workerCount(options.workers);
  return simulateWith(model, options, (_raw, plan, opts) => {
    if (opts.steeringRules || workers === 1) return runInProcess(plan, opts);
    return workers === undefined ? runAuto(plan, opts) : runOnWorkers(plan, opts, workers);
  });
}
