/**
 * The per-citizen engine for models whose rows change at many calendar steps
 * (`cm.invertPeriods`: a life table, a monthly drift), a hot loop like `per-citizen.ts`
 * with the same marked inline copies of the kernel. Its stays are not cut at the steps:
 * one uniform per stay is turned into its length by inverting the cumulative hazard over
 * the months it crosses (kernel.stayAcross: the first month whose cumulative hazard
 * Λ passes Λ[t] − log(1 − u)), exact in distribution since P(K > k) is the product of the
 * months' stay probabilities, and the destination is drawn from the row of the stay's last
 * month. The months go into difference arrays per month (kernel.recordStayAcross) that
 * kernel.settlePeriods books per calendar period once per scenario, so a stay costs the
 * same however many periods it crosses. Models with capacity, steering or the refusion
 * restart keep the cut (compile.ts says why), so there is no heap, queue or span here.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel, type CompiledScenario } from '../compile/compile.js';
import { GOLDEN, INV_2_32 } from '../random/streams.js';
import {
  type Accumulator,
  acrossThreshold,
  addShares,
  cumulativeHazard,
  settlePeriods,
  type Tracks,
} from './kernel.js';

/** At most this many (row, month) thresholds are cached per compiled model (8 MB). */
const MAX_THRESHOLDS = 1 << 20;
const thresholdCache = new WeakMap<CompiledModel, Float64Array | null>();

/**
 * Per row without its period (x · NB + b) and month t, the {@link acrossThreshold} of a stay
 * from t to the horizon, −1 until first used (null when there are too many).
 */
function horizonThresholds(cm: CompiledModel, lam: Float64Array): Float64Array | null {
  let t = thresholdCache.get(cm);
  if (t === undefined) {
    t = lam.length <= MAX_THRESHOLDS ? new Float64Array(lam.length).fill(-1) : null;
    thresholdCache.set(cm, t);
  }
  return t;
}

/** Buckets per row and month of horizon in {@link monthIndex}. */
const BUCKETS_PER_MONTH = 8;
/** At most this many bucket entries per compiled model (4 MB); more and the guess is kept. */
const MAX_BUCKETS = 1 << 20;

/** The buckets of {@link monthIndex}: per row, its first entry and the buckets per unit of Λ. */
interface MonthIndex {
  /** first[(x · NB + b) · (NK + 1) + j]: the first month whose Λ passes Λ[0] + j / scale[x · NB + b]. */
  first: Int32Array;
  /** Buckets per unit of cumulative hazard, per row without its period (0: the row never leaves). */
  scale: Float64Array;
  /** Buckets per row (NK + 1 entries). */
  NK: number;
}
const indexCache = new WeakMap<CompiledModel, MonthIndex | null>();

/**
 * Where a stay across steps ends, found without a division: per row without its period,
 * its cumulative hazard's range cut into equal buckets and for each the first month past
 * the bucket's lower edge. A stay's target Λ then names a month at or (by a rounding)
 * just before the one it ends in, and a short walk finds it exactly — the month
 * kernel.monthPassing finds, so the stream is unchanged. The first month's hazard used
 * as a guess (what models with too many rows keep) missed by months when rows drift or
 * alternate, and each miss cost the walk a step and a mispredicted branch.
 */
function monthIndex(cm: CompiledModel, lam: Float64Array): MonthIndex | null {
  let ix = indexCache.get(cm);
  if (ix !== undefined) return ix;
  const H1 = cm.H + 1;
  const rows = lam.length / H1;
  const NK = BUCKETS_PER_MONTH * cm.H;
  ix = null;
  if (rows * (NK + 1) <= MAX_BUCKETS) {
    const first = new Int32Array(rows * (NK + 1));
    const scale = new Float64Array(rows);
    for (let x = 0; x < rows; x++) {
      const o = x * H1;
      const range = lam[o + cm.H] - lam[o];
      const k = x * (NK + 1);
      if (!(range > 0)) {
        first.fill(cm.H, k, k + NK + 1);
        continue;
      }
      const sc = NK / range;
      scale[x] = sc;
      let z = 1;
      for (let j = 0; j <= NK; j++) {
        const edge = lam[o] + j / sc;
        while (z < cm.H && lam[o + z] <= edge) z++;
        first[k + j] = z;
      }
    }
    ix = { first, scale, NK };
  }
  indexCache.set(cm, ix);
  return ix;
}

