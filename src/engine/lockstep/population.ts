/**
 * The lockstep engine's population: every citizen's state, by position in cohort order
 * (the per-citizen engine keeps the same state in registers), the running stays listed by
 * the month they end, and the cohorts by the month they arrive.
 *
 * What a stay's close and open read and write lies in one record of {@link W} 32-bit words
 * per citizen ({@link Population.c}), not in an array per field: the month loop meets the
 * citizens in no useful order, and with an array per field every citizen it met cost a
 * cache miss per field. With the record it costs one or two (bench/RESULTS.md, issue 17
 * item 3).
 * @module
 */
import type { CompiledModel, CompiledScenario } from '../../compile/compile.js';
import { seedCitizen } from '../../random/streams.js';

/** Words per citizen in {@link Population.c}. */
export const W = 16;
// Words 0–3 of a record are the citizen's sfc32 state (a, b, c, d), so the kernel's and the
// streams' functions take the record's offset i · W as the state's.
/** State. */
export const ST = 4;
/** Start of the running stay. */
export const T0 = 5;
/** Its end (−1: none running). */
export const TE = 6;
/** Its row. */
export const ROW = 7;
/** Months on benefit (the benefit clock). */
export const CB = 8;
/** Months on the refusion ladder (equal to CB unless other states count or the count restarts). */
export const CL = 9;
/** Months in the current state. */
export const DS = 10;
/** The arm whose rows apply (the fallback's while waiting). */
export const HELD = 11;
/** Readiness class. */
export const CLS = 12;
/** Flags: {@link MOVES}, {@link EXITED}, {@link PAID}, {@link WAITING}, {@link HOLDING}, {@link PENDING}. */
export const FLAGS = 13;
/** Group. */
export const GRP = 14;
/** Allocated arm. */
export const ARM = 15;

/** Flag: the running stay ends with a move. */
export const MOVES = 1;
/** Flag: the citizen has left benefit for the first time. */
export const EXITED = 2;
/** Flag: the citizen has been in a paid-hours state. */
export const PAID = 4;
/** Flag: waiting for a place. */
export const WAITING = 8;
/** Flag: holding a place. */
export const HOLDING = 16;
/** Flag: in {@link Population.pending}. */
export const PENDING = 32;

/** Every citizen's state, by position in cohort order. */
export interface Population {
  /** Citizens. */
  N: number;
  /** Citizen i's record at c[i · W … i · W + W − 1]: its stream and the fields named by the offsets above. */
  c: Int32Array;
  /** Month of arrival. */
  start: Int32Array;
  /** Month the ladder's current count began (−1: not yet). */
  began: Int32Array;
  /** Self-support stays since then, [from, to) pairs oldest first, when the ladder restarts (else null). */
  spans: number[][] | null;
  /** Month the running wait began. */
  queuedAt: Int32Array;
  /** Citizens whose next stay is drawn at the end of this month: pending[0 … pendingCount − 1], in order. */
  pending: Int32Array;
  /** @see pending */
  pendingCount: number;
  /**
   * Stays by the month they end: the citizens of month t's are bucket[t][0 … count[t] − 1],
   * taken newest first. A citizen whose stay has since been cut is stale there (its TE no
   * longer says t). The fused passes leave bucket[H] empty when the horizon is closed
   * citizen by citizen (loop.ts, finishesAll), which never reads it.
   */
  bucket: Int32Array[];
  /** @see bucket */
  count: Int32Array;
  /** Where the month loop's {@link warm}ing of records leaves its (meaningless) result. */
  warmth: number;
}

/**
 * The population of scenario `sc`, nobody arrived yet. The arrays of `spare` (a population
 * of an earlier scenario or replicate, no longer used) are reset and reused when they are
 * large enough: allocating them afresh for every scenario of every replicate cost more than
 * a tenth of a run with steering (bench/RESULTS.md, issue 17 item 3).
 */
