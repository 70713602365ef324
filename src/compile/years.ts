/**
 * Years for the yearly results: calendar years when the model has a `start` date, else
 * 12-month blocks "year 1", "year 2", ….
 * @module
 */
import { monthSerial, yearOfSerial } from '../model/dates.js';

/** Which year each month falls in: calendar years from `start`, or 12-month blocks. */
export function yearsOf(
  start: string | undefined,
  H: number,
): { yearOf: Int32Array; years: string[]; yearEnd: Int32Array } {
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
