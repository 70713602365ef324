/**
 * Known answers for the decision figures: probability best and EVPI are about the uncertain
 * parameters (individual chance averaged out), EVPI and EVPPI against the closed form for a
 * normal cost parameter, EVPPI ≈ 0 for a parameter that cannot change the decision, and the
 * four ICER quadrants with their wording.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { simulate } from '../src/run/simulate.js';
import { evppi, icer, icerReading, metamodel, probabilityBest } from '../src/statistics.js';
import { icerText } from '../src/report/text.js';
import { formatTable } from '../src/report/text.js';
import { armMatrix, step } from './exact.js';
import { exampleModel } from './models.js';
import type { ModelSpec } from '../src/model/types.js';

const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);

function normals(seed: string, n: number): number[] {
  const rng = seedrandom(seed);
  return Array.from({ length: n }, () => {
    const u = 1 - rng.double();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.double());
  });
}

describe('decision figures without uncertain parameters', () => {
  it('give EVPI exactly 0 and probability best 0 or 1, even where chance alone flips replicates', async () => {
    const first = await simulate(exampleModel, { replicates: 200, seed: 'flip' });
    // The willingness to pay at which the two scenarios' net benefits tie on average.
    const wtp = Math.abs(first.comparisons[0].icer.mean);
    const res = await simulate(exampleModel, {
      replicates: 200,
      seed: 'flip',
      willingnessToPay: wtp,
      willingnessToPayRange: { min: 0, max: 2 * wtp, step: wtp / 4 },
    });
    // Chance does flip the raw replicates: the naive reading would split the probability.
    const N = 980;
    const raw = res.scenarios.map((_, s) => {
      const out: number[] = [];
      const per = 2 * 16;
      for (let r = 0; r < 200; r++)
        out.push(res.values[r * 2 * per + s * per + 16 + 0] * N * wtp - res.values[r * 2 * per + s * per + 16 + 8]);
      return out;
    });
    const naive = probabilityBest(raw, true);
    expect(naive[0]).toBeGreaterThan(0.05);
    expect(naive[0]).toBeLessThan(0.95);
    expect(res.decision.method).toBe('none');
    expect(res.decision.evpi).toBe(0);
    for (const p of Object.values(res.decision.probabilityBestNetBenefit)) expect([0, 1]).toContain(p);
    for (const name of ['successRate', 'municipalCost', 'benefitMonths'] as const)
      for (const p of Object.values(res.decision.probabilityBest[name])) expect([0, 1]).toContain(p);
    expect(res.decision.ceac).toHaveLength(9);
    for (const point of res.decision.ceac) {
      expect(point.evpi).toBe(0);
      for (const p of Object.values(point.probabilityBest)) expect([0, 1]).toContain(p);
    }
    expect(res.decision.evppi).toEqual([]);
  });
});

/**
 * Two scenarios with identical rows, the second's intervention costing c ~ Normal(1000, 100)
 * DKK a month on benefit instead of 1000. Its expected incremental net benefit at any
 * willingness to pay is −(c − 1000)·E[benefit months], so EVPI = EVPPI(c) = E[BM]·σ·φ(0),
 * while the job probability p (shared by both arms) moves both costs alike and cannot change
 * the decision: EVPPI(p) = 0.
 */
function normalCostModel(): ModelSpec {
  return {
    name: 'normal cost',
    horizonMonths: 24,
    parameters: {
      c: { dist: 'normal', mean: 1000, sd: 100 },
      p: { dist: 'beta', alpha: 40, beta: 1960 },
    } as unknown as ModelSpec['parameters'],
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: 10000 },
      { id: 'job', kind: 'success' },
    ],
    transitions: { kh: { job: { param: 'p' } as unknown as number } },
    groups: [{ id: 'all', size: 500, initialState: 'kh' }],
    interventions: [
      { id: 'fixed', monthlyCost: 1000 },
      { id: 'uncertain', monthlyCost: { param: 'c' } as unknown as number },
    ],
    scenarios: [
      { id: 'a', allocation: { all: { fixed: 1 } } },
      { id: 'b', allocation: { all: { uncertain: 1 } } },
    ],
  };
}

