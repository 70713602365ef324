/**
 * The model file as users write it: any number may instead be a distribution, a reference
 * to a named parameter, or a reference to cited evidence. {@link Uncertain} maps the
 * validated {@link Model}'s types to that, so `ModelInput` follows the schema by itself.
 * @module
 */
import { fillDefaults, type NormalisedModel } from '../model/normalise.js';
import type { Model } from '../model/types.js';
import type { Distribution } from './distribution.js';
import type { JointDistribution } from './joint.js';

/** A reference to a named parameter of the model's `parameters` block: `{"param": name}`. */
export interface ParamRef {
  /** The parameter's name (a key of `parameters`). */
  param: string;
  /** For a joint distribution (a Dirichlet row, a multivariate normal): the component taken. */
  component?: string;
}

/** A reference to an entry of the evidence library where a model takes a number: `{"evidence": id}`. */
export interface EvidenceRef {
  /** The entry's id (see `evidenceIds` in `forlob/evidence`). */
  evidence: string;
}

/** What a number of a model file may be: a number, a distribution, or a reference. */
export type UncertainNumber = number | Distribution | ParamRef | EvidenceRef;

/**
 * `T` with every number widened to {@link UncertainNumber}, through arrays, records and
 * nested objects; strings, booleans and literals stay as they are.
 */
export type Uncertain<T> = T extends number
  ? UncertainNumber
  : T extends string | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? Uncertain<U>[]
      : { [K in keyof T]: Uncertain<T[K]> };

/**
 * A model as written in a model file: a {@link Model} whose numbers may be distributions
 * (`{"dist": "beta", …}`), parameter references (`{"param": "name"}`, see {@link paramRef})
 * or evidence references (`{"evidence": id}`). Each replicate draws every uncertain number
 * once; `simulate` takes this.
 *
 * @example
 * ```ts
 * const model: ModelInput = {
 *   name: 'Example', horizonMonths: 24,
 *   states: [{ id: 'kh', kind: 'benefit' }, { id: 'job', kind: 'success' }],
 *   transitions: { kh: { job: { dist: 'beta', alpha: 12, beta: 988 } } },
 *   groups: [{ id: 'kh', size: 980, initialState: 'kh' }],
 *   parameters: { fsmEffect: { dist: 'lognormal', mu: 0.2, sigma: 0.1 } },
 *   interventions: [{ id: 'fsm', effects: { kh: { job: { hazardRatio: paramRef('fsmEffect') } } } }],
 *   scenarios: [{ id: 'none' }, { id: 'fsm', allocation: { kh: { fsm: 0.5 } } }],
 * };
 * ```
 */
export type ModelInput = Omit<Uncertain<Model>, 'parameters'> & {
  /**
   * Named parameters: numbers, distributions, evidence references, or joint distributions
   * (`{"dist": "dirichlet", …}`, `{"dist": "mvnormal", …}`) whose components are used as
   * `{"param": name, "component": c}`.
   */
  parameters?: Record<string, UncertainNumber | JointDistribution>;
};

/**
 * A reference to a named parameter where a model takes a number: at run time the place
 * takes the parameter's draw.
 *
 * @example
 * ```ts
 * const model: ModelInput = { ...base, parameters: { fsmEffect: { dist: 'lognormal', mu: 0.05, sigma: 0.1 } },
 *   interventions: [{ id: 'fsm', effects: { kh: { job: { hazardRatio: paramRef('fsmEffect') } } } }] };
 * ```
 */
export function paramRef(name: string): ParamRef {
  return { param: name };
}

/**
 * A model as written with every default filled in (see `normalise` in
 * `model/normalise.ts`), its uncertain numbers left as they are: what the reports show as
 * the assumptions. An inflow's `toMonth` defaults to the horizon's last month when the
 * horizon is a plain number.
 */
export function normaliseInput(model: ModelInput): Uncertain<NormalisedModel> {
  const H = model.horizonMonths;
  return fillDefaults(model, typeof H === 'number' ? H - 1 : undefined);
}
