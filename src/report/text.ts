/**
 * A plain-text comparison table of the scenarios, for terminals and logs.
 * @module
 */
import type { MetricSummary } from '../summary/interval.js';
import type { MetricName } from '../engine/reduce/metrics.js';
import type { ClassBreakdown } from '../summary/classes.js';
import type { SimulationResult } from '../summary/types.js';
import type { PairedDifference } from '../summary/compare.js';
import { armLabel } from '../summary/arms.js';
import { icerReading, type IcerSummary } from '../summary/decision.js';
import { paybackPhrase } from '../format/i18n.js';
import { fixed, NOT_AVAILABLE } from '../format/numbers.js';
import { printableDeep } from './escape.js';
import { accountLines } from './accounts-text.js';

interface Row {
  label: string;
  metric: MetricName;
  fmt: (x: number) => string;
}

const pct = (x: number) => fixed(x, 1, 100);
const num1 = (x: number) => fixed(x, 1);
const mio = (x: number) => fixed(x, 1, 1e-6);

const ROWS: Row[] = [
  { label: 'success rate at horizon, %', metric: 'successRate', fmt: pct },
  { label: 'completed courses ending in success, %', metric: 'completedSuccessShare', fmt: pct },
  { label: 'ever in paid hours, %', metric: 'paidHoursRate', fmt: pct },
  { label: 'months on benefit per citizen', metric: 'benefitMonths', fmt: num1 },
  { label: 'transfers (gross), mio. DKK', metric: 'transferCost', fmt: mio },
  { label: 'transfers, municipal net, mio. DKK', metric: 'netTransferCost', fmt: mio },
  { label: 'intervention cost, mio. DKK', metric: 'interventionCost', fmt: mio },
];

function cell(s: MetricSummary, fmt: (x: number) => string): string {
  if (s.mean === null || !Number.isFinite(s.mean)) return 'n/a';
  return `${fmt(s.mean)} (${fmt(s.lo)}–${fmt(s.hi)})`;
}

/** Options of {@link formatTable}. */
export interface TableOptions {
  /**
   * After everything else, a table per scenario with one column per group (`"group"`) or
   * per arm, group × intervention (`"arm"`), and their paired differences against the
   * baseline.
   */
  by?: 'group' | 'arm';
  /**
   * After everything else, a table per scenario with one column per class of a covariate
   * and their paired differences (from `classBreakdown`: `forlob run --by sex`); in place of
   * `by`.
   */
  classes?: ClassBreakdown;
}

/**
 * Render the scenario comparison: one column per scenario, each cell the mean with its
 * percentile interval; with `by`, per-group or per-arm tables after it.
 */
