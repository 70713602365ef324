/**
 * Decision summaries across scenarios from per-replicate values (`values[s][r]`: scenario s,
 * replicate r): which scenario is best how often, the incremental cost-effectiveness ratio
 * (ICER) of one scenario against another by quadrant, net benefit at a willingness to pay,
 * the expected value of perfect information (EVPI), of partial perfect information about
 * some parameters (EVPPI), and the cost-effectiveness acceptability curve (CEAC).
 *
 * Replicate r is the same simulated world in every scenario (common random numbers and
 * parameter draws), so comparisons are made within replicates, never across them. Decision
 * uncertainty is parameter uncertainty: {@link decisionSummary} first replaces each
 * replicate's outcome by its expected value given the replicate's parameter draw (the
 * regression {@link metamodel}), so the chance of which citizens find work — which no study
 * can resolve — is averaged out. The definitions are written once, in the README's
 * "Decision figures" section.
 * @module
 */
import { quantileSorted } from 'simple-statistics';
import { randomNormal } from 'd3-random';
import { metamodel, type Metamodel } from './metamodel.js';

/** Throw unless every row has the same number of replicates; return that number. */
function replicateCount(fn: string, ...matrices: ArrayLike<number>[][]): number {
  const R = matrices[0]?.[0]?.length ?? 0;
  for (const m of matrices) {
    for (let s = 0; s < m.length; s++) {
      if (m[s].length !== R)
        throw new RangeError(
          `${fn}: expected ${R} replicates for every scenario, got ${m[s].length} for scenario ${s}`,
        );
    }
  }
  return R;
}

/** Whether replicate r is finite in every scenario of every matrix. */
function usable(r: number, ...matrices: ArrayLike<number>[][]): boolean {
  for (const m of matrices) for (const row of m) if (!Number.isFinite(row[r])) return false;
  return true;
}

/**
 * For each scenario, the share of replicates in which it is best (highest or lowest as
 * `higherIsBetter` says); scenarios tied for best split the replicate evenly, so the shares
 * sum to 1. Replicates with a NaN (or infinite) value in any scenario are left out; every
 * share is NaN when none is left.
 *
 * With `values` = {@link netBenefit} at a range of willingness-to-pay values this traces the
 * cost-effectiveness acceptability curve.
 *
 * @example
 * ```ts
 * probabilityBest([[1, 5, 3], [2, 4, 3], [0, 0, 1]], true); // [1/3 + 1/6, 1/3 + 1/6, 0] — replicate 3 is a tie
 * ```
 */
export function probabilityBest(values: ArrayLike<number>[], higherIsBetter: boolean): number[] {
  const R = replicateCount('probabilityBest', values);
  const S = values.length;
  const wins = new Array<number>(S).fill(0);
  let used = 0;
  for (let r = 0; r < R; r++) {
    if (!usable(r, values)) continue;
    used++;
    let best = values[0][r];
    for (let s = 1; s < S; s++) best = higherIsBetter ? Math.max(best, values[s][r]) : Math.min(best, values[s][r]);
    let ties = 0;
    for (let s = 0; s < S; s++) if (values[s][r] === best) ties++;
    for (let s = 0; s < S; s++) if (values[s][r] === best) wins[s] += 1 / ties;
  }
  return wins.map((w) => (used > 0 ? w / used : NaN));
}

/**
 * Net (monetary) benefit per replicate, `effect × willingnessToPay − cost`: the value of the
 * effect at what one is willing to pay for a unit of it, less its cost. Higher is better.
 * NaN where either input is.
 *
 * @example
 * ```ts
 * // successes (successRate × citizens) valued at 300,000 DKK each, less municipal cost
 * netBenefit([120, 130], [30e6, 33e6], 300_000); // [6e6, 6e6]
 * ```
 */
export function netBenefit(effect: ArrayLike<number>, cost: ArrayLike<number>, willingnessToPay: number): number[] {
  if (effect.length !== cost.length)
    throw new RangeError(
      `netBenefit: expected one value per replicate in both, got ${effect.length} effects and ${cost.length} costs`,
    );
  return Array.from(effect, (e, r) => e * willingnessToPay - cost[r]);
}

