/**
 * The refusion ladder as the law counts it (issue 15; `refusion: "dk"`): a flex job's
 * months advance the count and are reimbursed on it, and the count restarts after 12
 * months of self-support within 36. Known answers worked by hand on a course whose every
 * stay has a fixed length, an exact oracle for a random model with a small restart
 * window, both engines equal, and `"dk-2016"` as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../src/compile/compile.js';
import { createAccumulator, createTracks, ladderRestarts } from '../src/engine/kernel.js';
import { simulateScenarioLockstep } from '../src/engine/lockstep/index.js';
import { simulateScenarioPerCitizen } from '../src/engine/per-citizen.js';
import { simulate } from '../src/index.js';
import { normalise } from '../src/model/normalise.js';
import { ladderOf, REFUSION_DK, REFUSION_DK_2016 } from '../src/model/refusion.js';
import type { ModelSpec } from '../src/model/types.js';
import { validateModel } from '../src/model/validate.js';
import { replicateKeys } from '../src/random/streams.js';
import { exactNetTransfers } from './exact-refusion.js';

/** The law's steps without a restart or a source. */
const STEPS = { fromWeek: [...REFUSION_DK_2016.fromWeek], reimbursedShare: [...REFUSION_DK_2016.reimbursedShare] };

/** A hazard ratio that turns a row's exit probability into 1 (and 0 into 0). */
const SURE = 1e9;

/**
 * Every citizen: kontanthjælp 3 months, a flex job 12 months, a job `jobMonths` months,
 * then kontanthjælp again until the horizon (month 40). Stays have fixed lengths through
 * duration bands on the state clock whose hazard ratios are 0 or {@link SURE}.
 */
function course(refusion: 'dk' | 'dk-2016', jobMonths: 11 | 12): ModelSpec {
  return {
    name: 'course',
    horizonMonths: 40,
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: 10_000 },
      { id: 'flex', kind: 'success', monthlyTransfer: 5_000, reimbursed: true },
      { id: 'job', kind: 'success' },
      { id: 'kh2', kind: 'benefit', monthlyTransfer: 10_000 },
    ],
    transitions: { kh: { flex: 0.5 }, flex: { job: 0.5 }, job: { kh2: 0.5 } },
    groups: [{ id: 'g', size: 10, initialState: 'kh' }],
    scenarios: [{ id: 's' }],
    duration: {
      clock: 'state',
      bands: [0, 2, 10, 11],
      hazardRatios: {
        kh: [0, SURE, SURE, SURE],
        flex: [0, 0, 0, SURE],
        job: jobMonths === 12 ? [0, 0, 0, SURE] : [0, 0, SURE, SURE],
      },
    },
    costs: { refusion },
  };
}

/**
 * The municipality's share in the c-th month on the ladder (from 0), worked by hand from
 * the law's weeks at 52/12 weeks a month: month 0 holds weeks 1–4 at 80 % and a third of
 * week 5 at 40 %, so (4 · 0.2 + 1/3 · 0.6) / (13/3) = 3/13; months 1–5 fall in weeks 5–26
 * (60 %), months 6–11 in weeks 27–52 (70 %), months from 12 after week 52 (80 %).
 */
function share(c: number): number {
  if (c === 0) return 3 / 13;
  if (c <= 5) return 0.6;
  if (c <= 11) return 0.7;
  return 0.8;
}
/** Σ share(c) for c in [from, from + n). */
const shares = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => share(from + k)).reduce((a, b) => a + b, 0);

async function netPerCitizen(m: ModelSpec) {
  const res = await simulate(m, { replicates: 1, seed: 'k' });
  const sc = res.scenarios[0];
  return {
    net: sc.metrics.netTransferCost.mean! / 10,
    gross: sc.metrics.transferCost.mean! / 10,
    benefit: sc.metrics.benefitMonths.mean!,
    yearly: res.yearly!.filter((l) => l.item === 'netTransferCost' && l.year !== 'total'),
  };
}

