/**
 * THE HOT LOOP. Simulates every citizen of one scenario for one replicate and adds what
 * the metrics need into a flat accumulator. No allocation per citizen, no objects, no
 * imports from the model or report layers.
 *
 * Instead of a uniform draw every month, a citizen in a state jumps straight to the end of
 * its stay: the number of months K until it leaves is geometric, P(K > k) = stay^k, drawn
 * by inversion as K = 1 + floor(log(U) / log(stay)); a second uniform picks the
 * destination from the row conditioned on leaving. This has exactly the distribution of
 * drawing month by month, at a fraction of the draws. A stay is cut where the row changes
 * (the next duration band, a calendar step, the month a waiting citizen gets a place, the
 * horizon); by memorylessness the rest is drawn afresh.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel, type CompiledScenario } from '../compile/compile.js';

/** Per-replicate sums for one scenario; cell = group · A + arm. */
export interface Accumulator {
  /** months[(cell · S + s) · NP + p]: citizen-months spent in state s during calendar period p. */
  months: Float64Array;
  /** Discounted citizen-months (left at zero when the model has no discounting or refusion: then they equal months). */
  discMonths: Float64Array;
  /** Discounted citizen-months weighted by the municipality's share of the transfer (likewise). */
  netMonths: Float64Array;
  /** final[cell · S + s]: citizens in state s at the horizon (s_H). */
  final: Int32Array;
  /** Citizens who ever occupied a paid-hours state, per cell. */
  paidEver: Int32Array;
  /** Citizens whose first exit from benefit happened within the horizon, per cell. */
  exits: Int32Array;
  /** …of whom the exit went to a success state, per cell. */
  successExits: Int32Array;
  /** exitMonth[cell · (H + 1) + k]: citizens starting on benefit whose first spell ended after k months. */
  exitMonth: Int32Array;
  /** censorMonth[cell · (H + 1) + k]: citizens starting on benefit still in their first spell when followed k months. */
  censorMonth: Int32Array;
  /** Months spent waiting for a place, per allocated cell. */
  waitMonths: Float64Array;
}

/**
 * Month-by-month records, kept when yearly results or occupancy are asked for: difference
 * arrays (a stay adds +1 at its first month and −1 after its last), so a stay costs two
 * writes however long it is.
 */
export interface Tracks {
  /** occ[(arm · S + s) · (H + 2) + t]: citizens holding arm in state s (month H: the final state). */
  occ: Int32Array;
  /** net[s · (H + 2) + t]: the same weighted by the municipality's share of the transfer (refusion ladder). */
  net: Float64Array;
  /** queue[t]: citizens waiting for a place (difference array). */
  queue: Int32Array;
}

/** Zeroed month-by-month records sized for `cm`. */
export function createTracks(cm: CompiledModel): Tracks {
  return {
    occ: new Int32Array(cm.A * cm.S * (cm.H + 2)),
    net: new Float64Array(cm.S * (cm.H + 2)),
    queue: new Int32Array(cm.H + 2),
  };
}

/** A zeroed accumulator sized for `cm`. */
export function createAccumulator(cm: CompiledModel): Accumulator {
  const cells = cm.G * cm.A;
  return {
    months: new Float64Array(cells * cm.S * cm.NP),
    discMonths: new Float64Array(cells * cm.S * cm.NP),
    netMonths: new Float64Array(cells * cm.S * cm.NP),
    final: new Int32Array(cells * cm.S),
    paidEver: new Int32Array(cells),
    exits: new Int32Array(cells),
    successExits: new Int32Array(cells),
    exitMonth: new Int32Array(cells * (cm.H + 1)),
    censorMonth: new Int32Array(cells * (cm.H + 1)),
    waitMonths: new Float64Array(cells),
  };
}

/** Zero an accumulator for reuse. */
export function resetAccumulator(acc: Accumulator): void {
  acc.months.fill(0);
  acc.discMonths.fill(0);
  acc.netMonths.fill(0);
  acc.final.fill(0);
  acc.paidEver.fill(0);
  acc.exits.fill(0);
  acc.successExits.fill(0);
  acc.exitMonth.fill(0);
  acc.censorMonth.fill(0);
  acc.waitMonths.fill(0);
}

const INV_2_32 = 1 / 4294967296;

/** Restore the min-heap property from the root after its value grew. */
function siftDown(heap: Float64Array): void {
  const n = heap.length;
  let i = 0;
  const v = heap[0];
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && heap[c + 1] < heap[c]) c++;
    if (heap[c] >= v) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = v;
}

