/**
 * The model's types, inferred from the zod schema in `schema.ts` (the one source of truth:
 * a field added there appears here). Each is declared as an interface extending the
 * inferred type so typedoc lists its fields with the TSDoc written on the schema.
 * `Model` is a validated model: every number a plain number. The file as users write it,
 * where numbers may be distributions or references, is `ModelInput` (`params/input.ts`).
 * @module
 */
import type { z } from 'zod';
import type {
  accountSchema,
  allocationCountSchema,
  calendarInterventionChangeSchema,
  calendarStateChangeSchema,
  calendarStepSchema,
  calibrationSchema,
  capacityChangeSchema,
  capacitySchema,
  completionSchema,
  costSchema,
  durationSchema,
  effectSchema,
  flowSchema,
  groupSchema,
  inflowSchema,
  interventionFlowSchema,
  interventionSchema,
  modelSchema,
  paidHoursSchema,
  readinessSchema,
  refusionLadderSchema,
  refusionRestartSchema,
  scenarioSchema,
  staffingSchema,
  stateSchema,
  transitionFlowSchema,
  steeringRuleSchema,
  steeringSchema,
} from './schema.js';

/** What a state means for the outcome metrics. */
export type StateKind = StateSpec['kind'];

/**
 * A state a citizen can occupy for a month.
 *
 * @example
 * ```ts
 * const kh: StateSpec = { id: 'kh', kind: 'benefit', monthlyTransfer: 12500 };
 * ```
 */
export interface StateSpec extends z.infer<typeof stateSchema> {}

/**
 * Monthly transition probabilities: `rows[from][to]` is the probability of moving from
 * `from` to `to` at the end of a month; the rest of the row is the probability of staying.
 */
export type TransitionRows = Record<string, Record<string, number>>;

/** A group of citizens who start in the same state. */
export interface GroupSpec extends z.infer<typeof groupSchema> {}

/**
 * Latent job readiness. Every group is split into `classes` equal classes, the most ready
 * first; class k's exits to success states (from benefit states) get hazard ratio
 * `hazardRatios[k]`, or exp(σ·z_k) with z_k the class's normal quantile midpoint.
 */
export interface ReadinessSpec extends z.infer<typeof readinessSchema> {}

/** One dated step of the calendar. */
export interface CalendarStep extends z.infer<typeof calendarStepSchema> {}

/** How a calendar step changes a state. */
export interface CalendarStateChange extends z.infer<typeof calendarStateChangeSchema> {}

/** How a calendar step changes an intervention. */
export interface CalendarInterventionChange extends z.infer<typeof calendarInterventionChangeSchema> {}

/** A dated change of an intervention's capacity. */
export interface CapacityChange extends z.infer<typeof capacityChangeSchema> {}

/** Monthly inflow into a group. */
export interface InflowSpec extends z.infer<typeof inflowSchema> {}

/**
 * A relative effect on one transition of the baseline row. Give exactly one of the three.
 * A hazard ratio scales the cause-specific monthly hazard −log(1 − p_total)·p/p_total;
 * an odds ratio scales p/(1 − p); a risk ratio scales p itself.
 */
export interface RelativeEffect extends z.infer<typeof effectSchema> {}

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
export interface CapacitySpec extends z.infer<typeof capacitySchema> {}

/** Intervention cost built from caseworker time. */
export interface StaffingSpec extends z.infer<typeof staffingSchema> {}

/**
 * An intervention (an effort such as "Flere skal med"): it replaces whole baseline rows
 * for its holders and costs `monthlyCost` for each month its holder spends in a benefit state.
 */
export interface InterventionSpec extends z.infer<typeof interventionSchema> {}

/** A fixed number of citizens in an allocation. */
export interface AllocationCountValue extends z.infer<typeof allocationCountSchema> {}

/** A share of the group (0–1) or a fixed number of citizens. */
export type AllocationValue = number | AllocationCountValue;

/**
 * A scenario: who gets which intervention. `allocation[group][intervention]` is the share
 * of the group given the intervention; the rest of the group gets none.
 */
export interface ScenarioSpec extends z.infer<typeof scenarioSchema> {}

/** What a steering rule can look at, as of the review month. */
export type SteeringSignal = SteeringRule['signal'];

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
export interface SteeringRule extends z.infer<typeof steeringRuleSchema> {}

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
 * is the allocation's. The scenario runs on the month-by-month lockstep engine (`engine/lockstep/`).
 *
 * @example
 * ```ts
 * const steering: SteeringSpec = {
 *   intervention: 'fsm', otherwise: 'tvaer', maxStep: 0.05, budget: 2_000_000,
 *   rules: [{ signal: 'exitRate', below: 0.03, change: -0.05 }, { signal: 'spending', below: 0.9, change: 0.05 }],
 * };
 * ```
 */
export interface SteeringSpec extends z.infer<typeof steeringSchema> {}

/**
 * A validated model: the model file with every number a plain number (distributions and
 * references drawn or at their means). What `validateModel` returns; the file as users
 * write it is `ModelInput`.
 *
 * @example
 * ```ts
 * const model: Model = {
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
export interface Model extends z.infer<typeof modelSchema> {}

/**
 * A whole model.
 * @deprecated Use {@link Model} (validated, plain numbers) or `ModelInput` (the file as
 * written, numbers may be distributions or references).
 */
export type ModelSpec = Model;

/**
 * Observed figures for one benefit state, turned into its baseline row. See
 * {@link statistics!calibrateRow | calibrateRow} (`forlob/statistics`) for the maths.
 */
export interface CalibrationSpec extends z.infer<typeof calibrationSchema> {}

/** An observed completion share: `share` of courses ended within `withinMonths`. */
export interface CompletionTarget extends z.infer<typeof completionSchema> {}

/** An observed paid-hours share. */
export interface PaidHoursTarget extends z.infer<typeof paidHoursSchema> {}

/** A reimbursement ladder by cumulative weeks on support. */
export interface RefusionLadder extends z.infer<typeof refusionLadderSchema> {}

/** When a refusion ladder's count of months on support starts again. */
export interface RefusionRestart extends z.infer<typeof refusionRestartSchema> {}

/**
 * Duration dependence: monthly exit hazards multiplied by a factor per duration band.
 * Bands start at `bands[i]` months (the first at 0) of the chosen clock.
 */
export interface DurationSpec extends z.infer<typeof durationSchema> {}

/** How money is counted. */
export interface CostSpec extends z.infer<typeof costSchema> {}

/** An account: kind (money or effect), unit, discount rate. */
export interface AccountSpec extends z.infer<typeof accountSchema> {}

/**
 * One entry of an account: an amount booked to an account and, for money, a payer.
 *
 * @example
 * ```ts
 * const tax: FlowSpec = { account: 'taxes', payer: 'state', amount: -6200 }; // income tax from a job, per month
 * ```
 */
export interface FlowSpec extends z.infer<typeof flowSchema> {}

/** A flow while an intervention is held (`while`: in benefit states, the default, or always). */
export interface InterventionFlowSpec extends z.infer<typeof interventionFlowSchema> {}

/** A one-off amount per move from one state to another. */
export interface TransitionFlowSpec extends z.infer<typeof transitionFlowSchema> {}
