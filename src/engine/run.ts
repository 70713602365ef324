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

/**
 * Simulate replicates `from` (inclusive) to `to` (exclusive) and return their metric rows,
 * `(to − from) × replicateStride(cm)` values in replicate, scenario, group, metric order.
 */
export function runReplicates(cm: CompiledModel, seed: string, from: number, to: number, onReplicate?: (done: number) => void): Float64Array {
  const stride = replicateStride(cm);
  const out = new Float64Array((to - from) * stride);
  const acc = createAccumulator(cm);
  const perScenario = (cm.G + 1) * M;
  for (let r = from; r < to; r++) {
    const [k1, k2] = replicateKeys(seed, r);
    for (let si = 0; si < cm.scenarios.length; si++) {
      resetAccumulator(acc);
      simulateScenario(cm, cm.scenarios[si], k1, k2, acc);
      replicateMetrics(cm, cm.scenarios[si], acc, out, (r - from) * stride + si * perScenario);
    }
    onReplicate?.(r - from + 1);
  }
  return out;
}