export function formatTable(result: SimulationResult, options: TableOptions = {}): string {
  result = printableDeep(result); // ids and labels are the model's text: no escape sequences or newlines reach the terminal
  const header = ['', ...result.scenarios.map((s) => s.id)];
  const body = ROWS.map((row) => [row.label, ...result.scenarios.map((s) => cell(s.metrics[row.metric], row.fmt))]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c].length)));
  const line = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('   ');
  const title = `${result.model}: ${result.replicates} replicates, seed ${JSON.stringify(result.seed)}, ${result.horizonMonths} ${result.cycle === 'year' ? 'years' : 'months'}, mean (${Math.round(result.level * 100)} % interval)`;
  const diffs: string[] = [];
  if (result.comparisons.length) {
    const dh = ['', ...result.comparisons.map((c) => `${c.scenario} − ${c.baseline}`)];
    const dbody = ROWS.map((row) => [
      row.label,
      ...result.comparisons.map((c) => {
        const d = c.metrics[row.metric];
        return diffCell(d, row.fmt);
      }),
    ]);
    const dw = dh.map((_, c) => Math.max(...[dh, ...dbody].map((r) => r[c].length)));
    const dline = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(dw[c]) : v.padStart(dw[c]))).join('   ');
    diffs.push(
      '',
      'paired differences against the baseline (same citizens and draws in every scenario):',
      '',
      dline(dh),
      ...dbody.map(dline),
    );
  }
  const pct0 = pctR;
  diffs.push(...accountLines(result));
  diffs.push('', ...decisionLines(result));
  if (result.yearly) {
    const years = [...new Set(result.yearly.map((l) => l.year))];
    const yh = [
      'municipal cost (net transfers + interventions − premium), mio. DKK',
      ...result.scenarios.map((s) => s.id),
    ];
    const ybody = years.map((y) => [
      y,
      ...result.scenarios.map((s) => {
        const l = result.yearly!.find((x) => x.scenario === s.id && x.year === y && x.item === 'municipalCost')!;
        return `${mio(l.mean)} (${mio(l.lo)}–${mio(l.hi)})`;
      }),
    ]);
    const yw = yh.map((_, c) => Math.max(...[yh, ...ybody].map((r) => r[c].length)));
    const yline = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(yw[c]) : v.padStart(yw[c]))).join('   ');
    diffs.push('', yline(yh), ...ybody.map(yline));
  }
  for (const p of result.payback ?? []) {
    diffs.push(
      `payback of ${p.scenario} against ${p.baseline}: ${paybackPhrase(p)}; cumulatively no dearer than ${p.baseline} by the horizon in ${pct0(p.probWithinHorizon)} of replicates (never dearer in ${pct0(p.probNoOutlay)}); net result ${mio(p.netResult)} mio. DKK`,
    );
  }
  for (const tr of result.steering ?? []) {
    const at = tr.months.map((t, k) => `${tr.dates ? tr.dates[k] : `m${t}`} ${pct0(tr.mean[k])}`);
    diffs.push(
      '',
      `steered share of ${tr.intervention} in ${tr.scenario} (mean over replicates, per review):`,
      `  ${at.join(', ')}`,
    );
    const last = tr.months.length - 1;
    diffs.push(`  at the last review: ${pct0(tr.mean[last])} (${pct0(tr.lo[last])}–${pct0(tr.hi[last])})`);
  }
  const shares = result.scenarios.filter((s) => s.varianceShares);
  if (shares.length) {
    diffs.push('', 'share of each interval due to uncertain parameters (the rest is individual chance):');
    for (const s of shares)
      diffs.push(
        `  ${s.id}: ${ROWS.map((r) => `${r.metric} ${pctR(s.varianceShares![r.metric].parameters)}`).join(', ')}`,
      );
  }
  if (result.precision)
    diffs.push(
      '',
      `precision target ${result.precision.target}: ${result.precision.reached ? 'reached' : 'NOT reached within maxReplicates'} with ${result.replicates} replicates`,
    );
  const steered = new Set((result.steering ?? []).map((t) => t.scenario));
  const allocation = result.scenarios.map(
    (s) =>
      `  ${s.id}: ` +
      s.allocation
        .filter((a) => a.count > 0 || a.intervention !== null)
        .map((a) => `${a.group}/${a.intervention ?? 'none'} ${a.count}`)
        .join(', ') +
      (steered.has(s.id) ? ' (at the start: steering moves citizens and gives newcomers the current share)' : ''),
  );
  return [
    title,
    '',
    line(header),
    ...body.map(line),
    ...diffs,
    '',
    'allocation (group/intervention count):',
    ...allocation,
    ...(options.classes
      ? classTables(result.level, printableDeep(options.classes))
      : options.by
        ? breakdown(result, options.by)
        : []),
    '',
  ].join('\n');
}

/** Rows of the per-group and per-arm tables: the main rows and the municipal cost. */
const BY_ROWS: Row[] = [...ROWS, { label: 'municipal cost, mio. DKK', metric: 'municipalCost', fmt: mio }];

/** Rows of text aligned in columns, the first left-aligned, the rest right-aligned. */
function aligned(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('   '));
}

function diffCell(d: PairedDifference | undefined, fmt: (x: number) => string): string {
  if (!d || d.mean === null || !Number.isFinite(d.mean)) return 'n/a';
  return `${fmt(d.mean)} (${fmt(d.lo)}–${fmt(d.hi)}) P(better) ${pctR(d.probBetter)}`;
}

