/**
 * Merging split runs: the raw rows of replicate ranges, concatenated in replicate order,
 * are exactly the rows of the whole run, so the merged summary is byte for byte the whole
 * run's.
 * @module
 */
import { compileModel } from '../compile/compile.js';
import { armStride, replicateStride } from '../engine/run.js';
import { ForlobInputError } from '../model/errors.js';
import { isUncertain, planUncertainty } from '../params/plan.js';
import { CHANCE_REPLICATES, varianceShares } from './variance.js';
import { collectBlocks } from '../engine/blocks.js';
import type { KeptReplicates } from '../report/json.js';
import { assembleResult, type SimulationResult } from './result.js';
import { DEFAULT_WTP_RANGE, type ResolvedOptions } from '../options.js';

/** The decision settings a part was run with (read from its JSON `decision`). */
export interface RunPartDecision {
  /** Willingness to pay per success, DKK. */
  willingnessToPay?: number;
  /** The CEAC, whose willingness-to-pay values give the grid. */
  ceac?: { wtp: number }[];
  /** The EVPPI entries, whose groups of two or more parameters are the `evppiGroups` option. */
  evppi?: { parameters: string[] }[];
}

/** The CEAC grid and EVPPI groups a part was run with (defaults for older parts). */
function decisionOptions(d: RunPartDecision | undefined): Pick<ResolvedOptions, 'willingnessToPayRange' | 'evppiGroups'> {
  const w = (d?.ceac ?? []).map((p) => p.wtp);
  const range = w.length >= 2 ? { min: w[0], max: w[w.length - 1], step: w[1] - w[0] } : w.length === 1 ? { min: w[0], max: w[0], step: 1 } : DEFAULT_WTP_RANGE;
  return { willingnessToPayRange: range, evppiGroups: (d?.evppi ?? []).map((e) => e.parameters).filter((g) => g.length > 1) };
}

/** One part of a split run: the JSON written by `forlob run --format json --keep-replicates`. */
export interface RunPart {
  /** The run's seed. */
  seed: string;
  /** Replicates of the whole run. */
  replicates: number;
  /** Interval level. */
  level: number;
  /** The kept rows. */
  kept: KeptReplicates;
  /** The baseline scenario of the run. */
  baseline?: string;
  /** The decision settings of the run. */
  decision?: RunPartDecision;
}

/**
 * Merge parts covering replicates 0 … replicates−1 exactly once into the whole run's result.
 *
 * @example
 * ```ts
 * const whole = mergeRuns([partA, partB]); // parts from --replicate-range 0:500 and 500:1000
 * ```
 */
