/**
 * Fan charts of the occupancy series: citizens per state month by month.
 * @module
 */
import type { SimulationResult } from '../summary/types.js';
import { localise, namer, titled } from './locale.js';
import { VEGA_LITE_SCHEMA, type PlotOptions, type VegaLiteSpec } from './types.js';

/** Options of {@link fanChartSpec}. */
export interface FanChartOptions extends Omit<PlotOptions, 'group'> {
  /** Panels per row (default 4). */
  columns?: number;
  /** Only these states, in this order (default: every state with anyone in it). */
  states?: string[];
}

/**
 * For one scenario, a small panel per state: the median number of citizens in the state
 * month by month (months 0 to H − 1, the simulated months), the quartile band and the
 * interval band. Needs a result simulated with `occupancy: true`.
 *
 * @example
 * ```ts
 * const result = await simulate(model, { replicates: 500, occupancy: true });
 * const svg = await toSVG(fanChartSpec(result, 'today'));
 * ```
 */
export function fanChartSpec(
  result: SimulationResult,
  scenarioId: string,
  options: FanChartOptions = {},
): VegaLiteSpec {
  if (!result.tables.occupancy)
    throw new RangeError('fanChartSpec needs result.tables.occupancy: simulate with { occupancy: true }');
  if (!result.scenarios.some((s) => s.id === scenarioId)) {
    throw new RangeError(
      `unknown scenario "${scenarioId}" (expected one of ${result.scenarios.map((s) => s.id).join(', ')})`,
    );
  }
  const lang = options.lang ?? 'en';
  const all = result.tables.occupancy.objects() as {
    scenario: string;
    state: string;
    month: number;
    lo: number;
    hi: number;
    q25: number;
    median: number;
    q75: number;
  }[];
  // Months 0…H−1 only: point H of the occupancy table is where citizens stand after the
  // last month, and nobody arrives in it, so with inflow it would draw a false cliff.
  const rows = all
    .filter((r) => r.scenario === scenarioId && r.month < result.horizonMonths)
    .map(({ state, month, lo, hi, q25, median, q75 }) => ({ state, month, lo, hi, q25, median, q75 }));
  // States nobody ever enters would only add empty panels.
  const used = [...new Set(rows.filter((r) => r.hi > 0).map((r) => r.state))];
  const states = options.states ?? used;
  const N = namer(options.names, 'states');
  const values = rows.filter((r) => states.includes(r.state)).map((r) => ({ ...r, state: N(r.state) }));
  const x = { field: 'month', type: 'quantitative', title: lang === 'da' ? 'måned' : 'month' };
  const citizens = lang === 'da' ? 'borgere' : 'citizens';
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(
        options.title,
        `${namer(options.names, 'scenarios')(scenarioId)}: ${lang === 'da' ? 'borgere pr. tilstand' : 'citizens per state'}`,
      ),
      data: { values },
      columns: options.columns ?? 4,
      facet: { field: 'state', type: 'nominal', sort: states.map(N), title: null },
      spec: {
        width: options.width ?? 150,
        height: options.height ?? 100,
        layer: [
          {
            mark: { type: 'area', opacity: 0.2, color: '#4c78a8' },
            encoding: { x, y: { field: 'lo', type: 'quantitative', title: citizens }, y2: { field: 'hi' } },
          },
          {
            mark: { type: 'area', opacity: 0.4, color: '#4c78a8' },
            encoding: { x, y: { field: 'q25', type: 'quantitative' }, y2: { field: 'q75' } },
          },
          { mark: { type: 'line', color: '#1f3b5c' }, encoding: { x, y: { field: 'median', type: 'quantitative' } } },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    },
    lang,
  );
}
