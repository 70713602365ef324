/**
 * Defaults, filled once. Every default the model format promises ("default 0", "default a
 * quarter") is written here and nowhere else, so compile and the reports read one value
 * and cannot disagree about it. A normalised model is still a valid {@link Model}; its
 * type says which fields are then always present. Normalising twice changes nothing.
 * @module
 */
import type {
  AccountSpec,
  CalendarStep,
  CalibrationSpec,
  CapacitySpec,
  CostSpec,
  GroupSpec,
  InflowSpec,
  InterventionSpec,
  Model,
  ReadinessSpec,
  ScenarioSpec,
  StaffingSpec,
  StateSpec,
  SteeringSpec,
  TransitionRows,
} from './types.js';

/** `T` with the fields `K` present. */
type With<T, K extends keyof T> = Omit<T, K> & Required<Pick<T, K>>;

/** A state with its transfer, paid-hours mark, reimbursement and refusion count filled in. */
export type NormalisedState = With<StateSpec, 'monthlyTransfer' | 'paidHours' | 'reimbursed' | 'refusionCount'>;
/** Inflow with its months filled in (`toMonth` the horizon's last month). */
export type NormalisedInflow = With<InflowSpec, 'fromMonth' | 'toMonth' | 'priorBenefitMonths'>;
/** A group with its months on support and in state filled in. */
export type NormalisedGroup = With<Omit<GroupSpec, 'inflow'>, 'priorBenefitMonths' | 'initialDurationMonths'> & {
  /** Its inflow, normalised. */
  inflow?: NormalisedInflow;
};
/** Staffing with its conversations filled in. */
export type NormalisedStaffing = With<StaffingSpec, 'conversationsPerYear' | 'costPerConversation'>;
/** A capacity with what happens when full filled in. */
export type NormalisedCapacity = With<CapacitySpec, 'whenFull'>;
/** An intervention with its monthly cost filled in. */
export type NormalisedIntervention = With<Omit<InterventionSpec, 'staffing' | 'capacity'>, 'monthlyCost'> & {
  /** Its staffing, normalised. */
  staffing?: NormalisedStaffing;
  /** Its capacity, normalised. */
  capacity?: NormalisedCapacity;
};
/** Steering with its review period, step, bounds and rules filled in. */
export type NormalisedSteering = With<SteeringSpec, 'everyMonths' | 'maxStep' | 'minShare' | 'maxShare' | 'rules'>;
/** A scenario with its allocation, fixed cost and targeting filled in. */
export type NormalisedScenario = With<
  Omit<ScenarioSpec, 'steering'>,
  'allocation' | 'fixedMonthlyCost' | 'targeting'
> & {
  /** Its steering, normalised. */
  steering?: NormalisedSteering;
};
/** Readiness with its classes and spread filled in. */
export type NormalisedReadiness = With<ReadinessSpec, 'classes' | 'sigma'>;
/** Costs with the refusion ladder (`"none"`), discount rate and premium filled in. */
export type NormalisedCosts = With<CostSpec, 'refusion' | 'discountRate' | 'premiumPerPaidHoursMonth'>;

/** A {@link Model} with every default filled in: what compile and the reports read. */
export interface NormalisedModel
  extends Omit<
    Model,
    | 'states'
    | 'transitions'
    | 'groups'
    | 'interventions'
    | 'scenarios'
    | 'calendar'
    | 'calibration'
    | 'readiness'
    | 'costs'
    | 'accounts'
    | 'cycle'
    | 'counting'
  > {
  /** Declared accounts (none: `{}`). */
  accounts: Record<string, AccountSpec>;
  /** What a step is (default `month`). */
  cycle: 'month' | 'year';
  /** When a cycle's flows are counted (default `start`). */
  counting: 'start' | 'end' | 'half-cycle';
  /** The states, normalised. */
  states: NormalisedState[];
  /** Baseline rows (none: `{}`). */
  transitions: TransitionRows;
  /** The groups, normalised. */
  groups: NormalisedGroup[];
  /** The interventions (none: `[]`). */
  interventions: NormalisedIntervention[];
  /** The scenarios, normalised. */
  scenarios: NormalisedScenario[];
  /** The reform calendar (none: `[]`). */
  calendar: CalendarStep[];
  /** Calibrated rows (none: `{}`). */
  calibration: Record<string, CalibrationSpec>;
  /** Latent readiness, normalised, when the model has it. */
  readiness?: NormalisedReadiness;
  /** How money is counted, normalised. */
  costs: NormalisedCosts;
}

