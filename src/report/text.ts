/**
 * A plain-text comparison table of the scenarios, for terminals and logs.
 * @module
 */
import type { MetricSummary } from '../summary/interval.js';
import type { MetricName } from '../summary/metrics.js';
import type { SimulationResult } from '../summary/result.js';
import { paybackPhrase } from './i18n.js';

interface Row {
  label: string;
  metric: MetricName;
  fmt: (x: number) => string;
}

const pct = (x: number) => (100 * x).toFixed(1);
const num1 = (x: number) => x.toFixed(1);
const mio = (x: number) => (x / 1e6).toFixed(1);

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
  if (s.mean === null) return 'n/a';
  return `${fmt(s.mean)} (${fmt(s.lo)}–${fmt(s.hi)})`;
}

/**
 * Render the scenario comparison: one column per scenario, each cell the mean with its
 * percentile interval.
 */
export function formatTable(result: SimulationResult): string {
  const header = ['', ...result.scenarios.map((s) => s.id)];
  const body = ROWS.map((row) => [row.label, ...result.scenarios.map((s) => cell(s.metrics[row.metric], row.fmt))]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c].length)));
  const line = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('   ');
  const title = `${result.model}: ${result.replicates} replicates, seed ${JSON.stringify(result.seed)}, ${result.horizonMonths} months, mean (${Math.round(result.level * 100)} % interval)`;
  const diffs: string[] = [];
  if (result.comparisons.length) {
    const dh = ['', ...result.comparisons.map((c) => `${c.scenario} − ${c.baseline}`)];
    const dbody = ROWS.map((row) => [
      row.label,
      ...result.comparisons.map((c) => {
        const d = c.metrics[row.metric];
        return d.mean === null || Number.isNaN(d.mean) ? 'n/a' : `${row.fmt(d.mean)} (${row.fmt(d.lo)}–${row.fmt(d.hi)}) P(better) ${Math.round(100 * d.probBetter)} %`;
      }),
    ]);
    const dw = dh.map((_, c) => Math.max(...[dh, ...dbody].map((r) => r[c].length)));
    const dline = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(dw[c]) : v.padStart(dw[c]))).join('   ');
    diffs.push('', 'paired differences against the baseline (same citizens and draws in every scenario):', '', dline(dh), ...dbody.map(dline));
  }
  const pct0 = (x: number) => `${Math.round(100 * x)} %`;
  const d = result.decision;
  diffs.push(
    '',
    `probability of being best: success rate ${result.scenarios.map((s) => `${s.id} ${pct0(d.probabilityBest.successRate[s.id])}`).join(', ')}; ` +
      `municipal cost ${result.scenarios.map((s) => `${s.id} ${pct0(d.probabilityBest.municipalCost[s.id])}`).join(', ')}`,
  );
  for (const c of result.comparisons) {
    const i = c.icer;
    const what = i.dominant ? 'dominant (more successes, lower cost)' : i.dominated ? 'dominated (fewer successes, higher cost)' : `${Math.round(i.mean).toLocaleString('en')} DKK per extra success (${Math.round(i.lo).toLocaleString('en')} to ${Math.round(i.hi).toLocaleString('en')})`;
    diffs.push(`${c.scenario} vs ${c.baseline}: Δ successes ${i.deltaEffect.toFixed(1)}, Δ municipal cost ${(i.deltaCost / 1e6).toFixed(1)} mio. DKK: ${what}`);
  }
  diffs.push(`expected value of perfect information (willingness to pay ${d.willingnessToPay.toLocaleString('en')} DKK per success): ${(d.evpi / 1e6).toFixed(2)} mio. DKK`);
  if (result.yearly) {
    const years = [...new Set(result.yearly.map((l) => l.year))];
    const yh = ['municipal cost (net transfers + interventions − premium), mio. DKK', ...result.scenarios.map((s) => s.id)];
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
    diffs.push('', `steered share of ${tr.intervention} in ${tr.scenario} (mean over replicates, per review):`, `  ${at.join(', ')}`);
    const last = tr.months.length - 1;
    diffs.push(`  at the last review: ${pct0(tr.mean[last])} (${pct0(tr.lo[last])}–${pct0(tr.hi[last])})`);
  }
  const shares = result.scenarios.filter((s) => s.varianceShares);
  if (shares.length) {
    diffs.push('', 'share of each interval due to uncertain parameters (the rest is individual chance):');
    for (const s of shares) diffs.push(`  ${s.id}: ` + ROWS.map((r) => `${r.metric} ${Math.round(100 * s.varianceShares![r.metric].parameters)} %`).join(', '));
  }
  if (result.precision) diffs.push('', `precision target ${result.precision.target}: ${result.precision.reached ? 'reached' : 'NOT reached within maxReplicates'} with ${result.replicates} replicates`);
  const steered = new Set((result.steering ?? []).map((t) => t.scenario));
  const allocation = result.scenarios.map(
    (s) =>
      `  ${s.id}: ` +
      s.allocation.filter((a) => a.count > 0 || a.intervention !== null).map((a) => `${a.group}/${a.intervention ?? 'none'} ${a.count}`).join(', ') +
      (steered.has(s.id) ? ' (at the start: steering moves citizens and gives newcomers the current share)' : ''),
  );
  return [title, '', line(header), ...body.map(line), ...diffs, '', 'allocation (group/intervention count):', ...allocation, ''].join('\n');
}
