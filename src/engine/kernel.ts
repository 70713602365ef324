/**
 * What both engines share, outside the hot loop: the accumulators a scenario adds into,
 * and the steps of a citizen's life — which row applies and for how long, how long the
 * stay lasts, where it leads, the first exit from benefit, recording a stay, and closing
 * at the horizon. The lockstep engine calls these; the per-citizen hot loop calls them
 * where a call costs nothing measurable and keeps marked inline copies where it measured
 * slower (each copy says which function it copies; tests/lockstep.test.ts and
 * tests/properties.test.ts hold both engines equal citizen for citizen).
 *
 * A model with many calendar periods (`cm.invertPeriods`) does not cut stays at its steps:
 * {@link stayAcross} draws a stay's length across them from the cumulative hazard, the move
 * comes from the row of its last month ({@link rowOfMonth}), and {@link recordStayAcross}
 * books it into difference arrays by month that {@link settlePeriods} turns into the
 * per-period accumulators once per scenario.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel } from '../compile/compile.js';
import { INV_2_32, sfc32Next } from '../random/streams.js';

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
  /**
   * When stays run across calendar steps (`cm.invertPeriods`; null otherwise): stays as
   * difference arrays over months, byMonth[(cell · S + s) · (H + 1) + t] (+1 at a stay's
   * first month, −1 after its last), which {@link settlePeriods} turns into months,
   * discMonths and netMonths per period. A stay costs two writes however many periods it
   * crosses.
   */
  byMonth: Float64Array | null;
  /** The same weighted by the municipality's share of the transfer, for reimbursed states when money needs detail. */
  shareByMonth: Float64Array | null;
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
  /**
   * trans[((arm · S + from) · S + to) · (H + 2) + t]: moves made at month t (counts, not
   * differences), kept only when some transition flow needs them.
   */
  trans: Int32Array | null;
  /** starts[arm · (H + 2) + t]: citizens starting to hold arm at month t, kept only when some start flow needs them. */
  starts: Int32Array | null;
}

/** Zeroed month-by-month records sized for `cm`. */
export function createTracks(cm: CompiledModel): Tracks {
  return {
    occ: new Int32Array(cm.A * cm.S * (cm.H + 2)),
    net: new Float64Array(cm.S * (cm.H + 2)),
    queue: new Int32Array(cm.H + 2),
    trans: cm.accounts.trackTransitions ? new Int32Array(cm.A * cm.S * cm.S * (cm.H + 2)) : null,
    starts: cm.accounts.trackStarts ? new Int32Array(cm.A * (cm.H + 2)) : null,
  };
}

/** Zero the month-by-month records for the next scenario. */
export function resetTracks(tracks: Tracks): void {
  tracks.occ.fill(0);
  tracks.net.fill(0);
  tracks.queue.fill(0);
  tracks.trans?.fill(0);
  tracks.starts?.fill(0);
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
    byMonth: cm.invertPeriods ? new Float64Array(cells * cm.S * (cm.H + 1)) : null,
    shareByMonth: cm.invertPeriods && cm.moneyDetail ? new Float64Array(cells * cm.S * (cm.H + 1)) : null,
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
  acc.byMonth?.fill(0);
  acc.shareByMonth?.fill(0);
}

/** Where {@link stayRow} writes: the row in force, its calendar period, and how long it stays in force. */
export interface StaySpan {
  /** The transition row. */
  row: number;
  /** The calendar period of the stay's first month. */
  period: number;
  /** Months until the row changes (the horizon, a calendar step, the next duration band, or less if given). */
  room: number;
}

/** A span to reuse, one per engine run. */
export function createSpan(): StaySpan {
  return { row: 0, period: 0, room: 0 };
}

/**
 * The row of a citizen in state `s` from month `t`, with rows of `rowArm` (arm · K +
 * readiness class), `cb` months on benefit and `ds` months in the state, and how long it
 * applies: at most `room` months, cut at the next calendar step and, on the clock that
 * moves, at the next duration band. Written into `span`.
 */
