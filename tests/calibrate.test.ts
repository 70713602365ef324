/**
 * Calibration and relative effects: exact checks of the maths, and the simulated
 * today-scenario reproducing the observed shares within Monte Carlo error.
 */
import { describe, expect, it } from 'vitest';
import { calibrateRow } from '../src/calibrate/calibrate.js';
import { applyHazardRatios, applyOddsRatio } from '../src/compile/effects.js';
import { baselineMatrix } from '../src/compile/resolve.js';
import { normalise } from '../src/model/normalise.js';
import { ForlobInputError, simulate } from '../src/index.js';
import type { ModelSpec } from '../src/model/types.js';
import { exactDetailed } from './exact-detailed.js';

const shares = { job: 0.216, edu: 0.067, flex: 0.02 };

function calibrated(withPaidHours: boolean, H = 36, observedMonths?: number): ModelSpec {
  return {
    name: 'calibrated',
    horizonMonths: H,
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: 12326 },
      { id: 'ph', kind: 'benefit', monthlyTransfer: 8000, paidHours: true },
      { id: 'job', kind: 'success' },
      { id: 'edu', kind: 'success' },
      { id: 'flex', kind: 'success' },
      { id: 'out', kind: 'exit' },
    ],
    transitions: { ph: { kh: 0.15, job: 0.03 } },
    groups: [{ id: 'kh', size: 980, initialState: 'kh' }],
    calibration: {
      kh: {
        completedShares: shares,
        otherExit: 'out',
        meanMonths: 30,
        ...(observedMonths ? { observedMonths } : {}),
        ...(withPaidHours ? { paidHours: { state: 'ph', everShare: 0.113 } } : {}),
      },
    },
    scenarios: [{ id: 'today' }],
  };
}

