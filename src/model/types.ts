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
  /** Human-readable label. */
  label?: string;
}

/**
 * A scenario: who gets which intervention. `allocation[group][intervention]` is the share
 * of the group given the intervention; the rest of the group gets none.
 */
export interface ScenarioSpec {
  /** Unique id. */
  id: string;
  /** Shares per group and intervention; a group's shares sum to at most 1. */
  allocation?: Record<string, Record<string, number>>;
  /** Human-readable label. */
  label?: string;
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
}
