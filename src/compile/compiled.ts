/**
 * What compilation produces: the model as flat typed arrays the engine runs without
 * touching JSON. An "arm" is one intervention (arm 0 = no intervention); every arm has a
 * full set of rows per readiness class, calendar period and duration band, so the hot loop
 * never asks whether a row was overridden. Money tables are precomputed so the engine only adds.
 * @module
 */
import type { CompiledSteering } from './steering.js';

/** State kinds as small integers for the hot loop. */
export const KIND_BENEFIT = 0;
/** @see KIND_BENEFIT */
export const KIND_SUCCESS = 1;
/** @see KIND_BENEFIT */
export const KIND_EXIT = 2;

/** One block of citizens sharing group and arm within a scenario. */
export interface Cohort {
  group: number;
  arm: number;
  count: number;
  /** Index of the cohort's first citizen in the population; the key of its random streams. */
  firstCitizen: number;
  /** Month the cohort enters (0 for the initial population, later for inflow). */
  start: number;
  /** Index of the cohort's rows: arm · K + readiness class. */
  rowArm: number;
}

/** A scenario as the engine sees it. */
export interface CompiledScenario {
  id: string;
  cohorts: Cohort[];
  /** counts[g * A + a]: citizens of group g holding arm a. */
  counts: Int32Array;
  /** Fixed cost per month, DKK. */
  fixedMonthlyCost: number;
  /** Portfolio steering, if the scenario has it. */
  steering?: CompiledSteering;
  /**
   * Whether the scenario runs on the month-by-month lockstep engine (`engine/lockstep/`):
   * with steering, or with a capacity that changes over time on an arm it uses.
   */
  lockstep: boolean;
}

/** The discount and refusion tables of a compiled model (`money.ts`). */
export interface MoneyTables {
  /** discPrefix[t] = Σ_{j<t} δ^j: discounted months from 0 to t. */
  discPrefix: Float64Array;
  /** discPow[t] = δ^t for t ≤ H. */
  discPow: Float64Array;
  /** discInv[c] = δ^−c for clock values c. */
  discInv: Float64Array;
  /** municipal[c]: the municipality's share of a transfer in the c-th month on support. */
  municipal: Float64Array;
  /** munPrefix[c] = Σ_{j<c} δ^j · municipal[j]. */
  munPrefix: Float64Array;
  /** Premium income per month in a paid-hours state. */
  premium: number;
  /**
   * Whether money needs more than plain months: discounting or a refusion ladder. Without
   * either, discounted and net months equal months and the engine skips them.
   */
  moneyDetail: boolean;
  /** Whether there is a refusion ladder (net transfers differ from gross). */
  hasLadder: boolean;
  /** From this month on support the municipal share no longer changes. */
  constFrom: number;
  /**
   * Months of self-support that restart the ladder's count (0: it never restarts), and the
   * window in months they must fall in (`restart` of the ladder; `"dk"`: 12 within 36).
   */
  restartMonths: number;
  /** @see restartMonths */
  restartWindow: number;
}

/** One line of the accounts: an account and, for money, its payer. */
export interface AccountLine {
  /** The account's id. */
  account: string;
  /** Who pays (money), null for an effect account. */
  payer: string | null;
  /** `money` or `effect`. */
  kind: 'money' | 'effect';
  /** Unit of the amounts. */
  unit: string;
  /** Annual discount rate. */
  discountRate: number;
}

/**
 * The accounts of a compiled model (`accounts.ts`): amounts per line l of {@link lines}
 * (L lines), calendar period p (NP), state s, arm a and scenario k.
 */
export interface CompiledAccounts {
  /** The lines, built-in ones first. */
  lines: AccountLine[];
  /** stateFlow[(p · L + l) · S + s]: amount per cycle a citizen spends in state s. */
  stateFlow: Float64Array;
  /**
   * netFlow[(p · L + l) · S + s]: amount per cycle weighted by the municipality's share on
   * the refusion ladder (the transfers of reimbursed states).
   */
  netFlow: Float64Array;
  /** armBenefit[(p · L + l) · A + a]: amount per cycle a holder of arm a spends in a benefit state. */
  armBenefit: Float64Array;
  /** armAlways[(p · L + l) · A + a]: amount per cycle a holder of arm a spends in any state. */
  armAlways: Float64Array;
  /** fixedFlow[(k · NP + p) · L + l]: amount per cycle of scenario k. */
  fixedFlow: Float64Array;
  /** startFlow[l · A + a]: one-off amount when a citizen starts holding arm a. */
  startFlow: Float64Array;
  /** transFlow[(l · S + from) · S + to]: one-off amount per move. */
  transFlow: Float64Array;
  /** disc[l · (H + 1) + t]: the line's discount factor at cycle t. */
  disc: Float64Array;
  /** 0: count at the start of a cycle, 1: at its end, 2: half-cycle correction. */
  counting: number;
  /** Whether the engine must count intervention starts (some start flow is not 0). */
  trackStarts: boolean;
  /** Whether the engine must count transitions (some transition flow is not 0). */
  trackTransitions: boolean;
}

