/**
 * The model format: plain, JSON-able data. Everything the engine runs is described here;
 * validation (`schema.ts`) checks it and `normalise.ts` fills in defaults.
 * @module
 */

/** What a state means for the outcome metrics. */
export type StateKind = 'benefit' | 'success' | 'exit';

/**
 * A state a citizen can occupy for a month.
 *
 * @example
 * ```ts
 * const kh: StateSpec = { id: 'kh', kind: 'benefit', monthlyTransfer: 12500 };
 * ```
 */
export interface StateSpec {
  /** Unique id, referenced by transitions, groups and interventions. */
  id: string;
  /** `benefit` (on public support), `success` (job, education, flex job) or `exit` (other exits). */
  kind: StateKind;
  /** DKK paid for every month a citizen spends in this state (default 0). */
  monthlyTransfer?: number;
  /** Human-readable label for tables and reports. */
  label?: string;
  /**
   * A benefit state in which the citizen works some paid hours (lønnede timer) while still
   * on benefit; counts towards `paidHoursRate` and the paid-hours premium.
   */
  paidHours?: boolean;
  /**
   * Whether the state's transfer is reimbursed by the state after the refusion ladder
   * (`costs.refusion`); default true for benefit states, false otherwise.
   */
  reimbursed?: boolean;
}

/**
 * Monthly transition probabilities: `rows[from][to]` is the probability of moving from
 * `from` to `to` at the end of a month; the rest of the row is the probability of staying.
 */
export type TransitionRows = Record<string, Record<string, number>>;

/** A group of citizens who start in the same state. */
export interface GroupSpec {
  /** Unique id, referenced by scenario allocations. */
  id: string;
  /** Number of citizens (a non-negative integer). */
  size: number;
  /** The state every citizen of the group occupies in month 0. */
  initialState: string;
  /** Human-readable label. */
  label?: string;
  /**
   * Months the citizens have already spent on public support before month 0: their
   * starting point on the refusion ladder and on the `benefit` duration clock (default 0).
   */
  priorBenefitMonths?: number;
  /** Months already spent in the initial state, for the `state` duration clock (default 0). */
  initialDurationMonths?: number;
  /**
   * New citizens arriving each month, so the population is open. They form their own
   * group in the results (`<id>:inflow`) with the same initial state and the group's
   * allocation shares (a `{count}` allocation counts as count/size).
   */
  inflow?: InflowSpec;
}

/**
 * Latent job readiness. Every group is split into `classes` equal classes, the most ready
 * first; class k's exits to success states (from benefit states) get hazard ratio
 * `hazardRatios[k]`, or exp(σ·z_k) with z_k the class's normal quantile midpoint.
 */
export interface ReadinessSpec {
  /** Number of classes (default 5). */
  classes?: number;
  /** Spread of the log hazard ratio over citizens (default 0.5). */
  sigma?: number;
  /** Explicit hazard ratio per class, most ready first (overrides classes and sigma). */
  hazardRatios?: number[];
}

/** One dated step of the calendar. */
export interface CalendarStep {
  /** When it takes effect: `YYYY-MM` (needs the model's `start`) or a month index 1 … H−1. */
  from: string | number;
  /** What it is, for reports (e.g. "no new ressourceforløb"). */
  label?: string;
  /** Baseline rows replaced from this step on (whole rows). */
  transitions?: TransitionRows;
  /** New monthly transfers per state. */
  states?: Record<string, CalendarStateChange>;
  /** Changes per intervention: rows, effects, monthly cost, and whether new citizens can get it. */
  interventions?: Record<string, CalendarInterventionChange>;
}

/** How a calendar step changes a state. */
export interface CalendarStateChange {
  /** The new monthly transfer, DKK. */
  monthlyTransfer?: number;
}

/** How a calendar step changes an intervention. */
export interface CalendarInterventionChange {
  /** Rows replacing the intervention's rows (whole rows). */
  transitions?: TransitionRows;
  /** Relative effects replacing the intervention's effects. */
  effects?: EffectRows;
  /** New monthly cost (DKK), replacing `monthlyCost` and staffing. */
  monthlyCost?: number;
  /** False: citizens arriving from this step on no longer get it (they get no intervention). */
  available?: boolean;
  /**
   * New capacity from this step on (staff changes: `{ "caseworkers": 12 }` keeps the
   * caseload). Holders keep their places when it shrinks; nobody new is admitted until
   * the holders are fewer than the places.
   */
  capacity?: CapacityChange;
}

/** A dated change of an intervention's capacity. */
export interface CapacityChange {
  /** Number of places. */
  places?: number;
  /** Caseworkers (the caseload stays unless given). */
  caseworkers?: number;
  /** Citizens per caseworker. */
  caseload?: number;
}

