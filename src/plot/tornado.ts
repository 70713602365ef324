/**
 * Tornado charts of one-at-a-time sensitivity results.
 * @module
 */
import { formatNumber } from '../format/numbers.js';
import { metricText } from './data.js';
import { localise, titled } from './locale.js';
import { VEGA_LITE_SCHEMA, type PlotMetric, type PlotOptions, type TornadoRow, type VegaLiteSpec } from './types.js';

/** Options of {@link tornadoSpec}. */
export interface TornadoOptions extends Omit<PlotOptions, 'group'> {
  /** The outcome's metric, for the axis title and units (values are then raw: shares, DKK). */
  metric?: PlotMetric;
  /** The outcome with every parameter at its base setting: bars grow from it. */
  base?: number;
}

/** A sensitivity analysis's answer: the rows and the outcome with every parameter at its base. */
export interface TornadoInput {
  /** The outcome with every parameter at its base setting. */
  base?: number;
  /** One row per parameter. */
  rows: TornadoRow[];
  /** What was measured (as `sensitivity()` returns it): names the chart and sets its units. */
  measure?: {
    /** The metric. */
    metric: PlotMetric;
    /** The scenario measured. */
    scenario?: string;
    /** The baseline of a difference. */
    baseline?: string;
  };
  /** The quantiles used as low and high (as `sensitivity()` returns them), for the subtitle. */
  quantiles?: {
    /** Quantile used as the low value. */
    low: number;
    /** Quantile used as the high value. */
    high: number;
  };
}

/**
 * A tornado chart: one bar per parameter from the outcome at its low setting to the
 * outcome at its high setting, widest swing on top, each half coloured by the setting
 * that moved it. The halves meet at the base outcome (`options.base`, or the `base` of a
 * `sensitivity()` answer passed whole), else at the bar's middle. The title names the
 * measure: the metric (`options.metric`, or the answer's), and the scenario and baseline of
 * a `sensitivity()` answer, whose differences are then shown in difference units (points).
 *
 * @example
 * ```ts
 * tornadoSpec([{ parameter: 'effect', low: 0.8, high: 1.2, lowValue: 0.15, highValue: 0.19, swing: 0.04 }],
 *   { metric: 'successRate', base: 0.17 });
 * ```
 */
export function tornadoSpec(input: TornadoRow[] | TornadoInput, options: TornadoOptions = {}): VegaLiteSpec {
  const rows = Array.isArray(input) ? input : input.rows;
  const baseValue = options.base ?? (Array.isArray(input) ? undefined : input.base);
  const lang = options.lang ?? 'en';
  const measure = Array.isArray(input) ? undefined : input.measure;
  const metric = options.metric ?? measure?.metric;
  const known = metric ? metricText(metric, lang) : undefined;
  const isDifference =
    measure?.baseline !== undefined && (options.metric === undefined || options.metric === measure.metric);
  const text = known
    ? { ...known, unit: isDifference ? known.diffUnit : known.unit }
    : { label: lang === 'da' ? 'udfald' : 'outcome', factor: 1, unit: '' };
  const what = `${text.label}${measure?.scenario !== undefined ? `, ${measure.scenario}` : ''}${isDifference ? ` − ${measure!.baseline}` : ''}`;
  const quantiles = Array.isArray(input) ? undefined : input.quantiles;
  const subtitle = quantiles
    ? lang === 'da'
      ? `lav = ${formatNumber(100 * quantiles.low, 1, lang)} %-fraktil, høj = ${formatNumber(100 * quantiles.high, 1, lang)} %-fraktil; de øvrige parametre i deres middelværdi`
      : `low = ${formatNumber(100 * quantiles.low, 1, lang)} % quantile, high = ${formatNumber(100 * quantiles.high, 1, lang)} % quantile; every other parameter at its mean`
    : undefined;
  const f = text.factor;
  const sorted = rows.slice().sort((a, b) => b.swing - a.swing);
  const order = sorted.map((r) => r.parameter);
  const lowWord = lang === 'da' ? 'lav' : 'low';
  const highWord = lang === 'da' ? 'høj' : 'high';
  const base = baseValue === undefined ? undefined : baseValue * f;
  const values = sorted.flatMap((r) => [
    {
      parameter: r.parameter,
      setting: `${lowWord} (${formatNumber(r.low, digits(r.low), lang)})`,
      which: lowWord,
      value: r.lowValue * f,
      from: base ?? ((r.lowValue + r.highValue) / 2) * f,
    },
    {
      parameter: r.parameter,
      setting: `${highWord} (${formatNumber(r.high, digits(r.high), lang)})`,
      which: highWord,
      value: r.highValue * f,
      from: base ?? ((r.lowValue + r.highValue) / 2) * f,
    },
  ]);
  const axis = text.unit ? `${text.label} (${text.unit})` : text.label;
  // Room on both sides for the setting labels outside the bars' ends.
  const ends = values.flatMap((v) => [v.value, v.from]);
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const pad = 0.35 * (hi - lo || Math.abs(hi) || 1);
  const y = { field: 'parameter', type: 'nominal', sort: order, title: null };
  const color = {
    field: 'which',
    type: 'nominal',
    title: lang === 'da' ? 'indstilling' : 'setting',
    scale: { domain: [lowWord, highWord], range: ['#e45756', '#4c78a8'] },
  };
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(
        options.title,
        subtitle
          ? { text: lang === 'da' ? `Følsomhed: ${what}` : `Sensitivity: ${what}`, subtitle }
          : lang === 'da'
            ? `Følsomhed: ${what}`
            : `Sensitivity: ${what}`,
      ),
      width: options.width ?? 420,
      height: options.height ?? Math.max(60, 28 * sorted.length),
      data: { values },
      layer: [
        {
          mark: { type: 'bar', opacity: 0.85, height: { band: 0.7 } },
          encoding: {
            y,
            x: {
              field: 'from',
              type: 'quantitative',
              title: axis,
              scale: { domain: [lo - pad, hi + pad], nice: false, zero: false },
            },
            x2: { field: 'value' },
            color,
          },
        },
        // Labels sit outside each bar's free end: left of bars growing left, right of the others.
        {
          transform: [{ filter: 'datum.value < datum.from' }],
          mark: { type: 'text', fontSize: 9, align: 'right', dx: -3 },
          encoding: { y, x: { field: 'value', type: 'quantitative' }, text: { field: 'setting' } },
        },
        {
          transform: [{ filter: 'datum.value >= datum.from' }],
          mark: { type: 'text', fontSize: 9, align: 'left', dx: 3 },
          encoding: { y, x: { field: 'value', type: 'quantitative' }, text: { field: 'setting' } },
        },
        ...(base !== undefined
          ? [
              {
                data: { values: [{}] },
                mark: { type: 'rule', color: '#222' },
                encoding: { x: { datum: base, type: 'quantitative' } },
              },
            ]
          : []),
      ],
    },
    lang,
  );
}

/** Decimals enough to show a parameter setting. */
function digits(x: number): number {
  if (Number.isInteger(x)) return 0;
  return Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3;
}