/** The capacity arrays of a compiled model (`capacity.ts`). */
export interface CompiledCapacity {
  /** capPlaces[a]: places of arm a, −1 for no limit. */
  capPlaces: Int32Array;
  /** capFallback[a]: the arm those waiting for (or turned away from) arm a hold. */
  capFallback: Int32Array;
  /** capQueue[a]: 1 when those turned away wait for a place, 0 when they keep the fallback. */
  capQueue: Uint8Array;
  /** Whether any arm has a capacity. */
  hasCapacity: boolean;
  /** capAt[p · A + a]: places of arm a in calendar period p (−1 for no limit). */
  capAt: Int32Array;
  /** Whether some arm's places change over the calendar. */
  capVaries: boolean;
  /** armOpen[p · A + a]: 1 when newcomers can get arm a in calendar period p. */
  armOpen: Uint8Array;
}

/**
 * The model as flat arrays; see the module comment. Row index
 * r = (((a · K + c) · S + s) · NP + p) · NB + b for arm a, readiness class c, state s,
 * calendar period p and duration band b.
 */
export interface CompiledModel extends MoneyTables, CompiledCapacity {
  H: number;
  /** Number of states. */
  S: number;
  /** Number of arms: interventions + 1. */
  A: number;
  /** Number of readiness classes (1 without readiness). */
  K: number;
  /** Number of groups. */
  G: number;
  /** Number of duration bands. */
  NB: number;
  /** Number of calendar periods (1 without a calendar). */
  NP: number;
  /** periodOf[t]: the calendar period of month t. */
  periodOf: Int32Array;
  /** periodEnd[p]: first month after period p. */
  periodEnd: Int32Array;
  /**
   * Whether a stay runs across calendar steps, its length drawn by inverting the
   * cumulative hazard over the periods it crosses (one uniform per stay), instead of being
   * cut at every step and drawn afresh. Both are exact in distribution; they consume the
   * random stream differently. Set when the calendar has more than
   * 12 periods (`INVERT_PERIODS_ABOVE` in compile.ts) and nothing needs the cut: no capacity, no
   * steering, no restart of the refusion count, and months by cell (G · A · S · (H + 1))
   * within 2²² (see `compile.ts`).
   */
  invertPeriods: boolean;
  /** True when bands follow cumulative months on benefit, false for months in the state. */
  clockBenefit: boolean;
  /** bandStart[b]: first clock value of band b; bandStart[NB] = a large sentinel. */
  bandStart: Int32Array;
  kind: Uint8Array;
  paidHours: Uint8Array;
  reimbursed: Uint8Array;
  /**
   * onLadder[s]: 1 when a month in s advances the refusion ladder's count (`refusionCount:
   * "support"`); without a ladder, 1 for benefit states (the count is the benefit clock).
   */
  onLadder: Uint8Array;
  /** selfSupport[s]: 1 when a month in s is self-support towards the ladder's restart. */
  selfSupport: Uint8Array;
  /** transfer[p · S + s]: monthly transfer of state s in period p. */
  transfer: Float64Array;
  /** armCost[p · A + a]: monthly cost of arm a in period p while its holder is in a benefit state. */
  armCost: Float64Array;
  /** stay[r]: probability of staying a month (r: see {@link CompiledModel}). */
  stay: Float64Array;
  /** logStay[r] = log(stay[r]), for geometric waiting times. */
  logStay: Float64Array;
  /** leave[r] = 1 − stay[r]. */
  leave: Float64Array;
  /** cum[r·S + d]: cumulative probability of leaving for states 0…d. */
  cum: Float64Array;
  /** lastDest[r]: the last destination with positive probability (guards rounding). */
  lastDest: Int32Array;
  /** Group ids: the model's groups, then one `<id>:inflow` group per group with inflow. */
  groupIds: string[];
  groupSize: Int32Array;
  groupInitial: Int32Array;
  groupPrior: Int32Array;
  groupInitialDuration: Int32Array;
  /** yearOf[t]: index of month t's year in {@link CompiledModel.years}. */
  yearOf: Int32Array;
  /** Year labels: calendar years with a `start` date, else "year 1", "year 2", …. */
  years: string[];
  /** End (exclusive) of each year in months. */
  yearEnd: Int32Array;
  scenarios: CompiledScenario[];
  /** Every money and value flow as account lines. */
  accounts: CompiledAccounts;
  /** Total citizens in the population. */
  N: number;
}
