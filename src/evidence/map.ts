/**
 * From what a study reports to a monthly hazard ratio on exits to success, the effect
 * forlob applies to a benefit state's row (`{"hazardRatio": …}`, see `compile/effects.ts`).
 *
 * **Shares at a follow-up.** A trial reports the share of each arm that reached the
 * outcome within T months, F_c (control) and F_t (treated). With a constant monthly
 * probability h of leaving for the outcome, F = 1 − (1 − h)^T, so
 * h = 1 − (1 − F)^(1/T). forlob's hazard ratio scales the cause-specific hazard
 * λ = −ln(1 − h), and −ln(1 − h)·T = −ln(1 − F), so
 *
 *     HR = λ_t / λ_c = ln(1 − F_t) / ln(1 − F_c)
 *
 * — T cancels: the ratio of cumulative hazards is the ratio of monthly hazards. A model
 * whose benefit state leaves only for success, with a monthly probability reproducing
 * F_c after T months, then reproduces F_t exactly when given this HR.
 *
 * **Odds ratio.** An odds ratio OR at a control share F_c gives the treated share
 * F_t = OR·o/(1 + OR·o) with o = F_c/(1 − F_c); then as above.
 *
 * **Exit-rate ratio.** A duration analysis that reports "the exit rate to job rises by
 * 84 %" reports a ratio of (continuous-time) hazards already: HR = 1.84.
 *
 * **Uncertainty**, always as a lognormal HR (the scale forlob's effects live on):
 * - arms with counts: each arm's share gets its Beta posterior after x = F·n of n
 *   (uniform prior, {@link betaFromCounts}), and the variance of
 *   ln HR = g(F_t) − g(F_c), g(F) = ln(−ln(1 − F)), follows by the delta method:
 *   Var ≈ g'(F_t)²·Var F_t + g'(F_c)²·Var F_c with g'(F) = −1/((1 − F)·ln(1 − F)).
 *   The median is the point mapping of the reported shares;
 * - an odds ratio with a confidence interval: the interval's ends map through the
 *   (increasing) OR → HR function, σ = (ln HR(hi) − ln HR(lo))/(2z), and the median is the
 *   mapping of the reported OR — so the HR interval has the mapped OR interval's width on
 *   the log scale, its ends within a few per cent of the mapped ends (a published OR is
 *   rarely the exact geometric midpoint of its interval, and the map is not log-linear);
 * - an exit-rate ratio: a lognormal centred at its log, with σ from its interval when one
 *   is published, else an assumed σ that the entry must state.
 * @module
 */
import type { DistributionInfo, LognormalDist } from '../params/distribution.js';
import { betaFromCounts } from '../params/fit.js';
import { normalQuantile } from '../params/special.js';
import type { EvidenceEntry, ReportedNumbers } from './types.js';

function checkShare(fn: string, name: string, x: number): void {
  if (!(x > 0 && x < 1)) throw new Error(`${fn}: expected ${name} strictly between 0 and 1, got ${x}`);
}

function checkMonths(fn: string, months: number): void {
  if (!(months > 0 && Number.isFinite(months)))
    throw new Error(`${fn}: expected a positive follow-up in months, got ${months}`);
}

function checkLevel(fn: string, level: number): void {
  if (!(level > 0 && level < 1)) throw new Error(`${fn}: expected level between 0 and 1 (e.g. 0.95), got ${level}`);
}

/**
 * The constant monthly probability h that gives the cumulative share F after `months`:
 * h = 1 − (1 − F)^(1/T). Use it to set a control row that reproduces a trial's control arm.
 *
 * @example
 * ```ts
 * monthlyProbabilityFromShare(0.465, 18); // ≈ 0.0341: 46.5 % within 18 months
 * ```
 */
export function monthlyProbabilityFromShare(share: number, months: number): number {
  const fn = 'monthlyProbabilityFromShare';
  checkShare(fn, 'share', share);
  checkMonths(fn, months);
  // −expm1(log1p(−F)/T) keeps precision for small shares.
  return -Math.expm1(Math.log1p(-share) / months);
}