/**
 * Run one scenario of one replicate, citizen after citizen, stays across calendar steps
 * (`cm.invertPeriods`; see the module comment). `k1`, `k2` are the replicate's keys.
 */
export function simulateScenarioAcross(
  cm: CompiledModel,
  sc: CompiledScenario,
  k1: number,
  k2: number,
  acc: Accumulator,
  tracks: Tracks | null,
): void {
  const W = cm.H + 2;
  const occ = tracks === null ? null : tracks.occ;
  const net = tracks === null ? null : tracks.net;
  const { hasLadder } = cm;
  const {
    H,
    S,
    A,
    NB,
    NP,
    periodOf,
    clockBenefit,
    bandStart,
    kind,
    paidHours,
    reimbursed,
    onLadder,
    stay,
    logStay,
    leave,
    cum,
    lastDest,
  } = cm;
  const { groupInitial, groupPrior, groupInitialDuration } = cm;
  const { final, paidEver, exits, successExits, exitMonth, censorMonth } = acc;
  const byMonth = acc.byMonth!;
  const shares = acc.shareByMonth;
  const starts = tracks === null ? null : tracks.starts;
  const trans = tracks === null ? null : tracks.trans;
  const lam = cumulativeHazard(cm);
  // The draw at and above which a stay from month t outlasts the horizon: a comparison
  // instead of a logarithm for the stay every citizen ends with.
  const thr = horizonThresholds(cm, lam);
  const ix = monthIndex(cm, lam);
  const first = ix === null ? null : ix.first;
  const scale = ix === null ? null : ix.scale;
  const NK1 = ix === null ? 0 : ix.NK + 1;
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
    const exitBase = cellGA * (H + 1);
    const armBase = arm * S;
    // Citizens whose first stay lasts to the horizon, booked together after the cohort, as
    // in per-citizen.ts (bulkLim: the first draw at and above which a citizen is one).
    let bulkLim = -1;
    let bulk = 0;
    if (start < H && !(occ !== null && hasLadder && reimbursed[s0] === 1)) {
      let room0 = H - start;
      let b0 = 0;
      if (NB > 1) {
        const clock = clockBenefit ? cb0 : ds0;
        while (b0 + 1 < NB && clock >= bandStart[b0 + 1]) b0++;
        if (!clockBenefit || kind[s0] === KIND_BENEFIT) {
          const rem = bandStart[b0 + 1] - clock;
          if (rem < room0) room0 = rem;
        }
      }
      const x0 = rowBase + s0;
      const r0 = (x0 * NP + periodOf[start]) * NB + b0;
      if (room0 === H - start && stay[r0] > 0) {
        const base = (x0 * NB + b0) * H1;
        const lo = lam[base + start];
        const end = lam[base + H];
        if (end <= lo) bulkLim = 0;
        else if (thr !== null) {
          bulkLim = thr[base + start];
          if (bulkLim < 0) bulkLim = thr[base + start] = acrossThreshold(lo, end);
        }
      }
    }
    for (let j = 0; j < count; j++) {
      // inline copy of streams.seedCitizen (as in per-citizen.ts)
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
        if (shares !== null && reimbursed[s0] === 1)
          addShares(cm, shares, (accBase + s0) * H1, onLadder[s0] === 1, start, H - start, cb0);
        continue;
      }
      let rd = 1;
      let rt = 0;

      let s = s0;
      let t = start;
      let cb = cb0; // cumulative months on benefit (benefit clock)
      let cl = cb0; // months on the refusion ladder
      let ds = ds0; // months in the current state
      let exited = 0;
      let ph = 0;
      if (starts !== null) starts[arm * W + t]++;
      while (t < H) {
        const isBenefit = kind[s] === KIND_BENEFIT;
        if (paidHours[s] === 1) ph = 1;
        // inline copy of kernel.stayRow, without the cut at calendar steps
        let room = H - t;
        let b = 0;
        if (NB > 1) {
          const clock = clockBenefit ? cb : ds;
          while (b + 1 < NB && clock >= bandStart[b + 1]) b++;
          if (!clockBenefit || isBenefit) {
            const rem = bandStart[b + 1] - clock;
            if (rem < room) room = rem;
          }
        }
        const x = rowBase + s;
        const r = (x * NP + periodOf[t]) * NB + b;
        // inline copy of kernel.stayAcross and streams.sfc32Next
        let k: number;
        if (stay[r] <= 0) {
          k = 1;
        } else {
          const base = (x * NB + b) * H1;
          const lo = lam[base + t];
          const end = lam[base + t + room];
          if (end <= lo) {
            k = room + 1;
          } else {
            rt = (((ra + rb) | 0) + rd) | 0;
            rd = (rd + 1) | 0;
            ra = rb ^ (rb >>> 9);
            rb = (rc + (rc << 3)) | 0;
            rc = (rc << 21) | (rc >>> 11);
            rc = (rc + rt) | 0;
            const n = rt >>> 0;
            let lim = Number.POSITIVE_INFINITY;
            if (thr !== null && t + room === H) {
              lim = thr[base + t];
              if (lim < 0) lim = thr[base + t] = acrossThreshold(lo, end);
            }
            if (n >= lim) k = room + 1;
            else {
              // 1 − u lies in (0, 1], so the log is finite.
              const target = lo - Math.log(1 - n * INV_2_32);
              if (target >= end) k = room + 1;
              else {
                // kernel.monthPassing's month, the first whose Λ passes the target: from a
                // month at or just before it (monthIndex, or else the first month's hazard
                // as if it held on), then a walk. Λ does not decrease, so the walk ends at
                // the one month bisection finds, wherever it starts within the room.
                let z = t + room;
                if (first !== null) {
                  const xb = x * NB + b;
                  const j = Math.floor((target - lam[base]) * scale![xb]);
                  const g = j < NK1 ? first[xb * NK1 + j] : z;
                  if (g > t && g < z) z = g;
                  else if (g <= t) z = t + 1;
                } else {
                  const h0 = -logStay[r];
                  if (h0 > 0) {
                    const g = t + 1 + Math.floor((target - lo) / h0);
                    if (g < z) z = g;
                  }
                }
                while (lam[base + z] <= target) z++;
                while (z - 1 > t && lam[base + z - 1] > target) z--;
                k = z - t;
              }
            }
          }
        }
        const moved = k <= room;
        const m = moved ? k : room;
        const climbs = hasLadder ? onLadder[s] === 1 : isBenefit;
        // inline copy of kernel.recordStayAcross
        if (occ !== null) {
          const o = (armBase + s) * W;
          occ[o + t]++;
          occ[o + t + m]--;
          if (hasLadder && reimbursed[s] === 1) addShares(cm, net!, s * W, climbs, t, m, cl);
        }
        const w = (accBase + s) * H1;
        byMonth[w + t]++;
        byMonth[w + t + m]--;
        if (shares !== null && reimbursed[s] === 1) addShares(cm, shares, w, climbs, t, m, cl);
        t += m;
        ds += m;
        if (isBenefit) cb += m;
        if (climbs) cl += m;
        if (!moved) continue;

        // inline copy of streams.sfc32Next
        rt = (((ra + rb) | 0) + rd) | 0;
        rd = (rd + 1) | 0;
        ra = rb ^ (rb >>> 9);
        rb = (rc + (rc << 3)) | 0;
        rc = (rc << 21) | (rc >>> 11);
        rc = (rc + rt) | 0;
        // inline copy of kernel.destination, on the row of the stay's last month
        // (kernel.rowOfMonth)
        const re = (x * NP + periodOf[t - 1]) * NB + b;
        const u = (rt >>> 0) * INV_2_32 * leave[re];
        const cbase = re * S;
        let d = 0;
        while (d < S && u >= cum[cbase + d]) d++;
        if (d === S) d = lastDest[re];
        if (trans !== null) trans[((armBase + s) * S + d) * W + t]++;
        if (isBenefit && exited === 0 && kind[d] !== KIND_BENEFIT) {
          exited = 1;
          // inline copy of kernel.firstExit
          exits[cellGA]++;
          if (kind[s0] === KIND_BENEFIT) exitMonth[exitBase + t - start]++;
          if (kind[d] === KIND_SUCCESS) successExits[cellGA]++;
        }
        s = d;
        ds = 0;
      }
      // inline copy of kernel.closeAtHorizon
      final[accBase + s]++;
      paidEver[cellGA] += ph;
      if (exited === 0 && kind[s0] === KIND_BENEFIT) censorMonth[exitBase + H - start]++;
      if (occ !== null) {
        const o = (armBase + s) * W;
        occ[o + H]++;
        occ[o + H + 1]--;
      }
    }
    if (bulk > 0) {
      // what the loop adds for each citizen who stays in s0 from start to the horizon
      const w = (accBase + s0) * H1;
      byMonth[w + start] += bulk;
      byMonth[w + H] -= bulk;
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
  settlePeriods(cm, acc);
}