/**
 * The expected value of perfect information about which scenario is best, from net
 * benefits per replicate: E_r[max_s NB(s, r)] − max_s E_r[NB(s, r)], computed as the mean
 * over replicates of max_s NB(s, r) − NB(s*, r) with s* the scenario of the best mean, so it
 * is exactly 0 when s* is best in every replicate. Pass *expected* net benefits given each
 * replicate's parameters (see {@link decisionSummary}) for the EVPI about the parameters;
 * raw replicate values would count individual chance as resolvable. Replicates with a NaN
 * (or infinite) value in any scenario are left out; NaN when none is left.
 *
 * @example
 * ```ts
 * evpi([[10, 0], [0, 8]]); // best mean is scenario 0 (5 vs 4): mean of (10 − 10, 8 − 0) = 4
 * ```
 */
export function evpi(netBenefit: ArrayLike<number>[]): number {
  const R = replicateCount('evpi', netBenefit);
  const S = netBenefit.length;
  const rows: number[] = [];
  for (let r = 0; r < R; r++) if (usable(r, netBenefit)) rows.push(r);
  if (rows.length === 0) return NaN;
  const means = Array.from({ length: S }, (_, s) => rows.reduce((a, r) => a + netBenefit[s][r], 0) / rows.length);
  const star = means.indexOf(Math.max(...means));
  let regret = 0;
  for (const r of rows) {
    let best = -Infinity;
    for (let s = 0; s < S; s++) best = Math.max(best, netBenefit[s][r]);
    regret += best - netBenefit[star][r];
  }
  return regret / rows.length;
}

/** A quadrant of the cost-effectiveness plane (Δeffect across, Δcost up). */
export type Quadrant = 'NE' | 'NW' | 'SE' | 'SW';

/**
 * The incremental cost-effectiveness ratio of one scenario against another, read by
 * quadrant of the cost-effectiveness plane (Δeffect across, Δcost up):
 * - **NE** (more effective, more costly): the ICER is the extra cost per extra unit of effect;
 * - **SW** (less effective, cheaper): the ICER is the saving per unit of effect forgone;
 * - **SE** (more effective, cheaper): dominant — no ratio needed;
 * - **NW** (less effective, more costly): dominated — no ratio needed.
 */
export interface IcerSummary {
  /**
   * Mean Δcost / mean Δeffect (a ratio of means). A cost per unit only in the NE and SW
   * quadrants. NaN (null in JSON) when the mean Δeffect is exactly 0: no ratio exists then
   * (see {@link icerReading}: 'identical', or no difference in effect).
   */
  mean: number;
  /**
   * Lower end of the interval of the ratio over parameter draws (percentiles of the expected
   * Δcost / expected Δeffect given each draw); null when the expected Δeffect changes sign
   * across draws — the ratio is then undefined and the CEAC tells the story.
   */
  lo: number | null;
  /** Upper end of that interval (null likewise). */
  hi: number | null;
  /** Mean over replicates of cost(scenario) − cost(baseline). */
  deltaCost: number;
  /** Mean over replicates of effect(scenario) − effect(baseline). */
  deltaEffect: number;
  /** Monte Carlo standard error of `deltaCost` (sd of the paired differences / √replicates). */
  mcseDeltaCost: number;
  /** Monte Carlo standard error of `deltaEffect`. */
  mcseDeltaEffect: number;
  /** Monte Carlo standard error of the ratio `mean` (delta method); the simulation's own error, not the decision's uncertainty. NaN (null in JSON) with `mean`. */
  mcse: number;
  /** The quadrant of the mean differences (`deltaEffect`, `deltaCost`); a zero difference counts as the better side. */
  quadrant: Quadrant;
  /** Share of parameter draws whose expected differences fall in each quadrant (all in one quadrant without uncertain parameters). */
  quadrantShares: Record<Quadrant, number>;
  /**
   * Dominant: the mean is in the SE quadrant, that quadrant's share reaches the interval
   * level, and both the effect and the cost difference lie beyond two Monte Carlo errors of 0
   * (or are exactly 0 in every replicate, but not both).
   */
  dominant: boolean;
  /** Dominated: the same for the NW quadrant. */
  dominated: boolean;
  /** Share of parameter draws in the SE quadrant (= `quadrantShares.SE`). */
  probDominant: number;
  /** Share of parameter draws in the NW quadrant (= `quadrantShares.NW`). */
  probDominated: number;
  /** Replicates used (those with finite costs and effects in both scenarios). */
  replicates: number;
  /** @deprecated The interval no longer rests on a bootstrap; this is the number of parameter draws it rests on (= `replicates`). */
  resamples: number;
}