describe('refusion "dk": known answers worked by hand', () => {
  // Months: kh 0–2, flex 3–14, job 15–26 (or 15–25), kh2 from 27 (or 26) to 39.
  const kh = 10_000 * shares(0, 3);
  it('a flex job climbs the ladder; 12 months in a job restart it', async () => {
    const r = await netPerCitizen(course('dk', 12));
    // flex: ladder months 3–14; kh2: 12 months of self-support since the count began → from 0.
    const want = kh + 5_000 * shares(3, 12) + 10_000 * shares(0, 13);
    expect(Math.abs(r.net - want)).toBeLessThan(1e-9 * want);
    expect(r.gross).toBe(10_000 * 16 + 5_000 * 12);
    // The yearly lines add up to the total (the month-by-month share, tracks.net).
    const sum = r.yearly.reduce((a, l) => a + l.mean, 0);
    expect(Math.abs(sum / 10 - want)).toBeLessThan(1e-9 * want);
  });
  it('11 months in a job do not restart it: back at ladder month 15', async () => {
    const r = await netPerCitizen(course('dk', 11));
    const want = kh + 5_000 * shares(3, 12) + 10_000 * shares(15, 14);
    expect(Math.abs(r.net - want)).toBeLessThan(1e-9 * want);
  });
  it('"dk-2016" as before: the flex job keeps the share it starts with, the count never restarts', async () => {
    const a = await netPerCitizen(course('dk-2016', 12));
    const wantA = kh + 5_000 * 12 * share(3) + 10_000 * shares(3, 13);
    expect(Math.abs(a.net - wantA)).toBeLessThan(1e-9 * wantA);
    const b = await netPerCitizen(course('dk-2016', 11));
    const wantB = kh + 5_000 * 12 * share(3) + 10_000 * shares(3, 14);
    expect(Math.abs(b.net - wantB)).toBeLessThan(1e-9 * wantB);
  });
});

describe("the benefit duration clock is not the law's count", () => {
  it('keeps counting months on benefit through a restart: the rule changes money, never the courses', async () => {
    const withClock = (refusion: 'dk' | 'dk-2016'): ModelSpec => ({
      ...randomModel({ refusion }),
      horizonMonths: 60,
      duration: { clock: 'benefit', bands: [0, 6, 18], hazardRatios: { kh: [1.5, 1, 0.5], flex: [1, 1, 0.5] } },
    });
    const dk = await simulate(withClock('dk'), { replicates: 30, seed: 'clock' });
    const old = await simulate(withClock('dk-2016'), { replicates: 30, seed: 'clock' });
    for (const name of ['successRate', 'benefitMonths', 'transferCost', 'paidHoursRate'] as const)
      expect(dk.scenarios[0].metrics[name], name).toEqual(old.scenarios[0].metrics[name]);
    // …while the money differs: the flex job climbs, the count restarts.
    expect(dk.scenarios[0].metrics.netTransferCost.mean).not.toBe(old.scenarios[0].metrics.netTransferCost.mean);
  });
});

describe('the restart rule (kernel.ladderRestarts)', () => {
  const cm = { restartMonths: 12, restartWindow: 36 } as Parameters<typeof ladderRestarts>[0];
  it('counts self-support in total, not in a row, within 36 months and since the count began', () => {
    // 8 months, then 4: 12 in total.
    expect(ladderRestarts(cm, [3, 11, 21, 25], 2, 0, 25)).toBe(true);
    expect(ladderRestarts(cm, [3, 11, 21, 24], 2, 0, 24)).toBe(false);
    // The same 12 months, but the first 6 of them more than 36 months back.
    expect(ladderRestarts(cm, [3, 11, 37, 41], 2, 0, 41)).toBe(false);
    expect(ladderRestarts(cm, [3, 11, 37, 41], 2, 0, 39)).toBe(true);
    // Nothing to restart before the count began; self-support before it does not count.
    expect(ladderRestarts(cm, [0, 20], 1, -1, 20)).toBe(false);
    expect(ladderRestarts(cm, [0, 20], 1, 10, 20)).toBe(false);
    expect(ladderRestarts(cm, [0, 22], 1, 10, 22)).toBe(true);
  });
});

