/**
 * The Danish refusion ladder and the municipality's share per month on support it implies.
 * Compile uses it to price a `refusion: "dk-2016"` model and the presets re-export it as
 * documented data; it lives here, below both, so neither imports the other.
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
 * kommunernes finansiering af visse offentlige ydelser …, now LBK nr. 221 af 12. februar
 * 2021). § 5, stk. 2: the state reimburses 80 % of the municipality's spending in the
 * first 4 weeks with benefits, 40 % in weeks 5–26, 30 % in weeks 27–52 and 20 % from week
 * 53, the weeks counted over all the citizen's benefits under § 3. § 6: the count starts
 * again only when, after the first week with benefits, the citizen has had 52 whole
 * calendar weeks of self-support within the last 3 years; weeks on public support or in
 * employment with a wage subsidy (a flex job) are not self-support (§ 6, stk. 2). No
 * change by the 2025 reform was found.
 *
 * forlob counts months on benefit from the group's `priorBenefitMonths` and never restarts
 * the count, which overstates the municipality's share only for citizens who are
 * self-supporting for a year and come back within the horizon; flex-job months do not yet
 * advance the count (issue 15).
 */
export const REFUSION_DK_2016: Readonly<RefusionLadder & Sourced> = {
  fromWeek: [1, 5, 27, 53],
  reimbursedShare: [0.8, 0.4, 0.3, 0.2],
  source: 'Lov om ændring af lov om kommunal medfinansiering (refusionsreformen), in force 4 Jan 2016',
};

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