/** Quadrant of a point on the cost-effectiveness plane; a zero difference counts as the better side (more effect, less cost). */
export function quadrantOf(deltaCost: number, deltaEffect: number): Quadrant {
  return deltaEffect >= 0 ? (deltaCost <= 0 ? 'SE' : 'NE') : deltaCost <= 0 ? 'SW' : 'NW';
}

/** A difference is resolved when it lies beyond two Monte Carlo errors of 0, or is exactly 0 in every replicate. */
function resolved(d: number, mcse: number): boolean {
  return Math.abs(d) > 2 * mcse || (d === 0 && mcse === 0);
}

function meanSd(xs: ArrayLike<number>): { mean: number; sd: number } {
  const n = xs.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i];
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - m) ** 2;
  return { mean: m, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/**
 * The incremental cost-effectiveness ratio of scenario `s` against baseline `b` from
 * per-replicate `costs[scenario][r]` and `effects[scenario][r]` (effect higher is better,
 * e.g. successful citizens; cost lower is better), read by quadrant (see
 * {@link IcerSummary}). `parameterDraws[j][r]` are the uncertain parameters' draws per
 * replicate (none: no parameter uncertainty); the quadrant shares and the interval are over
 * the expected differences given each draw, with individual chance averaged out by the
 * regression {@link metamodel}. The interval is the percentile interval of expected Δcost /
 * expected Δeffect over draws when expected Δeffect has one strict sign in every draw, else
 * null (undefined — the CEAC answers instead). The Monte Carlo error of the ratio of means
 * is reported apart as `mcse`. Throws a RangeError for unknown scenario indices or ragged
 * rows.
 *
 * @example
 * ```ts
 * icer(costs, effects, 1, 0, 0.95, [effectDraws]);
 * // { mean: 250000, lo: 180000, hi: 340000, quadrant: 'NE', quadrantShares: { NE: 1, … }, mcse: 2100, … }
 * ```
 */
export function icer(
  costs: ArrayLike<number>[],
  effects: ArrayLike<number>[],
  s: number,
  b: number,
  level: number,
  parameterDraws: ArrayLike<number>[] = [],
): IcerSummary {
  for (const [name, i] of [
    ['s', s],
    ['b', b],
  ] as const) {
    if (!(Number.isInteger(i) && i >= 0 && i < costs.length && i < effects.length))
      throw new RangeError(`icer: expected ${name} to index a scenario of both matrices, got ${i}`);
  }
  if (costs.length !== effects.length)
    throw new RangeError(
      `icer: expected costs and effects for the same scenarios, got ${costs.length} and ${effects.length}`,
    );
  const R = replicateCount('icer', costs, effects);
  for (const d of parameterDraws)
    if (d.length !== R) throw new RangeError(`icer: expected ${R} draws of every parameter, got ${d.length}`);
  const pair = [costs[s], costs[b], effects[s], effects[b]];
  const rows: number[] = [];
  for (let r = 0; r < R; r++) if (usable(r, pair)) rows.push(r);
  const n = rows.length;
  const dc = Float64Array.from(rows, (r) => costs[s][r] - costs[b][r]);
  const de = Float64Array.from(rows, (r) => effects[s][r] - effects[b][r]);
  const empty: Record<Quadrant, number> = { NE: NaN, NW: NaN, SE: NaN, SW: NaN };
  if (n === 0) {
    return {
      mean: NaN,
      lo: null,
      hi: null,
      deltaCost: NaN,
      deltaEffect: NaN,
      mcseDeltaCost: NaN,
      mcseDeltaEffect: NaN,
      mcse: NaN,
      quadrant: 'NE',
      quadrantShares: empty,
      dominant: false,
      dominated: false,
      probDominant: NaN,
      probDominated: NaN,
      replicates: 0,
      resamples: 0,
    };
  }
  const c = meanSd(dc);
  const e = meanSd(de);
  const mcseDeltaCost = c.sd / Math.sqrt(n);
  const mcseDeltaEffect = e.sd / Math.sqrt(n);
  // No ratio without an effect difference: c/0 would be ±Infinity (or NaN for an identical scenario).
  const ratio = e.mean === 0 ? NaN : c.mean / e.mean;
  // Delta method: Var(ĉ/ê) ≈ (Var ĉ − 2ρ Cov(ĉ, ê) + ρ² Var ê) / ê².
  let cov = 0;
  for (let i = 0; i < n; i++) cov += (dc[i] - c.mean) * (de[i] - e.mean);
  cov = n > 1 ? cov / (n - 1) / n : 0;
  const mcse =
    Math.sqrt(Math.max(0, mcseDeltaCost ** 2 - 2 * ratio * cov + ratio ** 2 * mcseDeltaEffect ** 2)) / Math.abs(e.mean);
  const mm = metamodel(
    parameterDraws.map((d) => Float64Array.from(rows, (r) => d[r])),
    rows.length,
  );
  const fc = mm.fit(dc);
  const fe = mm.fit(de);
  const counts: Record<Quadrant, number> = { NE: 0, NW: 0, SE: 0, SW: 0 };
  for (let i = 0; i < n; i++) counts[quadrantOf(fc[i], fe[i])]++;
  const quadrantShares = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n])) as Record<
    Quadrant,
    number
  >;
  let lo: number | null = null;
  let hi: number | null = null;
  if (fe.every((x) => x > 0) || fe.every((x) => x < 0)) {
    const ratios = Array.from(fc, (x, i) => x / fe[i]).sort((x, y) => x - y);
    const tail = (1 - level) / 2;
    lo = quantileSorted(ratios, tail);
    hi = quantileSorted(ratios, 1 - tail);
  }
  const quadrant = quadrantOf(c.mean, e.mean);
  const clear = resolved(c.mean, mcseDeltaCost) && resolved(e.mean, mcseDeltaEffect) && !(c.mean === 0 && e.mean === 0);
  return {
    mean: ratio,
    lo,
    hi,
    deltaCost: c.mean,
    deltaEffect: e.mean,
    mcseDeltaCost,
    mcseDeltaEffect,
    mcse,
    quadrant,
    quadrantShares,
    dominant: clear && quadrant === 'SE' && quadrantShares.SE >= level,
    dominated: clear && quadrant === 'NW' && quadrantShares.NW >= level,
    probDominant: quadrantShares.SE,
    probDominated: quadrantShares.NW,
    replicates: n,
    resamples: n,
  };
}