export function createPopulation(cm: CompiledModel, sc: CompiledScenario, spare: Population | null = null): Population {
  let N = 0;
  for (const c of sc.cohorts) N += c.count;
  const { H } = cm;
  const reuse = spare !== null && spare.start.length >= N && spare.count.length >= H + 1;
  const pop: Population = reuse
    ? spare
    : {
        N,
        c: new Int32Array(W * N),
        start: new Int32Array(N),
        began: new Int32Array(N),
        spans: null,
        queuedAt: new Int32Array(N),
        pending: new Int32Array(N),
        pendingCount: 0,
        bucket: Array.from({ length: H + 1 }, () => new Int32Array(16)),
        count: new Int32Array(H + 1),
        warmth: 0,
      };
  pop.N = N;
  if (reuse) {
    pop.start.fill(0, 0, N);
    pop.began.fill(0, 0, N);
    pop.queuedAt.fill(0, 0, N);
    pop.pendingCount = 0;
    pop.count.fill(0);
  }
  // A record is cleared when its citizen arrives (clearRecords), not here: a second pass
  // over every record before month 0 cost as much as the arrivals' own. Citizens who
  // never arrive are cleared now.
  let pos = 0;
  for (const co of sc.cohorts) {
    if (co.start >= H) clearRecords(pop, pos, co.count);
    pos += co.count;
  }
  if (cm.restartMonths > 0) {
    if (pop.spans === null || pop.spans.length < N) pop.spans = Array.from({ length: N }, () => []);
    else for (let i = 0; i < N; i++) pop.spans[i].length = 0;
  } else pop.spans = null;
  return pop;
}

/** Clear the records of the `count` citizens from position `first`: zero, no stay running. */
export function clearRecords(pop: Population, first: number, count: number): void {
  const { c } = pop;
  c.fill(0, first * W, (first + count) * W);
  for (let i = first; i < first + count; i++) c[i * W + TE] = -1;
}

/** List citizen i's running stay under month t, its end. */
export function pushStay(pop: Population, i: number, t: number): void {
  const n = pop.count[t];
  let b = pop.bucket[t];
  if (n === b.length) {
    const grown = new Int32Array(2 * n);
    grown.set(b);
    pop.bucket[t] = b = grown;
  }
  b[n] = i;
  pop.count[t] = n + 1;
}

/** Have citizen i draw its next stay at the end of this month (once, however often asked). */
export function schedule(pop: Population, i: number): void {
  const f = i * W + FLAGS;
  if ((pop.c[f] & PENDING) === 0) {
    pop.c[f] |= PENDING;
    // Once per citizen until drawn: N places suffice.
    pop.pending[pop.pendingCount++] = i;
  }
}

/**
 * Citizen i arriving at month t in group g with readiness class `cls`: its stream (seeded
 * from the replicate keys and its citizen index, as the per-citizen engine seeds it), its
 * state and its clocks.
 */
export function seatCitizen(
  cm: CompiledModel,
  pop: Population,
  i: number,
  g: number,
  cls: number,
  t: number,
  k1: number,
  k2: number,
  citizen: number,
): void {
  const { c } = pop;
  const o = i * W;
  seedCitizen(c, o, k1, k2, citizen);
  c[o + ST] = cm.groupInitial[g];
  c[o + CB] = cm.groupPrior[g];
  c[o + CL] = cm.groupPrior[g];
  // Months before month 0 count as on support: the count began before arrival.
  pop.began[i] = cm.groupPrior[g] > 0 ? t : -1;
  c[o + DS] = cm.groupInitialDuration[g];
  c[o + GRP] = g;
  pop.start[i] = t;
  c[o + CLS] = cls;
}

/** Cohorts by the month they arrive (in cohort order), and each cohort's first position. */
export interface Arrivals {
  /** byMonth[t]: the cohorts arriving at month t. */
  byMonth: number[][];
  /** firstPos[c]: position of cohort c's first citizen. */
  firstPos: Int32Array;
}

const arrivalsCache = new WeakMap<CompiledScenario, Arrivals>();

/** The arrivals of scenario `sc` within the horizon (kept per scenario: every replicate has the same). */
export function arrivalsOf(cm: CompiledModel, sc: CompiledScenario): Arrivals {
  const known = arrivalsCache.get(sc);
  if (known !== undefined && known.byMonth.length === cm.H) return known;
  const byMonth: number[][] = Array.from({ length: cm.H }, () => []);
  const firstPos = new Int32Array(sc.cohorts.length);
  let pos = 0;
  sc.cohorts.forEach((c, k) => {
    if (c.start < cm.H) byMonth[c.start].push(k);
    firstPos[k] = pos;
    pos += c.count;
  });
  const arrivals = { byMonth, firstPos };
  arrivalsCache.set(sc, arrivals);
  return arrivals;
}