const GOLDEN = 0x9e3779b9 | 0;

/**
 * Run one scenario of one replicate. `k1`, `k2` are the replicate's keys
 * (see `random/streams.ts`); the sfc32 generator is inlined here because a closure call per
 * draw costs more than the draw.
 */
export function simulateScenario(
  cm: CompiledModel,
  sc: CompiledScenario,
  k1: number,
  k2: number,
  acc: Accumulator,
  tracks: Tracks | null = null,
): void {
  const W = cm.H + 2;
  const occ = tracks === null ? null : tracks.occ;
  const net = tracks === null ? null : tracks.net;
  const { hasLadder, constFrom } = cm;
  const {
    H,
    S,
    A,
    NB,
    NP,
    periodOf,
    periodEnd,
    clockBenefit,
    bandStart,
    kind,
    paidHours,
    reimbursed,
    stay,
    logStay,
    leave,
    cum,
    lastDest,
  } = cm;
  const {
    groupInitial,
    groupPrior,
    groupInitialDuration,
    discPrefix,
    discPow,
    discInv,
    municipal,
    munPrefix,
    moneyDetail,
  } = cm;
  const { months, discMonths, netMonths, final, paidEver, exits, successExits, exitMonth, censorMonth, waitMonths } =
    acc;
  const { K, capPlaces, capFallback, capQueue } = cm;
  const queue = tracks === null ? null : tracks.queue;
  // Capacity: per capped arm a min-heap of the months its places next fall free. Citizens
  // are served in processing order (arrival order within a group), each taking the place
  // that frees first; a holder frees it at the first exit from benefit.
  // A heap needs no more slots than the citizens allocated to the arm: with that many
  // places every one of them finds a never-used place, as with more.
  const allocated = new Float64Array(A);
  for (let c = 0; c < sc.counts.length; c++) allocated[c % A] += sc.counts[c];
  const heaps: (Float64Array | null)[] = Array.from(capPlaces, (n, a) =>
    n >= 0 ? new Float64Array(Math.min(n, allocated[a])) : null,
  );
  const cohorts = sc.cohorts;
  for (let c = 0; c < cohorts.length; c++) {
    const { group, arm, count, firstCitizen, start, rowArm } = cohorts[c];
    const cellGA = group * A + arm;
    const accBase = cellGA * S;
    const rowBase = rowArm * S;
    const armBase = arm * S;
    const exitBase = cellGA * (H + 1);
    const s0 = groupInitial[group];
    const cb0 = groupPrior[group];
    const ds0 = groupInitialDuration[group];
    const heap = kind[s0] === KIND_BENEFIT ? heaps[arm] : null;
    const fb = capFallback[arm];
    for (let j = 0; j < count; j++) {
      // sfc32 state from the replicate keys and the citizen index (same hashing as
      // citizenStream in random/streams.ts).
      let h = (k1 + Math.imul(firstCitizen + j, GOLDEN)) | 0;
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
      let rt = 0;

      let s = s0;
      let t = start;
      let cb = cb0; // cumulative months on benefit (refusion ladder, benefit clock)
      let ds = ds0; // months in the current state
      let exited = 0;
      let ph = 0;
      // Which rows and money cells the citizen uses now: the allocated arm's, or while
      // waiting for a place the fallback's.
      let curRow = rowBase;
      let curAcc = accBase;
      let curArm = armBase;
      let waiting = 0;
      let switchAt = H + 1;
      let release = -1;
      if (heap !== null) {
        const free = heap.length > 0 ? heap[0] : Infinity;
        if (free <= t) {
          release = H; // holds the place until the first exit from benefit
        } else {
          curRow = (fb * K + (rowArm % K)) * S;
          curAcc = (group * A + fb) * S;
          curArm = fb * S;
          if (capQueue[arm] === 1) {
            waiting = 1;
            if (free < H) switchAt = free;
            if (queue !== null) queue[t]++;
          }
        }
      }
      while (t < H) {
        if (waiting === 1 && t === switchAt) {
          // A place is free: the wait ends and the intervention's rows apply from now.
          waiting = 0;
          curRow = rowBase;
          curAcc = accBase;
          curArm = armBase;
          release = H;
          waitMonths[cellGA] += t - start;
          if (queue !== null) queue[t]--;
        }
        const isBenefit = kind[s] === KIND_BENEFIT;
        if (paidHours[s] === 1) ph = 1;
        let room = H - t;
        if (waiting === 1 && switchAt - t < room) room = switchAt - t;
        let b = 0;
        let period = 0;
        if (NP > 1) {
          // Rows change at the calendar's steps: cut the stay there.
          period = periodOf[t];
          // Not past the month a waiting citizen gets a place.
          const left = periodEnd[period] - t;
          if (left < room) room = left;
        }
        if (NB > 1) {
          const clock = clockBenefit ? cb : ds;
          while (b + 1 < NB && clock >= bandStart[b + 1]) b++;
          if (!clockBenefit || isBenefit) {
            const rem = bandStart[b + 1] - clock;
            if (rem < room) room = rem;
          }
        }
        const r = ((curRow + s) * NP + period) * NB + b;
        const p = stay[r];
        let k: number;
        if (p >= 1) {
          k = room + 1;
        } else if (p <= 0) {
          k = 1;
        } else {
          rt = (((ra + rb) | 0) + rd) | 0;
          rd = (rd + 1) | 0;
          ra = rb ^ (rb >>> 9);
          rb = (rc + (rc << 3)) | 0;
          rc = (rc << 21) | (rc >>> 11);
          rc = (rc + rt) | 0;
          // 1 − u lies in (0, 1], so the log is finite.
          k = 1 + Math.floor(Math.log(1 - (rt >>> 0) * INV_2_32) / logStay[r]);
        }
        const moved = k <= room;
        const m = moved ? k : room;
        // An inlined copy of recordStay() (record.ts), which the synchronous engine calls:
        // as a call here the reference workload ran 13 % slower (491.6 vs 567.1 M/s).
        const cell = (curAcc + s) * NP + period;
        if (occ !== null) {
          const o = (curArm + s) * W;
          occ[o + t]++;
          occ[o + t + m]--;
          if (hasLadder && reimbursed[s] === 1) {
            // The municipality's share changes month by month early on the ladder, then stays.
            const base = s * W;
            if (isBenefit) {
              let tt = t;
              let c = cb;
              let left = m;
              while (left > 0 && c < constFrom) {
                const w = municipal[c];
                net![base + tt] += w;
                net![base + tt + 1] -= w;
                tt++;
                c++;
                left--;
              }
              if (left > 0) {
                const w = municipal[constFrom];
                net![base + tt] += w;
                net![base + tt + left] -= w;
              }
            } else {
              const w = municipal[cb];
              net![base + t] += w;
              net![base + t + m] -= w;
            }
          }
        }
        months[cell] += m;
        if (moneyDetail) {
          const dm = discPrefix[t + m] - discPrefix[t];
          discMonths[cell] += dm;
          if (reimbursed[s] === 0) netMonths[cell] += dm;
          else if (isBenefit) netMonths[cell] += (munPrefix[cb + m] - munPrefix[cb]) * discPow[t] * discInv[cb];
          else netMonths[cell] += dm * municipal[cb];
        }
        t += m;
        ds += m;
        if (isBenefit) cb += m;
        if (!moved) continue;

        rt = (((ra + rb) | 0) + rd) | 0;
        rd = (rd + 1) | 0;
        ra = rb ^ (rb >>> 9);
        rb = (rc + (rc << 3)) | 0;
        rc = (rc << 21) | (rc >>> 11);
        rc = (rc + rt) | 0;
        const x = (rt >>> 0) * INV_2_32 * leave[r];
        const cbase = r * S;
        let d = 0;
        while (d < S && x >= cum[cbase + d]) d++;
        if (d === S) d = lastDest[r];
        if (isBenefit && exited === 0 && kind[d] !== KIND_BENEFIT) {
          exited = 1;
          if (release === H) release = t;
          if (waiting === 1) {
            // Left benefit while waiting: out of the queue, never admitted.
            waiting = 0;
            waitMonths[cellGA] += t - start;
            if (queue !== null) queue[t]--;
          }
          exits[cellGA]++;
          // Time to first exit is measured for those who start on benefit.
          if (kind[s0] === KIND_BENEFIT) exitMonth[exitBase + t - start]++;
          if (kind[d] === KIND_SUCCESS) successExits[cellGA]++;
        }
        s = d;
        ds = 0;
      }
      if (waiting === 1) {
        waitMonths[cellGA] += H - start;
        if (queue !== null) queue[H]--;
      }
      if (release >= 0) {
        heap![0] = release;
        siftDown(heap!);
      }
      final[accBase + s]++;
      paidEver[cellGA] += ph;
      if (exited === 0 && kind[s0] === KIND_BENEFIT) censorMonth[exitBase + H - start]++;
      if (occ !== null) {
        occ[(curArm + s) * W + H]++;
        occ[(curArm + s) * W + H + 1]--;
      }
    }
  }
}