/** A random course with a flex job, a restart after 3 months of self-support within 6, discounting. */
function randomModel(refusion: ModelSpec['costs']): ModelSpec {
  return {
    name: 'oracle',
    horizonMonths: 24,
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: 12_000 },
      { id: 'flex', kind: 'success', monthlyTransfer: 7_000, reimbursed: true, refusionCount: 'support' },
      { id: 'job', kind: 'success' },
      { id: 'edu', kind: 'success', refusionCount: 'neither' },
      { id: 'out', kind: 'exit' },
    ],
    transitions: {
      kh: { flex: 0.06, job: 0.12, edu: 0.05, out: 0.02 },
      flex: { kh: 0.08, job: 0.05 },
      job: { kh: 0.2 },
      edu: { kh: 0.15, job: 0.1 },
    },
    groups: [
      { id: 'new', size: 300, initialState: 'kh' },
      { id: 'long', size: 200, initialState: 'kh', priorBenefitMonths: 20 },
      { id: 'working', size: 100, initialState: 'job' },
    ],
    scenarios: [{ id: 's' }],
    duration: { clock: 'state', bands: [0, 4], hazardRatios: { kh: [1.4, 0.8], job: [1.5, 0.7] } },
    costs: { ...refusion, discountRate: 0.05 },
  };
}

describe('refusion with a restart: the engine against the exact oracle', () => {
  const R = 600;
  it.each([
    ['an own ladder restarting after 3 of 6 months', { ...STEPS, restart: { selfSupportMonths: 3, withinMonths: 6 } }],
    ['…after 2 of 2 (in a row)', { ...STEPS, restart: { selfSupportMonths: 2, withinMonths: 2 } }],
    [
      '…after 4 of 9, steps of its own',
      { fromWeek: [1, 9, 20], reimbursedShare: [0.9, 0.5, 0.1], restart: { selfSupportMonths: 4, withinMonths: 9 } },
    ],
  ])('%s: mean net transfers within 4 standard errors', async (_, ladder) => {
    const m = randomModel({ refusion: ladder });
    const res = await simulate(m, { replicates: R, seed: 'oracle' });
    const s = res.scenarios[0].metrics.netTransferCost;
    const exact = exactNetTransfers(m);
    const tol = 4 * (s.sd! / Math.sqrt(R));
    expect(Math.abs(s.mean! - exact), `${s.mean} vs exact ${exact} (tol ${tol})`).toBeLessThanOrEqual(tol);
  });
  it('the oracle tells the rules apart by more than the tolerance (the test has power)', () => {
    const ladder = { ...STEPS, restart: { selfSupportMonths: 3, withinMonths: 6 } };
    const restart = exactNetTransfers(randomModel({ refusion: ladder }));
    const never = exactNetTransfers(randomModel({ refusion: STEPS }));
    // About 7 % of the net, where 4 standard errors of a 600-replicate mean are about 0.5 %.
    expect((never - restart) / never).toBeGreaterThan(0.05);
  });
});

