/**
 * The model format, as a zod schema: the source of truth for its types (`types.ts` infers
 * them from here) and for the JSON Schema in `schema/` (`npm run schema`). Structural
 * checks live here; checks that need the whole model (ids that must exist, row sums, share
 * sums) live in `validate.ts`. The TSDoc on each field is what typedoc shows for the
 * inferred types; it stays out of the JSON Schema.
 * @module
 */
import { z } from 'zod';
import { LIMITS } from './bounds.js';
import { MONTH_PATTERN } from './dates.js';

const id = z.string().min(1, 'expected a non-empty id').max(200, 'expected an id of at most 200 characters');
const nonNegative = z.number().min(0, 'expected a number >= 0');
const MONEY_MAX = `expected at most ${LIMITS.money.toLocaleString('en')} DKK`;
/** An amount of money, DKK: at most {@link LIMITS.money} so sums over citizens and months stay finite. */
const money = nonNegative.max(LIMITS.money, MONEY_MAX);
/** A count of citizens (a group size, an allocated count). */
const citizens = z
  .number()
  .int('expected a non-negative integer')
  .min(0, 'expected a non-negative integer')
  .max(LIMITS.citizens, `expected at most ${LIMITS.citizens.toLocaleString('en')} citizens`);
const caseload = z
  .number()
  .min(LIMITS.minCaseload, `expected a caseload of at least ${LIMITS.minCaseload} citizens per caseworker`)
  .max(
    LIMITS.maxCaseload,
    `expected a caseload of at most ${LIMITS.maxCaseload.toLocaleString('en')} citizens per caseworker`,
  );
const caseworkers = nonNegative.max(
  LIMITS.caseworkers,
  `expected at most ${LIMITS.caseworkers.toLocaleString('en')} caseworkers`,
);
const places = z
  .number()
  .int('expected a whole number of places')
  .min(0, 'expected places >= 0')
  .max(LIMITS.places, `expected at most ${LIMITS.places.toLocaleString('en')} places`);
const probability = z.number().min(0, 'expected a probability in [0, 1]').max(1, 'expected a probability in [0, 1]');
/**
 * Monthly transition probabilities: `rows[from][to]` is the probability of moving from
 * `from` to `to` at the end of a month; the rest of the row is the probability of staying.
 */
export const rowsSchema = z.record(id, z.record(id, probability));
const rows = rowsSchema;

const positive = z.number().gt(0, 'expected a number > 0');
const share = z.number().min(0, 'expected a share in [0, 1]').max(1, 'expected a share in [0, 1]');
const months = z
  .number()
  .int('expected a whole number of months')
  .min(0, 'expected a whole number of months >= 0')
  .max(LIMITS.months, `expected at most ${LIMITS.months} months`);
const monthCount = z
  .number()
  .int('expected a whole number of months')
  .min(1, 'expected at least 1 month')
  .max(LIMITS.months, `expected at most ${LIMITS.months} months`);

/** An amount per cycle or per event: money (may be negative: revenue, an offset) or an effect such as QALYs. */
const amount = z
  .number()
  .min(-LIMITS.money, `expected at least ${(-LIMITS.money).toLocaleString('en')}`)
  .max(LIMITS.money, `expected at most ${LIMITS.money.toLocaleString('en')}`);

/**
 * One entry of an account: `amount` of the account's unit, booked to `account` (declared in
 * the model's `accounts`, or one of the built-in `transfers`, `interventions`, `premium`)
 * and, for money, to a `payer`.
 */
export const flowSchema = z.strictObject({
  /** The account's id (e.g. `taxes`, `health`, `qaly`). */
  account: id,
  /** Who pays (money accounts): `municipality` (default), `state`, `region` or any id. Negative amounts are income. */
  payer: id.optional(),
  /** Amount per cycle (state and intervention flows) or per event (start and transition flows). */
  amount,
  /** What it is, for reports. */
  label: z.string().optional(),
});

