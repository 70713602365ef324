/**
 * Property tests on random models: every citizen is in exactly one state each month,
 * costs are never negative, rates stay in [0, 1], allocations add up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../src/compile/compile.js';
import { replicateKeys } from '../src/random/streams.js';
import { createAccumulator, createTracks } from '../src/engine/kernel.js';
import { simulateScenarioPerCitizen } from '../src/engine/per-citizen.js';
import { simulateScenarioLockstep } from '../src/engine/lockstep/index.js';
import { largestRemainder } from '../src/model/allocation.js';
import { validateModel } from '../src/model/validate.js';
import type { ModelSpec } from '../src/model/types.js';
import { simulate } from '../src/index.js';

const kinds = ['benefit', 'success', 'exit'] as const;

/** Random valid models: rows are scaled so they never sum above 1. */
const modelArb: fc.Arbitrary<ModelSpec> = fc
  .record({
    S: fc.integer({ min: 1, max: 5 }),
    H: fc.integer({ min: 1, max: 40 }),
    kindsOf: fc.array(fc.constantFrom(...kinds), { minLength: 5, maxLength: 5 }),
    transfers: fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 5, maxLength: 5 }),
    raw: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 50, maxLength: 50 }),
    sizes: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 3 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ S, H, kindsOf, transfers, raw, sizes, share }) => {
    const ids = Array.from({ length: S }, (_, i) => `s${i}`);
    const rows = (offset: number) => {
      const out: Record<string, Record<string, number>> = {};
      ids.forEach((from, i) => {
        const ps = ids.map((_, j) => (j === i ? 0 : raw[(offset + i * 5 + j) % raw.length]));
        const sum = ps.reduce((a, b) => a + b, 0);
        const scale = sum > 1 ? 1 / sum : 1;
        const row: Record<string, number> = {};
        ps.forEach((p, j) => {
          if (p > 0) row[ids[j]] = Math.floor(p * scale * 1e6) / 1e6;
        });
        out[from] = row;
      });
      return out;
    };
    return {
      name: 'random',
      horizonMonths: H,
      states: ids.map((id, i) => ({ id, kind: kindsOf[i], monthlyTransfer: transfers[i] })),
      transitions: rows(0),
      groups: sizes.map((size, g) => ({ id: `g${g}`, size, initialState: ids[g % S] })),
      interventions: [{ id: 'iv', monthlyCost: 100, transitions: rows(25) }],
      scenarios: [
        { id: 'a' },
        { id: 'b', allocation: Object.fromEntries(sizes.map((_, g) => [`g${g}`, { iv: share }])) },
      ],
    } satisfies ModelSpec;
  });

