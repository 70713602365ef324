/**
 * The synchronous engine: the whole population of one scenario advanced month by month,
 * for what the per-citizen hot loop (`simulate.ts`) cannot see — the population's state.
 * It runs scenarios with portfolio steering (a rule reviewed every quarter that moves
 * citizens into or out of the active intervention) and capacities that change over time
 * (first come, first served across all groups, places counted month by month).
 *
 * Every citizen keeps its own random stream and draws in the same order as in the hot
 * loop: a geometric stay, then a destination. So a scenario whose steering never moves
 * anybody, with no capacity binding, gives every citizen the same path as the hot loop
 * (integer counts equal; money sums equal up to the order of floating-point additions).
 * A stay is cut where the citizen's rows change mid-stay (admission from a queue, a move
 * by the steering); by memorylessness the rest is drawn afresh.
 *
 * Order within a month t: stays ending at t are closed (moves drawn, exits counted, places
 * freed); the steering reviews (t a multiple of its period); queues are served while
 * places are free; newcomers arrive and take a free place or queue; new stays are drawn.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel, type CompiledScenario } from '../compile/compile.js';
import { STEERING_SIGNALS } from '../compile/steering.js';
import { ForlobInputError } from '../model/errors.js';
import { fmix32, steeringStream } from '../random/streams.js';
import type { SteeringRuleFn } from '../model/steering-rule.js';
import type { Accumulator, Tracks } from './simulate.js';
import { recordStay } from './record.js';

export type { SteeringRuleFn, SteeringState } from '../model/steering-rule.js';

const INV_2_32 = 1 / 4294967296;
const GOLDEN = 0x9e3779b9 | 0;

/**
 * Run one scenario of one replicate on the synchronous engine, adding into `acc` and
 * `tracks` exactly as {@link simulateScenario} does. With steering, `shares[offset + t]`
 * receives the share in force in month t.
 */