/** Monthly inflow into a group. */
export interface InflowSpec {
  /**
   * Citizens per month (may be a distribution: one rate per replicate). A fractional
   * rate accumulates: 30.5 a month gives 30, 31, 30, 31, ….
   */
  perMonth: number;
  /** First month with arrivals (default 1). */
  fromMonth?: number;
  /** Last month with arrivals (default the horizon's last month). */
  toMonth?: number;
  /** Months on support the newcomers bring (refusion ladder; default 0). */
  priorBenefitMonths?: number;
}

/**
 * A relative effect on one transition of the baseline row. Give exactly one of the three.
 * A hazard ratio scales the cause-specific monthly hazard −log(1 − p_total)·p/p_total;
 * an odds ratio scales p/(1 − p); a risk ratio scales p itself.
 */
export interface RelativeEffect {
  /** Multiplier on the cause-specific hazard ("raises exits to job by 25 %" = 1.25). */
  hazardRatio?: number;
  /** Multiplier on the odds p/(1 − p) of the transition. */
  oddsRatio?: number;
  /** Multiplier on the probability itself. */
  riskRatio?: number;
}

/**
 * Relative effects by from-state and to-state. A to-key may be a state id or one of
 * `@success`, `@exit`, `@benefit` (every state of that kind) or `*` (every destination).
 */
export type EffectRows = Record<string, Record<string, RelativeEffect>>;

/**
 * A limit on how many citizens can hold an intervention at once: `places`, or
 * `caseworkers × caseload` (17 × 35 ≈ 595). A holder keeps the place until the first exit
 * from benefit. When all places are taken, citizens allocated to the intervention wait
 * first come, first served (`whenFull: "queue"`, the default) on the `fallback`
 * intervention's rows (default none), or get the fallback for good (`"fallback"`).
 * Waiting citizens who leave benefit leave the queue.
 */
export interface CapacitySpec {
  /** Number of places. */
  places?: number;
  /** Caseworkers (with `caseload`). */
  caseworkers?: number;
  /** Citizens per caseworker (with `caseworkers`). */
  caseload?: number;
  /** What happens when full: wait for a place, or take the fallback for good. */
  whenFull?: 'queue' | 'fallback';
  /** Intervention id for those waiting or turned away (default none). */
  fallback?: string;
}

/** Intervention cost built from caseworker time. */
export interface StaffingSpec {
  /** Cost of one caseworker for a year, DKK (salary, overhead). */
  annualCostPerCaseworker: number;
  /** Citizens per caseworker. */
  caseload: number;
  /** Conversations per citizen per year, priced by `costPerConversation`. */
  conversationsPerYear?: number;
  /** Extra cost per conversation, DKK (default 0: covered by the caseload). */
  costPerConversation?: number;
}

/**
 * An intervention (an effort such as "Flere skal med"): it replaces whole baseline rows
 * for its holders and costs `monthlyCost` for each month its holder spends in a benefit state.
 */
export interface InterventionSpec {
  /** Unique id, referenced by scenario allocations. */
  id: string;
  /** DKK charged for each month the holder spends in a benefit state (default 0). */
  monthlyCost?: number;
  /** Rows replacing the baseline rows for the same from-states (whole rows, not merged). */
  transitions?: TransitionRows;
  /** Relative effects on the (baseline or replaced) rows, applied after `transitions`. */
  effects?: EffectRows;
  /** Adds annualCostPerCaseworker / caseload / 12 (+ conversations) to `monthlyCost`. */
  staffing?: StaffingSpec;
  /** Places: at most this many citizens hold the intervention at once (see {@link CapacitySpec}). */
  capacity?: CapacitySpec;
  /** Human-readable label. */
  label?: string;
  /** Where the numbers come from. */
  source?: string;
}

/** A fixed number of citizens in an allocation. */
export interface AllocationCountValue {
  /** Number of citizens (a non-negative integer). */
  count: number;
}

/** A share of the group (0–1) or a fixed number of citizens. */
export type AllocationValue = number | AllocationCountValue;

/**
 * A scenario: who gets which intervention. `allocation[group][intervention]` is the share
 * of the group given the intervention; the rest of the group gets none.
 */
