/**
 * Stays across calendar steps (issue 17 item 2): a model whose rows change every month is
 * drawn by inverting the cumulative hazard over the periods a stay crosses, one uniform per
 * stay. Checked against exact values from products of the months' transition matrices
 * (occupancy per month, months, discounted and municipal-net months per period cell, the
 * last on a climbing refusion ladder), in both engines, which agree citizen for citizen,
 * and byte-identical for any number of workers. Months that never leave (q = 1) and that
 * always leave (q = 0) are among the steps.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileModel } from '../src/compile/compile.js';
import { createAccumulator, createTracks } from '../src/engine/kernel.js';
import { simulateScenarioLockstep } from '../src/engine/lockstep/index.js';
import { simulateScenarioPerCitizen } from '../src/engine/per-citizen.js';
import { municipalShares } from '../src/model/refusion.js';
import type { ModelSpec } from '../src/model/types.js';
import { validateModel } from '../src/model/validate.js';
import { replicateKeys } from '../src/random/streams.js';
import { armMatrix, groupArms } from './exact.js';
import { ROOT } from './helpers.js';

const H = 40;
const RATE = 0.05;
const LADDER = { fromWeek: [1, 9, 27], reimbursedShare: [0.8, 0.5, 0.3] };

/** The rows in force in month t: drifting every month, never leaving kh in 10–12, always leaving it in 20. */
function rowsAt(t: number): NonNullable<ModelSpec['transitions']> {
  const job = { kh: 0.01 + 0.01 * (t % 3) };
  if (t >= 10 && t <= 12) return { kh: {}, job };
  if (t === 20) return { kh: { job: 0.75, out: 0.25 }, job };
  return { kh: { job: 0.02 + (0.015 * ((t * 7) % 5)) / 4, out: 0.01 }, job };
}

const model: ModelSpec = {
  name: 'monthly calendar',
  horizonMonths: H,
  start: '2026-01',
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: rowsAt(0),
  groups: [
    { id: 'kh', size: 300, initialState: 'kh' },
    { id: 'job', size: 100, initialState: 'job' },
  ],
  interventions: [{ id: 'fsm', monthlyCost: 1500, transitions: { kh: { job: 0.05, out: 0.01 } } }],
  scenarios: [{ id: 'a', allocation: { kh: { fsm: 0.5 } } }],
  calendar: Array.from({ length: H - 1 }, (_, k) => ({ from: k + 1, transitions: rowsAt(k + 1) })),
  costs: { discountRate: RATE, refusion: LADDER },
};

/**
 * Exact expectations per (group, arm, state, month): occupancy, and its discounted and
 * municipal-net value, from the chain over (state, months on the ladder).
 */
function exact() {
  const S = 3;
  const delta = (1 + RATE) ** (-1 / 12);
  const mun = municipalShares(LADDER, H + 2);
  const ivIndex = new Map([['fsm', 1]]);
  const sc = model.scenarios[0];
  // [g][a][s][t]
  const occ: number[][][][] = [];
  const net: number[][][][] = [];
  model.groups.forEach((g, gi) => {
    occ[gi] = [[], []];
    net[gi] = [[], []];
    for (const [iv, n] of groupArms(sc, g)) {
      const a = iv === null ? 0 : ivIndex.get(iv)!;
      const o = Array.from({ length: S }, () => new Array<number>(H).fill(0));
      const w = Array.from({ length: S }, () => new Array<number>(H).fill(0));
      // p[s][c]: share in state s with c months on the ladder (benefit months)
      let p = Array.from({ length: S }, () => new Array<number>(H + 1).fill(0));
      p[model.states.findIndex((s) => s.id === g.initialState)][0] = 1;
      for (let t = 0; t < H; t++) {
        const P = armMatrix({ ...model, transitions: rowsAt(t) }, iv);
        const next = Array.from({ length: S }, () => new Array<number>(H + 1).fill(0));
        for (let s = 0; s < S; s++)
          for (let c = 0; c <= t; c++) {
            const x = p[s][c];
            if (x === 0) continue;
            o[s][t] += n * x;
            w[s][t] += n * x * (s === 0 ? mun[c] : 1) * delta ** t;
            const c2 = s === 0 ? c + 1 : c;
            for (let d = 0; d < S; d++) next[d][c2] += x * P[s][d];
          }
        p = next;
      }
      occ[gi][a] = o;
      net[gi][a] = w;
    }
  });
  return { occ, net, delta };
}