describe('calibrateRow', () => {
  it('without paid hours: r_d = q_d / D exactly', () => {
    const row = calibrateRow({ shares: { ...shares, out: 0.697 }, meanMonths: 30 });
    expect(row.job).toBeCloseTo(0.216 / 30, 15);
    expect(row.out).toBeCloseTo(0.697 / 30, 15);
  });
  it('from a completion share: 1 − (1 − h)^W = c', () => {
    const row = calibrateRow({
      shares: { job: 0.5, out: 0.5 },
      completion: { share: 0.4, withinMonths: 12 },
    });
    const h = row.job + row.out;
    expect(1 - (1 - h) ** 12).toBeCloseTo(0.4, 9);
  });
  it.each([false, true])(
    'paid hours %s: with observedMonths = H, shares and paid-hours rate are exact within H',
    (ph) => {
      const m = calibrated(ph, 36, 36);
      const ex = exactDetailed(m).today;
      const total = Object.values(ex.exitsTo).reduce((a, b) => a + b, 0);
      for (const [d, q] of Object.entries(shares)) expect(ex.exitsTo[d] / total).toBeCloseTo(q, 9);
      expect(ex.completedSuccessShare).toBeCloseTo(0.303, 9);
      if (ph) expect(ex.paidHoursRate).toBeCloseTo(0.113, 9);
    },
  );
  it.each([false, true])(
    'paid hours %s: by default the shares are of whole courses (absorption probabilities)',
    (ph) => {
      // Iterate the transient pair {kh, ph} of the calibrated matrix until no mass is left:
      // where courses end, and the share that reaches paid hours before they end.
      const P = baselineMatrix(normalise(calibrated(ph)));
      const S = 6;
      const ended = new Float64Array(S);
      let [a, b, reached] = [1, 0, 0];
      let [a2] = [1]; // the chain with paid hours absorbing: who reaches it first
      for (let t = 0; t < 20_000 && a + b > 1e-16; t++) {
        for (let d = 2; d < S; d++) ended[d] += a * P[d] + b * P[S + d];
        const stayA = 1 - P.slice(0, S).reduce((x, y) => x + y, 0);
        const stayB = 1 - P.slice(S, 2 * S).reduce((x, y) => x + y, 0);
        reached += a2 * P[1];
        a2 *= stayA;
        [a, b] = [a * stayA + b * P[S], a * P[1] + b * stayB];
      }
      expect(ended.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      for (const [d, q] of Object.entries(shares))
        expect(ended[['kh', 'ph', 'job', 'edu', 'flex'].indexOf(d)]).toBeCloseTo(q, 12);
      if (ph) expect(reached).toBeCloseTo(0.113, 12);
    },
  );
  it('the calibrated rows do not depend on the horizon', () => {
    for (const ph of [false, true]) {
      const rows = [12, 24, 36, 60].map((H) => Array.from(baselineMatrix(normalise(calibrated(ph, H)))));
      for (const r of rows.slice(1)) expect(r).toEqual(rows[0]);
    }
  });
  it('the same seed at horizons 24 and 60 gives identical first 24 months', async () => {
    const run = (H: number) => simulate(calibrated(true, H), { replicates: 20, seed: 'h', occupancy: true });
    const [a, b] = await Promise.all([run(24), run(60)]);
    const months = (t: Awaited<ReturnType<typeof run>>, H: number) => {
      const occ = t.raw.occupancy!;
      const S = 6;
      const out: number[] = [];
      for (let r = 0; r < 20; r++)
        for (let s = 0; s < S; s++) for (let m = 0; m <= 24; m++) out.push(occ[(r * S + s) * (H + 1) + m]);
      return out;
    };
    const first = months(a, 24);
    expect(first.some((v, i) => v !== first[i % 25])).toBe(true); // the occupancy moves
    expect(months(b, 60)).toEqual(first);
  });
  it('paid hours: the mean course length is the target (long horizon)', () => {
    const m = calibrated(true, 3000);
    const P = baselineMatrix(normalise(m));
    // Mean months in the benefit block {kh, ph} before absorption, by iteration.
    let a = 1;
    let b = 0;
    let months = 0;
    for (let t = 0; t < 3000; t++) {
      months += a + b;
      const S = 6;
      const stayA = 1 - P.slice(0, S).reduce((x, y) => x + y, 0);
      const stayB = 1 - P.slice(S, 2 * S).reduce((x, y) => x + y, 0);
      [a, b] = [a * stayA + b * P[S + 0], a * P[1] + b * stayB];
    }
    expect(months).toBeCloseTo(30, 6);
  });
  it('reports impossible targets with the path', () => {
    expect(() =>
      calibrateRow(
        {
          shares: { job: 0.01, out: 0.99 },
          meanMonths: 5,
          paidHours: { state: 'ph', everShare: 0.5, backProbability: 0, exits: { job: 0.5 } },
        },
        'calibration.kh',
      ),
    ).toThrow(ForlobInputError);
  });
  it('the simulated today-scenario reproduces the observed figures within Monte Carlo error', async () => {
    const R = 600;
    const res = await simulate(calibrated(true, 36, 36), { replicates: R, seed: 'cal' });
    const m = res.scenarios[0].metrics;
    expect(Math.abs(m.completedSuccessShare.mean! - 0.303)).toBeLessThan(
      4 * (m.completedSuccessShare.sd! / Math.sqrt(R)),
    );
    expect(Math.abs(m.paidHoursRate.mean! - 0.113)).toBeLessThan(4 * (m.paidHoursRate.sd! / Math.sqrt(R)));
  });
});

describe('relative effects', () => {
  it('a common hazard ratio k turns the total into 1 − (1 − P)^k and keeps the split', () => {
    const row = new Float64Array([0.02, 0.01, 0.03]);
    applyHazardRatios(row, new Float64Array([1.5, 1.5, 1.5]));
    const P = row.reduce((a, b) => a + b, 0);
    expect(P).toBeCloseTo(1 - (1 - 0.06) ** 1.5, 14);
    expect(row[0] / P).toBeCloseTo(1 / 3, 14);
  });
  it('a hazard ratio on one destination scales its cause-specific hazard', () => {
    const row = new Float64Array([0.02, 0.04]);
    applyHazardRatios(row, new Float64Array([1.25, 1]));
    const L = -Math.log(1 - 0.06);
    const l0 = (1.25 * L * 0.02) / 0.06;
    const l1 = (L * 0.04) / 0.06;
    const P2 = 1 - Math.exp(-(l0 + l1));
    expect(row[0]).toBeCloseTo((P2 * l0) / (l0 + l1), 15);
    expect(row[1]).toBeCloseTo((P2 * l1) / (l0 + l1), 15);
  });
  it('an odds ratio multiplies the odds', () => {
    const p = applyOddsRatio(0.2, 2);
    expect(p / (1 - p)).toBeCloseTo(2 * 0.25, 14);
  });
  it('"raises exits to job by 25 %" is one line in a model', async () => {
    const m: ModelSpec = {
      name: 'hr',
      horizonMonths: 1,
      states: [
        { id: 'kh', kind: 'benefit' },
        { id: 'job', kind: 'success' },
      ],
      transitions: { kh: { job: 0.1 } },
      groups: [{ id: 'g', size: 10, initialState: 'kh' }],
      interventions: [{ id: 'fsm', effects: { kh: { job: { hazardRatio: 1.25 } } } }],
      scenarios: [{ id: 's', allocation: { g: { fsm: 1 } } }],
    };
    const ex = exactDetailed(m).s;
    expect(ex.successRate).toBeCloseTo(1 - 0.9 ** 1.25, 14);
  });
  it('an effect pushing a row above 1 is a located error', async () => {
    const m: ModelSpec = {
      name: 'rr',
      horizonMonths: 2,
      states: [
        { id: 'kh', kind: 'benefit' },
        { id: 'job', kind: 'success' },
      ],
      transitions: { kh: { job: 0.6 } },
      groups: [{ id: 'g', size: 10, initialState: 'kh' }],
      interventions: [{ id: 'x', effects: { kh: { job: { riskRatio: 2 } } } }],
      scenarios: [{ id: 's' }],
    };
    await expect(simulate(m)).rejects.toSatisfy(
      (e: unknown) => e instanceof ForlobInputError && e.problems[0].path === 'interventions[0].effects.kh',
    );
  });
});
