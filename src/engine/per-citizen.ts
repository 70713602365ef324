/**
 * The per-citizen engine, THE HOT LOOP: every citizen of one scenario for one replicate,
 * one after another, adding what the metrics need into a flat accumulator. No allocation
 * per citizen, no objects, no imports from the model or report layers. It calls the
 * kernel (`kernel.ts`) once per citizen; per stay it keeps marked inline copies of the
 * kernel's functions, because calls there measured slower. tests/lockstep.test.ts and
 * tests/properties.test.ts hold it equal to the lockstep engine, which calls the kernel.
 *
 * Instead of a uniform draw every month, a citizen in a state jumps straight to the end of
 * its stay: the number of months K until it leaves is geometric, P(K > k) = stay^k, drawn
 * by inversion as K = 1 + floor(log(U) / log(stay)); a second uniform picks the
 * destination from the row conditioned on leaving. This has exactly the distribution of
 * drawing month by month, at a fraction of the draws. A stay is cut where the row changes
 * (the next duration band, a calendar step, the month a waiting citizen gets a place, the
 * horizon); by memorylessness the rest is drawn afresh. A model whose rows change at many
 * calendar steps (`cm.invertPeriods`) runs in `per-citizen-across.ts` instead, whose stays
 * are not cut at the steps.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel, type CompiledScenario } from '../compile/compile.js';
import { GOLDEN, INV_2_32 } from '../random/streams.js';
import { type Accumulator, ladderRestarts, stayThreshold, stayThresholds, type Tracks } from './kernel.js';
import { simulateScenarioAcross } from './per-citizen-across.js';

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

/**
 * Per capped arm a min-heap of the months its places next fall free. A heap needs no more
 * slots than the citizens allocated to the arm: with that many places every one of them
 * finds a never-used place, as with more.
 */
function placeHeaps(cm: CompiledModel, sc: CompiledScenario): (Float64Array | null)[] {
  const allocated = new Float64Array(cm.A);
  for (let c = 0; c < sc.counts.length; c++) allocated[c % cm.A] += sc.counts[c];
  return Array.from(cm.capPlaces, (n, a) => (n >= 0 ? new Float64Array(Math.min(n, allocated[a])) : null));
}

/**
 * Run one scenario of one replicate, citizen after citizen. `k1`, `k2` are the
 * replicate's keys (see `random/streams.ts`).
 */
