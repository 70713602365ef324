/**
 * Capacity and queues in the lockstep engine: places counted month by month (a capacity
 * may change with the calendar), served first come, first served across all groups.
 * @module
 */
import { KIND_BENEFIT, type CompiledModel } from '../../compile/compile.js';
import type { Accumulator, Tracks } from '../kernel.js';
import { ARM, FLAGS, GRP, HELD, HOLDING, type Population, ST, W, WAITING } from './population.js';

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

/** Empty places and queues for `pop`, reusing the arrays of `spare` (no longer used) when they are large enough. */
export function createCapacity(
  cm: CompiledModel,
  pop: Population,
  acc: Accumulator,
  tracks: Tracks | null,
  spare: Capacity | null = null,
): Capacity {
  const { A } = cm;
  const reuse = spare !== null && spare.ticket.length >= pop.N && spare.holders.length === A;
  if (reuse) {
    spare.ticket.fill(0, 0, pop.N);
    spare.holders.fill(0);
    spare.waitingFor.fill(0);
    spare.queueHead.fill(0);
    for (let a = 0; a < A; a++) {
      spare.queues[a].length = 0;
      spare.tickets[a].length = 0;
    }
  }
  return {
    cm,
    pop,
    waitMonths: acc.waitMonths,
    queueTrack: tracks === null ? null : tracks.queue,
    starts: tracks === null ? null : tracks.starts,
    holders: reuse ? spare.holders : new Int32Array(A),
    waitingFor: reuse ? spare.waitingFor : new Int32Array(A),
    queues: reuse ? spare.queues : Array.from({ length: A }, () => []),
    tickets: reuse ? spare.tickets : Array.from({ length: A }, () => []),
    ticket: reuse ? spare.ticket : new Int32Array(pop.N),
    queueHead: reuse ? spare.queueHead : new Int32Array(A),
  };
}

/** Places of arm a in month t. */
export function placesAt(cm: CompiledModel, a: number, t: number): number {
  return cm.NP > 1 ? cm.capAt[cm.periodOf[t] * cm.A + a] : cm.capPlaces[a];
}

function enqueue(cap: Capacity, i: number, a: number, t: number): void {
  cap.pop.c[i * W + FLAGS] |= WAITING;
  cap.pop.queuedAt[i] = t;
  cap.waitingFor[a]++;
  cap.queues[a].push(i);
  cap.tickets[a].push(++cap.ticket[i]);
  if (cap.queueTrack !== null) cap.queueTrack[t]++;
}

function leaveQueue(cap: Capacity, i: number, t: number): void {
  const { pop } = cap;
  const { c } = pop;
  const o = i * W;
  c[o + FLAGS] &= ~WAITING;
  cap.waitingFor[c[o + ARM]]--;
  cap.waitMonths[c[o + GRP] * cap.cm.A + c[o + ARM]] += t - pop.queuedAt[i];
  if (cap.queueTrack !== null) cap.queueTrack[t]--;
}

/** Give citizen i arm a from month t: a free place, the queue, or the fallback. */
export function allocate(cap: Capacity, i: number, a: number, t: number): void {
  const { cm } = cap;
  const { c } = cap.pop;
  const o = i * W;
  c[o + ARM] = a;
  c[o + HELD] = a;
  if (cm.capPlaces[a] >= 0 && cm.kind[c[o + ST]] === KIND_BENEFIT) {
    if (cap.waitingFor[a] === 0 && cap.holders[a] < placesAt(cm, a, t)) {
      c[o + FLAGS] |= HOLDING;
      cap.holders[a]++;
    } else {
      c[o + HELD] = cm.capFallback[a];
      if (cm.capQueue[a] === 1) enqueue(cap, i, a, t);
      else c[o + ARM] = cm.capFallback[a];
    }
  }
  if (cap.starts !== null) cap.starts[c[o + HELD] * (cm.H + 2) + t]++;
}

/** Citizen i lets go of its place or its place in the queue at month t (first exit, or moved by the steering). */
export function letGo(cap: Capacity, i: number, t: number): void {
  const { c } = cap.pop;
  const o = i * W;
  if ((c[o + FLAGS] & HOLDING) !== 0) {
    c[o + FLAGS] &= ~HOLDING;
    cap.holders[c[o + ARM]]--;
  }
  if ((c[o + FLAGS] & WAITING) !== 0) leaveQueue(cap, i, t);
}

/**
 * The next citizen in arm a's queue while one of its `places` is free, or −1; entries of
 * citizens who left the queue meanwhile are passed over.
 */
export function nextInLine(cap: Capacity, a: number, places: number): number {
  const { c } = cap.pop;
  const q = cap.queues[a];
  const tickets = cap.tickets[a];
  while (cap.waitingFor[a] > 0 && cap.holders[a] < places) {
    const k = cap.queueHead[a]++;
    const i = q[k];
    if ((c[i * W + FLAGS] & WAITING) !== 0 && c[i * W + ARM] === a && tickets[k] === cap.ticket[i]) return i;
  }
  return -1;
}

/** Citizen i, waiting, takes a place of arm a at month t: from now the arm's rows apply. */
export function admit(cap: Capacity, i: number, a: number, t: number): void {
  leaveQueue(cap, i, t);
  const { c } = cap.pop;
  c[i * W + FLAGS] |= HOLDING;
  cap.holders[a]++;
  c[i * W + HELD] = a;
  if (cap.starts !== null) cap.starts[a * (cap.cm.H + 2) + t]++;
}
