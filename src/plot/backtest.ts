/**
 * A back-test's plot: what the panel showed against the forecast's band, one panel per figure.
 * @module
 */
import type { BacktestResult } from '../backtest/backtest.js';
import { localise, titled } from './locale.js';
import { VEGA_LITE_SCHEMA, type PlotOptions, type VegaLiteSpec } from './types.js';

/** Options of {@link backtestSpec}. */
export interface BacktestPlotOptions extends Omit<PlotOptions, 'group' | 'names'> {
  /** Panels per row (default 3). */
  columns?: number;
}

/**
 * For each figure of a back-test (`stock kh`, `still on benefit`, `exits to success`, …), a small panel over the
 * forecast months: the forecast's interval as a band, its mean as a line, the naive
 * forecast as a dashed line and what the panel showed as points, filled where they fall
 * outside the band. Each panel has its own y scale (citizens — moves a month for `exits to
 * success` — or a share for `still on benefit`).
 *
 * @example
 * ```ts
 * const r = await backtest(panel, { trainUntil: '2024-06', horizon: 12 });
 * writeFileSync('backtest.svg', await toSVG(backtestSpec(r)));
 * ```
 */
export function backtestSpec(result: BacktestResult, options: BacktestPlotOptions = {}): VegaLiteSpec {
  const lang = options.lang ?? 'en';
  const da = lang === 'da';
  const values = result.figures.map((f) => ({
    figure: f.name,
    month: f.month,
    observed: f.observed,
    mean: f.mean,
    lo: f.lo,
    hi: f.hi,
    naive: f.naive,
    outside: f.observed < f.lo || f.observed > f.hi,
  }));
  const names = [...new Set(values.map((v) => v.figure))];
  const x = { field: 'month', type: 'ordinal', title: da ? 'måned' : 'month' };
  const pct = Math.round(100 * result.level);
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(
        options.title,
        da
          ? `Tilbagetest fra ${result.trainUntil}: observeret og ${pct} %-interval`
          : `Back-test from ${result.trainUntil}: observed and the ${pct} % interval`,
      ),
      data: { values },
      columns: options.columns ?? 3,
      facet: { field: 'figure', type: 'nominal', sort: names, title: null },
      spec: {
        width: options.width ?? 180,
        height: options.height ?? 110,
        layer: [
          {
            mark: { type: 'area', opacity: 0.25, color: '#4c78a8' },
            encoding: { x, y: { field: 'lo', type: 'quantitative', title: null }, y2: { field: 'hi' } },
          },
          { mark: { type: 'line', color: '#1f3b5c' }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
          {
            mark: { type: 'line', color: '#999999', strokeDash: [4, 3] },
            encoding: { x, y: { field: 'naive', type: 'quantitative' } },
          },
          {
            mark: { type: 'point', color: '#d62728', size: 30 },
            encoding: {
              x,
              y: { field: 'observed', type: 'quantitative' },
              fill: {
                field: 'outside',
                type: 'nominal',
                scale: { domain: [false, true], range: ['white', '#d62728'] },
                legend: null,
              },
            },
          },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    },
    lang,
  );
}