export function stayRow(
  cm: CompiledModel,
  rowArm: number,
  s: number,
  t: number,
  room: number,
  cb: number,
  ds: number,
  span: StaySpan,
): void {
  const { NP, NB } = cm;
  let b = 0;
  let period = 0;
  if (NP > 1) {
    period = cm.periodOf[t];
    // Rows change at the calendar's steps: cut the stay there, unless it runs across them.
    const left = cm.periodEnd[period] - t;
    if (left < room && !cm.invertPeriods) room = left;
  }
  if (NB > 1) {
    const { bandStart, clockBenefit } = cm;
    const clock = clockBenefit ? cb : ds;
    while (b + 1 < NB && clock >= bandStart[b + 1]) b++;
    if (!clockBenefit || cm.kind[s] === KIND_BENEFIT) {
      const rem = bandStart[b + 1] - clock;
      if (rem < room) room = rem;
    }
  }
  span.row = ((rowArm * cm.S + s) * NP + period) * NB + b;
  span.period = period;
  span.room = room;
}

/**
 * Months until a citizen on row `r` leaves, drawn from the stream at `rng[o … o + 3]`:
 * geometric, P(K > k) = stay^k, by inversion. `room + 1` (no move within the room) when
 * the row never leaves; a row that always leaves draws nothing.
 */
export function stayLength(cm: CompiledModel, r: number, room: number, rng: Int32Array, o: number): number {
  const p = cm.stay[r];
  if (p >= 1) return room + 1;
  if (p <= 0) return 1;
  // 1 − u lies in (0, 1], so the log is finite.
  return 1 + Math.floor(Math.log(1 - sfc32Next(rng, o)) / cm.logStay[r]);
}

/**
 * The hazard of a month with stay probability q is −log q; a row that always leaves gets
 * this instead of ∞, enough since −log(1 − u) ≤ 32 log 2 ≈ 22.2 for every 32-bit draw u, so
 * such a month ends every stay that enters it, and prefix sums stay finite.
 */
const CERTAIN_EXIT_HAZARD = 64;
const hazardCache = new WeakMap<CompiledModel, Float64Array>();

/**
 * For stays across calendar steps (`cm.invertPeriods`): the cumulative hazard by month of
 * every row without its period, Λ[(x · NB + b) · (H + 1) + t] = Σ over months τ < t of
 * −log stay[((x · NP + periodOf[τ]) · NB + b)], for x = rowArm · S + s and band b (zero
 * before month 0). A stay from t leaves within k months with probability
 * 1 − exp(−(Λ[t + k] − Λ[t])), the product of the months' stay probabilities, so one
 * exponential draw against Λ gives its length across any number of periods. Kept per
 * compiled model, like the thresholds.
 */
export function cumulativeHazard(cm: CompiledModel): Float64Array {
  let lam = hazardCache.get(cm);
  if (lam === undefined) {
    const { H, NP, NB, periodOf, logStay } = cm;
    const H1 = H + 1;
    const X = cm.stay.length / (NP * NB);
    lam = new Float64Array(X * NB * H1);
    for (let x = 0; x < X; x++)
      for (let b = 0; b < NB; b++) {
        const o = (x * NB + b) * H1;
        for (let t = 0; t < H; t++) {
          const L = logStay[(x * NP + periodOf[t]) * NB + b];
          lam[o + t + 1] = lam[o + t] + (L < -CERTAIN_EXIT_HAZARD ? CERTAIN_EXIT_HAZARD : -L);
        }
      }
    hazardCache.set(cm, lam);
  }
  return lam;
}

/**
 * The length of a stay across calendar steps (`cm.invertPeriods`) on row `r` (of the
 * period of month `t`, band b) from month `t`, at most `room` months counted (`room + 1`:
 * no move within it): the first month τ + 1 > t whose cumulative hazard passes
 * Λ[t] − log(1 − u), for a uniform u from the stream at `rng[o … o + 3]`. Exact in
 * distribution (P(K > k) = Π of the stay probabilities of the months crossed), one draw
 * per stay; nothing is drawn when the first month always leaves (1) or no month in the
 * room can (room + 1). The destination is drawn from the row of the stay's last month,
 * {@link rowOfMonth}. The per-citizen engine keeps an inline copy.
 */
export function stayAcross(cm: CompiledModel, r: number, t: number, room: number, rng: Int32Array, o: number): number {
  if (cm.stay[r] <= 0) return 1;
  const lam = cumulativeHazard(cm);
  const { NB, NP } = cm;
  const base = (Math.floor(r / (NP * NB)) * NB + (r % NB)) * (cm.H + 1);
  const lo = lam[base + t];
  const end = lam[base + t + room];
  if (end <= lo) return room + 1;
  // 1 − u lies in (0, 1], so the log is finite.
  const target = lo - Math.log(1 - sfc32Next(rng, o));
  if (target >= end) return room + 1;
  return monthPassing(lam, base, t, t + room, target) - t;
}

