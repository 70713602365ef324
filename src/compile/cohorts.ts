/**
 * The population: the model's groups, a companion `<id>:inflow` group per group with
 * arrivals, and per scenario the cohorts — blocks of citizens sharing group, arm, entry
 * month and readiness class. Citizens keep their index (and so their random streams) in
 * every scenario; which of them hold which intervention is the targeting's business.
 * @module
 */
import { allocateGroup, largestRemainder } from '../model/allocation.js';
import type { NormalisedGroup, NormalisedModel, NormalisedScenario } from '../model/normalise.js';
import type { Cohort, CompiledScenario } from './compiled.js';
import type { Periods } from './periods.js';
import { compileSteering } from './steering.js';
import { assign } from './targeting.js';

/** The groups as the engine sees them, inflow groups after the model's own. */
export interface CompiledGroups {
  G: number;
  N: number;
  groupIds: string[];
  groupSize: Int32Array;
  groupInitial: Int32Array;
  groupPrior: Int32Array;
  groupInitialDuration: Int32Array;
  /** Index of each group's first citizen. */
  groupFirst: number[];
  /** The model's groups with inflow, in order (inflow group k is group `model.groups.length + k`). */
  inflowOf: NormalisedGroup[];
  /** arrivals[k][t]: citizens arriving in month t into inflow group k. */
  arrivals: Int32Array[];
}

/** Arrivals per month: a fractional rate accumulates (30.5 a month gives 30, 31, 30, …). */
function arrivalsOf(g: NormalisedGroup, H: number): Int32Array {
  const f = g.inflow!;
  const perMonth = new Int32Array(H);
  for (let t = f.fromMonth; t <= f.toMonth; t++)
    perMonth[t] =
      Math.floor(f.perMonth * (t - f.fromMonth + 1) + 1e-9) - Math.floor(f.perMonth * (t - f.fromMonth) + 1e-9);
  return perMonth;
}

/** The groups, their inflow companions and where each group's citizens start. */
export function compileGroups(model: NormalisedModel, stateIndex: Map<string, number>): CompiledGroups {
  const H = model.horizonMonths;
  const inflowOf = model.groups.filter((g) => g.inflow);
  const arrivals = inflowOf.map((g) => arrivalsOf(g, H));
  const all = [
    ...model.groups.map((g) => ({
      id: g.id,
      size: g.size,
      initial: g.initialState,
      prior: g.priorBenefitMonths,
      dur: g.initialDurationMonths,
    })),
    ...inflowOf.map((g, k) => ({
      id: `${g.id}:inflow`,
      size: arrivals[k].reduce((a, b) => a + b, 0),
      initial: g.initialState,
      prior: g.inflow!.priorBenefitMonths,
      dur: 0,
    })),
  ];
  const groupFirst: number[] = [];
  let N = 0;
  for (const g of all) {
    groupFirst.push(N);
    N += g.size;
  }
  return {
    G: all.length,
    N,
    groupIds: all.map((g) => g.id),
    groupSize: new Int32Array(all.map((g) => g.size)),
    groupInitial: new Int32Array(all.map((g) => stateIndex.get(g.initial)!)),
    groupPrior: new Int32Array(all.map((g) => g.prior)),
    groupInitialDuration: new Int32Array(all.map((g) => g.dur)),
    groupFirst,
    inflowOf,
    arrivals,
  };
}

/** What compiling a scenario needs besides the scenario. */
export interface ScenarioContext {
  model: NormalisedModel;
  groups: CompiledGroups;
  /** Arms (interventions + 1) and readiness classes. */
  A: number;
  K: number;
  ivIndex: Map<string, number>;
  per: Periods;
  periodOf: Int32Array;
}

/** One scenario's cohorts, counts and steering (`synchronous` is decided later, with capacity). */
export function compileScenario(sc: NormalisedScenario, ctx: ScenarioContext): CompiledScenario {
  const { model, groups, A, K, ivIndex, per, periodOf } = ctx;
  const cohorts: Cohort[] = [];
  const counts = new Int32Array(groups.G * A);
  const place = (gi: number, first: number, start: number, n: number, arms: number[], split: number[]) => {
    for (const run of assign(n, K, [...arms, 0], split, sc.targeting)) {
      counts[gi * A + run.arm] += run.count;
      if (run.count > 0)
        cohorts.push({
          group: gi,
          arm: run.arm,
          count: run.count,
          firstCitizen: first + run.first,
          start,
          rowArm: run.arm * K + run.cls,
        });
    }
  };
  model.groups.forEach((g, gi) => {
    const alloc = sc.allocation[g.id] ?? {};
    const arms = Object.keys(alloc).map((id) => ivIndex.get(id)!);
    place(gi, groups.groupFirst[gi], 0, g.size, arms, allocateGroup(g.size, Object.values(alloc)));
  });
  groups.inflowOf.forEach((g, k) => {
    const gi = model.groups.length + k;
    const alloc = sc.allocation[g.id] ?? {};
    const ids = Object.keys(alloc);
    const arms = ids.map((id) => ivIndex.get(id)!);
    const shares = Object.values(alloc).map((v) => (typeof v === 'number' ? v : g.size > 0 ? v.count / g.size : 0));
    let first = groups.groupFirst[gi];
    for (let t = 0; t < model.horizonMonths; t++) {
      const n = groups.arrivals[k][t];
      if (n === 0) continue;
      const split = largestRemainder(n, shares);
      // An intervention closed by the calendar takes no newcomers: they get none.
      const closed = per.unavailable[periodOf[t]];
      place(
        gi,
        first,
        t,
        n,
        arms.map((a, j) => (closed.has(ids[j]) ? 0 : a)),
        split,
      );
      first += n;
    }
  });
  return {
    id: sc.id,
    cohorts,
    counts,
    fixedMonthlyCost: sc.fixedMonthlyCost,
    steering: compileSteering(model, sc, groups.groupIds, ivIndex, counts, A),
    lockstep: false,
  };
}
