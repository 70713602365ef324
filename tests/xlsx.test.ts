/**
 * The spreadsheet export: a preset's result written to a workbook, read back with exceljs,
 * holds exactly the result's numbers on the expected sheets, with finance formats and a
 * frozen header row; the yearly and payback sheets appear only when the result has them.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPreset, presets, simulate, type Payback, type SimulationResult } from '../src/index.js';
import type { Distribution } from '../src/statistics.js';
import { paybackPhrase } from '../src/format/i18n.js';
import { reportCommand } from '../src/cli/report.js';
import { runCommand } from '../src/cli/run.js';
import { distributionText, resultToWorkbook } from '../src/report/xlsx.js';
import { withDecision } from './decision-fixture.js';
import { tempDir } from './helpers.js';

const model = presets['randers-2025'].model;
let result: SimulationResult;
let wb: ExcelJS.Workbook;

async function roundTrip(r: SimulationResult): Promise<ExcelJS.Workbook> {
  const file = join(tempDir(), 'result.xlsx');
  writeFileSync(file, await resultToWorkbook(r, model));
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

/** Rows of the first table of a sheet as objects keyed by header (stops at the first empty row). */
function table(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.cellCount === 0) break;
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return out;
}

/** The rows of the table under a section title (title row, header row, rows up to the first empty one), keyed by header. */
function section(ws: ExcelJS.Worksheet, title: string): Record<string, unknown>[] {
  let at = 0;
  ws.eachRow((row, n) => {
    if (!at && String(row.getCell(1).value).startsWith(title)) at = n;
  });
  if (!at) throw new Error(`no section "${title}" on ${ws.name}`);
  const headers = (ws.getRow(at + 1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = at + 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.cellCount === 0) break;
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return out;
}

/** The one row whose key columns hold `key`: fails when no row or several rows do. */
function only(rows: Record<string, unknown>[], key: Record<string, unknown>): Record<string, unknown> {
  const hits = rows.filter((r) => Object.entries(key).every(([k, v]) => r[k] === v));
  expect(hits, JSON.stringify(key)).toHaveLength(1);
  return hits[0];
}

/** A number as the sheet holds it: NaN and null become empty cells. */
const expected = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);

beforeAll(async () => {
  result = await simulate(model, { replicates: 24, seed: 'xlsx' });
  wb = await roundTrip(result);
});

