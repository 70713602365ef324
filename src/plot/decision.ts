/**
 * Decision figures: the cost-effectiveness acceptability curve (CEAC), the EVPI curve over
 * the willingness-to-pay grid, and the EVPPI per uncertain parameter or group.
 *
 * All of them are about the uncertain *parameters*, as `result.decision` is: each
 * replicate's outcome is replaced by its expected value given that replicate's parameter
 * draw, so the individual chance of which citizens find work is averaged out.
 * @module
 */
import { metricUnit, type ReportLanguage } from '../format/i18n.js';
import { formatNumber } from '../format/numbers.js';
import type { CeacPoint, EvppiEntry } from '../summary/types.js';
import { localise, namer, titled } from './locale.js';
import { VEGA_LITE_SCHEMA, type PlotOptions, type VegaLiteSpec } from './types.js';

/**
 * The part of a result the decision figures read (`result.decision` and the scenario
 * order); a `SimulationResult` is one. Typed structurally, so a result read back from
 * JSON plots too.
 */
export interface DecisionInput {
  /** The decision summaries. */
  decision: {
    /** Willingness to pay per extra success, DKK, at which `evpi` and `evppi` hold. */
    willingnessToPay: number;
    /** Expected value of perfect information at `willingnessToPay`, DKK. */
    evpi: number;
    /** The CEAC and EVPI over the willingness-to-pay grid. */
    ceac?: CeacPoint[];
    /** EVPPI per uncertain parameter and named group, DKK. */
    evppi?: EvppiEntry[];
  };
  /** Scenarios in model order (for the colour order); the CEAC's own keys otherwise. */
  scenarios?: {
    /** Scenario id. */
    id: string;
  }[];
}

/** One scenario's probability of the highest expected net benefit at one willingness to pay. */
export interface CeacRow {
  /** Willingness to pay per extra success, DKK. */
  wtp: number;
  /** Scenario id. */
  scenario: string;
  /** Probability over parameter draws that the scenario has the highest expected net benefit. */
  probability: number;
}

/** One EVPPI bar. */
export interface EvppiRow {
  /** The parameters joined by " + ". */
  label: string;
  /** The parameters resolved together. */
  parameters: string[];
  /** EVPPI, DKK. */
  value: number;
  /** Its standard error, DKK. */
  se: number;
}

/** Options of {@link ceacSpec}. */
export interface CeacOptions extends Omit<PlotOptions, 'group'> {
  /** Add the EVPI curve as a second panel below, on the same willingness-to-pay axis (default false). */
  evpi?: boolean;
  /** Scenarios to draw (default all, in model order). */
  scenarios?: string[];
}

/** Options of {@link evpiCurveSpec} and {@link evppiSpec}. */
export type DecisionPlotOptions = Omit<PlotOptions, 'group'>;

/** Danish number format for axes (decimal comma, thousands dot). */

function scenarioOrder(result: DecisionInput, ceac: CeacPoint[]): string[] {
  const keys = new Set(ceac.flatMap((p) => Object.keys(p.probabilityBest)));
  const ordered = (result.scenarios ?? []).map((s) => s.id).filter((id) => keys.has(id));
  return [...ordered, ...[...keys].filter((k) => !ordered.includes(k))];
}

function ceacOf(result: DecisionInput): CeacPoint[] {
  const ceac = result.decision.ceac ?? [];
  if (!ceac.length)
    throw new RangeError(
      'this result has no CEAC (result.decision.ceac is empty); simulate() fills it over the willingnessToPayRange option',
    );
  return ceac;
}

/**
 * The CEAC as rows: one per willingness to pay and scenario (non-finite probabilities
 * left out), scenarios in model order.
 *
 * @example
 * ```ts
 * ceacRows(result).filter((r) => r.wtp === 300_000); // [{ wtp: 300000, scenario: 'today', probability: 0.62 }, …]
 * ```
 */
export function ceacRows(result: DecisionInput): CeacRow[] {
  const ceac = ceacOf(result);
  const order = scenarioOrder(result, ceac);
  return ceac.flatMap((p) =>
    order.flatMap((scenario) =>
      Number.isFinite(p.probabilityBest[scenario])
        ? [{ wtp: p.wtp, scenario, probability: p.probabilityBest[scenario] }]
        : [],
    ),
  );
}

/**
 * The EVPPI entries as rows, largest first, each labelled with its parameters joined by " + ".
 *
 * @example
 * ```ts
 * evppiRows(result)[0]; // { label: 'fsmEffect + koordEffect', parameters: [...], value: 1.2e6, se: 0.1e6 }
 * ```
 */
export function evppiRows(result: DecisionInput): EvppiRow[] {
  return (result.decision.evppi ?? [])
    .filter((e) => Number.isFinite(e.value))
    .map((e) => ({ label: e.parameters.join(' + '), parameters: e.parameters, value: e.value, se: e.se }))
    .sort((a, b) => b.value - a.value);
}