/** The per-class tables and differences (lines, starting with a blank one). */
function classTables(level: number, b: ClassBreakdown): string[] {
  const out: string[] = [
    '',
    `per ${b.column} (its groups added up, newcomers included), mean (${Math.round(level * 100)} % interval); n/a: a figure that needs the citizens' spells:`,
  ];
  const head = (level: string) => `${b.column}=${level}`;
  for (const sc of b.scenarios) {
    const cols = sc.classes.map((c) => ({
      head: `${head(c.level)} ${Math.round(c.counts.reduce((a, x) => a + x, 0) / Math.max(1, c.counts.length)).toLocaleString('en')}`,
      metrics: c.metrics,
    }));
    out.push(
      '',
      ...aligned([
        [sc.id, ...cols.map((c) => c.head)],
        ...BY_ROWS.map((row) => [row.label, ...cols.map((c) => cell(c.metrics[row.metric], row.fmt))]),
      ]),
    );
  }
  if (!b.comparisons.length) return out;
  out.push('', `paired differences against the baseline per ${b.column}:`);
  for (const c of b.comparisons)
    out.push(
      '',
      ...aligned([
        [`${c.scenario} − ${c.baseline}`, ...c.classes.map((x) => head(x.level))],
        ...BY_ROWS.map((row) => [row.label, ...c.classes.map((x) => diffCell(x.metrics[row.metric], row.fmt))]),
      ]),
    );
  return out;
}

/** The per-group or per-arm tables and differences (lines, starting with a blank one). */
function breakdown(result: SimulationResult, by: 'group' | 'arm'): string[] {
  const out: string[] = [];
  const level = `${Math.round(result.level * 100)} % interval`;
  out.push(
    '',
    by === 'arm'
      ? `per arm (group/intervention, citizens allocated), mean (${level}); money is the arm's total, without the scenario's fixed monthly cost:`
      : `per group, mean (${level}):`,
  );
  const count = (sc: SimulationResult['scenarios'][number], group: string) =>
    sc.allocation.filter((a) => a.group === group).reduce((n, a) => n + a.count, 0);
  for (const sc of result.scenarios) {
    const cols =
      by === 'arm'
        ? (sc.arms ?? []).map((a) => ({ head: `${armLabel(a.group, a.intervention)} ${a.count}`, metrics: a.metrics }))
        : sc.groups.map((g) => ({ head: `${g.id} ${count(sc, g.id)}`, metrics: g.metrics }));
    out.push('');
    if (!cols.length) {
      out.push(
        `${sc.id}: no arm rows (${result.steering?.some((t) => t.scenario === sc.id) ? 'steering moves citizens between arms during the run' : 'none kept'})`,
      );
      continue;
    }
    out.push(
      ...aligned([
        [sc.id, ...cols.map((c) => c.head)],
        ...BY_ROWS.map((row) => [row.label, ...cols.map((c) => cell(c.metrics[row.metric], row.fmt))]),
      ]),
    );
    if (by === 'arm' && sc.arms[0]?.basis === 'capacity') {
      out.push(
        '  (an intervention here has a capacity: months and money of citizens waiting for a place, or sent to the fallback, are booked in the fallback arm)',
      );
    }
  }
  if (!result.comparisons.length) return out;
  out.push('', `paired differences against the baseline per ${by}:`);
  let starred = false;
  for (const c of result.comparisons) {
    const sc = result.scenarios.find((s) => s.id === c.scenario)!;
    const base = result.scenarios.find((s) => s.id === c.baseline)!;
    const armCount = (s: typeof sc, g: string, iv: string | null) =>
      s.arms.find((a) => a.group === g && a.intervention === iv)?.count ?? 0;
    const cols =
      by === 'arm'
        ? (c.arms ?? []).map((a) => {
            const n = armCount(sc, a.group, a.intervention);
            const nb = armCount(base, a.group, a.intervention);
            if (n !== nb) starred = true;
            return {
              head: `${armLabel(a.group, a.intervention)} ${n === nb ? n : `${n} vs ${nb}*`}`,
              metrics: a.metrics,
            };
          })
        : c.groups.map((g) => ({ head: g.id, metrics: g.metrics }));
    out.push('');
    if (!cols.length) {
      const steered = [c.scenario, c.baseline].filter((id) => result.steering?.some((t) => t.scenario === id));
      out.push(
        `${c.scenario} − ${c.baseline}: ${steered.length ? `no arm rows in ${steered.join(' and ')} (steered)` : `no ${by} in both`}`,
      );
      continue;
    }
    out.push(
      ...aligned([
        [`${c.scenario} − ${c.baseline}`, ...cols.map((x) => x.head)],
        ...BY_ROWS.map((row) => [row.label, ...cols.map((x) => diffCell(x.metrics[row.metric], row.fmt))]),
      ]),
    );
  }
  if (starred) {
    out.push(
      '',
      '* the arm holds a different number of citizens in the two scenarios, so partly different citizens: its difference mixes who is in the arm with what the arm does',
    );
  }
  return out;
}