describe('EVPI and EVPPI for a normal cost parameter', () => {
  it('match the closed form E[BM]·σ·φ(0), and EVPPI of a parameter that cannot change the decision is ≈ 0', async () => {
    const model = normalCostModel();
    const R = 2000;
    const res = await simulate(model, { replicates: R, seed: 'evpi', evppiGroups: [['c', 'p']] });
    // Exact expected benefit months at the mean job probability (E[BM] over p differs by
    // the curvature only: checked below against the same draws instead).
    const point = { ...model, transitions: { kh: { job: 0.02 } } } as ModelSpec;
    let pi = [1, 0];
    let bm = 0;
    for (let t = 0; t < 24; t++) {
      bm += 500 * pi[0];
      pi = step(pi, armMatrix(point, null));
    }
    const closed = bm * 100 * phi(0);
    const d = res.decision;
    expect(d.method).toBe('regression');
    const byName = (names: string[]) => d.evppi.find((e) => e.parameters.join() === names.join())!;
    // The closed form, within 4 standard errors of the estimator over R draws of c
    // (sd of (c − 1000)⁻ is σ·√(1/2 − 1/(2π))) plus 2 % for E[BM] over p.
    const se = (bm * 100 * Math.sqrt(0.5 - 1 / (2 * Math.PI))) / Math.sqrt(R);
    expect(Math.abs(d.evpi - closed)).toBeLessThan(4 * se + 0.02 * closed);
    // EVPI and EVPPI(c) agree with the oracle on the same draws: E over draws of E[BM | p]·(1000 − c)⁺.
    const rowsBM = (p: number) => 500 * ((1 - (1 - p) ** 24) / p);
    let oracle = 0;
    for (let r = 0; r < R; r++) {
      const rng = drawsOf(model, r);
      oracle += rowsBM(rng.p) * Math.max(0, 1000 - rng.c);
    }
    oracle /= R;
    const cOnly = byName(['c']);
    expect(Math.abs(cOnly.value - oracle) / oracle).toBeLessThan(0.03);
    expect(Math.abs(d.evpi - oracle) / oracle).toBeLessThan(0.03);
    expect(Math.abs(byName(['c', 'p']).value - oracle) / oracle).toBeLessThan(0.03);
    expect(cOnly.se).toBeGreaterThan(0);
    expect(cOnly.se).toBeLessThan(0.05 * oracle);
    // p moves both arms' costs alike: resolving it alone cannot change the choice.
    expect(byName(['p']).value).toBeLessThan(0.01 * oracle);
    // The CEAC at wtp 0: b is best when c < 1000, half the draws.
    const at0 = d.ceac[0];
    expect(at0.wtp).toBe(0);
    expect(Math.abs(at0.probabilityBest.b - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / R));
    expect(at0.evpi).toBeCloseTo(d.evpi, 6);
  });

  it('evppi() recovers the closed form of a normal incremental net benefit under heavy chance', () => {
    const n = 4000;
    const m = -50;
    const s = 200;
    const theta = normals('theta', n).map((z) => m + s * z);
    const noise = normals('noise', n);
    // INB = θ + chance with sd 3s: the regression must average the chance out.
    const nb = [new Array<number>(n).fill(0), theta.map((t, i) => t + 3 * s * noise[i])];
    const rng = seedrandom('se');
    const res = evppi(nb, [theta], () => rng.double());
    const closed = m * Phi(m / s) + s * phi(m / s) - Math.max(0, m);
    const se = (s * Math.sqrt(0.5 - 1 / (2 * Math.PI))) / Math.sqrt(n) + (3 * s) / Math.sqrt(n);
    expect(Math.abs(res.value - closed)).toBeLessThan(4 * se);
    // Without the regression, chance would be counted as resolvable: E[max(0, INB)] is far larger.
    const naive = nb[1].reduce((a, x) => a + Math.max(0, x), 0) / n - Math.max(0, nb[1].reduce((a, x) => a + x, 0) / n);
    expect(naive).toBeGreaterThan(2 * closed);
  });

  it('the metamodel keeps the mean alone for an outcome no parameter moves, and follows a curve that one does', () => {
    const n = 1000;
    const x = normals('x', n);
    const chance = normals('c', n);
    const flat = metamodel([x]).fit(chance);
    expect(new Set(flat).size).toBe(1);
    const curve = x.map((v) => Math.tanh(2 * v) + 0.3 * v * v);
    const noisy = curve.map((v, i) => v + 0.3 * chance[i]);
    const fitted = metamodel([x]).fit(noisy);
    const rmse = (f: ArrayLike<number>) => Math.sqrt(Array.from(f).reduce((a, v, i) => a + (v - curve[i]) ** 2, 0) / n);
    // Far closer to the curve than the noisy outcomes (0.3) or the best straight line.
    expect(rmse(fitted)).toBeLessThan(0.1);
    const mx = x.reduce((a, v) => a + v, 0) / n;
    const my = noisy.reduce((a, v) => a + v, 0) / n;
    const slope = x.reduce((a, v, i) => a + (v - mx) * (noisy[i] - my), 0) / x.reduce((a, v) => a + (v - mx) ** 2, 0);
    expect(rmse(x.map((v) => my + slope * (v - mx)))).toBeGreaterThan(2 * rmse(fitted));
  });
});

