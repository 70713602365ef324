/**
 * One-way sensitivity (the tornado): each uncertain parameter in turn at its low and high
 * quantile, every other parameter at its mean, the same seed throughout (common random
 * numbers), ranked by the swing it causes in the chosen measure.
 * @module
 */
import type { ModelInput } from '../params/input.js';
import { simulate } from '../run/simulate.js';
import { parameterQuantile } from '../params/plan.js';
import { planUncertainty } from '../evidence/plan.js';
import type { SimulateOptions } from '../model/options.js';
import {
  analysisProgress,
  checkAnalysisOptions,
  measureMean,
  type AnalysisProgress,
  type MeasureSpec,
  type Runner,
} from './measure.js';

/** Options of {@link sensitivity}: those of `simulate` for each run, and what to measure. */
export interface SensitivityOptions extends Omit<SimulateOptions, 'onProgress'>, MeasureSpec {
  /** Low quantile (default (1 − level)/2: 0.025 at the default level 0.95). */
  lowQuantile?: number;
  /** High quantile (default (1 + level)/2: 0.975 at the default level 0.95). */
  highQuantile?: number;
  /** How to run the model (default the core simulate; pass `forlob/node`'s for workers). */
  run?: Runner;
  /**
   * Called as replicates finish, over the whole analysis: one run with every parameter at
   * its mean, then two per uncertain parameter (`runs` = 1 + 2 × parameters), each of
   * `replicates`.
   *
   * @example
   * ```ts
   * await sensitivity(model, { onProgress: ({ done, total, runsDone, runs }) => console.error(`${done}/${total} (run ${runsDone}/${runs})`) });
   * ```
   */
  onProgress?: (p: AnalysisProgress) => void;
}

const OWN = ['metric', 'scenario', 'baseline', 'lowQuantile', 'highQuantile', 'run'];

/** One bar of the tornado. */
export interface SensitivityRow {
  /** Parameter name. */
  parameter: string;
  /** The parameter's low value. */
  low: number;
  /** The parameter's high value. */
  high: number;
  /** The measure with the parameter low. */
  lowValue: number;
  /** The measure with the parameter high. */
  highValue: number;
  /** |highValue − lowValue|. */
  swing: number;
}

/** The tornado: rows sorted by swing, largest first, and the value with everything at its mean. */
export interface SensitivityResult {
  /** The measure with every parameter at its mean. */
  base: number;
  /** The quantiles of each parameter's distribution used as its low and high value. */
  quantiles: {
    /** Quantile used as the low value. */
    low: number;
    /** Quantile used as the high value. */
    high: number;
  };
  /** What was measured. */
  measure: Required<Pick<MeasureSpec, 'metric'>> & MeasureSpec;
  /** One row per uncertain parameter. */
  rows: SensitivityRow[];
}

/**
 * Rank the uncertain parameters by how much they move a metric or a scenario difference.
 *
 * @example
 * ```ts
 * const t = await sensitivity(presets['randers-2025'].model, { metric: 'successRate', scenario: 'scenario-1', baseline: 'today', replicates: 200 });
 * t.rows[0].parameter; // the assumption that matters most
 * ```
 */
export async function sensitivity(model: ModelInput, options: SensitivityOptions = {}): Promise<SensitivityResult> {
  checkAnalysisOptions(options, OWN);
  const {
    lowQuantile,
    highQuantile,
    run = simulate,
    metric = 'municipalCost',
    scenario,
    baseline,
    onProgress,
    ...simOpts
  } = options;
  const level = simOpts.level ?? 0.95;
  const qLow = lowQuantile ?? (1 - level) / 2;
  const qHigh = highQuantile ?? (1 + level) / 2;
  const plan = planUncertainty(model);
  const means = Object.fromEntries(plan.parameters.map((p) => [p.name, p.mean]));
  const measure = { metric, scenario, baseline };
  const progress = analysisProgress(onProgress, 1 + 2 * plan.parameters.filter((p) => p.dist).length);
  let runs = 0;
  const at = async (overrides: Record<string, number>) =>
    measureMean(
      await run(model, { ...simOpts, onProgress: progress.wrap(runs++), fixed: { ...means, ...overrides } }),
      measure,
    );
  const base = await at({});
  const rows: SensitivityRow[] = [];
  for (const p of plan.parameters) {
    if (!p.dist) continue;
    const low = parameterQuantile(p, qLow);
    const high = parameterQuantile(p, qHigh);
    const lowValue = await at({ [p.name]: low });
    const highValue = await at({ [p.name]: high });
    rows.push({ parameter: p.name, low, high, lowValue, highValue, swing: Math.abs(highValue - lowValue) });
  }
  rows.sort((a, b) => b.swing - a.swing);
  progress.finish(runs);
  return { base, quantiles: { low: qLow, high: qHigh }, measure, rows };
}