/** Means and standard errors over replicates of one engine's per-month figures (`cut`: force the cut at every step). */
function run(engine: 'perCitizen' | 'lockstep', R: number, spec: ModelSpec = model, cut = false) {
  const compiled = compileModel(validateModel(spec));
  const cm = cut ? { ...compiled, invertPeriods: false } : compiled;
  const { S, A, G, NP } = cm;
  const sc = cm.scenarios[0];
  const cells = G * A * S * H;
  const sum = { occ: new Float64Array(A * S * H), months: new Float64Array(cells), disc: new Float64Array(cells) };
  const sq = { occ: new Float64Array(A * S * H), months: new Float64Array(cells), disc: new Float64Array(cells) };
  const net = new Float64Array(cells);
  const netSq = new Float64Array(cells);
  const runs: Float64Array[] = [];
  for (let r = 0; r < R; r++) {
    const [k1, k2] = replicateKeys(cut ? 'cut' : 'inv', r);
    const acc = createAccumulator(cm);
    const tracks = createTracks(cm);
    if (engine === 'perCitizen') simulateScenarioPerCitizen(cm, sc, k1, k2, acc, tracks);
    else simulateScenarioLockstep(cm, sc, k1, k2, acc, tracks);
    runs.push(Float64Array.from([...acc.months, ...acc.final, ...acc.exits, ...tracks.occ]));
    for (let a = 0; a < A; a++)
      for (let s = 0; s < S; s++) {
        let n = 0;
        for (let t = 0; t < H; t++) {
          n += tracks.occ[(a * S + s) * (H + 2) + t];
          sum.occ[(a * S + s) * H + t] += n;
          sq.occ[(a * S + s) * H + t] += n * n;
        }
      }
    for (let k = 0; k < cells; k++) {
      const [x, y, z] = [acc.months[k], acc.discMonths[k], acc.netMonths[k]];
      sum.months[k] += x;
      sq.months[k] += x * x;
      sum.disc[k] += y;
      sq.disc[k] += y * y;
      net[k] += z;
      netSq[k] += z * z;
    }
  }
  const stat = (s: Float64Array, q: Float64Array) =>
    Array.from(s, (x, k) => {
      const mean = x / R;
      return { mean, se: Math.sqrt(Math.max(0, q[k] / R - mean * mean) / (R - 1)) };
    });
  return {
    cm,
    NP,
    occ: stat(sum.occ, sq.occ),
    months: stat(sum.months, sq.months),
    disc: stat(sum.disc, sq.disc),
    net: stat(net, netSq),
    runs,
  };
}

function expectNear(got: { mean: number; se: number }, want: number, what: string) {
  expect(Math.abs(got.mean - want), `${what}: ${got.mean} ± ${got.se} vs ${want}`).toBeLessThanOrEqual(
    4 * got.se + 1e-9 * (1 + Math.abs(want)),
  );
}