/**
 * How an ICER is to be read, decided once for every report:
 * - `identical`: both differences are exactly 0;
 * - `no-detectable-effect`: Δeffect lies within two Monte Carlo errors of 0 (no quadrant can be named),
 *   or is exactly 0 with a cost difference that does not make the scenario dominant (no ratio exists);
 * - `dominant` / `dominated`: SE / NW with that quadrant's share over parameter draws at
 *   least the interval level (and the differences beyond Monte Carlo error);
 * - `costs-per-success`: the mean is NE — the ratio is the extra cost per extra success;
 * - `saves-per-success-forgone`: the mean is SW — the ratio is the saving per success given up;
 * - `mixed`: the mean is SE or NW but that quadrant's share falls short of the level — report the shares.
 */
export type IcerReading =
  | 'identical'
  | 'no-detectable-effect'
  | 'dominant'
  | 'dominated'
  | 'costs-per-success'
  | 'saves-per-success-forgone'
  | 'mixed';

/**
 * The reading of an ICER (see {@link IcerReading}).
 *
 * @example
 * ```ts
 * icerReading(result.comparisons[0].icer); // 'saves-per-success-forgone'
 * ```
 */
export function icerReading(i: IcerSummary): IcerReading {
  if (i.deltaCost === 0 && i.deltaEffect === 0) return 'identical';
  if (!resolved(i.deltaEffect, i.mcseDeltaEffect)) return 'no-detectable-effect';
  if (i.dominant) return 'dominant';
  if (i.dominated) return 'dominated';
  if (i.deltaEffect === 0) return 'no-detectable-effect'; // equal successes, unequal cost: no ratio to read
  if (i.quadrant === 'NE') return 'costs-per-success';
  if (i.quadrant === 'SW') return 'saves-per-success-forgone';
  return 'mixed';
}

