/**
 * Danish public-finance amounts for the presets' accounts beyond the transfers: the tax a
 * job brings in, split between the municipality and the state, and the spill-over to the
 * region's health services that a committee paper names without an amount. Each amount has
 * its year and source; a range that is an assumption says so. Data only.
 * @module
 */
import type { Sourced } from '../model/refusion.js';
import { paramRef, type ParamRef } from '../params/input.js';

/** A triangular distribution of a monthly amount, DKK, with its year and source. */
export interface SourcedRange extends Sourced {
  /** The distribution, as a model file writes it (negative: income to the payer). */
  dist: { dist: 'triangular'; min: number; mode: number; max: number; source: string };
  /** The year the amounts apply to. */
  year: number;
}

/** 2025 tax rules used below (skm.dk; satser 2025). */
const TAX_2025 = {
  /** Arbejdsmarkedsbidrag, to the state. */
  am: 0.08,
  /** Average kommuneskat 2025 (skm.dk, "Kommuneskatter – gennemsnitsprocenten i 2026": 25.068 % in 2025). */
  municipal: 0.25068,
  /** Bundskat 2025, to the state. */
  bottom: 0.1201,
  /** Personfradrag 2025, DKK a year. */
  personalAllowance: 51_600,
  /** Beskæftigelsesfradrag 2025: 12.30 % of earned income, at most 55,600 DKK a year (a deduction for kommuneskat). */
  employmentDeduction: 0.123,
};

/** Monthly income tax of a gross monthly wage `w`, split by who receives it (below the topskat threshold). */
function monthlyTax(w: number): { municipality: number; state: number } {
  const am = TAX_2025.am * w;
  const personal = w - am;
  const allowance = TAX_2025.personalAllowance / 12;
  const deduction = Math.min(TAX_2025.employmentDeduction * w, 55_600 / 12);
  const municipality = TAX_2025.municipal * Math.max(0, personal - deduction - allowance);
  const state = am + TAX_2025.bottom * Math.max(0, personal - allowance);
  return { municipality: Math.round(municipality), state: Math.round(state) };
}

/**
 * The gross monthly wage of a job found from kontanthjælp or a benefit course: 16,000 –
 * 32,000 DKK, most likely 24,000 (2025). An assumption: the committee papers give no wage;
 * the range spans part-time and full-time jobs at the lowest collectively agreed wages.
 */
export const JOB_WAGE_2025 = { min: 16_000, mode: 24_000, max: 32_000 } as const;

const WAGE_NOTE =
  'own calculation with the 2025 rules (AM-bidrag 8 %, average kommuneskat 25.068 %, bundskat 12.01 %, personfradrag 51,600 DKK, beskæftigelsesfradrag 12.30 %; skm.dk) on a gross wage of 16,000–32,000 DKK a month, most likely 24,000 (an assumption: the committee papers give no wage)';

function taxRange(payer: 'municipality' | 'state'): SourcedRange {
  const [lo, mode, hi] = [JOB_WAGE_2025.max, JOB_WAGE_2025.mode, JOB_WAGE_2025.min].map((w) => -monthlyTax(w)[payer]);
  const source = `${payer === 'municipality' ? 'kommuneskat' : 'AM-bidrag and bundskat'} per month in a job: ${WAGE_NOTE}`;
  return { dist: { dist: 'triangular', min: lo, mode, max: hi, source }, year: 2025, source };
}

/**
 * Income tax a citizen in an ordinary job pays each month, as negative cost (income):
 * the municipality's kommuneskat and the state's AM-bidrag and bundskat.
 *
 * @example
 * ```ts
 * DK_JOB_TAX.municipality.dist; // { dist: 'triangular', min: -5315, mode: -3717, max: -2119, … }
 * ```
 */
export const DK_JOB_TAX: Readonly<Record<'municipality' | 'state', SourcedRange>> = {
  municipality: taxRange('municipality'),
  state: taxRange('state'),
};

