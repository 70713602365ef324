/**
 * The steered share over time: one faint step line per replicate, the mean on top.
 * @module
 */
import type { SimulationResult } from '../summary/types.js';
import { localise, namer, titled } from './locale.js';
import { VEGA_LITE_SCHEMA, type PlotOptions, type VegaLiteSpec } from './types.js';

/** Options of {@link steeringSpec}. */
export interface SteeringOptions extends Omit<PlotOptions, 'group'> {
  /** Replicates drawn as lines (default 200: enough to see the spread, few enough to stay light). */
  maxReplicates?: number;
}

/**
 * For one steered scenario, the share of the steered intervention from month 0 to the
 * horizon: a step line per replicate and the mean over replicates. Needs a scenario with
 * `steering`.
 *
 * @example
 * ```ts
 * const result = await simulate(presets['randers-2025'].model, { replicates: 300 });
 * const svg = await toSVG(steeringSpec(result, 'today-steered'));
 * ```
 */
export function steeringSpec(
  result: SimulationResult,
  scenarioId: string,
  options: SteeringOptions = {},
): VegaLiteSpec {
  const tr = result.steering?.find((t) => t.scenario === scenarioId);
  if (!tr) {
    const steered = (result.steering ?? []).map((t) => t.scenario);
    throw new RangeError(`scenario "${scenarioId}" has no steering (steered: ${steered.join(', ') || 'none'})`);
  }
  const lang = options.lang ?? 'en';
  const H = result.horizonMonths;
  // Each share holds until the next review; the last one to the horizon.
  const ends = [...tr.months.slice(1), H];
  const lines = tr.replicates.slice(0, options.maxReplicates ?? 200).flatMap((row, r) =>
    row.flatMap((share, k) => [
      { replicate: r, month: tr.months[k], share },
      { replicate: r, month: ends[k], share },
    ]),
  );
  const mean = tr.mean.flatMap((share, k) => [
    { month: tr.months[k], share },
    { month: ends[k], share },
  ]);
  const x = {
    field: 'month',
    type: 'quantitative',
    title: lang === 'da' ? 'måned' : 'month',
    scale: { domain: [0, H] },
  };
  const y = {
    field: 'share',
    type: 'quantitative',
    // The intervention's label is too long for a vertical axis: the caption names it.
    title: lang === 'da' ? 'styret andel' : `share in ${tr.intervention}`,
    axis: { format: '%' },
    scale: { domain: [0, 1] },
  };
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(
        options.title,
        `${namer(options.names, 'scenarios')(scenarioId)}: ${lang === 'da' ? 'styret andel pr. gentagelse' : 'steered share per replicate'}`,
      ),
      width: options.width ?? 460,
      height: options.height ?? 200,
      layer: [
        {
          data: { values: lines },
          mark: { type: 'line', opacity: 0.08, color: '#4c78a8' },
          encoding: { x, y, detail: { field: 'replicate', type: 'nominal' } },
        },
        { data: { values: mean }, mark: { type: 'line', color: '#1f3b5c', strokeWidth: 2 }, encoding: { x, y } },
      ],
    },
    lang,
  );
}