export interface ScenarioSpec {
  /** Unique id. */
  id: string;
  /**
   * Per group and intervention, a share of the group or `{ "count": n }` citizens; a
   * group's shares and counts together may not exceed the group.
   */
  allocation?: Record<string, Record<string, AllocationValue>>;
  /**
   * Who gets the interventions when the model has `readiness` classes: `random` (default;
   * every intervention spread evenly over the classes) or `ready-first` (the most ready
   * citizens first, in allocation order — "20 % FSM to the most motivated").
   */
  targeting?: 'random' | 'ready-first';
  /**
   * A fixed cost of the scenario per month, DKK (e.g. a pool paying caseworkers whatever
   * the caseload); added to the total `interventionCost`, not to any group's.
   */
  fixedMonthlyCost?: number;
  /**
   * Portfolio steering: a rule, evaluated every quarter inside the simulation, that moves
   * the share of citizens given the active intervention (see {@link SteeringSpec}).
   */
  steering?: SteeringSpec;
  /** Human-readable label. */
  label?: string;
  /** Where the scenario comes from. */
  source?: string;
}

/** What a steering rule can look at, as of the review month. */
export type SteeringSignal = 'freeCapacity' | 'queue' | 'exits' | 'exitRate' | 'spending' | 'share';

/**
 * One data rule of portfolio steering: when `signal` is above `above` (or below `below`;
 * give one), propose changing the share by `change` (e.g. 0.05 = +5 percentage points).
 * The proposals of all rules that hold are added up, then limited to ±`maxStep`.
 *
 * @example
 * ```ts
 * // More job effort while places stand empty, less when the budget is overrun.
 * const rules: SteeringRule[] = [
 *   { signal: 'freeCapacity', above: 0.1, change: 0.05 },
 *   { signal: 'spending', above: 1, change: -0.05 },
 * ];
 * ```
 */
export interface SteeringRule {
  /**
   * `freeCapacity`: free places of the active intervention as a share of its places
   * (needs a capacity); `queue`: citizens waiting for it; `exits`: steered citizens who
   * left benefit since the last review; `exitRate`: those exits over the steered citizens
   * on benefit at the last review; `spending`: the scenario's intervention cost since the
   * last review over `budget`; `share`: the current share.
   */
  signal: SteeringSignal;
  /** The rule holds when the signal is above this. */
  above?: number;
  /** The rule holds when the signal is below this. */
  below?: number;
  /** Proposed change of the share when the rule holds (share points, ±). */
  change: number;
}

/**
 * Portfolio steering ("adjust the share with an active job effort by ±5 percentage points
 * per quarter, based on capacity, progression and economy"). The share is that of the
 * steered groups' citizens still in their first spell on benefit (the stock) who hold (or
 * wait for) `intervention`. Every `everyMonths` months the rules (or a custom TypeScript
 * rule) propose a change; it is limited to ±`maxStep` and to [`minShare`, `maxShare`], and
 * citizens of the stock are moved into or out of the intervention so that the new share of
 * the stock holds it — so places left by those who found work are refilled — the most
 * ready first in and last out with `targeting: "ready-first"`, otherwise at random.
 * Newcomers between reviews get the intervention at the current share. The starting share
 * is the allocation's. The scenario runs on the synchronous engine (`engine/synchronous.ts`).
 *
 * @example
 * ```ts
 * const steering: SteeringSpec = {
 *   intervention: 'fsm', otherwise: 'tvaer', maxStep: 0.05, budget: 2_000_000,
 *   rules: [{ signal: 'exitRate', below: 0.03, change: -0.05 }, { signal: 'spending', below: 0.9, change: 0.05 }],
 * };
 * ```
 */
export interface SteeringSpec {
  /** The active intervention whose share is steered. */
  intervention: string;
  /** Groups steered (default: every group whose allocation names the intervention); their inflow follows them. */
  groups?: string[];
  /** Intervention for citizens moved out (default: the group's other allocated intervention, else none). */
  otherwise?: string;
  /** Months between reviews (default 3: a quarter). */
  everyMonths?: number;
  /** Largest change of the share at one review (default 0.05). */
  maxStep?: number;
  /** Lowest share (default 0). */
  minShare?: number;
  /** Highest share (default 1). */
  maxShare?: number;
  /** Budget for intervention spending per review period, DKK (needed by the `spending` signal). */
  budget?: number;
  /** The data rules. */
  rules?: SteeringRule[];
  /** Name of a TypeScript rule passed in the `steeringRules` option; applied after the data rules. */
  custom?: string;
}

/**
 * A whole model, as written in a model file.
 *
 * @example
 * ```ts
 * const model: ModelSpec = {
 *   name: 'Example',
 *   horizonMonths: 24,
 *   states: [
 *     { id: 'kh', kind: 'benefit', monthlyTransfer: 12500 },
 *     { id: 'job', kind: 'success' },
 *     { id: 'out', kind: 'exit' },
 *   ],
 *   transitions: { kh: { job: 0.012, out: 0.01 } },
 *   groups: [{ id: 'kh', size: 980, initialState: 'kh' }],
 *   interventions: [{ id: 'fsm', monthlyCost: 1800, transitions: { kh: { job: 0.025, out: 0.008 } } }],
 *   scenarios: [
 *     { id: 'today', allocation: { kh: { fsm: 0.6 } } },
 *     { id: 'minimum', allocation: { kh: { fsm: 0.2 } } },
 *   ],
 * };
 * ```
 */
