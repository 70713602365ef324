/**
 * Money tables: transfers and arm costs per calendar period, discount factors over
 * calendar months, and the municipality's share of a transfer by month on support (the
 * refusion ladder) with its discounted prefix sums, so the engine only adds.
 * @module
 */
import type { NormalisedModel } from '../model/normalise.js';
import { ladderOf, municipalShares } from '../model/refusion.js';
import { cycleYears } from './accounts.js';
import type { MoneyTables } from './compiled.js';

export type { MoneyTables } from './compiled.js';

/** transfer[p · S + s] and armCost[p · A + a] for the models of each calendar period. */
export function periodCosts(periodModels: NormalisedModel[]): { transfer: Float64Array; armCost: Float64Array } {
  const transfer = new Float64Array(periodModels.flatMap((m) => m.states.map((s) => s.monthlyTransfer)));
  const armCost = new Float64Array(
    periodModels.flatMap((m) => [
      0,
      ...m.interventions.map((iv) => {
        const st = iv.staffing;
        const staff = st
          ? st.annualCostPerCaseworker / st.caseload / 12 + (st.conversationsPerYear * st.costPerConversation) / 12
          : 0;
        return iv.monthlyCost + staff;
      }),
    ]),
  );
  return { transfer, armCost };
}

/**
 * Tables over calendar months t ≤ H and support clock values c ≤ `maxPrior` + H (the most
 * months on support any citizen can reach).
 */
export function moneyTables(model: NormalisedModel, H: number, maxPrior: number): MoneyTables {
  const C = maxPrior + H + 1;
  const rate = model.costs.discountRate;
  // Per cycle: a month, or a year with `cycle: "year"`.
  const delta = model.cycle === 'year' ? (1 + rate) ** -cycleYears(model) : (1 + rate) ** (-1 / 12);
  const discPrefix = new Float64Array(H + 1);
  const discPow = new Float64Array(H + 1);
  for (let t = 0; t <= H; t++) {
    discPow[t] = delta ** t;
    if (t > 0) discPrefix[t] = discPrefix[t - 1] + discPow[t - 1];
  }
  const discInv = new Float64Array(C + 1).map((_, c) => delta ** -c);
  const ladder = ladderOf(model.costs.refusion);
  const municipal = ladder ? municipalShares(ladder, C + 1) : new Float64Array(C + 1).fill(1);
  const munPrefix = new Float64Array(C + 1);
  for (let c = 1; c <= C; c++) munPrefix[c] = munPrefix[c - 1] + delta ** (c - 1) * municipal[c - 1];
  let constFrom = C;
  while (constFrom > 0 && municipal[constFrom - 1] === municipal[C]) constFrom--;
  return {
    discPrefix,
    discPow,
    discInv,
    municipal,
    munPrefix,
    premium: model.costs.premiumPerPaidHoursMonth,
    moneyDetail: rate > 0 || ladder !== undefined,
    hasLadder: ladder !== undefined,
    constFrom,
    restartMonths: ladder?.restart?.selfSupportMonths ?? 0,
    restartWindow: ladder?.restart?.withinMonths ?? 0,
  };
}