function Phi(z: number): number {
  // Abramowitz–Stegun 7.1.26 via erf, accurate to 1e-7: enough for a test tolerance.
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

import { drawParameters } from '../src/params/plan.js';
import { planUncertainty } from '../src/evidence/plan.js';
function drawsOf(model: ModelSpec, r: number): { c: number; p: number } {
  const plan = planUncertainty(model);
  const v = drawParameters(plan, 'evpi', r);
  return {
    c: v[plan.parameters.findIndex((p) => p.name === 'c')],
    p: v[plan.parameters.findIndex((p) => p.name === 'p')],
  };
}

describe('ICER by quadrant', () => {
  // Per-replicate differences with chance around a mean, and one parameter moving them.
  const n = 400;
  const z = normals('quadrant', n);
  const theta = normals('theta-q', n);
  const case_ = (dEffect: number, dCost: number, spreadE = 0, spreadC = 0) => {
    const effects = [new Array<number>(n).fill(100), z.map((v, r) => 100 + dEffect + spreadE * theta[r] + 2 * v)];
    const costs = [new Array<number>(n).fill(1e6), z.map((v, r) => 1e6 + dCost + spreadC * theta[r] + 1e4 * v)];
    return icer(costs, effects, 1, 0, 0.95, [theta]);
  };

  it('NE: costs X DKK per extra success, with an interval over parameter draws', () => {
    const i = case_(20, 4e6, 3, 3e5);
    expect(i.quadrant).toBe('NE');
    expect(icerReading(i)).toBe('costs-per-success');
    expect(i.lo).not.toBeNull();
    expect(i.lo!).toBeLessThan(i.mean);
    expect(i.hi!).toBeGreaterThan(i.mean);
    expect(icerText(i, 0.95)).toMatch(/^costs per extra success \d{3},\d{3} DKK \(95 % interval over parameter draws/);
  });

  it('SW: saves X DKK per success forgone', () => {
    const i = case_(-20, -4e6);
    expect(i.quadrant).toBe('SW');
    expect(icerReading(i)).toBe('saves-per-success-forgone');
    expect(icerText(i, 0.95)).toMatch(/^saves per success forgone 2\d\d,\d{3} DKK/);
  });

  it('SE: dominant only when the SE share over parameter draws reaches the level', () => {
    const sure = case_(20, -4e6, 1, 1e5);
    expect(sure.quadrantShares.SE).toBe(1);
    expect(sure.dominant).toBe(true);
    expect(icerText(sure, 0.95)).toBe('dominant (more successes, lower cost in 100 % of parameter draws)');
    // The parameter pushes a good share of draws into NE: no dominance word, the shares instead.
    const unsure = case_(20, -1e6, 1, 1.5e6);
    expect(unsure.quadrant).toBe('SE');
    expect(unsure.quadrantShares.SE).toBeLessThan(0.95);
    expect(unsure.dominant).toBe(false);
    expect(icerReading(unsure)).toBe('mixed');
    expect(icerText(unsure, 0.95)).toMatch(
      /^mean more successes at lower cost, but not in 95 % of parameter draws: parameter draws NE \d+ %/,
    );
  });

  it('NW: dominated', () => {
    const i = case_(-20, 4e6);
    expect(i.quadrant).toBe('NW');
    expect(i.dominated).toBe(true);
    expect(icerText(i, 0.95)).toBe('dominated (fewer successes, higher cost in 100 % of parameter draws)');
  });

  it('an effect difference within Monte Carlo error names no quadrant, and the interval is undefined when the expected effect changes sign', () => {
    const tiny = case_(0.05, 4e6);
    expect(icerReading(tiny)).toBe('no-detectable-effect');
    expect(tiny.dominated || tiny.dominant).toBe(false);
    expect(icerText(tiny, 0.95)).toMatch(
      /^no difference in successes beyond Monte Carlo error \(±0\.\d\); costs 4\.0 mio\. DKK more$/,
    );
    const crossing = case_(5, 4e6, 10, 0);
    expect(crossing.lo).toBeNull();
    expect(icerText(crossing, 0.95)).toContain('interval undefined — see the CEAC');
  });
});

describe('the text table', () => {
  it('states what the decision figures are about', async () => {
    const res = await simulate(normalCostModel(), { replicates: 100, seed: 't', willingnessToPay: 1000 });
    const text = formatTable(res);
    expect(text).toContain('decision figures (about the uncertain parameters, individual chance averaged out');
    expect(text).toMatch(/EVPPI .* mio\. DKK:\n {4}c: \d+\.\d\d \(se \d+\.\d\d\)\n {4}p: /);
    expect(text).toContain('by willingness to pay per success (CEAC');
  });
});
