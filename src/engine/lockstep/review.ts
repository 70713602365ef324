/**
 * The steering in the lockstep engine: its bookkeeping (the steered stock as two sets,
 * spending, exits since the last review, the share) and the review every `every` months,
 * which reads the signals by name, applies the data rules and any custom rule, and says
 * whom to move; the month loop moves them.
 * @module
 */
import { KIND_BENEFIT, type CompiledModel, type CompiledScenario } from '../../compile/compile.js';
import type { CompiledSteering } from '../../compile/steering.js';
import { ForlobInputError } from '../../model/errors.js';
import type { SteeringRuleFn, SteeringState } from '../../model/steering-rule.js';
import type { SteeringSignal } from '../../model/types.js';
import { steeringStream } from '../../random/streams.js';
import { type Capacity, placesAt } from './capacity.js';
import { CLS, W } from './population.js';

/** A scenario's steering while it runs. */
export interface SteeringRun {
  /** The compiled steering. */
  sv: CompiledSteering;
  /** The custom rule, if any. */
  custom: SteeringRuleFn | null;
  /** Replicate number (told to the custom rule). */
  replicate: number;
  /**
   * The steered stock (citizens of steered groups in their first spell on benefit) as two
   * sets with O(1) moves — 0: not in the active arm, 1: in it — so a review picks from a
   * list instead of scanning the population. setOf[i] is −1 outside the stock.
   */
  setOf: Int8Array;
  /** Citizen i's position in its set. */
  setPos: Int32Array;
  /** The two sets' members. */
  members: [Int32Array, Int32Array];
  /** The two sets' sizes. */
  setSize: Int32Array;
  /** Room for a review's candidates (a copy of one set, which the moves change). */
  picked: Int32Array;
  /** Room for a random pick's swaps, undone after it (see pick()). */
  swaps: Int32Array;
  /** Intervention spending per month (difference array), kept only when {@link SteeringRun.spends}. */
  spendDiff: Float64Array;
  /**
   * Whether a review reads the spending (a budget or a custom rule): else nothing is
   * added to {@link SteeringRun.spendDiff}, two additions per stay on benefit saved.
   */
  spends: boolean;
  /** The share in force. */
  share: number;
  /** Newcomers: the share accumulates, one active newcomer per whole unit. */
  credit: number;
  /** The stock at the last review. */
  stockAtReview: number;
  /** Stock citizens who left benefit since the last review. */
  exitsSince: number;
  /** Month of the last review. */
  lastReview: number;
  /** The steering's own stream (random picks). */
  rng: () => number;
}

/**
 * Scenario `sc`'s steering for a population of N, or null without one; the arrays of
 * `spare` (no longer used) are reused when they are large enough.
 */
export function createSteering(
  cm: CompiledModel,
  sc: CompiledScenario,
  N: number,
  k1: number,
  k2: number,
  custom: SteeringRuleFn | null,
  replicate: number,
  spare: SteeringRun | null = null,
): SteeringRun | null {
  const sv = sc.steering;
  if (!sv) return null;
  const reuse = spare !== null && spare.setOf.length >= N && spare.spendDiff.length === cm.H + 1;
  if (reuse) {
    // setPos and members are written before they are read.
    spare.setOf.fill(-1, 0, N);
    spare.setSize.fill(0);
    spare.spendDiff.fill(0);
  }
  return {
    sv,
    custom,
    replicate,
    setOf: reuse ? spare.setOf : new Int8Array(N).fill(-1),
    setPos: reuse ? spare.setPos : new Int32Array(N),
    members: reuse ? spare.members : [new Int32Array(N), new Int32Array(N)],
    setSize: reuse ? spare.setSize : new Int32Array(2),
    picked: reuse ? spare.picked : new Int32Array(N),
    swaps: reuse ? spare.swaps : new Int32Array(N),
    spendDiff: reuse ? spare.spendDiff : new Float64Array(cm.H + 1),
    spends: !Number.isNaN(sv.budget) || custom !== null,
    share: sv.initialShare,
    credit: 0,
    stockAtReview: 0,
    exitsSince: 0,
    lastReview: 0,
    rng: steeringStream(k1, k2),
  };
}