export function mergeRuns(parts: RunPart[], names?: string[]): SimulationResult {
  if (!Array.isArray(parts)) throw new ForlobInputError([{ path: 'parts', message: `expected an array of runs written with --format json --keep-replicates, got ${parts === null ? 'null' : typeof parts}` }]);
  names ??= parts.map((_, i) => `part ${i + 1}`);
  if (!Array.isArray(names) || names.length < parts.length) throw new ForlobInputError([{ path: 'names', message: `expected an array of ${parts.length} names, one per part` }]);
  if (parts.length === 0) throw new ForlobInputError([{ path: 'arguments', message: 'expected at least one file to merge' }]);
  const problems: { path: string; message: string }[] = [];
  parts.forEach((p, i) => {
    if (!p || typeof p !== 'object' || !p.kept || !Array.isArray(p.kept.values)) problems.push({ path: names[i], message: 'expected a run written with --format json --keep-replicates' });
  });
  if (problems.length) throw new ForlobInputError(problems);
  const first = parts[0];
  const specText = JSON.stringify(first.kept.spec);
  parts.forEach((p, i) => {
    if (p.seed !== first.seed) problems.push({ path: `${names[i]}.seed`, message: `expected "${first.seed}" as in ${names[0]}, got "${p.seed}"` });
    if (p.replicates !== first.replicates) problems.push({ path: `${names[i]}.replicates`, message: `expected ${first.replicates} as in ${names[0]}, got ${p.replicates}` });
    if (p.baseline !== first.baseline) problems.push({ path: `${names[i]}.baseline`, message: `expected "${first.baseline}" as in ${names[0]}, got "${p.baseline}"` });
    if (p.level !== first.level) problems.push({ path: `${names[i]}.level`, message: `expected ${first.level} as in ${names[0]}, got ${p.level}` });
    if (JSON.stringify(p.kept.spec) !== specText) problems.push({ path: `${names[i]}.kept.spec`, message: `expected the same model as ${names[0]}` });
  });
  if (problems.length) throw new ForlobInputError(problems);
  const plan = planUncertainty(first.kept.spec);
  const cm = compileModel(plan.point);
  const stride = replicateStride(cm);
  const order = parts.map((p, i) => ({ p, name: names[i] })).sort((a, b) => a.p.kept.from - b.p.kept.from);
  // Arm rows merge when every part kept them (parts kept before arm rows existed have none).
  const astride = armStride(cm);
  const withArms = parts.every((p) => Array.isArray(p.kept.arms));
  let expect = 0;
  for (const { p, name } of order) {
    if (p.kept.from !== expect) {
      throw new ForlobInputError([{ path: `${name}.kept.from`, message: p.kept.from > expect ? `replicates ${expect}–${p.kept.from - 1} are missing` : `replicates from ${p.kept.from} overlap another part` }]);
    }
    if (p.kept.values.length !== (p.kept.to - p.kept.from) * stride) throw new ForlobInputError([{ path: `${name}.kept.values`, message: `expected ${(p.kept.to - p.kept.from) * stride} values` }]);
    if (withArms && p.kept.arms!.length !== (p.kept.to - p.kept.from) * astride) throw new ForlobInputError([{ path: `${name}.kept.arms`, message: `expected ${(p.kept.to - p.kept.from) * astride} values` }]);
    expect = p.kept.to;
  }
  if (expect !== first.replicates) throw new ForlobInputError([{ path: 'arguments', message: `replicates ${expect}–${first.replicates - 1} are missing` }]);
  const blocks = collectBlocks(first.replicates);
  const nums = (xs: (number | null)[]) => Float64Array.from(xs, (v) => (v === null ? NaN : v));
  for (const { p } of order) {
    const k = p.kept;
    blocks.add(k.from, k.to - k.from, { values: nums(k.values), ...(withArms ? { arms: nums(k.arms!) } : {}), ...(k.monthly ? { monthly: nums(k.monthly) } : {}), ...(k.yearly ? { yearly: nums(k.yearly) } : {}), ...(k.queue ? { queue: Int32Array.from(k.queue) } : {}), ...(k.shares ? { shares: nums(k.shares) } : {}) });
  }
  const merged = assembleResult(plan, { replicates: first.replicates, seed: first.seed, level: first.level, from: 0, to: first.replicates, occupancy: false, maxReplicates: first.replicates, ...decisionOptions(first.decision), ...(first.baseline !== undefined ? { baseline: first.baseline } : {}), ...(first.decision?.willingnessToPay ? { willingnessToPay: first.decision.willingnessToPay } : {}) }, blocks.result());
  // The variance split, when the parts kept the chance pass over the first replicates.
  const n = Math.min(first.replicates, CHANCE_REPLICATES);
  const chance = new Float64Array(n * stride);
  let covered = 0;
  for (const { p, name } of order) {
    const k = p.kept;
    const rows = Math.max(0, Math.min(k.to, n) - k.from);
    if (rows === 0 || !k.chance) continue;
    if (k.chance.length !== rows * stride) throw new ForlobInputError([{ path: `${name}.kept.chance`, message: `expected ${rows * stride} values` }]);
    chance.set(nums(k.chance), k.from * stride);
    covered += rows;
  }
  if (covered === n && isUncertain(plan)) {
    const shares = varianceShares(merged.values, chance, n, merged.scenarios.length, merged.scenarios[0].groups.length);
    merged.scenarios.forEach((sc, i) => (sc.varianceShares = shares[i]));
    merged.chanceValues = chance;
  }
  return merged;
}
