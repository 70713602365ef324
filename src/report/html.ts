/**
 * The HTML report: one self-contained file (inline CSS and SVG, no scripts, nothing
 * fetched) with the plain-language summary, the comparison and difference tables, the
 * payback, the plots and every assumption of the model, in Danish or English. Meant to be attached to
 * a committee paper or mailed as is.
 * @module
 */
import { costEffectSpec } from '../plot/cost-effect.js';
import { ceacSpec, evpiCurveSpec, evppiRows, evppiSpec } from '../plot/decision.js';
import { differenceSummaries, baselineOf, type DifferenceSummary } from '../plot/data.js';
import { differencesSpec } from '../plot/differences.js';
import { distributionSpec } from '../plot/distribution.js';
import { fanChartSpec } from '../plot/fan.js';
import { steeringSpec } from '../plot/steering.js';
import { toSVG } from '../plot/render.js';
import type { VegaLiteSpec } from '../plot/types.js';
import { normaliseInput, type ModelInput } from '../params/input.js';
import { definedSummary, type MetricSummary } from '../summary/interval.js';
import type { MetricName } from '../engine/reduce/metrics.js';
import type { ScenarioResult, SimulationResult } from '../summary/types.js';
import {
  icerParts,
  LABELS,
  metricLabel,
  metricUnit,
  paybackPhrase,
  type Direction,
  type ReportLabels,
  type ReportLanguage,
  type SentenceParts,
} from '../format/i18n.js';
import { formatNumber, formatRange, NOT_AVAILABLE } from '../format/numbers.js';
import { accountsSection } from './accounts-html.js';
import { escapeHtml } from './escape.js';
import { distributionWords, modelWords, type ModelWords } from '../format/model-words.js';
import { citeEvidence, isEvidenceRef } from '../evidence/index.js';
import { planUncertainty } from '../evidence/plan.js';
import { YEARLY_ITEMS } from '../engine/reduce/ledger.js';
import type { YearlyDifference, YearlyLine } from '../summary/business.js';

/** Options of {@link renderReport}. */
export interface ReportOptions {
  /** Language of the report (default "en"). */
  lang?: ReportLanguage;
  /** The scenario the others are compared with (default: the first). */
  baseline?: string;
}

/** Rows of the comparison tables, in reading order; rows missing from a result are skipped. */
const TABLE_METRICS: readonly string[] = [
  'successRate',
  'completedSuccessShare',
  'paidHoursRate',
  'benefitMonths',
  'transferCost',
  'netTransferCost',
  'interventionCost',
  'premiumIncome',
  'municipalCost',
];

/** Metrics that only matter for some models: shown only when some scenario has a non-zero value. */
const OPTIONAL_METRICS = new Set(['paidHoursRate', 'premiumIncome']);

/**
 * Render a result and its model as one self-contained HTML page. Collect the occupancy
 * series (`simulate(model, { occupancy: true })`) to get the month-by-month fan charts.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { simulate, presets, renderReport } from 'forlob/node';
 * const model = presets['randers-2025'].model;
 * const result = await simulate(model, { replicates: 1000, occupancy: true });
 * writeFileSync('randers.html', await renderReport(result, model, { lang: 'da' }));
 * ```
 */