/** A flow while an intervention is held. */
export const interventionFlowSchema = flowSchema.extend({
  /** `benefit` (default): for each cycle its holder spends in a benefit state; `always`: in every state. */
  while: z.enum(['benefit', 'always']).optional(),
});

/** A one-off amount each time a citizen moves from one state to another. */
export const transitionFlowSchema = flowSchema.extend({
  /** The state left. */
  from: id,
  /** The state entered. */
  to: id,
});

/** An account: what its entries measure and how they are discounted. */
export const accountSchema = z.strictObject({
  /** `money` (default; entries have payers) or `effect` (QALYs, life years, successes: higher is better). */
  kind: z.enum(['money', 'effect']).optional(),
  /** Unit of the amounts (default `DKK` for money, the account id for effects), e.g. `GBP`, `QALY`, `LY`. */
  unit: z.string().min(1, 'expected a non-empty unit').optional(),
  /** Annual discount rate (default `costs.discountRate`), applied per cycle as (1 + rate)^−(cycle length in years). */
  discountRate: z.number().min(0, 'expected an annual rate >= 0').max(1, 'expected an annual rate <= 1').optional(),
  /** Human-readable label. */
  label: z.string().optional(),
});

/** What a state means for the outcome metrics. */
export const stateKindSchema = z.enum(['benefit', 'success', 'exit']);

/** A state a citizen can occupy for a month. */
export const stateSchema = z.strictObject({
  /** Unique id, referenced by transitions, groups and interventions. */
  id,
  /** `benefit` (on public support), `success` (job, education, flex job) or `exit` (other exits). */
  kind: stateKindSchema,
  /** DKK paid for every month a citizen spends in this state (default 0). */
  monthlyTransfer: money.optional(),
  /** Human-readable label for tables and reports. */
  label: z.string().optional(),
  /**
   * A benefit state in which the citizen works some paid hours (lønnede timer) while still
   * on benefit; counts towards `paidHoursRate` and the paid-hours premium.
   */
  paidHours: z.boolean().optional(),
  /**
   * Whether the state's transfer is reimbursed by the state after the refusion ladder
   * (`costs.refusion`); default true for benefit states, false otherwise.
   */
  reimbursed: z.boolean().optional(),
  /**
   * How a month in the state counts on the refusion ladder (`costs.refusion`):
   * `"support"`, a month with a benefit the law counts (§ 3 of the Danish law: kontanthjælp,
   * sygedagpenge, ressourceforløbsydelse, ledighedsydelse, fleksløntilskud, …), advances
   * the citizen's months on support; `"selfSupport"`, a month of self-support (§ 6, stk. 2:
   * no public support and no wage subsidy), counts towards restarting the ladder;
   * `"neither"` does neither. Default: `"support"` for benefit states and, with
   * `refusion: "dk"`, for reimbursed states of other kinds (a flex job's subsidy);
   * `"selfSupport"` for other success states; `"neither"` otherwise.
   */
  refusionCount: z.enum(['support', 'selfSupport', 'neither']).optional(),
  /** Amounts booked for every cycle a citizen spends in this state (beside `monthlyTransfer`, which is the `transfers` account). */
  flows: z.array(flowSchema).optional(),
});

/**
 * A relative effect on one transition of the baseline row. Give exactly one of the three.
 * A hazard ratio scales the cause-specific monthly hazard −log(1 − p_total)·p/p_total;
 * an odds ratio scales p/(1 − p); a risk ratio scales p itself.
 */
export const effectSchema = z.strictObject({
  /** Multiplier on the cause-specific hazard ("raises exits to job by 25 %" = 1.25). */
  hazardRatio: nonNegative.optional(),
  /** Multiplier on the odds p/(1 − p) of the transition. */
  oddsRatio: nonNegative.optional(),
  /** Multiplier on the probability itself. */
  riskRatio: nonNegative.optional(),
});