describe('resultToWorkbook', () => {
  it('writes the expected sheets, each with a frozen header row', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 4)).toEqual(['Assumptions', 'Scenarios', 'Comparisons', 'Decision']);
    expect(names.includes('Yearly budget')).toBe(!!result.yearly?.length);
    expect(names.includes('Payback')).toBe(!!result.payback?.length);
    for (const ws of wb.worksheets) expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('holds every scenario × group × metric summary exactly', () => {
    const rows = table(wb.getWorksheet('Scenarios')!);
    const byKey = new Map(rows.map((r) => [`${r.scenario}|${r.group}|${r.metric}`, r]));
    let checked = 0;
    for (const sc of result.scenarios) {
      for (const [group, metrics] of [
        ['total', sc.metrics] as const,
        ...sc.groups.map((g) => [g.id, g.metrics] as const),
      ]) {
        for (const [m, s] of Object.entries(metrics)) {
          const row = byKey.get(`${sc.id}|${group}|${m}`);
          expect(row, `${sc.id}|${group}|${m}`).toBeDefined();
          expect(row!.mean).toBe(expected(s.mean));
          expect(row!.sd).toBe(expected(s.sd));
          expect(row![Object.keys(row!)[7]]).toBe(expected(s.lo));
          expect(row![Object.keys(row!)[8]]).toBe(expected(s.hi));
          expect(row!['Monte Carlo error of the mean']).toBe(expected(s.mcse));
          checked++;
        }
      }
    }
    expect(rows.length).toBe(checked);
    // Totals come first, then the groups.
    expect(rows[0].group).toBe('total');
    expect(rows[rows.length - 1].group).not.toBe('total');
  });

  it('formats money with thousands separators, shares as percentages', () => {
    const ws = wb.getWorksheet('Scenarios')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const meanCol = headers.indexOf('mean') + 1;
    const formatOf = (metric: string) => {
      for (let r = 2; r <= ws.rowCount; r++)
        if (ws.getRow(r).getCell(3).value === metric) return ws.getRow(r).getCell(meanCol).numFmt;
      return undefined;
    };
    expect(formatOf('transferCost')).toBe('#,##0');
    expect(formatOf('municipalCost')).toBe('#,##0');
    expect(formatOf('successRate')).toBe('0.0%');
    expect(formatOf('benefitMonths')).toBe('0.00');
    expect(headers).toContain('lo (2.5 %)');
    expect(ws.getColumn(4).width).toBeGreaterThan(20);
  });

  it('holds every paired comparison exactly, and points to the Decision sheet for the ICER', () => {
    const ws = wb.getWorksheet('Comparisons')!;
    const rows = table(ws);
    const byKey = new Map(rows.map((r) => [`${r.scenario}|${r.group}|${r.metric}`, r]));
    let checked = 0;
    for (const c of result.comparisons) {
      for (const g of [{ id: 'total', metrics: c.metrics }, ...c.groups]) {
        for (const [m, d] of Object.entries(g.metrics)) {
          const row = byKey.get(`${c.scenario}|${g.id}|${m}`)!;
          expect(row, `${c.scenario}|${g.id}|${m}`).toBeDefined();
          expect(row.baseline).toBe(result.baseline);
          expect(row['mean difference']).toBe(expected(d.mean));
          expect(row['probability better']).toBe(expected(d.probBetter));
          checked++;
        }
      }
    }
    // One row per key: no row stands twice, none is extra.
    expect(rows.length).toBe(checked);
    expect(
      section(
        ws,
        'Cost per extra success (ICER), the acceptability curve and the value of information: see the Decision sheet',
      ),
    ).toEqual([]);
  });

  it('holds the ICER rows with quadrant, quadrant shares, interval and Monte Carlo errors exactly', () => {
    const ws = wb.getWorksheet('Decision')!;
    const rows = table(ws);
    expect(rows).toHaveLength(result.comparisons.length);
    result.comparisons.forEach((c, k) => {
      const i = c.icer;
      const row = rows[k];
      expect(row).toMatchObject({
        scenario: c.scenario,
        baseline: c.baseline,
        'ICER, DKK per extra success (ratio of means; a cost or saving per success only as the reading says)': expected(
          i.mean,
        ),
        'Monte Carlo error of the ICER, DKK': expected(i.mcse),
      });
      expect(Object.values(row)[4]).toBe(i.quadrant);
      expect(row['ICER lo (2.5 %) over parameter draws']).toBe(i.lo === null ? null : expected(i.lo));
      expect(row['ICER hi (97.5 %) over parameter draws']).toBe(i.hi === null ? null : expected(i.hi));
      expect(row.interval).toBe(
        i.lo === null ? 'undefined — see the CEAC' : i.lo === i.hi ? 'no uncertain parameter moves it' : null,
      );
      expect(row['extra municipal cost, DKK']).toBe(expected(i.deltaCost));
      expect(row['Monte Carlo error of the extra cost, DKK']).toBe(expected(i.mcseDeltaCost));
      expect(row['extra successes, citizens']).toBe(expected(i.deltaEffect));
      expect(row['Monte Carlo error of the extra successes']).toBe(expected(i.mcseDeltaEffect));
      expect([row['share of parameter draws NE'], row['share NW'], row['share SE'], row['share SW']]).toEqual([
        i.quadrantShares.NE,
        i.quadrantShares.NW,
        i.quadrantShares.SE,
        i.quadrantShares.SW,
      ]);
      expect(row['dominant (SE, clearly)']).toBe(i.dominant ? 'yes' : 'no');
      expect(String(row['in words'])).toContain(`${c.scenario} against ${c.baseline}: `);
    });
    expect(ws.getRow(2).getCell(6).numFmt).toBe('#,##0');
    expect(ws.getRow(2).getCell(15).numFmt).toBe('0.0%');
  });

  it('holds the EVPI, the EVPPI and the CEAC grid exactly', () => {
    const ws = wb.getWorksheet('Decision')!;
    const d = result.decision;
    const ids = result.scenarios.map((s) => s.id);
    const evppi = section(ws, 'Expected value of partial perfect information (EVPPI)');
    expect(evppi.map((r) => [r['parameter(s)'], r['EVPPI, DKK'], r['standard error, DKK']])).toEqual(
      d.evppi.map((e) => [e.parameters.join(' + '), expected(e.value), expected(e.se)]),
    );
    const ceac = section(ws, 'Cost-effectiveness acceptability curve (CEAC)');
    expect(ceac).toHaveLength(d.ceac.length);
    d.ceac.forEach((p, k) => {
      expect(ceac[k]['willingness to pay per extra success, DKK']).toBe(p.wtp);
      for (const id of ids) expect(ceac[k][`probability best: ${id}`]).toBe(expected(p.probabilityBest[id]));
      expect(ceac[k]['EVPI, DKK']).toBe(expected(p.evpi));
    });
    const cells: unknown[][] = [];
    ws.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    expect(cells).toContainEqual(['expected value of perfect information (EVPI), DKK', expected(d.evpi)]);
    for (const id of ids)
      expect(cells).toContainEqual([
        `probability of the highest expected net benefit: ${id}`,
        expected(d.probabilityBestNetBenefit[id]),
      ]);
    const best = section(ws, 'Probability over parameter draws of the best expected outcome');
    expect(best.find((r) => r.metric === 'successRate')).toEqual({
      metric: 'successRate',
      ...Object.fromEntries(ids.map((id) => [id, expected(d.probabilityBest.successRate[id])])),
    });
  });

  it('writes an undefined ICER interval as empty cells and words, and hand-made EVPPI and CEAC rows', async () => {
    const hand = withDecision(result);
    const back = await roundTrip(hand);
    const ws = back.getWorksheet('Decision')!;
    const rows = table(ws);
    expect(rows.map((r) => r.reading)).toEqual(['costs-per-success', 'saves-per-success-forgone', 'costs-per-success']);
    expect(rows[2]).toMatchObject({
      'ICER lo (2.5 %) over parameter draws': null,
      'ICER hi (97.5 %) over parameter draws': null,
      interval: 'undefined — see the CEAC',
    });
    expect(rows[0].interval).toBeNull();
    expect(rows[1]['in words']).toContain('saves 180,000 DKK per success forgone');
    const evppi = section(ws, 'Expected value of partial perfect information (EVPPI)');
    expect(
      evppi.map((r) => [r['parameter(s)'], r['EVPPI, DKK'], r['standard error, DKK'], r['share of the EVPI']]),
    ).toEqual([
      ['basisEffect', 400_000, 100_000, 0.16],
      ['fsm2Effect', 1_500_000, 200_000, 0.6],
      ['fsm2Effect + basisEffect', 2_100_000, 300_000, 0.84],
    ]);
    const ceac = section(ws, 'Cost-effectiveness acceptability curve (CEAC)');
    expect(ceac.map((r) => r['willingness to pay per extra success, DKK'])).toEqual([
      0, 250_000, 500_000, 750_000, 1_000_000,
    ]);
    expect(ceac[0]['probability best: today']).toBeCloseTo(0.9, 12);
    expect(ceac[2]['EVPI, DKK']).toBe(2_500_000);
  });

  it('lists the assumptions: states with transfers, groups with sizes, interventions, allocations, parameters', () => {
    const ws = wb.getWorksheet('Assumptions')!;
    expect(ws.getRow(1).getCell(1).value).toContain(model.name);
    // kh and rf are both a state and a group here: each row is looked up in its own section.
    const states = section(ws, 'States');
    expect(states).toHaveLength(model.states.length);
    for (const s of model.states)
      expect(only(states, { state: s.id })).toEqual({
        state: s.id,
        label: s.label ?? '',
        kind: s.kind,
        'monthly transfer, DKK': s.monthlyTransfer ?? 0,
        'paid hours': s.paidHours ? 'yes' : '',
        'reimbursed (refusion)': (s.reimbursed ?? s.kind === 'benefit') ? 'yes' : 'no',
      });
    const groups = section(ws, 'Groups');
    expect(groups).toHaveLength(model.groups.length);
    for (const g of model.groups)
      expect(only(groups, { group: g.id })).toEqual({
        group: g.id,
        label: g.label ?? '',
        citizens: g.size,
        'initial state': g.initialState,
        'months on support before start': g.priorBenefitMonths ?? 0,
      });
    const interventions = section(ws, 'Interventions');
    expect(interventions).toHaveLength(model.interventions!.length);
    for (const iv of model.interventions!) {
      const row = only(interventions, { intervention: iv.id });
      const st = iv.staffing as { annualCostPerCaseworker: number; caseload: number };
      expect(row.label).toBe(iv.label);
      expect(row.source).toBe(iv.source);
      expect(row['monthly cost, DKK']).toBe(iv.monthlyCost ?? 0);
      expect(row.staffing).toBe(`${st.annualCostPerCaseworker} DKK per caseworker-year, caseload ${st.caseload}`);
      expect(row['total monthly cost per citizen on benefit, DKK']).toBeCloseTo(
        ((iv.monthlyCost as number | undefined) ?? 0) + st.annualCostPerCaseworker / st.caseload / 12,
        9,
      );
    }
    const allocations = section(ws, 'Scenarios and allocations');
    let shown = 0;
    for (const sc of result.scenarios) {
      for (const a of sc.allocation.filter((x) => x.count > 0)) {
        const key = { scenario: sc.id, group: a.group, intervention: a.intervention ?? '(none)' };
        expect(only(allocations, key).citizens).toBe(a.count);
        shown++;
      }
    }
    // Empty allocation cells are left out.
    expect(allocations).toHaveLength(shown);
    // The preset's named parameters appear with their distributions and intervals.
    const parameters = section(ws, 'Uncertain parameters');
    const all = Object.entries(model.parameters ?? {});
    // The effects; the public-finance amounts (triangular) are listed too.
    const named = all.filter(([, d]) => (d as Distribution).dist === 'lognormal');
    expect(named.length).toBeGreaterThan(0);
    expect(parameters).toHaveLength(all.length);
    const z = 1.959963984540054;
    for (const [name, d] of named) {
      const { mu, sigma } = d as { dist: 'lognormal'; mu: number; sigma: number };
      const row = only(parameters, { parameter: name });
      expect(row.distribution).toBe(distributionText(d as Distribution));
      expect(row.distribution).toMatch(/^lognormal\(/);
      expect(row.mean).toBeCloseTo(Math.exp(mu + sigma ** 2 / 2), 12);
      expect(row['lo (2.5 %)']).toBeCloseTo(Math.exp(mu - z * sigma), 9);
      expect(row['hi (97.5 %)']).toBeCloseTo(Math.exp(mu + z * sigma), 9);
      expect(row.source).toBe((d as { source?: string }).source);
    }
  });

  it('holds the simulated yearly budget lines and payback exactly', () => {
    expect(result.yearly?.length).toBeGreaterThan(0);
    const y = table(wb.getWorksheet('Yearly budget')!);
    expect(y.length).toBe(result.yearly!.length);
    result.yearly!.forEach((l, i) => {
      const vals = Object.values(y[i]);
      expect(vals.slice(0, 4)).toEqual([l.scenario, l.year, l.payer, l.item]);
      expect(vals.slice(5, 8)).toEqual([expected(l.mean), expected(l.lo), expected(l.hi)]);
    });
    const p = table(wb.getWorksheet('Payback')!);
    expect(p.map((r) => Object.values(r).slice(0, 10))).toEqual(
      result.payback!.map((x) => [
        x.scenario,
        x.baseline,
        paybackPhrase(x),
        x.status,
        x.meanCurveMonth,
        x.medianMonth,
        x.lo,
        x.hi,
        x.probWithinHorizon,
        x.probNoOutlay,
      ]),
    );
  });

  it('writes the yearly budget and payback exactly when the result has them, and leaves them out otherwise', async () => {
    const yearly = [
      {
        scenario: 'today',
        year: '2026',
        payer: 'municipality' as const,
        item: 'municipalCost' as const,
        mean: 1234567.5,
        sd: 1000,
        lo: 1200000,
        hi: 1270000,
      },
      {
        scenario: 'today',
        year: '2026',
        payer: 'outcome' as const,
        item: 'successRate' as const,
        mean: 0.21,
        sd: 0.01,
        lo: 0.19,
        hi: 0.23,
      },
    ];
    const payback: Payback[] = [
      {
        scenario: 'scenario-2',
        baseline: 'today',
        status: 'pays-back',
        meanCurveMonth: 15,
        medianMonth: 17,
        lo: 9,
        hi: null,
        probWithinHorizon: 0.625,
        probNoOutlay: 0.05,
        medianDate: '2027-05',
        netResult: -250000,
      },
      {
        scenario: 'scenario-1',
        baseline: 'today',
        status: 'never',
        meanCurveMonth: null,
        medianMonth: null,
        lo: null,
        hi: null,
        probWithinHorizon: 0.1,
        probNoOutlay: 0,
        medianDate: null,
        netResult: 42,
      },
      {
        scenario: 'today-steered',
        baseline: 'today',
        status: 'no-outlay',
        meanCurveMonth: null,
        medianMonth: null,
        lo: null,
        hi: null,
        probWithinHorizon: 1,
        probNoOutlay: 0.9,
        medianDate: null,
        netResult: -1e6,
      },
    ];
    const back = await roundTrip({ ...result, yearly, yearlyComparisons: [], payback });
    const y = table(back.getWorksheet('Yearly budget')!);
    expect(y.map((r) => [r.scenario, r.year, r.payer, r.item, r.mean])).toEqual(
      yearly.map((l) => [l.scenario, l.year, l.payer, l.item, l.mean]),
    );
    expect(back.getWorksheet('Yearly budget')!.getRow(2).getCell(6).numFmt).toBe('#,##0');
    expect(back.getWorksheet('Yearly budget')!.getRow(3).getCell(6).numFmt).toBe('0.0%');
    const p = table(back.getWorksheet('Payback')!);
    expect(p.map((r) => Object.values(r).slice(0, 10))).toEqual(
      payback.map((x) => [
        x.scenario,
        x.baseline,
        paybackPhrase(x),
        x.status,
        x.meanCurveMonth,
        x.medianMonth,
        x.lo,
        x.hi,
        x.probWithinHorizon,
        x.probNoOutlay,
      ]),
    );
    expect(p.map((r) => r.payback)).toEqual([
      'month 17 (2027-05), interval 9–never',
      'never within the horizon',
      'saves from the start (no outlay)',
    ]);
    expect(p.map((r) => r['median payback date'])).toEqual(['2027-05', null, null]);
    expect(p[0]['cumulative municipal net result at the horizon, DKK (negative: saves)']).toBe(-250000);

    const without = await roundTrip({
      ...result,
      scenarios: result.scenarios.map((s) => ({ ...s, arms: [], accounts: undefined, payers: undefined })),
      yearly: undefined,
      yearlyComparisons: undefined,
      payback: undefined,
      queue: undefined,
      steering: undefined,
    });
    expect(without.worksheets.map((w) => w.name)).toEqual(['Assumptions', 'Scenarios', 'Comparisons', 'Decision']);
  });

  it('holds the steered shares (summary and per replicate) and the queue exactly', () => {
    const rows = table(wb.getWorksheet('Steering')!);
    const tr = result.steering![0];
    expect(rows).toHaveLength(tr.months.length);
    rows.forEach((r, k) => {
      expect(r).toMatchObject({
        scenario: 'today-steered',
        intervention: 'fsm',
        month: tr.months[k],
        date: tr.dates![k],
      });
      expect(r['share (mean)']).toBe(tr.mean[k]);
    });
    // The per-replicate block follows its section title and header.
    const ws = wb.getWorksheet('Steering')!;
    let at = 0;
    ws.eachRow((row, n) => {
      if (String(row.getCell(1).value).startsWith('today-steered: share per replicate')) at = n;
    });
    expect(at).toBeGreaterThan(0);
    tr.replicates.forEach((shares, r) => {
      const row = ws.getRow(at + 2 + r);
      expect(row.getCell(1).value).toBe(r);
      for (const [k, x] of shares.entries()) expect(row.getCell(k + 2).value).toBe(x);
    });
    expect(wb.getWorksheet('Queue')).toBeDefined();
    expect(table(wb.getWorksheet('Queue')!)).toHaveLength(result.queue!.length);
    // The assumptions name the steering rules and the reform calendar.
    const texts: string[] = [];
    wb.getWorksheet('Assumptions')!.eachRow((row) => texts.push((row.values as unknown[]).map(String).join(' | ')));
    expect(texts.some((t) => t.includes('today-steered | fsm | kh') && t.includes('freeCapacity > 0.05: +0.05'))).toBe(
      true,
    );
    expect(texts.some((t) => t.startsWith(' | 2029-01 | ') && t.includes('baseline: rf → kh 1; rf-ph → kh-ph 1'))).toBe(
      true,
    );

    expect(texts.some((t) => t.includes('17 caseworkers × 35; when full: queue on tvaer'))).toBe(true);
  });

  it('describes distributions compactly', () => {
    expect(distributionText({ dist: 'beta', alpha: 20, beta: 80 })).toBe('beta(α = 20, β = 80)');
    expect(distributionText({ dist: 'lognormal', mu: 0.35721765866786653, sigma: 0.12878940852237242 })).toBe(
      'lognormal(μ = 0.3572, σ = 0.1288; median 1.43)',
    );
  });
});

