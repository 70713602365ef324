/**
 * Capacity and queues in the lockstep engine: places counted month by month (a capacity
 * may change with the calendar), served first come, first served across all groups.
 * @module
 */
import { KIND_BENEFIT, type CompiledModel } from '../../compile/compile.js';
import type { Accumulator, Tracks } from '../kernel.js';
import type { Population } from './population.js';

/** Holders and a first-come-first-served queue per arm. */
export interface Capacity {
  /** The compiled model. */
  cm: CompiledModel;
  /** The population the places go to. */
  pop: Population;
  /** Months spent waiting, per allocated cell (the accumulator's). */
  waitMonths: Float64Array;
  /** Citizens waiting per month (difference array), when kept. */
  queueTrack: Int32Array | null;
  /** Citizens starting to hold each arm per month, when some start flow needs them (`Tracks.starts`). */
  starts: Int32Array | null;
  /** Places held, per arm. */
  holders: Int32Array;
  /** Citizens waiting, per arm. */
  waitingFor: Int32Array;
  /**
   * The queue of each arm as (citizen, ticket) entries: a citizen who left and rejoined
   * the queue keeps only its newest entry live, so the old place in the line does not
   * come back.
   */
  queues: number[][];
  /** @see queues */
  tickets: number[][];
  /** Each citizen's newest ticket. */
  ticket: Int32Array;
  /** Each queue's next entry. */
  queueHead: Int32Array;
}

/** Empty places and queues for `pop`. */
export function createCapacity(cm: CompiledModel, pop: Population, acc: Accumulator, tracks: Tracks | null): Capacity {
  const { A } = cm;
  return {
    cm,
    pop,
    waitMonths: acc.waitMonths,
    queueTrack: tracks === null ? null : tracks.queue,
    starts: tracks === null ? null : tracks.starts,
    holders: new Int32Array(A),
    waitingFor: new Int32Array(A),
    queues: Array.from({ length: A }, () => []),
    tickets: Array.from({ length: A }, () => []),
    ticket: new Int32Array(pop.N),
    queueHead: new Int32Array(A),
  };
}

/** Places of arm a in month t. */
export function placesAt(cm: CompiledModel, a: number, t: number): number {
  return cm.NP > 1 ? cm.capAt[cm.periodOf[t] * cm.A + a] : cm.capPlaces[a];
}

function enqueue(cap: Capacity, i: number, a: number, t: number): void {
  cap.pop.waiting[i] = 1;
  cap.pop.queuedAt[i] = t;
  cap.waitingFor[a]++;
  cap.queues[a].push(i);
  cap.tickets[a].push(++cap.ticket[i]);
  if (cap.queueTrack !== null) cap.queueTrack[t]++;
}

function leaveQueue(cap: Capacity, i: number, t: number): void {
  const { pop } = cap;
  pop.waiting[i] = 0;
  cap.waitingFor[pop.arm[i]]--;
  cap.waitMonths[pop.grp[i] * cap.cm.A + pop.arm[i]] += t - pop.queuedAt[i];
  if (cap.queueTrack !== null) cap.queueTrack[t]--;
}

/** Give citizen i arm a from month t: a free place, the queue, or the fallback. */
export function allocate(cap: Capacity, i: number, a: number, t: number): void {
  const { cm, pop } = cap;
  pop.arm[i] = a;
  pop.held[i] = a;
  if (cm.capPlaces[a] >= 0 && cm.kind[pop.st[i]] === KIND_BENEFIT) {
    if (cap.waitingFor[a] === 0 && cap.holders[a] < placesAt(cm, a, t)) {
      pop.holding[i] = 1;
      cap.holders[a]++;
    } else {
      pop.held[i] = cm.capFallback[a];
      if (cm.capQueue[a] === 1) enqueue(cap, i, a, t);
      else pop.arm[i] = cm.capFallback[a];
    }
  }
  if (cap.starts !== null) cap.starts[pop.held[i] * (cm.H + 2) + t]++;
}

/** Citizen i lets go of its place or its place in the queue at month t (first exit, or moved by the steering). */
export function letGo(cap: Capacity, i: number, t: number): void {
  const { pop } = cap;
  if (pop.holding[i] === 1) {
    pop.holding[i] = 0;
    cap.holders[pop.arm[i]]--;
  }
  if (pop.waiting[i] === 1) leaveQueue(cap, i, t);
}

/**
 * The next citizen in arm a's queue while one of its `places` is free, or −1; entries of
 * citizens who left the queue meanwhile are passed over.
 */
export function nextInLine(cap: Capacity, a: number, places: number): number {
  const { pop } = cap;
  const q = cap.queues[a];
  const tickets = cap.tickets[a];
  while (cap.waitingFor[a] > 0 && cap.holders[a] < places) {
    const k = cap.queueHead[a]++;
    const i = q[k];
    if (pop.waiting[i] === 1 && pop.arm[i] === a && tickets[k] === cap.ticket[i]) return i;
  }
  return -1;
}

/** Citizen i, waiting, takes a place of arm a at month t: from now the arm's rows apply. */
export function admit(cap: Capacity, i: number, a: number, t: number): void {
  leaveQueue(cap, i, t);
  cap.pop.holding[i] = 1;
  cap.holders[a]++;
  cap.pop.held[i] = a;
  if (cap.starts !== null) cap.starts[a * (cap.cm.H + 2) + t]++;
}
