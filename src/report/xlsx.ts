/**
 * The spreadsheet export: one workbook a finance department can open, check and reuse —
 * the model's assumptions, every scenario's metrics with intervals, the comparisons with
 * the baseline, the decision figures (cost per extra success by quadrant, CEAC, EVPI,
 * EVPPI), and, when the run has them, the yearly
 * budget lines by payer and the payback.
 *
 * Numbers are written as numbers (never as formatted text) so they can be summed and
 * charted; the cell formats do the display: DKK with thousands separators (`#,##0`,
 * which Excel shows with the reader's own separators, 1.234.567 in Danish), shares as
 * percentages, months with two decimals. Every sheet freezes its header row. Node only:
 * exceljs is loaded on first use, so importing forlob/node does not pay for it.
 * @module
 */
import type { Workbook, Worksheet } from 'exceljs';
import { ForlobInputError } from '../model/errors.js';
import { normaliseInput, type ModelInput } from '../params/input.js';
import { distQuantile, type Distribution } from '../params/distribution.js';
import { planUncertainty } from '../evidence/plan.js';
import { METRIC_LABELS, METRICS } from '../engine/reduce/metrics.js';
import type { SimulationResult } from '../summary/types.js';
import { icerReading } from '../summary/decision.js';
import { icerParts, LABELS, paybackPhrase, type ReportLanguage } from '../format/i18n.js';
import { modelWords, type ModelWords } from '../format/model-words.js';
import { formatNumber } from '../format/numbers.js';
import { WORKBOOK_WORDS, type WorkbookWords } from './xlsx-words.js';
import { fixZipDates, outputDate } from './zip-dates.js';

/** Options of {@link resultToWorkbook}. */
export interface WorkbookOptions {
  /**
   * Language of the sheet names, column heads, labels and notes (default "en"). Numbers stay
   * numbers: Excel shows them with the reader's own separators. Danish labels come from the
   * model's `translations.da` when it has them.
   */
  lang?: ReportLanguage;
}

/** What every sheet writes its words with: the language, its words, and the model's words in it. */
interface Ctx {
  lang: ReportLanguage;
  T: WorkbookWords;
  W: ModelWords;
}

/** Cell formats. `#,##0` is localised by Excel: the reader sees their own thousands separator. */
const FMT = {
  dkk: '#,##0',
  percent: '0.0%',
  percentFine: '0.00%',
  months: '0.00',
  count: '#,##0',
  probability: '0.0000',
  number: 'General',
} as const;

type Unit = 'DKK' | 'share' | 'months' | 'number';

/**
 * The unit of a metric or yearly budget item, from its name (metrics are added over
 * time; the names follow one convention): costs, income and reimbursement are DKK; rates,
 * shares and "on benefit at" are shares; durations are months; anything else a plain number.
 */
function unitOf(name: string): Unit {
  if (/(Cost|Income|Reimbursement)$/.test(name)) return 'DKK';
  if (/(Rate|Share)$|^onBenefitAt/.test(name)) return 'share';
  if (/Months|^monthsTo/.test(name)) return 'months';
  return 'number';
}

const UNIT_FMT: Record<Unit, string> = { DKK: FMT.dkk, share: FMT.percent, months: FMT.months, number: FMT.number };
/** Spreads (sd, Monte Carlo error) of a share need a finer format than the share itself. */
const SPREAD_FMT: Record<Unit, string> = {
  DKK: FMT.dkk,
  share: FMT.percentFine,
  months: FMT.months,
  number: FMT.number,
};

/** A cell value: a number (NaN and infinities become empty cells), text, or empty. */
type Cell = number | string | boolean | null | undefined;

/** One column of a table: header, width in characters, and the format of its numbers. */
interface Column {
  header: string;
  width: number;
  fmt?: string;
  wrap?: boolean;
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } } as const;

function cellValue(v: Cell): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

/** A sheet whose first row is the header of `columns`, frozen. */
function tableSheet(wb: Workbook, name: string, columns: Column[]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  headerRow(
    ws,
    columns.map((c) => c.header),
  );
  return ws;
}

function headerRow(ws: Worksheet, headers: string[]): void {
  const row = ws.addRow(headers);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'top', wrapText: true };
  });
}

/** Formats for a row: none for the first `skip` cells, then `fmts`. */
function formatsAfter(skip: number, ...fmts: (string | undefined)[]): (string | undefined)[] {
  return [...new Array<undefined>(skip).fill(undefined), ...fmts];
}

/** Append a row; `formats` overrides the columns' formats cell by cell (for rows of mixed units). */
function dataRow(ws: Worksheet, columns: Column[], values: Cell[], formats: (string | undefined)[] = []): void {
  const row = ws.addRow(values.map(cellValue));
  values.forEach((_, i) => {
    const cell = row.getCell(i + 1);
    const fmt = formats[i] ?? columns[i]?.fmt;
    if (fmt && typeof cell.value === 'number') cell.numFmt = fmt;
    if (columns[i]?.wrap) cell.alignment = { vertical: 'top', wrapText: true };
  });
}

function sectionTitle(ws: Worksheet, title: string): void {
  if (ws.rowCount > 1) ws.addRow([]);
  const row = ws.addRow([title]);
  row.font = { bold: true, size: 12 };
}

/** Compact text of a number: up to 4 significant digits (Danish: decimal comma, "." between thousands). */
function short(x: number, lang: ReportLanguage = 'en'): string {
  const v = Number(x.toPrecision(4));
  if (lang === 'en') return String(v);
  const decimals = /\.(\d+)$/.exec(String(v))?.[1].length ?? 0;
  return formatNumber(v, Math.min(decimals, 20), lang);
}

