/**
 * Drawing a replicate's parameters and writing them into the point model: what a worker
 * thread needs of a {@link Plan}. Validating the result is the caller's (`instantiate` in
 * `plan.ts`), so this module, and the worker bundle, carry no schema library.
 * @module
 */
import { parameterStream } from '../random/streams.js';
import { sampler } from './distribution.js';
import { jointSampler } from './joint.js';
import type { Plan } from './plan-types.js';

/** Whether any parameter actually varies. */
export function isUncertain(plan: Plan): boolean {
  return plan.parameters.some((p) => p.dist !== null) && plan.slots.length > 0;
}

/** The draws of replicate `r`: one value per parameter, from the replicate's own stream. */
export function drawParameters(plan: Plan, seed: string, r: number, fixed?: ReadonlyMap<number, number>): Float64Array {
  const source = parameterStream(seed, r);
  let jointDraw: number[] = [];
  return Float64Array.from(plan.parameters, (p, i) => {
    let v: number;
    if (p.joint) {
      // A joint's components are consecutive: the first draws the whole vector.
      if (p.joint.component === 0) jointDraw = jointSampler(plan.joints![p.joint.index].dist, source)();
      v = jointDraw[p.joint.component];
    }
    // Draw even when fixed, so fixing one parameter leaves the others' draws unchanged.
    else v = p.dist ? sampler(p.dist, source)() : p.mean;
    return fixed?.has(i) ? fixed.get(i)! : v;
  });
}

/**
 * A copy of the point model with `values` written into every slot and the `parameters`
 * block, not yet validated (see `instantiate`).
 */
export function writeDraws(plan: Plan, values: ArrayLike<number>): unknown {
  const model = structuredClone(plan.point) as unknown as Record<string, unknown>;
  for (const { path, index } of plan.slots) {
    let node = model as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) node = node[path[i]] as Record<string | number, unknown>;
    node[path[path.length - 1]] = values[index];
  }
  if (model.parameters)
    model.parameters = Object.fromEntries(
      Object.keys(model.parameters as object).map((k) => [k, values[plan.parameters.findIndex((p) => p.name === k)]]),
    );
  return model;
}
