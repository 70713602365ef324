/**
 * Numbers as text, one way everywhere: tables, reports, plots and the CLI print an
 * undefined figure (NaN, null, ±Infinity) as "n/a", a minus as "−", and intervals so their
 * ends read apart.
 * @module
 */
import { LOCALES, type ReportLanguage } from './language.js';

/** What every formatter prints for an undefined figure (NaN, null, ±Infinity). */
export const NOT_AVAILABLE = 'n/a';

/**
 * Format a number with `digits` decimals in the language's style (Danish: decimal comma);
 * a minus is the typographic "−", and a value that rounds to zero loses its sign. An
 * undefined figure (NaN, null, ±Infinity) is "n/a": the one guard of the report's numbers.
 *
 * @example
 * ```ts
 * formatNumber(1234.5, 1, 'da'); // "1.234,5"
 * ```
 */
export function formatNumber(x: number | null | undefined, digits: number, lang: ReportLanguage): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return NOT_AVAILABLE;
  const text = new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/**
 * Decimals that keep an interval readable: whole numbers for wide intervals, more
 * decimals only when the ends would otherwise print alike, or when an interval around 0
 * would print an end as 0.
 */
function rangeDigits(lo: number, hi: number): number {
  const width = Math.abs(hi - lo);
  const size = Math.max(Math.abs(lo), Math.abs(hi));
  if (size === 0) return 0;
  let d = width >= 2 || size >= 100 ? 0 : width >= 0.2 || size >= 10 ? 1 : 2;
  if (lo < 0 && hi > 0) {
    const near = Math.min(-lo, hi);
    if (near < 1) d = Math.max(d, near >= 0.1 ? 1 : 2);
  }
  return d;
}

/**
 * An interval as text: "24–29" for non-negative ends, words between negative or mixed
 * ends ("−4 to −2", "−1 to +2" read better than runs of dashes).
 *
 * @example
 * ```ts
 * formatRange(24.2, 28.9, 'en');  // "24–29"
 * formatRange(-1.2, 2.4, 'da');   // "−1 til +2"
 * formatRange(-0.2, 6.1, 'en');   // "−0.2 to +6.1"
 * ```
 */
export function formatRange(lo: number, hi: number, lang: ReportLanguage, digits = rangeDigits(lo, hi)): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return NOT_AVAILABLE;
  const a = formatNumber(lo, digits, lang);
  const b = formatNumber(hi, digits, lang);
  if (a === b) return a;
  if (lo >= 0 || a === '0' || /^[0.,]+$/.test(a)) return `${a}–${b}`;
  const to = lang === 'da' ? 'til' : 'to';
  return `${a} ${to} ${hi > 0 && !/^[0.,]+$/.test(b) ? '+' : ''}${b}`;
}

/**
 * The one number formatter of the text table: `x × scale` with `digits` decimals, or "n/a" for
 * a figure that is undefined (NaN, null, ±Infinity) — every other formatter goes through it.
 */
export function fixed(x: number | null | undefined, digits: number, scale = 1): string {
  return typeof x === 'number' && Number.isFinite(x * scale) ? (x * scale).toFixed(digits) : NOT_AVAILABLE;
}