describe('engine invariants', () => {
  it('every citizen occupies exactly one state in each month and ends in one state', () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 0, max: 1000 }), (model, r) => {
        const cm = compileModel(validateModel(model));
        const [k1, k2] = replicateKeys('prop', r);
        for (const sc of cm.scenarios) {
          const acc = createAccumulator(cm);
          simulateScenarioPerCitizen(cm, sc, k1, k2, acc);
          for (let cell = 0; cell < cm.G * cm.A; cell++) {
            let months = 0;
            let final = 0;
            for (let s = 0; s < cm.S; s++) {
              months += acc.months[cell * cm.S + s];
              final += acc.final[cell * cm.S + s];
            }
            expect(months).toBe(sc.counts[cell] * cm.H);
            expect(final).toBe(sc.counts[cell]);
          }
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('rates stay in [0, 1], months within the horizon, costs never negative', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, async (model) => {
        const res = await simulate(model, { replicates: 5, seed: 'p' });
        for (const sc of res.scenarios) {
          for (const block of [sc.metrics, ...sc.groups.map((g) => g.metrics)]) {
            for (const x of [block.successRate.lo, block.successRate.hi]) expect(x! >= 0 && x! <= 1).toBe(true);
            expect(block.benefitMonths.lo).toBeGreaterThanOrEqual(0);
            expect(block.benefitMonths.hi).toBeLessThanOrEqual(model.horizonMonths);
            expect(block.transferCost.lo).toBeGreaterThanOrEqual(0);
            expect(block.interventionCost.lo).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('the lockstep engine follows the per-citizen one citizen for citizen (one group: a capacity may bind too)', () => {
    fc.assert(
      fc.property(
        modelArb,
        fc.integer({ min: 0, max: 1000 }),
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        (model, r, places) => {
          // A capacity is first come, first served in both engines only within one group.
          const spec: ModelSpec =
            places === undefined
              ? model
              : {
                  ...model,
                  groups: model.groups.slice(0, 1),
                  scenarios: model.scenarios.map((s) =>
                    s.allocation ? { ...s, allocation: { g0: s.allocation.g0 } } : s,
                  ),
                  interventions: [{ ...model.interventions![0], capacity: { places } }],
                };
          const cm = compileModel(validateModel(spec));
          const [k1, k2] = replicateKeys('sync', r);
          for (const sc of cm.scenarios) {
            const a = createAccumulator(cm);
            const b = createAccumulator(cm);
            const ta = createTracks(cm);
            const tb = createTracks(cm);
            simulateScenarioPerCitizen(cm, sc, k1, k2, a, ta);
            simulateScenarioLockstep(cm, sc, k1, k2, b, tb);
            for (const key of Object.keys(a) as (keyof typeof a)[])
              expect(Array.from(b[key] ?? []), key).toEqual(Array.from(a[key] ?? []));
            expect(Array.from(tb.occ)).toEqual(Array.from(ta.occ));
            expect(Array.from(tb.queue)).toEqual(Array.from(ta.queue));
          }
        },
      ),
      { numRuns: 150, seed: 21 },
    );
  });

  it('steered random models: shares within bounds, at most one step a review, everyone in one state every month', () => {
    const ruleArb = fc.record({
      signal: fc.constantFrom('share', 'exits', 'exitRate', 'queue', 'freeCapacity', 'spending'),
      above: fc.double({ min: 0, max: 1, noNaN: true }),
      change: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
      below: fc.boolean(),
    });
    fc.assert(
      fc.property(
        modelArb,
        fc.integer({ min: 0, max: 1000 }),
        fc.record({
          every: fc.integer({ min: 1, max: 6 }),
          maxStep: fc.double({ min: 0, max: 0.3, noNaN: true }),
          lo: fc.double({ min: 0, max: 0.5, noNaN: true }),
          hi: fc.double({ min: 0.5, max: 1, noNaN: true }),
          places: fc.integer({ min: 0, max: 60 }),
        }),
        fc.array(ruleArb, { minLength: 1, maxLength: 4 }),
        (model, r, st, rules) => {
          const spec: ModelSpec = {
            ...model,
            interventions: [{ ...model.interventions![0], capacity: { places: st.places } }],
            scenarios: [
              model.scenarios[0],
              {
                ...model.scenarios[1],
                steering: {
                  intervention: 'iv',
                  groups: model.groups.map((g) => g.id),
                  everyMonths: st.every,
                  maxStep: st.maxStep,
                  minShare: st.lo,
                  maxShare: st.hi,
                  budget: 1000,
                  rules: rules.map((x) =>
                    x.below
                      ? { signal: x.signal, below: x.above, change: x.change }
                      : { signal: x.signal, above: x.above, change: x.change },
                  ) as never,
                },
              },
            ],
          };
          const cm = compileModel(validateModel(spec));
          const [k1, k2] = replicateKeys('steer', r);
          const sc = cm.scenarios[1];
          const acc = createAccumulator(cm);
          const tracks = createTracks(cm);
          const shares = new Float64Array(cm.H);
          simulateScenarioLockstep(cm, sc, k1, k2, acc, tracks, shares, 0);
          const start = sc.steering!.initialShare;
          for (let t = 0; t < cm.H; t++) {
            const prev = t === 0 ? start : shares[t - 1];
            if (t > 0 && t % st.every === 0) {
              expect(shares[t]).toBeGreaterThanOrEqual(Math.min(st.lo, prev) - 1e-12);
              expect(shares[t]).toBeLessThanOrEqual(Math.max(st.hi, prev) + 1e-12);
              // Limited to ±maxStep, unless the bounds pull a share from outside them in.
              if (prev >= st.lo && prev <= st.hi)
                expect(Math.abs(shares[t] - prev)).toBeLessThanOrEqual(st.maxStep + 1e-12);
            } else expect(shares[t]).toBe(prev);
          }
          let level = 0;
          for (let t = 0; t <= cm.H; t++) {
            level += tracks.queue[t];
            expect(level).toBeGreaterThanOrEqual(0);
          }
          const N = cm.N;
          let months = 0;
          let final = 0;
          for (let k = 0; k < acc.months.length; k++) months += acc.months[k];
          for (let k = 0; k < acc.final.length; k++) final += acc.final[k];
          expect(months).toBe(N * cm.H);
          expect(final).toBe(N);
          for (let k = 0; k < acc.waitMonths.length; k++) expect(acc.waitMonths[k]).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150, seed: 31 },
    );
  });

  it('largest remainder always adds up to the size and is within one of the quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { maxLength: 3 }),
        (size, shares) => {
          const counts = largestRemainder(size, shares);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(size);
          for (const [i, s] of shares.entries()) expect(Math.abs(counts[i] - s * size)).toBeLessThan(1 + 1e-6);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
    expect(largestRemainder(980, [0.6])).toEqual([588, 392]);
    expect(largestRemainder(1343, [0.2])).toEqual([269, 1074]);
  });
});