/** Intervention cost built from caseworker time. */
export const staffingSchema = z.strictObject({
  /** Cost of one caseworker for a year, DKK (salary, overhead). */
  annualCostPerCaseworker: money,
  /** Citizens per caseworker. */
  caseload,
  /** Conversations per citizen per year, priced by `costPerConversation`. */
  conversationsPerYear: nonNegative
    .max(
      LIMITS.conversationsPerYear,
      `expected at most ${LIMITS.conversationsPerYear.toLocaleString('en')} conversations a year`,
    )
    .optional(),
  /** Extra cost per conversation, DKK (default 0: covered by the caseload). */
  costPerConversation: money.optional(),
});

/** An observed completion share: `share` of courses ended within `withinMonths`. */
export const completionSchema = z.strictObject({
  /** Share of courses ended, in (0, 1). */
  share: z.number().gt(0, 'expected a share in (0, 1)').lt(1, 'expected a share in (0, 1)'),
  /** Months within which they ended. */
  withinMonths: monthCount,
});

/** An observed paid-hours share. */
export const paidHoursSchema = z.strictObject({
  /** The paid-hours state (marked `paidHours`); its own row must be in `transitions`. */
  state: id,
  /** Share of citizens ever in paid hours within `withinMonths`. */
  everShare: z.number().min(0, 'expected a share in [0, 1)').lt(1, 'expected a share in [0, 1)'),
  /** Months from the start of the course (default: the calibration's `observedMonths`, else the whole course). */
  withinMonths: monthCount.optional(),
});

/**
 * Observed figures for one benefit state, turned into its baseline row. See
 * `calibrateRow` (`forlob/statistics`) for the maths.
 */
export const calibrationSchema = z.strictObject({
  /** Share of completed courses ending in each destination (Jobindsats "1 month after"). */
  completedShares: z.record(id, share),
  /** The state that takes the rest of the completed courses (e.g. "out"). */
  otherExit: id.optional(),
  /** Mean months until a course ends; give this or `completion`. */
  meanMonths: z.number().min(1, 'expected a mean of at least 1 month').optional(),
  /** Share of courses ended within some months; give this or `meanMonths`. */
  completion: completionSchema.optional(),
  /** Paid hours while on benefit: the paid-hours state and the share ever reaching it. */
  paidHours: paidHoursSchema.optional(),
  /**
   * Months over which the shares were observed, from the start of a course. Omitted: the
   * whole course — Jobindsats reports where *completed* courses went — so the calibrated
   * rows never depend on the simulation's `horizonMonths`.
   */
  observedMonths: monthCount.optional(),
});

/**
 * Duration dependence: monthly exit hazards multiplied by a factor per duration band.
 * Bands start at `bands[i]` months (the first at 0) of the chosen clock.
 */
export const durationSchema = z.strictObject({
  /** `state`: months since entering the current state; `benefit`: cumulative months on benefit. */
  clock: z.enum(['state', 'benefit']),
  /** Band starts in months, ascending, beginning with 0. */
  bands: z
    .array(
      z
        .number()
        .int('expected a whole number of months')
        .min(0, 'expected a whole number of months >= 0')
        .max(LIMITS.clockMonths, `expected at most ${LIMITS.clockMonths} months`),
    )
    .min(1, 'expected at least one band'),
  /** Per from-state, a hazard ratio per band (applied to every exit of the row). */
  hazardRatios: z.record(id, z.array(nonNegative)),
});

/**
 * The restart of a refusion ladder's count: at a month on support, the count starts again
 * from its first step when the citizen has had `selfSupportMonths` months of self-support
 * (states with `refusionCount: "selfSupport"`) within the last `withinMonths` months since
 * the count began. The Danish law's § 6: 52 weeks within 3 years, here 12 within 36 months.
 */
export const refusionRestartSchema = z.strictObject({
  /** Months of self-support that restart the count (the law: 52 weeks, 12 months). */
  selfSupportMonths: monthCount,
  /** The window they must fall in, in months back from the return (the law: 3 years, 36 months). */
  withinMonths: monthCount,
});

