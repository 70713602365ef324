/**
 * What a {@link Plan} is: the point model and where each parameter's draw goes. Apart from
 * `plan.ts` (which makes plans, validating) so that drawing (`draw.ts`) needs neither.
 * @module
 */
import type { Model } from '../model/types.js';
import type { Distribution } from './distribution.js';
import type { JointDistribution } from './joint.js';

/** One uncertain parameter. */
export interface Parameter {
  /** Its name: the `parameters` key, or the path of an inline distribution. */
  name: string;
  /** Its distribution, or null for a fixed number in the `parameters` block. */
  dist: Distribution | null;
  /** The fixed value or the distribution's mean. */
  mean: number;
  /**
   * For a component of a joint distribution (see `joint.ts`): which joint of
   * {@link Plan.joints} and which component. `dist` is then the component's marginal.
   */
  joint?: { index: number; component: number };
}

/** A joint distribution of the `parameters` block, drawn once per replicate for all its components. */
export interface JointParameter {
  /** Its name in the `parameters` block; its components are the parameters `name.component`. */
  name: string;
  /** The distribution. */
  dist: JointDistribution;
}

/** A model with its uncertain parameters taken out: the point model and where each draw goes. */
export interface Plan {
  /** The model with every uncertain number at its mean (validated). */
  point: Model;
  /** The parameters, in the order they are drawn. */
  parameters: Parameter[];
  /** Where each draw goes. */
  slots: Slot[];
  /** The joint distributions whose components are among {@link Plan.parameters} (absent: none). */
  joints?: JointParameter[];
}

/** A place in the model that takes a parameter's draw. */
export interface Slot {
  /** Path of the number in the model. */
  path: (string | number)[];
  /** Index of the parameter in {@link Plan.parameters}. */
  index: number;
}
