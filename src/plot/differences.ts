/**
 * Paired differences from the baseline, with intervals.
 * @module
 */
import { formatNumber } from '../format/numbers.js';
import type { SimulationResult } from '../summary/types.js';
import { baselineOf, differenceSummaries, metricText } from './data.js';
import { localise, namer, titled } from './locale.js';
import { VEGA_LITE_SCHEMA, type PlotMetric, type PlotOptions, type VegaLiteSpec } from './types.js';

/** Options of {@link differencesSpec}. */
export interface DifferencesOptions extends PlotOptions {
  /** The scenario to compare against (default: the first scenario). */
  baseline?: string;
}

/**
 * Each scenario's paired difference from the baseline in `metric`: the mean as a dot, the
 * interval as a bar, a line at 0, and the share of replicates in which the scenario did
 * better printed beside it. Uses `result.comparisons` when present, the draws otherwise.
 *
 * @example
 * ```ts
 * const spec = differencesSpec(result, 'successRate', { baseline: 'today' });
 * ```
 */
export function differencesSpec(
  result: SimulationResult,
  metric: PlotMetric,
  options: DifferencesOptions = {},
): VegaLiteSpec {
  const lang = options.lang ?? 'en';
  const { label, factor, diffUnit } = metricText(metric, lang);
  const base = baselineOf(result, options.baseline);
  const S = namer(options.names, 'scenarios');
  const rows = differenceSummaries(result, metric, base, options.group).map((d) => ({
    scenario: S(d.scenario),
    mean: d.mean * factor,
    lo: d.lo * factor,
    hi: d.hi * factor,
    better: `${lang === 'da' ? 'bedre i' : 'better in'} ${formatNumber(100 * d.probBetter, 0, lang)} %`,
  }));
  const axis = `Δ ${label} (${diffUnit})`;
  // Room for labels: scenarios may be named by their labels (option names).
  const y = {
    field: 'scenario',
    type: 'nominal',
    sort: rows.map((r) => r.scenario),
    title: null,
    axis: { labelLimit: 520 },
  };
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(options.title, `${label}: ${lang === 'da' ? 'forskel fra' : 'difference from'} ${S(base)}`),
      width: options.width ?? 420,
      height: options.height ?? Math.max(60, 40 * rows.length),
      data: { values: rows },
      layer: [
        // Own one-row data: a constant layer would otherwise be drawn once per data row.
        {
          data: { values: [{}] },
          mark: { type: 'rule', color: '#888', strokeDash: [4, 3] },
          encoding: { x: { datum: 0, type: 'quantitative' } },
        },
        {
          mark: { type: 'rule', strokeWidth: 3, color: '#4c78a8' },
          encoding: { y, x: { field: 'lo', type: 'quantitative', title: axis }, x2: { field: 'hi' } },
        },
        {
          mark: { type: 'point', filled: true, size: 80, color: '#1f3b5c' },
          encoding: { y, x: { field: 'mean', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 8, dy: -10, fontSize: 10, color: '#444' },
          encoding: { y, x: { field: 'mean', type: 'quantitative' }, text: { field: 'better' } },
        },
      ],
    },
    lang,
  );
}