export async function renderReport(
  result: SimulationResult,
  model: ModelInput,
  options: ReportOptions = {},
): Promise<string> {
  const lang = options.lang ?? 'en';
  const L = LABELS[lang];
  const W = modelWords(model, lang);
  const base = baselineOf(result, options.baseline);
  const metrics = tableMetrics(result);
  const diffs = new Map(metrics.map((m) => [m, differenceSummaries(result, m as MetricName, base)] as const));
  const levelPct = Math.round(result.level * 1000) / 10;
  // A translated label stands in for the id and the label both; without one, as before.
  const S = (id: string) => W.translated('scenarios', id) ?? id;
  const name = (id: string) =>
    W.translated('scenarios', id) ?? scenarioName(result.scenarios.find((s) => s.id === id) as ScenarioResult);
  const names = {
    scenarios: Object.fromEntries(result.scenarios.map((s) => [s.id, S(s.id)])),
    states: Object.fromEntries(model.states.map((st) => [st.id, W.name('states', st.id)])),
  };
  const costMetric = (metrics.includes('municipalCost') ? 'municipalCost' : 'netTransferCost') as MetricName;

  const figures: { caption: string; spec: VegaLiteSpec }[] = [
    {
      caption: L.distributionCaption(metricLabel('successRate', lang)),
      spec: distributionSpec(result, 'successRate', { lang, names }),
    },
  ];
  if (result.scenarios.length > 1) {
    figures.push(
      {
        caption: L.differencesCaption(metricLabel('successRate', lang), S(base)),
        spec: differencesSpec(result, 'successRate', { lang, names, baseline: base }),
      },
      {
        caption: L.differencesCaption(metricLabel(costMetric, lang), S(base)),
        spec: differencesSpec(result, costMetric, { lang, names, baseline: base }),
      },
      {
        caption: L.costEffectCaption(S(base)),
        spec: costEffectSpec(result, { lang, names, baseline: base, cost: costMetric }),
      },
    );
  }
  for (const tr of result.steering ?? [])
    figures.push({
      // As scenarios: a translated label, else the id.
      caption: L.steeringCaption(S(tr.scenario), W.translated('interventions', tr.intervention) ?? tr.intervention),
      spec: steeringSpec(result, tr.scenario, { lang, names }),
    });
  if (result.tables.occupancy) {
    for (const s of result.scenarios)
      figures.push({ caption: L.fanCaption(S(s.id)), spec: fanChartSpec(result, s.id, { lang, names }) });
  }
  const svgs: string[] = [];
  // One at a time: each render holds a Vega view; there is nothing to gain in parallel.
  for (const [i, f] of figures.entries()) svgs.push(scopeSvgIds(await toSVG(f.spec), `fig${i + 1}`));

  const sentences = result.scenarios.map((s) => L.sentence(sentenceParts(result, s, base, diffs, lang, name, S)));
  const decision = await decisionSection(result, lang, levelPct, S);
  const title = `${L.title}: ${W.modelName ?? result.model}`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p class="run">${esc(L.runLine(result.replicates, result.seed, result.horizonMonths, levelPct))}</p>
${W.description ? `<p class="description">${esc(W.description)}</p>` : ''}
<section id="summary">
<h2>${esc(L.summaryHeading)}</h2>
<ul class="summary">
${sentences.map((t, i) => `<li data-scenario="${esc(result.scenarios[i].id)}">${esc(t)}</li>`).join('\n')}
</ul>
</section>
<section id="comparison">
<h2>${esc(L.comparisonHeading)}</h2>
${comparisonTable(result, metrics, lang, S)}
<p class="note">${esc(L.comparisonNote(levelPct))}</p>
</section>
${
  result.scenarios.length > 1
    ? `<section id="differences">
<h2>${esc(L.differencesHeading)}</h2>
${differencesTable(result, metrics, diffs, base, lang, S)}
<p class="note">${esc(L.differencesNote(S(base), levelPct))}</p>
</section>`
    : ''
}
${paybackSection(result, lang, levelPct, name, S)}
${yearlySection(result, lang, levelPct, base, S)}
${accountsSection(result, W, lang, levelPct, base, S)}
${decision}
${armsSection(result, metrics, lang, levelPct, S)}
<section id="plots">
<h2>${esc(L.plotsHeading)}</h2>
${figures.map((f, i) => `<figure>${svgs[i]}<figcaption>${esc(f.caption)}</figcaption></figure>`).join('\n')}
${result.tables.occupancy ? '' : `<p class="note">${esc(L.noOccupancy)}</p>`}
</section>
${parametersSection(model, result, W, S)}
<section id="assumptions">
<h2>${esc(L.assumptionsHeading)}</h2>
${assumptions(result, model, L, W)}
</section>
</main>
</body>
</html>
`;
}

/**
 * The decision section: each comparison's ICER worded by quadrant, the CEAC and EVPI curve,
 * and the EVPPI as a table and a figure. Parts the result lacks (a result from before the
 * CEAC, a model without uncertain parameters) are left out; nothing for one scenario.
 */
async function decisionSection(
  result: SimulationResult,
  lang: ReportLanguage,
  levelPct: number,
  S: (id: string) => string,
): Promise<string> {
  if (result.scenarios.length < 2) return '';
  const L = LABELS[lang].decision;
  const d = result.decision as Partial<SimulationResult['decision']> | undefined;
  if (!d) return '';
  const out: string[] = ['<section id="decision">', `<h2>${esc(L.heading)}</h2>`];
  if (d.method) out.push(`<p class="note">${esc(L.intro(d.method, d.parameterDraws ?? result.replicates))}</p>`);
  // Only ICERs with quadrants: a result from an older version carries bootstrap flags instead.
  const icers = result.comparisons.filter((c) => c.icer && 'quadrant' in c.icer);
  if (icers.length) {
    out.push(`<h3>${esc(L.icerHeading)}</h3>`, '<ul class="icer">');
    for (const c of icers)
      out.push(
        `<li data-icer="${esc(c.scenario)}" data-quadrant="${c.icer.quadrant}">${esc(L.icer(icerParts(c.icer, S(c.scenario), S(c.baseline), result.level, lang)))}</li>`,
      );
    out.push('</ul>', `<p class="note">${esc(L.icerNote(levelPct))}</p>`);
  }
  const figures: { caption: string; spec: VegaLiteSpec }[] = [];
  const ceac = d.ceac ?? [];
  const best = Object.entries(d.probabilityBestNetBenefit ?? {}).sort((a, b) => b[1] - a[1])[0];
  const wtp = formatNumber(d.willingnessToPay ?? 0, 0, lang);
  const mio = (x: number) => formatNumber(x / 1e6, 2, lang);
  if (ceac.length) {
    out.push(`<h3>${esc(L.ceacHeading)}</h3>`);
    if (best && d.evpi !== undefined)
      out.push(`<p>${esc(L.evpiLine(wtp, S(best[0]), formatNumber(100 * best[1], 0, lang), mio(d.evpi)))}</p>`);
    const w = d.willingnessToPay ?? NaN;
    const onGrid = w >= Math.min(...ceac.map((p) => p.wtp)) && w <= Math.max(...ceac.map((p) => p.wtp));
    figures.push({
      caption: L.ceacCaption(onGrid ? wtp : null),
      spec: ceacSpec(result, {
        lang,
        title: '',
        names: { scenarios: Object.fromEntries(result.scenarios.map((s) => [s.id, S(s.id)])) },
      }),
    });
    out.push('%FIG0%');
    // A curve at 0 throughout (no uncertain parameter, or none that moves the choice) says nothing a line cannot.
    if (ceac.some((p) => p.evpi > 0)) {
      figures.push({ caption: L.evpiCaption, spec: evpiCurveSpec(result, { lang, title: '' }) });
      out.push('%FIG1%');
    }
  }
  const evppi = evppiRows(result);
  if (evppi.length && d.evpi === 0 && evppi.every((e) => e.value === 0) && best) {
    // Nothing to rank: a table of zeros and an empty bar chart would only look like a failure.
    out.push(`<h3>${esc(L.evppiHeading)}</h3>`, `<p class="evppi-zero">${esc(L.evppiZero(wtp, S(best[0])))}</p>`);
  } else if (evppi.length) {
    out.push(`<h3>${esc(L.evppiHeading)}</h3>`);
    const [c1, c2, c3] = L.evppiColumns;
    out.push(
      `<table class="numbers evppi"><thead><tr><th scope="col">${esc(c1)}</th><th scope="col">${esc(c2)}</th><th scope="col">${esc(c3)}</th></tr></thead><tbody>\n` +
        evppi
          .map((e) => `<tr><th scope="row">${esc(e.label)}</th><td>${mio(e.value)}</td><td>${mio(e.se)}</td></tr>`)
          .join('\n') +
        '\n</tbody></table>',
      `<p class="note">${esc(L.evppiNote(wtp, mio(d.evpi ?? NaN)))}</p>`,
    );
    figures.push({ caption: L.evppiCaption, spec: evppiSpec(result, { lang, title: '' }) });
    out.push(`%FIG${figures.length - 1}%`);
  }
  out.push('</section>');
  let html = out.join('\n');
  // One at a time, as in the plots section; ids scoped apart from those figures'.
  for (const [i, f] of figures.entries()) {
    const svg = scopeSvgIds(await toSVG(f.spec), `dec${i + 1}`);
    html = html.replace(`%FIG${i}%`, () => `<figure>${svg}<figcaption>${esc(f.caption)}</figcaption></figure>`);
  }
  return html;
}

/** The metrics shown in the tables. */
function tableMetrics(result: SimulationResult): string[] {
  const first = result.scenarios[0].metrics as Record<string, MetricSummary | undefined>;
  return TABLE_METRICS.filter((m) => {
    if (!first[m]) return false;
    if (!OPTIONAL_METRICS.has(m)) return true;
    return result.scenarios.some((s) => {
      const x = (s.metrics as Record<string, MetricSummary>)[m];
      return x.mean !== null && (x.mean !== 0 || x.hi !== 0);
    });
  });
}

/** "id (label)", "id — label" when the label has brackets of its own, or the label alone when it already starts with the id. */
function scenarioName(s: ScenarioResult): string {
  if (!s.label) return s.id;
  if (s.label.toLowerCase().startsWith(s.id.toLowerCase())) return s.label;
  return s.label.includes('(') ? `${s.id} — ${s.label}` : `${s.id} (${s.label})`;
}

function direction(d: DifferenceSummary): Direction {
  return d.lo > 0 ? 'up' : d.hi < 0 ? 'down' : 'unclear';
}

/** A difference as text: unsigned magnitudes when clear ("2–4" fewer), signed when not. */
function diffText(d: DifferenceSummary, factor: number, lang: ReportLanguage): string {
  const dir = direction(d);
  if (dir === 'unclear') return formatRange(d.lo * factor, d.hi * factor, lang);
  const a = Math.abs(d.lo * factor);
  const b = Math.abs(d.hi * factor);
  return formatRange(Math.min(a, b), Math.max(a, b), lang);
}

function sentenceParts(
  result: SimulationResult,
  s: ScenarioResult,
  base: string,
  diffs: Map<string, DifferenceSummary[]>,
  lang: ReportLanguage,
  name: (id: string) => string,
  S: (id: string) => string,
): SentenceParts {
  const L = LABELS[lang];
  const succ = definedSummary(s.metrics.successRate, 'the success rate');
  const parts = {
    scenario: name(s.id),
    horizon: L.horizon(result.horizonMonths),
    success: formatRange(100 * succ.lo, 100 * succ.hi, lang),
  };
  const mio = (m: MetricSummary) => {
    const { lo, hi } = definedSummary(m, 'an amount');
    return formatRange(lo / 1e6, hi / 1e6, lang);
  };
  if (s.id === base)
    return { ...parts, transfers: mio(s.metrics.transferCost), intervention: mio(s.metrics.interventionCost) };
  const d = (m: string) => diffs.get(m)?.find((x) => x.scenario === s.id);
  const ds = d('successRate') as DifferenceSummary;
  const dt = d('transferCost') as DifferenceSummary;
  const di = d('interventionCost') as DifferenceSummary;
  const dn = d('municipalCost');
  return {
    ...parts,
    baseline: S(base),
    successDiff: diffText(ds, 100, lang),
    successDirection: direction(ds),
    transfers: diffText(dt, 1e-6, lang),
    transfersDirection: direction(dt),
    intervention: diffText(di, 1e-6, lang),
    interventionDirection: direction(di),
    ...(dn ? { netCost: diffText(dn, 1e-6, lang), netCostDirection: direction(dn) } : {}),
  };
}

/** The payback of each scenario against the baseline, with its definition; empty when the result has none. */
function paybackSection(
  result: SimulationResult,
  lang: ReportLanguage,
  levelPct: number,
  name: (id: string) => string,
  S: (id: string) => string,
): string {
  const rows = result.payback ?? [];
  if (!rows.length) return '';
  const L = LABELS[lang];
  const pct = (x: number) => formatNumber(100 * x, 0, lang);
  const lines = rows.map((p) => {
    const text = L.paybackSentence({
      scenario: name(p.scenario),
      baseline: S(p.baseline),
      phrase: paybackPhrase(p, lang),
      covered: pct(p.probWithinHorizon),
      noOutlay: pct(p.probNoOutlay),
      net: formatNumber(p.netResult / 1e6, 1, lang),
    });
    return `<li data-payback="${esc(p.scenario)}">${esc(text)}</li>`;
  });
  return `<section id="payback">
<h2>${esc(L.paybackHeading)}</h2>
<ul class="payback">
${lines.join('\n')}
</ul>
<p class="note">${esc(L.paybackNote(S(rows[0].baseline), levelPct))}</p>
</section>`;
}

/** The value a raw model holds at a path (the place a parameter slot fills). */
function at(raw: unknown, path: readonly (string | number)[]): unknown {
  let v = raw;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** Where a parameter's value comes from: an evidence entry's citation, else the source written beside it. */
function parameterSource(v: unknown): string | undefined {
  if (isEvidenceRef(v) && typeof v.evidence === 'string') return citeEvidence(v.evidence);
  if (v !== null && typeof v === 'object' && typeof (v as { source?: unknown }).source === 'string')
    return (v as { source: string }).source;
  return undefined;
}

/**
 * The interventions a scenario's citizens can be in: its allocation, the intervention its
 * steering moves citizens into, and the fallbacks of a full capacity.
 */
function reachable(raw: Record<string, unknown>, s: ScenarioResult): string[] {
  const ivs = (raw.interventions ?? []) as { id: string; capacity?: { fallback?: string } }[];
  const spec = ((raw.scenarios ?? []) as { id: string; steering?: { intervention?: string } }[]).find(
    (x) => x.id === s.id,
  );
  const out = new Set(
    s.allocation.filter((a) => a.count > 0 && a.intervention !== null).map((a) => a.intervention as string),
  );
  if (spec?.steering?.intervention) out.add(spec.steering.intervention);
  // Fallbacks may chain: follow them until nothing new.
  for (let grew = true; grew; ) {
    grew = false;
    for (const id of [...out]) {
      const fb = ivs.find((iv) => iv.id === id)?.capacity?.fallback;
      if (fb && !out.has(fb)) {
        out.add(fb);
        grew = true;
      }
    }
  }
  return [...out];
}

/**
 * Every uncertain parameter: its name, distribution in words, mean and source; then the
 * scenarios that draw none (every effect they use fixed), or one line when the model has
 * no uncertain parameter at all.
 */
function parametersSection(
  model: ModelInput,
  result: SimulationResult,
  W: ModelWords,
  S: (id: string) => string,
): string {
  const P = LABELS[W.lang].parameters;
  const plan = planUncertainty(model);
  const uncertain = plan.parameters.map((p, i) => ({ p, i })).filter(({ p }) => p.dist !== null);
  const out = ['<section id="parameters">', `<h2>${esc(P.heading)}</h2>`];
  if (!uncertain.length) {
    out.push(`<p class="none">${esc(P.none)}</p>`, '</section>');
    return out.join('\n');
  }
  const raw = model as unknown as Record<string, unknown>;
  const named = (raw.parameters ?? {}) as Record<string, unknown>;
  const rows = uncertain.map(({ p, i }) => {
    const isNamed = Object.hasOwn(named, p.name);
    const place = isNamed ? named[p.name] : at(raw, plan.slots.find((s) => s.index === i)?.path ?? []);
    const source = (isNamed ? W.parameterSource(p.name) : undefined) ?? parameterSource(place) ?? '';
    const digits = Math.abs(p.mean) >= 1000 ? 0 : Math.abs(p.mean) >= 10 ? 1 : 2;
    return `<tr data-parameter="${esc(p.name)}"><td class="id"><code>${esc(p.name)}</code></td><td>${esc(distributionWords(p.dist as NonNullable<typeof p.dist>, W.lang))}</td><td class="number">${formatNumber(p.mean, digits, W.lang)}</td><td>${esc(source)}</td></tr>`;
  });
  out.push(
    `<table class="parameters"><thead><tr>${P.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
  );
  // A parameter inside an intervention touches only the scenarios that allocate to it; one elsewhere touches all.
  const ivs = (raw.interventions ?? []) as { id: string }[];
  const scenarios = (raw.scenarios ?? []) as { id: string }[];
  const touched = new Set<string>();
  let everyone = false;
  for (const slot of plan.slots) {
    if (plan.parameters[slot.index].dist === null) continue;
    const [head, index] = slot.path;
    if (head === 'interventions' && typeof index === 'number') touched.add(`iv:${ivs[index]?.id}`);
    else if (head === 'scenarios' && typeof index === 'number') touched.add(`sc:${scenarios[index]?.id}`);
    else everyone = true;
  }
  if (!everyone) {
    const fixed = result.scenarios.filter(
      (s) => !touched.has(`sc:${s.id}`) && !reachable(raw, s).some((iv) => touched.has(`iv:${iv}`)),
    );
    for (const s of fixed) out.push(`<p class="none" data-scenario="${esc(s.id)}">${esc(P.noneFor(S(s.id)))}</p>`);
  }
  out.push(`<p class="note">${esc(P.note)}</p>`, '</section>');
  return out.join('\n');
}

