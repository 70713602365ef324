/**
 * Shapes shared by the plot functions: the spec type, options, and the shapes of paired
 * comparisons and sensitivity rows they read.
 * @module
 */
import type { SensitivityRow } from '../analysis/sensitivity.js';
import type { ReportLanguage } from '../format/i18n.js';
import type { MetricName } from '../engine/reduce/metrics.js';

/** The Vega-Lite schema every spec declares. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * A Vega-Lite specification as a plain, JSON-able object: render it with {@link toSVG},
 * embed it with vega-embed, or open it in the Vega editor. Typed loosely on purpose, so
 * the shipped types do not depend on vega-lite's.
 */
export interface VegaLiteSpec {
  /** The Vega-Lite schema URL ({@link VEGA_LITE_SCHEMA}); also how {@link toSVG} tells Vega-Lite from Vega. */
  $schema: string;
  /** Every other Vega-Lite property (data, mark, encoding, layer, facet, …). */
  [key: string]: unknown;
}

/** A metric the plots can show: one of forlob's `METRICS` (e.g. `successRate`, `municipalCost`). */
export type PlotMetric = MetricName;

/** Options every plot function takes. */
export interface PlotOptions {
  /** Language of titles and axis labels (default "en"). */
  lang?: ReportLanguage;
  /** Width of one panel in pixels. */
  width?: number;
  /** Height of one panel in pixels. */
  height?: number;
  /** Chart title; a default naming the metric is used when absent, none when empty. */
  title?: string;
  /** The group to plot ("total", the default, or a group id). */
  group?: string;
  /** Labels to show instead of ids (the HTML report passes the model's, in its language). */
  names?: PlotNames;
}

/** Display labels by id, for plots that name scenarios, states or groups; an id without one shows as itself. */
export interface PlotNames {
  /** Scenario labels by scenario id. */
  scenarios?: Record<string, string>;
  /** State labels by state id. */
  states?: Record<string, string>;
  /** Group labels by group id. */
  groups?: Record<string, string>;
}

/** One metric's paired difference summary, as `result.comparisons` carry it. */
export interface DifferenceMetric {
  /** Mean of scenario − baseline over replicates. */
  mean: number;
  /** Standard deviation of the differences. */
  sd: number;
  /** Lower end of the interval of the differences. */
  lo: number;
  /** Upper end of the interval of the differences. */
  hi: number;
  /** Share of replicates in which the scenario did better than the baseline. */
  probBetter: number;
}

/**
 * The part of a scenario's paired comparison with the baseline (`result.comparisons[]`)
 * the plots read; typed structurally so results from other versions plot too.
 */
export interface ScenarioComparison {
  /** Scenario id. */
  scenario: string;
  /** Baseline scenario id. */
  baseline: string;
  /** Differences per metric over the whole population. */
  metrics: Partial<Record<string, DifferenceMetric>>;
  /** The same per group, when present. */
  groups?: {
    /** Group id. */
    id: string;
    /** Differences per metric within the group. */
    metrics: Partial<Record<string, DifferenceMetric>>;
  }[];
}

/** One parameter of a one-at-a-time sensitivity analysis: the rows `sensitivity()` returns. */
export type TornadoRow = SensitivityRow;
