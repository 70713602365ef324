/**
 * Portfolio steering compiled: which arm is steered, for which groups, and the data rules
 * as parallel arrays the engine reads at each review.
 * @module
 */
import type { NormalisedModel, NormalisedScenario } from '../model/normalise.js';
import type { SteeringSignal } from '../model/types.js';

/** A scenario's steering as the engine sees it. */
export interface CompiledSteering {
  /** The steered arm. */
  active: number;
  /** steered[g]: 1 when group g (inflow groups included) is steered. */
  steered: Uint8Array;
  /** otherwise[g]: the arm given to citizens of group g moved out of the active arm. */
  otherwise: Int32Array;
  /** Months between reviews. */
  every: number;
  /** Largest change at a review. */
  maxStep: number;
  /** Bounds of the share. */
  minShare: number;
  /** @see minShare */
  maxShare: number;
  /** Budget per review period, DKK (NaN without one). */
  budget: number;
  /** Per rule: the signal it reads (by name), +1 for `above` / −1 for `below`, threshold and change. */
  signal: readonly SteeringSignal[];
  /** @see signal */
  direction: Int8Array;
  /** @see signal */
  threshold: Float64Array;
  /** @see signal */
  change: Float64Array;
  /** Name of the custom TypeScript rule, if any. */
  custom: string | null;
  /** The share the allocation gives the steered groups at month 0. */
  initialShare: number;
  /** Move the most ready in first and out last. */
  readyFirst: boolean;
}

/**
 * Compile one scenario's steering; `groupIds` are the compiled groups (inflow groups as
 * `<id>:inflow`), `ivIndex` maps intervention ids to arms, `counts[g · A + a]` the
 * allocation at month 0.
 */
export function compileSteering(
  _model: NormalisedModel,
  sc: NormalisedScenario,
  groupIds: string[],
  ivIndex: Map<string, number>,
  counts: Int32Array,
  A: number,
): CompiledSteering | undefined {
  const st = sc.steering;
  if (!st) return undefined;
  const active = ivIndex.get(st.intervention)!;
  const named =
    st.groups ??
    Object.entries(sc.allocation)
      .filter(([, a]) => st.intervention in a)
      .map(([g]) => g);
  const base = (gid: string) => gid.replace(/:inflow$/, '');
  const G = groupIds.length;
  const steered = new Uint8Array(G);
  const otherwise = new Int32Array(G);
  let holders = 0;
  let size = 0;
  groupIds.forEach((gid, g) => {
    if (!named.includes(base(gid))) return;
    steered[g] = 1;
    const other = st.otherwise ?? Object.keys(sc.allocation[base(gid)] ?? {}).find((iv) => iv !== st.intervention);
    otherwise[g] = other === undefined ? 0 : ivIndex.get(other)!;
    if (gid === base(gid)) {
      holders += counts[g * A + active];
      for (let a = 0; a < A; a++) size += counts[g * A + a];
    }
  });
  const rules = st.rules;
  const lo = st.minShare;
  const hi = st.maxShare;
  return {
    active,
    steered,
    otherwise,
    every: st.everyMonths,
    maxStep: st.maxStep,
    minShare: lo,
    maxShare: hi,
    budget: st.budget ?? NaN,
    signal: rules.map((r) => r.signal),
    direction: Int8Array.from(rules, (r) => (r.above !== undefined ? 1 : -1)),
    threshold: Float64Array.from(rules, (r) => r.above ?? r.below!),
    change: Float64Array.from(rules, (r) => r.change),
    custom: st.custom ?? null,
    initialShare: size > 0 ? holders / size : 0,
    readyFirst: sc.targeting === 'ready-first',
  };
}
