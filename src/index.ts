/**
 * forlob: Monte Carlo microsimulation of citizens' courses through employment-policy
 * scenarios. This entry is pure computation and runs in browsers too; `forlob/node`
 * adds worker threads and file helpers.
 *
 * The pipeline: define a model ({@link ModelSpec}, or start from {@link presets}) →
 * {@link simulate} → read {@link SimulationResult} summaries and arquero tables →
 * {@link formatTable} / {@link resultToJSON} / {@link resultToCSV}.
 * @module
 */
export { simulate } from './run/simulate.js';
export type { SimulateOptions, Progress, WtpRange } from './model/options.js';
export { DEFAULT_WTP_RANGE, wtpGrid } from './model/options.js';
export type {
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
} from './model/types.js';
export { validateModel, parseModel } from './model/validate.js';
export { LIMITS } from './model/bounds.js';
export { ForlobInputError, type Problem } from './model/errors.js';
export { largestRemainder, allocateGroup } from './model/allocation.js';
export {
  calibrateRow,
  type CalibrationTargets,
  type CalibratedRow,
  type PaidHoursPath,
} from './calibrate/calibrate.js';
export { summarise, type MetricSummary, type DefinedSummary, type UndefinedSummary } from './summary/interval.js';
export { METRICS, HIGHER_IS_BETTER, METRIC_LABELS, type MetricName } from './engine/reduce/metrics.js';
export type {
  SimulationResult,
  ScenarioResult,
  GroupResult,
  AllocationCount,
  MetricSummaries,
} from './summary/types.js';
export { resultToJSON } from './report/json.js';
export { resultToCSV } from './report/csv.js';
export { formatTable, type TableOptions } from './report/text.js';
export { presets, getPreset, type Preset } from './presets/index.js';
export { randersModel, RANDERS_ASSUMPTIONS, type RandersAssumptions } from './presets/randers-2025.js';
export {
  gladsaxeModel,
  GLADSAXE_ASSUMPTIONS,
  extensionCost,
  type GladsaxeAssumptions,
} from './presets/gladsaxe-2026.js';
export {
  DK_RATES,
  REFUSION_DK_2016,
  CASEWORKER_ANNUAL_COST,
  type Rate,
  type DkRateName,
  type Sourced,
  type Amount,
} from './presets/rates.js';
export type {
  Comparison,
  GroupComparison,
  DecisionSummary,
  VarianceShare,
  PrecisionOutcome,
  QueueLength,
  SteeringTrajectory,
} from './summary/types.js';
export { armLabel, type ArmResult, type ArmComparison, type ArmBasis } from './summary/arms.js';
export type { SteeringState, SteeringRuleFn } from './model/steering-rule.js';
export { pairedComparison, type PairedDifference } from './summary/compare.js';
export {
  probabilityBest,
  netBenefit,
  evpi,
  evppi,
  icer,
  icerReading,
  quadrantOf,
  decisionSummary,
  type IcerSummary,
  type IcerReading,
  type Quadrant,
  type ValueOfInformation,
  type DecisionFigures,
  type DecisionInput,
  type EvppiEntry,
  type CeacPoint,
} from './summary/decision.js';
export { metamodel, type Metamodel } from './summary/metamodel.js';
export {
  sampler,
  distMean,
  distVariance,
  distQuantile,
  distCdf,
  distributionSchema,
  checkDistribution,
  type Distribution,
  type DistributionInfo,
  type BetaDist,
  type GammaDist,
  type LognormalDist,
  type NormalDist,
  type UniformDist,
  type TriangularDist,
} from './params/distribution.js';
export { betaFromMeanInterval, betaFromCounts, lognormalFromInterval } from './params/fit.js';
export {
  planUncertainty,
  drawParameters,
  instantiate,
  paramRef,
  type UncertaintyPlan,
  type Parameter,
  type Slot,
} from './params/plan.js';
export {
  sensitivity,
  type SensitivityOptions,
  type SensitivityResult,
  type SensitivityRow,
} from './analysis/sensitivity.js';
export { breakEven, type BreakEvenOptions, type BreakEvenResult } from './analysis/breakeven.js';
export type { AnalysisProgress, MeasureSpec, Runner } from './analysis/measure.js';
export { mergeRuns, type RunPart, type RunPartDecision } from './summary/merge.js';
export { resultToJSON as toJSON } from './report/json.js';
export { keptReplicates, type KeptReplicates } from './summary/kept.js';
export type { YearlyLine, YearlyDifference, Payback, PaybackStatus } from './summary/business.js';
export { YEARLY_ITEMS, YEARLY_PAYER, type YearlyItem } from './engine/reduce/ledger.js';
export {
  evidenceLibrary,
  evidenceIds,
  getEvidence,
  evidenceDistribution,
  citeEvidence,
  evidenceRef,
  isEvidenceRef,
  resolveEvidenceRef,
  EVIDENCE_ENTRIES,
  monthlyProbabilityFromShare,
  hazardRatioFromShares,
  treatedShareFromOddsRatio,
  hazardRatioFromOddsRatio,
  hrDistributionFromTrial,
  mappingBasis,
  effectFromEntry,
  type EvidenceEntry,
  type ReportedNumbers,
  type OutcomeShare,
  type EvidenceRef,
  type ResolvedEvidence,
  type UnresolvedEvidence,
  type TrialMappingOptions,
} from './evidence/index.js';
