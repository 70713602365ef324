/**
 * The Danish refusion ladder and the municipality's share per month on support it implies.
 * Compile uses it to price a `refusion: "dk"` or `"dk-2016"` model and the presets
 * re-export it as documented data; it lives here, below both, so neither imports the other.
 * @module
 */

import type { RefusionLadder } from './types.js';

/** Something with a stated source. */
export interface Sourced {
  /** Where it comes from. */
  source: string;
}

/**
 * The refusion ladder in force since 4 January 2016 (lov nr. 994 af 30. august 2015 om
 * kommunernes finansiering af visse offentlige ydelser udbetalt af kommunerne, Udbetaling
 * Danmark og arbejdsløshedskasserne, now LBK nr. 221 af 12. februar 2021), counted as forlob
 * counted it before issue 15: over months in benefit states only, never restarted. § 5,
 * stk. 2: the state reimburses 80 % of the municipality's spending on the benefits of § 3,
 * stk. 1, nr. 4–10 and 12–14 in the first 4 weeks with benefits, 40 % from week 5 to 26,
 * 30 % from week 27 to 52 and 20 % from week 53. § 5, stk. 3 gives the benefits paid by the
 * unemployment funds and Udbetaling Danmark (dagpenge among them) the mirror image: the
 * municipality co-finances 20 / 60 / 70 / 80 %, so its share is the same. This ladder is
 * what `refusion: "dk-2016"` means; {@link REFUSION_DK} is the law's count. No change by the
 * 2025 reform was found.
 */
export const REFUSION_DK_2016: Readonly<RefusionLadder & Sourced> = {
  fromWeek: [1, 5, 27, 53],
  reimbursedShare: [0.8, 0.4, 0.3, 0.2],
  source:
    'Lov nr. 994 af 30/08/2015 (refusionsreformen), in force 4 Jan 2016, § 5, stk. 2; now LBK nr. 221 af 12/02/2021',
};

/**
 * The refusion ladder as the law counts it, what `refusion: "dk"` means: the steps of
 * {@link REFUSION_DK_2016}, counted and restarted as follows.
 *
 * - Which weeks count: every week with one of the benefits of § 3, stk. 1, counted per
 *   person across benefits (§ 5, stk. 2: "uge med ydelser"). The flex-job wage subsidy
 *   (fleksløntilskud) is one of them: since 2016 its refusion follows the same ladder by
 *   weeks on public support (Styrelsen for Arbejdsmarked og Rekruttering, budget- og
 *   konteringsvejledning 5.58.81; citizens approved for a flex job before 2013 keep the old
 *   refusion, and § 30, stk. 3 says when those approved from January 2013 to July 2014
 *   come under the ladder). So a month in a flex job advances the count and is reimbursed
 *   on it.
 * - When the count restarts (§ 6, stk. 1): when the person, after the first week with
 *   benefits, has had 52 whole calendar weeks of self-support in all ("sammenlagt", not
 *   necessarily in a row) within the last 3 years. Self-support (§ 6, stk. 2) means weeks
 *   with neither public support nor employment with a wage subsidy: a flex job is not
 *   self-support, and neither restarts nor pauses the count — it advances it.
 *
 * forlob counts in months of 52/12 weeks, so 52 weeks are 12 months and 3 years 36 months;
 * which states are support and which self-support is each state's `refusionCount`. A
 * citizen's months before month 0 (`priorBenefitMonths`) are taken as on support, with no
 * self-support in the window. The `benefit` duration clock is not the law's count: it keeps
 * counting months in benefit states and never restarts, so the choice of refusion rule
 * changes money, never the citizens' courses.
 */
export const REFUSION_DK: Readonly<RefusionLadder & Sourced> = {
  fromWeek: [1, 5, 27, 53],
  reimbursedShare: [0.8, 0.4, 0.3, 0.2],
  restart: { selfSupportMonths: 12, withinMonths: 36 },
  source:
    'LBK nr. 221 af 12/02/2021 (lov om kommunernes finansiering af visse offentlige ydelser …): § 5, stk. 2 (ladder), § 3, stk. 1 (benefits counted), § 6 (restart after 52 weeks of self-support within 3 years); STAR budget- og konteringsvejledning 5.58.81 (fleksløntilskud on the ladder)',
};

/**
 * The ladder a `costs.refusion` setting names, or undefined for `"none"`.
 *
 * @example
 * ```ts
 * ladderOf('dk').restart; // { selfSupportMonths: 12, withinMonths: 36 }
 * ```
 */
export function ladderOf(refusion: 'dk' | 'dk-2016' | 'none' | RefusionLadder | undefined): RefusionLadder | undefined {
  if (refusion === 'dk') return REFUSION_DK;
  if (refusion === 'dk-2016') return REFUSION_DK_2016;
  return refusion === 'none' || refusion === undefined ? undefined : refusion;
}

/** The municipality's share per month on support from a week ladder (months of 52/12 weeks). */
export function municipalShares(
  ladder: { fromWeek: readonly number[]; reimbursedShare: readonly number[] },
  months: number,
): Float64Array {
  const out = new Float64Array(months);
  const wpm = 52 / 12;
  // Reimbursed share for week interval [w, w+1) (weeks counted from 0).
  const at = (w: number) => {
    let r = ladder.reimbursedShare[0];
    for (let i = 0; i < ladder.fromWeek.length; i++) if (w >= ladder.fromWeek[i] - 1) r = ladder.reimbursedShare[i];
    return r;
  };
  for (let c = 0; c < months; c++) {
    // Average the step function over the month's weeks exactly.
    const lo = c * wpm;
    const hi = (c + 1) * wpm;
    let acc = 0;
    let w = lo;
    while (w < hi) {
      const next = Math.min(hi, Math.floor(w) + 1);
      acc += (next - w) * at(Math.floor(w));
      w = next;
    }
    out[c] = 1 - acc / wpm;
  }
  return out;
}