/** The payers shown first in the yearly section, in reading order (outcomes are in the comparison table). */
const PAYERS: readonly string[] = ['municipality', 'state', 'total'];

/**
 * The yearly budget lines: one table per payer, years × items down, scenarios across, then
 * the paired differences from the baseline per payer when the result has them. Nothing when
 * the result has no yearly lines (a result from before them).
 */
function yearlySection(
  result: SimulationResult,
  lang: ReportLanguage,
  levelPct: number,
  base: string,
  S: (id: string) => string,
): string {
  const lines = result.yearly ?? [];
  if (!lines.length) return '';
  const L = LABELS[lang];
  const Y = L.yearly;
  const years = [...new Set(lines.map((l) => l.year))];
  const yearName = (y: string) => (y === 'total' ? Y.total : /^year (\d+)$/.test(y) ? Y.yearN(Number(y.slice(5))) : y);
  const itemName = (k: string) => (k === 'stateReimbursement' ? Y.items.stateReimbursement : metricLabel(k, lang));
  // Payers and items as the result has them: the known ones in their order, then any other (a newer result's) as named.
  const payerName = (p: string) => Y.payers[p] ?? p;
  const ordered = (known: readonly string[], seen: readonly string[]) => [
    ...known.filter((k) => seen.includes(k)),
    ...seen.filter((k) => !known.includes(k)),
  ];
  const payers = ordered(
    PAYERS,
    [...new Set(lines.map((l) => l.payer as string))].filter((p) => p !== 'outcome'),
  );
  const byKey = <T extends YearlyLine>(xs: readonly T[]) =>
    new Map(xs.map((l) => [`${l.scenario}|${l.year}|${l.item}`, l]));
  const own = byKey(lines);
  const diffs = byKey<YearlyDifference>(result.yearlyComparisons ?? []);
  const others = result.scenarios.filter((s) => s.id !== base);
  const out: string[] = ['<section id="yearly">', `<h2>${esc(Y.heading)}</h2>`];
  // An optional item (premium income) that is 0 in every year and scenario is left out, as in the comparison table.
  const zero = (k: string) =>
    OPTIONAL_METRICS.has(k) && lines.every((l) => l.item !== k || (l.mean === 0 && l.lo === 0 && l.hi === 0));
  for (const payer of payers) {
    const items = ordered(YEARLY_ITEMS, [
      ...new Set(lines.filter((l) => l.payer === payer).map((l) => l.item as string)),
    ]).filter((k) => !zero(k));
    // Rows: each year with its items; the year spans its items' rows.
    const rows = (cells: (year: string, item: string) => string) =>
      years
        .flatMap((y) =>
          items.map(
            (k, i) =>
              `<tr data-year="${esc(y)}" data-item="${k}">${i === 0 ? `<th scope="rowgroup" rowspan="${items.length}">${esc(yearName(y))}</th>` : ''}<th scope="row">${esc(itemName(k))}</th>${cells(y, k)}</tr>`,
          ),
        )
        .join('\n');
    const head = `<tr><th scope="col">${esc(Y.year)}</th><th scope="col">${esc(Y.item)}</th>${result.scenarios.map((s) => `<th scope="col">${esc(S(s.id))}</th>`).join('')}</tr>`;
    out.push(
      `<h3>${esc(payerName(payer))}</h3>`,
      `<table class="numbers yearly" data-payer="${payer}"><thead>${head}</thead><tbody>\n${rows((y, k) =>
        result.scenarios
          .map((s) => `<td data-scenario="${esc(s.id)}">${cell(own.get(`${s.id}|${y}|${k}`), 1e-6, lang)}</td>`)
          .join(''),
      )}\n</tbody></table>`,
    );
    if (!others.length || !diffs.size) continue;
    const dhead =
      `<tr><th scope="col" rowspan="2">${esc(Y.year)}</th><th scope="col" rowspan="2">${esc(Y.item)}</th>${others.map((s) => `<th scope="colgroup" colspan="2">${esc(S(s.id))} − ${esc(S(base))}</th>`).join('')}</tr>` +
      `<tr>${others.map(() => `<th scope="col">Δ</th><th scope="col">${esc(L.probBetter)}</th>`).join('')}</tr>`;
    out.push(
      `<h4>${esc(Y.differences(payerName(payer), S(base)))}</h4>`,
      `<table class="numbers yearly-differences" data-payer="${payer}"><thead>${dhead}</thead><tbody>\n${rows((y, k) =>
        others.map((s) => differenceCells(diffs.get(`${s.id}|${y}|${k}`), 1e-6, lang)).join(''),
      )}\n</tbody></table>`,
    );
  }
  out.push(`<p class="note">${esc(Y.note(levelPct))}</p>`, '</section>');
  return out.join('\n');
}