/**
 * How a month in a state counts on the refusion ladder unless the state says: benefit
 * states are months on support. A reimbursed state of another kind pays a benefit too (a
 * flex job's subsidy is one of the law's § 3 benefits), so with `"dk"` it advances the
 * count; with `"dk-2016"` and own ladders it neither advances nor restarts it, as forlob
 * counted before, so their results reproduce. Other success states are self-support.
 */
function refusionCountDefault(kind: string, reimbursed: boolean, refusion: unknown): string {
  if (kind === 'benefit') return 'support';
  if (reimbursed) return refusion === 'dk' ? 'support' : 'neither';
  return kind === 'success' ? 'selfSupport' : 'neither';
}

/**
 * The defaults, written over plain objects so the same code fills a validated model and
 * a model as written (whose numbers may be distributions; `normaliseInput` in
 * `params/input.ts`): it only adds absent fields. `lastMonth` is the default `toMonth`.
 * @internal
 */
// biome-ignore lint/suspicious/noExplicitAny: one walk for Model and ModelInput; the typed wrappers say what comes out.
export function fillDefaults(m: any, lastMonth: unknown): any {
  return {
    ...m,
    // biome-ignore lint/suspicious/noExplicitAny: see above
    states: m.states.map((s: any) => {
      const reimbursed = s.reimbursed ?? s.kind === 'benefit';
      return {
        ...s,
        monthlyTransfer: s.monthlyTransfer ?? 0,
        paidHours: s.paidHours ?? false,
        reimbursed,
        refusionCount: s.refusionCount ?? refusionCountDefault(s.kind, reimbursed, m.costs?.refusion),
      };
    }),
    transitions: m.transitions ?? {},
    // biome-ignore lint/suspicious/noExplicitAny: see above
    groups: m.groups.map((g: any) => ({
      ...g,
      priorBenefitMonths: g.priorBenefitMonths ?? 0,
      initialDurationMonths: g.initialDurationMonths ?? 0,
      ...(g.inflow
        ? {
            inflow: {
              ...g.inflow,
              fromMonth: g.inflow.fromMonth ?? 1,
              toMonth: g.inflow.toMonth ?? lastMonth,
              priorBenefitMonths: g.inflow.priorBenefitMonths ?? 0,
            },
          }
        : {}),
    })),
    // biome-ignore lint/suspicious/noExplicitAny: see above
    interventions: (m.interventions ?? []).map((iv: any) => ({
      ...iv,
      monthlyCost: iv.monthlyCost ?? 0,
      ...(iv.staffing
        ? {
            staffing: {
              ...iv.staffing,
              conversationsPerYear: iv.staffing.conversationsPerYear ?? 0,
              costPerConversation: iv.staffing.costPerConversation ?? 0,
            },
          }
        : {}),
      ...(iv.capacity ? { capacity: { ...iv.capacity, whenFull: iv.capacity.whenFull ?? 'queue' } } : {}),
    })),
    // biome-ignore lint/suspicious/noExplicitAny: see above
    scenarios: m.scenarios.map((sc: any) => ({
      ...sc,
      allocation: sc.allocation ?? {},
      fixedMonthlyCost: sc.fixedMonthlyCost ?? 0,
      targeting: sc.targeting ?? 'random',
      ...(sc.steering
        ? {
            steering: {
              ...sc.steering,
              everyMonths: sc.steering.everyMonths ?? 3,
              maxStep: sc.steering.maxStep ?? 0.05,
              minShare: sc.steering.minShare ?? 0,
              maxShare: sc.steering.maxShare ?? 1,
              rules: sc.steering.rules ?? [],
            },
          }
        : {}),
    })),
    calendar: m.calendar ?? [],
    calibration: m.calibration ?? {},
    ...(m.readiness
      ? {
          readiness: {
            ...m.readiness,
            classes: m.readiness.classes ?? m.readiness.hazardRatios?.length ?? 5,
            sigma: m.readiness.sigma ?? 0.5,
          },
        }
      : {}),
    accounts: m.accounts ?? {},
    cycle: m.cycle ?? 'month',
    counting: m.counting ?? 'start',
    costs: {
      ...m.costs,
      refusion: m.costs?.refusion ?? 'none',
      discountRate: m.costs?.discountRate ?? 0,
      premiumPerPaidHoursMonth: m.costs?.premiumPerPaidHoursMonth ?? 0,
    },
  };
}

/**
 * A validated model with every default filled in. Idempotent.
 *
 * @example
 * ```ts
 * normalise(model).costs.discountRate; // 0 unless the model gives one
 * ```
 */
export function normalise(model: Model): NormalisedModel {
  return fillDefaults(model, model.horizonMonths - 1);
}
