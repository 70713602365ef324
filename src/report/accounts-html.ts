/**
 * The committee report's accounts section: every account line's discounted total per
 * scenario, each payer's net money, and both as paired differences from the baseline —
 * shown when the model books more than the legacy transfers, interventions and premium.
 * @module
 */
import type { ModelWords } from '../format/model-words.js';
import { formatNumber, formatRange, NOT_AVAILABLE } from '../format/numbers.js';
import type { ReportLanguage } from '../format/language.js';
import type { SimulationResult } from '../summary/types.js';
import { hasOwnAccounts } from './accounts-text.js';
import { escapeHtml as esc } from './escape.js';

const WORDS = {
  en: {
    heading: 'Accounts by payer',
    account: 'account',
    payer: 'payer',
    net: 'net money',
    money: (unit: string) => `mio. ${unit}`,
    differences: (base: string) => `Differences from ${base}`,
    note: (level: number) =>
      `Discounted totals over the horizon, mean (${level} % interval over replicates). Negative amounts are income (the tax a job brings). "Net money" is the sum of a payer's lines; "society" is every payer together.`,
  },
  da: {
    heading: 'Konti og betalere',
    account: 'konto',
    payer: 'betaler',
    net: 'nettoudgift',
    money: (unit: string) => `mio. ${unit === 'DKK' ? 'kr.' : unit}`,
    differences: (base: string) => `Forskelle fra ${base}`,
    note: (level: number) =>
      `Tilbagediskonterede beløb over hele horisonten, gennemsnit (${level} %-interval over gentagelserne). Negative beløb er indtægter (skatten fra et job). "Nettoudgift" er summen af en betalers linjer; "samfundet" er alle betalere tilsammen.`,
  },
} as const;

function amount(m: { mean: number; lo: number; hi: number }, factor: number, lang: ReportLanguage): string {
  if (!Number.isFinite(m.mean)) return NOT_AVAILABLE;
  const digits = Math.abs(m.mean * factor) >= 100 ? 0 : Math.abs(m.mean * factor) >= 1 ? 1 : 2;
  return `${formatNumber(m.mean * factor, digits, lang)} <span class="ci">(${formatRange(m.lo * factor, m.hi * factor, lang, digits)})</span>`;
}

/** The accounts section (empty without own accounts). `S` names a scenario. */
export function accountsSection(
  result: SimulationResult,
  W: ModelWords,
  lang: ReportLanguage,
  levelPct: number,
  base: string,
  S: (id: string) => string,
): string {
  if (!hasOwnAccounts(result)) return '';
  const T = WORDS[lang];
  const lines = result.scenarios[0].accounts!;
  const unitOf = (unit: string, money: boolean) => (money ? T.money(unit) : unit);
  const factor = (money: boolean) => (money ? 1e-6 : 1);
  const lineName = (l: number) => {
    const a = lines[l];
    return `${W.account(a.account)}${a.payer ? ` (${W.payer(a.payer)})` : ''}, ${unitOf(a.unit, a.payer !== null)}`;
  };
  const payers = result.scenarios[0].payers ?? [];
  const head = `<tr><th scope="col">${esc(T.account)}</th>${result.scenarios.map((s) => `<th scope="col">${esc(S(s.id))}</th>`).join('')}</tr>`;
  const rows = [
    ...lines.map(
      (a, l) =>
        `<tr data-account="${esc(a.account)}" data-payer="${esc(a.payer ?? '')}"><th scope="row">${esc(lineName(l))}</th>${result.scenarios
          .map((s) => `<td>${amount(s.accounts![l], factor(a.payer !== null), lang)}</td>`)
          .join('')}</tr>`,
    ),
    ...payers.map(
      (p, k) =>
        `<tr class="total" data-payer="${esc(p.payer)}"><th scope="row">${esc(`${T.net}, ${W.payer(p.payer)}, ${T.money(p.unit)}`)}</th>${result.scenarios
          .map((s) => `<td>${amount(s.payers![k], 1e-6, lang)}</td>`)
          .join('')}</tr>`,
    ),
  ];
  const out = [
    '<section id="accounts">',
    `<h2>${esc(T.heading)}</h2>`,
    `<table class="numbers accounts"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
  ];
  const comps = result.comparisons.filter((c) => c.accounts && c.payers);
  if (comps.length) {
    const dhead = `<tr><th scope="col">${esc(T.account)}</th>${comps.map((c) => `<th scope="col">${esc(S(c.scenario))} − ${esc(S(c.baseline))}</th>`).join('')}</tr>`;
    const drows = [
      ...lines.map(
        (a, l) =>
          `<tr data-account="${esc(a.account)}" data-payer="${esc(a.payer ?? '')}"><th scope="row">${esc(lineName(l))}</th>${comps
            .map((c) => `<td>${amount(c.accounts![l], factor(a.payer !== null), lang)}</td>`)
            .join('')}</tr>`,
      ),
      ...payers.map(
        (p, k) =>
          `<tr class="total" data-payer="${esc(p.payer)}"><th scope="row">${esc(`${T.net}, ${W.payer(p.payer)}, ${T.money(p.unit)}`)}</th>${comps
            .map((c) => `<td>${amount(c.payers![k], 1e-6, lang)}</td>`)
            .join('')}</tr>`,
      ),
    ];
    out.push(
      `<h3>${esc(T.differences(S(base)))}</h3>`,
      `<table class="numbers accounts-differences"><thead>${dhead}</thead><tbody>\n${drows.join('\n')}\n</tbody></table>`,
    );
  }
  out.push(`<p class="note">${esc(T.note(levelPct))}</p>`, '</section>');
  return out.join('\n');
}
