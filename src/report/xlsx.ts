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
import { icerParts, LABELS, paybackPhrase } from '../format/i18n.js';
import { modelWords } from '../format/model-words.js';
import { fixZipDates, outputDate } from './zip-dates.js';

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

const UNIT_TEXT: Record<Unit, string> = { DKK: 'DKK', share: '%', months: 'months', number: '' };
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

/** Compact text of a number: up to 4 significant digits. */
function short(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/**
 * A distribution as text, numbers to 4 significant digits; a lognormal also shows its median.
 *
 * @example
 * ```ts
 * distributionText({ dist: 'beta', alpha: 20, beta: 80 }); // "beta(α = 20, β = 80)"
 * distributionText({ dist: 'lognormal', mu: 0.3572, sigma: 0.1288 }); // "lognormal(μ = 0.3572, σ = 0.1288; median 1.429)"
 * ```
 */
export function distributionText(d: Distribution): string {
  switch (d.dist) {
    case 'beta':
      return `beta(α = ${short(d.alpha)}, β = ${short(d.beta)})`;
    case 'gamma':
      return `gamma(shape = ${short(d.shape)}, scale = ${short(d.scale)})`;
    case 'lognormal':
      return `lognormal(μ = ${short(d.mu)}, σ = ${short(d.sigma)}; median ${short(Math.exp(d.mu))})`;
    case 'normal':
      return `normal(mean = ${short(d.mean)}, sd = ${short(d.sd)})`;
    case 'uniform':
      return `uniform(${short(d.min)} to ${short(d.max)})`;
    case 'triangular':
      return `triangular(${short(d.min)}, mode ${short(d.mode)}, ${short(d.max)})`;
  }
}

/** A model value: a number stays a number; a distribution or a reference becomes text. */
function modelValue(x: unknown): Cell {
  if (x === undefined || x === null) return null;
  if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.param === 'string') return `parameter ${o.param}`;
    if (typeof o.evidence === 'string') return `evidence ${o.evidence}`;
    if (typeof o.dist === 'string') return distributionText(o as unknown as Distribution);
  }
  return JSON.stringify(x);
}

/** A share as a percentage in running text (a distribution or reference as its text). */
function percentText(x: unknown): string {
  return typeof x === 'number' ? short(100 * x) : valueText(x);
}

/** A value in running text the way a template literal writes a number. */
function valueString(x: unknown): string {
  return typeof x === 'number' || x === undefined ? String(x) : valueText(x);
}

