/**
 * The Danish refusion ladder and the municipality's share per month on support it implies.
 * Compile uses it to price a `refusion: "dk-2016"` model and the presets re-export it as
 * documented data; it lives here, below both, so neither imports the other.
 * @module
 */

/**
 * The refusion ladder in force since 4 January 2016: the state reimburses this share of
 * the municipality's benefit spending by the citizen's cumulative weeks on public support
 * (weeks 1–4: 80 %, 5–26: 40 %, 27–52: 30 %, after 52: 20 %). No change by the 2025 reform
 * was found. forlob counts the weeks cumulatively from the group's `priorBenefitMonths`
 * without the rolling-window reset (a simplification for horizons of a few years).
 */
export const REFUSION_DK_2016: Readonly<{
  /** First week of each step, ascending from 1. */
  fromWeek: number[];
  /** Share the state reimburses in each step. */
  reimbursedShare: number[];
  /** Where it comes from. */
  source: string;
}> = {
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
