/**
 * Accounts and payers in the results: each account line's discounted total per scenario
 * (mean, sd and percentile interval over replicates), the net money of each payer, the
 * paired differences from the baseline, the yearly lines per payer, and the cost and
 * effect columns that decisions read from a chosen perspective.
 *
 * A payer's net money is the sum of its money lines in one unit (negative amounts are
 * income). `society` is every payer together. Definitions: README, "Accounts and payers".
 * @module
 */
import type { Layout } from '../engine/layout.js';
import { ForlobInputError } from '../model/errors.js';
import { pairedComparison, type PairedDifference } from './compare.js';
import { definedSummary, summarise } from './interval.js';

/** The perspective that counts every payer's money. */
export const SOCIETY = 'society';

/** One account line of a scenario: its discounted total over the horizon. */
export interface AccountSummary {
  /** The account's id. */
  account: string;
  /** Who pays (money), null for an effect account. */
  payer: string | null;
  /** Unit of the amounts. */
  unit: string;
  /** Mean over replicates. */
  mean: number;
  /** Standard deviation over replicates. */
  sd: number;
  /** Lower end of the percentile interval. */
  lo: number;
  /** Upper end of the percentile interval. */
  hi: number;
}

/** A payer's net money in one scenario (the sum of its money lines; negative: it gains). */
export interface PayerSummary {
  /** The payer (`society` for all together). */
  payer: string;
  /** Unit of the money. */
  unit: string;
  /** Mean over replicates. */
  mean: number;
  /** Standard deviation over replicates. */
  sd: number;
  /** Lower end of the percentile interval. */
  lo: number;
  /** Upper end of the percentile interval. */
  hi: number;
}

/** An account line's paired difference, scenario − baseline (lower money is better, higher effect). */
export interface AccountDifference extends PairedDifference {
  /** The account's id. */
  account: string;
  /** Who pays, null for an effect account. */
  payer: string | null;
  /** Unit. */
  unit: string;
}

/** A payer's paired difference of net money, scenario − baseline. */
export interface PayerDifference extends PairedDifference {
  /** The payer (`society` for all together). */
  payer: string;
  /** Unit. */
  unit: string;
}

/** One payer's net money in one year of one scenario. */
export interface YearlyPayerLine {
  /** Scenario id. */
  scenario: string;
  /** Year label. */
  year: string;
  /** The payer (`society` for all together). */
  payer: string;
  /** Unit. */
  unit: string;
  /** Mean over replicates. */
  mean: number;
  /** Lower end of the percentile interval. */
  lo: number;
  /** Upper end of the percentile interval. */
  hi: number;
}

/** A payer's yearly paired difference from the baseline. */
export interface YearlyPayerDifference {
  /** Scenario id. */
  scenario: string;
  /** Baseline scenario id. */
  baseline: string;
  /** Year label. */
  year: string;
  /** The payer. */
  payer: string;
  /** Unit. */
  unit: string;
  /** Mean of scenario − baseline. */
  mean: number;
  /** Lower end of the percentile interval. */
  lo: number;
  /** Upper end of the percentile interval. */
  hi: number;
}

/** The payers (and `society` when there are two or more) with their unit, in first-seen order. */
export function payersOf(layout: Layout): { payer: string; unit: string; lines: number[] }[] {
  const out: { payer: string; unit: string; lines: number[] }[] = [];
  layout.lines.forEach((ln, l) => {
    if (ln.payer === null) return;
    let p = out.find((x) => x.payer === ln.payer && x.unit === ln.unit);
    if (!p) {
      p = { payer: ln.payer, unit: ln.unit, lines: [] };
      out.push(p);
    }
    p.lines.push(l);
  });
  const units = new Set(out.map((p) => p.unit));
  if (out.length > 1 && units.size === 1)
    out.push({ payer: SOCIETY, unit: out[0].unit, lines: out.flatMap((p) => p.lines) });
  return out;
}

/** Sum of lines `lines` of scenario s in every replicate. */
export function linesColumn(accounts: Float64Array, layout: Layout, s: number, lines: number[]): Float64Array {
  const per = layout.strides.accountsScenario;
  const stride = layout.strides.accounts;
  const R = stride > 0 ? accounts.length / stride : 0;
  const out = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    let v = 0;
    for (const l of lines) v += accounts[r * stride + s * per + l];
    out[r] = v;
  }
  return out;
}

function interval(xs: Float64Array, level: number, what: string) {
  const { mean, sd, lo, hi } = definedSummary(summarise(xs, level), what);
  return { mean, sd, lo, hi };
}

/** Scenario s's account lines. */
export function scenarioAccounts(accounts: Float64Array, layout: Layout, s: number, level: number): AccountSummary[] {
  return layout.lines.map((ln, l) => ({
    account: ln.account,
    payer: ln.payer,
    unit: ln.unit,
    ...interval(linesColumn(accounts, layout, s, [l]), level, `account ${ln.account}`),
  }));
}