/** The first month z in (a, b] with lam[base + z] > target, given lam[base + a] ≤ target < lam[base + b]. */
function monthPassing(lam: Float64Array, base: number, a: number, b: number, target: number): number {
  while (b - a > 1) {
    const mid = (a + b) >>> 1;
    if (lam[base + mid] > target) b = mid;
    else a = mid;
  }
  return b;
}

/** Row `r` (of some period, band b) as it stands in the period of month `t`. */
export function rowOfMonth(cm: CompiledModel, r: number, t: number): number {
  const { NB, NP } = cm;
  return (Math.floor(r / (NP * NB)) * NP + cm.periodOf[t]) * NB + (r % NB);
}

/**
 * The smallest 32-bit draw n for which a stay across steps whose cumulative hazard runs
 * from `lo` to `end` over its room outlasts it, as {@link stayAcross} decides it
 * (lo − log(1 − n / 2³²) ≥ end), so that a comparison replaces the logarithm. Exact as
 * {@link stayThreshold} is: the expression is evaluated next to (1 − exp(lo − end)) · 2³².
 */
export function acrossThreshold(lo: number, end: number): number {
  const past = (n: number) => lo - Math.log(1 - n * INV_2_32) >= end;
  let n = Math.ceil((1 - Math.exp(lo - end)) * 4294967296);
  if (!(n >= 0)) n = 0;
  if (n > 4294967296) n = 4294967296;
  for (let step = 0; step < 64; step++) {
    if (n < 4294967296 && past(n)) {
      if (n === 0 || !past(n - 1)) return n;
      n--;
    } else n++;
  }
  let a = 0;
  let b = 4294967296;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (mid < 4294967296 && past(mid)) b = mid;
    else a = mid + 1;
  }
  return a;
}

/** Whether a 32-bit draw `n` on a row with log-stay `L` gives a stay longer than `room` months, exactly as {@link stayLength} decides it. */
function staysPast(n: number, L: number, room: number): boolean {
  return 1 + Math.floor(Math.log(1 - n * INV_2_32) / L) > room;
}

/**
 * The smallest 32-bit draw for which a citizen on row `r` stays longer than `room` months
 * (2³² when none does), so that `draw >= stayThreshold(…)` decides without a logarithm
 * exactly what {@link stayLength} decides with one. It is exact: the stay length's
 * expression is evaluated at the boundary, which lies within a step or two of
 * (1 − stay^room) · 2³²; adjacent draws differ by far more than the logarithm's rounding,
 * so the expression is monotone in the draw.
 */