/** Words of English prose; none belongs in a Danish workbook's words (ids and keys are skipped). */
const ENGLISH = [
  ' the ',
  ' and ',
  ' of ',
  ' with ',
  ' per ',
  ' months',
  'month ',
  'scenario',
  'success ',
  'replicate',
  'citizens',
  'difference',
  'share ',
  'probability',
  'baseline',
  'mean ',
  'none',
  ' yes ',
  ' no ',
  'dkk',
  ' total ',
  'capacity',
  ' rate ',
];

describe('resultToWorkbook in Danish', () => {
  const da = getPreset('randers-2025', { translations: true });
  const t = (da as { translations: { da: { states: Record<string, string>; scenarios: Record<string, string> } } })
    .translations.da;
  let dwb: ExcelJS.Workbook;
  beforeAll(async () => {
    const file = join(tempDir(), 'result-da.xlsx');
    writeFileSync(file, await resultToWorkbook(result, da, { lang: 'da' }));
    dwb = new ExcelJS.Workbook();
    await dwb.xlsx.readFile(file);
  });

  it('names the sheets in Danish, in the same order as the English workbook', () => {
    const danish = dwb.worksheets.map((w) => w.name);
    expect(danish.slice(0, 5)).toEqual(['Forudsætninger', 'Scenarier', 'Sammenligninger', 'Beslutning', 'Pr. indsats']);
    expect(danish).toHaveLength(wb.worksheets.length);
    expect(danish.includes('Budget pr. år')).toBe(!!result.yearly?.length);
    expect(danish.includes('Tilbagebetaling')).toBe(!!result.payback?.length);
  });

  it('writes every word in Danish: no English sentence, no English number in text', () => {
    // Ids and keys stay as the model names them (they are what formulas and lookups match on).
    const ids = new Set<string>([
      ...da.states.map((s) => s.id),
      ...da.groups.map((g) => g.id),
      ...(da.interventions ?? []).map((i) => i.id),
      ...da.scenarios.map((s) => s.id),
      ...Object.keys(da.parameters ?? {}),
      ...Object.keys(result.scenarios[0].metrics),
      result.seed,
    ]);
    const keys = [...ids].filter((id) => /[-A-Z0-9]/.test(id)).sort((a, b) => b.length - a.length);
    const texts: string[] = [];
    for (const ws of dwb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value !== 'string' || ids.has(c.value)) return;
          // Ids inside words ("sandsynlighed bedst: scenario-1") are names, not English.
          texts.push(keys.reduce((x, id) => x.split(id).join('‹id›'), c.value));
        }),
      );
    expect(texts.length).toBeGreaterThan(200);
    const lines = texts.map((x) => ` ${x.toLowerCase()} `);
    const english = ENGLISH.flatMap((w) => lines.filter((l) => l.includes(w)).map((l) => `${w.trim()}: ${l.trim()}`));
    expect(english).toEqual([]);
    // In text, Danish numbers: a decimal comma, "." between thousands (never 0.3572 or 15,000).
    const joined = texts.join('\n');
    expect(joined).toMatch(/\d,\d/);
    expect(joined.match(/(?<![\d.,])[1-9]\d{0,2},\d{3}(?![\d.,])/g) ?? []).toEqual([]);
    expect(joined.match(/(?<![\d.\w-])\d+\.\d{1,2}(?!\d)/g) ?? []).toEqual([]);
  });

  it('keeps the numbers as numbers with the same formats, and the labels from the translations', () => {
    const rows = table(dwb.getWorksheet('Scenarier')!);
    const s = result.scenarios[0];
    const row = only(rows, { scenarie: s.id, målgruppe: 'i alt', mål: 'municipalCost' });
    expect(row.gennemsnit).toBe(expected(s.metrics.municipalCost.mean));
    expect(row.enhed).toBe('kr.');
    expect(row.beskrivelse).toMatch(/^kommunens udgift/);
    const numFmts = new Set<string>();
    dwb.getWorksheet('Scenarier')!.eachRow((r) => r.eachCell((c) => c.numFmt && numFmts.add(c.numFmt)));
    expect(numFmts).toContain('#,##0');
    expect(numFmts).toContain('0.0%');
    const ws = dwb.getWorksheet('Forudsætninger')!;
    const states = section(ws, 'Tilstande');
    for (const st of da.states) {
      const r = only(states, { tilstand: st.id });
      expect(r.betegnelse).toBe(t.states[st.id] ?? st.label);
      expect(r.statsrefusion).toBe((st.reimbursed ?? st.kind === 'benefit') ? 'ja' : 'nej');
    }
    const interventions = section(ws, 'Indsatser');
    const fsm = only(interventions, { indsats: 'fsm' });
    expect(fsm.bemanding).toMatch(/^600\.000 kr\. pr\. sagsbehandlerårsværk, sagstal 35$/);
    expect(section(ws, 'Usikre parametre').map((r) => r.fordeling)).toEqual(
      Object.values(da.parameters ?? {}).map((d) => distributionText(d as Distribution, 'da')),
    );
    expect(distributionText({ dist: 'lognormal', mu: 0.35721765866786653, sigma: 0.12878940852237242 }, 'da')).toBe(
      'lognormal(μ = 0,3572, σ = 0,1288; median 1,43)',
    );
  });

  it('writes the yearly lines by payer, the payback and the ICER in Danish words', () => {
    const y = table(dwb.getWorksheet('Budget pr. år')!);
    expect(y.length).toBe(result.yearly!.length);
    const payers = new Set(y.map((r) => r.betaler));
    const danish: Record<string, string> = {
      municipality: 'kommunen',
      state: 'staten',
      total: 'i alt',
      outcome: 'udfald',
    };
    expect([...payers].sort()).toEqual([...new Set(result.yearly!.map((l) => danish[l.payer]))].sort());
    expect(payers).toContain('kommunen');
    expect(y.some((r) => r.post === 'kommunal nettoudgift')).toBe(true);
    const p = table(dwb.getWorksheet('Tilbagebetaling')!);
    expect(p.map((r) => r.tilbagebetalingstid)).toEqual(result.payback!.map((x) => paybackPhrase(x, 'da')));
    const d = table(dwb.getWorksheet('Beslutning')!);
    expect(d).toHaveLength(result.comparisons.length);
    for (const [i, c] of result.comparisons.entries()) {
      expect(d[i]['i ord']).toContain(`${t.scenarios[c.scenario]} mod ${t.scenarios[c.baseline]}: `);
      expect(['NØ', 'NV', 'SØ', 'SV']).toContain(
        d[i][
          'gennemsnittets kvadrant (NØ: flere i succes, højere udgift; SV: færre, lavere; SØ: flere, lavere; NV: færre, højere)'
        ],
      );
    }
  });
});

