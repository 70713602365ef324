/**
 * The lockstep engine's month loop and the stays it opens and closes. Order within a month
 * t: stays ending at t are closed (moves drawn, exits counted, places freed); the steering
 * reviews (t a multiple of its period) and its moves are made; queues are served while
 * places are free; newcomers arrive and take a free place or queue; new stays are drawn.
 *
 * close() and open() are the general steps; stays(), arriveFree() and finishAll() do the
 * same in fused passes where a model allows it (see each), with the same order of every
 * draw and every addition.
 * @module
 */
import { KIND_BENEFIT, type CompiledModel, type CompiledScenario } from '../../compile/compile.js';
import { GOLDEN, INV_2_32 } from '../../random/streams.js';
import {
  type Accumulator,
  closeAtHorizon,
  firstExit,
  ladderRestarts,
  recordStay,
  recordStayAcross,
  rowOfMonth,
  stayAcross,
  stayThreshold,
  type Tracks,
} from '../kernel.js';
import { admit, allocate, type Capacity, letGo, nextInLine, placesAt } from './capacity.js';
import {
  ARM,
  type Arrivals,
  CB,
  HOLDING,
  clearRecords,
  CL,
  CLS,
  DS,
  EXITED,
  FLAGS,
  GRP,
  HELD,
  MOVES,
  PAID,
  PENDING,
  type Population,
  pushStay,
  ROW,
  ST,
  schedule,
  seatCitizen,
  T0,
  TE,
  W,
  WAITING,
} from './population.js';
import { CAP, countDraw, SHIFT, type StayTables } from './stays.js';
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
  /** The model's cached stay thresholds (kernel.stayThresholds), or null. */
  thr: Float64Array | null;
  /** The model's stay lengths by draw (stays.ts). */
  tables: StayTables;
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
      if (pop.began[i] >= 0) pop.c[i * W + CL] = 0;
      pop.began[i] = t;
      spans.length = 0;
    }
  } else if (cm.selfSupport[s] === 1) spans.push(t, t + m);
}

/** Close citizen i's running stay at `tEnd`, adding its months; with `moved`, draw where it leads. */
function close(L: Lockstep, i: number, tEnd: number, moved: boolean): void {
  const { cm, pop, acc, tracks } = L;
  const { A, S, NP, kind } = cm;
  const { c } = pop;
  const o = i * W;
  const s = c[o + ST];
  const t = c[o + T0];
  const m = tEnd - t;
  const g = c[o + GRP];
  const h = c[o + HELD];
  const isBenefit = kind[s] === KIND_BENEFIT;
  const period = NP > 1 ? cm.periodOf[t] : 0;
  c[o + TE] = -1;
  if (m > 0) {
    const cell = ((g * A + h) * S + s) * NP + period;
    if (pop.spans !== null) ladderAt(cm, pop, i, s, t, m);
    const occ = tracks === null ? null : tracks.occ;
    if (cm.invertPeriods) {
      const net = tracks === null ? null : tracks.net;
      recordStayAcross(cm, acc, occ, net, (g * A + h) * S + s, (h * S + s) * (cm.H + 2), s, t, m, c[o + CL]);
    } else if (cm.moneyDetail || (occ !== null && cm.hasLadder)) {
      recordStay(cm, acc, occ, tracks === null ? null : tracks.net, cell, (h * S + s) * (cm.H + 2), s, t, m, c[o + CL]);
    } else {
      // inline copy of kernel.recordStay without money detail or a ladder, where it only counts months
      if (occ !== null) {
        const oo = (h * S + s) * (cm.H + 2);
        occ[oo + t]++;
        occ[oo + t + m]--;
      }
      acc.months[cell] += m;
    }
    c[o + DS] += m;
    if (isBenefit) c[o + CB] += m;
    if (cm.onLadder[s] === 1) c[o + CL] += m;
  }
  if (!moved) return;
  // inline copy of streams.sfc32Next on the record (words 0–3)
  const ra = c[o];
  const rb = c[o + 1];
  const rc = c[o + 2];
  const rd = c[o + 3];
  const rt = (((ra + rb) | 0) + rd) | 0;
  c[o + 3] = (rd + 1) | 0;
  c[o] = rb ^ (rb >>> 9);
  c[o + 1] = (rc + (rc << 3)) | 0;
  c[o + 2] = (((rc << 21) | (rc >>> 11)) + rt) | 0;
  // inline copy of kernel.destination
  const r = c[o + ROW];
  const x = (rt >>> 0) * INV_2_32 * cm.leave[r];
  const { cum } = cm;
  const cbase = r * S;
  let d = 0;
  while (d < S && x >= cum[cbase + d]) d++;
  if (d === S) d = cm.lastDest[r];
  const trans = tracks === null ? null : tracks.trans;
  if (trans !== null) trans[((h * S + s) * S + d) * (cm.H + 2) + tEnd]++;
  if (isBenefit && (c[o + FLAGS] & EXITED) === 0 && kind[d] !== KIND_BENEFIT) {
    c[o + FLAGS] |= EXITED;
    letGo(L.cap, i, tEnd);
    if (L.steer !== null) stockExit(L.steer, i);
    firstExit(cm, acc, g * A + c[o + ARM], cm.groupInitial[g], pop.start[i], tEnd, d);
  }
  c[o + ST] = d;
  c[o + DS] = 0;
}