export function stayThreshold(cm: CompiledModel, r: number, room: number): number {
  const L = cm.logStay[r];
  let n = Math.ceil((1 - Math.exp(room * L)) * 4294967296);
  if (!(n >= 0)) n = 0;
  if (n > 4294967296) n = 4294967296;
  for (let step = 0; step < 64; step++) {
    if (n < 4294967296 && staysPast(n, L, room)) {
      if (n === 0 || !staysPast(n - 1, L, room)) return n;
      n--;
    } else n++;
  }
  // Not within reach of the estimate (never seen): bisect.
  let lo = 0;
  let hi = 4294967296;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (staysPast(mid, L, room)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** At most this many (row, room) thresholds are cached per compiled model (8 MB). */
const MAX_THRESHOLDS = 1 << 20;
const thresholdCache = new WeakMap<CompiledModel, Float64Array | null>();

/**
 * The cache of {@link stayThreshold} for every row and room 0…H, at
 * `r · (H + 1) + room`, −1 until first used (null when the model has too many rows).
 * Kept per compiled model, so a run whose model does not change between replicates fills
 * it once.
 */
export function stayThresholds(cm: CompiledModel): Float64Array | null {
  let t = thresholdCache.get(cm);
  if (t === undefined) {
    const n = cm.stay.length * (cm.H + 1);
    t = n <= MAX_THRESHOLDS ? new Float64Array(n).fill(-1) : null;
    thresholdCache.set(cm, t);
  }
  return t;
}

/** Where a citizen leaving row `r` goes, for a uniform `u`: the row's cumulative destinations conditioned on leaving. */
export function destination(cm: CompiledModel, r: number, u: number): number {
  const { S, cum } = cm;
  const x = u * cm.leave[r];
  const cbase = r * S;
  let d = 0;
  while (d < S && x >= cum[cbase + d]) d++;
  return d === S ? cm.lastDest[r] : d;
}

/**
 * Count a citizen's first exit from benefit, at month `t`, to state `d`, in `cellGA`
 * (group · A + allocated arm); the time to it is measured for those who started on
 * benefit (`s0`, the group's initial state) at month `start`.
 */
export function firstExit(
  cm: CompiledModel,
  acc: Accumulator,
  cellGA: number,
  s0: number,
  start: number,
  t: number,
  d: number,
): void {
  acc.exits[cellGA]++;
  if (cm.kind[s0] === KIND_BENEFIT) acc.exitMonth[cellGA * (cm.H + 1) + t - start]++;
  if (cm.kind[d] === KIND_SUCCESS) acc.successExits[cellGA]++;
}

/**
 * Whether a citizen's refusion count restarts at a month `t` on support: the count began at
 * month `began` (−1: not yet, so there is nothing to restart) and its self-support stays
 * are [spans[2k], spans[2k + 1]) for k < n, oldest first, all before `t`. It restarts when
 * they hold `cm.restartMonths` months within the last `cm.restartWindow` months since it
 * began (the Danish law's § 6: 52 weeks within 3 years, in total, not necessarily in a row).
 */
export function ladderRestarts(
  cm: CompiledModel,
  spans: ArrayLike<number>,
  n: number,
  began: number,
  t: number,
): boolean {
  if (began < 0) return false;
  const lo = Math.max(t - cm.restartWindow, began);
  let months = 0;
  for (let k = 2 * n - 2; k >= 0 && spans[k + 1] > lo; k -= 2) months += spans[k + 1] - Math.max(spans[k], lo);
  return months >= cm.restartMonths;
}

/**
 * Add a stay in state `s` from month `t` for `m` months, with `c0` months on the refusion
 * ladder at its start (months on support, `onLadder`), to `cell` of `acc` (months, and
 * discounted and municipal-net months), and its occupancy (index `o` = (arm · S + s) ·
 * (H + 2)) and municipal share to the difference arrays `occ` and `net` when kept. A stay
 * on the ladder climbs it month by month; any other reimbursed stay keeps the share it
 * starts with.
 */
export function recordStay(
  cm: CompiledModel,
  acc: Accumulator,
  occ: Int32Array | null,
  net: Float64Array | null,
  cell: number,
  o: number,
  s: number,
  t: number,
  m: number,
  c0: number,
): void {
  const { municipal, reimbursed } = cm;
  const climbs = cm.onLadder[s] === 1;
  if (occ !== null) {
    occ[o + t]++;
    occ[o + t + m]--;
    // The municipality's share changes month by month early on the ladder, then stays.
    if (cm.hasLadder && reimbursed[s] === 1) addShares(cm, net!, s * (cm.H + 2), climbs, t, m, c0);
  }
  acc.months[cell] += m;
  if (cm.moneyDetail) {
    const { discPrefix, discPow, discInv, munPrefix } = cm;
    const dm = discPrefix[t + m] - discPrefix[t];
    acc.discMonths[cell] += dm;
    if (reimbursed[s] === 0) acc.netMonths[cell] += dm;
    else if (climbs) acc.netMonths[cell] += (munPrefix[c0 + m] - munPrefix[c0]) * discPow[t] * discInv[c0];
    else acc.netMonths[cell] += dm * municipal[c0];
  }
}

/**
 * As {@link recordStay}, for a stay across calendar steps (`cm.invertPeriods`): the months
 * go into the accumulator's difference arrays at `cell` (cell · S + s), which
 * {@link settlePeriods} books per period; the tracks as in recordStay. The per-citizen
 * engine keeps an inline copy.
 */
export function recordStayAcross(
  cm: CompiledModel,
  acc: Accumulator,
  occ: Int32Array | null,
  net: Float64Array | null,
  cell: number,
  o: number,
  s: number,
  t: number,
  m: number,
  c0: number,
): void {
  const { reimbursed } = cm;
  const climbs = cm.onLadder[s] === 1;
  if (occ !== null) {
    occ[o + t]++;
    occ[o + t + m]--;
    if (cm.hasLadder && reimbursed[s] === 1) addShares(cm, net!, s * (cm.H + 2), climbs, t, m, c0);
  }
  const w = cell * (cm.H + 1);
  acc.byMonth![w + t]++;
  acc.byMonth![w + t + m]--;
  if (acc.shareByMonth !== null && reimbursed[s] === 1) addShares(cm, acc.shareByMonth, w, climbs, t, m, c0);
}

/**
 * Add the municipality's share of a stay from month `t` for `m` months, `c0` months on the
 * ladder at its start, to the difference array `d` at `base`: month by month while a stay
 * on the ladder climbs it, then one step; any other stay keeps the share it starts with.
 */
export function addShares(
  cm: CompiledModel,
  d: Float64Array,
  base: number,
  climbs: boolean,
  t: number,
  m: number,
  c0: number,
): void {
  const { municipal, constFrom } = cm;
  if (climbs) {
    let tt = t;
    let c = c0;
    let left = m;
    while (left > 0 && c < constFrom) {
      const w = municipal[c];
      d[base + tt] += w;
      d[base + tt + 1] -= w;
      tt++;
      c++;
      left--;
    }
    if (left > 0) {
      const w = municipal[constFrom];
      d[base + tt] += w;
      d[base + tt + left] -= w;
    }
  } else {
    const w = municipal[c0];
    d[base + t] += w;
    d[base + t + m] -= w;
  }
}

/**
 * Book the stays an engine left in `acc.byMonth` (stays across calendar steps) as months,
 * discounted months and municipal-net months per calendar period, and clear them: per cell
 * and month the citizens present (and their summed municipal share), times the month's
 * discount factor. Called once per scenario and replicate, O(cells · H).
 */
export function settlePeriods(cm: CompiledModel, acc: Accumulator): void {
  const byMonth = acc.byMonth;
  if (byMonth === null) return;
  const shares = acc.shareByMonth;
  const { H, S, NP, periodOf, discPow, reimbursed, moneyDetail } = cm;
  const { months, discMonths, netMonths } = acc;
  const H1 = H + 1;
  const cells = byMonth.length / H1;
  for (let x = 0; x < cells; x++) {
    const w = x * H1;
    const cellBase = x * NP;
    const paid = shares !== null && reimbursed[x % S] === 1;
    let n = 0;
    let sh = 0;
    for (let t = 0; t < H; t++) {
      n += byMonth[w + t];
      if (paid) sh += shares[w + t];
      if (n === 0 && sh === 0) continue;
      const cell = cellBase + periodOf[t];
      months[cell] += n;
      if (moneyDetail) {
        const dm = n * discPow[t];
        discMonths[cell] += dm;
        netMonths[cell] += paid ? sh * discPow[t] : dm;
      }
    }
  }
  byMonth.fill(0);
  shares?.fill(0);
}

/**
 * Close a citizen at the horizon: its final state `s` in `cellGA` (group · A + allocated
 * arm), whether it ever held paid hours (`paid`), a censored first spell when it started
 * on benefit (`s0`) at month `start` and never left (`exited` 0), the month-H occupancy of
 * the arm whose rows it follows (`held`), and a wait still running since `queuedAt`
 * (−1: not waiting).
 */
export function closeAtHorizon(
  cm: CompiledModel,
  acc: Accumulator,
  tracks: Tracks | null,
  cellGA: number,
  held: number,
  s: number,
  s0: number,
  start: number,
  paid: number,
  exited: number,
  queuedAt: number,
): void {
  const { H, S } = cm;
  if (queuedAt >= 0) {
    acc.waitMonths[cellGA] += H - queuedAt;
    if (tracks !== null) tracks.queue[H]--;
  }
  acc.final[cellGA * S + s]++;
  acc.paidEver[cellGA] += paid;
  if (exited === 0 && cm.kind[s0] === KIND_BENEFIT) acc.censorMonth[cellGA * (H + 1) + H - start]++;
  if (tracks !== null) {
    const o = (held * S + s) * (H + 2);
    tracks.occ[o + H]++;
    tracks.occ[o + H + 1]--;
  }
}
