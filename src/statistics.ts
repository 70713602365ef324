/**
 * `forlob/statistics`: the statistics behind a result, to apply to your own draws or to a
 * result's raw arrays — summaries and paired comparisons, decision figures (probability
 * best, net benefit, ICER, EVPI, EVPPI and the regression metamodel behind them), the
 * distributions a model's uncertain numbers take and helpers that fit them to published
 * figures, calibration of a transition row from observed shares, and the names behind the
 * yearly budget lines. Pure computation, browser-safe like `forlob`.
 *
 * @example
 * ```ts
 * import { betaFromMeanInterval, summarise, pairedComparison } from 'forlob/statistics';
 * const prior = betaFromMeanInterval(0.3, 0.25, 0.35); // { dist: 'beta', alpha: …, beta: … }
 * summarise([0.29, 0.31, 0.3, 0.32], 0.9);              // { mean: 0.305, sd: …, lo: 0.29, hi: 0.32, mcse: … }
 * pairedComparison([0.31, 0.33], [0.29, 0.3], true, 0.95).probBetter; // 1
 * ```
 * @module
 */

// Summaries and comparisons over replicates.
export {
  summarise,
  type MetricSummary,
  type DefinedSummary,
  type UndefinedSummary,
} from './summary/interval.js';
export { pairedComparison, type PairedDifference } from './summary/compare.js';
export { HIGHER_IS_BETTER, type MetricName } from './engine/reduce/metrics.js';
export { armLabel } from './summary/arms.js';

// Decision figures.
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
export { DEFAULT_WTP_RANGE, wtpGrid, type WtpRange } from './model/options.js';

// Distributions and prior fitting.
export {
  sampler,
  distMean,
  distVariance,
  distQuantile,
  distCdf,
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
  jointSampler,
  jointMean,
  jointMarginal,
  checkJoint,
  type JointDistribution,
  type DirichletDist,
  type MultivariateNormalDist,
} from './params/joint.js';
export { distributionSchema, jointDistributionSchema } from './params/schemas.js';

// Calibration of a transition row.
export {
  calibrateRow,
  type CalibrationTargets,
  type CalibratedRow,
  type PaidHoursPath,
} from './calibrate/calibrate.js';

// The yearly budget lines' items and who pays them.
export { YEARLY_ITEMS, YEARLY_PAYER, type YearlyItem } from './engine/reduce/ledger.js';
