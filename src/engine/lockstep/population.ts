/**
 * The lockstep engine's population: every citizen's state in typed arrays indexed by
 * position in cohort order (the per-citizen engine keeps the same state in registers),
 * the running stays listed by the month they end, and the cohorts by the month they
 * arrive.
 * @module
 */
import type { CompiledModel, CompiledScenario } from '../../compile/compile.js';
import { seedCitizen } from '../../random/streams.js';

/** Every citizen's state, by position in cohort order. */
export interface Population {
  /** Citizens. */
  N: number;
  /** sfc32 state, four words per citizen (rng[4i … 4i + 3]). */
  rng: Int32Array;
  /** State. */
  st: Int32Array;
  /** Start of the running stay. */
  t0: Int32Array;
  /** Its end (−1: none running). */
  te: Int32Array;
  /** Its row. */
  row: Int32Array;
  /** 1 when it ends with a move. */
  mv: Uint8Array;
  /** Months on benefit (the benefit clock). */
  cb: Int32Array;
  /** Months on the refusion ladder (equal to `cb` unless other states count or the count restarts). */
  cl: Int32Array;
  /** Month the ladder's current count began (−1: not yet). */
  began: Int32Array;
  /** Self-support stays since then, [from, to) pairs oldest first, when the ladder restarts (else null). */
  spans: number[][] | null;
  /** Months in the current state. */
  ds: Int32Array;
  /** 1 after the first exit from benefit. */
  exited: Uint8Array;
  /** 1 once in a paid-hours state. */
  ph: Uint8Array;
  /** Group. */
  grp: Int32Array;
  /** Month of arrival. */
  start: Int32Array;
  /** Readiness class. */
  cls: Int32Array;
  /** Allocated arm. */
  arm: Int32Array;
  /** The arm whose rows apply (the fallback's while waiting). */
  held: Int32Array;
  /** 1 while waiting for a place. */
  waiting: Uint8Array;
  /** 1 while holding a place. */
  holding: Uint8Array;
  /** Month the running wait began. */
  queuedAt: Int32Array;
  /** Intervention cost per month of the running stay (steering's spending). */
  rate: Float64Array;
  /** 1 while in {@link pending}. */
  pend: Uint8Array;
  /** Citizens whose next stay is drawn at the end of this month. */
  pending: number[];
  /** Stays by the month they end: head[t] is the first node of month t's list (−1: none). */
  head: Int32Array;
  /** The citizen of each node; a node whose citizen's stay has since been cut is stale (te no longer matches). */
  nodeCit: Int32Array;
  /** The next node in the same month's list. */
  nodeNext: Int32Array;
  /** Nodes in use. */
  nodes: number;
}

/** The population of scenario `sc`, nobody arrived yet. */
export function createPopulation(cm: CompiledModel, sc: CompiledScenario): Population {
  let N = 0;
  for (const c of sc.cohorts) N += c.count;
  const nodes = Math.max(16, N * 4);
  return {
    N,
    rng: new Int32Array(4 * N),
    st: new Int32Array(N),
    t0: new Int32Array(N),
    te: new Int32Array(N).fill(-1),
    row: new Int32Array(N),
    mv: new Uint8Array(N),
    cb: new Int32Array(N),
    cl: new Int32Array(N),
    began: new Int32Array(N),
    spans: cm.restartMonths > 0 ? Array.from({ length: N }, () => []) : null,
    ds: new Int32Array(N),
    exited: new Uint8Array(N),
    ph: new Uint8Array(N),
    grp: new Int32Array(N),
    start: new Int32Array(N),
    cls: new Int32Array(N),
    arm: new Int32Array(N),
    held: new Int32Array(N),
    waiting: new Uint8Array(N),
    holding: new Uint8Array(N),
    queuedAt: new Int32Array(N),
    rate: new Float64Array(N),
    pend: new Uint8Array(N),
    pending: [],
    head: new Int32Array(cm.H + 1).fill(-1),
    nodeCit: new Int32Array(nodes),
    nodeNext: new Int32Array(nodes),
    nodes: 0,
  };
}

/** List citizen i's running stay under month t, its end. */
export function pushStay(pop: Population, i: number, t: number): void {
  if (pop.nodes === pop.nodeCit.length) {
    const a = new Int32Array(pop.nodes * 2);
    a.set(pop.nodeCit);
    pop.nodeCit = a;
    const b = new Int32Array(pop.nodes * 2);
    b.set(pop.nodeNext);
    pop.nodeNext = b;
  }
  pop.nodeCit[pop.nodes] = i;
  pop.nodeNext[pop.nodes] = pop.head[t];
  pop.head[t] = pop.nodes++;
}

/** Have citizen i draw its next stay at the end of this month (once, however often asked). */
export function schedule(pop: Population, i: number): void {
  if (pop.pend[i] === 0) {
    pop.pend[i] = 1;
    pop.pending.push(i);
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
  seedCitizen(pop.rng, 4 * i, k1, k2, citizen);
  pop.st[i] = cm.groupInitial[g];
  pop.cb[i] = cm.groupPrior[g];
  pop.cl[i] = cm.groupPrior[g];
  // Months before month 0 count as on support: the count began before arrival.
  pop.began[i] = cm.groupPrior[g] > 0 ? t : -1;
  pop.ds[i] = cm.groupInitialDuration[g];
  pop.grp[i] = g;
  pop.start[i] = t;
  pop.cls[i] = cls;
}

/** Cohorts by the month they arrive (in cohort order), and each cohort's first position. */
export interface Arrivals {
  /** byMonth[t]: the cohorts arriving at month t. */
  byMonth: number[][];
  /** firstPos[c]: position of cohort c's first citizen. */
  firstPos: Int32Array;
}

/** The arrivals of scenario `sc` within the horizon. */
export function arrivalsOf(cm: CompiledModel, sc: CompiledScenario): Arrivals {
  const byMonth: number[][] = Array.from({ length: cm.H }, () => []);
  const firstPos = new Int32Array(sc.cohorts.length);
  let pos = 0;
  sc.cohorts.forEach((c, k) => {
    if (c.start < cm.H) byMonth[c.start].push(k);
    firstPos[k] = pos;
    pos += c.count;
  });
  return { byMonth, firstPos };
}
