/**
 * The lockstep engine's month loop and the stays it opens and closes. Order within a month
 * t: stays ending at t are closed (moves drawn, exits counted, places freed); the steering
 * reviews (t a multiple of its period) and its moves are made; queues are served while
 * places are free; newcomers arrive and take a free place or queue; new stays are drawn.
 * @module
 */
import { KIND_BENEFIT, type CompiledModel, type CompiledScenario } from '../../compile/compile.js';
import { sfc32Next } from '../../random/streams.js';
import {
  type Accumulator,
  closeAtHorizon,
  destination,
  firstExit,
  ladderRestarts,
  recordStay,
  recordStayAcross,
  rowOfMonth,
  type StaySpan,
  stayAcross,
  stayLength,
  stayRow,
  type Tracks,
} from '../kernel.js';
import { admit, allocate, type Capacity, letGo, nextInLine, placesAt } from './capacity.js';
import { type Arrivals, type Population, pushStay, schedule, seatCitizen } from './population.js';
import { joinStock, newcomerArm, review, setAdd, setRemove, type SteeringRun, stockExit } from './review.js';

/** One scenario of one replicate in the lockstep engine: what every step reads and writes. */
export interface Lockstep {
  /** The compiled model. */
  cm: CompiledModel;
  /** The scenario. */
  sc: CompiledScenario;
  /** The replicate's keys. */
  k1: number;
  /** @see k1 */
  k2: number;
  /** Where the metrics add up. */
  acc: Accumulator;
  /** Month-by-month records, when kept. */
  tracks: Tracks | null;
  /** The citizens. */
  pop: Population;
  /** Places and queues. */
  cap: Capacity;
  /** The steering, if the scenario has one. */
  steer: SteeringRun | null;
  /** Cohorts by the month they arrive. */
  arrivals: Arrivals;
  /** Scratch for the kernel's stayRow. */
  span: StaySpan;
  /** shares[shareOffset + t] receives the share in force in month t, when kept. */
  shares: Float64Array | null;
  /** @see shares */
  shareOffset: number;
}

/**
 * The refusion count of citizen i at a stay in s from month t for m months, when the ladder
 * restarts: a stay on support begins the count or restarts it (kernel.ladderRestarts); a
 * stay of self-support is remembered. The per-citizen engine does the same per stay.
 */
function ladderAt(cm: CompiledModel, pop: Population, i: number, s: number, t: number, m: number): void {
  const spans = pop.spans![i];
  if (cm.onLadder[s] === 1) {
    if (pop.began[i] < 0 || ladderRestarts(cm, spans, spans.length / 2, pop.began[i], t)) {
      if (pop.began[i] >= 0) pop.cl[i] = 0;
      pop.began[i] = t;
      spans.length = 0;
    }
  } else if (cm.selfSupport[s] === 1) spans.push(t, t + m);
}

/** Close citizen i's running stay at `tEnd`, adding its months; with `moved`, draw where it leads. */
function close(L: Lockstep, i: number, tEnd: number, moved: boolean): void {
  const { cm, pop } = L;
  const { A, S, NP, kind } = cm;
  const s = pop.st[i];
  const t = pop.t0[i];
  const m = tEnd - t;
  const g = pop.grp[i];
  const h = pop.held[i];
  const isBenefit = kind[s] === KIND_BENEFIT;
  const period = NP > 1 ? cm.periodOf[t] : 0;
  pop.te[i] = -1;
  if (m > 0) {
    const cell = ((g * A + h) * S + s) * NP + period;
    const occ = L.tracks === null ? null : L.tracks.occ;
    const net = L.tracks === null ? null : L.tracks.net;
    if (pop.spans !== null) ladderAt(cm, pop, i, s, t, m);
    if (cm.invertPeriods)
      recordStayAcross(cm, L.acc, occ, net, (g * A + h) * S + s, (h * S + s) * (cm.H + 2), s, t, m, pop.cl[i]);
    else recordStay(cm, L.acc, occ, net, cell, (h * S + s) * (cm.H + 2), s, t, m, pop.cl[i]);
    pop.ds[i] += m;
    if (isBenefit) pop.cb[i] += m;
    if (cm.onLadder[s] === 1) pop.cl[i] += m;
  }
  if (!moved) return;
  const d = destination(cm, pop.row[i], sfc32Next(pop.rng, 4 * i));
  const trans = L.tracks === null ? null : L.tracks.trans;
  if (trans !== null) trans[((h * S + s) * S + d) * (cm.H + 2) + tEnd]++;
  if (isBenefit && pop.exited[i] === 0 && kind[d] !== KIND_BENEFIT) {
    pop.exited[i] = 1;
    letGo(L.cap, i, tEnd);
    if (L.steer !== null) stockExit(L.steer, i);
    firstExit(cm, L.acc, g * A + pop.arm[i], cm.groupInitial[g], pop.start[i], tEnd, d);
  }
  pop.st[i] = d;
  pop.ds[i] = 0;
}

