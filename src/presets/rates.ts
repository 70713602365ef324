/**
 * Danish benefit rates and the refusion ladder: overridable defaults, each with its year
 * and source. Amounts are DKK per month before tax unless stated. Check before relying on
 * them; where no public figure was found the value is a marked assumption.
 *
 * The ladder (`REFUSION_DK`, `refusion: "dk"`; LBK nr. 221 af 12/02/2021): 80 / 40 / 30 /
 * 20 % reimbursed in weeks 1–4 / 5–26 / 27–52 / 53+ with benefits (§ 5, stk. 2), the weeks
 * counted over every benefit of § 3, stk. 1, the flex-job subsidy included; the count
 * starts again only when the citizen has had 52 weeks of self-support in all within the
 * last 3 years (§ 6, stk. 1), and weeks in a flex job are not self-support (§ 6, stk. 2).
 * It is not a rolling window over weeks on support. `REFUSION_DK_2016` is the same steps
 * counted over benefit states only and never restarted, as forlob counted before.
 * @module
 */

/** A documented amount. */
export interface Rate {
  /** DKK per month (before tax). */
  monthly: number;
  /** The year the amount applies to. */
  year: number;
  /** Where it comes from. */
  source: string;
}

export { REFUSION_DK, REFUSION_DK_2016 } from '../model/refusion.js';

const WEEKS_PER_MONTH = 52 / 12;

export type { Sourced } from '../model/refusion.js';
import type { Sourced } from '../model/refusion.js';

/** A documented amount in DKK. */
export interface Amount extends Sourced {
  /** DKK. */
  amount: number;
  /** The year the amount applies to. */
  year: number;
}

/** Names of the documented rates. */
export type DkRateName =
  | 'kontanthjaelpOver30NoChildren'
  | 'kontanthjaelpOver30Children'
  | 'ressourceforloebNoChildren'
  | 'ressourceforloebChildren'
  | 'flexjobSubsidyMax'
  | 'dagpengeFullTime'
  | 'dagpengePartTime'
  | 'sygedagpenge'
  | 'foertidspensionSingle';

/**
 * Monthly transfer rates used by the presets.
 *
 * @example
 * ```ts
 * DK_RATES.kontanthjaelpOver30NoChildren.monthly; // 12326
 * ```
 */
export const DK_RATES: Readonly<Record<DkRateName, Rate>> = {
  /** Kontanthjælp, over 30, without children (rules before July 2025). */
  kontanthjaelpOver30NoChildren: { monthly: 12_326, year: 2024, source: 'bm.dk satser 2024' },
  /** Kontanthjælp, over 30, with children (rules before July 2025). */
  kontanthjaelpOver30Children: { monthly: 16_382, year: 2024, source: 'bm.dk satser 2024' },
  /** Ressourceforløbsydelse, without children (follows the kontanthjælp rate). */
  ressourceforloebNoChildren: { monthly: 12_326, year: 2024, source: 'bm.dk satser 2024' },
  /** Ressourceforløbsydelse, with children. */
  ressourceforloebChildren: { monthly: 16_382, year: 2024, source: 'bm.dk satser 2024' },
  /** Flex-job wage subsidy maximum: 98 % of the top dagpenge rate (2025 value derived). */
  flexjobSubsidyMax: {
    monthly: 20_670,
    year: 2025,
    source: '98 % of dagpenge maximum; 19,952 in 2024 (bm.dk), 2025 derived',
  },
  /** Dagpenge maximum, full-time insured. */
  dagpengeFullTime: { monthly: 21_092, year: 2025, source: 'bm.dk satser 2025' },
  /** Dagpenge maximum, part-time insured. */
  dagpengePartTime: { monthly: 14_061, year: 2025, source: 'bm.dk satser 2025' },
  /** Sygedagpenge maximum: 4,695 DKK a week × 52/12. */
  sygedagpenge: { monthly: Math.round(4_695 * WEEKS_PER_MONTH), year: 2024, source: 'bm.dk 2024: 4,695 DKK per week' },
  /** Førtidspension, single. */
  foertidspensionSingle: { monthly: 20_370, year: 2024, source: 'bm.dk 2024' },
};

/** Cost of one caseworker-year, DKK: no public figure found, a marked assumption. */
export const CASEWORKER_ANNUAL_COST: Readonly<Amount> = {
  amount: 600_000,
  year: 2025,
  source: 'assumption (domain.md): no public figure found',
};