/** Draw citizen i's next stay from month t. */
function open(L: Lockstep, i: number, t: number): void {
  const { cm, pop } = L;
  const { NP, NB, kind, stay } = cm;
  const { c } = pop;
  const o = i * W;
  const s = c[o + ST];
  const held = c[o + HELD];
  if (cm.paidHours[s] === 1) c[o + FLAGS] |= PAID;
  // inline copy of kernel.stayRow
  let room = cm.H - t;
  let b = 0;
  let period = 0;
  if (NP > 1) {
    period = cm.periodOf[t];
    const left = cm.periodEnd[period] - t;
    if (left < room && !cm.invertPeriods) room = left;
  }
  if (NB > 1) {
    const { bandStart, clockBenefit } = cm;
    const clock = clockBenefit ? c[o + CB] : c[o + DS];
    while (b + 1 < NB && clock >= bandStart[b + 1]) b++;
    if (!clockBenefit || kind[s] === KIND_BENEFIT) {
      const rem = bandStart[b + 1] - clock;
      if (rem < room) room = rem;
    }
  }
  const r = (((held * cm.K + c[o + CLS]) * cm.S + s) * NP + period) * NB + b;
  // inline copy of kernel.stayLength: the length looked up (stays.ts) where the draw's slot
  // decides it, else a stay that outlasts its room decided by the cached threshold as in
  // per-citizen.ts (every citizen has one such stay), else the logarithm.
  const p = stay[r];
  let k: number;
  // Across calendar steps, one draw against the cumulative hazard (kernel.stayAcross).
  if (cm.invertPeriods) k = stayAcross(cm, r, t, room, c, o);
  else if (p >= 1) k = room + 1;
  else if (p <= 0) k = 1;
  else {
    // inline copy of streams.sfc32Next on the record (words 0–3)
    const ra = c[o];
    const rb = c[o + 1];
    const rc = c[o + 2];
    const rd = c[o + 3];
    const rt = (((ra + rb) | 0) + rd) | 0;
    c[o + 3] = (rd + 1) | 0;
    c[o] = rb ^ (rb >>> 9);
    c[o + 1] = (rc + (rc << 3)) | 0;
    c[o + 2] = (((rc << 21) | (rc >>> 11)) + rt) | 0;
    const n = rt >>> 0;
    const tab = L.tables.table[r];
    const v = tab === null ? 0 : tab[n >>> SHIFT];
    if (v !== 0 && v < CAP) k = v;
    else if (v === CAP && room < CAP) k = room + 1;
    else {
      if (tab === null) countDraw(cm, L.tables, r);
      const { thr } = L;
      let lim = Number.POSITIVE_INFINITY;
      if (thr !== null) {
        const at = r * (cm.H + 1) + room;
        lim = thr[at];
        if (lim < 0) lim = thr[at] = stayThreshold(cm, r, room);
      }
      // 1 − u lies in (0, 1], so the log is finite.
      if (n >= lim) k = room + 1;
      else k = 1 + Math.floor(Math.log(1 - n * INV_2_32) / cm.logStay[r]);
    }
  }
  const moved = k <= room;
  const m = moved ? k : room;
  c[o + T0] = t;
  c[o + TE] = t + m;
  // Across calendar steps the move is drawn from the row of the stay's last month.
  c[o + ROW] = cm.invertPeriods && moved ? rowOfMonth(cm, r, t + k - 1) : r;
  if (moved) c[o + FLAGS] |= MOVES;
  else c[o + FLAGS] &= ~MOVES;
  pushStay(pop, i, t + m);
  if (L.steer?.spends && kind[s] === KIND_BENEFIT) {
    // The stay's intervention cost per month; cut() finds it again the same way.
    const rate = cm.armCost[period * cm.A + held];
    L.steer.spendDiff[t] += rate;
    L.steer.spendDiff[t + m] -= rate;
  }
}

