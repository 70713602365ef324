/**
 * The distribution of a metric over replicates, one panel per scenario.
 * @module
 */
import type { SimulationResult } from '../summary/types.js';
import { metricDraws, metricText } from './data.js';
import { localise, namer, titled } from './locale.js';
import { VEGA_LITE_SCHEMA, type PlotMetric, type PlotOptions, type VegaLiteSpec } from './types.js';

/** Options of {@link distributionSpec}. */
export interface DistributionOptions extends PlotOptions {
  /** About how many bins span all scenarios' values (default 40); the width is rounded to 1, 2 or 5 × 10ⁿ. */
  bins?: number;
}

/**
 * A histogram of `metric` over replicates for each scenario (one row of panels per
 * scenario, sharing the x axis), with the percentile interval shaded and the mean as a
 * line. Values are shown in the metric's unit (per cent, months, mio. DKK).
 *
 * @example
 * ```ts
 * import { distributionSpec, toSVG } from 'forlob/plot';
 * const svg = await toSVG(distributionSpec(result, 'successRate'));
 * ```
 */
export function distributionSpec(
  result: SimulationResult,
  metric: PlotMetric,
  options: DistributionOptions = {},
): VegaLiteSpec {
  const { label, factor, unit } = metricText(metric, options.lang);
  const group = options.group ?? 'total';
  const S = namer(options.names, 'scenarios');
  const order = result.scenarios.map((s) => S(s.id));
  const draws = metricDraws(result, metric, group).map((d) => ({ scenario: S(d.scenario), value: d.value * factor }));
  // Bins are computed here, shared by every scenario, so panels line up and the axis stays
  // a plain quantitative one that the interval band can share.
  const values: object[] = histogram(draws, options.bins ?? 40);
  for (const s of result.scenarios) {
    const m = group === 'total' ? s.metrics[metric] : s.groups.find((g) => g.id === group)?.metrics[metric];
    if (m && m.mean !== null)
      values.push({ kind: 'interval', scenario: S(s.id), mean: m.mean * factor, lo: m.lo * factor, hi: m.hi * factor });
  }
  const axis = `${label} (${unit})`;
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(options.title, axis),
      data: { values },
      facet: {
        row: {
          field: 'scenario',
          type: 'nominal',
          sort: order,
          title: null,
          // Above each panel: a label beside it takes its estimated (too wide) text width from the plot.
          header: { labelOrient: 'top', labelAnchor: 'start', labelAngle: 0, labelLimit: 520, labelFontSize: 11 },
        },
      },
      spec: {
        width: options.width ?? 420,
        height: options.height ?? 90,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'interval'" }],
            mark: { type: 'rect', opacity: 0.18, color: '#4c78a8' },
            encoding: {
              x: { field: 'lo', type: 'quantitative', title: axis, scale: { zero: false } },
              x2: { field: 'hi' },
            },
          },
          {
            transform: [{ filter: "datum.kind === 'bin'" }],
            mark: { type: 'rect', color: '#4c78a8', stroke: '#fff', strokeWidth: 0.5 },
            encoding: {
              x: { field: 'x0', type: 'quantitative', title: axis, scale: { zero: false } },
              x2: { field: 'x1' },
              y: { field: 'count', type: 'quantitative', title: options.lang === 'da' ? 'gentagelser' : 'replicates' },
              y2: { datum: 0 },
            },
          },
          {
            transform: [{ filter: "datum.kind === 'interval'" }],
            mark: { type: 'rule', color: '#222', strokeWidth: 1.5 },
            encoding: { x: { field: 'mean', type: 'quantitative' } },
          },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    },
    options.lang,
  );
}

/** Counts per scenario in shared bins of a round width. */
function histogram(
  draws: { scenario: string; value: number }[],
  bins: number,
): { kind: 'bin'; scenario: string; x0: number; x1: number; count: number }[] {
  if (draws.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const d of draws) {
    if (d.value < min) min = d.value;
    if (d.value > max) max = d.value;
  }
  const step = niceStep((max - min) / Math.max(1, bins));
  const start = Math.floor(min / step) * step;
  const counts = new Map<string, number>();
  for (const d of draws) {
    const k = Math.min(Math.floor((d.value - start) / step), Math.floor((max - start) / step));
    const key = `${d.scenario}\u0000${k}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [scenario, k] = key.split('\u0000');
    const x0 = start + Number(k) * step;
    return { kind: 'bin' as const, scenario, x0, x1: x0 + step, count };
  });
}

/** 1, 2 or 5 × 10ⁿ at or above x (1 for a zero-width range: every value alike). */
function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= x) as number;
}