const dkk = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : NOT_AVAILABLE);
const pctR = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)} %` : NOT_AVAILABLE);
const mio2 = (x: number) => fixed(x, 2, 1e-6);

/** How the decision figures name their effect and cost (default: successes and the municipality's DKK). */
export interface DecisionWords {
  /** One unit of effect ("success", "QALY"). */
  effect: string;
  /** Units of effect ("successes", "QALY"). */
  effects: string;
  /** Money unit ("DKK", "GBP"). */
  unit: string;
  /** The cost counted ("municipal cost", "society's cost"). */
  cost: string;
}

const DEFAULT_WORDS: DecisionWords = { effect: 'success', effects: 'successes', unit: 'DKK', cost: 'municipal cost' };

const LEGACY_ACCOUNTS = new Set(['transfers', 'interventions', 'premium']);

/**
 * Whether the result's money is only what the legacy fields book (transfers, interventions,
 * premium): then the municipality's net money is the "municipal cost" of the yearly table and
 * payback; with other accounts (taxes, health, …) the decision counts more, and says so.
 */
function legacyMoney(result: SimulationResult): boolean {
  return (result.scenarios[0].accounts ?? []).every((a) => LEGACY_ACCOUNTS.has(a.account));
}

const whose = (payer: string) =>
  payer === 'society' ? "society's" : payer === 'municipality' ? "municipality's" : `${payer}'s`;

/** The words of a result's decision figures: its effect and perspective. */
export function decisionWords(result: SimulationResult): DecisionWords {
  const d = result.decision;
  const effect = d.effect && d.effect !== 'successes' ? d.effect : undefined;
  const unitOfEffect = effect
    ? (result.scenarios[0].accounts?.find((a) => a.account === effect)?.unit ?? effect)
    : undefined;
  const payer = d.perspective ?? 'municipality';
  const unit = result.scenarios[0].payers?.find((p) => p.payer === payer)?.unit ?? 'DKK';
  return {
    effect: unitOfEffect ?? DEFAULT_WORDS.effect,
    effects: unitOfEffect ?? DEFAULT_WORDS.effects,
    unit,
    cost: payer === 'municipality' && legacyMoney(result) ? DEFAULT_WORDS.cost : `${whose(payer)} net money`,
  };
}

/** The ICER in words, by its {@link icerReading}. */
export function icerText(i: IcerSummary, level: number, words: DecisionWords = DEFAULT_WORDS): string {
  const { effect, effects, unit } = words;
  const shares = `parameter draws NE ${pctR(i.quadrantShares.NE)}, NW ${pctR(i.quadrantShares.NW)}, SE ${pctR(i.quadrantShares.SE)}, SW ${pctR(i.quadrantShares.SW)}`;
  const interval =
    i.lo === null || i.hi === null
      ? 'interval undefined — see the CEAC'
      : i.lo === i.hi
        ? 'no uncertain parameter moves it'
        : `${Math.round(level * 100)} % interval over parameter draws ${dkk(Math.abs(i.lo))} to ${dkk(Math.abs(i.hi))}`;
  const ratio = (what: string) =>
    `${what} ${dkk(Math.abs(i.mean))} ${unit} (${interval}; Monte Carlo error ±${dkk(i.mcse)})`;
  const costWords =
    Math.abs(i.deltaCost) <= 2 * i.mcseDeltaCost
      ? 'no cost difference beyond Monte Carlo error'
      : i.deltaCost > 0
        ? `costs ${mio(i.deltaCost)} mio. ${unit} more`
        : `costs ${mio(-i.deltaCost)} mio. ${unit} less`;
  switch (icerReading(i)) {
    case 'identical':
      return `identical to the baseline in ${effects} and cost`;
    case 'no-detectable-effect':
      return i.deltaEffect === 0 && i.mcseDeltaEffect === 0
        ? `no difference in ${effects}; ${costWords}`
        : `no difference in ${effects} beyond Monte Carlo error (±${fixed(2 * i.mcseDeltaEffect, 1)}); ${costWords}`;
    case 'dominant':
      return `dominant (more ${effects}, lower cost in ${pctR(i.quadrantShares.SE)} of parameter draws)`;
    case 'dominated':
      return `dominated (fewer ${effects}, higher cost in ${pctR(i.quadrantShares.NW)} of parameter draws)`;
    case 'costs-per-success':
      return ratio(`costs per extra ${effect}`) + (i.quadrantShares.NE < 1 ? `; ${shares}` : '');
    case 'saves-per-success-forgone':
      return ratio(`saves per ${effect} forgone`) + (i.quadrantShares.SW < 1 ? `; ${shares}` : '');
    case 'mixed':
      return `mean ${i.quadrant === 'SE' ? `more ${effects} at lower cost` : `fewer ${effects} at higher cost`}, but not in ${Math.round(level * 100)} % of parameter draws: ${shares}`;
  }
}

