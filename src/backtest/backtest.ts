/**
 * Back-tests: fit on the panel's months up to a date, forecast the stock from that date
 * over a horizon with the fitted model (its estimated inflow included), and compare with
 * what the panel then shows. The figures are the number of citizens in each state in each
 * month after the date; each forecast is the mean and central interval over replicates, so
 * the interval holds both the estimation uncertainty (the fitted distributions) and
 * individual chance. A naive forecast sits beside it: each state's share of the population
 * twelve months before the forecast month, carried forward and scaled by the population's
 * growth over the last year (the stock at the date, unchanged, when the panel has no year
 * before it).
 *
 * Citizens who leave the panel without an exit state (moved away, extract ended) are not in
 * the model; on real data the comparison is fair for states whose citizens stay in the
 * extract.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { formatMonth, monthSerial } from '../model/dates.js';
import type { SimulateOptions } from '../model/options.js';
import type { ModelInput } from '../params/input.js';
import { simulate } from '../run/simulate.js';
import type { SimulationResult } from '../summary/types.js';
import { fitModel, type FitOptions } from '../fit/estimate.js';
import type { Panel } from '../fit/panel.js';

/** Options of {@link backtest}. */
export interface BacktestOptions extends Omit<FitOptions, 'untilMonth' | 'horizonMonths'> {
  /** The last month fitted, `YYYY-MM`; the forecast starts the month after. */
  trainUntil: string;
  /** Months forecast (default 12); the panel must reach that far. */
  horizon?: number;
  /** Replicates (default 200). */
  replicates?: number;
  /** Seed (default `1`). */
  seed?: string;
  /** Interval level (default 0.95). */
  level?: number;
  /** How to simulate (default the core's in-process `simulate`; pass `forlob/node`'s for workers). */
  run?: (model: ModelInput, options: SimulateOptions) => Promise<SimulationResult>;
}

/** One figure of a back-test: what the panel shows against the forecast. */
export interface BacktestFigure {
  /** `stock <state>`. */
  name: string;
  /** Calendar month, `YYYY-MM`. */
  month: string;
  /** Months after the training month (1 … horizon). */
  ahead: number;
  /** What the panel shows. */
  observed: number;
  /** The forecast's mean over replicates. */
  mean: number;
  /** The interval's lower end. */
  lo: number;
  /** The interval's upper end. */
  hi: number;
  /** The naive forecast. */
  naive: number;
}

/** The naive forecast beside a back-test. */
export interface NaiveForecast {
  /** Its mean absolute error. */
  mae: number;
  /** How it was made, in words. */
  method: string;
}

/** A back-test's result. */
export interface BacktestResult {
  /** The last month fitted. */
  trainUntil: string;
  /** Months forecast. */
  horizon: number;
  /** Interval level. */
  level: number;
  /** Replicates. */
  replicates: number;
  /** Share of the figures whose observed value lies in the interval. */
  coverage: number;
  /** Mean absolute error of the forecast's mean. */
  mae: number;
  /** Every figure. */
  figures: BacktestFigure[];
  /** The naive forecast's error (its forecasts are in the figures). */
  naive: NaiveForecast;
}

/**
 * Back-test the fit on a panel.
 *
 * @example
 * ```ts
 * const r = await backtest(panel, { trainUntil: '2024-06', horizon: 12, bands: [0, 6, 12] });
 * r.coverage; // about 0.95 when the model is right
 * ```
 */
export async function backtest(panel: Panel, options: BacktestOptions): Promise<BacktestResult> {
  const horizon = options.horizon ?? 12;
  const level = options.level ?? 0.95;
  const replicates = options.replicates ?? 200;
  const u = monthSerial(options.trainUntil, 'trainUntil') - panel.firstMonth;
  if (u < 1 || u + horizon > panel.months - 1)
    throw new ForlobInputError([
      {
        path: 'trainUntil',
        message: `expected a month from ${formatMonth(panel.firstMonth + 1)} to ${formatMonth(panel.firstMonth + panel.months - 1 - horizon)} (the panel runs ${formatMonth(panel.firstMonth)} to ${formatMonth(panel.firstMonth + panel.months - 1)} and the forecast needs ${horizon} months after it)`,
      },
    ]);
  const { run, trainUntil: _t, horizon: _h, replicates: _r, seed, level: _l, ...fit } = options;
  const { model } = fitModel(panel, { ...fit, untilMonth: u, horizonMonths: horizon + 1 });
  const result = await (run ?? simulate)(model, { replicates, seed: seed ?? '1', level, occupancy: true });
  const occ = result.raw.occupancy;
  if (!occ) throw new Error('backtest: the run returned no occupancy');
  const S = panel.states.length;
  const H = horizon + 1;
  const R = result.replicates;

  // Observed stock per state and month.
  const stock = new Float64Array(panel.months * S);
  for (let r = 0; r < panel.month.length; r++) stock[panel.month[r] * S + panel.state[r]]++;
  const total = (m: number) => {
    let t = 0;
    for (let s = 0; s < S; s++) t += stock[m * S + s];
    return t;
  };

  const figures: BacktestFigure[] = [];
  const values = new Float64Array(R);
  const q = (1 - level) / 2;
  for (let s = 0; s < S; s++)
    for (let k = 1; k <= horizon; k++) {
      // occupancy: replicate × scenario × state × (H + 1) months; one scenario.
      for (let r = 0; r < R; r++) values[r] = occ[(r * S + s) * (H + 1) + k];
      const sorted = Float64Array.from(values).sort();
      const mean = values.reduce((t, x) => t + x, 0) / R;
      const m = u + k;
      const naive = u >= 12 ? stock[(m - 12) * S + s] * (total(u) / Math.max(1, total(u - 12))) : stock[u * S + s];
      figures.push({
        name: `stock ${panel.states[s].id}`,
        month: formatMonth(panel.firstMonth + m),
        ahead: k,
        observed: stock[m * S + s],
        mean,
        lo: quantileSorted(sorted, q),
        hi: quantileSorted(sorted, 1 - q),
        naive,
      });
    }
  const covered = figures.filter((f) => f.observed >= f.lo && f.observed <= f.hi).length;
  const mae = figures.reduce((t, f) => t + Math.abs(f.observed - f.mean), 0) / figures.length;
  const naiveMae = figures.reduce((t, f) => t + Math.abs(f.observed - f.naive), 0) / figures.length;
  return {
    trainUntil: formatMonth(panel.firstMonth + u),
    horizon,
    level,
    replicates: R,
    coverage: covered / figures.length,
    mae,
    figures,
    naive: {
      mae: naiveMae,
      method:
        u >= 12
          ? "each state's share twelve months before, scaled by the population's growth over the last year"
          : 'the stock at the training month, unchanged',
    },
  };
}

/** The q-quantile of sorted values, linear between order statistics (type 7). */
function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}