/** Cut citizen i's running stay at month t (its rows are about to change) and have the next drawn this month. */
function cut(L: Lockstep, i: number, t: number): void {
  const { cm, pop } = L;
  const { c } = pop;
  const o = i * W;
  const te = c[o + TE];
  if (te > t) {
    if (L.steer?.spends && cm.kind[c[o + ST]] === KIND_BENEFIT) {
      // as open() charged it: state and held arm are those of the stay's start
      const rate = cm.armCost[(cm.NP > 1 ? cm.periodOf[c[o + T0]] : 0) * cm.A + c[o + HELD]];
      if (rate !== 0) {
        L.steer.spendDiff[t] -= rate;
        L.steer.spendDiff[te] += rate;
      }
    }
    close(L, i, t, false);
  }
  schedule(pop, i);
}

/** Make a review's moves at month t: each moved citizen into the active arm or to its group's other one. */
function move(L: Lockstep, steer: SteeringRun, t: number): void {
  const moves = review(L.cm, L.sc, steer, L.cap, L.pop.c, t);
  if (moves === null) return;
  const { sv } = steer;
  const { who } = moves;
  for (let k = 0; k < moves.n; k++) {
    // The moved citizens come in no useful order either: their records loaded a chunk at a time.
    if (k % CHUNK === 0) warm(L.pop, who, k, Math.min(k + CHUNK, moves.n) - 1);
    const i = who[k];
    cut(L, i, t);
    letGo(L.cap, i, t);
    setRemove(steer, i);
    allocate(L.cap, i, moves.into ? sv.active : sv.otherwise[L.pop.c[i * W + GRP]], t);
    setAdd(steer, i, L.pop.c[i * W + ARM] === sv.active ? 1 : 0);
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
  const { c } = pop;
  // With nobody else waiting to draw this month, the newcomers draw at once, in the order
  // they would have drawn at the end of the month.
  const now = pop.pendingCount === 0;
  for (const k of L.arrivals.byMonth[t]) {
    const co = sc.cohorts[k];
    const g = co.group;
    const newcomer = steer !== null && steer.sv.steered[g] === 1 && co.start > 0;
    const first = L.arrivals.firstPos[k];
    if (now && !newcomer && cm.capPlaces[co.arm] < 0 && L.cap.starts === null && !cm.invertPeriods) {
      arriveFree(L, t, first, co.count, g, co.arm, co.rowArm % cm.K, co.firstCitizen);
      continue;
    }
    clearRecords(pop, first, co.count);
    for (let j = 0; j < co.count; j++) {
      const i = first + j;
      seatCitizen(cm, pop, i, g, co.rowArm % cm.K, t, L.k1, L.k2, co.firstCitizen + j);
      allocate(L.cap, i, newcomer ? newcomerArm(cm, steer, g, t) : co.arm, t);
      if (steer !== null) joinStock(cm, steer, i, g, c[i * W + ST], c[i * W + ARM]);
      if (now) open(L, i, t);
      else schedule(pop, i);
    }
  }
}

/**
 * The common case of {@link arrive}: `count` citizens from position `first` (citizen
 * indices from `citizen`) of group g arriving at month t on arm a, which has no capacity,
 * when nobody else waits to draw this month. Each is seated, allocated, joins the stock
 * and draws its first stay as seatCitizen(), allocate(), joinStock() and open() do, with
 * the stream in locals (tests/lockstep.test.ts and scripts/output-hashes.mjs hold the
 * results byte for byte).
 */
function arriveFree(
  L: Lockstep,
  t: number,
  first: number,
  count: number,
  g: number,
  a: number,
  cls: number,
  citizen: number,
): void {
  const { cm, pop, steer, tables, thr, k1, k2 } = L;
  const { c } = pop;
  const { A, S, K, H, NP, NB, kind, stay, logStay, paidHours, armCost } = cm;
  const s = cm.groupInitial[g];
  const cb = cm.groupPrior[g];
  const ds = cm.groupInitialDuration[g];
  const began = cb > 0 ? t : -1;
  const joins = steer !== null && steer.sv.steered[g] === 1 && kind[s] === KIND_BENEFIT;
  const into = steer !== null && a === steer.sv.active ? 1 : 0;
  const spendDiff = steer === null || !steer.spends ? null : steer.spendDiff;
  const paid = paidHours[s] === 1 ? PAID : 0;
  // inline copy of kernel.stayRow: every citizen of the cohort starts on the same row
  let room = H - t;
  let b = 0;
  let period = 0;
  if (NP > 1) {
    period = cm.periodOf[t];
    const left = cm.periodEnd[period] - t;
    if (left < room) room = left;
  }
  if (NB > 1) {
    const { bandStart, clockBenefit } = cm;
    const clock = clockBenefit ? cb : ds;
    while (b + 1 < NB && clock >= bandStart[b + 1]) b++;
    if (!clockBenefit || kind[s] === KIND_BENEFIT) {
      const rem = bandStart[b + 1] - clock;
      if (rem < room) room = rem;
    }
  }
  const r = (((a * K + cls) * S + s) * NP + period) * NB + b;
  const p = stay[r];
  const rate = spendDiff !== null && kind[s] === KIND_BENEFIT ? armCost[period * A + a] : 0;
  // finishAll() finds the stays running to the horizon without their list.
  const lastH = finishesAll(L) ? H : -1;
  for (let j = 0; j < count; j++) {
    const i = first + j;
    const o = i * W;
    // inline copy of streams.seedCitizen (fmix32 three times)
    let h = (k1 + Math.imul(citizen + j, GOLDEN)) | 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let ra = h | 0;
    h = ra ^ k2;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let rb = h | 0;
    h = (rb + 0x7f4a7c15) | 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let rc = h | 0;
    let rd = 1;
    // as seatCitizen() and allocate() on an arm without capacity; every word of the record is
    // written here or below (it was not cleared: createPopulation)
    pop.began[i] = began;
    pop.start[i] = t;
    c[o + GRP] = g;
    c[o + CLS] = cls;
    c[o + ARM] = a;
    c[o + HELD] = a;
    c[o + CB] = cb;
    c[o + CL] = cb;
    c[o + DS] = ds;
    c[o + ST] = s;
    if (joins) setAdd(steer, i, into);
    // as open(), with the row above
    let len: number;
    if (p >= 1) len = room + 1;
    else if (p <= 0) len = 1;
    else {
      // inline copy of streams.sfc32Next
      const rt = (((ra + rb) | 0) + rd) | 0;
      rd = (rd + 1) | 0;
      ra = rb ^ (rb >>> 9);
      rb = (rc + (rc << 3)) | 0;
      rc = (rc << 21) | (rc >>> 11);
      rc = (rc + rt) | 0;
      const n = rt >>> 0;
      const tab = tables.table[r];
      const v = tab === null ? 0 : tab[n >>> SHIFT];
      if (v !== 0 && v < CAP) len = v;
      else if (v === CAP && room < CAP) len = room + 1;
      else {
        if (tab === null) countDraw(cm, tables, r);
        let lim = Number.POSITIVE_INFINITY;
        if (thr !== null) {
          lim = thr[r * (H + 1) + room];
          if (lim < 0) lim = thr[r * (H + 1) + room] = stayThreshold(cm, r, room);
        }
        if (n >= lim) len = room + 1;
        else len = 1 + Math.floor(Math.log(1 - n * INV_2_32) / logStay[r]);
      }
    }
    const moved = len <= room;
    const m = moved ? len : room;
    c[o] = ra;
    c[o + 1] = rb;
    c[o + 2] = rc;
    c[o + 3] = rd;
    c[o + T0] = t;
    c[o + TE] = t + m;
    c[o + ROW] = r;
    c[o + FLAGS] = moved ? paid | MOVES : paid;
    if (t + m !== lastH) pushStay(pop, i, t + m);
    if (spendDiff !== null && kind[s] === KIND_BENEFIT) {
      spendDiff[t] += rate;
      spendDiff[t + m] -= rate;
    }
  }
}

/** Citizens whose records {@link warm} loads together before the month loop works on them. */
const CHUNK = 64;

/**
 * Load the records of the citizens list[lo … hi] (their first and last words, as a record
 * may straddle two cache lines), changing nothing: loads that do not wait for one another
 * overlap, so the chunk's cache misses cost about one miss's time instead of one each.
 * The month loop meets the citizens in no useful order, and those misses were most of its
 * time (bench/RESULTS.md, issue 17 item 3).
 */
function warm(pop: Population, list: Int32Array, lo: number, hi: number): void {
  const { c } = pop;
  let x = 0;
  for (let k = lo; k <= hi; k++) {
    const o = list[k] * W;
    x |= c[o] | c[o + W - 1];
  }
  // Kept, so that the loads are not optimised away.
  pop.warmth = x;
}

/**
 * Whether the month loop takes {@link stays}: not for a model with money detail, a
 * ladder's municipal share by month, the ladder's restart, or stays across calendar
 * steps, which close() and open() handle.
 */
function fused(L: Lockstep): boolean {
  const { cm } = L;
  return L.pop.spans === null && !cm.moneyDetail && !(L.tracks !== null && cm.hasLadder) && !cm.invertPeriods;
}

/** {@link stays}: close the stays ending now and draw the next ones (a month without a review). */
const CLOSE_DRAW = 0;
/** {@link stays}: close the stays ending now and have the next ones drawn at the end of the month (a review month). */
const CLOSE_DEFER = 1;
/** {@link stays}: draw the next stays of citizens in order (those waiting to draw at the end of the month). */
const DRAW = 2;

/**
 * The month loop's common cases, {@link close} and {@link open} in one pass with the
 * model's arrays in locals and the citizen's record read and written once. With
 * CLOSE_DRAW or CLOSE_DEFER, the stays of list[lo … hi] ending at month t, newest first
 * (stale entries skipped), are closed, and the next ones drawn or the citizens
 * {@link schedule}d; a waiting citizen's stay is closed by close(). Only where
 * {@link fused} says so. With DRAW, list[lo … hi] (the pending citizens) draw their next
 * stays in that order (any model but one with stays across calendar steps). Every
 * step is as close() and open() take it (tests/lockstep.test.ts and
 * scripts/output-hashes.mjs hold the results byte for byte).
 */
function stays(L: Lockstep, t: number, list: Int32Array, lo: number, hi: number, mode: number): void {
  const { cm, pop, acc, tracks, steer, thr, tables } = L;
  const { c } = pop;
  const { A, S, K, H, NP, NB, kind, stay, logStay, leave, cum, lastDest, onLadder, paidHours, armCost } = cm;
  const { periodOf, periodEnd, bandStart, clockBenefit } = cm;
  const { months } = acc;
  const W2 = H + 2;
  const H1 = H + 1;
  const occ = tracks === null ? null : tracks.occ;
  const trans = tracks === null ? null : tracks.trans;
  const spendDiff = steer === null || !steer.spends ? null : steer.spendDiff;
  // The rows' calendar period and how long it lasts, the same for every stay drawn now.
  const period = NP > 1 ? periodOf[t] : 0;
  const roomT = NP > 1 ? Math.min(H - t, periodEnd[period] - t) : H - t;
  const closing = mode !== DRAW;
  // finishAll() finds the stays running to the horizon without their list (DRAW runs on
  // models that close them from the list too).
  const lastH = finishesAll(L) ? H : -1;
  for (let step = 0; step <= hi - lo; step++) {
    const k = closing ? hi - step : lo + step;
    const i = list[k];
    const o = i * W;
    let flags = c[o + FLAGS];
    let s = c[o + ST];
    const h = c[o + HELD];
    let ds = c[o + DS];
    let cb = c[o + CB];
    let cl = c[o + CL];
    let ra = c[o];
    let rb = c[o + 1];
    let rc = c[o + 2];
    let rd = c[o + 3];
    let rt = 0;
    if (closing) {
      if (c[o + TE] !== t) continue;
      if ((flags & WAITING) !== 0) {
        close(L, i, t, (flags & MOVES) !== 0);
        if (mode === CLOSE_DEFER || (c[o + FLAGS] & WAITING) !== 0) schedule(pop, i);
        else open(L, i, t);
        continue;
      }
      // as close(): the stay's months
      const t0 = c[o + T0];
      const m = t - t0;
      const isBenefit = kind[s] === KIND_BENEFIT;
      if (m > 0) {
        // inline copy of kernel.recordStay without money detail or a ladder, where it only counts months
        if (occ !== null) {
          const oo = (h * S + s) * W2;
          occ[oo + t0]++;
          occ[oo + t]--;
        }
        months[((c[o + GRP] * A + h) * S + s) * NP + (NP > 1 ? periodOf[t0] : 0)] += m;
        ds += m;
        if (isBenefit) cb += m;
        if (onLadder[s] === 1) cl += m;
      }
      if ((flags & MOVES) !== 0) {
        // inline copy of streams.sfc32Next
        rt = (((ra + rb) | 0) + rd) | 0;
        rd = (rd + 1) | 0;
        ra = rb ^ (rb >>> 9);
        rb = (rc + (rc << 3)) | 0;
        rc = (rc << 21) | (rc >>> 11);
        rc = (rc + rt) | 0;
        // inline copy of kernel.destination
        const r0 = c[o + ROW];
        const x = (rt >>> 0) * INV_2_32 * leave[r0];
        const cbase = r0 * S;
        let d = 0;
        while (d < S && x >= cum[cbase + d]) d++;
        if (d === S) d = lastDest[r0];
        if (trans !== null) trans[((h * S + s) * S + d) * W2 + t]++;
        if (isBenefit && (flags & EXITED) === 0 && kind[d] !== KIND_BENEFIT) {
          // as close(): the first exit, with the record as the capacity and steering read it
          c[o + FLAGS] = flags | EXITED;
          // a waiting citizen's stay is closed by close(): only a place to let go of
          if ((flags & HOLDING) !== 0) letGo(L.cap, i, t);
          if (steer !== null) stockExit(steer, i);
          const g = c[o + GRP];
          firstExit(cm, acc, g * A + c[o + ARM], cm.groupInitial[g], pop.start[i], t, d);
          flags = c[o + FLAGS];
        }
        s = d;
        ds = 0;
      }
      if (mode === CLOSE_DEFER) {
        // as close() leaves the record; the next stay is drawn at the end of the month
        c[o] = ra;
        c[o + 1] = rb;
        c[o + 2] = rc;
        c[o + 3] = rd;
        c[o + ST] = s;
        c[o + DS] = ds;
        c[o + CB] = cb;
        c[o + CL] = cl;
        c[o + TE] = -1;
        c[o + FLAGS] = flags;
        schedule(pop, i);
        continue;
      }
    } else flags &= ~PENDING;
    // as open(): the next stay
    if (paidHours[s] === 1) flags |= PAID;
    // inline copy of kernel.stayRow
    let room = roomT;
    let b = 0;
    if (NB > 1) {
      const clock = clockBenefit ? cb : ds;
      while (b + 1 < NB && clock >= bandStart[b + 1]) b++;
      if (!clockBenefit || kind[s] === KIND_BENEFIT) {
        const rem = bandStart[b + 1] - clock;
        if (rem < room) room = rem;
      }
    }
    const r = (((h * K + c[o + CLS]) * S + s) * NP + period) * NB + b;
    // inline copy of kernel.stayLength, with the table and the threshold as in open()
    const p = stay[r];
    let len: number;
    if (p >= 1) len = room + 1;
    else if (p <= 0) len = 1;
    else {
      // inline copy of streams.sfc32Next
      rt = (((ra + rb) | 0) + rd) | 0;
      rd = (rd + 1) | 0;
      ra = rb ^ (rb >>> 9);
      rb = (rc + (rc << 3)) | 0;
      rc = (rc << 21) | (rc >>> 11);
      rc = (rc + rt) | 0;
      const n = rt >>> 0;
      const tab = tables.table[r];
      const v = tab === null ? 0 : tab[n >>> SHIFT];
      if (v !== 0 && v < CAP) len = v;
      else if (v === CAP && room < CAP) len = room + 1;
      else {
        if (tab === null) countDraw(cm, tables, r);
        let lim = Number.POSITIVE_INFINITY;
        if (thr !== null) {
          lim = thr[r * H1 + room];
          if (lim < 0) lim = thr[r * H1 + room] = stayThreshold(cm, r, room);
        }
        if (n >= lim) len = room + 1;
        else len = 1 + Math.floor(Math.log(1 - n * INV_2_32) / logStay[r]);
      }
    }
    const moved = len <= room;
    const m2 = moved ? len : room;
    c[o] = ra;
    c[o + 1] = rb;
    c[o + 2] = rc;
    c[o + 3] = rd;
    c[o + ST] = s;
    c[o + DS] = ds;
    c[o + CB] = cb;
    c[o + CL] = cl;
    c[o + T0] = t;
    c[o + TE] = t + m2;
    c[o + ROW] = r;
    c[o + FLAGS] = moved ? flags | MOVES : flags & ~MOVES;
    if (t + m2 !== lastH) pushStay(pop, i, t + m2);
    if (spendDiff !== null && kind[s] === KIND_BENEFIT) {
      const rate = armCost[period * A + h];
      spendDiff[t] += rate;
      spendDiff[t + m2] -= rate;
    }
  }
}

/** Month t: close the stays ending now, review, serve the queues, take the newcomers, draw the new stays. */
function month(L: Lockstep, t: number): void {
  const { cm, pop, steer } = L;
  const { c } = pop;
  const reviewing = steer !== null && t > 0 && t % steer.sv.every === 0;
  // Newest first. Every stay lasts a month or more, so none is listed under t while t runs.
  const list = pop.bucket[t];
  for (let hi = pop.count[t] - 1; hi >= 0; hi -= CHUNK) {
    const lo = hi >= CHUNK ? hi - CHUNK + 1 : 0;
    warm(pop, list, lo, hi);
    if (fused(L)) {
      stays(L, t, list, lo, hi, reviewing ? CLOSE_DEFER : CLOSE_DRAW);
    } else {
      for (let k = hi; k >= lo; k--) {
        const i = list[k];
        const o = i * W;
        if (c[o + TE] !== t) continue;
        close(L, i, t, (c[o + FLAGS] & MOVES) !== 0);
        // Nothing later this month can change the rows of a citizen who is not waiting,
        // except a review: draw the next stay now.
        if (reviewing || (c[o + FLAGS] & WAITING) !== 0) schedule(pop, i);
        else open(L, i, t);
      }
    }
  }
  if (reviewing) move(L, steer, t);
  if (cm.hasCapacity) serveQueues(L, t);
  arrive(L, t);
  if (steer !== null && t === 0) steer.stockAtReview = steer.setSize[0] + steer.setSize[1];
  if (L.shares !== null) L.shares[L.shareOffset + t] = steer === null ? 0 : steer.share;
  if (cm.invertPeriods) {
    for (let k = 0; k < pop.pendingCount; k++) {
      const i = pop.pending[k];
      c[i * W + FLAGS] &= ~PENDING;
      open(L, i, t);
    }
  } else if (pop.pendingCount > 0) stays(L, t, pop.pending, 0, pop.pendingCount - 1, DRAW);
  pop.pendingCount = 0;
}

/** Run the months, then close every stay and every citizen at the horizon. */
export function runMonths(L: Lockstep): void {
  const { cm, pop } = L;
  const { H } = cm;
  const { c } = pop;
  for (let t = 0; t < H; t++) month(L, t);
  // Without money detail (or the ladder's municipal share by month) closing a stay only
  // adds whole numbers, whose sums do not depend on the order: close the stays running to
  // the horizon citizen by citizen, in memory order, rather than in the order they were listed.
  if (finishesAll(L)) {
    finishAll(L);
    return;
  }
  const list = pop.bucket[H];
  for (let hi = pop.count[H] - 1; hi >= 0; hi -= CHUNK) {
    const lo = hi >= CHUNK ? hi - CHUNK + 1 : 0;
    warm(pop, list, lo, hi);
    for (let k = hi; k >= lo; k--) {
      const i = list[k];
      if (c[i * W + TE] === H) close(L, i, H, (c[i * W + FLAGS] & MOVES) !== 0);
    }
  }
  for (let i = 0; i < pop.N; i++) finish(L, i);
}

/**
 * Whether the horizon is closed by {@link finishAll}, which meets every citizen in memory
 * order and so needs no list of the stays ending at the horizon: the fused passes list none.
 */
function finishesAll(L: Lockstep): boolean {
  const { cm } = L;
  return !cm.moneyDetail && !(L.tracks !== null && cm.hasLadder) && !cm.invertPeriods;
}

/**
 * The horizon without money detail or a ladder's municipal share by month, citizen by
 * citizen in memory order: the stay running to the horizon closed (as close() does it,
 * adding whole months only), then the citizen (an inline copy of kernel.closeAtHorizon).
 */
function finishAll(L: Lockstep): void {
  const { cm, pop, acc, tracks } = L;
  const { c, start, queuedAt } = pop;
  const { A, S, H, NP, kind, groupInitial, periodOf } = cm;
  const { months, final, paidEver, censorMonth, waitMonths } = acc;
  const occ = tracks === null ? null : tracks.occ;
  const W2 = H + 2;
  for (let i = 0; i < pop.N; i++) {
    const o = i * W;
    // Whether the stay's −1 in occ at the horizon was left out, as the citizen's +1 there cancels it.
    let atH = false;
    if (c[o + TE] === H) {
      if ((c[o + FLAGS] & MOVES) !== 0 || pop.spans !== null) close(L, i, H, (c[o + FLAGS] & MOVES) !== 0);
      else {
        // as close(): the stay's months (its clocks are not read again)
        const s = c[o + ST];
        const t0 = c[o + T0];
        const h = c[o + HELD];
        if (H > t0) {
          // inline copy of kernel.recordStay without money detail or a ladder
          if (occ !== null) {
            occ[(h * S + s) * W2 + t0]++;
            atH = true;
          }
          months[((c[o + GRP] * A + h) * S + s) * NP + (NP > 1 ? periodOf[t0] : 0)] += H - t0;
        }
        c[o + TE] = -1;
      }
    }
    // inline copy of kernel.closeAtHorizon
    const g = c[o + GRP];
    const s = c[o + ST];
    const flags = c[o + FLAGS];
    const cellGA = g * A + c[o + ARM];
    if ((flags & WAITING) !== 0) {
      waitMonths[cellGA] += H - queuedAt[i];
      if (tracks !== null) tracks.queue[H]--;
    }
    final[cellGA * S + s]++;
    if ((flags & PAID) !== 0) paidEver[cellGA]++;
    if ((flags & EXITED) === 0 && kind[groupInitial[g]] === KIND_BENEFIT)
      censorMonth[cellGA * (H + 1) + H - start[i]]++;
    if (occ !== null) {
      // the same cell as the stay's (its state and held arm are unchanged)
      const oo = (c[o + HELD] * S + s) * W2;
      if (!atH) occ[oo + H]++;
      occ[oo + H + 1]--;
    }
  }
}

/** Citizen i at the horizon (kernel.closeAtHorizon). */
function finish(L: Lockstep, i: number): void {
  const { cm, pop } = L;
  const { c } = pop;
  const o = i * W;
  const g = c[o + GRP];
  const flags = c[o + FLAGS];
  closeAtHorizon(
    cm,
    L.acc,
    L.tracks,
    g * cm.A + c[o + ARM],
    c[o + HELD],
    c[o + ST],
    cm.groupInitial[g],
    pop.start[i],
    (flags & PAID) !== 0 ? 1 : 0,
    (flags & EXITED) !== 0 ? 1 : 0,
    (flags & WAITING) !== 0 ? pop.queuedAt[i] : -1,
  );
}