/** The decision lines of the table: probability best, ICERs, EVPI, the CEAC and EVPPI. */
function decisionLines(result: SimulationResult): string[] {
  const d = result.decision;
  const ids = result.scenarios.map((s) => s.id);
  const lines: string[] = [];
  const words = decisionWords(result);
  const { effect, effects, unit, cost } = words;
  const basis =
    d.method === 'none'
      ? 'no parameter is uncertain, so the expected outcome of every scenario is known up to Monte Carlo error'
      : `expected outcomes given the draws of ${d.evppi.filter((e) => e.parameters.length === 1).length} uncertain parameters in ${d.parameterDraws} replicates, by regression`;
  lines.push(`decision figures (about the uncertain parameters, individual chance averaged out: ${basis}):`);
  lines.push(
    `  probability of the best expected outcome: success rate ${ids.map((id) => `${id} ${pctR(d.probabilityBest.successRate[id])}`).join(', ')}; ` +
      `municipal cost ${ids.map((id) => `${id} ${pctR(d.probabilityBest.municipalCost[id])}`).join(', ')}`,
  );
  for (const c of result.comparisons) {
    const i = c.icer;
    lines.push(
      `  ${c.scenario} vs ${c.baseline}: Δ ${effects} ${fixed(i.deltaEffect, 1)}, Δ ${cost} ${mio(i.deltaCost)} mio. ${unit}: ${icerText(i, result.level, words)}`,
    );
  }
  lines.push(
    `  expected value of perfect information (willingness to pay ${dkk(d.willingnessToPay)} ${unit} per ${effect}): ${mio2(d.evpi)} mio. ${unit}`,
  );
  if (d.ceac.length) {
    // A handful of evenly spaced grid points keeps the line readable; the JSON has them all.
    const k = Math.min(5, d.ceac.length);
    const pick = [
      ...new Set(Array.from({ length: k }, (_, j) => Math.round((j * (d.ceac.length - 1)) / Math.max(1, k - 1)))),
    ].map((j) => d.ceac[j]);
    lines.push(`  by willingness to pay per ${effect} (CEAC: probability of the highest expected net benefit; EVPI):`);
    for (const p of pick)
      lines.push(
        `    ${dkk(p.wtp).padStart(9)} ${unit}: ${ids.map((id) => `${id} ${pctR(p.probabilityBest[id])}`).join(', ')}; EVPI ${mio2(p.evpi)} mio. ${unit}`,
      );
  }
  const peak = d.ceac.reduce<(typeof d.ceac)[number] | null>(
    (best, p) => (Number.isFinite(p.evpi) && p.evpi > (best?.evpi ?? 0) ? p : best),
    null,
  );
  if (d.evppi.length && d.evpi === 0 && peak) {
    lines.push(
      `  (no parameter can change the choice at ${dkk(d.willingnessToPay)} ${unit} per ${effect}; the EVPI peaks at ${dkk(peak.wtp)} ${unit} — add --wtp ${peak.wtp} for the EVPPI there)`,
    );
  }
  if (d.evppi.length) {
    lines.push(
      `  EVPPI (what resolving a parameter before choosing is worth, at ${dkk(d.willingnessToPay)} ${unit} per ${effect}), mio. ${unit}:`,
    );
    for (const e of d.evppi) lines.push(`    ${e.parameters.join(' + ')}: ${mio2(e.value)} (se ${mio2(e.se)})`);
  }
  return lines;
}