/** A reimbursement ladder by cumulative weeks on support. */
export const refusionLadderSchema = z.strictObject({
  /** First week of each step, ascending from 1. */
  fromWeek: z
    .array(
      z
        .number()
        .int('expected a whole week number')
        .min(1, 'expected week numbers >= 1')
        .max(LIMITS.weeks, `expected week numbers <= ${LIMITS.weeks}`),
    )
    .min(1),
  /** Share the state reimburses in each step. */
  reimbursedShare: z.array(share).min(1),
  /** When the count of months on support starts again (default: never). */
  restart: refusionRestartSchema.optional(),
});

/** How money is counted. */
export const costSchema = z.strictObject({
  /**
   * The state's reimbursement of transfers by the citizen's months on support: `"dk"` (the
   * Danish refusion ladder as the law counts it: months in every state with
   * `refusionCount: "support"` advance it, flex-job subsidy included, and it restarts after
   * 12 months of self-support within 36), `"dk-2016"` (the same steps counted over benefit
   * states only and never restarted, as forlob counted before; kept so old results
   * reproduce), `"none"`, or an own ladder. See `REFUSION_DK` in `forlob/presets`.
   */
  refusion: z.union([z.literal('dk'), z.literal('dk-2016'), z.literal('none'), refusionLadderSchema]).optional(),
  /** Annual discount rate for money metrics (default 0). */
  discountRate: z.number().min(0, 'expected an annual rate >= 0').max(1, 'expected an annual rate <= 1').optional(),
  /** Municipal income per citizen-month in a paid-hours state (the coming premium scheme). */
  premiumPerPaidHoursMonth: money.optional(),
});

/** Monthly inflow into a group. */
export const inflowSchema = z.strictObject({
  /**
   * Citizens per month (may be a distribution: one rate per replicate). A fractional
   * rate accumulates: 30.5 a month gives 30, 31, 30, 31, ….
   */
  perMonth: nonNegative.max(
    LIMITS.citizens,
    `expected at most ${LIMITS.citizens.toLocaleString('en')} citizens a month`,
  ),
  /** First month with arrivals (default 1). */
  fromMonth: months.optional(),
  /** Last month with arrivals (default the horizon's last month). */
  toMonth: months.optional(),
  /** Months on support the newcomers bring (refusion ladder; default 0). */
  priorBenefitMonths: months.optional(),
});

/** A group of citizens who start in the same state. */
export const groupSchema = z.strictObject({
  /** Unique id, referenced by scenario allocations. */
  id,
  /** Number of citizens (a non-negative integer). */
  size: citizens,
  /** The state every citizen of the group occupies in month 0. */
  initialState: id,
  /** Human-readable label. */
  label: z.string().optional(),
  /**
   * Months the citizens have already spent on public support before month 0: their
   * starting point on the refusion ladder and on the `benefit` duration clock (default 0).
   */
  priorBenefitMonths: months.optional(),
  /** Months already spent in the initial state, for the `state` duration clock (default 0). */
  initialDurationMonths: months.optional(),
  /**
   * New citizens arriving each month, so the population is open. They form their own
   * group in the results (`<id>:inflow`) with the same initial state and the group's
   * allocation shares (a `{count}` allocation counts as count/size).
   */
  inflow: inflowSchema.optional(),
  /**
   * The covariate classes of the group's citizens, by covariate: `{"sex": "f", "age_band":
   * "30-49"}`. A fitted model records them (`forlob fit --covariates`); results can then be
   * broken down by a covariate (`forlob run --by sex`, `classBreakdown`), adding up the groups
   * of each class, their inflow included. Simulation ignores them.
   */
  classes: z
    .record(z.string().min(1, 'expected a covariate name'), z.string().min(1, 'expected a non-empty class'))
    .optional(),
});