/** A value of information with its standard error. */
export interface ValueOfInformation {
  /** The value, in the net benefit's unit (DKK). */
  value: number;
  /** Its standard error from the metamodel's coefficients. */
  se: number;
}

/** Coefficient draws for the standard error of a value of information. */
const SE_DRAWS = 100;

/**
 * The expected value of partial perfect information about the parameters in
 * `parameterDraws` (`parameterDraws[j][r]`: parameter j in replicate r), from net benefits
 * per scenario and replicate: E_φ[max_s NB_s(φ)] − max_s E[NB_s], where NB_s(φ) is the
 * expected net benefit given those parameters, estimated by regressing each scenario's
 * incremental net benefit (against scenario 0) on the {@link metamodel} basis of the draws
 * (Strong, Oakley & Brennan 2014). With every uncertain parameter it is the EVPI about the
 * parameters; with none it is 0. The standard error follows their §3.3: the coefficients
 * are redrawn from their sampling distribution (residual covariance across scenarios) and
 * the EVPPI recomputed, `source` giving the uniforms (a seeded stream, so it is
 * reproducible). Replicates with a NaN in any scenario are left out.
 *
 * @example
 * ```ts
 * const rng = seedrandom('evppi');
 * evppi(netBenefits, [fsmEffectDraws], () => rng.double()); // { value: 1.2e6, se: 4e4 }
 * ```
 */
export function evppi(
  netBenefit: ArrayLike<number>[],
  parameterDraws: ArrayLike<number>[],
  source: () => number,
): ValueOfInformation {
  const R = replicateCount('evppi', netBenefit);
  const rows: number[] = [];
  for (let r = 0; r < R; r++) if (usable(r, netBenefit)) rows.push(r);
  if (rows.length === 0) return { value: NaN, se: NaN };
  const mm = metamodel(
    parameterDraws.map((d) => Float64Array.from(rows, (r) => d[r])),
    rows.length,
  );
  const inb = netBenefit.slice(1).map((nb) => Float64Array.from(rows, (r) => nb[r] - netBenefit[0][r]));
  return evppiOn(mm, inb, source);
}

/** The EVPPI of incremental net benefits `inb` (scenarios 1…S−1 against 0) on a fitted metamodel. */
function evppiOn(mm: Metamodel, inb: Float64Array[], source: () => number): ValueOfInformation {
  const n = mm.n;
  const K = inb.length;
  const keep = inb.map((y) => mm.columns(y));
  if (K === 0 || keep.every((k) => k <= 1)) return { value: 0, se: 0 };
  const coef = inb.map((y) => mm.coefficients(y));
  const evppiAt = (c: Float64Array[]) => {
    const fitted = c.map((ck) => {
      const out = new Float64Array(n);
      mm.basis.forEach((q, j) => {
        if (ck[j] !== 0) for (let i = 0; i < n; i++) out[i] += ck[j] * q[i];
      });
      return out;
    });
    return evpi([new Float64Array(n), ...fitted]);
  };
  const value = evppiAt(coef);
  // Residual covariance across scenarios, then each kept coefficient redrawn as c + L z.
  const fitted = inb.map((y) => mm.fit(y));
  const dof = Math.max(1, n - Math.max(...keep));
  const cov = Array.from({ length: K }, (_, a) =>
    Array.from({ length: K }, (_, b) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (inb[a][i] - fitted[a][i]) * (inb[b][i] - fitted[b][i]);
      return s / dof;
    }),
  );
  const L = cholesky(cov);
  const normal = randomNormal.source(source)(0, 1);
  const values: number[] = [];
  for (let d = 0; d < SE_DRAWS; d++) {
    const zs = Array.from({ length: mm.q }, () => Array.from({ length: K }, normal));
    const drawn = coef.map((ck, a) =>
      Float64Array.from(ck, (v, j) => (j < keep[a] ? v + zs[j].reduce((acc, z, b) => acc + L[a][b] * z, 0) : 0)),
    );
    values.push(evppiAt(drawn));
  }
  return { value, se: meanSd(values).sd };
}

