/**
 * Capacities: places per arm (and per calendar period when staff plans change them), what
 * those turned away hold, which arms newcomers can get, and which scenarios therefore need
 * the lockstep engine.
 * @module
 */
import type { NormalisedIntervention, NormalisedModel } from '../model/normalise.js';
import type { CompiledCapacity, CompiledScenario } from './compiled.js';

export type { CompiledCapacity } from './compiled.js';
import type { Periods } from './periods.js';

/** Places of a capacity: `places`, or caseworkers × caseload rounded down. */
function places(cap: { places?: number; caseworkers?: number; caseload?: number }): number {
  return cap.places ?? Math.floor((cap.caseworkers ?? 0) * (cap.caseload ?? 0) + 1e-9);
}

/** Capacity by arm (arm i + 1 is intervention i) and by calendar period. */
export function compileCapacity(
  interventions: NormalisedIntervention[],
  per: Periods,
  ivIndex: Map<string, number>,
): CompiledCapacity {
  const A = interventions.length + 1;
  const NP = per.starts.length;
  const capPlaces = new Int32Array(A).fill(-1);
  const capFallback = new Int32Array(A);
  const capQueue = new Uint8Array(A);
  interventions.forEach((iv, i) => {
    const cap = iv.capacity;
    if (!cap) return;
    capPlaces[i + 1] = places(cap);
    capFallback[i + 1] = cap.fallback ? ivIndex.get(cap.fallback)! : 0;
    capQueue[i + 1] = cap.whenFull === 'queue' ? 1 : 0;
  });
  const capAt = new Int32Array(NP * A).fill(-1);
  let capVaries = false;
  per.models.forEach((m: NormalisedModel, k) => {
    m.interventions.forEach((iv, i) => {
      if (!iv.capacity) return;
      capAt[k * A + i + 1] = places(iv.capacity);
      if (capAt[k * A + i + 1] !== capPlaces[i + 1]) capVaries = true;
    });
  });
  return {
    capPlaces,
    capFallback,
    capQueue,
    hasCapacity: capPlaces.some((x) => x >= 0),
    capAt,
    capVaries,
    armOpen: Uint8Array.from({ length: NP * A }, (_, i) =>
      i % A === 0 || !per.unavailable[Math.floor(i / A)].has(interventions[(i % A) - 1].id) ? 1 : 0,
    ),
  };
}

/**
 * Mark the scenarios that need the lockstep engine: the per-citizen engine serves
 * places from a heap of fixed size, so places that change over time, and steering, need
 * the whole population month by month.
 */
export function markLockstep(scenarios: CompiledScenario[], cap: CompiledCapacity): void {
  for (const sc of scenarios) {
    const uses = new Set(sc.cohorts.map((c) => c.arm));
    if (sc.steering) uses.add(sc.steering.active);
    sc.lockstep = sc.steering !== undefined || (cap.capVaries && [...uses].some((a) => cap.capPlaces[a] >= 0));
  }
}