describe('"dk" is the law ladder', () => {
  it('equals an own ladder with its steps and restart, given the same counts', async () => {
    const m = randomModel({ refusion: 'dk' });
    const own = randomModel({
      refusion: {
        fromWeek: REFUSION_DK.fromWeek,
        reimbursedShare: REFUSION_DK.reimbursedShare,
        restart: REFUSION_DK.restart,
      },
    });
    const a = await simulate({ ...m, horizonMonths: 60 }, { replicates: 20, seed: 'same' });
    const b = await simulate({ ...own, horizonMonths: 60 }, { replicates: 20, seed: 'same' });
    expect(a.scenarios[0].metrics.netTransferCost.mean).toBe(b.scenarios[0].metrics.netTransferCost.mean);
    expect(ladderOf('dk')).toBe(REFUSION_DK);
    expect(ladderOf('dk-2016')).toBe(REFUSION_DK_2016);
    expect(ladderOf('none')).toBeUndefined();
  });
  it('fills each state\'s count: a reimbursed flex job is support under "dk" only', () => {
    const states = (refusion: ModelSpec['costs']) =>
      normalise(
        validateModel({
          ...course('dk', 12),
          states: [...course('dk', 12).states, { id: 'out', kind: 'exit' }],
          costs: refusion,
        }),
      ).states.map((s) => s.refusionCount);
    expect(states({ refusion: 'dk' })).toEqual(['support', 'support', 'selfSupport', 'support', 'neither']);
    expect(states({ refusion: 'dk-2016' })).toEqual(['support', 'neither', 'selfSupport', 'support', 'neither']);
    expect(states({ refusion: STEPS })).toEqual(['support', 'neither', 'selfSupport', 'support', 'neither']);
  });
  it('refuses a window shorter than the months it must hold, and an unknown count, naming the field', () => {
    const bad = {
      ...course('dk', 12),
      costs: { refusion: { ...STEPS, restart: { selfSupportMonths: 12, withinMonths: 6 } } },
    };
    expect(() => validateModel(bad)).toThrow(/costs\.refusion\.restart\.withinMonths/);
    const huge = {
      ...course('dk', 12),
      costs: { refusion: { ...STEPS, restart: { selfSupportMonths: 3e9, withinMonths: 3e9 } } },
    };
    expect(() => validateModel(huge)).toThrow(
      /costs\.refusion\.restart\.selfSupportMonths: expected at most 1200 months/,
    );
    const badCount = {
      ...course('dk', 12),
      states: [{ id: 'kh', kind: 'benefit', refusionCount: 'sometimes' }, ...course('dk', 12).states.slice(1)],
    };
    expect(() => validateModel(badCount as ModelSpec)).toThrow(/states\[0\]\.refusionCount/);
  });
});

function expectClose(b: ArrayLike<number>, a: ArrayLike<number>, what: string) {
  expect(b.length, what).toBe(a.length);
  for (let k = 0; k < a.length; k++)
    expect(Math.abs(b[k] - a[k]), `${what}[${k}]`).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(a[k])));
}

describe('both engines, citizen for citizen, with the law ladder', () => {
  it('random models, random counts and restarts: equal accumulators and month-by-month shares', () => {
    const counts = ['support', 'selfSupport', 'neither', undefined] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.constantFrom(...counts), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        (r, cs, need, extra, prior, law) => {
          const base = randomModel({ refusion: 'dk' });
          const spec: ModelSpec = {
            ...base,
            horizonMonths: 30,
            states: base.states.map((s, i) => ({ ...s, refusionCount: cs[i] })),
            groups: base.groups.map((g) => ({ ...g, size: 40, priorBenefitMonths: prior })),
            costs: {
              refusion: law ? 'dk' : { ...STEPS, restart: { selfSupportMonths: need, withinMonths: need + extra } },
            },
          };
          const cm = compileModel(validateModel(spec));
          const [k1, k2] = replicateKeys('law', r);
          for (const sc of cm.scenarios) {
            const a = createAccumulator(cm);
            const b = createAccumulator(cm);
            const ta = createTracks(cm);
            const tb = createTracks(cm);
            simulateScenarioPerCitizen(cm, sc, k1, k2, a, ta);
            simulateScenarioLockstep(cm, sc, k1, k2, b, tb);
            // Counts are equal; money is equal up to the order of additions.
            for (const key of Object.keys(a) as (keyof typeof a)[]) {
              const x = a[key];
              const y = b[key];
              if (x === null || y === null) expect(y, key).toBe(x);
              else if (x instanceof Float64Array) expectClose(y, x, key);
              else expect(Array.from(y), key).toEqual(Array.from(x));
            }
            expectClose(tb.net, ta.net, 'net');
            expect(Array.from(tb.occ)).toEqual(Array.from(ta.occ));
          }
        },
      ),
      { numRuns: 80, seed: 15 },
    );
  });
});