/** Words of the distribution families and their parameters, per language. */
const DIST_WORDS = {
  en: {
    uniform: 'uniform',
    triangular: 'triangular',
    shape: 'shape',
    scale: 'scale',
    mean: 'mean',
    median: 'median',
    to: 'to',
    mode: 'mode',
  },
  da: {
    uniform: 'ligefordelt',
    triangular: 'trekantfordelt',
    shape: 'form',
    scale: 'skala',
    mean: 'middelværdi',
    median: 'median',
    to: 'til',
    mode: 'typetal',
  },
} as const;

/**
 * A distribution as text, numbers to 4 significant digits; a lognormal also shows its median.
 *
 * @example
 * ```ts
 * distributionText({ dist: 'beta', alpha: 20, beta: 80 }); // "beta(α = 20, β = 80)"
 * distributionText({ dist: 'lognormal', mu: 0.3572, sigma: 0.1288 }); // "lognormal(μ = 0.3572, σ = 0.1288; median 1.43)"
 * ```
 */
export function distributionText(d: Distribution, lang: ReportLanguage = 'en'): string {
  const n = (x: number) => short(x, lang);
  const w = DIST_WORDS[lang];
  switch (d.dist) {
    case 'beta':
      return `beta(α = ${n(d.alpha)}, β = ${n(d.beta)})`;
    case 'gamma':
      return `gamma(${w.shape} = ${n(d.shape)}, ${w.scale} = ${n(d.scale)})`;
    case 'lognormal':
      // The median to two decimals: a hazard ratio's third decimal says nothing, and "1,043" would read as a thousand.
      return `lognormal(μ = ${n(d.mu)}, σ = ${n(d.sigma)}; ${w.median} ${formatNumber(Math.exp(d.mu), 2, lang)})`;
    case 'normal':
      return `normal(${w.mean} = ${n(d.mean)}, sd = ${n(d.sd)})`;
    case 'uniform':
      return `${w.uniform}(${n(d.min)} ${w.to} ${n(d.max)})`;
    case 'triangular':
      return `${w.triangular}(${n(d.min)}, ${w.mode} ${n(d.mode)}, ${n(d.max)})`;
  }
}

/** A model value: a number stays a number; a distribution or a reference becomes text. */
function modelValue(x: unknown, lang: ReportLanguage = 'en'): Cell {
  if (x === undefined || x === null) return null;
  if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.param === 'string') return `parameter ${o.param}`;
    if (typeof o.evidence === 'string') return `${lang === 'da' ? 'evidens' : 'evidence'} ${o.evidence}`;
    if (typeof o.dist === 'string') return distributionText(o as unknown as Distribution, lang);
  }
  // A value of another shape (a future field): its words rather than JSON.
  if (lang === 'en' || typeof x !== 'object') return JSON.stringify(x);
  return Object.entries(x as Record<string, unknown>)
    .map(([k, v]) => `${k} ${valueText(v, lang)}`)
    .join(', ');
}

/** A share as a percentage in running text (a distribution or reference as its text). */
function percentText(x: unknown, lang: ReportLanguage = 'en'): string {
  return typeof x === 'number' ? short(100 * x, lang) : valueText(x, lang);
}

/** A value in running text the way a template literal writes a number (Danish: with a decimal comma). */
function valueString(x: unknown, lang: ReportLanguage = 'en'): string {
  if (typeof x === 'number' && lang !== 'en') return short(x, lang);
  return typeof x === 'number' || x === undefined ? String(x) : valueText(x, lang);
}

/** A model value inside running text. */
function valueText(x: unknown, lang: ReportLanguage = 'en'): string {
  const v = modelValue(x, lang);
  return typeof v === 'number' ? short(v, lang) : String(v ?? '');
}

/** The whole monthly cost of an intervention when every part is a number (as compiled), else null. */
function totalMonthlyCost(monthlyCost: unknown, staffing: Record<string, unknown> | undefined): number | null {
  const n = (x: unknown, dflt = 0) => (x === undefined ? dflt : typeof x === 'number' ? x : NaN);
  let total = n(monthlyCost);
  if (staffing)
    total +=
      n(staffing.annualCostPerCaseworker, NaN) / n(staffing.caseload, NaN) / 12 +
      (n(staffing.conversationsPerYear) * n(staffing.costPerConversation)) / 12;
  return Number.isFinite(total) ? total : null;
}

function levelText(level: number, X: Ctx): [string, string] {
  const pct = (x: number) => short(100 * x, X.lang);
  return [X.T.lo(pct((1 - level) / 2)), X.T.hi(pct((1 + level) / 2))];
}

/** The unit of a metric or item as text in the language. */
function unitText(u: Unit, X: Ctx): string {
  return X.T.units[u];
}

/** An arm's intervention, or "(none)". */
function noneOr(iv: string | null | undefined, X: Ctx): string {
  return iv ?? X.T.none;
}