function words(lang: ReportLanguage) {
  const da = lang === 'da';
  const mio = metricUnit('municipalCost', lang).unit;
  return {
    mio,
    dkk: da ? 'kr.' : 'DKK',
    wtp: da ? 'betalingsvilje pr. ekstra borger i succes, kr.' : 'willingness to pay per extra success, DKK',
    // Two lines: on one the vertical title is longer than the panel and pushes it down.
    probability: da
      ? ['sandsynlighed for højeste', 'forventede nettogevinst']
      : ['probability of the highest', 'expected net benefit'],
    scenario: da ? 'scenarie' : 'scenario',
    ceacTitle: da ? 'Accept-kurve (CEAC)' : 'Cost-effectiveness acceptability curve (CEAC)',
    evpiTitle: da ? 'Værdi af perfekt information (EVPI)' : 'Expected value of perfect information (EVPI)',
    evpiAxis: `EVPI, ${mio}`,
    evppiTitle: (wtp: string) =>
      da
        ? `Værdi af delvis perfekt information (EVPPI) ved ${wtp} kr. pr. ekstra borger i succes`
        : `Expected value of partial perfect information (EVPPI) at ${wtp} DKK per extra success`,
    evppiAxis: `EVPPI, ${mio} (± 2 se)`,
    decision: da ? 'valgt betalingsvilje' : 'chosen willingness to pay',
  };
}

/** A dashed rule at the run's willingness to pay, when it lies on the grid's range. */
function wtpRule(result: DecisionInput, ceac: CeacPoint[]): object[] {
  const w = result.decision.willingnessToPay;
  const xs = ceac.map((p) => p.wtp);
  if (!(Number.isFinite(w) && w >= Math.min(...xs) && w <= Math.max(...xs))) return [];
  return [
    {
      data: { values: [{}] },
      mark: { type: 'rule', color: '#888', strokeDash: [4, 3] },
      encoding: { x: { datum: w, type: 'quantitative' } },
    },
  ];
}

function ceacPanel(
  result: DecisionInput,
  rows: CeacRow[],
  order: string[],
  lang: ReportLanguage,
  width: number,
  height: number,
): object {
  const W = words(lang);
  const x = {
    field: 'wtp',
    type: 'quantitative',
    title: W.wtp,
    axis: { format: ',d', tickCount: 5, labelOverlap: 'greedy' },
  };
  const y = {
    field: 'probability',
    type: 'quantitative',
    title: W.probability,
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
  const color = { field: 'scenario', type: 'nominal', sort: order, title: W.scenario, legend: { labelLimit: 520 } };
  return {
    width,
    height,
    layer: [
      ...wtpRule(result, ceacOf(result)),
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2, point: { size: 18 } },
        encoding: { x, y, color },
      },
    ],
  };
}

function evpiPanel(result: DecisionInput, lang: ReportLanguage, width: number, height: number): object {
  const W = words(lang);
  const ceac = ceacOf(result);
  const values = ceac.filter((p) => Number.isFinite(p.evpi)).map((p) => ({ wtp: p.wtp, evpi: p.evpi / 1e6 }));
  const x = {
    field: 'wtp',
    type: 'quantitative',
    title: W.wtp,
    axis: { format: ',d', tickCount: 5, labelOverlap: 'greedy' },
  };
  const y = { field: 'evpi', type: 'quantitative', title: W.evpiAxis };
  return {
    width,
    height,
    layer: [
      ...wtpRule(result, ceac),
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2, color: '#1f3b5c', point: { size: 18, color: '#1f3b5c' } },
        encoding: { x, y },
      },
    ],
  };
}

/**
 * The cost-effectiveness acceptability curve (CEAC): for each willingness to pay per extra
 * success on the run's grid (option `willingnessToPayRange` of `simulate`), the probability
 * over parameter draws that each scenario has the highest expected net benefit (successes ×
 * willingness to pay − municipal net cost). One line per scenario; a dashed rule marks the
 * run's own `willingnessToPay`. With `evpi: true` the EVPI curve ({@link evpiCurveSpec}) is a
 * second panel below. Throws a RangeError when the result has no CEAC.
 *
 * @example
 * ```ts
 * const result = await simulate(presets['randers-2025'].model, { replicates: 1000, willingnessToPay: 300_000 });
 * const svg = await toSVG(ceacSpec(result, { evpi: true }));
 * ```
 */
