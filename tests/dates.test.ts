import { describe, expect, it } from 'vitest';
import {
  addMonths,
  firstDayUTC,
  formatMonth,
  monthSerial,
  monthsBetween,
  yearOfMonth,
  yearOfSerial,
} from '../src/model/dates.js';
import { ForlobInputError } from '../src/model/errors.js';

describe('dates', () => {
  it('month serials: year · 12 + month − 1, the day ignored', () => {
    expect(monthSerial('2026-01')).toBe(2026 * 12);
    expect(monthSerial('2025-12')).toBe(2025 * 12 + 11);
    expect(monthSerial('2026-03-31')).toBe(2026 * 12 + 2);
    expect(formatMonth(2026 * 12)).toBe('2026-01');
    expect(formatMonth(2025 * 12 + 11)).toBe('2025-12');
    expect(formatMonth(monthSerial('0999-07'))).toBe('999-07');
  });

  it('December rolls over into January, and back', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-11', 14)).toBe('2027-01');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
    expect(addMonths('2026-05-17', 2)).toBe('2026-07');
  });

  it('months between two dates, and years of months', () => {
    expect(monthsBetween('2025-12', '2026-02')).toBe(2);
    expect(monthsBetween('2026-02', '2025-12')).toBe(-2);
    expect(monthsBetween('2026-01', '2027-01')).toBe(12);
    expect(yearOfMonth('2025-12', 0)).toBe(2025);
    expect(yearOfMonth('2025-12', 1)).toBe(2026);
    expect(yearOfMonth('2025-12', 12)).toBe(2026);
    expect(yearOfMonth('2025-12', 13)).toBe(2027);
    expect(yearOfSerial(monthSerial('2024-12'))).toBe(2024);
  });

  it('the first day of a month, UTC, for any year', () => {
    expect(firstDayUTC('2026-02').toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(firstDayUTC('2025-12-24').toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(firstDayUTC('0050-03').getUTCFullYear()).toBe(50);
  });

  it('bad input throws a ForlobInputError naming the field', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026/01', '', 'soon', '2026-01-1'])
      expect(() => monthSerial(bad, 'calendar[0].from')).toThrow(ForlobInputError);
    try {
      monthSerial('2026-13', 'start');
      expect.unreachable();
    } catch (e) {
      expect((e as ForlobInputError).problems).toEqual([
        { path: 'start', message: 'expected a date YYYY-MM, got "2026-13"' },
      ]);
    }
    expect(() => monthSerial(202601 as unknown as string)).toThrow(/expected a date YYYY-MM/);
    expect(() => addMonths('nope', 1)).toThrow(ForlobInputError);
  });
});
