/**
 * Reproducible zip files (an xlsx workbook is one): every entry's modification time set to
 * one fixed date instead of the moment of writing, so the same result gives the same bytes.
 * @module
 */

import { firstDayUTC, MONTH_PATTERN } from '../model/dates.js';

/** Earliest date a zip (MS-DOS) timestamp can hold. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/**
 * The fixed date of a model's output files: the first day of its `start` month (`YYYY-MM`; a full date counts by its month),
 * or 1 January 1980 (the zip epoch) without one or before it.
 */
export function outputDate(start: string | undefined): Date {
  if (typeof start !== 'string' || !MONTH_PATTERN.test(start)) return ZIP_EPOCH;
  const d = firstDayUTC(start);
  // A zip date holds the years 1980–2107.
  return d < ZIP_EPOCH || d.getUTCFullYear() > 2107 ? ZIP_EPOCH : d;
}

/**
 * Set the time and date of every entry of the zip archive `zip` (local headers and the
 * central directory) to `date` (UTC, to the 2 seconds the format holds), in place.
 * Returns `zip`. An archive this cannot read is returned unchanged.
 */
export function fixZipDates(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  // End of central directory: signature 0x06054b50, within the last 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let k = 0; k < entries; k++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return zip;
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, day, true);
    const local = view.getUint32(at + 42, true);
    if (local + 30 <= zip.length && view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, time, true);
      view.setUint16(local + 12, day, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