describe('the workbook from the command line', () => {
  const sheets = async (file: string) => {
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    return back.worksheets.map((w) => w.name);
  };

  it('run --format xlsx --lang da writes the Danish workbook; --lang without xlsx is refused', async () => {
    const file = join(tempDir(), 'run-da.xlsx');
    const args = ['randers-2025', '--replicates', '8', '--seed', '3', '--workers', '1', '--quiet'];
    expect(await runCommand([...args, '--format', 'xlsx', '--lang', 'da', '--out', file])).toBe('');
    const names = await sheets(file);
    expect(names.slice(0, 3)).toEqual(['Forudsætninger', 'Scenarier', 'Sammenligninger']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    // The preset's Danish labels rode along into the workbook.
    expect(back.getWorksheet('Forudsætninger')!.getRow(1).getCell(1).value).toBe(
      'Randers 2025: den fremtidige indsats for udsatte ledige: forudsætninger og kørsel',
    );
    await expect(runCommand([...args, '--lang', 'da'])).rejects.toMatchObject({ problems: [{ path: '--lang' }] });
    await expect(runCommand([...args, '--format', 'xlsx', '--lang', 'fr', '--out', file])).rejects.toMatchObject({
      problems: [{ path: '--lang' }],
    });
  });

  it('report --xlsx writes the workbook of the same run in the report language', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const html = join(dir, 'r.html');
    const xlsx = join(dir, 'r.xlsx');
    const args = ['randers-2025', '--replicates', '8', '--seed', '3', '--workers', '1', '--quiet', '--lang', 'da'];
    expect(await reportCommand([...args, '--out', html, '--xlsx', xlsx, '--wtp', '300000'])).toBe('');
    expect((await sheets(xlsx)).slice(0, 4)).toEqual(['Forudsætninger', 'Scenarier', 'Sammenligninger', 'Beslutning']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(xlsx);
    const decision = back.getWorksheet('Beslutning')!;
    let wtp: unknown;
    decision.eachRow((row) => {
      // The first such row is the decision's; the CEAC's column head reads the same.
      if (wtp === undefined && row.getCell(1).value === 'betalingsvilje pr. ekstra borger i succes, kr.')
        wtp = row.getCell(2).value;
    });
    expect(wtp).toBe(300000);
    expect(readFileSync(html, 'utf8')).toContain('Ved en betalingsvilje på 300.000 kr.');
    await expect(reportCommand([...args, '--wtp', '-1'])).rejects.toMatchObject({ problems: [{ path: '--wtp' }] });
  });
});
