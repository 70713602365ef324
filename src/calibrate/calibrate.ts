/**
 * Calibration: observed outcome figures → monthly transition probabilities.
 *
 * A calibrated benefit state `a` ("the course", e.g. kontanthjælp) leaves each month with
 * total probability h, split over destinations d as r_d (Σ r_d = h). Optionally it also
 * moves to a paid-hours state `b` with probability x; `b`'s own row is given by the user:
 * back to `a` with β, to non-benefit destinations with π_d (π = Σ π_d).
 *
 * Over an observation window of W months (by default the whole course: every course ends
 * eventually, and Jobindsats reports the destinations of *completed* courses), let M_a and
 * M_b be the expected months a citizen starting in `a` spends in `a` and in `b` before the
 * course ends (for the whole course, the first row of the fundamental matrix
 * (I − Q)⁻¹ of the two transient states: M_a = (β+π)/Δ, M_b = x/Δ with
 * Δ = (h+x)(β+π) − x·β; for a finite window, by iterating them). The probability that the
 * course ends in d within the window is then A_d = r_d·M_a + π_d·M_b, linear in the
 * unknown split. Requiring the observed completed-course shares q_d = A_d / Σ A gives, in
 * closed form,
 *
 *     r_d = (q_d · (h·M_a + π·M_b) − π_d · M_b) / M_a,
 *
 * which sums to h. The level h comes from the mean course length D (months, counting the
 * month the course ends in): the mean absorption time from `a` is
 * T = (1 + x/(β+π)) / (h + x·π/(β+π)), so h = (1 + x/(β+π))/D − x·π/(β+π); or from a
 * completion share c within W months, solved by bisection on h (completion rises with h).
 * Without paid hours (x = 0) these reduce to r_d = q_d·h and h = 1/D or
 * h = 1 − (1 − c)^(1/W).
 *
 * The paid-hours share e is the share of courses with paid hours before they end: by
 * default over the whole course, e = x / (h + x) (the course state's first move is to
 * paid hours); within W months (a citizen entering at the end of month t occupies `b`
 * from month t+1), e = x·(1 − (1 − h − x)^(W−1)) / (h + x). Both rise in x: x is found by
 * bisection.
 *
 * Nothing here depends on the simulation's horizon, so changing the horizon does not
 * change the citizens. With a window W the shares are exact for the reported metric
 * `completedSuccessShare` of a cohort starting in `a` at month 0 simulated for W months;
 * for the whole course, for a long horizon. Duration bands scale h per band and leave
 * the split unchanged.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import type { CompletionTarget, PaidHoursTarget } from '../model/types.js';

/** A paid-hours target with the paid-hours state's own row. */
export interface PaidHoursPath extends PaidHoursTarget {
  /** Monthly probability of moving from paid hours back to the course state (β). */
  backProbability: number;
  /** Monthly probabilities of leaving paid hours for each non-benefit destination (π_d). */
  exits: Record<string, number>;
}

/** Targets for one calibrated state, with the paid-hours state's row resolved. */
export interface CalibrationTargets {
  /** Completed-course share per destination (must sum to 1, other exit included). */
  shares: Record<string, number>;
  /** Mean months until the course ends (give this or `completion`). */
  meanMonths?: number;
  /** Share of courses ended within `withinMonths` (give this or `meanMonths`). */
  completion?: CompletionTarget;
  /**
   * Months over which the shares are observed, counted from the start of the course;
   * omitted: the whole course (shares of completed courses, as Jobindsats reports them).
   */
  observedMonths?: number;
  /** @deprecated The simulation's horizon is not the observation window; use `observedMonths`. */
  horizonMonths?: number;
  /** Paid hours: its state id, the share ever reaching it, and that state's row. */
  paidHours?: PaidHoursPath;
}

/** The calibrated row of the course state (destinations, paid-hours state included). */
export type CalibratedRow = Record<string, number>;

/** Expected months in a and b within H months (H = ∞: until the course ends). */
function occupancy(h: number, x: number, beta: number, pi: number, H: number): { Ma: number; Mb: number } {
  if (H === Number.POSITIVE_INFINITY) {
    const det = (h + x) * (beta + pi) - x * beta;
    return x > 0 ? { Ma: (beta + pi) / det, Mb: x / det } : { Ma: 1 / h, Mb: 0 };
  }
  let pa = 1;
  let pb = 0;
  let Ma = 0;
  let Mb = 0;
  for (let t = 0; t < H; t++) {
    Ma += pa;
    Mb += pb;
    const na = pa * (1 - h - x) + pb * beta;
    const nb = pa * x + pb * (1 - beta - pi);
    pa = na;
    pb = nb;
  }
  return { Ma, Mb };
}