/**
 * A limit on how many citizens can hold an intervention at once: `places`, or
 * `caseworkers × caseload` (17 × 35 ≈ 595). A holder keeps the place until the first exit
 * from benefit. When all places are taken, citizens allocated to the intervention wait
 * first come, first served (`whenFull: "queue"`, the default) on the `fallback`
 * intervention's rows (default none), or get the fallback for good (`"fallback"`).
 * Waiting citizens who leave benefit leave the queue.
 */
export const capacitySchema = z.strictObject({
  /** Number of places. */
  places: places.optional(),
  /** Caseworkers (with `caseload`). */
  caseworkers: caseworkers.optional(),
  /** Citizens per caseworker (with `caseworkers`). */
  caseload: caseload.optional(),
  /** What happens when full: wait for a place, or take the fallback for good. */
  whenFull: z.enum(['queue', 'fallback']).optional(),
  /** Intervention id for those waiting or turned away (default none). */
  fallback: id.optional(),
});

/**
 * An intervention (an effort such as "Flere skal med"): it replaces whole baseline rows
 * for its holders and costs `monthlyCost` for each month its holder spends in a benefit state.
 */
export const interventionSchema = z.strictObject({
  /** Unique id, referenced by scenario allocations. */
  id,
  /** DKK charged for each month the holder spends in a benefit state (default 0). */
  monthlyCost: money.optional(),
  /** Rows replacing the baseline rows for the same from-states (whole rows, not merged). */
  transitions: rows.optional(),
  /** Relative effects on the (baseline or replaced) rows, applied after `transitions`. */
  effects: z.record(z.string().min(1), z.record(z.string().min(1), effectSchema)).optional(),
  /** Adds annualCostPerCaseworker / caseload / 12 (+ conversations) to `monthlyCost`. */
  staffing: staffingSchema.optional(),
  /** Places: at most this many citizens hold the intervention at once (see `CapacitySpec`). */
  capacity: capacitySchema.optional(),
  /** Amounts booked for every cycle a holder spends in a benefit state (or in any state: `while: "always"`). */
  flows: z.array(interventionFlowSchema).optional(),
  /** One-off amounts booked when a citizen starts holding the intervention. */
  startFlows: z.array(flowSchema).optional(),
  /** Human-readable label. */
  label: z.string().optional(),
  /** Where the numbers come from. */
  source: z.string().optional(),
});

/** A fixed number of citizens in an allocation. */
export const allocationCountSchema = z.strictObject({
  /** Number of citizens (a non-negative integer). */
  count: citizens,
});

/** What a steering rule can look at, as of the review month. */
export const steeringSignalSchema = z.enum(['freeCapacity', 'queue', 'exits', 'exitRate', 'spending', 'share']);

/**
 * One data rule of portfolio steering: when `signal` is above `above` (or below `below`;
 * give one), propose changing the share by `change` (e.g. 0.05 = +5 percentage points).
 * The proposals of all rules that hold are added up, then limited to ±`maxStep`.
 */
export const steeringRuleSchema = z.strictObject({
  /**
   * `freeCapacity`: free places of the active intervention as a share of its places
   * (needs a capacity); `queue`: citizens waiting for it; `exits`: steered citizens who
   * left benefit since the last review; `exitRate`: those exits over the steered citizens
   * on benefit at the last review; `spending`: the scenario's intervention cost since the
   * last review over `budget`; `share`: the current share.
   */
  signal: steeringSignalSchema,
  /** The rule holds when the signal is above this. */
  above: z.number().optional(),
  /** The rule holds when the signal is below this. */
  below: z.number().optional(),
  /** Proposed change of the share when the rule holds (share points, ±). */
  change: z
    .number()
    .min(-1, 'expected a change of the share in [-1, 1]')
    .max(1, 'expected a change of the share in [-1, 1]'),
});