/**
 * The monthly hazard ratio that turns the control share into the treated share at the
 * same follow-up: ln(1 − F_t)/ln(1 − F_c). The follow-up cancels (a ratio of cumulative
 * hazards is the ratio of the constant monthly hazards); it is checked and kept in the
 * signature so a call says at which follow-up the shares were measured. Throws an Error
 * unless both shares lie strictly between 0 and 1 and `months` is positive.
 *
 * @example
 * ```ts
 * hazardRatioFromShares(0.465, 0.591, 18); // ≈ 1.429: the Danish IPS trial
 * ```
 */
export function hazardRatioFromShares(controlShare: number, treatedShare: number, months: number): number {
  const fn = 'hazardRatioFromShares';
  checkShare(fn, 'controlShare', controlShare);
  checkShare(fn, 'treatedShare', treatedShare);
  checkMonths(fn, months);
  return Math.log1p(-treatedShare) / Math.log1p(-controlShare);
}

/**
 * The treated share an odds ratio implies at a control share: OR·o/(1 + OR·o) with
 * o = F_c/(1 − F_c).
 *
 * @example
 * ```ts
 * treatedShareFromOddsRatio(1.34, 0.378); // ≈ 0.449
 * ```
 */
export function treatedShareFromOddsRatio(oddsRatio: number, controlShare: number): number {
  const fn = 'treatedShareFromOddsRatio';
  if (!(oddsRatio > 0 && Number.isFinite(oddsRatio)))
    throw new Error(`${fn}: expected a positive odds ratio, got ${oddsRatio}`);
  checkShare(fn, 'controlShare', controlShare);
  const odds = (oddsRatio * controlShare) / (1 - controlShare);
  return odds / (1 + odds);
}

/**
 * The monthly hazard ratio equivalent to an odds ratio on the share reaching the outcome
 * within `months`: the OR gives the treated share ({@link treatedShareFromOddsRatio}),
 * then {@link hazardRatioFromShares}. Unlike an OR, the HR depends on the control share.
 *
 * @example
 * ```ts
 * hazardRatioFromOddsRatio(1.34, 0.378, 24); // ≈ 1.258: IPS-MA
 * ```
 */
export function hazardRatioFromOddsRatio(oddsRatio: number, controlShare: number, months: number): number {
  return hazardRatioFromShares(controlShare, treatedShareFromOddsRatio(oddsRatio, controlShare), months);
}

/** g(F) = ln(−ln(1 − F)), the log cumulative hazard of a share; its derivative. */
function logCumHazardSlope(F: number): number {
  return -1 / ((1 - F) * Math.log1p(-F));
}

/** Options of {@link hrDistributionFromTrial}. */
export interface TrialMappingOptions extends DistributionInfo {
  /**
   * Log-scale standard deviation to use for an exit-rate ratio published without an
   * interval — an assumption, which the caller must document.
   */
  assumedLogSd?: number;
}

/**
 * Which reported numbers {@link hrDistributionFromTrial} derives the effect from, in order
 * of precedence: an exit-rate ratio, an odds ratio with its interval (the study's own
 * estimate with its own uncertainty), arm shares with counts. Null when there are none.
 */
export function mappingBasis(reported: ReportedNumbers): 'exitRateRatio' | 'oddsRatio' | 'arms' | null {
  if (reported.exitRateRatio !== undefined) return 'exitRateRatio';
  if (reported.oddsRatio !== undefined && reported.ci !== undefined) return 'oddsRatio';
  if ([reported.treated, reported.control, reported.nTreated, reported.nControl].every((x) => x !== undefined))
    return 'arms';
  return null;
}

/**
 * A lognormal distribution of the monthly hazard ratio on exits to success, from what a
 * study reports (see the module comment for the maths). Its median e^μ is always the
 * point mapping of the reported estimate. Throws an Error when the reported numbers hold
 * no basis ({@link mappingBasis}), or for an exit-rate ratio without an interval when no
 * `assumedLogSd` is given.
 *
 * @example
 * ```ts
 * hrDistributionFromTrial({ treated: 0.591, control: 0.465, nTreated: 240, nControl: 240 }, 18);
 * // { dist: 'lognormal', mu: ≈0.357 (HR 1.429), sigma: ≈0.129 }
 * hrDistributionFromTrial({ oddsRatio: 1.34, ci: [0.86, 2.10], control: 0.378 }, 24);
 * hrDistributionFromTrial({ exitRateRatio: 1.84 }, 36, { assumedLogSd: 0.2 });
 * ```
 */
