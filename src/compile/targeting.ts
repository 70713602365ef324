/**
 * Latent job readiness and targeting. With `readiness`, every group is split into K equal
 * classes (class 0 the most ready) whose exits to success have their own hazard ratio.
 * An allocation then either takes citizens at random — each intervention spread evenly
 * over the classes — or the most ready first. Without readiness nothing changes: one
 * class, interventions in contiguous blocks.
 * @module
 */
import { largestRemainder } from '../model/allocation.js';
import type { NormalisedReadiness } from '../model/normalise.js';
import { normalQuantile } from '../params/special.js';

/** The hazard ratio of each class, most ready first. */
export function classHazardRatios(r: NormalisedReadiness | undefined): number[] {
  if (!r) return [1];
  if (r.hazardRatios) return r.hazardRatios;
  const K = r.classes;
  // Class k stands for the k-th K-quantile of a normal readiness score, best first.
  return Array.from({ length: K }, (_, k) => Math.exp(r.sigma * normalQuantile(1 - (k + 0.5) / K)));
}

/** A run of citizens of one class holding one arm: positions are within the group block. */
export interface Assignment {
  /** The arm (0 = no intervention). */
  arm: number;
  /** The readiness class. */
  cls: number;
  /** First position within the group's block of citizens. */
  first: number;
  /** Citizens in the run. */
  count: number;
}

/**
 * Assign `counts[i]` citizens to `arms[i]` (the last count is the remainder, arm 0) among
 * `n` citizens laid out class by class. `ready-first` fills the most ready classes in
 * allocation order; `random` interleaves, every citizen going to the arm furthest behind
 * its even share, so each arm is spread over the classes in proportion (±1).
 */
export function assign(
  n: number,
  K: number,
  arms: number[],
  counts: number[],
  targeting: 'random' | 'ready-first',
): Assignment[] {
  const sizes = largestRemainder(
    n,
    Array.from({ length: K - 1 }, () => 1 / K),
  ).slice(0, K);
  const classOf = new Int32Array(n);
  for (let k = 0, p = 0; k < K; k++) for (let j = 0; j < sizes[k]; j++) classOf[p++] = k;
  const armAt = new Int32Array(n);
  if (K === 1 || targeting === 'ready-first') {
    let p = 0;
    arms.forEach((a, i) => {
      for (let j = 0; j < counts[i]; j++) armAt[p++] = a;
    });
  } else {
    const given = new Float64Array(arms.length);
    for (let i = 0; i < n; i++) {
      let best = 0;
      let deficit = -Infinity;
      for (let j = 0; j < arms.length; j++) {
        const d = (counts[j] * (i + 1)) / n - given[j];
        if (d > deficit + 1e-12) {
          deficit = d;
          best = j;
        }
      }
      given[best]++;
      armAt[i] = arms[best];
    }
  }
  const runs: Assignment[] = [];
  for (let i = 0; i < n; i++) {
    const last = runs[runs.length - 1];
    if (last && last.arm === armAt[i] && last.cls === classOf[i]) last.count++;
    else runs.push({ arm: armAt[i], cls: classOf[i], first: i, count: 1 });
  }
  return runs;
}
