/**
 * The month-by-month ledger of one scenario in one replicate, from the engine's tracks:
 * what is paid each month and by whom, summed into calendar years, plus the monthly
 * municipal cost that payback needs.
 *
 * Per month t (discounted by δ^t): gross transfers Σ_s occ_s(t)·transfer_s; the
 * municipality's net transfers weight reimbursed states by its share on the refusion
 * ladder; the state's reimbursement is the difference; intervention cost is every
 * holder's monthly cost while on benefit plus the scenario's fixed cost; premium income
 * per paid-hours month. municipalCost = net transfers + intervention − premium.
 * @module
 */
import { KIND_BENEFIT, KIND_SUCCESS, type CompiledModel, type CompiledScenario } from '../../compile/compile.js';
import type { Tracks } from '../kernel.js';

/** The yearly items, in storage order. */
export const YEARLY_ITEMS = [
  'transferCost',
  'stateReimbursement',
  'netTransferCost',
  'interventionCost',
  'premiumIncome',
  'municipalCost',
  'benefitMonths',
  'successRate',
] as const;

/** One of {@link YEARLY_ITEMS}. */
export type YearlyItem = (typeof YEARLY_ITEMS)[number];

/** Who bears each item: the municipality, the state, both (gross transfers) or nobody (outcomes). */
export const YEARLY_PAYER: Record<YearlyItem, 'municipality' | 'state' | 'total' | 'outcome'> = {
  transferCost: 'total',
  stateReimbursement: 'state',
  netTransferCost: 'municipality',
  interventionCost: 'municipality',
  premiumIncome: 'municipality',
  municipalCost: 'municipality',
  benefitMonths: 'outcome',
  successRate: 'outcome',
};

/** Lower is better for costs and benefit months, higher for income and success. */
export const YEARLY_HIGHER_IS_BETTER: Record<YearlyItem, boolean> = {
  transferCost: false,
  stateReimbursement: true,
  netTransferCost: false,
  interventionCost: false,
  premiumIncome: true,
  municipalCost: false,
  benefitMonths: false,
  successRate: true,
};

/**
 * Fill `monthly` (H values: municipal cost per month) and `yearly` (years × items) and,
 * when given, `occupancy` (S × (H + 1) citizens per state and month) from the tracks.
 */
export function ledger(
  cm: CompiledModel,
  sc: CompiledScenario,
  tracks: Tracks,
  monthly: Float64Array,
  mo: number,
  yearly: Float64Array,
  yo: number,
  occupancy?: Int32Array,
  oo = 0,
): void {
  const { H, S, A, kind, paidHours, reimbursed, transfer, armCost, premium, discPow, hasLadder, yearOf, yearEnd, N } =
    cm;
  const W = H + 2;
  const K = YEARLY_ITEMS.length;
  const occ = new Float64Array(A * S); // running levels of the difference arrays
  const net = new Float64Array(S);
  for (let y = 0; y < cm.years.length * K; y++) yearly[yo + y] = 0;
  let yi = 0;
  for (let t = 0; t <= H; t++) {
    // Month H (the final state) is priced like the last month; only its occupancy is read.
    const pS = cm.periodOf[Math.min(t, H - 1)] * S;
    const pA = cm.periodOf[Math.min(t, H - 1)] * A;
    let gross = 0;
    let municipalTransfers = 0;
    let intervention = 0;
    let paid = 0;
    let onBenefit = 0;
    let success = 0;
    for (let s = 0; s < S; s++) {
      net[s] += tracks.net[s * W + t];
      let inState = 0;
      for (let a = 0; a < A; a++) {
        const i = a * S + s;
        occ[i] += tracks.occ[i * W + t];
        inState += occ[i];
        if (kind[s] === KIND_BENEFIT && occ[i] !== 0) intervention += occ[i] * armCost[pA + a]; // an empty arm adds nothing (0 × an overflowing cost is NaN)
      }
      if (occupancy) occupancy[oo + s * (H + 1) + t] = inState;
      gross += inState * transfer[pS + s];
      municipalTransfers += (hasLadder && reimbursed[s] === 1 ? net[s] : inState) * transfer[pS + s];
      if (paidHours[s]) paid += inState;
      if (kind[s] === KIND_BENEFIT) onBenefit += inState;
      else if (kind[s] === KIND_SUCCESS) success += inState;
    }
    // The state occupied in month t is where the citizen stood when month t − 1 ended: a
    // year's success rate is read at its end.
    while (yi < cm.years.length && yearEnd[yi] === t) {
      yearly[yo + yi * K + 7] = N > 0 ? success / N : 0;
      yi++;
    }
    if (t === H) break;
    const d = discPow[t];
    const y = yo + yearOf[t] * K;
    const inv = (intervention + sc.fixedMonthlyCost) * d;
    const prem = paid * premium * d;
    const mun = municipalTransfers * d + inv - prem;
    yearly[y] += gross * d;
    yearly[y + 1] += (gross - municipalTransfers) * d;
    yearly[y + 2] += municipalTransfers * d;
    yearly[y + 3] += inv;
    yearly[y + 4] += prem;
    yearly[y + 5] += mun;
    yearly[y + 6] += N > 0 ? onBenefit / N : 0;
    monthly[mo + t] = mun;
  }
}
