/**
 * Where whole courses end, exactly: for a course state `a` of a model's baseline rows
 * (with its paid-hours state `b`, if any), iterate the transient pair until no mass is
 * left. Independent of the calibration's closed form, so tests can check it.
 */
import { baselineMatrix } from '../src/compile/resolve.js';
import { planUncertainty } from '../src/evidence/plan.js';
import { normalise } from '../src/model/normalise.js';
import type { ModelInput } from '../src/params/input.js';

/** Share of whole courses from `a` ending in each state, and the share reaching `b` first. */
export function wholeCourse(
  input: ModelInput,
  a: string,
  b?: string,
): { endsIn: Record<string, number>; successShare: number; reachedPaidHours: number } {
  const model = normalise(planUncertainty(input).point);
  const P = baselineMatrix(model);
  const ids = model.states.map((s) => s.id);
  const S = ids.length;
  const ia = ids.indexOf(a);
  const ib = b === undefined ? -1 : ids.indexOf(b);
  const row = (i: number) => P.subarray(i * S, i * S + S);
  const stay = (i: number) => 1 - row(i).reduce((x, y) => x + y, 0) + row(i)[i];
  const ended = new Float64Array(S);
  let [pa, pb, first, reached] = [1, 0, 1, 0];
  for (let t = 0; t < 100_000 && pa + pb > 1e-15; t++) {
    for (let d = 0; d < S; d++) {
      if (d === ia || d === ib) continue;
      ended[d] += pa * row(ia)[d] + (ib >= 0 ? pb * row(ib)[d] : 0);
    }
    if (ib >= 0) {
      reached += first * row(ia)[ib];
      first *= stay(ia);
      [pa, pb] = [pa * stay(ia) + pb * row(ib)[ia], pa * row(ia)[ib] + pb * stay(ib)];
    } else pa *= stay(ia);
  }
  const endsIn = Object.fromEntries(ids.map((id, d) => [id, ended[d]]));
  const successShare = model.states.reduce((acc, s, d) => acc + (s.kind === 'success' ? ended[d] : 0), 0);
  return { endsIn, successShare, reachedPaidHours: reached };
}
