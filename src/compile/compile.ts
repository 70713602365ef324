/**
 * Compilation: a validated model becomes flat typed arrays the engine can run without
 * touching JSON. An "arm" is one intervention (arm 0 = no intervention); every arm has a
 * full set of rows, so the hot loop never asks whether a row was overridden.
 * @module
 */
import { largestRemainder } from '../model/allocation.js';
import type { ModelSpec, TransitionRows } from '../model/types.js';

/** State kinds as small integers for the hot loop. */
export const KIND_BENEFIT = 0;
/** @see KIND_BENEFIT */
export const KIND_SUCCESS = 1;
/** @see KIND_BENEFIT */
export const KIND_EXIT = 2;

/** One block of citizens sharing group and arm within a scenario. */
export interface Cohort {
  group: number;
  arm: number;
  count: number;
  /** Index of the cohort's first citizen in the population; the key of its random streams. */
  firstCitizen: number;
}

/** A scenario as the engine sees it. */
export interface CompiledScenario {
  id: string;
  cohorts: Cohort[];
  /** counts[g * A + a]: citizens of group g holding arm a. */
  counts: Int32Array;
}

/** The model as flat arrays; see the module comment. */
export interface CompiledModel {
  H: number;
  /** Number of states. */
  S: number;
  /** Number of arms: interventions + 1. */
  A: number;
  /** Number of groups. */
  G: number;
  kind: Uint8Array;
  transfer: Float64Array;
  /** armCost[a]: monthly cost of arm a while its holder is in a benefit state. */
  armCost: Float64Array;
  /** stay[a * S + s]: probability of staying in s for a month. */
  stay: Float64Array;
  /** logStay = log(stay), precomputed for geometric waiting times. */
  logStay: Float64Array;
  /** leave[a * S + s] = 1 − stay. */
  leave: Float64Array;
  /** cum[(a * S + s) * S + d]: cumulative probability of leaving s for states 0…d. */
  cum: Float64Array;
  /** lastDest[a * S + s]: the last destination with positive probability (guards rounding). */
  lastDest: Int32Array;
  groupSize: Int32Array;
  groupInitial: Int32Array;
  scenarios: CompiledScenario[];
  /** Total citizens in the population. */
  N: number;
}

function fillRows(rows: TransitionRows | undefined, stateIndex: Map<string, number>, S: number, into: Float64Array, arm: number, only?: Set<number>): void {
  if (!rows) return;
  for (const [from, row] of Object.entries(rows)) {
    const f = stateIndex.get(from)!;
    if (only && !only.has(f)) continue;
    const base = (arm * S + f) * S;
    into.fill(0, base, base + S);
    for (const [to, p] of Object.entries(row)) into[base + stateIndex.get(to)!] = p;
  }
}

/** Compile a validated model. */
export function compileModel(model: ModelSpec): CompiledModel {
  const S = model.states.length;
  const interventions = model.interventions ?? [];
  const A = interventions.length + 1;
  const G = model.groups.length;
  const H = model.horizonMonths;
  const stateIndex = new Map(model.states.map((s, i) => [s.id, i]));
  const kind = new Uint8Array(model.states.map((s) => (s.kind === 'benefit' ? KIND_BENEFIT : s.kind === 'success' ? KIND_SUCCESS : KIND_EXIT)));
  const transfer = new Float64Array(model.states.map((s) => s.monthlyTransfer ?? 0));
  const armCost = new Float64Array([0, ...interventions.map((iv) => iv.monthlyCost ?? 0)]);

  // Off-diagonal probabilities p[(a*S+s)*S+d]; arm 0 is the baseline, other arms start
  // as copies of it and have whole rows replaced.
  const p = new Float64Array(A * S * S);
  fillRows(model.transitions, stateIndex, S, p, 0);
  for (let a = 1; a < A; a++) {
    p.copyWithin(a * S * S, 0, S * S);
    fillRows(interventions[a - 1].transitions, stateIndex, S, p, a);
  }

  const stay = new Float64Array(A * S);
  const logStay = new Float64Array(A * S);
  const leave = new Float64Array(A * S);
  const cum = new Float64Array(A * S * S);
  const lastDest = new Int32Array(A * S);
  for (let r = 0; r < A * S; r++) {
    let acc = 0;
    let last = -1;
    for (let d = 0; d < S; d++) {
      const q = p[r * S + d];
      if (q > 0) last = d;
      acc += q;
      cum[r * S + d] = acc;
    }
    const l = Math.min(1, acc);
    leave[r] = l;
    stay[r] = 1 - l;
    logStay[r] = Math.log(1 - l);
    lastDest[r] = last;
  }

  const groupSize = new Int32Array(model.groups.map((g) => g.size));
  const groupInitial = new Int32Array(model.groups.map((g) => stateIndex.get(g.initialState)!));
  const groupFirst: number[] = [];
  let N = 0;
  for (const g of model.groups) {
    groupFirst.push(N);
    N += g.size;
  }
  const ivIndex = new Map(interventions.map((iv, i) => [iv.id, i + 1]));

  const scenarios = model.scenarios.map((sc): CompiledScenario => {
    const cohorts: Cohort[] = [];
    const counts = new Int32Array(G * A);
    model.groups.forEach((g, gi) => {
      const alloc = sc.allocation?.[g.id] ?? {};
      const arms = Object.keys(alloc).map((id) => ivIndex.get(id)!);
      const split = largestRemainder(g.size, Object.values(alloc));
      // Citizens keep their index (and so their random streams) in every scenario;
      // interventions take the first ones in allocation order, the remainder the rest.
      let first = groupFirst[gi];
      const blocks = [...arms.map((a, k) => [a, split[k]] as const), [0, split[split.length - 1]] as const];
      for (const [arm, count] of blocks) {
        counts[gi * A + arm] += count;
        if (count > 0) cohorts.push({ group: gi, arm, count, firstCitizen: first });
        first += count;
      }
    });
    return { id: sc.id, cohorts, counts };
  });

  return { H, S, A, G, kind, transfer, armCost, stay, logStay, leave, cum, lastDest, groupSize, groupInitial, scenarios, N };
}
