/**
 * Paired comparisons and decision summaries on constructed data with known answers.
 */
import seedrandom from 'seedrandom';
import { sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { pairedComparison } from '../src/summary/compare.js';
import { evpi, icer, netBenefit, probabilityBest } from '../src/summary/decision.js';

/** n standard normal draws from a seeded stream (Box–Muller). */
function normals(seed: string, n: number): number[] {
  const rng = seedrandom(seed);
  return Array.from(
    { length: n },
    () => Math.sqrt(-2 * Math.log(1 - rng.double())) * Math.cos(2 * Math.PI * rng.double()),
  );
}

describe('pairedComparison', () => {
  it('gives exact values on a small case, skipping NaN pairs and splitting ties', () => {
    const d = pairedComparison([1, 2, 3, 4, 5], [0, 2, 1, NaN, 5.5], true, 0.95);
    // differences 1, 0, 2, −0.5
    expect(d.mean).toBeCloseTo(0.625, 15);
    expect(d.sd).toBeCloseTo(sampleStandardDeviation([1, 0, 2, -0.5]), 15);
    expect(d.mcse).toBeCloseTo(d.sd / 2, 15);
    // interpolated quantiles of the sorted −0.5, 0, 1, 2 at positions 3 × 0.025 and 3 × 0.975
    expect(d.lo).toBeCloseTo(-0.5 + 0.075 * 0.5, 14);
    expect(d.hi).toBeCloseTo(1 + 0.925 * 1, 14);
    expect(d.probBetter).toBeCloseTo((1 + 0.5 + 1 + 0) / 4, 15);
    expect(pairedComparison([1, 2, 3, 4, 5], [0, 2, 1, NaN, 5.5], false, 0.95).probBetter).toBeCloseTo(
      (0 + 0.5 + 0 + 1) / 4,
      15,
    );
  });

  it('cancels shared noise: paired sd far below unpaired', () => {
    const n = 4000;
    const shared = normals('shared', n);
    const own = normals('own', n);
    const baseline = shared.map((z) => 100 + 10 * z);
    const scenario = shared.map((z, r) => 100.5 + 10 * z + 0.2 * own[r]);
    const d = pairedComparison(scenario, baseline, true, 0.95);
    expect(Math.abs(d.mean - 0.5)).toBeLessThan(4 * d.mcse);
    expect(Math.abs(d.sd - 0.2)).toBeLessThan(0.01);
    expect(d.sd).toBeLessThan(sampleStandardDeviation(baseline) / 20);
    expect(d.probBetter).toBeGreaterThan(0.99); // 0.5 is 2.5 paired sds
    expect(d.lo).toBeGreaterThan(0);
    expect(d.hi).toBeLessThan(1);
  });

  it('is all NaN without a usable pair and rejects ragged input', () => {
    expect(pairedComparison([NaN], [1], true, 0.95).mean).toBeNaN();
    expect(() => pairedComparison([1, 2], [1], true, 0.95)).toThrow(RangeError);
  });
});

describe('probabilityBest', () => {
  const values = [
    [1, 5, 3, 2],
    [2, 4, 3, NaN],
    [0, 0, 1, 9],
  ];
  it('counts wins per replicate, ties split, NaN replicates left out', () => {
    const up = probabilityBest(values, true);
    expect(up[0]).toBeCloseTo(1 / 3 + 1 / 6, 15);
    expect(up[1]).toBeCloseTo(1 / 3 + 1 / 6, 15);
    expect(up[2]).toBe(0);
    const down = probabilityBest(values, false);
    // lowest: replicate 1 → s2 (0); replicate 2 → s2 (0); replicate 3 → s2 (1)
    expect(down).toEqual([0, 0, 1]);
    expect(up.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 15);
  });
});

describe('evpi and netBenefit', () => {
  it('is 0 when one scenario is best in every replicate', () => {
    expect(
      evpi([
        [5, 6, 7],
        [1, 2, 3],
        [4, 5, 6.5],
      ]),
    ).toBe(0);
  });

  it('matches a hand computation', () => {
    expect(
      evpi([
        [10, 0],
        [0, 8],
      ]),
    ).toBe(4);
    // maxima 6, 5, 7 → mean 6; means 4, 3.333, 4.333 → 4.333; EVPI 1.667
    expect(
      evpi([
        [6, 2, 4],
        [1, 5, 4],
        [3, 3, 7],
      ]),
    ).toBeCloseTo(6 - 13 / 3, 14);
  });

  it('netBenefit is effect × willingness to pay − cost', () => {
    expect(netBenefit([120, 130], [30e6, 33e6], 300_000)).toEqual([6e6, 6e6]);
    expect(() => netBenefit([1], [1, 2], 1)).toThrow(RangeError);
  });
});

describe('icer', () => {
  it('is exact when every replicate has the same ratio', () => {
    const effects = [
      [0, 0, 0, 0],
      [1, 2, 3, 2],
    ];
    const costs = [
      [10, 10, 10, 10],
      [20, 30, 40, 30],
    ];
    const res = icer(costs, effects, 1, 0, 0.95);
    // No uncertain parameter: the expected differences are the means in every draw.
    expect(res).toMatchObject({
      mean: 10,
      lo: 10,
      hi: 10,
      deltaCost: 20,
      deltaEffect: 2,
      quadrant: 'NE',
      quadrantShares: { NE: 1, NW: 0, SE: 0, SW: 0 },
      dominant: false,
      dominated: false,
      replicates: 4,
    });
  });

  it('gives the ratio of means with its Monte Carlo error by the delta method, apart from the interval', () => {
    const n = 1000;
    const ze = normals('effect', n);
    const zc = normals('cost', n);
    const effects = [Array.from(ze, (z) => 100 + 5 * z), Array.from(ze, (z, r) => 120 + 5 * z + 4 * zc[r])];
    const costs = [Array.from(zc, (z) => 1e6 + 1e4 * z), Array.from(zc, (z, r) => 1.5e6 + 1e4 * z + 2e4 * ze[r])];
    const res = icer(costs, effects, 1, 0, 0.9);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const dc = costs[1].map((c, r) => c - costs[0][r]);
    const de = effects[1].map((e, r) => e - effects[0][r]);
    expect(res.mean).toBeCloseTo(mean(dc) / mean(de), 8);
    // Delta method by hand: Var(ĉ/ê) ≈ (σc² − 2ρσce + ρ²σe²) / (n ê²).
    const rho = mean(dc) / mean(de);
    const v = (xs: number[], ys: number[]) =>
      xs.reduce((a, x, i) => a + (x - mean(xs)) * (ys[i] - mean(ys)), 0) / (n - 1);
    const expected = Math.sqrt((v(dc, dc) - 2 * rho * v(dc, de) + rho * rho * v(de, de)) / n) / Math.abs(mean(de));
    expect(res.mcse).toBeCloseTo(expected, 6);
    expect(res.mcseDeltaEffect).toBeCloseTo(Math.sqrt(v(de, de) / n), 10);
    // No parameter uncertainty: the interval collapses to the ratio (the spread above is chance).
    expect(res.lo).toBeCloseTo(res.mean, 6);
    expect(res.hi).toBeCloseTo(res.mean, 6);
  });

  it('flags dominance on the cost-effectiveness plane', () => {
    const effects = [
      [1, 1],
      [2, 2],
    ];
    // more effective and cheaper: dominant
    expect(
      icer(
        [
          [5, 5],
          [3, 3],
        ],
        effects,
        1,
        0,
        0.95,
      ),
    ).toMatchObject({ quadrant: 'SE', dominant: true, dominated: false, probDominant: 1 });
    // the reverse comparison: dominated
    expect(
      icer(
        [
          [5, 5],
          [3, 3],
        ],
        effects,
        0,
        1,
        0.95,
      ),
    ).toMatchObject({ quadrant: 'NW', dominant: false, dominated: true, probDominated: 1 });
    // less effective and cheaper (south-west): an ICER, no flag
    expect(
      icer(
        [
          [5, 5],
          [9, 9],
        ],
        effects,
        0,
        1,
        0.95,
      ),
    ).toMatchObject({ quadrant: 'SW', mean: 4, dominant: false, dominated: false });
    expect(() => icer([[5, 5]], [[1, 1]], 1, 0, 0.95)).toThrow(RangeError);
  });
});