/** Put citizen i in set k (1: in the active arm). */
export function setAdd(steer: SteeringRun, i: number, k: number): void {
  steer.setOf[i] = k;
  steer.setPos[i] = steer.setSize[k];
  steer.members[k][steer.setSize[k]++] = i;
}

/** Take citizen i out of its set. */
export function setRemove(steer: SteeringRun, i: number): void {
  const k = steer.setOf[i];
  const list = steer.members[k];
  const last = list[--steer.setSize[k]];
  list[steer.setPos[i]] = last;
  steer.setPos[last] = steer.setPos[i];
  steer.setOf[i] = -1;
}

/** Citizen i left benefit for the first time: out of the stock, counted as an exit if it was in it. */
export function stockExit(steer: SteeringRun, i: number): void {
  if (steer.setOf[i] >= 0) {
    setRemove(steer, i);
    steer.exitsSince++;
  }
}

/** The arm of a newcomer to steered group g at month t: the active one at the current share, if open. */
export function newcomerArm(cm: CompiledModel, steer: SteeringRun, g: number, t: number): number {
  const { sv } = steer;
  const { A, armOpen } = cm;
  steer.credit += steer.share;
  let a = sv.otherwise[g];
  if (steer.credit >= 1 - 1e-9) {
    steer.credit -= 1;
    a = sv.active;
  }
  // An intervention closed to newcomers by the calendar: the other one, or none.
  const p = cm.NP > 1 ? cm.periodOf[t] : 0;
  if (armOpen[p * A + a] === 0) a = armOpen[p * A + sv.otherwise[g]] === 1 ? sv.otherwise[g] : 0;
  return a;
}

/** Whom a review moves: the first `n` of `who`, into the active arm or out of it. */
export interface Moves {
  /** Into the active arm (else out of it). */
  into: boolean;
  /** Candidates, the ones to move first. */
  who: Int32Array;
  /** How many to move. */
  n: number;
}

/** The intervention cost since the last review, from the spending difference array and the fixed monthly cost. */
function spendingSince(steer: SteeringRun, sc: CompiledScenario, t: number): number {
  let spending = 0;
  let level = 0;
  for (let u = 0; u < t; u++) {
    level += steer.spendDiff[u];
    if (u >= steer.lastReview) spending += level;
  }
  return spending + sc.fixedMonthlyCost * (t - steer.lastReview);
}

/** The change the custom rule makes of the data rules' proposal, checked to be a finite number. */
function customChange(custom: SteeringRuleFn, state: SteeringState, sv: CompiledSteering): number {
  const change = custom(state);
  if (typeof change !== 'number' || !Number.isFinite(change)) {
    throw new ForlobInputError(
      [
        {
          path: `steeringRules.${sv.custom}`,
          message: `expected the rule to return a finite change of the share, got ${String(change)} (scenario "${state.scenario}", month ${state.month})`,
        },
      ],
      'invalid steering rule',
    );
  }
  return change;
}

/** The first n candidates to move: the most ready in first and out last (stable by citizen), or picked at random. */
function pick(steer: SteeringRun, c: Int32Array, into: boolean, n: number): Int32Array {
  // A copy: moving citizens changes the sets.
  const k = into ? 0 : 1;
  const size = steer.setSize[k];
  const members = steer.members[k];
  if (steer.sv.readyFirst) {
    const candidates = steer.picked.subarray(0, size);
    candidates.set(members.subarray(0, size));
    const cls = (i: number) => c[i * W + CLS];
    candidates.sort((x, y) => (into ? cls(x) - cls(y) : cls(y) - cls(x)) || x - y);
    return candidates;
  }
  // The first n steps of a Fisher–Yates shuffle of the set, made on the set itself and then
  // undone, so that only the n picked are copied (not the whole set, at every review); the
  // set's order, which later picks depend on, is as before.
  const { picked, swaps } = steer;
  for (let j = 0; j < n; j++) {
    const r = j + Math.floor(steer.rng() * (size - j));
    swaps[j] = r;
    const tmp = members[j];
    members[j] = members[r];
    members[r] = tmp;
    picked[j] = members[j];
  }
  for (let j = n - 1; j >= 0; j--) {
    const r = swaps[j];
    const tmp = members[j];
    members[j] = members[r];
    members[r] = tmp;
  }
  return picked.subarray(0, n);
}

