/**
 * Years for the yearly results: calendar years when the model has a `start` date, else
 * 12-month blocks "year 1", "year 2", ….
 * @module
 */
import { monthSerial, yearOfSerial } from '../model/dates.js';

/**
 * Which year each month falls in: calendar years from `start`, or 12-month blocks. With
 * `cycle` `"year"` every step is a year of its own.
 */
export function yearsOf(
  start: string | undefined,
  H: number,
  cycle: 'month' | 'year' = 'month',
): { yearOf: Int32Array; years: string[]; yearEnd: Int32Array } {
  if (cycle === 'year') {
    const first = start === undefined ? 0 : yearOfSerial(monthSerial(start, 'start'));
    return {
      yearOf: Int32Array.from({ length: H }, (_, t) => t),
      years: Array.from({ length: H }, (_, t) => (start === undefined ? `year ${t + 1}` : String(first + t))),
      yearEnd: Int32Array.from({ length: H }, (_, t) => t + 1),
    };
  }
  const yearOf = new Int32Array(H);
  const years: string[] = [];
  const ends: number[] = [];
  const first = start === undefined ? 0 : monthSerial(start, 'start');
  for (let t = 0; t < H; t++) {
    const label = start === undefined ? `year ${Math.floor(t / 12) + 1}` : String(yearOfSerial(first + t));
    if (years[years.length - 1] !== label) {
      if (years.length) ends.push(t);
      years.push(label);
    }
    yearOf[t] = years.length - 1;
  }
  ends.push(H);
  return { yearOf, years, yearEnd: Int32Array.from(ends) };
}