/** A model value inside running text. */
function valueText(x: unknown): string {
  const v = modelValue(x);
  return typeof v === 'number' ? short(v) : String(v ?? '');
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

function levelText(level: number): [string, string] {
  const pct = (x: number) => `${short(100 * x)} %`;
  return [`lo (${pct((1 - level) / 2)})`, `hi (${pct((1 + level) / 2)})`];
}

function assumptionsSheet(wb: Workbook, result: SimulationResult, input: ModelInput): void {
  const model = normaliseInput(input);
  const words = modelWords(input, 'en');
  const ws = wb.addWorksheet('Assumptions', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { width: 24 },
    { width: 30 },
    { width: 18 },
    { width: 18 },
    { width: 18 },
    { width: 60 },
    { width: 40 },
  ];
  const title = ws.addRow([`${model.name}: assumptions and run`]);
  title.font = { bold: true, size: 14 };
  const wide: Column[] = [
    { header: '', width: 24 },
    { header: '', width: 30, wrap: true },
  ];
  const [lo, hi] = levelText(result.level);

  sectionTitle(ws, 'Model and run');
  const run: [string, Cell, string?][] = [
    ['model', model.name],
    ['description', model.description ?? ''],
    ['horizon, months', modelValue(model.horizonMonths), FMT.count],
    ['replicates', result.replicates, FMT.count],
    ['seed', result.seed],
    ['interval level', result.level, FMT.percent],
    ['baseline scenario', result.baseline],
  ];
  for (const [k, v, fmt] of run) dataRow(ws, wide, [k, v], [undefined, fmt]);

  sectionTitle(ws, 'States');
  const stateCols: Column[] = [
    { header: 'state', width: 24 },
    { header: 'label', width: 30, wrap: true },
    { header: 'kind', width: 18 },
    { header: 'monthly transfer, DKK', width: 18, fmt: FMT.dkk },
    { header: 'paid hours', width: 18 },
    { header: 'reimbursed (refusion)', width: 18 },
  ];
  headerRow(
    ws,
    stateCols.map((c) => c.header),
  );
  for (const s of model.states) {
    dataRow(ws, stateCols, [
      s.id,
      s.label ?? '',
      s.kind,
      modelValue(s.monthlyTransfer),
      s.paidHours ? 'yes' : '',
      (s.reimbursed ?? s.kind === 'benefit') ? 'yes' : 'no',
    ]);
  }

  sectionTitle(ws, 'Monthly transitions (baseline)');
  const transCols: Column[] = [
    { header: 'from', width: 24 },
    { header: 'to', width: 30 },
    { header: 'monthly probability', width: 18, fmt: FMT.probability },
    { header: '', width: 18 },
    { header: '', width: 18 },
    { header: 'note', width: 60, wrap: true },
  ];
  headerRow(
    ws,
    transCols.map((c) => c.header),
  );
  for (const [from, row] of Object.entries(model.transitions)) {
    for (const [to, p] of Object.entries(row)) dataRow(ws, transCols, [from, to, modelValue(p)]);
  }
  for (const [from, c] of Object.entries(model.calibration)) {
    const shares = Object.entries(c.completedShares)
      .map(([k, p]) => `${k} ${percentText(p)} %`)
      .join(', ');
    const length =
      c.meanMonths !== undefined
        ? `mean course ${valueText(c.meanMonths)} months`
        : c.completion
          ? `${percentText(c.completion.share)} % ended within ${valueString(c.completion.withinMonths)} months`
          : '';
    const paid = c.paidHours
      ? `; ever in paid hours (${c.paidHours.state}) ${percentText(c.paidHours.everShare)} %`
      : '';
    dataRow(ws, transCols, [
      from,
      '(calibrated)',
      null,
      null,
      null,
      `completed courses: ${shares}${c.otherExit ? `, rest → ${c.otherExit}` : ''}; ${length}${paid}`,
    ]);
  }

  sectionTitle(ws, 'Groups');
  const groupCols: Column[] = [
    { header: 'group', width: 24 },
    { header: 'label', width: 30, wrap: true },
    { header: 'citizens', width: 18, fmt: FMT.count },
    { header: 'initial state', width: 18 },
    { header: 'months on support before start', width: 18, fmt: FMT.count },
  ];
  headerRow(
    ws,
    groupCols.map((c) => c.header),
  );
  for (const g of model.groups)
    dataRow(ws, groupCols, [g.id, g.label ?? '', modelValue(g.size), g.initialState, modelValue(g.priorBenefitMonths)]);

  if (model.interventions?.length) {
    sectionTitle(ws, 'Interventions');
    const ivCols: Column[] = [
      { header: 'intervention', width: 24 },
      { header: 'label', width: 30, wrap: true },
      { header: 'monthly cost, DKK', width: 18, fmt: FMT.dkk },
      { header: 'staffing', width: 18, wrap: true },
      { header: 'total monthly cost per citizen on benefit, DKK', width: 18, fmt: FMT.dkk },
      { header: 'transitions and effects', width: 60, wrap: true },
      { header: 'source', width: 40, wrap: true },
      { header: 'capacity', width: 30, wrap: true },
    ];
    headerRow(
      ws,
      ivCols.map((c) => c.header),
    );
    for (const iv of model.interventions) {
      const st = iv.staffing;
      const staffing = st
        ? `${valueText(st.annualCostPerCaseworker)} DKK per caseworker-year, caseload ${valueText(st.caseload)}${st.conversationsPerYear ? `, ${valueText(st.conversationsPerYear)} conversations a year at ${valueText(st.costPerConversation)} DKK` : ''}`
        : '';
      const changes = [
        words.rows(iv.transitions as Record<string, Record<string, unknown>> | undefined),
        words.effects(iv.effects as Record<string, Record<string, Record<string, unknown>>> | undefined),
      ]
        .filter(Boolean)
        .join('; ');
      const cap = iv.capacity;
      const capacity = cap
        ? `${cap.places !== undefined ? `${valueText(cap.places)} places` : `${valueText(cap.caseworkers ?? 0)} caseworkers × ${valueText(cap.caseload ?? 0)}`}; when full: ${cap.whenFull} on ${cap.fallback ?? '(none)'}`
        : '';
      dataRow(ws, ivCols, [
        iv.id,
        iv.label ?? '',
        modelValue(iv.monthlyCost),
        staffing,
        totalMonthlyCost(iv.monthlyCost, st as unknown as Record<string, unknown> | undefined),
        changes,
        iv.source ?? '',
        capacity,
      ]);
    }
  }

  sectionTitle(ws, 'Scenarios and allocations');
  const scCols: Column[] = [
    { header: 'scenario', width: 24 },
    { header: 'label', width: 30, wrap: true },
    { header: 'group', width: 18 },
    { header: 'intervention', width: 18 },
    { header: 'citizens', width: 18, fmt: FMT.count },
    { header: 'fixed monthly cost, DKK', width: 60, fmt: FMT.dkk },
    { header: 'source', width: 40, wrap: true },
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
        i === 0 ? (s.label ?? '') : '',
        a.group,
        a.intervention ?? '(none)',
        a.count,
        i === 0 ? modelValue(spec?.fixedMonthlyCost ?? 0) : null,
        i === 0 ? (spec?.source ?? '') : '',
      ]);
    });
  }

  if (model.calendar?.length) {
    sectionTitle(ws, 'Reform calendar');
    const cCols: Column[] = [
      { header: 'from', width: 12 },
      { header: 'label', width: 40, wrap: true },
      { header: 'changes', width: 80, wrap: true },
    ];
    headerRow(
      ws,
      cCols.map((c) => c.header),
    );
    for (const step of model.calendar) {
      const { from, label, ...changes } = step;
      dataRow(ws, cCols, [String(from), label ?? '', words.changes(changes)]);
    }
  }

  const steered = model.scenarios.filter((s) => s.steering);
  if (steered.length) {
    sectionTitle(ws, 'Portfolio steering');
    const stCols: Column[] = [
      { header: 'scenario', width: 24 },
      { header: 'intervention', width: 18 },
      { header: 'groups', width: 18 },
      { header: 'review every, months', width: 12, fmt: FMT.count },
      { header: 'largest step', width: 12, fmt: FMT.percent },
      { header: 'share bounds', width: 14 },
      { header: 'budget per review, DKK', width: 16, fmt: FMT.dkk },
      { header: 'rules', width: 60, wrap: true },
    ];
    headerRow(
      ws,
      stCols.map((c) => c.header),
    );
    for (const s of steered) {
      const st = s.steering!;
      const rules = st.rules.map(
        (r) =>
          `${r.signal} ${r.above !== undefined ? `> ${valueString(r.above)}` : `< ${valueString(r.below)}`}: ${typeof r.change === 'number' && r.change > 0 ? '+' : ''}${valueString(r.change)}`,
      );
      if (st.custom) rules.push(`custom rule "${st.custom}"`);
      dataRow(ws, stCols, [
        s.id,
        st.intervention,
        (st.groups ?? []).join(', ') || '(allocated groups)',
        modelValue(st.everyMonths),
        modelValue(st.maxStep),
        `${valueString(st.minShare)}–${valueString(st.maxShare)}`,
        modelValue(st.budget),
        rules.join('; '),
      ]);
    }
  }

  const params = parameterRows(input, result.level);
  if (params.length) {
    sectionTitle(ws, 'Uncertain parameters');
    const pCols: Column[] = [
      { header: 'parameter', width: 24 },
      { header: 'distribution', width: 30, wrap: true },
      { header: 'mean', width: 18, fmt: FMT.number },
      { header: lo, width: 18, fmt: FMT.number },
      { header: hi, width: 18, fmt: FMT.number },
      { header: 'label', width: 60, wrap: true },
      { header: 'source', width: 40, wrap: true },
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
function parameterRows(model: ModelInput, level: number): ParameterRow[] {
  try {
    return planUncertainty(model).parameters.map((p) => {
      const q = (x: number) => (p.dist ? distQuantile(p.dist, x) : p.mean);
      return {
        name: p.name,
        text: p.dist ? distributionText(p.dist) : 'fixed',
        mean: p.mean,
        lo: q((1 - level) / 2),
        hi: q((1 + level) / 2),
        label: p.dist?.label ?? '',
        source: p.dist?.source ?? '',
      };
    });
  } catch (e) {
    if (!(e instanceof ForlobInputError)) throw e;
    return Object.entries(model.parameters ?? {}).map(([name, v]) => ({
      name,
      text: valueText(v),
      mean: null,
      lo: null,
      hi: null,
      label: '',
      source: '',
    }));
  }
}

function scenariosSheet(wb: Workbook, result: SimulationResult): void {
  const [lo, hi] = levelText(result.level);
  const cols: Column[] = [
    { header: 'scenario', width: 18 },
    { header: 'group', width: 14 },
    { header: 'metric', width: 22 },
    { header: 'description', width: 48, wrap: true },
    { header: 'unit', width: 10 },
    { header: 'mean', width: 16 },
    { header: 'sd', width: 14 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
    { header: 'Monte Carlo error of the mean', width: 14 },
  ];
  const ws = tableSheet(wb, 'Scenarios', cols);
  const write = (scenario: string, group: string, metrics: SimulationResult['scenarios'][number]['metrics']) => {
    for (const m of METRICS) {
      const s = metrics[m];
      if (!s) continue;
      const u = unitOf(m);
      dataRow(
        ws,
        cols,
        [scenario, group, m, METRIC_LABELS[m], UNIT_TEXT[u], s.mean, s.sd, s.lo, s.hi, s.mcse],
        formatsAfter(5, UNIT_FMT[u], SPREAD_FMT[u], UNIT_FMT[u], UNIT_FMT[u], SPREAD_FMT[u]),
      );
    }
  };
  // The whole population first, then each group below it.
  for (const sc of result.scenarios) write(sc.id, 'total', sc.metrics);
  for (const sc of result.scenarios) for (const g of sc.groups) write(sc.id, g.id, g.metrics);
}

function comparisonsSheet(wb: Workbook, result: SimulationResult): void {
  const [lo, hi] = levelText(result.level);
  const cols: Column[] = [
    { header: 'scenario', width: 18 },
    { header: 'baseline', width: 14 },
    { header: 'group', width: 12 },
    { header: 'metric', width: 22 },
    { header: 'unit', width: 10 },
    { header: 'mean difference', width: 16 },
    { header: 'sd', width: 14 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
    { header: 'probability better', width: 14, fmt: FMT.percent },
    { header: 'Monte Carlo error of the mean', width: 14 },
  ];
  const ws = tableSheet(wb, 'Comparisons', cols);
  for (const c of result.comparisons) {
    const rows = [{ id: 'total', metrics: c.metrics }, ...c.groups];
    for (const g of rows) {
      for (const m of METRICS) {
        const d = g.metrics[m];
        if (!d) continue;
        const u = unitOf(m);
        // Differences of shares are percentage points: the percent format shows them as such.
        dataRow(
          ws,
          cols,
          [c.scenario, c.baseline, g.id, m, UNIT_TEXT[u], d.mean, d.sd, d.lo, d.hi, d.probBetter, d.mcse],
          formatsAfter(5, UNIT_FMT[u], SPREAD_FMT[u], UNIT_FMT[u], UNIT_FMT[u], undefined, SPREAD_FMT[u]),
        );
      }
    }
  }
  if (!result.comparisons.length) return;
  sectionTitle(
    ws,
    'Cost per extra success (ICER), the acceptability curve and the value of information: see the Decision sheet',
  );
}

/**
 * The "Decision" sheet: each comparison's ICER by quadrant (with the quadrant shares over
 * parameter draws, the interval — empty and "undefined — see the CEAC" when the expected
 * effect changes sign — and the Monte Carlo errors), the decision at the run's willingness
 * to pay (EVPI, probability of the highest expected net benefit, probability best per
 * metric), the EVPPI per parameter and group, and the CEAC grid with the EVPI curve.
 */
function decisionSheet(wb: Workbook, result: SimulationResult): void {
  const [lo, hi] = levelText(result.level);
  const d = result.decision;
  const ids = result.scenarios.map((s) => s.id);
  const cols: Column[] = [
    { header: 'scenario', width: 18 },
    { header: 'baseline', width: 14 },
    { header: 'reading', width: 16 },
    { header: 'in words', width: 60, wrap: true },
    {
      header:
        'quadrant of the mean (NE: more successes, higher cost; SW: fewer, lower; SE: more, lower; NW: fewer, higher)',
      width: 14,
    },
    {
      header: 'ICER, DKK per extra success (ratio of means; a cost or saving per success only as the reading says)',
      width: 16,
      fmt: FMT.dkk,
    },
    { header: `ICER ${lo} over parameter draws`, width: 14, fmt: FMT.dkk },
    { header: `ICER ${hi} over parameter draws`, width: 14, fmt: FMT.dkk },
    { header: 'interval', width: 22, wrap: true },
    { header: 'Monte Carlo error of the ICER, DKK', width: 14, fmt: FMT.dkk },
    { header: 'extra municipal cost, DKK', width: 16, fmt: FMT.dkk },
    { header: 'Monte Carlo error of the extra cost, DKK', width: 14, fmt: FMT.dkk },
    { header: 'extra successes, citizens', width: 12, fmt: '#,##0.0' },
    { header: 'Monte Carlo error of the extra successes', width: 12, fmt: '#,##0.0' },
    { header: 'share of parameter draws NE', width: 10, fmt: FMT.percent },
    { header: 'share NW', width: 10, fmt: FMT.percent },
    { header: 'share SE', width: 10, fmt: FMT.percent },
    { header: 'share SW', width: 10, fmt: FMT.percent },
    { header: 'dominant (SE, clearly)', width: 10 },
    { header: 'dominated (NW, clearly)', width: 10 },
    { header: 'replicates', width: 10, fmt: FMT.count },
  ];
  const ws = tableSheet(wb, 'Decision', cols);
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
    const interval =
      i.lo === null || i.hi === null
        ? 'undefined — see the CEAC'
        : i.lo === i.hi
          ? 'no uncertain parameter moves it'
          : null;
    const q = i.quadrantShares;
    dataRow(ws, cols, [
      c.scenario,
      c.baseline,
      icerReading(i),
      LABELS.en.decision.icer(icerParts(i, c.scenario, c.baseline, result.level, 'en')),
      i.quadrant,
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
      i.dominant ? 'yes' : 'no',
      i.dominated ? 'yes' : 'no',
      i.replicates,
    ]);
  }
  const wide: Column[] = [
    { header: '', width: 18 },
    { header: '', width: 14 },
  ];
  sectionTitle(
    ws,
    `Decision at ${d.willingnessToPay.toLocaleString('en')} DKK per extra success (net benefit = successes × willingness to pay − municipal net cost)`,
  );
  const about: [string, Cell, string?][] = [
    ['willingness to pay per extra success, DKK', d.willingnessToPay, FMT.dkk],
    ['expected value of perfect information (EVPI), DKK', d.evpi, FMT.dkk],
    ['expected outcomes given the parameters', d.method === 'none' ? 'none: no uncertain parameter' : (d.method ?? '')],
    ['parameter draws', d.parameterDraws ?? null, FMT.count],
    ...ids.map((id): [string, Cell, string] => [
      `probability of the highest expected net benefit: ${id}`,
      d.probabilityBestNetBenefit[id],
      FMT.percent,
    ]),
  ];
  for (const [k, v, fmt] of about) dataRow(ws, wide, [k, v], [undefined, fmt]);

  sectionTitle(ws, 'Probability over parameter draws of the best expected outcome, per metric');
  const pCols: Column[] = [
    { header: 'metric', width: 18 },
    ...ids.map((id) => ({ header: id, width: 14, fmt: FMT.percent })),
  ];
  headerRow(
    ws,
    pCols.map((c) => c.header),
  );
  for (const [metric, byScenario] of Object.entries(d.probabilityBest))
    dataRow(ws, pCols, [metric, ...ids.map((id) => byScenario[id])]);

  if (d.evppi?.length) {
    sectionTitle(
      ws,
      `Expected value of partial perfect information (EVPPI) at ${d.willingnessToPay.toLocaleString('en')} DKK per extra success: what knowing exactly these parameters before choosing is worth`,
    );
    const eCols: Column[] = [
      { header: 'parameter(s)', width: 18 },
      { header: 'EVPPI, DKK', width: 14, fmt: FMT.dkk },
      { header: 'standard error, DKK', width: 16, fmt: FMT.dkk },
      { header: 'share of the EVPI', width: 14, fmt: FMT.percent },
    ];
    headerRow(
      ws,
      eCols.map((c) => c.header),
    );
    for (const e of d.evppi)
      dataRow(ws, eCols, [e.parameters.join(' + '), e.value, e.se, d.evpi > 0 ? e.value / d.evpi : null]);
  }

  if (d.ceac?.length) {
    sectionTitle(
      ws,
      'Cost-effectiveness acceptability curve (CEAC): probability over parameter draws of the highest expected net benefit, and the EVPI, per willingness to pay',
    );
    const cCols: Column[] = [
      { header: 'willingness to pay per extra success, DKK', width: 18, fmt: FMT.dkk },
      ...ids.map((id) => ({ header: `probability best: ${id}`, width: 14, fmt: FMT.percent })),
      { header: 'EVPI, DKK', width: 14, fmt: FMT.dkk },
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
function armsSheet(wb: Workbook, result: SimulationResult): void {
  const [lo, hi] = levelText(result.level);
  const cols: Column[] = [
    { header: 'scenario', width: 18 },
    { header: 'group', width: 14 },
    { header: 'intervention', width: 14 },
    { header: 'citizens', width: 10, fmt: FMT.count },
    { header: 'basis', width: 11 },
    { header: 'metric', width: 22 },
    { header: 'unit', width: 10 },
    { header: 'mean', width: 16 },
    { header: 'sd', width: 14 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
    { header: 'Monte Carlo error of the mean', width: 14 },
  ];
  const ws = tableSheet(wb, 'Arms', cols);
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
            a.intervention ?? '(none)',
            a.count,
            a.basis,
            m,
            UNIT_TEXT[u],
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
  const notes = [
    'basis "allocated": the row is exactly the citizens allocated to the arm, over their whole course. Money is the arm\'s total; the scenario\'s fixed monthly cost belongs to no arm.',
    'basis "capacity": the scenario allocates an intervention with a capacity; months and money of citizens waiting for a place (or sent to the fallback when it is full) are booked in the fallback arm.',
    'A steered scenario has no arm rows: steering moves citizens between arms during the run.',
  ];
  ws.addRow([]);
  for (const n of notes) ws.addRow([n]);
  if (!result.comparisons.some((c) => c.arms?.length)) return;
  sectionTitle(ws, 'Against the baseline (paired differences, arms in both scenarios)');
  const dCols: Column[] = [
    cols[0],
    { header: 'baseline', width: 14 },
    cols[1],
    cols[2],
    { header: 'citizens (scenario)', width: 10, fmt: FMT.count },
    { header: 'citizens (baseline)', width: 10, fmt: FMT.count },
    cols[5],
    cols[6],
    { header: 'mean difference', width: 16 },
    cols[8],
    cols[9],
    cols[10],
    { header: 'probability better', width: 14, fmt: FMT.percent },
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
            a.intervention ?? '(none)',
            count(c.scenario, a.group, a.intervention),
            count(c.baseline, a.group, a.intervention),
            m,
            UNIT_TEXT[u],
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
  ws.addRow([
    'When the citizen counts differ, the arm holds partly different citizens in the two scenarios (citizens are handed out in order within a group), and its difference mixes who is in the arm with what the arm does.',
  ]);
}

function yearlySheet(wb: Workbook, result: SimulationResult): void {
  const lines = result.yearly ?? [];
  const [lo, hi] = levelText(result.level);
  const cols: Column[] = [
    { header: 'scenario', width: 18 },
    { header: 'year', width: 10 },
    { header: 'payer', width: 14 },
    { header: 'item', width: 22 },
    { header: 'unit', width: 10 },
    { header: 'mean', width: 16 },
    { header: lo, width: 16 },
    { header: hi, width: 16 },
  ];
  const ws = tableSheet(wb, 'Yearly budget', cols);
  for (const l of lines) {
    const u = unitOf(l.item);
    dataRow(
      ws,
      cols,
      [l.scenario, l.year, l.payer, l.item, UNIT_TEXT[u], l.mean, l.lo, l.hi],
      formatsAfter(5, UNIT_FMT[u], UNIT_FMT[u], UNIT_FMT[u]),
    );
  }
  const diffs = result.yearlyComparisons ?? [];
  if (!diffs.length) return;
  sectionTitle(ws, 'Against the baseline (paired differences)');
  const dCols: Column[] = [
    ...cols.slice(0, 5),
    { header: 'mean difference', width: 16 },
    cols[6],
    cols[7],
    { header: 'baseline', width: 14 },
    { header: 'probability better', width: 14, fmt: FMT.percent },
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
      [d.scenario, d.year, d.payer, d.item, UNIT_TEXT[u], d.mean, d.lo, d.hi, d.baseline, d.probBetter],
      formatsAfter(5, UNIT_FMT[u], UNIT_FMT[u], UNIT_FMT[u]),
    );
  }
}

function queueSheet(wb: Workbook, result: SimulationResult): void {
  const [lo, hi] = levelText(result.level);
  const cols: Column[] = [
    { header: 'scenario', width: 18 },
    { header: 'month', width: 8, fmt: FMT.count },
    { header: 'citizens waiting (mean)', width: 14, fmt: '#,##0.0' },
    { header: lo, width: 12, fmt: '#,##0.0' },
    { header: hi, width: 12, fmt: '#,##0.0' },
  ];
  const ws = tableSheet(wb, 'Queue', cols);
  for (const q of result.queue ?? []) dataRow(ws, cols, [q.scenario, q.month, q.mean, q.lo, q.hi]);
}

function steeringSheet(wb: Workbook, result: SimulationResult): void {
  const [lo, hi] = levelText(result.level);
  const cols: Column[] = [
    { header: 'scenario', width: 18 },
    { header: 'intervention', width: 14 },
    { header: 'month', width: 8, fmt: FMT.count },
    { header: 'date', width: 10 },
    { header: 'share (mean)', width: 12, fmt: FMT.percent },
    { header: lo, width: 12, fmt: FMT.percent },
    { header: hi, width: 12, fmt: FMT.percent },
  ];
  const ws = tableSheet(wb, 'Steering', cols);
  const trs = result.steering ?? [];
  for (const tr of trs)
    tr.months.forEach((m, k) => {
      dataRow(ws, cols, [tr.scenario, tr.intervention, m, tr.dates?.[k] ?? '', tr.mean[k], tr.lo[k], tr.hi[k]]);
    });
  for (const tr of trs) {
    sectionTitle(ws, `${tr.scenario}: share per replicate (rows) after each review (columns)`);
    const rCols: Column[] = [
      { header: 'replicate', width: 10, fmt: FMT.count },
      ...tr.months.map((m, k) => ({ header: tr.dates?.[k] ?? `month ${m}`, width: 9, fmt: FMT.percent })),
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

function paybackSheet(wb: Workbook, result: SimulationResult): void {
  const [lo, hi] = levelText(result.level);
  const cols: Column[] = [
    { header: 'scenario', width: 18 },
    { header: 'baseline', width: 14 },
    { header: 'payback', width: 34 },
    { header: 'status (mean curve)', width: 12 },
    { header: 'payback month of the mean curve', width: 14, fmt: FMT.count },
    { header: 'payback month (median)', width: 14, fmt: FMT.count },
    { header: `payback month ${lo}`, width: 14, fmt: FMT.count },
    { header: `payback month ${hi}`, width: 14, fmt: FMT.count },
    {
      header: 'probability of being cumulatively no dearer than the baseline by the horizon (paid back or no outlay)',
      width: 18,
      fmt: FMT.percent,
    },
    { header: 'probability of no outlay', width: 14, fmt: FMT.percent },
    { header: 'median payback date', width: 14 },
    { header: 'cumulative municipal net result at the horizon, DKK (negative: saves)', width: 24, fmt: FMT.dkk },
  ];
  const ws = tableSheet(wb, 'Payback', cols);
  // Payback months count a replicate without outlay as 0; they are empty unless the mean
  // curve pays back, and an interval end is empty when it falls on "never within the horizon".
  for (const p of result.payback ?? []) {
    dataRow(ws, cols, [
      p.scenario,
      p.baseline,
      paybackPhrase(p),
      p.status,
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
export async function resultToWorkbook(result: SimulationResult, model: ModelInput): Promise<Uint8Array> {
  // Loaded on first use: exceljs is large and only this export needs it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  // Reproducible bytes: core.xml's dates and every zip entry's time are the model's start (or 1980-01-01), not now.
  const fixed = outputDate(model.start);
  wb.created = wb.modified = fixed;
  wb.creator = 'forlob';
  wb.title = `${result.model}: forlob results`;
  assumptionsSheet(wb, result, model);
  scenariosSheet(wb, result);
  comparisonsSheet(wb, result);
  if (result.comparisons.length) decisionSheet(wb, result);
  if (result.scenarios.some((s) => s.arms?.length)) armsSheet(wb, result);
  if (result.yearly?.length) yearlySheet(wb, result);
  if (result.payback?.length) paybackSheet(wb, result);
  if (result.queue?.length) queueSheet(wb, result);
  if (result.steering?.length) steeringSheet(wb, result);
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipDates(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer), fixed);
}