/**
 * Review the steering at month t (`c`: the citizens' records, whose readiness classes
 * order the candidates when the most ready go first): the signals by name, the data rules, the custom rule;
 * the new share within its bounds and ±maxStep; whom to move to reach it (none when the
 * active intervention is closed to newcomers and the share grew).
 */
export function review(
  cm: CompiledModel,
  sc: CompiledScenario,
  steer: SteeringRun,
  cap: Capacity,
  c: Int32Array,
  t: number,
): Moves | null {
  const { sv } = steer;
  const stock = steer.setSize[0] + steer.setSize[1];
  const active = steer.setSize[1];
  const a = sv.active;
  const capped = cm.capPlaces[a] >= 0;
  const places = capped ? placesAt(cm, a, t) : 0;
  const budget = Number.isNaN(sv.budget) ? null : sv.budget;
  // Read only by the budget's signal and the custom rule.
  const spending = steer.spends ? spendingSince(steer, sc, t) : 0;
  const signals: Record<SteeringSignal, number> = {
    freeCapacity: capped ? (places > 0 ? Math.max(0, places - cap.holders[a]) / places : 0) : NaN,
    queue: cap.waitingFor[a],
    exits: steer.exitsSince,
    exitRate: steer.stockAtReview > 0 ? steer.exitsSince / steer.stockAtReview : 0,
    spending: budget === null ? NaN : spending / budget,
    share: steer.share,
  };
  let change = 0;
  for (let k = 0; k < sv.signal.length; k++) {
    const v = signals[sv.signal[k]];
    if (sv.direction[k] > 0 ? v > sv.threshold[k] : v < sv.threshold[k]) change += sv.change[k];
  }
  if (steer.custom !== null) {
    change = customChange(
      steer.custom,
      {
        scenario: sc.id,
        replicate: steer.replicate,
        month: t,
        share: steer.share,
        freeCapacity: capped ? signals.freeCapacity : null,
        queue: signals.queue,
        exits: signals.exits,
        exitRate: signals.exitRate,
        spending,
        budget,
        stock,
        active,
        proposed: change,
      },
      sv,
    );
  }
  change = Math.max(-sv.maxStep, Math.min(sv.maxStep, change));
  steer.share = Math.max(sv.minShare, Math.min(sv.maxShare, steer.share + change));
  steer.stockAtReview = stock;
  steer.exitsSince = 0;
  steer.lastReview = t;
  const target = Math.round(steer.share * stock + 1e-9);
  const into = target > active;
  // An intervention closed to newcomers by the calendar takes nobody new by steering either.
  const closed = into && cm.armOpen[(cm.NP > 1 ? cm.periodOf[t] : 0) * cm.A + a] === 0;
  if (target === active || closed) return null;
  const n = Math.min(Math.abs(target - active), steer.setSize[into ? 0 : 1]);
  return { into, who: pick(steer, c, into, n), n };
}

/** Whether citizen i of group g, on arm `arm`, joins the steered stock, and in which set. */
export function joinStock(cm: CompiledModel, steer: SteeringRun, i: number, g: number, s: number, arm: number): void {
  if (steer.sv.steered[g] === 1 && cm.kind[s] === KIND_BENEFIT) setAdd(steer, i, arm === steer.sv.active ? 1 : 0);
}
