/**
 * The exact oracle: for a time-homogeneous model every expected metric follows from
 * matrix powers of each arm's transition matrix, and the replicate variance of the
 * success rate is binomial (citizens are independent). Written independently of the
 * engine's compiler so that it checks it.
 */
import { allocateGroup } from '../src/model/allocation.js';
import type { ModelSpec, TransitionRows } from '../src/model/types.js';

export type Matrix = number[][];

/** The full monthly transition matrix of one arm (diagonal = staying). */
export function armMatrix(model: ModelSpec, interventionId: string | null): Matrix {
  const ids = model.states.map((s) => s.id);
  const S = ids.length;
  const rows: TransitionRows = { ...(model.transitions ?? {}) };
  if (interventionId) {
    const iv = model.interventions!.find((i) => i.id === interventionId)!;
    Object.assign(rows, iv.transitions ?? {});
  }
  return ids.map((from, i) => {
    const row = new Array<number>(S).fill(0);
    for (const [to, p] of Object.entries(rows[from] ?? {})) row[ids.indexOf(to)] = p;
    row[i] = 1 - row.reduce((a, b) => a + b, 0);
    return row;
  });
}

/** π · P */
export function step(pi: number[], P: Matrix): number[] {
  return pi.map((_, j) => pi.reduce((acc, pk, k) => acc + pk * P[k][j], 0));
}

/** A group's citizens per intervention (null: none) in a scenario. */
export function groupArms(
  sc: ModelSpec['scenarios'][number],
  g: ModelSpec['groups'][number],
): [string | null, number][] {
  const alloc = sc.allocation?.[g.id] ?? {};
  const counts = allocateGroup(g.size, Object.values(alloc));
  return [...Object.keys(alloc).map((iv, k) => [iv, counts[k]] as [string, number]), [null, counts[counts.length - 1]]];
}

export interface ExactScenario {
  successRate: { mean: number; variance: number };
  benefitMonths: number;
  transferCost: number;
  interventionCost: number;
}

/** Exact expectations per scenario (and success-rate variance over replicates). */
export function exactMetrics(model: ModelSpec): Record<string, ExactScenario> {
  const out: Record<string, ExactScenario> = {};
  const kinds = model.states.map((s) => s.kind);
  const transfer = model.states.map((s) => s.monthlyTransfer ?? 0);
  const N = model.groups.reduce((a, g) => a + g.size, 0);
  for (const sc of model.scenarios) {
    let success = 0;
    let variance = 0;
    let benefit = 0;
    let transfers = 0;
    let interventions = 0;
    for (const g of model.groups) {
      const arms = groupArms(sc, g);
      for (const [iv, n] of arms) {
        if (n === 0) continue;
        const P = armMatrix(model, iv);
        const cost = iv ? (model.interventions!.find((i) => i.id === iv)!.monthlyCost ?? 0) : 0;
        let pi: number[] = model.states.map((s) => (s.id === g.initialState ? 1 : 0));
        for (let t = 0; t < model.horizonMonths; t++) {
          pi.forEach((p, s) => {
            transfers += n * p * transfer[s];
            if (kinds[s] === 'benefit') {
              benefit += n * p;
              interventions += n * p * cost;
            }
          });
          pi = step(pi, P);
        }
        const p = pi.reduce((a, x, s) => a + (kinds[s] === 'success' ? x : 0), 0);
        success += n * p;
        variance += n * p * (1 - p);
      }
    }
    out[sc.id] = {
      successRate: { mean: success / N, variance: variance / (N * N) },
      benefitMonths: benefit / N,
      transferCost: transfers,
      interventionCost: interventions,
    };
  }
  return out;
}

/** Exact expectations for one arm (a group's citizens with one intervention or none). */
export interface ExactArm {
  /** Citizens in the arm. */
  count: number;
  /** Share in success at the horizon: mean and variance over replicates (binomial / count²·count). */
  successRate: { mean: number; variance: number };
  /** Months on benefit per citizen. */
  benefitMonths: number;
  /** Gross transfers of the arm, DKK. */
  transferCost: number;
  /** Intervention cost of the arm, DKK (no fixed monthly cost: that belongs to no arm). */
  interventionCost: number;
}

/**
 * Exact expectations per scenario and arm (`group/intervention`, `group/none`), for arms
 * with citizens: the same matrix powers as {@link exactMetrics}, one arm at a time.
 */
export function exactArmMetrics(model: ModelSpec): Record<string, Record<string, ExactArm>> {
  const out: Record<string, Record<string, ExactArm>> = {};
  const kinds = model.states.map((s) => s.kind);
  const transfer = model.states.map((s) => s.monthlyTransfer ?? 0);
  for (const sc of model.scenarios) {
    const arms: Record<string, ExactArm> = {};
    for (const g of model.groups) {
      for (const [iv, n] of groupArms(sc, g)) {
        if (n === 0) continue;
        const P = armMatrix(model, iv);
        const cost = iv ? (model.interventions!.find((i) => i.id === iv)!.monthlyCost ?? 0) : 0;
        let benefit = 0;
        let transfers = 0;
        let interventions = 0;
        let pi: number[] = model.states.map((s) => (s.id === g.initialState ? 1 : 0));
        for (let t = 0; t < model.horizonMonths; t++) {
          pi.forEach((p, s) => {
            transfers += n * p * transfer[s];
            if (kinds[s] === 'benefit') {
              benefit += p;
              interventions += n * p * cost;
            }
          });
          pi = step(pi, P);
        }
        const p = pi.reduce((a, x, s) => a + (kinds[s] === 'success' ? x : 0), 0);
        arms[`${g.id}/${iv ?? 'none'}`] = {
          count: n,
          successRate: { mean: p, variance: (p * (1 - p)) / n },
          benefitMonths: benefit,
          transferCost: transfers,
          interventionCost: interventions,
        };
      }
    }
    out[sc.id] = arms;
  }
  return out;
}

/** Exact expected citizens (and binomial variance) per scenario, state and month 0 … H. */
export function exactOccupancy(model: ModelSpec): Record<string, { mean: number[][]; variance: number[][] }> {
  const out: Record<string, { mean: number[][]; variance: number[][] }> = {};
  const S = model.states.length;
  const H = model.horizonMonths;
  for (const sc of model.scenarios) {
    const mean = Array.from({ length: S }, () => new Array<number>(H + 1).fill(0));
    const variance = Array.from({ length: S }, () => new Array<number>(H + 1).fill(0));
    for (const g of model.groups) {
      const arms = groupArms(sc, g);
      for (const [iv, n] of arms) {
        const P = armMatrix(model, iv);
        let pi: number[] = model.states.map((s) => (s.id === g.initialState ? 1 : 0));
        for (let t = 0; t <= H; t++) {
          pi.forEach((p, s) => {
            mean[s][t] += n * p;
            variance[s][t] += n * p * (1 - p);
          });
          pi = step(pi, P);
        }
      }
    }
    out[sc.id] = { mean, variance };
  }
  return out;
}
