/**
 * Runs a range of replicates in this thread: for each replicate, every scenario with the
 * same citizen streams, reduced at once to metric rows so memory grows with
 * replicates × metrics, never with citizens or months.
 * @module
 */
import type { CompiledModel } from '../compile/compile.js';
import { M, replicateMetrics } from '../summary/metrics.js';
import { replicateKeys } from './random.js';
import { createAccumulator, resetAccumulator, simulateScenario } from './simulate.js';

/** Values per replicate: scenarios × (groups + 1) × metrics. */
export function replicateStride(cm: CompiledModel): number {
  return cm.scenarios.length * (cm.G + 1) * M;
}

/** Occupancy values per replicate: scenarios × states × (H + 1) months. */
export function occupancyStride(cm: CompiledModel): number {
  return cm.scenarios.length * cm.S * (cm.H + 1);
}

/** What a block of replicates produces. */
export interface BlockResult {
  /** Metric rows, `(to − from) × replicateStride(cm)`. */
  values: Float64Array;
  /** Citizens per scenario, state and month, `(to − from) × occupancyStride(cm)`, if asked for. */
  occupancy?: Int32Array;
}

/**
 * Simulate replicates `from` (inclusive) to `to` (exclusive) and return their metric rows
 * in replicate, scenario, group, metric order (and the occupancy series when asked).
 */
export function runReplicates(cm: CompiledModel, seed: string, from: number, to: number, withOccupancy = false): BlockResult {
  const stride = replicateStride(cm);
  const out = new Float64Array((to - from) * stride);
  const W = cm.H + 2;
  const ostride = occupancyStride(cm);
  const occupancy = withOccupancy ? new Int32Array((to - from) * ostride) : undefined;
  const diff = withOccupancy ? new Int32Array(cm.S * W) : null;
  const acc = createAccumulator(cm);
  const perScenario = (cm.G + 1) * M;
  for (let r = from; r < to; r++) {
    const [k1, k2] = replicateKeys(seed, r);
    for (let si = 0; si < cm.scenarios.length; si++) {
      resetAccumulator(acc);
      diff?.fill(0);
      simulateScenario(cm, cm.scenarios[si], k1, k2, acc, diff);
      replicateMetrics(cm, cm.scenarios[si], acc, out, (r - from) * stride + si * perScenario);
      if (occupancy && diff) {
        const base = (r - from) * ostride + si * cm.S * (cm.H + 1);
        for (let s = 0; s < cm.S; s++) {
          let level = 0;
          for (let t = 0; t <= cm.H; t++) {
            level += diff[s * W + t];
            occupancy[base + s * (cm.H + 1) + t] = level;
          }
        }
      }
    }
  }
  return { values: out, occupancy };
}
