/**
 * forlob: Monte Carlo microsimulation of citizens' courses through employment-policy
 * scenarios. This entry holds what it takes to build, run and read a model; it is pure
 * computation and runs in browsers too. The other entries: `forlob/node` (this entry plus
 * worker threads and files), `forlob/plot` (charts), `forlob/statistics` (the statistics
 * behind a result, distributions and prior fitting), `forlob/evidence` (cited effects),
 * `forlob/presets` (the built-in models and Danish rates), `forlob/analysis` (sensitivity,
 * break-even).
 *
 * The pipeline: define a model ({@link ModelInput}, or start from {@link presets}) →
 * {@link simulate} → read {@link SimulationResult} summaries and arquero tables →
 * {@link formatTable} / {@link resultToJSON} / {@link resultToCSV}.
 * @module
 */

// Build a model.
export type {
  Model,
  ModelSpec,
  StateSpec,
  StateKind,
  GroupSpec,
  InterventionSpec,
  ScenarioSpec,
  TransitionRows,
  AllocationValue,
  AllocationCountValue,
  CompletionTarget,
  PaidHoursTarget,
  RefusionLadder,
  RefusionRestart,
  InflowSpec,
  CapacitySpec,
  CalendarStep,
  CalendarStateChange,
  CalendarInterventionChange,
  CapacityChange,
  SteeringSpec,
  SteeringRule,
  SteeringSignal,
  ReadinessSpec,
  RelativeEffect,
  EffectRows,
  StaffingSpec,
  CalibrationSpec,
  DurationSpec,
  CostSpec,
  AccountSpec,
  FlowSpec,
  InterventionFlowSpec,
  TransitionFlowSpec,
} from './model/types.js';
export { validateModel, parseModel } from './model/validate.js';
export { LIMITS } from './model/bounds.js';
export { ForlobInputError, type Problem } from './model/errors.js';
export {
  paramRef,
  type ModelInput,
  type Uncertain,
  type UncertainNumber,
  type ParamRef,
  type EvidenceRef,
} from './params/input.js';
export { presets, getPreset, type Preset } from './presets/index.js';

// Run it.
export { simulate } from './run/simulate.js';
export type { SimulateOptions, Progress, WtpRange } from './model/options.js';
export type { SteeringState, SteeringRuleFn } from './model/steering-rule.js';

// Read the result.
export type {
  SimulationResult,
  RawResult,
  ResultTables,
  ScenarioResult,
  GroupResult,
  AllocationCount,
  MetricSummaries,
  Comparison,
  GroupComparison,
  DecisionSummary,
  DecisionFigures,
  EvppiEntry,
  CeacPoint,
  VarianceShare,
  PrecisionOutcome,
  QueueLength,
  SteeringTrajectory,
} from './summary/types.js';
export type { Layout, LayoutScenario, Strides } from './engine/layout.js';
export type { MetricSummary, DefinedSummary, UndefinedSummary } from './summary/interval.js';
export type { PairedDifference } from './summary/compare.js';
export type { IcerSummary, Quadrant } from './summary/decision.js';
export type { ArmResult, ArmComparison, ArmBasis } from './summary/arms.js';
export type { YearlyLine, YearlyDifference, Payback, PaybackStatus } from './summary/business.js';
export type { YearlyItem } from './engine/reduce/ledger.js';
export type {
  AccountSummary,
  AccountDifference,
  PayerSummary,
  PayerDifference,
  YearlyPayerLine,
  YearlyPayerDifference,
} from './summary/accounts.js';
export type { AccountLine } from './compile/accounts.js';
export { METRICS, METRIC_LABELS, type MetricName } from './engine/reduce/metrics.js';
export { formatTable, type TableOptions } from './report/text.js';
export { resultToJSON } from './report/json.js';
export { resultToCSV } from './report/csv.js';

// Split a run across machines and merge the parts.
export { keptReplicates, type KeptReplicates } from './summary/kept.js';
export { mergeRuns, type RunPart, type RunPartDecision } from './summary/merge.js';

// Results by the covariate classes a fitted model's groups record (`--by sex`).
export {
  classBreakdown,
  classColumns,
  type ClassBreakdown,
  type ClassRow,
  type ClassScenario,
  type ClassComparison,
} from './summary/classes.js';