function assumptionsSheet(wb: Workbook, result: SimulationResult, input: ModelInput, X: Ctx): void {
  const model = normaliseInput(input);
  const { T, W: words, lang } = X;
  const A = T.assumptions;
  const C = T.col;
  const mv = (x: unknown) => modelValue(x, lang);
  const vt = (x: unknown) => valueText(x, lang);
  const vs = (x: unknown) => valueString(x, lang);
  const pt = (x: unknown) => percentText(x, lang);
  const ws = wb.addWorksheet(T.sheets.assumptions, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { width: 24 },
    { width: 30 },
    { width: 18 },
    { width: 18 },
    { width: 18 },
    { width: 60 },
    { width: 40 },
  ];
  const title = ws.addRow([A.title(words.modelName)]);
  title.font = { bold: true, size: 14 };
  const wide: Column[] = [
    { header: '', width: 24 },
    { header: '', width: 30, wrap: true },
  ];
  const [lo, hi] = levelText(result.level, X);

  sectionTitle(ws, A.modelAndRun);
  const run: [string, Cell, string?][] = [
    [A.run.model, words.modelName],
    [A.run.description, words.description ?? ''],
    [A.run.horizon, mv(model.horizonMonths), FMT.count],
    [A.run.replicates, result.replicates, FMT.count],
    [A.run.seed, result.seed],
    [A.run.level, result.level, FMT.percent],
    [A.run.baseline, result.baseline],
  ];
  for (const [k, v, fmt] of run) dataRow(ws, wide, [k, v], [undefined, fmt]);

  sectionTitle(ws, A.states);
  const stateCols: Column[] = [
    { header: A.state, width: 24 },
    { header: C.label, width: 30, wrap: true },
    { header: A.kind, width: 18 },
    { header: A.monthlyTransfer, width: 18, fmt: FMT.dkk },
    { header: A.paidHours, width: 18 },
    { header: A.reimbursed, width: 18 },
  ];
  const kinds = LABELS[lang].assumptions.kinds as Record<string, string>;
  headerRow(
    ws,
    stateCols.map((c) => c.header),
  );
  for (const s of model.states) {
    dataRow(ws, stateCols, [
      s.id,
      words.label('states', s.id) ?? '',
      lang === 'en' ? s.kind : (kinds[s.kind] ?? s.kind),
      mv(s.monthlyTransfer),
      s.paidHours ? T.yes : '',
      (s.reimbursed ?? s.kind === 'benefit') ? T.yes : T.no,
    ]);
  }

  sectionTitle(ws, A.transitions);
  const transCols: Column[] = [
    { header: C.from, width: 24 },
    { header: C.to, width: 30 },
    { header: A.probability, width: 18, fmt: FMT.probability },
    { header: '', width: 18 },
    { header: '', width: 18 },
    { header: C.note, width: 60, wrap: true },
  ];
  headerRow(
    ws,
    transCols.map((c) => c.header),
  );
  for (const [from, row] of Object.entries(model.transitions)) {
    for (const [to, p] of Object.entries(row))
      dataRow(ws, transCols, [from, lang === 'en' ? to : words.target(to), mv(p)]);
  }
  for (const [from, c] of Object.entries(model.calibration)) {
    const shares = Object.entries(c.completedShares)
      .map(([k, p]) => `${k} ${pt(p)} %`)
      .join(', ');
    const length =
      c.meanMonths !== undefined
        ? A.meanCourse(vt(c.meanMonths))
        : c.completion
          ? A.endedWithin(pt(c.completion.share), vs(c.completion.withinMonths))
          : '';
    const paid: [string, string] | null = c.paidHours ? [c.paidHours.state, pt(c.paidHours.everShare)] : null;
    dataRow(ws, transCols, [
      from,
      A.calibrated,
      null,
      null,
      null,
      A.calibratedNote(shares, c.otherExit ?? null, length, paid),
    ]);
  }

  sectionTitle(ws, A.groups);
  const groupCols: Column[] = [
    { header: C.group, width: 24 },
    { header: C.label, width: 30, wrap: true },
    { header: C.citizens, width: 18, fmt: FMT.count },
    { header: A.initialState, width: 18 },
    { header: A.priorMonths, width: 18, fmt: FMT.count },
  ];
  headerRow(
    ws,
    groupCols.map((c) => c.header),
  );
  for (const g of model.groups)
    dataRow(ws, groupCols, [
      g.id,
      words.label('groups', g.id) ?? '',
      mv(g.size),
      g.initialState,
      mv(g.priorBenefitMonths),
    ]);

  if (model.interventions?.length) {
    sectionTitle(ws, A.interventions);
    const ivCols: Column[] = [
      { header: C.intervention, width: 24 },
      { header: C.label, width: 30, wrap: true },
      { header: A.monthlyCost, width: 18, fmt: FMT.dkk },
      { header: A.staffing, width: 18, wrap: true },
      { header: A.totalMonthlyCost, width: 18, fmt: FMT.dkk },
      { header: A.changes, width: 60, wrap: true },
      { header: C.source, width: 40, wrap: true },
      { header: A.capacity, width: 30, wrap: true },
    ];
    headerRow(
      ws,
      ivCols.map((c) => c.header),
    );
    for (const iv of model.interventions) {
      const st = iv.staffing;
      const staffing = st
        ? A.staffingText(
            vt(st.annualCostPerCaseworker),
            vt(st.caseload),
            st.conversationsPerYear ? vt(st.conversationsPerYear) : null,
            vt(st.costPerConversation),
          )
        : '';
      const changes = [
        words.rows(iv.transitions as Record<string, Record<string, unknown>> | undefined),
        words.effects(iv.effects as Record<string, Record<string, Record<string, unknown>>> | undefined),
      ]
        .filter(Boolean)
        .join('; ');
      const cap = iv.capacity;
      const capacity = cap
        ? A.capacityText(
            cap.places !== undefined ? vt(cap.places) : null,
            vt(cap.caseworkers ?? 0),
            vt(cap.caseload ?? 0),
            A.whenFull[cap.whenFull] ?? cap.whenFull,
            noneOr(cap.fallback, X),
          )
        : '';
      dataRow(ws, ivCols, [
        iv.id,
        words.label('interventions', iv.id) ?? '',
        mv(iv.monthlyCost),
        staffing,
        totalMonthlyCost(iv.monthlyCost, st as unknown as Record<string, unknown> | undefined),
        changes,
        words.source('interventions', iv.id) ?? '',
        capacity,
      ]);
    }
  }

  sectionTitle(ws, A.scenarios);
  const scCols: Column[] = [
    { header: C.scenario, width: 24 },
    { header: C.label, width: 30, wrap: true },
    { header: C.group, width: 18 },
    { header: C.intervention, width: 18 },
    { header: C.citizens, width: 18, fmt: FMT.count },
    { header: A.fixedMonthlyCost, width: 60, fmt: FMT.dkk },
    { header: C.source, width: 40, wrap: true },
  ];
  headerRow(
    ws,
    scCols.map((c) => c.header),
  );
  for (const s of result.scenarios) {
    const spec = model.scenarios.find((x) => x.id === s.id);
    // Empty cells (nobody allocated) would only add noise; a scenario keeps at least one row.
    const shown = s.allocation.filter((a) => a.count > 0);
    (shown.length ? shown : s.allocation.slice(0, 1)).forEach((a, i) => {
      dataRow(ws, scCols, [
        s.id,
        i === 0 ? (words.label('scenarios', s.id) ?? s.label ?? '') : '',
        a.group,
        noneOr(a.intervention, X),
        a.count,
        i === 0 ? mv(spec?.fixedMonthlyCost ?? 0) : null,
        i === 0 ? (words.source('scenarios', s.id) ?? '') : '',
      ]);
    });
  }

  if (model.calendar?.length) {
    sectionTitle(ws, A.calendar);
    const cCols: Column[] = [
      { header: C.from, width: 12 },
      { header: C.label, width: 40, wrap: true },
      { header: lang === 'en' ? 'changes' : LABELS[lang].assumptions.changes, width: 80, wrap: true },
    ];
    headerRow(
      ws,
      cCols.map((c) => c.header),
    );
    for (const step of model.calendar) {
      const { from, label, ...changes } = step;
      dataRow(ws, cCols, [String(from), words.calendarLabel(from) ?? label ?? '', words.changes(changes)]);
    }
  }

  const steered = model.scenarios.filter((s) => s.steering);
  if (steered.length) {
    sectionTitle(ws, A.steering);
    const stCols: Column[] = [
      { header: C.scenario, width: 24 },
      { header: C.intervention, width: 18 },
      { header: A.groupsCol, width: 18 },
      { header: A.everyMonths, width: 12, fmt: FMT.count },
      { header: A.maxStep, width: 12, fmt: FMT.percent },
      { header: A.bounds, width: 14 },
      { header: A.budget, width: 16, fmt: FMT.dkk },
      { header: A.rules, width: 60, wrap: true },
    ];
    headerRow(
      ws,
      stCols.map((c) => c.header),
    );
    for (const s of steered) {
      const st = s.steering!;
      const rules = st.rules.map(
        (r) =>
          `${words.signal(r.signal)} ${r.above !== undefined ? `> ${vs(r.above)}` : `< ${vs(r.below)}`}: ${typeof r.change === 'number' && r.change > 0 ? '+' : ''}${vs(r.change)}`,
      );
      if (st.custom) rules.push(A.customRule(st.custom));
      dataRow(ws, stCols, [
        s.id,
        st.intervention,
        (st.groups ?? []).join(', ') || A.allocatedGroups,
        mv(st.everyMonths),
        mv(st.maxStep),
        `${vs(st.minShare)}–${vs(st.maxShare)}`,
        mv(st.budget),
        rules.join('; '),
      ]);
    }
  }

  const params = parameterRows(input, result.level, X);
  if (params.length) {
    sectionTitle(ws, A.parameters);
    const pCols: Column[] = [
      { header: A.parameter, width: 24 },
      { header: A.distribution, width: 30, wrap: true },
      { header: C.mean, width: 18, fmt: FMT.number },
      { header: lo, width: 18, fmt: FMT.number },
      { header: hi, width: 18, fmt: FMT.number },
      { header: C.label, width: 60, wrap: true },
      { header: C.source, width: 40, wrap: true },
    ];
    headerRow(
      ws,
      pCols.map((c) => c.header),
    );
    for (const p of params) dataRow(ws, pCols, [p.name, p.text, p.mean, p.lo, p.hi, p.label, p.source]);
  }
}