export interface ModelSpec {
  /** Optional JSON Schema reference for editors; ignored by forlob. */
  $schema?: string;
  /** The model's name, echoed in results. */
  name: string;
  /** Free text describing the model and its sources. */
  description?: string;
  /** Number of simulated months H (months 0 … H−1). */
  horizonMonths: number;
  /**
   * Calendar month of month 0, `YYYY-MM` (or a full date; the day is ignored). Yearly
   * results then follow calendar years; without it, years are 12-month blocks "year 1", ….
   */
  start?: string;
  /** The states. */
  states: StateSpec[];
  /** Baseline monthly transition probabilities. */
  transitions?: TransitionRows;
  /** The population. */
  groups: GroupSpec[];
  /** The interventions scenarios can allocate. */
  interventions?: InterventionSpec[];
  /** The scenarios to compare; the first is the default baseline. */
  scenarios: ScenarioSpec[];
  /**
   * Named parameters: a number or a distribution (`{"dist": "beta", …}`), referenced
   * anywhere a number goes as `{"param": "name"}`. Any number may also be given inline as a
   * distribution. Each replicate draws every parameter once.
   */
  parameters?: Record<string, number | object>;
  /**
   * Dated steps (a reform calendar): from each step's month on, its changes replace the
   * model's — baseline rows, transfers, interventions' rows, effects, costs and availability.
   * Steps apply cumulatively in order.
   */
  calendar?: CalendarStep[];
  /** Baseline rows derived from observed outcome shares (see `calibrate/`). */
  calibration?: Record<string, CalibrationSpec>;
  /** Duration dependence of the transition probabilities. */
  duration?: DurationSpec;
  /** Latent job readiness: classes of citizens whose exits to success differ. */
  readiness?: ReadinessSpec;
  /** Net cost, discounting and premium settings. */
  costs?: CostSpec;
}

/**
 * Observed figures for one benefit state, turned into its baseline row. See
 * {@link statistics!calibrateRow | calibrateRow} (`forlob/statistics`) for the maths.
 */
export interface CalibrationSpec {
  /** Share of completed courses ending in each destination (Jobindsats "1 month after"). */
  completedShares: Record<string, number>;
  /** The state that takes the rest of the completed courses (e.g. "out"). */
  otherExit?: string;
  /** Mean months until a course ends; give this or `completion`. */
  meanMonths?: number;
  /** Share of courses ended within some months; give this or `meanMonths`. */
  completion?: CompletionTarget;
  /** Paid hours while on benefit: the paid-hours state and the share ever reaching it. */
  paidHours?: PaidHoursTarget;
}

/** An observed completion share: `share` of courses ended within `withinMonths`. */
export interface CompletionTarget {
  /** Share of courses ended, in (0, 1). */
  share: number;
  /** Months within which they ended. */
  withinMonths: number;
}

/** An observed paid-hours share. */
export interface PaidHoursTarget {
  /** The paid-hours state (marked `paidHours`); its own row must be in `transitions`. */
  state: string;
  /** Share of citizens ever in paid hours within `withinMonths`. */
  everShare: number;
  /** Months (default: the horizon). */
  withinMonths?: number;
}

/** A reimbursement ladder by cumulative weeks on support. */
export interface RefusionLadder {
  /** First week of each step, ascending from 1. */
  fromWeek: number[];
  /** Share the state reimburses in each step. */
  reimbursedShare: number[];
}

/**
 * Duration dependence: monthly exit hazards multiplied by a factor per duration band.
 * Bands start at `bands[i]` months (the first at 0) of the chosen clock.
 */
export interface DurationSpec {
  /** `state`: months since entering the current state; `benefit`: cumulative months on benefit. */
  clock: 'state' | 'benefit';
  /** Band starts in months, ascending, beginning with 0. */
  bands: number[];
  /** Per from-state, a hazard ratio per band (applied to every exit of the row). */
  hazardRatios: Record<string, number[]>;
}

/** How money is counted. */
export interface CostSpec {
  /**
   * The state's reimbursement of benefit transfers by cumulative weeks on support:
   * `"dk-2016"` (the Danish refusion ladder, see `presets/rates.ts`), `"none"`, or an own
   * ladder.
   */
  refusion?: 'dk-2016' | 'none' | RefusionLadder;
  /** Annual discount rate for money metrics (default 0). */
  discountRate?: number;
  /** Municipal income per citizen-month in a paid-hours state (the coming premium scheme). */
  premiumPerPaidHoursMonth?: number;
}