function ended(h: number, x: number, beta: number, pi: number, W: number): number {
  let pa = 1;
  let pb = 0;
  for (let t = 0; t < W; t++) {
    const na = pa * (1 - h - x) + pb * beta;
    const nb = pa * x + pb * (1 - beta - pi);
    pa = na;
    pb = nb;
  }
  return 1 - pa - pb;
}

function bisect(f: (v: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Turn observed shares into a monthly row (see the module comment for the maths).
 * Throws {@link ForlobInputError} at `path` when the targets cannot be met.
 *
 * @example
 * ```ts
 * calibrateRow({ shares: { job: 0.216, edu: 0.067, flex: 0.02, out: 0.697 }, meanMonths: 30 });
 * // { job: 0.0072, edu: 0.00223…, flex: 0.000667…, out: 0.02323… }
 * ```
 */
export function calibrateRow(t: CalibrationTargets, path = 'calibration'): CalibratedRow {
  const fail = (message: string): never => {
    throw new ForlobInputError([{ path, message }], 'calibration failed');
  };
  const ph = t.paidHours;
  const beta = ph?.backProbability ?? 0;
  const piRow = ph?.exits ?? {};
  const pi = Object.values(piRow).reduce((a, b) => a + b, 0);
  if (ph && beta + pi <= 0)
    fail(`the paid-hours state "${ph.state}" needs a row leaving it (back to the course or to an exit)`);

  const levelFor = (x: number): number => {
    if (t.meanMonths !== undefined)
      return (1 + (ph ? x / (beta + pi) : 0)) / t.meanMonths - (ph ? (x * pi) / (beta + pi) : 0);
    const c = t.completion!;
    if (ended(1 - x, x, beta, pi, c.withinMonths) < c.share)
      fail(`a completion share of ${c.share} within ${c.withinMonths} months cannot be reached`);
    return bisect((h) => ended(h, x, beta, pi, c.withinMonths), c.share, 0, 1 - x);
  };

  let x = 0;
  if (ph && ph.everShare > 0) {
    const W = ph.withinMonths ?? t.observedMonths ?? Number.POSITIVE_INFINITY;
    const ever = (xx: number) => {
      const h = levelFor(xx);
      const a = h + xx;
      if (!(a > 0)) return 0;
      return W === Number.POSITIVE_INFINITY ? xx / a : (xx * (1 - Math.max(0, 1 - a) ** (W - 1))) / a;
    };
    // The largest x keeping h + x ≤ 1 and h ≥ 0.
    const xmax = bisect((xx) => (levelFor(xx) + xx <= 1 && levelFor(xx) >= 0 ? 0 : 1), 0.5, 0, 1);
    if (ever(xmax) < ph.everShare) fail(`a paid-hours share of ${ph.everShare} cannot be reached with these targets`);
    x = bisect(ever, ph.everShare, 0, xmax);
  }
  const h = levelFor(x);
  if (!(h > 0) || h + x > 1 + 1e-12) fail(`the targets give a monthly exit probability of ${h}, outside (0, 1]`);

  const { Ma, Mb } = occupancy(h, x, beta, pi, t.observedMonths ?? t.horizonMonths ?? Number.POSITIVE_INFINITY);
  const total = h * Ma + pi * Mb;
  const row: CalibratedRow = {};
  for (const [d, q] of Object.entries(t.shares)) {
    const r = (q * total - (piRow[d] ?? 0) * Mb) / Ma;
    if (r < -1e-12)
      fail(
        `the paid-hours row alone sends more courses to "${d}" than its share ${q}: lower that row or raise the share`,
      );
    if (r > 0) row[d] = r;
  }
  for (const d of Object.keys(piRow)) {
    if (!(d in t.shares) && piRow[d] > 0) fail(`the paid-hours state exits to "${d}", which has no completed share`);
  }
  if (ph && x > 0) row[ph.state] = x;
  return row;
}