/** A paired difference and its probability of being better, as two cells. */
function differenceCells(
  d: { mean: number | null; lo: number; hi: number; probBetter: number } | undefined,
  factor: number,
  lang: ReportLanguage,
): string {
  if (!d || d.mean === null || !Number.isFinite(d.mean)) return `<td>${NOT_AVAILABLE}</td><td></td>`;
  const dg = digitsFor(d.mean * factor);
  const cls = d.lo > 0 || d.hi < 0 ? ' class="clear"' : '';
  return `<td${cls}>${d.mean > 0 ? '+' : ''}${formatNumber(d.mean * factor, dg, lang)} <span class="ci">(${formatRange(d.lo * factor, d.hi * factor, lang, dg)})</span></td><td>${formatNumber(100 * d.probBetter, 0, lang)} %</td>`;
}

function cell(
  m: MetricSummary | Pick<YearlyLine, 'mean' | 'lo' | 'hi'> | undefined,
  factor: number,
  lang: ReportLanguage,
): string {
  if (!m || m.mean === null || !Number.isFinite(m.mean)) return NOT_AVAILABLE;
  const dg = digitsFor(m.mean * factor);
  return `${formatNumber(m.mean * factor, dg, lang)} <span class="ci">(${formatRange(m.lo * factor, m.hi * factor, lang, dg)})</span>`;
}