export function hrDistributionFromTrial(
  reported: ReportedNumbers,
  months: number,
  options: TrialMappingOptions = {},
): LognormalDist {
  const fn = 'hrDistributionFromTrial';
  const info: DistributionInfo = {
    ...(options.label !== undefined ? { label: options.label } : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
  };
  const level = reported.level ?? 0.95;
  checkLevel(fn, level);
  const z = normalQuantile((1 + level) / 2);
  switch (mappingBasis(reported)) {
    case 'exitRateRatio': {
      const ratio = reported.exitRateRatio!;
      if (!(ratio > 0 && Number.isFinite(ratio)))
        throw new Error(`${fn}: expected a positive exitRateRatio, got ${ratio}`);
      if (reported.ci) {
        const [lo, hi] = reported.ci;
        if (!(lo > 0 && lo < hi)) throw new Error(`${fn}: expected 0 < lo < hi for the interval, got ${lo}–${hi}`);
        return { dist: 'lognormal', mu: Math.log(ratio), sigma: (Math.log(hi) - Math.log(lo)) / (2 * z), ...info };
      }
      const sd = options.assumedLogSd;
      if (!(sd !== undefined && sd > 0 && Number.isFinite(sd))) {
        throw new Error(
          `${fn}: an exit-rate ratio without a published interval needs an assumed log-scale sd (options.assumedLogSd), got ${sd}`,
        );
      }
      return { dist: 'lognormal', mu: Math.log(ratio), sigma: sd, ...info };
    }
    case 'oddsRatio': {
      const control = reported.control;
      if (control === undefined)
        throw new Error(`${fn}: an odds ratio needs the control share (reported.control) to become a hazard ratio`);
      const [lo, hi] = reported.ci!;
      if (!(lo > 0 && lo < hi)) throw new Error(`${fn}: expected 0 < lo < hi for the interval, got ${lo}–${hi}`);
      const hr = (or: number) => hazardRatioFromOddsRatio(or, control, months);
      return {
        dist: 'lognormal',
        mu: Math.log(hr(reported.oddsRatio!)),
        sigma: (Math.log(hr(hi)) - Math.log(hr(lo))) / (2 * z),
        ...info,
      };
    }
    case 'arms': {
      const { treated, control, nTreated, nControl } = reported as Required<
        Pick<ReportedNumbers, 'treated' | 'control' | 'nTreated' | 'nControl'>
      >;
      const hr = hazardRatioFromShares(control, treated, months);
      const variance = (F: number, n: number) => {
        const { alpha: a, beta: b } = betaFromCounts(F * n, n);
        return (a * b) / ((a + b) * (a + b) * (a + b + 1));
      };
      const v =
        logCumHazardSlope(treated) ** 2 * variance(treated, nTreated) +
        logCumHazardSlope(control) ** 2 * variance(control, nControl);
      return { dist: 'lognormal', mu: Math.log(hr), sigma: Math.sqrt(v), ...info };
    }
    case null:
      throw new Error(
        `${fn}: expected an exitRateRatio, an oddsRatio with ci and control share, or treated/control shares with nTreated/nControl; got keys ${Object.keys(reported).join(', ') || 'none'}`,
      );
  }
}

/**
 * The effect an evidence entry's data implies: {@link hrDistributionFromTrial} of its
 * `reported` numbers at its follow-up, labelled with its title and `evidence:<id>` as
 * source; null when the reported numbers hold no basis for an effect (an outcome-share
 * entry). The library's `effect` fields are this function's output, pasted as data.
 *
 * @example
 * ```ts
 * effectFromEntry(getEvidence('ips-dk-inklusion')); // equals the entry's effect
 * ```
 */
export function effectFromEntry(
  entry: Pick<EvidenceEntry, 'id' | 'title' | 'reported' | 'followUpMonths' | 'assumedLogSd'>,
): LognormalDist | null {
  const basis = mappingBasis(entry.reported);
  if (basis === null) return null;
  if (basis !== 'exitRateRatio' && entry.followUpMonths === null) {
    throw new Error(`effectFromEntry: entry "${entry.id}" maps shares at a follow-up, so it needs followUpMonths`);
  }
  return hrDistributionFromTrial(entry.reported, entry.followUpMonths ?? 1, {
    label: entry.title,
    source: `evidence:${entry.id}`,
    ...(entry.assumedLogSd !== undefined ? { assumedLogSd: entry.assumedLogSd } : {}),
  });
}
