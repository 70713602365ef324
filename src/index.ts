/**
 * forlob: Monte Carlo microsimulation of citizens' courses through employment-policy
 * scenarios. This entry is pure computation and runs in browsers too; `forlob/node`
 * adds worker threads and file helpers.
 * @module
 */
export { simulate } from './simulate.js';
export type { SimulateOptions, Progress } from './options.js';
export type { ModelSpec, StateSpec, StateKind, GroupSpec, InterventionSpec, ScenarioSpec, TransitionRows } from './model/types.js';
export { validateModel, parseModel } from './model/validate.js';
export { ForlobInputError, type Problem } from './model/errors.js';
export { largestRemainder } from './model/allocation.js';
export { summarise, type MetricSummary } from './summary/interval.js';
export { METRICS, HIGHER_IS_BETTER, METRIC_LABELS, type MetricName } from './summary/metrics.js';
export type { SimulationResult, ScenarioResult, GroupResult, AllocationCount, MetricSummaries } from './summary/result.js';
export { resultToJSON } from './report/json.js';
export { resultToCSV } from './report/csv.js';
export { formatTable } from './report/text.js';
export { presets, getPreset, type Preset } from './presets/index.js';