/**
 * Portfolio steering: a rule, evaluated every `everyMonths` inside the simulation, that
 * moves the share of the steered groups' citizens holding the active intervention (see
 * `SteeringSpec`).
 */
export const steeringSchema = z.strictObject({
  /** The active intervention whose share is steered. */
  intervention: id,
  /** Groups steered (default: every group whose allocation names the intervention); their inflow follows them. */
  groups: z.array(id).min(1, 'expected at least one group').optional(),
  /** Intervention for citizens moved out (default: the group's other allocated intervention, else none). */
  otherwise: id.optional(),
  /** Months between reviews (default 3: a quarter). */
  everyMonths: monthCount.optional(),
  /** Largest change of the share at one review (default 0.05). */
  maxStep: share.optional(),
  /** Lowest share (default 0). */
  minShare: share.optional(),
  /** Highest share (default 1). */
  maxShare: share.optional(),
  /** Budget for intervention spending per review period, DKK (needed by the `spending` signal). */
  budget: positive.max(LIMITS.money, MONEY_MAX).optional(),
  /** The data rules. */
  rules: z.array(steeringRuleSchema).optional(),
  /** Name of a TypeScript rule passed in the `steeringRules` option; applied after the data rules. */
  custom: id.optional(),
});

/**
 * A scenario: who gets which intervention. `allocation[group][intervention]` is the share
 * of the group given the intervention; the rest of the group gets none.
 */
export const scenarioSchema = z.strictObject({
  /** Unique id. */
  id,
  /**
   * Per group and intervention, a share of the group or `{ "count": n }` citizens; a
   * group's shares and counts together may not exceed the group.
   */
  allocation: z.record(id, z.record(id, z.union([share, allocationCountSchema]))).optional(),
  /**
   * A fixed cost of the scenario per month, DKK (e.g. a pool paying caseworkers whatever
   * the caseload); added to the total `interventionCost`, not to any group's.
   */
  fixedMonthlyCost: money.optional(),
  /** Fixed amounts of the scenario per cycle, whoever is simulated (beside `fixedMonthlyCost`, the `interventions` account). */
  flows: z.array(flowSchema).optional(),
  /**
   * Who gets the interventions when the model has `readiness` classes: `random` (default;
   * every intervention spread evenly over the classes) or `ready-first` (the most ready
   * citizens first, in allocation order — "20 % FSM to the most motivated").
   */
  targeting: z.enum(['random', 'ready-first']).optional(),
  /**
   * Portfolio steering: a rule, evaluated every quarter inside the simulation, that moves
   * the share of citizens given the active intervention (see `SteeringSpec`).
   */
  steering: steeringSchema.optional(),
  /** Human-readable label. */
  label: z.string().optional(),
  /** Where the scenario comes from. */
  source: z.string().optional(),
});

/** How a calendar step changes a state. */
export const calendarStateChangeSchema = z.strictObject({
  /** The new monthly transfer, DKK. */
  monthlyTransfer: money.optional(),
  /** Flows replacing the state's flows. */
  flows: z.array(flowSchema).optional(),
});

/** A dated change of an intervention's capacity. */
export const capacityChangeSchema = z.strictObject({
  /** Number of places. */
  places: places.optional(),
  /** Caseworkers (the caseload stays unless given). */
  caseworkers: caseworkers.optional(),
  /** Citizens per caseworker. */
  caseload: caseload.optional(),
});

/** How a calendar step changes an intervention. */
export const calendarInterventionChangeSchema = z.strictObject({
  /** Rows replacing the intervention's rows (whole rows). */
  transitions: rows.optional(),
  /** Relative effects replacing the intervention's effects. */
  effects: z.record(z.string().min(1), z.record(z.string().min(1), effectSchema)).optional(),
  /** New monthly cost (DKK), replacing `monthlyCost` and staffing. */
  monthlyCost: money.optional(),
  /** Flows replacing the intervention's flows (e.g. a drug paid for the first two years only). */
  flows: z.array(interventionFlowSchema).optional(),
  /** False: citizens arriving from this step on no longer get it (they get no intervention). */
  available: z.boolean().optional(),
  /**
   * New capacity from this step on (staff changes: `{ "caseworkers": 12 }` keeps the
   * caseload). Holders keep their places when it shrinks; nobody new is admitted until
   * the holders are fewer than the places.
   */
  capacity: capacityChangeSchema.optional(),
});