/** One decimal for everyday magnitudes, none for large ones, two for small. */
function digitsFor(x: number): number {
  const a = Math.abs(x);
  return a >= 1000 ? 0 : a >= 1 || a === 0 ? 1 : 2;
}

function comparisonTable(
  result: SimulationResult,
  metrics: string[],
  lang: ReportLanguage,
  S: (id: string) => string,
): string {
  const head = `<tr><th></th>${result.scenarios.map((s) => `<th scope="col">${esc(S(s.id))}</th>`).join('')}</tr>`;
  const rows = metrics.map((m) => {
    const u = metricUnit(m, lang);
    const cells = result.scenarios
      .map((s) => `<td>${cell((s.metrics as Record<string, MetricSummary>)[m], u.factor, lang)}</td>`)
      .join('');
    return `<tr data-metric="${m}"><th scope="row">${esc(metricLabel(m, lang))}${u.unit ? `, ${esc(u.unit)}` : ''}</th>${cells}</tr>`;
  });
  return `<table class="numbers"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/**
 * Per arm (group × intervention): each scenario's arms side by side, then each comparison's
 * paired differences for the arms it shares with the baseline. Nothing when no scenario
 * has arm rows (a result from before arm rows).
 */
function armsSection(
  result: SimulationResult,
  metrics: string[],
  lang: ReportLanguage,
  levelPct: number,
  S: (id: string) => string,
): string {
  if (!result.scenarios.some((s) => s.arms?.length)) return '';
  const L = LABELS[lang];
  const none = L.assumptions.none;
  const n = (x: number) => formatNumber(x, 0, lang);
  const out: string[] = [
    '<section id="arms">',
    `<h2>${esc(L.armsHeading)}</h2>`,
    `<p class="note">${esc(L.armsNote(levelPct))}</p>`,
  ];
  const steered = new Set((result.steering ?? []).map((t) => t.scenario));
  for (const s of result.scenarios) {
    const all = s.arms ?? [];
    if (!all.length) {
      if (steered.has(s.id))
        out.push(`<p class="note" data-scenario="${esc(s.id)}">${esc(L.armsSteered(S(s.id)))}</p>`);
      continue;
    }
    // At most ARMS_PER_TABLE arms side by side: more run off the page (and off a printed one).
    for (const arms of chunks(all, ARMS_PER_TABLE)) {
      const head = `<tr><th scope="col">${esc(S(s.id))}</th>${arms.map((a) => `<th scope="col">${esc(L.armHead(a.group, a.intervention ?? none, n(a.count)))}</th>`).join('')}</tr>`;
      const rows = metrics.map((m) => {
        const u = metricUnit(m, lang);
        const cells = arms
          .map((a) => `<td>${cell((a.metrics as Record<string, MetricSummary>)[m], u.factor, lang)}</td>`)
          .join('');
        return `<tr data-metric="${m}"><th scope="row">${esc(metricLabel(m, lang))}${u.unit ? `, ${esc(u.unit)}` : ''}</th>${cells}</tr>`;
      });
      out.push(
        `<table class="numbers arms" data-scenario="${esc(s.id)}"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
      );
    }
    if (all[0].basis === 'capacity') out.push(`<p class="note">${esc(L.armsCapacity)}</p>`);
  }
  const compared = result.comparisons.filter((c) => c.arms?.length);
  for (const c of compared) {
    const count = (id: string, g: string, iv: string | null) =>
      result.scenarios.find((x) => x.id === id)?.arms.find((a) => a.group === g && a.intervention === iv)?.count ?? 0;
    out.push(`<h3>${esc(L.armsDifferences(S(c.scenario), S(c.baseline)))}</h3>`);
    // Two columns per arm: fewer arms per table than the levels have.
    for (const arms of chunks(c.arms, ARMS_PER_TABLE - 1)) {
      const head =
        `<tr><th rowspan="2"></th>${arms
          .map((a) => {
            const k = count(c.scenario, a.group, a.intervention);
            const kb = count(c.baseline, a.group, a.intervention);
            return `<th scope="colgroup" colspan="2">${esc(`${a.group}/${a.intervention ?? none}`)} (${k === kb ? n(k) : `${n(k)} / ${n(kb)}`})</th>`;
          })
          .join('')}</tr>` +
        `<tr>${arms.map(() => `<th scope="col">Δ</th><th scope="col">${esc(L.probBetter)}</th>`).join('')}</tr>`;
      const rows = metrics.map((m) => {
        const u = metricUnit(m, lang);
        const cells = arms
          .map((a) => {
            const d = a.metrics[m as MetricName];
            if (!d || d.mean === null || !Number.isFinite(d.mean)) return '<td>n/a</td><td></td>';
            const dg = digitsFor(d.mean * u.factor);
            const cls = d.lo > 0 || d.hi < 0 ? ' class="clear"' : '';
            return `<td${cls}>${d.mean > 0 ? '+' : ''}${formatNumber(d.mean * u.factor, dg, lang)} <span class="ci">(${formatRange(d.lo * u.factor, d.hi * u.factor, lang, dg)})</span></td><td>${formatNumber(100 * d.probBetter, 0, lang)} %</td>`;
          })
          .join('');
        return `<tr data-metric="${m}"><th scope="row">${esc(metricLabel(m, lang))}${u.diffUnit ? `, ${esc(u.diffUnit)}` : ''}</th>${cells}</tr>`;
      });
      out.push(
        `<table class="numbers arms" data-scenario="${esc(c.scenario)}" data-baseline="${esc(c.baseline)}"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
      );
    }
  }
  if (compared.length) out.push(`<p class="note">${esc(L.armsDifferencesNote)}</p>`);
  out.push('</section>');
  return out.join('\n');
}

/** Arms shown side by side in one table. */
const ARMS_PER_TABLE = 4;

/** `xs` in runs of at most `n`. */
function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function differencesTable(
  result: SimulationResult,
  metrics: string[],
  diffs: Map<string, DifferenceSummary[]>,
  base: string,
  lang: ReportLanguage,
  S: (id: string) => string,
): string {
  const L = LABELS[lang];
  const others = result.scenarios.filter((s) => s.id !== base);
  const head =
    `<tr><th rowspan="2"></th>${others.map((s) => `<th scope="colgroup" colspan="2">${esc(S(s.id))} − ${esc(S(base))}</th>`).join('')}</tr>` +
    `<tr>${others.map(() => `<th scope="col">Δ</th><th scope="col">${esc(L.probBetter)}</th>`).join('')}</tr>`;
  const rows = metrics.map((m) => {
    const u = metricUnit(m, lang);
    const cells = others
      .map((s) => {
        const d = diffs.get(m)?.find((x) => x.scenario === s.id);
        if (!d || d.mean === null || !Number.isFinite(d.mean)) return '<td>n/a</td><td></td>';
        const dg = digitsFor(d.mean * u.factor);
        const sign = d.mean > 0 ? '+' : '';
        const cls = direction(d) === 'unclear' ? '' : ' class="clear"';
        return `<td${cls}>${sign}${formatNumber(d.mean * u.factor, dg, lang)} <span class="ci">(${formatRange(d.lo * u.factor, d.hi * u.factor, lang, dg)})</span></td><td>${formatNumber(100 * d.probBetter, 0, lang)} %</td>`;
      })
      .join('');
    return `<tr data-metric="${m}"><th scope="row">${esc(metricLabel(m, lang))}${u.diffUnit ? `, ${esc(u.diffUnit)}` : ''}</th>${cells}</tr>`;
  });
  return `<table class="numbers"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** A share as a percentage (a distribution or reference in words). */
function percent(x: unknown, W: ModelWords, digits: number): string {
  return typeof x === 'number' ? formatNumber(100 * x, digits, W.lang) : W.value(x);
}

/** A number as it is (the words format it), anything else in words. */
function asIs(x: unknown, W: ModelWords): number | string {
  return typeof x === 'number' ? x : W.value(x);
}

/** A value in running text: a number with exactly the decimals it was written with, in the language's style. */
function valueString(x: unknown, W: ModelWords): string {
  if (typeof x !== 'number') return x === undefined ? String(x) : W.value(x);
  const decimals = /^-?\d+\.(\d+)$/.exec(String(x))?.[1].length ?? 0;
  return formatNumber(x, Math.min(decimals, 6), W.lang);
}

/** A table of text; a first column headed "id" holds ids (names in the model, not words: shown as code). */
function table(headers: string[], rows: string[][]): string {
  const ids = headers[0] === 'id';
  return `<table><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>\n${rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (ids && i === 0 ? `<td class="id"><code>${esc(c)}</code></td>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n')}\n</tbody></table>`;
}

function assumptions(result: SimulationResult, input: ModelInput, L: ReportLabels, W: ModelWords): string {
  const model = normaliseInput(input);
  const A = L.assumptions;
  const lang = W.lang;
  const val = (x: unknown, _lang?: ReportLanguage, digits = 0) => W.value(x, digits);
  const out: string[] = [];
  out.push(`<h3>${esc(A.states)}</h3>`);
  out.push(
    table(
      [A.id, A.label, A.kind, A.monthlyTransfer],
      model.states.map((s) => [
        s.id,
        W.label('states', s.id) ?? '',
        A.kinds[s.kind] ?? String(s.kind),
        val(s.monthlyTransfer, lang),
      ]),
    ),
  );
  const transitions = Object.entries(model.transitions).map(([from, to]) => [
    from,
    W.rows({ [from]: to }).replace(/^[^→]*→ /, ''),
  ]);
  const calibrated = Object.entries(model.calibration).map(([state, c]) => {
    const shares = Object.entries(c.completedShares)
      .map(([k, p]) => `${k} ${percent(p, W, 1)} %`)
      .join(', ');
    const length =
      c.meanMonths !== undefined
        ? `, ${A.meanLength(val(c.meanMonths, lang, 1))}`
        : c.completion
          ? `, ${A.completedWithin(percent(c.completion.share, W, 1), asIs(c.completion.withinMonths, W))}`
          : '';
    const paid = c.paidHours ? `, ${c.paidHours.state} ${percent(c.paidHours.everShare, W, 1)} %` : '';
    return [state, `${A.calibrated}: ${shares}${c.otherExit ? `, ${A.rest} → ${c.otherExit}` : ''}${length}${paid}`];
  });
  if (transitions.length || calibrated.length) {
    out.push(`<h3>${esc(A.transitions)}</h3>`);
    out.push(table([A.from, '→'], [...calibrated, ...transitions]));
  }
  out.push(`<h3>${esc(A.groups)}</h3>`);
  out.push(
    table(
      [A.id, A.label, A.size, A.initialState, A.priorMonths],
      model.groups.map((g) => [
        g.id,
        W.label('groups', g.id) ?? '',
        val(g.size, lang),
        g.initialState,
        val(g.priorBenefitMonths, lang),
      ]),
    ),
  );
  if (model.interventions.length) {
    out.push(`<h3>${esc(A.interventions)}</h3>`);
    out.push(
      table(
        [A.id, A.label, A.monthlyCost, A.changes, A.source],
        model.interventions.map((iv) => {
          const cost = [
            iv.monthlyCost !== undefined ? val(iv.monthlyCost, lang) : '',
            iv.staffing
              ? A.staffing(val(iv.staffing.annualCostPerCaseworker, lang), asIs(iv.staffing.caseload, W))
              : '',
          ]
            .filter(Boolean)
            .join(' + ');
          const cap = iv.capacity;
          const places = cap
            ? cap.places !== undefined
              ? val(cap.places, lang)
              : `${val(cap.caseworkers ?? 0, lang)} × ${val(cap.caseload ?? 0, lang)}`
            : '';
          const changes = [
            W.rows(iv.transitions as Record<string, Record<string, unknown>> | undefined),
            W.effects(iv.effects as Record<string, Record<string, Record<string, unknown>>> | undefined),
            cap ? A.capacity(places, cap.whenFull, cap.fallback) : '',
          ]
            .filter(Boolean)
            .join('; ');
          return [
            iv.id,
            W.label('interventions', iv.id) ?? '',
            cost || '0',
            changes,
            W.source('interventions', iv.id) ?? '',
          ];
        }),
      ),
    );
  }
  if (model.calendar.length) {
    out.push(`<h3>${esc(A.calendar)}</h3>`);
    out.push(
      table(
        [A.fromDate, A.label, A.changes],
        model.calendar.map(({ from, label: _, ...changes }) => [
          String(from),
          W.calendarLabel(from) ?? '',
          W.changes(changes),
        ]),
      ),
    );
  }
  out.push(`<h3>${esc(A.scenarios)}</h3>`);
  out.push(
    table(
      [A.id, A.label, A.allocation, A.fixedMonthlyCost, A.source],
      result.scenarios.map((s) => {
        const spec = model.scenarios.find((x) => x.id === s.id);
        const alloc = s.allocation
          .filter((a) => a.count > 0)
          .map((a) => `${a.group}/${a.intervention ?? A.none} ${formatNumber(a.count, 0, lang)}`)
          .join(', ');
        const st = spec?.steering;
        const rules = st
          ? [
              ...st.rules.map(
                (r) =>
                  `${W.signal(r.signal)} ${r.above !== undefined ? `> ${valueString(r.above, W)}` : `< ${valueString(r.below, W)}`}: ${typeof r.change === 'number' && r.change > 0 ? '+' : ''}${percent(r.change, W, 0)}`,
              ),
              ...(st.custom ? [`custom "${st.custom}"`] : []),
            ].join(', ')
          : '';
        const steering = st
          ? `; ${A.steering(st.intervention, percent(st.maxStep, W, 0), asIs(st.everyMonths, W), `${percent(st.minShare, W, 0)} %`, `${percent(st.maxShare, W, 0)} %`, rules)}`
          : '';
        return [
          s.id,
          W.label('scenarios', s.id) ?? s.label ?? '',
          alloc + steering,
          spec?.fixedMonthlyCost ? val(spec.fixedMonthlyCost, lang) : '',
          W.source('scenarios', s.id) ?? '',
        ];
      }),
    ),
  );
  return out.join('\n');
}

/**
 * Prefix the ids inside one SVG (clip paths, gradients) so that several inline SVGs on
 * one page cannot capture each other's references.
 */
function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

const esc = escapeHtml;

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; margin: 0; background: #fff; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.run, .note { color: #555; font-size: 0.9rem; }
.description { max-width: 75ch; }
ul.summary li, ul.payback li { margin: 0.5rem 0; max-width: 90ch; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.88rem; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 10px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #bbb; }
table.numbers td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.numbers td.clear { font-weight: 600; }
table.numbers th[scope="row"] { min-width: 11em; }
#assumptions td:first-child, #parameters td:first-child { white-space: nowrap; }
.ci { color: #666; }
ul.icer li { margin: 0.5rem 0; max-width: 90ch; }
figure { margin: 1.5rem 0; overflow-x: auto; }
figcaption { color: #444; font-size: 0.88rem; max-width: 80ch; }
@media print { main { padding: 0; } figure { break-inside: avoid; } }
`;
