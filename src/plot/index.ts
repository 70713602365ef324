/**
 * `forlob/plot`: results as Vega-Lite charts. Each function turns a result into a plain
 * Vega-Lite spec (a JSON-able object) and {@link toSVG} renders any of them to SVG in Node
 * without a browser. Kept apart from the core entry so that `forlob` stays small and
 * browser-safe; vega and vega-lite load only when something is rendered.
 *
 * @example
 * ```ts
 * import { simulate, presets } from 'forlob/node';
 * import { distributionSpec, differencesSpec, toSVG } from 'forlob/plot';
 * const result = await simulate(presets['randers-2025'].model, { replicates: 500 });
 * const svg = await toSVG(differencesSpec(result, 'successRate'));
 * ```
 * @module
 */
export { distributionSpec, type DistributionOptions } from './distribution.js';
export { differencesSpec, type DifferencesOptions } from './differences.js';
export { fanChartSpec, type FanChartOptions } from './fan.js';
export { tornadoSpec, type TornadoOptions, type TornadoInput } from './tornado.js';
export { costEffectSpec, type CostEffectOptions } from './cost-effect.js';
export { steeringSpec, type SteeringOptions } from './steering.js';
export { backtestSpec, type BacktestPlotOptions } from './backtest.js';
export {
  ceacSpec,
  evpiCurveSpec,
  evppiSpec,
  ceacRows,
  evppiRows,
  type CeacOptions,
  type DecisionPlotOptions,
  type DecisionInput,
  type CeacRow,
  type EvppiRow,
} from './decision.js';
export { toSVG } from './render.js';
export {
  metricDraws,
  pairedDifferences,
  differenceSummaries,
  baselineOf,
  metricText,
  higherIsBetter,
  type DrawRow,
  type DifferenceRow,
  type DifferenceSummary,
  type MetricText,
} from './data.js';
export {
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
  type PlotMetric,
  type PlotOptions,
  type PlotNames,
  type DifferenceMetric,
  type ScenarioComparison,
  type TornadoRow,
} from './types.js';
export type { ReportLanguage } from '../format/i18n.js';
