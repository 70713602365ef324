/**
 * The accounts in the text table: each line's total per scenario and the paired
 * differences, then each payer's net money — shown when the model books more than the
 * legacy transfers, interventions and premium (whose figures the main table already has).
 * @module
 */
import type { SimulationResult } from '../summary/types.js';
import { fixed, NOT_AVAILABLE } from '../format/numbers.js';

const BUILTIN = new Set(['transfers', 'interventions', 'premium']);

/** An amount in its unit: money in millions above 100,000, else as it is with up to 2 decimals. */
function amount(x: number, big: boolean): string {
  if (!Number.isFinite(x)) return NOT_AVAILABLE;
  return big ? fixed(x, 2, 1e-6) : fixed(x, 2);
}

/** Rows aligned in columns, the first left-aligned. */
function aligned(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('   '));
}

/** Whether the result has account lines beyond the built-in ones. */
export function hasOwnAccounts(result: SimulationResult): boolean {
  return result.scenarios.some((s) => (s.accounts ?? []).some((a) => !BUILTIN.has(a.account)));
}

/** The accounts section of the text table (empty without own accounts). */
export function accountLines(result: SimulationResult): string[] {
  if (!hasOwnAccounts(result)) return [];
  const first = result.scenarios[0].accounts!;
  // Millions when an account's amounts are large, so every column of a row has one scale.
  const big = first.map((_, l) => result.scenarios.some((s) => Math.abs(s.accounts![l].mean) >= 1e5));
  const name = (l: number) => {
    const a = first[l];
    return `${a.account}${a.payer ? ` (${a.payer})` : ''}, ${big[l] ? 'mio. ' : ''}${a.unit}`;
  };
  const head = ['accounts (discounted totals over the horizon)', ...result.scenarios.map((s) => s.id)];
  const rows = first.map((_, l) => [
    name(l),
    ...result.scenarios.map((s) => {
      const a = s.accounts![l];
      return `${amount(a.mean, big[l])} (${amount(a.lo, big[l])}–${amount(a.hi, big[l])})`;
    }),
  ]);
  const payers = result.scenarios[0].payers ?? [];
  const payerRows = payers.map((p, k) => [
    `net money of ${p.payer}, mio. ${p.unit}`,
    ...result.scenarios.map((s) => {
      const x = s.payers![k];
      return `${amount(x.mean, true)} (${amount(x.lo, true)}–${amount(x.hi, true)})`;
    }),
  ]);
  const out = ['', ...aligned([head, ...rows, ...payerRows])];
  if (result.comparisons.length) {
    const dh = ['accounts, paired differences', ...result.comparisons.map((c) => `${c.scenario} − ${c.baseline}`)];
    const drows = first.map((_, l) => [
      name(l),
      ...result.comparisons.map((c) => {
        const d = c.accounts![l];
        return `${amount(d.mean, big[l])} (${amount(d.lo, big[l])}–${amount(d.hi, big[l])})`;
      }),
    ]);
    const dpay = payers.map((p, k) => [
      `net money of ${p.payer}, mio. ${p.unit}`,
      ...result.comparisons.map((c) => {
        const d = c.payers![k];
        return `${amount(d.mean, true)} (${amount(d.lo, true)}–${amount(d.hi, true)})`;
      }),
    ]);
    out.push('', ...aligned([dh, ...drows, ...dpay]));
  }
  return out;
}
