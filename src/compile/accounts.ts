/**
 * Accounts: every money or value flow of the model as lines (account × payer) with
 * amounts per state, per held intervention, per scenario, per intervention start and per
 * transition, so the ledger (`engine/reduce/ledger.ts`) only multiplies occupancies and
 * counts by amounts. The legacy money fields are sugar compiled here into the built-in
 * accounts: `monthlyTransfer` into `transfers` (the municipality's share after the
 * refusion ladder, the state's the rest), `monthlyCost`, staffing and `fixedMonthlyCost`
 * into `interventions`, the paid-hours premium into `premium` as negative municipal cost.
 * @module
 */
import type { NormalisedModel } from '../model/normalise.js';
import type { AccountLine, CompiledAccounts } from './compiled.js';

export type { AccountLine, CompiledAccounts } from './compiled.js';

/** The built-in money accounts the legacy fields compile into. */
export const BUILTIN_ACCOUNTS = ['transfers', 'interventions', 'premium'] as const;

/** The payer of a money flow that names none. */
export const DEFAULT_PAYER = 'municipality';

/** Cycle length in years. */
export function cycleYears(model: Pick<NormalisedModel, 'cycle'>): number {
  return model.cycle === 'year' ? 1 : 1 / 12;
}

const COUNTING = { start: 0, end: 1, 'half-cycle': 2 } as const;

/**
 * Compile the accounts; `periodModels` are the model in each calendar period (whose steps may
 * replace state and intervention flows). `transfer` and `armCost` are the per-period tables of
 * `money.ts`; `hasLadder` says whether transfers of reimbursed states are split between
 * the municipality and the state.
 */
export function compileAccounts(
  model: NormalisedModel,
  periodModels: NormalisedModel[],
  transfer: Float64Array,
  armCost: Float64Array,
  hasLadder: boolean,
  reimbursed: Uint8Array,
  paidHours: Uint8Array,
  stateIndex: Map<string, number>,
): CompiledAccounts {
  const S = model.states.length;
  const A = model.interventions.length + 1;
  const H = model.horizonMonths;
  const Sc = model.scenarios.length;
  const NP = periodModels.length;
  const lines: AccountLine[] = [];
  const index = new Map<string, number>();
  const declared = model.accounts;
  const line = (account: string, payer: string | undefined): number => {
    const spec = declared[account];
    const kind = spec?.kind ?? 'money';
    const p = kind === 'money' ? (payer ?? DEFAULT_PAYER) : null;
    const key = `${account}\u0000${p ?? ''}`;
    let l = index.get(key);
    if (l === undefined) {
      l = lines.length;
      index.set(key, l);
      lines.push({
        account,
        payer: p,
        kind,
        unit: spec?.unit ?? (kind === 'money' ? 'DKK' : account),
        discountRate: spec?.discountRate ?? model.costs.discountRate,
      });
    }
    return l;
  };
  // The built-in lines first, in a fixed order, each only when the model's legacy fields use it.
  const usesTransfers = transfer.some((x) => x !== 0);
  const usesInterventions = armCost.some((x) => x !== 0) || model.scenarios.some((sc) => sc.fixedMonthlyCost !== 0);
  const transfersMun = usesTransfers ? line('transfers', 'municipality') : -1;
  const transfersState = usesTransfers && hasLadder ? line('transfers', 'state') : -1;
  const interventions = usesInterventions ? line('interventions', 'municipality') : -1;
  const premium =
    model.costs.premiumPerPaidHoursMonth !== 0 && paidHours.some((x) => x === 1) ? line('premium', 'municipality') : -1;
  const entries: (() => void)[] = [];
  // Explicit flows name their lines in model order (period by period); amounts are filled once all lines are known.
  periodModels.forEach((pm, p) => {
    pm.states.forEach((st, s) => {
      for (const fl of st.flows ?? []) {
        const l = line(fl.account, fl.payer);
        entries.push(() => (stateFlow[(p * L + l) * S + s] += fl.amount));
      }
    });
    pm.interventions.forEach((iv, i) => {
      for (const fl of iv.flows ?? []) {
        const l = line(fl.account, fl.payer);
        const always = fl.while === 'always';
        entries.push(() => ((always ? armAlways : armBenefit)[(p * L + l) * A + i + 1] += fl.amount));
      }
    });
  });
  model.interventions.forEach((iv, i) => {
    for (const fl of iv.startFlows ?? []) {
      const l = line(fl.account, fl.payer);
      entries.push(() => (startFlow[l * A + i + 1] += fl.amount));
    }
  });
  model.scenarios.forEach((sc, k) => {
    for (const fl of sc.flows ?? []) {
      const l = line(fl.account, fl.payer);
      entries.push(() => {
        for (let p = 0; p < NP; p++) fixedFlow[(k * NP + p) * L + l] += fl.amount;
      });
    }
  });
  for (const fl of model.transitionFlows ?? []) {
    const l = line(fl.account, fl.payer);
    const from = stateIndex.get(fl.from)!;
    const to = stateIndex.get(fl.to)!;
    entries.push(() => (transFlow[(l * S + from) * S + to] += fl.amount));
  }
  const L = lines.length;
  const stateFlow = new Float64Array(NP * L * S);
  const netFlow = new Float64Array(NP * L * S);
  const armBenefit = new Float64Array(NP * L * A);
  const armAlways = new Float64Array(NP * L * A);
  const fixedFlow = new Float64Array(Sc * NP * L);
  const startFlow = new Float64Array(L * A);
  const transFlow = new Float64Array(L * S * S);
  for (let p = 0; p < NP; p++) {
    for (let s = 0; s < S && transfersMun >= 0; s++) {
      const amount = transfer[p * S + s];
      if (hasLadder && reimbursed[s] === 1) {
        // The municipality pays its ladder share of each citizen's transfer; the state the rest.
        netFlow[(p * L + transfersMun) * S + s] += amount;
        stateFlow[(p * L + transfersState) * S + s] += amount;
        netFlow[(p * L + transfersState) * S + s] -= amount;
      } else stateFlow[(p * L + transfersMun) * S + s] += amount;
    }
    for (let s = 0; s < S && premium >= 0; s++)
      if (paidHours[s] === 1) stateFlow[(p * L + premium) * S + s] -= model.costs.premiumPerPaidHoursMonth;
    for (let a = 1; a < A && interventions >= 0; a++) armBenefit[(p * L + interventions) * A + a] += armCost[p * A + a];
    model.scenarios.forEach((sc, k) => {
      if (interventions >= 0) fixedFlow[(k * NP + p) * L + interventions] += sc.fixedMonthlyCost;
    });
  }
  for (const e of entries) e();
  const years = cycleYears(model);
  const disc = new Float64Array(L * (H + 1));
  lines.forEach((ln, l) => {
    const delta = (1 + ln.discountRate) ** -years;
    for (let t = 0; t <= H; t++) disc[l * (H + 1) + t] = delta ** t;
  });
  return {
    lines,
    stateFlow,
    netFlow,
    armBenefit,
    armAlways,
    fixedFlow,
    startFlow,
    transFlow,
    disc,
    counting: COUNTING[model.counting],
    trackStarts: startFlow.some((x) => x !== 0),
    trackTransitions: transFlow.some((x) => x !== 0),
  };
}