/** One row of the parameters table. */
interface ParameterRow {
  name: string;
  text: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  label: string;
  source: string;
}

/**
 * Every uncertain parameter of the model (named and inline) with its interval; when the
 * model cannot be planned (a reference this version does not resolve), the raw
 * `parameters` block as text rather than a failed export — the run itself validated it.
 */
function parameterRows(model: ModelInput, level: number, X: Ctx): ParameterRow[] {
  try {
    return planUncertainty(model).parameters.map((p) => {
      const q = (x: number) => (p.dist ? distQuantile(p.dist, x) : p.mean);
      return {
        name: p.name,
        text: p.dist ? distributionText(p.dist, X.lang) : X.T.assumptions.fixed,
        mean: p.mean,
        lo: q((1 - level) / 2),
        hi: q((1 + level) / 2),
        label: p.dist?.label ?? '',
        source: X.W.parameterSource(p.name) ?? p.dist?.source ?? '',
      };
    });
  } catch (e) {
    if (!(e instanceof ForlobInputError)) throw e;
    return Object.entries(model.parameters ?? {}).map(([name, v]) => ({
      name,
      text: valueText(v, X.lang),
      mean: null,
      lo: null,
      hi: null,
      label: '',
      source: '',
    }));
  }
}

/** A metric's description in the language (English: the metric's own). */
function metricDescription(m: (typeof METRICS)[number], X: Ctx): string {
  return X.T.metricDescriptions[m] ?? METRIC_LABELS[m];
}

function scenariosSheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const [lo, hi] = levelText(result.level, X);
  const C = X.T.col;
  const cols: Column[] = [
    { header: C.scenario, width: 18 },
    { header: C.group, width: 14 },
    { header: C.metric, width: 22 },
    { header: C.description, width: 48, wrap: true },
    { header: C.unit, width: 10 },
    { header: C.mean, width: 16 },
    { header: C.sd, width: 14 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
    { header: C.mcse, width: 14 },
  ];
  const ws = tableSheet(wb, X.T.sheets.scenarios, cols);
  const write = (scenario: string, group: string, metrics: SimulationResult['scenarios'][number]['metrics']) => {
    for (const m of METRICS) {
      const s = metrics[m];
      if (!s) continue;
      const u = unitOf(m);
      dataRow(
        ws,
        cols,
        [scenario, group, m, metricDescription(m, X), unitText(u, X), s.mean, s.sd, s.lo, s.hi, s.mcse],
        formatsAfter(5, UNIT_FMT[u], SPREAD_FMT[u], UNIT_FMT[u], UNIT_FMT[u], SPREAD_FMT[u]),
      );
    }
  };
  // The whole population first, then each group below it.
  for (const sc of result.scenarios) write(sc.id, X.T.total, sc.metrics);
  for (const sc of result.scenarios) for (const g of sc.groups) write(sc.id, g.id, g.metrics);
}

function comparisonsSheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const [lo, hi] = levelText(result.level, X);
  const C = X.T.col;
  const cols: Column[] = [
    { header: C.scenario, width: 18 },
    { header: C.baseline, width: 14 },
    { header: C.group, width: 12 },
    { header: C.metric, width: 22 },
    { header: C.unit, width: 10 },
    { header: C.meanDifference, width: 16 },
    { header: C.sd, width: 14 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
    { header: C.probBetter, width: 14, fmt: FMT.percent },
    { header: C.mcse, width: 14 },
  ];
  const ws = tableSheet(wb, X.T.sheets.comparisons, cols);
  for (const c of result.comparisons) {
    const rows = [{ id: X.T.total, metrics: c.metrics }, ...c.groups];
    for (const g of rows) {
      for (const m of METRICS) {
        const d = g.metrics[m];
        if (!d) continue;
        const u = unitOf(m);
        // Differences of shares are percentage points: the percent format shows them as such.
        dataRow(
          ws,
          cols,
          [c.scenario, c.baseline, g.id, m, unitText(u, X), d.mean, d.sd, d.lo, d.hi, d.probBetter, d.mcse],
          formatsAfter(5, UNIT_FMT[u], SPREAD_FMT[u], UNIT_FMT[u], UNIT_FMT[u], undefined, SPREAD_FMT[u]),
        );
      }
    }
  }
  if (!result.comparisons.length) return;
  sectionTitle(ws, X.T.comparisons.seeDecision);
}

/**
 * The "Decision" sheet: each comparison's ICER by quadrant (with the quadrant shares over
 * parameter draws, the interval — empty and "undefined — see the CEAC" when the expected
 * effect changes sign — and the Monte Carlo errors), the decision at the run's willingness
 * to pay (EVPI, probability of the highest expected net benefit, probability best per
 * metric), the EVPPI per parameter and group, and the CEAC grid with the EVPI curve.
 */
function decisionSheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const [lo, hi] = levelText(result.level, X);
  const { T, lang } = X;
  const D = T.decision;
  const d = result.decision;
  const ids = result.scenarios.map((s) => s.id);
  // Danish prose names scenarios by their labels; the key columns keep the ids.
  const S = (id: string) => (lang === 'en' ? id : X.W.name('scenarios', id));
  const cols: Column[] = [
    { header: T.col.scenario, width: 18 },
    { header: T.col.baseline, width: 14 },
    { header: D.reading, width: 16 },
    { header: D.inWords, width: 60, wrap: true },
    { header: D.quadrant, width: 14 },
    { header: D.icer, width: 16, fmt: FMT.dkk },
    { header: D.icerLo(lo), width: 14, fmt: FMT.dkk },
    { header: D.icerHi(hi), width: 14, fmt: FMT.dkk },
    { header: D.interval, width: 22, wrap: true },
    { header: D.mcseIcer, width: 14, fmt: FMT.dkk },
    { header: D.deltaCost, width: 16, fmt: FMT.dkk },
    { header: D.mcseDeltaCost, width: 14, fmt: FMT.dkk },
    { header: D.deltaEffect, width: 12, fmt: '#,##0.0' },
    { header: D.mcseDeltaEffect, width: 12, fmt: '#,##0.0' },
    { header: D.shareNE, width: 10, fmt: FMT.percent },
    { header: D.shareNW, width: 10, fmt: FMT.percent },
    { header: D.shareSE, width: 10, fmt: FMT.percent },
    { header: D.shareSW, width: 10, fmt: FMT.percent },
    { header: D.dominant, width: 10 },
    { header: D.dominated, width: 10 },
    { header: D.replicates, width: 10, fmt: FMT.count },
  ];
  const ws = tableSheet(wb, T.sheets.decision, cols);
  for (const c of result.comparisons) {
    const i = c.icer;
    // Results from before the quadrant reading carry no shares: their rows stay partly empty.
    if (!i.quadrantShares) {
      dataRow(ws, cols, [
        c.scenario,
        c.baseline,
        '',
        '',
        '',
        i.mean,
        i.lo,
        i.hi,
        '',
        null,
        i.deltaCost,
        null,
        i.deltaEffect,
      ]);
      continue;
    }
    const interval = i.lo === null || i.hi === null ? D.undefinedInterval : i.lo === i.hi ? D.noParameterMovesIt : null;
    const q = i.quadrantShares;
    const reading = icerReading(i);
    dataRow(ws, cols, [
      c.scenario,
      c.baseline,
      D.readings[reading] ?? reading,
      LABELS[lang].decision.icer(icerParts(i, S(c.scenario), S(c.baseline), result.level, lang)),
      D.quadrants[i.quadrant] ?? i.quadrant,
      i.mean,
      i.lo,
      i.hi,
      interval,
      i.mcse,
      i.deltaCost,
      i.mcseDeltaCost,
      i.deltaEffect,
      i.mcseDeltaEffect,
      q.NE,
      q.NW,
      q.SE,
      q.SW,
      i.dominant ? T.yes : T.no,
      i.dominated ? T.yes : T.no,
      i.replicates,
    ]);
  }
  const wide: Column[] = [
    { header: '', width: 18 },
    { header: '', width: 14 },
  ];
  const wtp = lang === 'en' ? d.willingnessToPay.toLocaleString('en') : formatNumber(d.willingnessToPay, 0, lang);
  sectionTitle(ws, D.at(wtp));
  const about: [string, Cell, string?][] = [
    [D.wtp, d.willingnessToPay, FMT.dkk],
    [D.evpi, d.evpi, FMT.dkk],
    [D.method, d.method ? D.methods[d.method] : ''],
    [D.parameterDraws, d.parameterDraws ?? null, FMT.count],
    ...ids.map((id): [string, Cell, string] => [D.probabilityBestOf(id), d.probabilityBestNetBenefit[id], FMT.percent]),
  ];
  for (const [k, v, fmt] of about) dataRow(ws, wide, [k, v], [undefined, fmt]);

  sectionTitle(ws, D.probabilityBestPerMetric);
  const pCols: Column[] = [
    { header: T.col.metric, width: 18 },
    ...ids.map((id) => ({ header: id, width: 14, fmt: FMT.percent })),
  ];
  headerRow(
    ws,
    pCols.map((c) => c.header),
  );
  for (const [metric, byScenario] of Object.entries(d.probabilityBest))
    dataRow(ws, pCols, [metric, ...ids.map((id) => byScenario[id])]);

  if (d.evppi?.length) {
    sectionTitle(ws, D.evppiTitle(wtp));
    const eCols: Column[] = [
      { header: D.parameters, width: 18 },
      { header: D.evppi, width: 14, fmt: FMT.dkk },
      { header: D.evppiSe, width: 16, fmt: FMT.dkk },
      { header: D.evppiShare, width: 14, fmt: FMT.percent },
    ];
    headerRow(
      ws,
      eCols.map((c) => c.header),
    );
    for (const e of d.evppi)
      dataRow(ws, eCols, [e.parameters.join(' + '), e.value, e.se, d.evpi > 0 ? e.value / d.evpi : null]);
  }

  if (d.ceac?.length) {
    sectionTitle(ws, D.ceacTitle);
    const cCols: Column[] = [
      { header: D.wtp, width: 18, fmt: FMT.dkk },
      ...ids.map((id) => ({ header: D.probabilityBest(id), width: 14, fmt: FMT.percent })),
      { header: D.evpiColumn, width: 14, fmt: FMT.dkk },
    ];
    headerRow(
      ws,
      cCols.map((c) => c.header),
    );
    for (const p of d.ceac) dataRow(ws, cCols, [p.wtp, ...ids.map((id) => p.probabilityBest[id]), p.evpi]);
  }
}

/**
 * Per arm (group × intervention): each scenario's arms × metric, then the paired
 * differences of the arms a scenario shares with the baseline.
 */
function armsSheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const [lo, hi] = levelText(result.level, X);
  const { T } = X;
  const C = T.col;
  const cols: Column[] = [
    { header: C.scenario, width: 18 },
    { header: C.group, width: 14 },
    { header: C.intervention, width: 14 },
    { header: C.citizens, width: 10, fmt: FMT.count },
    { header: C.basis, width: 11 },
    { header: C.metric, width: 22 },
    { header: C.unit, width: 10 },
    { header: C.mean, width: 16 },
    { header: C.sd, width: 14 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
    { header: C.mcse, width: 14 },
  ];
  const ws = tableSheet(wb, T.sheets.arms, cols);
  for (const sc of result.scenarios) {
    for (const a of sc.arms ?? []) {
      for (const m of METRICS) {
        const s = a.metrics[m];
        if (!s) continue;
        const u = unitOf(m);
        dataRow(
          ws,
          cols,
          [
            sc.id,
            a.group,
            noneOr(a.intervention, X),
            a.count,
            T.basis[a.basis] ?? a.basis,
            m,
            unitText(u, X),
            s.mean,
            s.sd,
            s.lo,
            s.hi,
            s.mcse,
          ],
          formatsAfter(7, UNIT_FMT[u], SPREAD_FMT[u], UNIT_FMT[u], UNIT_FMT[u], SPREAD_FMT[u]),
        );
      }
    }
  }
  ws.addRow([]);
  for (const n of T.arms.notes) ws.addRow([n]);
  if (!result.comparisons.some((c) => c.arms?.length)) return;
  sectionTitle(ws, T.arms.againstBaseline);
  const dCols: Column[] = [
    cols[0],
    { header: C.baseline, width: 14 },
    cols[1],
    cols[2],
    { header: T.arms.citizensScenario, width: 10, fmt: FMT.count },
    { header: T.arms.citizensBaseline, width: 10, fmt: FMT.count },
    cols[5],
    cols[6],
    { header: C.meanDifference, width: 16 },
    cols[8],
    cols[9],
    cols[10],
    { header: C.probBetter, width: 14, fmt: FMT.percent },
    cols[11],
  ];
  headerRow(
    ws,
    dCols.map((c) => c.header),
  );
  const count = (id: string, g: string, iv: string | null) =>
    result.scenarios.find((s) => s.id === id)?.arms.find((a) => a.group === g && a.intervention === iv)?.count ?? null;
  for (const c of result.comparisons) {
    for (const a of c.arms ?? []) {
      for (const m of METRICS) {
        const d = a.metrics[m];
        if (!d) continue;
        const u = unitOf(m);
        dataRow(
          ws,
          dCols,
          [
            c.scenario,
            c.baseline,
            a.group,
            noneOr(a.intervention, X),
            count(c.scenario, a.group, a.intervention),
            count(c.baseline, a.group, a.intervention),
            m,
            unitText(u, X),
            d.mean,
            d.sd,
            d.lo,
            d.hi,
            d.probBetter,
            d.mcse,
          ],
          formatsAfter(8, UNIT_FMT[u], SPREAD_FMT[u], UNIT_FMT[u], UNIT_FMT[u], undefined, SPREAD_FMT[u]),
        );
      }
    }
  }
  ws.addRow([]);
  ws.addRow([T.arms.countsDiffer]);
}

function yearlySheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const lines = result.yearly ?? [];
  const [lo, hi] = levelText(result.level, X);
  const { T } = X;
  const C = T.col;
  const payer = (p: string) => T.payers[p] ?? p;
  const item = (i: string) => T.yearly.items[i] ?? i;
  // The whole horizon's row is "total" in the year column.
  const year = (y: number | string) => (y === 'total' ? T.yearly.wholeHorizon : y);
  const cols: Column[] = [
    { header: C.scenario, width: 18 },
    { header: C.year, width: 10 },
    { header: C.payer, width: 14 },
    { header: C.item, width: 22 },
    { header: C.unit, width: 10 },
    { header: C.mean, width: 16 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
  ];
  const ws = tableSheet(wb, T.sheets.yearly, cols);
  for (const l of lines) {
    const u = unitOf(l.item);
    dataRow(
      ws,
      cols,
      [l.scenario, year(l.year), payer(l.payer), item(l.item), unitText(u, X), l.mean, l.lo, l.hi],
      formatsAfter(5, UNIT_FMT[u], UNIT_FMT[u], UNIT_FMT[u]),
    );
  }
  const diffs = result.yearlyComparisons ?? [];
  if (!diffs.length) return;
  sectionTitle(ws, T.yearly.againstBaseline);
  const dCols: Column[] = [
    ...cols.slice(0, 5),
    { header: C.meanDifference, width: 16 },
    cols[6],
    cols[7],
    { header: C.baseline, width: 14 },
    { header: C.probBetter, width: 14, fmt: FMT.percent },
  ];
  headerRow(
    ws,
    dCols.map((c) => c.header),
  );
  for (const d of diffs) {
    const u = unitOf(d.item);
    dataRow(
      ws,
      dCols,
      [
        d.scenario,
        year(d.year),
        payer(d.payer),
        item(d.item),
        unitText(u, X),
        d.mean,
        d.lo,
        d.hi,
        d.baseline,
        d.probBetter,
      ],
      formatsAfter(5, UNIT_FMT[u], UNIT_FMT[u], UNIT_FMT[u]),
    );
  }
}

/**
 * Every account line's total and each payer's net money per scenario (a payer's net money
 * has the account column empty), then the paired differences from the baseline.
 */
function accountsSheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const [lo, hi] = levelText(result.level, X);
  const { T, W } = X;
  const C = T.col;
  const cols: Column[] = [
    { header: C.scenario, width: 18 },
    { header: C.account, width: 24 },
    { header: C.payer, width: 14 },
    { header: C.unit, width: 10 },
    { header: C.mean, width: 16 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
  ];
  const unit = (u: string) => (X.lang === 'da' && u === 'DKK' ? 'kr.' : u);
  const fmt = (u: string) => (u === 'DKK' || u === 'GBP' || u === 'EUR' ? FMT.dkk : FMT.months);
  const ws = tableSheet(wb, T.sheets.accounts, cols);
  for (const s of result.scenarios) {
    for (const a of s.accounts ?? [])
      dataRow(
        ws,
        cols,
        [s.id, W.account(a.account), a.payer === null ? '' : W.payer(a.payer), unit(a.unit), a.mean, a.lo, a.hi],
        formatsAfter(4, fmt(a.unit), fmt(a.unit), fmt(a.unit)),
      );
    for (const p of s.payers ?? [])
      dataRow(
        ws,
        cols,
        [s.id, '', W.payer(p.payer), unit(p.unit), p.mean, p.lo, p.hi],
        formatsAfter(4, fmt(p.unit), fmt(p.unit), fmt(p.unit)),
      );
  }
  const comps = result.comparisons.filter((c) => c.accounts && c.payers);
  if (!comps.length) return;
  sectionTitle(ws, T.yearly.againstBaseline);
  const dCols: Column[] = [
    ...cols.slice(0, 4),
    { header: C.meanDifference, width: 16 },
    cols[5],
    cols[6],
    { header: C.baseline, width: 14 },
    { header: C.probBetter, width: 14, fmt: FMT.percent },
  ];
  headerRow(
    ws,
    dCols.map((c) => c.header),
  );
  for (const c of comps) {
    const rows = [
      ...c.accounts!.map((a) => ({ ...a, name: W.account(a.account) })),
      ...c.payers!.map((p) => ({ ...p, name: '' })),
    ];
    for (const d of rows)
      dataRow(
        ws,
        dCols,
        [
          c.scenario,
          d.name,
          d.payer === null ? '' : W.payer(d.payer),
          unit(d.unit),
          d.mean,
          d.lo,
          d.hi,
          c.baseline,
          d.probBetter,
        ],
        formatsAfter(4, fmt(d.unit), fmt(d.unit), fmt(d.unit)),
      );
  }
}

function queueSheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const [lo, hi] = levelText(result.level, X);
  const cols: Column[] = [
    { header: X.T.col.scenario, width: 18 },
    { header: X.T.col.month, width: 8, fmt: FMT.count },
    { header: X.T.queue.waiting, width: 14, fmt: '#,##0.0' },
    { header: lo, width: 12, fmt: '#,##0.0' },
    { header: hi, width: 12, fmt: '#,##0.0' },
  ];
  const ws = tableSheet(wb, X.T.sheets.queue, cols);
  for (const q of result.queue ?? []) dataRow(ws, cols, [q.scenario, q.month, q.mean, q.lo, q.hi]);
}

function steeringSheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const [lo, hi] = levelText(result.level, X);
  const { T } = X;
  const cols: Column[] = [
    { header: T.col.scenario, width: 18 },
    { header: T.col.intervention, width: 14 },
    { header: T.col.month, width: 8, fmt: FMT.count },
    { header: T.col.date, width: 10 },
    { header: T.steering.share, width: 12, fmt: FMT.percent },
    { header: lo, width: 12, fmt: FMT.percent },
    { header: hi, width: 12, fmt: FMT.percent },
  ];
  const ws = tableSheet(wb, T.sheets.steering, cols);
  const trs = result.steering ?? [];
  for (const tr of trs)
    tr.months.forEach((m, k) => {
      dataRow(ws, cols, [tr.scenario, tr.intervention, m, tr.dates?.[k] ?? '', tr.mean[k], tr.lo[k], tr.hi[k]]);
    });
  for (const tr of trs) {
    sectionTitle(ws, T.steering.perReplicate(tr.scenario));
    const rCols: Column[] = [
      { header: T.col.replicate, width: 10, fmt: FMT.count },
      ...tr.months.map((m, k) => ({
        header: tr.dates?.[k] ?? T.steering.month(String(m)),
        width: 9,
        fmt: FMT.percent,
      })),
    ];
    headerRow(
      ws,
      rCols.map((c) => c.header),
    );
    const first = result.replicateRange?.[0] ?? 0;
    tr.replicates.forEach((row, r) => {
      dataRow(ws, rCols, [first + r, ...row]);
    });
  }
}

function paybackSheet(wb: Workbook, result: SimulationResult, X: Ctx): void {
  const [lo, hi] = levelText(result.level, X);
  const { T } = X;
  const P = T.payback;
  const cols: Column[] = [
    { header: T.col.scenario, width: 18 },
    { header: T.col.baseline, width: 14 },
    { header: P.payback, width: 34 },
    { header: P.status, width: 12 },
    { header: P.meanCurveMonth, width: 14, fmt: FMT.count },
    { header: P.median, width: 14, fmt: FMT.count },
    { header: P.monthLo(lo), width: 14, fmt: FMT.count },
    { header: P.monthHi(hi), width: 14, fmt: FMT.count },
    { header: P.probWithin, width: 18, fmt: FMT.percent },
    { header: P.probNoOutlay, width: 14, fmt: FMT.percent },
    { header: P.medianDate, width: 14 },
    { header: P.net, width: 24, fmt: FMT.dkk },
  ];
  const ws = tableSheet(wb, T.sheets.payback, cols);
  // Payback months count a replicate without outlay as 0; they are empty unless the mean
  // curve pays back, and an interval end is empty when it falls on "never within the horizon".
  for (const p of result.payback ?? []) {
    dataRow(ws, cols, [
      p.scenario,
      p.baseline,
      paybackPhrase(p, X.lang),
      P.statuses[p.status] ?? p.status,
      p.meanCurveMonth,
      p.medianMonth,
      p.lo,
      p.hi,
      p.probWithinHorizon,
      p.probNoOutlay,
      p.medianDate,
      p.netResult,
    ]);
  }
}

/**
 * The result and its model as an .xlsx workbook: sheets "Assumptions" (model, states,
 * transitions, groups, interventions with cost, staffing and effects, scenarios with
 * allocations, uncertain parameters), "Scenarios" (each scenario × metric with mean, sd,
 * interval and Monte Carlo error; per group below the totals), "Comparisons" (paired
 * differences against the baseline with the probability of being better), "Decision" (each
 * scenario's cost per extra success by quadrant, the EVPI, the EVPPI and the CEAC grid), "Arms" (the same per group × intervention, and the arms' paired
 * differences, when some scenario has arm rows), and "Yearly budget", "Payback", "Queue" (citizens waiting per
 * month) and "Steering" (the steered share per review, as a summary and per replicate)
 * when the run has them. Pass the
 * model the result was simulated from (uncertain numbers may be distributions or
 * references; they are shown as text).
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { simulate, presets, resultToWorkbook } from 'forlob/node';
 * const model = presets['randers-2025'].model;
 * const result = await simulate(model, { replicates: 1000 });
 * writeFileSync('randers.xlsx', await resultToWorkbook(result, model));
 * ```
 */
export async function resultToWorkbook(
  result: SimulationResult,
  model: ModelInput,
  options: WorkbookOptions = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? 'en';
  const X: Ctx = { lang, T: WORKBOOK_WORDS[lang], W: modelWords(model, lang) };
  // Loaded on first use: exceljs is large and only this export needs it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  // Reproducible bytes: core.xml's dates and every zip entry's time are the model's start (or 1980-01-01), not now.
  const fixed = outputDate(model.start);
  wb.created = wb.modified = fixed;
  wb.creator = 'forlob';
  wb.title = `${result.model}: forlob results`;
  assumptionsSheet(wb, result, model, X);
  scenariosSheet(wb, result, X);
  comparisonsSheet(wb, result, X);
  if (result.comparisons.length) decisionSheet(wb, result, X);
  if (result.scenarios.some((s) => s.arms?.length)) armsSheet(wb, result, X);
  if (result.yearly?.length) yearlySheet(wb, result, X);
  if (result.scenarios.some((s) => s.accounts?.length)) accountsSheet(wb, result, X);
  if (result.payback?.length) paybackSheet(wb, result, X);
  if (result.queue?.length) queueSheet(wb, result, X);
  if (result.steering?.length) steeringSheet(wb, result, X);
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipDates(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer), fixed);
}
