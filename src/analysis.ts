/**
 * `forlob/analysis`: analyses that run a model many times — one-way sensitivity (the
 * tornado: which uncertain parameter moves a metric most) and break-even (the value of one
 * parameter at which a scenario costs no more than its baseline, or reaches a target). Each
 * runs the core's in-process {@link index!simulate | simulate} unless given another runner; pass
 * `forlob/node`'s `simulate` as `run` for worker threads. Browser-safe like `forlob`.
 *
 * @example
 * ```ts
 * import { presets } from 'forlob';
 * import { simulate } from 'forlob/node';
 * import { sensitivity } from 'forlob/analysis';
 * const tornado = await sensitivity(presets['randers-2025'].model, {
 *   metric: 'successRate', scenario: 'scenario-2', baseline: 'scenario-1', replicates: 200, run: simulate,
 * });
 * ```
 * @module
 */
export {
  sensitivity,
  type SensitivityOptions,
  type SensitivityResult,
  type SensitivityRow,
} from './analysis/sensitivity.js';
export { breakEven, type BreakEvenOptions, type BreakEvenResult } from './analysis/breakeven.js';
export type { AnalysisProgress, MeasureSpec, Runner } from './analysis/measure.js';
