/**
 * Calendar months, the one place `YYYY-MM` is read, written and counted. A month is held as
 * its serial number, year · 12 + (month − 1), so arithmetic is integer addition and the
 * December → January rollover needs no special case.
 * @module
 */
import { ForlobInputError } from './errors.js';

/** `YYYY-MM`, optionally followed by a day (`YYYY-MM-DD`, the day ignored): what the schema accepts. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/;

/**
 * The serial number of a calendar month, year · 12 + (month − 1). Accepts `YYYY-MM` and
 * `YYYY-MM-DD` (the day is ignored); anything else throws a {@link ForlobInputError} naming
 * `path` (the field the date came from).
 *
 * @example
 * ```ts
 * monthSerial('2026-01') - monthSerial('2025-12'); // 1
 * ```
 */
export function monthSerial(date: string, path = '(root)'): number {
  if (typeof date !== 'string' || !MONTH_PATTERN.test(date))
    throw new ForlobInputError([{ path, message: `expected a date YYYY-MM, got ${JSON.stringify(date)}` }]);
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** `YYYY-MM` of a month serial (see {@link monthSerial}). */
export function formatMonth(serial: number): string {
  const year = Math.floor(serial / 12);
  return `${year}-${String(serial - year * 12 + 1).padStart(2, '0')}`;
}

/** The calendar year of a month serial. */
export function yearOfSerial(serial: number): number {
  return Math.floor(serial / 12);
}

/** `YYYY-MM` of the month `n` months after `date` (`n` may be negative). */
export function addMonths(date: string, n: number): string {
  return formatMonth(monthSerial(date) + n);
}

/** Months from `from` to `to` (negative when `to` is earlier): `monthsBetween('2025-12', '2026-02')` is 2. */
export function monthsBetween(from: string, to: string): number {
  return monthSerial(to) - monthSerial(from);
}

/** The calendar year of month index `t` of a model starting at `start` (month 0). */
export function yearOfMonth(start: string, t: number): number {
  return yearOfSerial(monthSerial(start) + t);
}

/** Midnight UTC on the first day of `date`'s month. */
export function firstDayUTC(date: string): Date {
  const serial = monthSerial(date);
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  d.setUTCFullYear(yearOfSerial(serial), serial % 12, 1);
  return d;
}

/** The month index a calendar step takes effect (a date counts from the model's `start`; NaN without one). */
export function stepMonth(m: { start?: string }, from: string | number): number {
  if (typeof from === 'number') return from;
  if (!m.start) return Number.NaN;
  return monthsBetween(m.start, from);
}