/** Draw citizen i's next stay from month t. */
function open(L: Lockstep, i: number, t: number): void {
  const { cm, pop, span } = L;
  const s = pop.st[i];
  if (cm.paidHours[s] === 1) pop.ph[i] = 1;
  stayRow(cm, pop.held[i] * cm.K + pop.cls[i], s, t, cm.H - t, pop.cb[i], pop.ds[i], span);
  const r = span.row;
  const room = span.room;
  const across = cm.invertPeriods;
  const k = across ? stayAcross(cm, r, t, room, pop.rng, 4 * i) : stayLength(cm, r, room, pop.rng, 4 * i);
  const moved = k <= room;
  const m = moved ? k : room;
  pop.t0[i] = t;
  pop.te[i] = t + m;
  // Across calendar steps the move is drawn from the row of the stay's last month.
  pop.row[i] = across && moved ? rowOfMonth(cm, r, t + k - 1) : r;
  pop.mv[i] = moved ? 1 : 0;
  pushStay(pop, i, t + m);
  if (L.steer !== null && cm.kind[s] === KIND_BENEFIT) {
    const c = cm.armCost[span.period * cm.A + pop.held[i]];
    pop.rate[i] = c;
    L.steer.spendDiff[t] += c;
    L.steer.spendDiff[t + m] -= c;
  } else pop.rate[i] = 0;
}

/** Cut citizen i's running stay at month t (its rows are about to change) and have the next drawn this month. */
function cut(L: Lockstep, i: number, t: number): void {
  const { pop } = L;
  if (pop.te[i] > t) {
    const rate = pop.rate[i];
    if (L.steer !== null && rate !== 0) {
      L.steer.spendDiff[t] -= rate;
      L.steer.spendDiff[pop.te[i]] += rate;
    }
    close(L, i, t, false);
  }
  schedule(pop, i);
}

/** Make a review's moves at month t: each moved citizen into the active arm or to its group's other one. */
function move(L: Lockstep, steer: SteeringRun, t: number): void {
  const moves = review(L.cm, L.sc, steer, L.cap, L.pop.cls, t);
  if (moves === null) return;
  const { sv } = steer;
  for (let k = 0; k < moves.n; k++) {
    const i = moves.who[k];
    cut(L, i, t);
    letGo(L.cap, i, t);
    setRemove(steer, i);
    allocate(L.cap, i, moves.into ? sv.active : sv.otherwise[L.pop.grp[i]], t);
    setAdd(steer, i, L.pop.arm[i] === sv.active ? 1 : 0);
  }
}

/** Admit waiting citizens while places are free. */
function serveQueues(L: Lockstep, t: number): void {
  const { cm, cap } = L;
  for (let a = 1; a < cm.A; a++) {
    if (cm.capPlaces[a] < 0) continue;
    const places = placesAt(cm, a, t);
    for (let i = nextInLine(cap, a, places); i >= 0; i = nextInLine(cap, a, places)) {
      cut(L, i, t);
      admit(cap, i, a, t);
    }
  }
}

/** The cohorts arriving at month t: seated, allocated (newcomers to a steered group at the current share). */
function arrive(L: Lockstep, t: number): void {
  const { cm, sc, pop, steer } = L;
  for (const k of L.arrivals.byMonth[t]) {
    const c = sc.cohorts[k];
    const g = c.group;
    const newcomer = steer !== null && steer.sv.steered[g] === 1 && c.start > 0;
    for (let j = 0; j < c.count; j++) {
      const i = L.arrivals.firstPos[k] + j;
      seatCitizen(cm, pop, i, g, c.rowArm % cm.K, t, L.k1, L.k2, c.firstCitizen + j);
      allocate(L.cap, i, newcomer ? newcomerArm(cm, steer, g, t) : c.arm, t);
      if (steer !== null) joinStock(cm, steer, i, g, pop.st[i], pop.arm[i]);
      schedule(pop, i);
    }
  }
}

/** Month t: close the stays ending now, review, serve the queues, take the newcomers, draw the new stays. */
function month(L: Lockstep, t: number): void {
  const { cm, pop, steer } = L;
  const reviewing = steer !== null && t > 0 && t % steer.sv.every === 0;
  // Read nodeNext afresh: opening a stay may grow the lists.
  for (let n = pop.head[t]; n >= 0; n = pop.nodeNext[n]) {
    const i = pop.nodeCit[n];
    if (pop.te[i] !== t) continue;
    close(L, i, t, pop.mv[i] === 1);
    // Nothing later this month can change the rows of a citizen who is not waiting,
    // except a review: draw the next stay now.
    if (reviewing || pop.waiting[i] === 1) schedule(pop, i);
    else open(L, i, t);
  }
  if (reviewing) move(L, steer, t);
  if (cm.hasCapacity) serveQueues(L, t);
  arrive(L, t);
  if (steer !== null && t === 0) steer.stockAtReview = steer.setSize[0] + steer.setSize[1];
  if (L.shares !== null) L.shares[L.shareOffset + t] = steer === null ? 0 : steer.share;
  const { pending } = pop;
  for (let k = 0; k < pending.length; k++) {
    const i = pending[k];
    pop.pend[i] = 0;
    open(L, i, t);
  }
  pending.length = 0;
}

/** Run the months, then close every stay and every citizen at the horizon. */
export function runMonths(L: Lockstep): void {
  const { cm, pop } = L;
  const { H, A } = cm;
  for (let t = 0; t < H; t++) month(L, t);
  for (let n = pop.head[H]; n >= 0; n = pop.nodeNext[n]) {
    const i = pop.nodeCit[n];
    if (pop.te[i] === H) close(L, i, H, pop.mv[i] === 1);
  }
  for (let i = 0; i < pop.N; i++) {
    const g = pop.grp[i];
    const queuedAt = pop.waiting[i] === 1 ? pop.queuedAt[i] : -1;
    const s0 = cm.groupInitial[g];
    closeAtHorizon(
      cm,
      L.acc,
      L.tracks,
      g * A + pop.arm[i],
      pop.held[i],
      pop.st[i],
      s0,
      pop.start[i],
      pop.ph[i],
      pop.exited[i],
      queuedAt,
    );
  }
}