export function ceacSpec(result: DecisionInput, options: CeacOptions = {}): VegaLiteSpec {
  const lang = options.lang ?? 'en';
  const W = words(lang);
  const ceac = ceacOf(result);
  const all = scenarioOrder(result, ceac);
  if (options.scenarios) {
    const unknown = options.scenarios.filter((s) => !all.includes(s));
    if (unknown.length) throw new RangeError(`unknown scenario "${unknown[0]}" (expected one of ${all.join(', ')})`);
  }
  const order = options.scenarios ?? all;
  const S = namer(options.names, 'scenarios');
  const rows = ceacRows(result)
    .filter((r) => order.includes(r.scenario))
    .map((r) => ({ ...r, scenario: S(r.scenario) }));
  const width = options.width ?? 420;
  const height = options.height ?? 240;
  const title = titled(options.title, W.ceacTitle);
  if (!options.evpi)
    return localise(
      { $schema: VEGA_LITE_SCHEMA, ...title, ...ceacPanel(result, rows, order.map(S), lang, width, height) },
      lang,
    );
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...title,
      vconcat: [
        ceacPanel(result, rows, order.map(S), lang, width, height),
        evpiPanel(result, lang, width, Math.round(height * 0.6)),
      ],
      resolve: { scale: { x: 'shared' } },
    },
    lang,
  );
}

/**
 * The EVPI curve: the expected value of perfect information about the parameters, mio.
 * DKK, at each willingness to pay of the CEAC's grid — E_θ[max_s NB_s(θ)] − max_s
 * E_θ[NB_s(θ)], what resolving every uncertain parameter before choosing would be worth, an
 * upper bound on what further research can be worth. It peaks where the choice is closest.
 * Throws a RangeError when the result has no CEAC.
 *
 * @example
 * ```ts
 * const svg = await toSVG(evpiCurveSpec(result, { lang: 'da' }));
 * ```
 */
export function evpiCurveSpec(result: DecisionInput, options: DecisionPlotOptions = {}): VegaLiteSpec {
  const lang = options.lang ?? 'en';
  const W = words(lang);
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(options.title, W.evpiTitle),
      ...evpiPanel(result, lang, options.width ?? 420, options.height ?? 200),
    },
    lang,
  );
}

/**
 * The expected value of partial perfect information (EVPPI) per uncertain parameter and
 * named group (option `evppiGroups` of `simulate`), at the run's willingness to pay: what
 * resolving exactly those parameters before choosing would be worth, mio. DKK. One
 * horizontal bar per entry (label: the parameters joined by " + "), largest first, with
 * ±2 standard errors (cut at 0, as an EVPPI is never negative) and the EVPI — the value of
 * resolving every parameter at once — as a dashed reference rule. Throws a RangeError when
 * the result has no EVPPI (no uncertain parameters).
 *
 * @example
 * ```ts
 * const result = await simulate(model, { willingnessToPay: 300_000, evppiGroups: [['fsmEffect', 'koordEffect']] });
 * const svg = await toSVG(evppiSpec(result));
 * ```
 */
export function evppiSpec(result: DecisionInput, options: DecisionPlotOptions = {}): VegaLiteSpec {
  const lang = options.lang ?? 'en';
  const W = words(lang);
  const rows = evppiRows(result);
  if (!rows.length)
    throw new RangeError('this result has no EVPPI (result.decision.evppi is empty): it needs uncertain parameters');
  const values = rows.map((r) => ({
    label: r.label,
    value: r.value / 1e6,
    lo: Math.max(0, r.value - 2 * r.se) / 1e6,
    hi: (r.value + 2 * r.se) / 1e6,
    text: formatNumber(r.value / 1e6, 2, lang),
  }));
  const evpi = result.decision.evpi;
  const y = { field: 'label', type: 'nominal', sort: rows.map((r) => r.label), title: null, axis: { labelLimit: 260 } };
  const x = { field: 'value', type: 'quantitative', title: W.evppiAxis };
  const wtp = formatNumber(result.decision.willingnessToPay, 0, lang);
  return localise(
    {
      $schema: VEGA_LITE_SCHEMA,
      ...titled(options.title, W.evppiTitle(wtp)),
      width: options.width ?? 380,
      height: options.height ?? { step: 26 },
      data: { values },
      layer: [
        { mark: { type: 'bar', color: '#4c78a8', height: { band: 0.6 } }, encoding: { y, x } },
        {
          mark: { type: 'rule', color: '#1f3b5c', strokeWidth: 1.5 },
          encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
        ...(Number.isFinite(evpi)
          ? [
              {
                data: { values: [{}] },
                mark: { type: 'rule', color: '#e45756', strokeDash: [4, 3], strokeWidth: 1.5 },
                encoding: { x: { datum: evpi / 1e6, type: 'quantitative' } },
              },
              {
                data: { values: [{}] },
                mark: { type: 'text', color: '#e45756', align: 'left', baseline: 'top', dx: 4, y: 2, fontSize: 10 },
                encoding: {
                  x: { datum: evpi / 1e6, type: 'quantitative' },
                  text: { value: `EVPI ${formatNumber(evpi / 1e6, 2, lang)}` },
                },
              },
            ]
          : []),
      ],
    },
    lang,
  );
}
