/**
 * A result's three parts (issue 14): summaries as plain data, tables built on first read,
 * raw arrays with the layout that says what each number is — and the 0.1 flat names still
 * readable.
 */
import { describe, expect, it } from 'vitest';
import { METRICS, simulate } from '../src/index.js';
import { exampleModel } from './models.js';

describe('result shape', () => {
  it('raw arrays match their layout, tables are built once, old names read the same arrays', async () => {
    const result = await simulate(exampleModel, { replicates: 7, seed: 'shape', occupancy: true });
    const { layout } = result.raw;
    const Sc = result.scenarios.length;
    expect(layout.scenarios.map((s) => s.id)).toEqual(result.scenarios.map((s) => s.id));
    expect(layout.strides.replicate).toBe(Sc * (layout.G + 1) * METRICS.length);
    expect(result.raw.values.length).toBe(7 * layout.strides.replicate);
    expect(result.raw.monthly!.length).toBe(7 * layout.strides.monthly);
    expect(result.raw.yearly!.length).toBe(7 * layout.strides.yearly);
    expect(result.raw.occupancy!.length).toBe(7 * layout.strides.occupancy);
    expect(result.raw.arms!.length).toBe(7 * layout.strides.arms);
    // The summary's mean is the mean of the raw rows at the layout's offsets.
    const m = METRICS.indexOf('successRate');
    let sum = 0;
    for (let r = 0; r < 7; r++) sum += result.raw.values[r * layout.strides.replicate + layout.G * METRICS.length + m];
    expect(result.scenarios[0].metrics.successRate.mean).toBeCloseTo(sum / 7, 12);
    // Tables: one object per name, built on first read, rows as the layout says.
    expect(result.tables.draws).toBe(result.tables.draws);
    expect(result.tables.draws.numRows()).toBe(7 * Sc * (layout.G + 1));
    expect(result.tables.occupancy!.numRows()).toBe(Sc * layout.S * (layout.H + 1));
    // The 0.1 names: the same objects, not enumerated (so JSON and spreads see the new shape only).
    expect(result.values).toBe(result.raw.values);
    expect(result.monthlyValues).toBe(result.raw.monthly);
    expect(result.summary).toBe(result.tables.summary);
    expect(result.occupancy).toBe(result.tables.occupancy);
    expect(Object.keys(result)).not.toContain('values');
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['scenarios', 'tables', 'raw']));
  });
});
