/**
 * Compilation: a validated model becomes flat typed arrays the engine runs without
 * touching JSON (see `compiled.ts` for what they mean). The model is normalised first,
 * then each job has its module: states, calendar periods (`periods.ts`), rows, groups and
 * cohorts, money, capacity, years; this file puts their results together.
 * @module
 */
import { normalise } from '../model/normalise.js';
import type { Model } from '../model/types.js';
import { compileAccounts } from './accounts.js';
import { compileCapacity, markLockstep } from './capacity.js';
import { compileGroups, compileScenario } from './cohorts.js';
import type { CompiledModel } from './compiled.js';
import { moneyTables, periodCosts } from './money.js';
import { periods } from './periods.js';
import { compileRows } from './rows.js';
import { compileStates } from './states.js';
import { classHazardRatios } from './targeting.js';
import { yearsOf } from './years.js';

export {
  KIND_BENEFIT,
  KIND_SUCCESS,
  KIND_EXIT,
  type Cohort,
  type CompiledScenario,
  type CompiledModel,
} from './compiled.js';

/**
 * Which year each month falls in.
 * @deprecated Use `yearsOf` (`compile/years.ts`); "calendar" is the reform calendar.
 */
export const calendar = yearsOf;

/** Months t of each calendar period: periodOf[t] and the end of each period. */
function periodIndex(starts: number[], H: number): { periodOf: Int32Array; periodEnd: Int32Array } {
  const NP = starts.length;
  const periodOf = new Int32Array(H);
  const periodEnd = new Int32Array(NP);
  starts.forEach((start, k) => {
    periodEnd[k] = k + 1 < NP ? starts[k + 1] : H;
    for (let t = start; t < periodEnd[k]; t++) periodOf[t] = k;
  });
  return { periodOf, periodEnd };
}

/**
 * More calendar periods than this and stays run across the steps (`invertPeriods`). Cutting
 * every stay at every step costs a draw per citizen per period, which is what a calendar of
 * monthly steps (a life table, a drift) makes expensive; a few dated reforms cost next to
 * nothing either way. The cut is kept up to here so that the presets (3 steps) and the
 * example models (1–2 steps), whose figures are quoted, keep their random stream: both ways
 * are exact in distribution, and adding a step already changes the stream. 12: a year of
 * monthly steps, well above any reform calendar seen so far.
 */
export const INVERT_PERIODS_ABOVE = 12;

/** Compile a validated model. */
export function compileModel(input: Model): CompiledModel {
  const model = normalise(input);
  const H = model.horizonMonths;
  const S = model.states.length;
  const A = model.interventions.length + 1;
  const ivIndex = new Map(model.interventions.map((iv, i) => [iv.id, i + 1]));
  const { stateIndex, kind, paidHours, reimbursed, onLadder, selfSupport } = compileStates(model);
  const per = periods(model);
  const NP = per.starts.length;
  const { periodOf, periodEnd } = periodIndex(per.starts, H);
  const classHr = classHazardRatios(model.readiness);
  const K = classHr.length;
  const rows = compileRows(model, per.models, A, classHr, kind);
  const groups = compileGroups(model, stateIndex);
  const money = moneyTables(model, H, Math.max(0, ...groups.groupPrior));
  const ctx = { model, groups, A, K, ivIndex, per, periodOf };
  const scenarios = model.scenarios.map((sc) => compileScenario(sc, ctx));
  const capacity = compileCapacity(model.interventions, per, ivIndex);
  markLockstep(scenarios, capacity);
  const costs = periodCosts(per.models);
  const accounts = compileAccounts(
    model,
    per.models,
    costs.transfer,
    costs.armCost,
    money.hasLadder,
    reimbursed,
    paidHours,
    stateIndex,
  );
  return {
    ...capacity,
    H,
    S,
    A,
    K,
    G: groups.G,
    NB: rows.NB,
    NP,
    periodOf,
    periodEnd,
    // Capacity (heaps, queues), steering (reviews cut stays; spending per stay) and the
    // refusion restart (self-support spans) are written for cut stays: they keep the cut.
    // So does a model whose months by cell (kernel Accumulator.byMonth) would pass 2²² (32 MB).
    invertPeriods:
      NP > INVERT_PERIODS_ABOVE &&
      groups.G * A * S * (H + 1) <= 1 << 22 &&
      !capacity.hasCapacity &&
      money.restartMonths === 0 &&
      !scenarios.some((sc) => sc.steering !== undefined),
    clockBenefit: model.duration?.clock === 'benefit',
    bandStart: rows.bandStart,
    kind,
    paidHours,
    reimbursed,
    onLadder,
    selfSupport,
    ...costs,
    stay: rows.stay,
    logStay: rows.logStay,
    leave: rows.leave,
    cum: rows.cum,
    lastDest: rows.lastDest,
    groupIds: groups.groupIds,
    groupSize: groups.groupSize,
    groupInitial: groups.groupInitial,
    groupPrior: groups.groupPrior,
    groupInitialDuration: groups.groupInitialDuration,
    ...money,
    ...yearsOf(model.start, H, model.cycle),
    scenarios,
    accounts,
    N: groups.N,
  };
}