/** Lower Cholesky factor of a covariance matrix (a tiny ridge keeps a singular one usable). */
function cholesky(A: number[][]): number[][] {
  const K = A.length;
  const ridge = 1e-12 * Math.max(1e-300, ...A.map((row, i) => row[i]));
  const L = A.map(() => new Array<number>(K).fill(0));
  for (let i = 0; i < K; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j] + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = i === j ? Math.sqrt(Math.max(0, s)) : L[j][j] > 0 ? s / L[j][j] : 0;
    }
  }
  return L;
}

/** The expected value of partial perfect information about one parameter or a group. */
export interface EvppiEntry {
  /** The parameters resolved together (names as in the model's `parameters` block or inline paths). */
  parameters: string[];
  /** The EVPPI, DKK (population total, like municipal cost). */
  value: number;
  /**
   * Standard error of `value` from the metamodel's coefficient uncertainty (Strong, Oakley
   * & Brennan 2014, §3.3); it does not cover the small upward bias of fitting chance.
   */
  se: number;
}

/** One willingness to pay of the cost-effectiveness acceptability curve (CEAC) and the EVPI curve. */
export interface CeacPoint {
  /** Willingness to pay per extra success, DKK. */
  wtp: number;
  /** Per scenario, the probability over parameter draws that it has the highest expected net benefit. */
  probabilityBest: Record<string, number>;
  /** The EVPI at this willingness to pay, DKK. */
  evpi: number;
}

/**
 * Decision summaries across all scenarios. Every probability and value of information here
 * is about the uncertain *parameters*: each replicate's outcome is replaced by its expected
 * value given that replicate's parameter draw (a regression metamodel, see
 * {@link DecisionSummary.method}), so the individual chance of which citizens find work —
 * which no study could resolve — is averaged out. Without uncertain parameters the expected
 * outcome is the same in every replicate: EVPI is 0 and each probability best is 0 or 1.
 * The chance that *this population's* outcome is better is `probBetter` of a paired difference.
 * (`DecisionSummary` of a simulation result is this with metric names as keys.)
 */
export interface DecisionFigures {
  /**
   * Per metric, the probability over parameter draws that each scenario has the best
   * expected outcome (higher or lower as the metric prefers); ties split evenly. NaN (null
   * in JSON) for every scenario when no replicate has the metric defined in all of them
   * (e.g. completedSuccessShare with no completed course).
   */
  probabilityBest: Record<string, Record<string, number>>;
  /** Willingness to pay per extra successful citizen, DKK (option `willingnessToPay`, default 0). */
  willingnessToPay: number;
  /**
   * Expected value of perfect information about the parameters, DKK: E_θ[max_s NB_s(θ)] −
   * max_s E_θ[NB_s(θ)], with NB = successes × willingness to pay − municipalCost and NB_s(θ)
   * the expected net benefit given the parameter draw θ.
   */
  evpi: number;
  /** Per scenario, the probability over parameter draws that it has the highest expected net benefit. */
  probabilityBestNetBenefit: Record<string, number>;
  /**
   * How expected outcomes given the parameters were estimated: `"none"` when no parameter
   * is uncertain (every replicate gets the overall mean), else `"regression"` — least squares
   * on a restricted-cubic-spline basis of the parameter draws ({@link metamodel}).
   */
  method: 'none' | 'regression';
  /** Replicates whose parameter draws the decision figures rest on. */
  parameterDraws: number;
  /** EVPPI for each uncertain parameter and each group in the `evppiGroups` option. */
  evppi: EvppiEntry[];
  /** The CEAC and EVPI over the willingness-to-pay grid (option `willingnessToPayRange`). */
  ceac: CeacPoint[];
}