describe('stays across calendar steps', () => {
  it('are used above 12 periods and only where nothing needs the cut', () => {
    const cm = compileModel(validateModel(model));
    expect(cm.NP).toBe(H);
    expect(cm.invertPeriods).toBe(true);
    const twelve = { ...model, calendar: model.calendar!.slice(0, 11) };
    expect(compileModel(validateModel(twelve)).invertPeriods).toBe(false);
    const thirteen = { ...model, calendar: model.calendar!.slice(0, 12) };
    expect(compileModel(validateModel(thirteen)).invertPeriods).toBe(true);
    const capped: ModelSpec = {
      ...model,
      interventions: [{ ...model.interventions![0], capacity: { places: 1000 } }],
    };
    expect(compileModel(validateModel(capped)).invertPeriods).toBe(false);
  });

  const R = 300;
  const ex = exact();
  for (const engine of ['perCitizen', 'lockstep'] as const) {
    it(`match products of the months' matrices: ${engine}`, () => {
      const got = run(engine, R);
      const { S, A, G } = got.cm;
      for (let a = 0; a < A; a++)
        for (let s = 0; s < S; s++)
          for (let t = 0; t < H; t++) {
            let want = 0;
            for (let g = 0; g < G; g++) want += ex.occ[g][a]?.[s]?.[t] ?? 0;
            expectNear(got.occ[(a * S + s) * H + t], want, `occupancy arm ${a} state ${s} month ${t}`);
          }
      for (let g = 0; g < G; g++)
        for (let a = 0; a < A; a++)
          for (let s = 0; s < S; s++)
            for (let t = 0; t < H; t++) {
              const k = ((g * A + a) * S + s) * got.NP + t;
              const o = ex.occ[g][a]?.[s]?.[t] ?? 0;
              const what = `group ${g} arm ${a} state ${s} period ${t}`;
              expectNear(got.months[k], o, `months ${what}`);
              expectNear(got.disc[k], o * ex.delta ** t, `discounted months ${what}`);
              expectNear(got.net[k], ex.net[g][a]?.[s]?.[t] ?? 0, `net months ${what}`);
            }
    });
  }

  it('both engines give every citizen the same path', () => {
    const a = run('perCitizen', 20);
    const b = run('lockstep', 20);
    for (let r = 0; r < 20; r++) expect(Array.from(b.runs[r])).toEqual(Array.from(a.runs[r]));
  });

  // Duration bands cut stays where the band changes, on either clock; across the steps the
  // band's rows of every period are inverted together. Checked against the cut at every
  // step (the engine as it was; exact in distribution too) and both engines against each other.
  for (const clock of ['state', 'benefit'] as const) {
    const banded: ModelSpec = {
      ...model,
      groups: [
        { id: 'kh', size: 300, initialState: 'kh', priorBenefitMonths: 3 },
        { id: 'job', size: 100, initialState: 'job' },
      ],
      duration: { clock, bands: [0, 6, 15], hazardRatios: { kh: [1.5, 1, 0.5], job: [2, 1, 0.6] } },
      costs: { discountRate: RATE, refusion: 'dk-2016' },
    };
    it(`duration bands on the ${clock} clock: the same distribution as cutting at every step`, () => {
      const inv = run('perCitizen', 200, banded);
      const cut = run('perCitizen', 200, banded, true);
      expect(inv.cm.invertPeriods).toBe(true);
      expect(inv.cm.NB).toBe(3);
      for (const key of ['occ', 'months', 'disc', 'net'] as const)
        inv[key].forEach((x, k) => {
          const y = cut[key][k];
          const se = Math.hypot(x.se, y.se);
          expect(Math.abs(x.mean - y.mean), `${key}[${k}]: ${x.mean} vs ${y.mean} ± ${se}`).toBeLessThanOrEqual(
            4 * se + 1e-9 * (1 + Math.abs(y.mean)),
          );
        });
      const ls = run('lockstep', 20, banded);
      const pc = run('perCitizen', 20, banded);
      for (let r = 0; r < 20; r++) expect(Array.from(ls.runs[r])).toEqual(Array.from(pc.runs[r]));
      for (let k = 0; k < pc.net.length; k++)
        expect(Math.abs(ls.net[k].mean - pc.net[k].mean)).toBeLessThanOrEqual(1e-9 * (1 + pc.net[k].mean));
    });
  }

  const dist = join(ROOT, 'dist', 'node.js');
  afterAll(async () => {
    const { closeWorkerPool } = await import(dist);
    await closeWorkerPool();
  });

  it('worker counts 1, 2 and 3 give byte-identical results', async () => {
    const { simulate } = await import(dist);
    const outs: string[] = [];
    for (const workers of [1, 2, 3])
      outs.push(JSON.stringify(await simulate(model, { replicates: 30, seed: 'w', workers, occupancy: true })));
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
  });
});
