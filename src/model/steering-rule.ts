/**
 * The contract of a custom steering rule: what it is told at each review and what it
 * returns. Part of the run's input (the `steeringRules` option), so it lives with the
 * model; the lockstep engine calls the rule.
 * @module
 */
/**
 * What a steering rule sees at a review. Counts refer to the steered groups' citizens
 * still in their first spell on benefit (the "stock").
 */
export interface SteeringState {
  /** The scenario's id. */
  scenario: string;
  /** Replicate number. */
  replicate: number;
  /** Month of the review (the share applies from this month). */
  month: number;
  /** The share in force until now. */
  share: number;
  /** Free places of the active intervention over its places (null without a capacity). */
  freeCapacity: number | null;
  /** Citizens waiting for the active intervention. */
  queue: number;
  /** Stock citizens who left benefit since the last review. */
  exits: number;
  /** `exits` over the stock at the last review (0 when it was empty). */
  exitRate: number;
  /** The scenario's intervention cost since the last review, DKK. */
  spending: number;
  /** The budget per review period (null without one). */
  budget: number | null;
  /** Citizens in the stock now. */
  stock: number;
  /** …of whom hold or wait for the active intervention. */
  active: number;
  /** The change the data rules propose (before the ±maxStep limit). */
  proposed: number;
}

/**
 * A custom steering rule: given the state at a review, the change of the share to make
 * (it is then limited to ±maxStep and to the share bounds). Passed in the
 * `steeringRules` option under the name the scenario's `steering.custom` gives.
 *
 * @example
 * ```ts
 * // Follow the data rules, but never cut while citizens are waiting.
 * const cautious: SteeringRuleFn = (s) => (s.queue > 0 ? Math.max(0, s.proposed) : s.proposed);
 * ```
 */
export type SteeringRuleFn = (state: SteeringState) => number;