/** One dated step of the calendar. */
export const calendarStepSchema = z.strictObject({
  /** When it takes effect: `YYYY-MM` (needs the model's `start`) or a month index 1 … H−1. */
  from: z.union([
    z.string().regex(MONTH_PATTERN, 'expected a date YYYY-MM'),
    z
      .number()
      .int('expected a month index')
      .min(1, 'expected a month index >= 1')
      .max(LIMITS.months, `expected a month index <= ${LIMITS.months}`),
  ]),
  /** What it is, for reports (e.g. "no new ressourceforløb"). */
  label: z.string().optional(),
  /** Baseline rows replaced from this step on (whole rows). */
  transitions: rows.optional(),
  /** New monthly transfers per state. */
  states: z.record(id, calendarStateChangeSchema).optional(),
  /** Changes per intervention: rows, effects, monthly cost, and whether new citizens can get it. */
  interventions: z.record(id, calendarInterventionChangeSchema).optional(),
});

/**
 * Latent job readiness. Every group is split into `classes` equal classes, the most ready
 * first; class k's exits to success states (from benefit states) get hazard ratio
 * `hazardRatios[k]`, or exp(σ·z_k) with z_k the class's normal quantile midpoint.
 */
export const readinessSchema = z.strictObject({
  /** Number of classes (default 5). */
  classes: z
    .number()
    .int('expected a whole number of classes')
    .min(1, 'expected at least 1 class')
    .max(LIMITS.classes, `expected at most ${LIMITS.classes} classes`)
    .optional(),
  /** Spread of the log hazard ratio over citizens (default 0.5). */
  sigma: nonNegative.optional(),
  /** Explicit hazard ratio per class, most ready first (overrides classes and sigma). */
  hazardRatios: z
    .array(nonNegative)
    .min(1, 'expected at least one hazard ratio')
    .max(LIMITS.classes, `expected at most ${LIMITS.classes} hazard ratios (one per class)`)
    .optional(),
});

/**
 * The model's words in another language, for reports and plots in that language (`--lang
 * da`): labels by id, the name, description, sources and calendar labels. Anything missing
 * falls back to the model's own text. Simulation ignores it; ids must name the model's
 * states, groups, interventions, scenarios and calendar steps (`validate` checks).
 */
export const translationSchema = z.strictObject({
  /** The model's name. */
  name: z.string().optional(),
  /** The model's description. */
  description: z.string().optional(),
  /** State labels by state id. */
  states: z.record(id, z.string()).optional(),
  /** Group labels by group id. */
  groups: z.record(id, z.string()).optional(),
  /** Intervention labels by intervention id. */
  interventions: z.record(id, z.string()).optional(),
  /** Scenario labels by scenario id. */
  scenarios: z.record(id, z.string()).optional(),
  /** Intervention sources by intervention id. */
  interventionSources: z.record(id, z.string()).optional(),
  /** Scenario sources by scenario id. */
  scenarioSources: z.record(id, z.string()).optional(),
  /** Sources of the named parameters (the `parameters` block) by name. */
  parameterSources: z.record(id, z.string()).optional(),
  /** Calendar step labels by the step's `from` ("2026-02", or a month index as text). */
  calendar: z.record(z.string(), z.string()).optional(),
  /** Account labels by account id (declared accounts and the built-in transfers, interventions, premium). */
  accounts: z.record(id, z.string()).optional(),
});