/** What {@link decisionSummary} decides between. */
export interface DecisionInput {
  /** Scenario ids. */
  scenarios: string[];
  /** Municipal cost per scenario and replicate, DKK. */
  costs: ArrayLike<number>[];
  /** Successful citizens per scenario and replicate. */
  effects: ArrayLike<number>[];
  /** Every metric per scenario and replicate, with whether higher is better. */
  metrics: {
    /** Metric name. */
    name: string;
    /** Values per scenario and replicate. */
    values: ArrayLike<number>[];
    /** Whether a higher value is better. */
    higherIsBetter: boolean;
  }[];
  /** The uncertain parameters: names and draws per replicate. */
  parameters: {
    /** Parameter name. */
    name: string;
    /** Its draw in each replicate. */
    draws: ArrayLike<number>;
  }[];
  /** Willingness to pay per success, DKK. */
  willingnessToPay: number;
  /** The CEAC grid, DKK. */
  grid: number[];
  /** Groups of parameter names for EVPPI (besides each parameter alone). */
  groups: string[][];
  /** Uniforms in [0, 1) for the standard errors. */
  source: () => number;
}

/**
 * Every decision figure at once: probability best per metric and by net benefit, EVPI,
 * EVPPI per parameter and group, and the CEAC with the EVPI curve — all on expected
 * outcomes given the parameter draws.
 */
export function decisionSummary(input: DecisionInput): DecisionFigures {
  const { scenarios, costs, effects, parameters, willingnessToPay: wtp } = input;
  const byId = (xs: number[]) => Object.fromEntries(scenarios.map((id, s) => [id, xs[s]]));
  const R = replicateCount('decisionSummary', costs, effects);
  // One metamodel on every parameter per set of usable replicates (usually all of them).
  const fitters = new Map<string, Metamodel>();
  const fitterFor = (rows: number[]) => {
    const key = rows.join(',');
    if (!fitters.has(key))
      fitters.set(
        key,
        metamodel(
          parameters.map((p) => Float64Array.from(rows, (r) => p.draws[r])),
          rows.length,
        ),
      );
    return fitters.get(key)!;
  };
  const usableRows = (...ms: ArrayLike<number>[][]) => {
    const rows: number[] = [];
    for (let r = 0; r < R; r++) if (usable(r, ...ms)) rows.push(r);
    return rows;
  };
  const expected = (values: ArrayLike<number>[], rows: number[], mm: Metamodel) =>
    values.map((v) => mm.fit(Float64Array.from(rows, (r) => v[r])));
  const probabilityBestOf = Object.fromEntries(
    input.metrics.map(({ name, values, higherIsBetter }) => {
      const rows = usableRows(values);
      if (rows.length === 0) return [name, byId(scenarios.map(() => NaN))];
      return [name, byId(probabilityBest(expected(values, rows, fitterFor(rows)), higherIsBetter))];
    }),
  );
  const rows = usableRows(costs, effects);
  const mm = fitterFor(rows);
  const fc = expected(costs, rows, mm);
  const fe = expected(effects, rows, mm);
  const nbAt = (w: number) => fc.map((c, s) => Float64Array.from(c, (x, i) => fe[s][i] * w - x));
  const ceac = input.grid.map((w) => {
    const nb = nbAt(w);
    return { wtp: w, probabilityBest: byId(probabilityBest(nb, true)), evpi: rows.length ? evpi(nb) : NaN };
  });
  const nb = nbAt(wtp);
  const raw = scenarios.map((_, s) => Float64Array.from(rows, (r) => effects[s][r] * wtp - costs[s][r]));
  const inb = raw.slice(1).map((x) => Float64Array.from(x, (v, i) => v - raw[0][i]));
  const sets = [...parameters.map((p) => [p.name]), ...input.groups.filter((g) => g.length > 1)];
  const evppiEntries = sets.map((names) => {
    const draws = names
      .map((nm) => parameters.find((p) => p.name === nm)?.draws)
      .filter((d): d is ArrayLike<number> => d !== undefined);
    const sub = metamodel(
      draws.map((d) => Float64Array.from(rows, (r) => d[r])),
      rows.length,
    );
    return { parameters: names, ...evppiOn(sub, inb, input.source) };
  });
  return {
    probabilityBest: probabilityBestOf,
    willingnessToPay: wtp,
    evpi: rows.length ? evpi(nb) : NaN,
    probabilityBestNetBenefit: byId(probabilityBest(nb, true)),
    method: mm.q > 1 ? 'regression' : 'none',
    parameterDraws: rows.length,
    evppi: evppiEntries,
    ceac,
  };
}