/**
 * The region's extra health-care cost per month for a citizen whose job-focused help is
 * cut to the legal minimum: 0 – 1,000 DKK, triangular with its mode at 500. Randers' paper names "more demand on social and health services" for the
 * 80 % given the basic effort but gives no amount; this range shows what such a spill-over
 * could weigh, not evidence of it.
 */
export const REGION_HEALTH_SPILLOVER: Readonly<SourcedRange> = (() => {
  const source =
    "assumption: Randers' committee paper (item 92, 2025, scenario 1) names more demand on health services without an amount";
  return { dist: { dist: 'triangular', min: 0, mode: 500, max: 1_000, source }, year: 2025, source };
})();

/** The accounts the presets book beyond the built-in ones, with their labels. */
export const DK_FINANCE_ACCOUNTS = {
  taxes: { unit: 'DKK', label: 'income tax from jobs' },
  health: { unit: 'DKK', label: 'regional health care' },
} as const;

/** {@link DK_FINANCE_ACCOUNTS}' labels in Danish (a model's `translations.da.accounts`). */
export const DK_FINANCE_ACCOUNTS_DA = {
  taxes: 'indkomstskat fra job',
  health: 'regionens sundhedsudgifter',
  transfers: 'overførsler',
  interventions: 'indsatser',
  premium: 'præmie for løntimer',
} as const;

/**
 * The presets' public-finance amounts as named parameters (drawn once per replicate, listed
 * with their sources among the uncertain parameters): the tax of a job month to the
 * municipality and to the state, and the region's spill-over.
 */
export const DK_FINANCE_PARAMETERS = {
  jobTaxMunicipality: DK_JOB_TAX.municipality.dist,
  jobTaxState: DK_JOB_TAX.state.dist,
  regionHealthSpillover: REGION_HEALTH_SPILLOVER.dist,
} as const;

/** The sources of {@link DK_FINANCE_PARAMETERS} in Danish (a model's `translations.da.parameterSources`). */
export const DK_FINANCE_PARAMETER_SOURCES_DA = {
  jobTaxMunicipality:
    'kommuneskat pr. måned i job: egen beregning med 2025-reglerne (AM-bidrag 8 %, gennemsnitlig kommuneskat 25,07 %, bundskat 12,01 %, personfradrag 51.600 kr., beskæftigelsesfradrag 12,30 %; skm.dk) på en bruttoløn på 16.000–32.000 kr. om måneden, mest sandsynligt 24.000 (en antagelse: indstillingerne oplyser ingen løn)',
  jobTaxState:
    'AM-bidrag og bundskat pr. måned i job: egen beregning med 2025-reglerne (AM-bidrag 8 %, gennemsnitlig kommuneskat 25,07 %, bundskat 12,01 %, personfradrag 51.600 kr., beskæftigelsesfradrag 12,30 %; skm.dk) på en bruttoløn på 16.000–32.000 kr. om måneden, mest sandsynligt 24.000 (en antagelse: indstillingerne oplyser ingen løn)',
  regionHealthSpillover:
    'antagelse: Randers’ indstilling (punkt 92, 2025, scenarie 1) nævner større pres på sundhedsområdet uden et beløb',
} as const;

/**
 * The account entries of a month in an ordinary job: the tax it brings the municipality and
 * the state (negative: income), as references to {@link DK_FINANCE_PARAMETERS}.
 *
 * @example
 * ```ts
 * const job = { id: 'job', kind: 'success', flows: jobTaxFlows() };
 * ```
 */
export function jobTaxFlows(): { account: 'taxes'; payer: 'municipality' | 'state'; amount: ParamRef }[] {
  return [
    { account: 'taxes', payer: 'municipality', amount: paramRef('jobTaxMunicipality') },
    { account: 'taxes', payer: 'state', amount: paramRef('jobTaxState') },
  ];
}