/** The zod schema of a whole model file (with every number a plain number: see `ModelInput` for the file as written). */
export const modelSchema = z.strictObject({
  /** Optional JSON Schema reference for editors; ignored by forlob. */
  $schema: z.string().optional(),
  /** The model's name, echoed in results. */
  name: z.string().min(1, 'expected a non-empty name'),
  /** Free text describing the model and its sources. */
  description: z.string().optional(),
  /** Number of simulated months H (months 0 … H−1). */
  horizonMonths: z
    .number()
    .int('expected a positive integer number of months')
    .min(1, 'expected a positive integer number of months')
    .max(LIMITS.months, `expected at most ${LIMITS.months} months`),
  /**
   * Calendar month of month 0, `YYYY-MM` (or a full date; the day is ignored). Yearly
   * results then follow calendar years; without it, years are 12-month blocks "year 1", ….
   */
  start: z.string().regex(MONTH_PATTERN, 'expected a date YYYY-MM or YYYY-MM-DD').optional(),
  /** The states. */
  states: z.array(stateSchema).min(1, 'expected at least one state'),
  /** Baseline monthly transition probabilities. */
  transitions: rows.optional(),
  /** The population. */
  groups: z.array(groupSchema).min(1, 'expected at least one group'),
  /** The interventions scenarios can allocate. */
  interventions: z.array(interventionSchema).optional(),
  /** The scenarios to compare; the first is the default baseline. */
  scenarios: z.array(scenarioSchema).min(1, 'expected at least one scenario'),
  /** Baseline rows derived from observed outcome shares (see `calibrate/`). */
  calibration: z.record(id, calibrationSchema).optional(),
  /**
   * Dated steps (a reform calendar): from each step's month on, its changes replace the
   * model's — baseline rows, transfers, interventions' rows, effects, costs and availability.
   * Steps apply cumulatively in order.
   */
  calendar: z.array(calendarStepSchema).optional(),
  /** Latent job readiness: classes of citizens whose exits to success differ. */
  readiness: readinessSchema.optional(),
  /**
   * Named parameters: a number or a distribution (`{"dist": "beta", …}`), referenced
   * anywhere a number goes as `{"param": "name"}`. Any number may also be given inline as a
   * distribution. Each replicate draws every parameter once; in a validated `Model`
   * each holds its value for the replicate.
   */
  parameters: z.record(id, z.number()).optional(),
  /** Duration dependence of the transition probabilities. */
  duration: durationSchema.optional(),
  /** Net cost, discounting and premium settings. */
  costs: costSchema.optional(),
  /**
   * The accounts that flows are booked to, by id, beyond the built-in money accounts
   * `transfers` (states' `monthlyTransfer`, split by payer after refusion), `interventions`
   * (`monthlyCost`, staffing, `fixedMonthlyCost`) and `premium` (the paid-hours premium, as
   * negative municipal cost).
   */
  accounts: z.record(id, accountSchema).optional(),
  /** One-off amounts per move from one state to another. */
  transitionFlows: z.array(transitionFlowSchema).optional(),
  /**
   * What one step of the simulation is (default `month`). With `year`, rows are yearly
   * probabilities, `horizonMonths` counts years, each step is its own year in the yearly
   * results, and discounting is per year.
   */
  cycle: z.enum(['month', 'year']).optional(),
  /**
   * When a cycle's state and intervention flows are counted (default `start`): `start` counts
   * the state held during the cycle, discounted from its start; `end` the state reached at its
   * end, discounted to its end; `half-cycle` the mean of the two (half-cycle correction).
   * Legacy money metrics (`transferCost` …) always count at the start.
   */
  counting: z.enum(['start', 'end', 'half-cycle']).optional(),
  /** The model's words in other languages, by language (`da`, `en`); reports and plots only. */
  translations: z
    .strictObject({
      /** Danish words (`--lang da`). */
      da: translationSchema.optional(),
      /** English words (`--lang en`), in place of the model's own where given. */
      en: translationSchema.optional(),
    })
    .optional(),
});