/** Scenario s's net money by payer. */
export function scenarioPayers(accounts: Float64Array, layout: Layout, s: number, level: number): PayerSummary[] {
  return payersOf(layout).map(({ payer, unit, lines }) => ({
    payer,
    unit,
    ...interval(linesColumn(accounts, layout, s, lines), level, `payer ${payer}`),
  }));
}

/** Scenario s − baseline b per account line. */
export function accountDifferences(
  accounts: Float64Array,
  layout: Layout,
  s: number,
  b: number,
  level: number,
): AccountDifference[] {
  return layout.lines.map((ln, l) => ({
    account: ln.account,
    payer: ln.payer,
    unit: ln.unit,
    ...pairedComparison(
      linesColumn(accounts, layout, s, [l]),
      linesColumn(accounts, layout, b, [l]),
      ln.kind === 'effect',
      level,
    ),
  }));
}

/** Scenario s − baseline b per payer. */
export function payerDifferences(
  accounts: Float64Array,
  layout: Layout,
  s: number,
  b: number,
  level: number,
): PayerDifference[] {
  return payersOf(layout).map(({ payer, unit, lines }) => ({
    payer,
    unit,
    ...pairedComparison(linesColumn(accounts, layout, s, lines), linesColumn(accounts, layout, b, lines), false, level),
  }));
}

/** The yearly net money per payer and scenario, and its paired differences from baseline b. */
export function yearlyPayers(
  yearly: Float64Array,
  layout: Layout,
  scenarioIds: string[],
  b: number,
  level: number,
): { lines: YearlyPayerLine[]; differences: YearlyPayerDifference[] } {
  const L = layout.lines.length;
  const Y = layout.years.length;
  const per = layout.strides.accountsYearlyScenario;
  const stride = layout.strides.accountsYearly;
  const R = stride > 0 ? yearly.length / stride : 0;
  const column = (s: number, y: number, lines: number[]) => {
    const out = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      let v = 0;
      for (const l of lines) v += yearly[r * stride + s * per + y * L + l];
      out[r] = v;
    }
    return out;
  };
  const lines: YearlyPayerLine[] = [];
  const differences: YearlyPayerDifference[] = [];
  const payers = payersOf(layout);
  scenarioIds.forEach((scenario, s) => {
    for (let y = 0; y < Y; y++)
      for (const p of payers) {
        const { mean, lo, hi } = interval(column(s, y, p.lines), level, `payer ${p.payer} in ${layout.years[y]}`);
        lines.push({ scenario, year: layout.years[y], payer: p.payer, unit: p.unit, mean, lo, hi });
        if (s === b) continue;
        const d = pairedComparison(column(s, y, p.lines), column(b, y, p.lines), false, level);
        differences.push({
          scenario,
          baseline: scenarioIds[b],
          year: layout.years[y],
          payer: p.payer,
          unit: p.unit,
          mean: d.mean,
          lo: d.lo,
          hi: d.hi,
        });
      }
  });
  return { lines, differences };
}

/**
 * The lines a perspective counts: a payer's money lines, or every money line (`society`).
 * Throws a {@link ForlobInputError} naming `options.perspective` for an unknown payer.
 */
export function perspectiveLines(layout: Layout, perspective: string): number[] {
  if (perspective === SOCIETY) {
    const units = new Set(layout.lines.filter((ln) => ln.kind === 'money').map((ln) => ln.unit));
    if (units.size > 1)
      throw new ForlobInputError(
        [
          {
            path: 'options.perspective',
            message: `"society" adds every payer's money, but the accounts use ${units.size} currencies (${[...units].join(', ')})`,
          },
        ],
        'invalid options',
      );
    return layout.lines.flatMap((ln, l) => (ln.kind === 'money' ? [l] : []));
  }
  const lines = layout.lines.flatMap((ln, l) => (ln.payer === perspective ? [l] : []));
  if (lines.length === 0) {
    const payers = [...new Set(layout.lines.flatMap((ln) => (ln.payer === null ? [] : [ln.payer])))];
    throw new ForlobInputError(
      [
        {
          path: 'options.perspective',
          message: `unknown payer "${perspective}" (expected ${[...payers, SOCIETY].map((p) => `"${p}"`).join(', ')})`,
        },
      ],
      'invalid options',
    );
  }
  return lines;
}

/**
 * The line of an effect account named by `effect`. Throws a {@link ForlobInputError}
 * naming `options.effect` unless it is an effect account of the model.
 */
export function effectLine(layout: Layout, effect: string): number {
  const l = layout.lines.findIndex((ln) => ln.kind === 'effect' && ln.account === effect);
  if (l < 0) {
    const effects = layout.lines.filter((ln) => ln.kind === 'effect').map((ln) => `"${ln.account}"`);
    throw new ForlobInputError(
      [
        {
          path: 'options.effect',
          message: `unknown effect "${effect}" (expected "successes"${effects.length ? `, ${effects.join(', ')}` : ''}; an effect account is declared in the model's accounts with kind "effect")`,
        },
      ],
      'invalid options',
    );
  }
  return l;
}
