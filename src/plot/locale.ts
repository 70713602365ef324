/**
 * Plots in the reader's language: Danish number formats on every axis, legend and tooltip
 * (d3-format's locale: decimal comma, "." between thousands — 15.000, not 15,000), and
 * scenarios, states and groups shown by their labels rather than their ids.
 * @module
 */
import type { ReportLanguage } from '../format/language.js';
import type { PlotNames, VegaLiteSpec } from './types.js';

/** The d3 number locale of each language; English is Vega's default and needs none. */
const NUMBER_LOCALES: Partial<Record<ReportLanguage, object>> = {
  da: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] },
};

/**
 * The spec with the language's number locale in `config.locale` (Vega formats every axis
 * label, legend and tooltip number through it); the spec unchanged for English.
 */
export function localise(spec: VegaLiteSpec, lang: ReportLanguage | undefined): VegaLiteSpec {
  const number = NUMBER_LOCALES[lang ?? 'en'];
  if (!number) return spec;
  const config = (spec.config ?? {}) as Record<string, unknown>;
  return { ...spec, config: { ...config, locale: { ...((config.locale as object) ?? {}), number } } };
}

/** How a plot names a scenario, state or group: its label from `names`, else its id. */
export function namer(names: PlotNames | undefined, kind: keyof PlotNames): (id: string) => string {
  const map = names?.[kind];
  return (id) => map?.[id] ?? id;
}

/**
 * A spec's `title` entry from the caller's option: none for `''` (the caller asked for no
 * title), the option when given, else the plot's own title.
 */
export function titled<T>(option: T | '' | undefined, fallback: T): { title?: T } {
  return option === '' ? {} : { title: option ?? fallback };
}
