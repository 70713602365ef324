/**
 * `forlob/fit`: from a municipality's own register data to a model. Read a monthly (or
 * weekly) status panel with a state map, estimate the current rates with their uncertainty
 * (occurrence/exposure per class, from-state and duration band; Poisson regression on
 * covariates), and get an ordinary model file to simulate; draw synthetic panels from a
 * known model for tests and demos. Browser-safe like `forlob`: panels come in as text or
 * Arrow bytes.
 *
 * @example
 * ```ts
 * import { readPanel, parseStateMap, fitModel } from 'forlob/fit';
 * import { simulate } from 'forlob';
 * const { panel, report } = readPanel(csvText, parseStateMap(mapJson), { dropBad: true });
 * const { model, estimates } = fitModel(panel, { bands: [0, 6, 12, 24] });
 * const result = await simulate(model, { replicates: 1000 });
 * ```
 * @module
 */
export {
  readPanel,
  readPanelArrow,
  panelFromTable,
  parseStateMap,
  stateMapSchema,
  panelToCSV,
  type StateMap,
  type MapState,
  type PanelRead,
  type PanelTable,
  type Panel,
  type PanelColumn,
  type PanelReport,
  type BadRow,
  type ReadPanelOptions,
  type PanelCSVOptions,
} from './fit/panel.js';
export {
  fitModel,
  type FitOptions,
  type FitResult,
  type FitEstimates,
  type RateCell,
  type Coefficient,
  type Regression,
  type PanelSpan,
} from './fit/estimate.js';
export {
  alignModel,
  type AlignTarget,
  type AlignOptions,
  type AlignResult,
  type AlignmentFactor,
} from './analysis/align.js';
export { poissonRegression, type PoissonFit } from './fit/poisson.js';
export { synthPanel, identityStateMap, type SynthOptions } from './synth/synth.js';
export {
  backtest,
  type BacktestOptions,
  type BacktestResult,
  type BacktestFigure,
  type BacktestKind,
  type NaiveForecast,
  STILL_ON_BENEFIT_MONTHS,
} from './backtest/backtest.js';