export function simulateScenarioPerCitizen(
  cm: CompiledModel,
  sc: CompiledScenario,
  k1: number,
  k2: number,
  acc: Accumulator,
  tracks: Tracks | null = null,
): void {
  if (cm.invertPeriods) {
    simulateScenarioAcross(cm, sc, k1, k2, acc, tracks);
    return;
  }
  const W = cm.H + 2;
  const occ = tracks === null ? null : tracks.occ;
  const net = tracks === null ? null : tracks.net;
  const { hasLadder, constFrom } = cm;
  const {
    H,
    S,
    A,
    K,
    NB,
    NP,
    periodOf,
    periodEnd,
    clockBenefit,
    bandStart,
    kind,
    paidHours,
    reimbursed,
    onLadder,
    selfSupport,
    stay,
    logStay,
    leave,
    cum,
    lastDest,
  } = cm;
  const { groupInitial, groupPrior, groupInitialDuration, discPrefix, discPow, discInv, municipal, munPrefix } = cm;
  const { moneyDetail, capFallback, capQueue } = cm;
  const { months, discMonths, netMonths, final, paidEver, exits, successExits, exitMonth, censorMonth, waitMonths } =
    acc;
  const queue = tracks === null ? null : tracks.queue;
  // Only when some start or transition flow is booked (accounts).
  const starts = tracks === null ? null : tracks.starts;
  const trans = tracks === null ? null : tracks.trans;
  // Capacity: citizens are served in processing order (arrival order within a group),
  // each taking the place that frees first; a holder frees it at the first exit from benefit.
  const heaps = placeHeaps(cm, sc);
  // Refusion restart (issue 15): a citizen's self-support stays as [from, to) pairs, and in
  // lad the month its count began (−1: not yet) and the number of pairs. Not locals: the
  // loop without a restart keeps its registers.
  const spans = cm.restartMonths > 0 ? new Int32Array(2 * H + 2) : null;
  const lad = new Int32Array(2);
  // The draw at and above which a stay outlasts its room: one comparison instead of a
  // logarithm for the stay that reaches the horizon or a cut (every citizen has one).
  const thr = stayThresholds(cm);
  const H1 = H + 1;
  const cohorts = sc.cohorts;
  for (let c = 0; c < cohorts.length; c++) {
    const { group, arm, count, firstCitizen, start, rowArm } = cohorts[c];
    const cellGA = group * A + arm;
    const accBase = cellGA * S;
    const rowBase = rowArm * S;
    const s0 = groupInitial[group];
    const cb0 = groupPrior[group];
    const ds0 = groupInitialDuration[group];
    const heap = kind[s0] === KIND_BENEFIT ? heaps[arm] : null;
    const fb = capFallback[arm];
    const exitBase = cellGA * (H + 1);
    const armBase = arm * S;
    // Citizens whose first stay lasts to the horizon, counted here and booked together
    // after the cohort (bulkLim: the first draw at and above which a citizen is one; −1:
    // no such shortcut). Their first draw is the same for the whole cohort's row, so one
    // comparison replaces the stay; the integer sums commute exactly, and the money sums,
    // whose order matters, are still added citizen by citizen.
    let bulkLim = -1;
    let bulk = 0;
    let bulkCell = 0;
    let bulkRoom = 0;
    let bulkDm = 0;
    let bulkNm = 0;
    if (heap === null && spans === null && start < H && !(occ !== null && hasLadder && reimbursed[s0] === 1)) {
      // as the loop below computes the first stay's row and room
      let room0 = H - start;
      let b0 = 0;
      let period0 = 0;
      if (NP > 1) {
        period0 = periodOf[start];
        const left = periodEnd[period0] - start;
        if (left < room0) room0 = left;
      }
      if (NB > 1) {
        const clock = clockBenefit ? cb0 : ds0;
        while (b0 + 1 < NB && clock >= bandStart[b0 + 1]) b0++;
        if (!clockBenefit || kind[s0] === KIND_BENEFIT) {
          const rem = bandStart[b0 + 1] - clock;
          if (rem < room0) room0 = rem;
        }
      }
      const r0 = ((rowBase + s0) * NP + period0) * NB + b0;
      if (room0 === H - start && stay[r0] > 0) {
        if (stay[r0] >= 1) bulkLim = 0;
        else if (thr !== null) {
          bulkLim = thr[r0 * H1 + room0];
          if (bulkLim < 0) bulkLim = thr[r0 * H1 + room0] = stayThreshold(cm, r0, room0);
        }
      }
      if (bulkLim >= 0) {
        bulkCell = (accBase + s0) * NP + period0;
        bulkRoom = room0;
        if (moneyDetail) {
          const climbs = hasLadder ? onLadder[s0] === 1 : kind[s0] === KIND_BENEFIT;
          bulkDm = discPrefix[start + room0] - discPrefix[start];
          if (reimbursed[s0] === 0) bulkNm = bulkDm;
          else if (climbs) bulkNm = (munPrefix[cb0 + room0] - munPrefix[cb0]) * discPow[start] * discInv[cb0];
          else bulkNm = bulkDm * municipal[cb0];
        }
      }
    }
    for (let j = 0; j < count; j++) {
      // inline copy of streams.seedCitizen (fmix32 three times): with it and kernel.firstExit
      // and kernel.closeAtHorizon called once per citizen the reference workload ran at
      // 0.82–0.85 of 123f554 (bench/ab.mjs, issue 14 in bench/RESULTS.md).
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
      if (bulkLim >= 0 && ((((ra + rb) | 0) + 1) | 0) >>> 0 >= bulkLim) {
        // the first draw (sfc32's first output) says the first stay outlasts the horizon
        bulk++;
        if (moneyDetail) {
          discMonths[bulkCell] += bulkDm;
          netMonths[bulkCell] += bulkNm;
        }
        continue;
      }
      let rd = 1;
      let rt = 0;

      let s = s0;
      let t = start;
      let cb = cb0; // cumulative months on benefit (benefit clock)
      // Refusion ladder (issue 15): months on support; cl = cb unless other states count or
      // the count restarts.
      let cl = cb0;
      if (spans !== null) {
        lad[0] = cb0 > 0 ? start : -1;
        lad[1] = 0;
      }
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
      if (starts !== null) starts[(curArm / S) * W + t]++;
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
          if (starts !== null) starts[arm * W + t]++;
        }
        const isBenefit = kind[s] === KIND_BENEFIT;
        if (paidHours[s] === 1) ph = 1;
        // inline copy of kernel.stayRow: calls to it and kernel.destination measured 8 %
        // slower (reference workload, in-process A/B against 123f554, medians of 15 runs;
        // bench/RESULTS.md, issue 14).
        let room = H - t;
        // Not past the month a waiting citizen gets a place.
        if (waiting === 1 && switchAt - t < room) room = switchAt - t;
        let b = 0;
        let period = 0;
        if (NP > 1) {
          // Rows change at the calendar's steps: cut the stay there.
          period = periodOf[t];
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
        // inline copy of kernel.stayLength and streams.sfc32Next: the generator's state
        // lives in registers here, which a call cannot update.
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
          const n = rt >>> 0;
          let lim = Number.POSITIVE_INFINITY;
          if (thr !== null) {
            lim = thr[r * H1 + room];
            if (lim < 0) lim = thr[r * H1 + room] = stayThreshold(cm, r, room);
          }
          // 1 − u lies in (0, 1], so the log is finite.
          if (n >= lim) k = room + 1;
          else k = 1 + Math.floor(Math.log(1 - n * INV_2_32) / logStay[r]);
        }
        const moved = k <= room;
        const m = moved ? k : room;
        // Without a ladder compile sets onLadder to the benefit states: no read needed.
        const climbs = hasLadder ? onLadder[s] === 1 : isBenefit;
        if (spans !== null) {
          // as lockstep's ladderAt: support begins or restarts the count; self-support is kept.
          if (climbs) {
            if (lad[0] < 0 || ladderRestarts(cm, spans, lad[1], lad[0], t)) {
              if (lad[0] >= 0) cl = 0;
              lad[0] = t;
              lad[1] = 0;
            }
          } else if (selfSupport[s] === 1) {
            spans[2 * lad[1]] = t;
            spans[2 * lad[1] + 1] = t + m;
            lad[1]++;
          }
        }
        // inline copy of kernel.recordStay: a call measured 13 % slower (bench/run.mjs,
        // 491.6 vs 567.1 M/s).
        const cell = (curAcc + s) * NP + period;
        if (occ !== null) {
          const o = (curArm + s) * W;
          occ[o + t]++;
          occ[o + t + m]--;
          if (hasLadder && reimbursed[s] === 1) {
            // The municipality's share changes month by month early on the ladder, then stays.
            const base = s * W;
            if (climbs) {
              let tt = t;
              let c = cl;
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
              const w = municipal[cl];
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
          else if (climbs) netMonths[cell] += (munPrefix[cl + m] - munPrefix[cl]) * discPow[t] * discInv[cl];
          else netMonths[cell] += dm * municipal[cl];
        }
        t += m;
        ds += m;
        if (isBenefit) cb += m;
        if (climbs) cl += m;
        if (!moved) continue;

        // inline copy of streams.sfc32Next (the state lives in registers here)
        rt = (((ra + rb) | 0) + rd) | 0;
        rd = (rd + 1) | 0;
        ra = rb ^ (rb >>> 9);
        rb = (rc + (rc << 3)) | 0;
        rc = (rc << 21) | (rc >>> 11);
        rc = (rc + rt) | 0;
        // inline copy of kernel.destination: a call to it alone measured 9–24 % slower (as
        // above, bench/RESULTS.md, issue 14).
        const x = (rt >>> 0) * INV_2_32 * leave[r];
        const cbase = r * S;
        let d = 0;
        while (d < S && x >= cum[cbase + d]) d++;
        if (d === S) d = lastDest[r];
        if (trans !== null) trans[((curArm + s) * S + d) * W + t]++;
        if (isBenefit && exited === 0 && kind[d] !== KIND_BENEFIT) {
          exited = 1;
          if (release === H) release = t;
          if (waiting === 1) {
            // Left benefit while waiting: out of the queue, never admitted.
            waiting = 0;
            waitMonths[cellGA] += t - start;
            if (queue !== null) queue[t]--;
          }
          // inline copy of kernel.firstExit (see the seeding above)
          exits[cellGA]++;
          if (kind[s0] === KIND_BENEFIT) exitMonth[exitBase + t - start]++;
          if (kind[d] === KIND_SUCCESS) successExits[cellGA]++;
        }
        s = d;
        ds = 0;
      }
      if (release >= 0) {
        heap![0] = release;
        siftDown(heap!);
      }
      // inline copy of kernel.closeAtHorizon (see the seeding above)
      if (waiting === 1) {
        waitMonths[cellGA] += H - start;
        if (queue !== null) queue[H]--;
      }
      final[accBase + s]++;
      paidEver[cellGA] += ph;
      if (exited === 0 && kind[s0] === KIND_BENEFIT) censorMonth[exitBase + H - start]++;
      if (occ !== null) {
        const o = (curArm + s) * W;
        occ[o + H]++;
        occ[o + H + 1]--;
      }
    }
    if (bulk > 0) {
      // what the loop adds for each citizen who stays in s0 from start to the horizon
      months[bulkCell] += bulk * bulkRoom;
      final[accBase + s0] += bulk;
      paidEver[cellGA] += bulk * paidHours[s0];
      if (kind[s0] === KIND_BENEFIT) censorMonth[exitBase + H - start] += bulk;
      if (occ !== null) {
        const o = (armBase + s0) * W;
        occ[o + start] += bulk;
        occ[o + H + 1] -= bulk;
      }
      if (starts !== null) starts[arm * W + start] += bulk;
    }
  }
}