export function simulateScenarioSync(
  cm: CompiledModel,
  sc: CompiledScenario,
  k1: number,
  k2: number,
  acc: Accumulator,
  tracks: Tracks | null,
  shares: Float64Array | null = null,
  shareOffset = 0,
  custom: SteeringRuleFn | null = null,
  replicate = 0,
): void {
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
    stay,
    logStay,
    leave,
    cum,
    lastDest,
  } = cm;
  const { groupInitial, groupPrior, groupInitialDuration } = cm;
  const { capPlaces, capAt, capFallback, capQueue, armCost, armOpen } = cm;
  const { final, paidEver, exits, successExits, exitMonth, censorMonth, waitMonths } = acc;
  const W = H + 2;
  const occ = tracks === null ? null : tracks.occ;
  const net = tracks === null ? null : tracks.net;
  const queueTrack = tracks === null ? null : tracks.queue;
  const steer = sc.steering ?? null;

  let N = 0;
  for (const c of sc.cohorts) N += c.count;
  // Per-citizen state, by position in cohort order.
  const ra = new Int32Array(N),
    rb = new Int32Array(N),
    rc = new Int32Array(N),
    rd = new Int32Array(N);
  const st = new Int32Array(N); // state
  const t0 = new Int32Array(N); // start of the running stay
  const te = new Int32Array(N).fill(-1); // its end (−1: none running)
  const row = new Int32Array(N);
  const mv = new Uint8Array(N); // the stay ends with a move
  const cb = new Int32Array(N); // months on benefit (ladder, benefit clock)
  const ds = new Int32Array(N); // months in the current state
  const exited = new Uint8Array(N);
  const ph = new Uint8Array(N);
  const grp = new Int32Array(N);
  const start = new Int32Array(N);
  const cls = new Int32Array(N);
  const arm = new Int32Array(N); // allocated arm
  const held = new Int32Array(N); // arm whose rows apply (the fallback's while waiting)
  const waiting = new Uint8Array(N);
  const holding = new Uint8Array(N);
  const queuedAt = new Int32Array(N);
  // The steered stock as two sets (0: not in the active arm, 1: in it) with O(1) moves,
  // so a review picks from a list instead of scanning the population.
  const setOf = new Int8Array(N).fill(-1);
  const setPos = new Int32Array(N);
  const members = steer ? [new Int32Array(N), new Int32Array(N)] : [];
  const setSize = new Int32Array(2);
  const setAdd = (i: number, k: number) => {
    setOf[i] = k;
    setPos[i] = setSize[k];
    members[k][setSize[k]++] = i;
  };
  const setRemove = (i: number) => {
    const k = setOf[i];
    const last = members[k][--setSize[k]];
    members[k][setPos[i]] = last;
    setPos[last] = setPos[i];
    setOf[i] = -1;
  };
  const pend = new Uint8Array(N);
  const rate = new Float64Array(N); // intervention cost per month of the running stay
  const pending: number[] = [];

  // Stays by the month they end: a singly linked list per month. An entry whose citizen's
  // stay has since been cut is stale and skipped (te no longer matches).
  const head = new Int32Array(H + 1).fill(-1);
  let nodeCit = new Int32Array(Math.max(16, N * 4));
  let nodeNext = new Int32Array(nodeCit.length);
  let nodes = 0;
  const push = (i: number, t: number) => {
    if (nodes === nodeCit.length) {
      const a = new Int32Array(nodes * 2);
      a.set(nodeCit);
      nodeCit = a;
      const b = new Int32Array(nodes * 2);
      b.set(nodeNext);
      nodeNext = b;
    }
    nodeCit[nodes] = i;
    nodeNext[nodes] = head[t];
    head[t] = nodes++;
  };

  // Capacity: holders and a first-come-first-served queue per arm.
  const holders = new Int32Array(A);
  const waitingFor = new Int32Array(A);
  // Entries are (citizen, ticket): a citizen who left and rejoined the queue keeps only
  // the newest entry live, so the old place in the line does not come back.
  const queues: number[][] = Array.from({ length: A }, () => []);
  const tickets: number[][] = Array.from({ length: A }, () => []);
  const ticket = new Int32Array(N);
  const queueHead = new Int32Array(A);
  const placesAt = (a: number, t: number) => (NP > 1 ? capAt[periodOf[t] * A + a] : capPlaces[a]);

  // Steering bookkeeping.
  const spendDiff = steer ? new Float64Array(H + 1) : null;
  let share = steer ? steer.initialShare : 0;
  let credit = 0; // newcomers: the share accumulates, one active newcomer per whole unit
  let stockAtReview = 0;
  let exitsSince = 0;
  let lastReview = 0;
  const steerRng = steer ? steeringStream(k1, k2) : null;

  const draw = (i: number): number => {
    const a = ra[i],
      b = rb[i],
      c = rc[i],
      d = rd[i];
    const t = (((a + b) | 0) + d) | 0;
    rd[i] = (d + 1) | 0;
    ra[i] = b ^ (b >>> 9);
    rb[i] = (c + (c << 3)) | 0;
    const c2 = (c << 21) | (c >>> 11);
    rc[i] = (c2 + t) | 0;
    return (t >>> 0) * INV_2_32;
  };

  const enqueue = (i: number, a: number, t: number) => {
    waiting[i] = 1;
    queuedAt[i] = t;
    waitingFor[a]++;
    queues[a].push(i);
    tickets[a].push(++ticket[i]);
    if (queueTrack !== null) queueTrack[t]++;
  };
  const leaveQueue = (i: number, t: number) => {
    waiting[i] = 0;
    waitingFor[arm[i]]--;
    waitMonths[grp[i] * A + arm[i]] += t - queuedAt[i];
    if (queueTrack !== null) queueTrack[t]--;
  };

  /** Give citizen i arm a from month t: a free place, the queue, or the fallback. */
  const allocate = (i: number, a: number, t: number) => {
    arm[i] = a;
    held[i] = a;
    if (capPlaces[a] < 0 || kind[st[i]] !== KIND_BENEFIT) return;
    if (waitingFor[a] === 0 && holders[a] < placesAt(a, t)) {
      holding[i] = 1;
      holders[a]++;
      return;
    }
    held[i] = capFallback[a];
    if (capQueue[a] === 1) enqueue(i, a, t);
    else arm[i] = capFallback[a];
  };

  /** Close the running stay at `tEnd`, adding its months; with `moved`, draw where it leads. */
  const close = (i: number, tEnd: number, moved: boolean) => {
    const s = st[i];
    const t = t0[i];
    const m = tEnd - t;
    const g = grp[i];
    const h = held[i];
    const isBenefit = kind[s] === KIND_BENEFIT;
    const period = NP > 1 ? periodOf[t] : 0;
    const cell = ((g * A + h) * S + s) * NP + period;
    const c0 = cb[i];
    te[i] = -1;
    if (m > 0) {
      recordStay(cm, acc, occ, net, cell, (h * S + s) * W, s, t, m, c0);
      ds[i] += m;
      if (isBenefit) cb[i] += m;
    }
    if (!moved) return;
    const r = row[i];
    const x = draw(i) * leave[r];
    const cbase = r * S;
    let d = 0;
    while (d < S && x >= cum[cbase + d]) d++;
    if (d === S) d = lastDest[r];
    if (isBenefit && exited[i] === 0 && kind[d] !== KIND_BENEFIT) {
      exited[i] = 1;
      const a = arm[i];
      const cellGA = g * A + a;
      if (holding[i] === 1) {
        holding[i] = 0;
        holders[a]--;
      }
      if (waiting[i] === 1) leaveQueue(i, tEnd);
      if (setOf[i] >= 0) {
        setRemove(i);
        exitsSince++;
      }
      exits[cellGA]++;
      if (kind[groupInitial[g]] === KIND_BENEFIT) exitMonth[cellGA * (H + 1) + tEnd - start[i]]++;
      if (kind[d] === KIND_SUCCESS) successExits[cellGA]++;
    }
    st[i] = d;
    ds[i] = 0;
  };

  /** Draw citizen i's next stay from month t. */
  const open = (i: number, t: number) => {
    const s = st[i];
    const isBenefit = kind[s] === KIND_BENEFIT;
    if (paidHours[s] === 1) ph[i] = 1;
    let room = H - t;
    let b = 0;
    let period = 0;
    if (NP > 1) {
      period = periodOf[t];
      room = periodEnd[period] - t;
    }
    if (NB > 1) {
      const clock = clockBenefit ? cb[i] : ds[i];
      while (b + 1 < NB && clock >= bandStart[b + 1]) b++;
      if (!clockBenefit || isBenefit) {
        const rem = bandStart[b + 1] - clock;
        if (rem < room) room = rem;
      }
    }
    const r = (((held[i] * K + cls[i]) * S + s) * NP + period) * NB + b;
    const p = stay[r];
    let k: number;
    if (p >= 1) k = room + 1;
    else if (p <= 0) k = 1;
    else k = 1 + Math.floor(Math.log(1 - draw(i)) / logStay[r]);
    const moved = k <= room;
    const m = moved ? k : room;
    t0[i] = t;
    te[i] = t + m;
    row[i] = r;
    mv[i] = moved ? 1 : 0;
    push(i, t + m);
    if (spendDiff !== null && isBenefit) {
      const c = armCost[period * A + held[i]];
      rate[i] = c;
      spendDiff[t] += c;
      spendDiff[t + m] -= c;
    } else rate[i] = 0;
  };

  const schedule = (i: number) => {
    if (pend[i] === 0) {
      pend[i] = 1;
      pending.push(i);
    }
  };

  /** Cut citizen i's running stay at month t (its rows are about to change). */
  const cut = (i: number, t: number) => {
    if (te[i] > t) {
      if (spendDiff !== null && rate[i] !== 0) {
        spendDiff[t] -= rate[i];
        spendDiff[te[i]] += rate[i];
      }
      close(i, t, false);
    }
    schedule(i);
  };

  /** Move a stock citizen into (to = active) or out of the active arm at month t. */
  const reallocate = (i: number, to: number, t: number) => {
    cut(i, t);
    if (holding[i] === 1) {
      holding[i] = 0;
      holders[arm[i]]--;
    }
    if (waiting[i] === 1) leaveQueue(i, t);
    setRemove(i);
    allocate(i, to, t);
    setAdd(i, arm[i] === steer!.active ? 1 : 0);
  };

  const review = (t: number) => {
    const sv = steer!;
    const stock = setSize[0] + setSize[1];
    const active = setSize[1];
    const a = sv.active;
    const capped = capPlaces[a] >= 0;
    const places = capped ? placesAt(a, t) : 0;
    let spending = 0;
    let level = 0;
    for (let u = 0; u < t; u++) {
      level += spendDiff![u];
      if (u >= lastReview) spending += level;
    }
    spending += sc.fixedMonthlyCost * (t - lastReview);
    const budget = Number.isNaN(sv.budget) ? null : sv.budget;
    const signals = [
      capped ? (places > 0 ? Math.max(0, places - holders[a]) / places : 0) : NaN,
      waitingFor[a],
      exitsSince,
      stockAtReview > 0 ? exitsSince / stockAtReview : 0,
      budget === null ? NaN : spending / budget,
      share,
    ];
    let change = 0;
    for (let k = 0; k < sv.signal.length; k++) {
      const v = signals[sv.signal[k]];
      if (sv.direction[k] > 0 ? v > sv.threshold[k] : v < sv.threshold[k]) change += sv.change[k];
    }
    if (custom !== null) {
      const proposed = change;
      change = custom({
        scenario: sc.id,
        replicate,
        month: t,
        share,
        freeCapacity: capped ? signals[0] : null,
        queue: waitingFor[a],
        exits: exitsSince,
        exitRate: signals[3],
        spending,
        budget,
        stock,
        active,
        proposed,
      });
      if (typeof change !== 'number' || !Number.isFinite(change)) {
        throw new ForlobInputError(
          [
            {
              path: `steeringRules.${sv.custom}`,
              message: `expected the rule to return a finite change of the share, got ${String(change)} (scenario "${sc.id}", month ${t})`,
            },
          ],
          'invalid steering rule',
        );
      }
    }
    change = Math.max(-sv.maxStep, Math.min(sv.maxStep, change));
    share = Math.max(sv.minShare, Math.min(sv.maxShare, share + change));
    const target = Math.round(share * stock + 1e-9);
    const into = target > active;
    // An intervention closed to newcomers by the calendar takes nobody new by steering either.
    const closed = into && armOpen[(NP > 1 ? periodOf[t] : 0) * A + a] === 0;
    if (target !== active && !closed) {
      // A copy: moving citizens changes the sets.
      const candidates = members[into ? 0 : 1].slice(0, setSize[into ? 0 : 1]);
      const n = Math.min(Math.abs(target - active), candidates.length);
      if (sv.readyFirst) {
        // The most ready move in first and out last; stable by citizen.
        candidates.sort((x, y) => (into ? cls[x] - cls[y] : cls[y] - cls[x]) || x - y);
      } else {
        for (let k = 0; k < n; k++) {
          const j = k + Math.floor(steerRng!() * (candidates.length - k));
          const tmp = candidates[k];
          candidates[k] = candidates[j];
          candidates[j] = tmp;
        }
      }
      for (let k = 0; k < n; k++) {
        const i = candidates[k];
        reallocate(i, into ? a : sv.otherwise[grp[i]], t);
      }
    }
    stockAtReview = stock;
    exitsSince = 0;
    lastReview = t;
  };

  // Cohorts by the month they arrive, in cohort order.
  const arriving: number[][] = Array.from({ length: H }, () => []);
  sc.cohorts.forEach((c, k) => {
    if (c.start < H) arriving[c.start].push(k);
  });
  const firstPos = new Int32Array(sc.cohorts.length);
  {
    let pos = 0;
    sc.cohorts.forEach((c, k) => {
      firstPos[k] = pos;
      pos += c.count;
    });
  }

  const serveQueues = (t: number) => {
    for (let a = 1; a < A; a++) {
      if (capPlaces[a] < 0) continue;
      const q = queues[a];
      const cap = placesAt(a, t);
      while (waitingFor[a] > 0 && holders[a] < cap) {
        const k = queueHead[a]++;
        const i = q[k];
        if (waiting[i] === 0 || arm[i] !== a || tickets[a][k] !== ticket[i]) continue; // left the queue meanwhile
        cut(i, t);
        leaveQueue(i, t);
        holding[i] = 1;
        holders[a]++;
        held[i] = a;
      }
    }
  };

  const arrive = (t: number) => {
    for (const k of arriving[t]) {
      const c = sc.cohorts[k];
      const g = c.group;
      const steered = steer !== null && steer.steered[g] === 1;
      const newcomer = steered && c.start > 0;
      for (let j = 0; j < c.count; j++) {
        const i = firstPos[k] + j;
        // sfc32 state from the replicate keys and the citizen index (as citizenStream and the hot loop).
        ra[i] = fmix32(k1 + Math.imul(c.firstCitizen + j, GOLDEN));
        rb[i] = fmix32(ra[i] ^ k2);
        rc[i] = fmix32(rb[i] + 0x7f4a7c15);
        rd[i] = 1;
        st[i] = groupInitial[g];
        cb[i] = groupPrior[g];
        ds[i] = groupInitialDuration[g];
        grp[i] = g;
        start[i] = t;
        cls[i] = c.rowArm % K;
        let a = c.arm;
        if (newcomer) {
          // Newcomers to a steered group get the active intervention at the current share.
          credit += share;
          a = steer.otherwise[g];
          if (credit >= 1 - 1e-9) {
            credit -= 1;
            a = steer.active;
          }
          // An intervention closed to newcomers by the calendar: the other one, or none.
          const p = NP > 1 ? periodOf[t] : 0;
          if (armOpen[p * A + a] === 0) a = armOpen[p * A + steer.otherwise[g]] === 1 ? steer.otherwise[g] : 0;
        }
        allocate(i, a, t);
        if (steered && kind[st[i]] === KIND_BENEFIT) {
          setAdd(i, arm[i] === steer.active ? 1 : 0);
        }
        schedule(i);
      }
    }
  };

  for (let t = 0; t < H; t++) {
    const reviewing = steer !== null && t > 0 && t % steer.every === 0;
    for (let n = head[t]; n >= 0; n = nodeNext[n]) {
      const i = nodeCit[n];
      if (te[i] !== t) continue;
      close(i, t, mv[i] === 1);
      // Nothing later this month can change the rows of a citizen who is not waiting,
      // except a review: draw the next stay now.
      if (reviewing || waiting[i] === 1) schedule(i);
      else open(i, t);
    }
    if (reviewing) review(t);
    if (cm.hasCapacity) serveQueues(t);
    arrive(t);
    if (steer !== null && t === 0) stockAtReview = setSize[0] + setSize[1];
    if (shares !== null) shares[shareOffset + t] = share;
    for (let k = 0; k < pending.length; k++) {
      const i = pending[k];
      pend[i] = 0;
      open(i, t);
    }
    pending.length = 0;
  }
  for (let n = head[H]; n >= 0; n = nodeNext[n]) {
    const i = nodeCit[n];
    if (te[i] === H) close(i, H, mv[i] === 1);
  }
  for (let i = 0; i < N; i++) {
    const g = grp[i];
    const cellGA = g * A + arm[i];
    if (waiting[i] === 1) {
      waitMonths[cellGA] += H - queuedAt[i];
      if (queueTrack !== null) queueTrack[H]--;
    }
    final[cellGA * S + st[i]]++;
    paidEver[cellGA] += ph[i];
    if (exited[i] === 0 && kind[groupInitial[g]] === KIND_BENEFIT) censorMonth[cellGA * (H + 1) + H - start[i]]++;
    if (occ !== null) {
      occ[(held[i] * S + st[i]) * W + H]++;
      occ[(held[i] * S + st[i]) * W + H + 1]--;
    }
  }
}

/** The signal names in code order (for reports). */
export const STEERING_SIGNAL_NAMES = STEERING_SIGNALS;
