/**
 * Cost-effectiveness planes: change in cost against change in success, replicate by
 * replicate.
 * @module
 */
import type { SimulationResult } from '../summary/types.js';
import { baselineOf, metricText, pairedDifferences } from './data.js';
import { localise, namer, titled } from './locale.js';
import { VEGA_LITE_SCHEMA, type PlotMetric, type PlotOptions, type VegaLiteSpec } from './types.js';

/** Options of {@link costEffectSpec}. */
export interface CostEffectOptions extends PlotOptions {
  /** The scenario to compare against (default: the first scenario). */
  baseline?: string;
  /** The cost on the y axis (default `municipalCost`, the municipality's net spending). */
  cost?: PlotMetric;
  /** The effect on the x axis (default `successRate`). */
  effect?: PlotMetric;
  /**
   * Dots drawn per scenario (default 500): the first replicates; the means use every
   * replicate. Each dot costs about 0.5 kB of SVG, so thousands would bloat a report.
   */
  maxPoints?: number;
}

/**
 * The cost-effectiveness plane: one dot per replicate and scenario at (Δ success, Δ cost)
 * against the baseline (up to `maxPoints` per scenario), the means as large diamonds, and
 * axes through 0. A cloud in the lower
 * right is better and cheaper; the cloud's spread is the uncertainty of both at once.
 *
 * @example
 * ```ts
 * const spec = costEffectSpec(result, { baseline: 'without-pool' });
 * ```
 */
export function costEffectSpec(result: SimulationResult, options: CostEffectOptions = {}): VegaLiteSpec {
  const lang = options.lang ?? 'en';
  const base = baselineOf(result, options.baseline);
  const costMetric = options.cost ?? 'municipalCost';
  const effectMetric = options.effect ?? 'successRate';
  const ct = metricText(costMetric, lang);
  const et = metricText(effectMetric, lang);
  const dc = pairedDifferences(result, costMetric, base, options.group);
  const de = new Map(
    pairedDifferences(result, effectMetric, base, options.group).map((d) => [
      `${d.scenario}\u0000${d.replicate}`,
      d.diff,
    ]),
  );
  const values: { kind: string; scenario: string; effect: number; cost: number }[] = [];
  for (const d of dc) {
    const e = de.get(`${d.scenario}\u0000${d.replicate}`);
    if (e !== undefined)
      values.push({ kind: 'draw', scenario: d.scenario, effect: e * et.factor, cost: d.diff * ct.factor });
  }
  const order = result.scenarios.map((s) => s.id).filter((id) => id !== base);
  const means = order.flatMap((id) => {
    const xs = values.filter((v) => v.scenario === id);
    return xs.length
      ? [{ kind: 'mean', scenario: id, effect: avg(xs.map((v) => v.effect)), cost: avg(xs.map((v) => v.cost)) }]
      : [];
  });
  const max = options.maxPoints ?? 500;
  const shown = new Map<string, number>();
  const dots = values.filter((v) => {
    const n = shown.get(v.scenario) ?? 0;
    shown.set(v.scenario, n + 1);
    return n < max;
  });
  const x = { field: 'effect', type: 'quantitative', title: `Δ ${et.label} (${et.diffUnit})` };
  const y = { field: 'cost', type: 'quantitative', title: `Δ ${ct.label} (${ct.diffUnit})` };
  const S = namer(options.names, 'scenarios');
  const named = <T extends { scenario: string }>(v: T) => ({ ...v, scenario: S(v.scenario) });
  const color = {
    field: 'scenario',
    type: 'nominal',
    // Labels, not ids: long enough to need room.
    legend: { labelLimit: 520 },
    sort: order.map(S),
    title: lang === 'da' ? 'scenarie' : 'scenario',
  };
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(
        options.title,
        lang === 'da' ? `Udgift og effekt mod ${S(base)}` : `Cost and effect against ${S(base)}`,
      ),
      width: options.width ?? 420,
      height: options.height ?? 300,
      data: { values: [...dots, ...means].map(named) },
      layer: [
        // Own one-row data: a constant layer would otherwise be drawn once per dot.
        {
          data: { values: [{}] },
          mark: { type: 'rule', color: '#888', strokeDash: [4, 3] },
          encoding: { x: { datum: 0, type: 'quantitative' } },
        },
        {
          data: { values: [{}] },
          mark: { type: 'rule', color: '#888', strokeDash: [4, 3] },
          encoding: { y: { datum: 0, type: 'quantitative' } },
        },
        {
          transform: [{ filter: "datum.kind === 'draw'" }],
          mark: { type: 'circle', size: 10, opacity: 0.35 },
          encoding: { x, y, color },
        },
        {
          transform: [{ filter: "datum.kind === 'mean'" }],
          mark: { type: 'point', shape: 'diamond', filled: true, size: 140, stroke: '#000', strokeWidth: 1 },
          encoding: { x, y, color },
        },
      ],
    },
    lang,
  );
}

function avg(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
