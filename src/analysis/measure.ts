/**
 * What the analyses measure in a result: one scenario's metric mean, or its paired mean
 * difference against a baseline scenario (common random numbers make that sharp).
 * @module
 */
import type { ModelInput } from '../params/input.js';
import { ForlobInputError } from '../model/errors.js';
import { METRICS, M, type MetricName } from '../engine/reduce/metrics.js';
import type { SimulationResult } from '../summary/types.js';
import { OPTION_NAMES, type Progress, type SimulateOptions } from '../model/options.js';
import { unknownKeys } from '../model/suggest.js';

/** A way to run a model: the core `simulate`, or `forlob/node`'s on worker threads. */
export type Runner = (model: ModelInput, options: SimulateOptions) => Promise<SimulationResult>;

/** What to measure. */
export interface MeasureSpec {
  /** The metric (default `municipalCost`). */
  metric?: MetricName;
  /** The scenario (default the last one). */
  scenario?: string;
  /** When given, measure the scenario's difference from this scenario. */
  baseline?: string;
}

/** Per-replicate values of the measure (population totals), in replicate order. */
export function measureValues(result: SimulationResult, spec: MeasureSpec): Float64Array {
  const metric = spec.metric ?? 'municipalCost';
  const m = METRICS.indexOf(metric);
  if (m < 0)
    throw new ForlobInputError([{ path: 'metric', message: `expected one of ${METRICS.join(', ')}, got "${metric}"` }]);
  const ids = result.scenarios.map((s) => s.id);
  const find = (id: string, what: string) => {
    const i = ids.indexOf(id);
    if (i < 0)
      throw new ForlobInputError([
        { path: what, message: `unknown scenario "${id}" (expected one of ${ids.join(', ')})` },
      ]);
    return i;
  };
  const s = spec.scenario !== undefined ? find(spec.scenario, 'scenario') : ids.length - 1;
  const b = spec.baseline !== undefined ? find(spec.baseline, 'baseline') : -1;
  const G = result.scenarios[0].groups.length;
  const per = (G + 1) * M;
  const stride = ids.length * per;
  const R = result.raw.values.length / stride;
  const out = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    const at = (sc: number) => result.raw.values[r * stride + sc * per + G * M + m];
    out[r] = b >= 0 ? at(s) - at(b) : at(s);
  }
  return out;
}

/** Mean of the measure, skipping undefined replicates. */
export function measureMean(result: SimulationResult, spec: MeasureSpec): number {
  const xs = measureValues(result, spec).filter(Number.isFinite);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Progress of an analysis of several runs, passed to its `onProgress`. */
export interface AnalysisProgress extends Progress {
  /** Replicates finished, over every run of the analysis so far. */
  done: number;
  /** Replicates of every run the analysis plans (an upper bound for a search that may stop early). */
  total: number;
  /** Runs finished. */
  runsDone: number;
  /** Runs planned. */
  runs: number;
}

/** Reject option names that neither `simulate` nor the analysis knows (a typo must not run the default). */
export function checkAnalysisOptions(options: object | undefined, own: readonly string[]): void {
  const problems = unknownKeys(options, [...OPTION_NAMES, ...own], 'options');
  if (problems.length) throw new ForlobInputError(problems, 'invalid options');
}

/**
 * Progress over an analysis's runs: `wrap(i)` gives run i's `onProgress`, which reports to
 * `report` the replicates done so far over all runs; `runs` may be raised as a search goes on.
 */
export function analysisProgress(report: ((p: AnalysisProgress) => void) | undefined, runs: number) {
  let planned = runs;
  let perRun = 0;
  return {
    /** The onProgress of run `i` (0-based). */
    wrap(i: number): ((p: Progress) => void) | undefined {
      if (!report) return undefined;
      return ({ done, total }) => {
        perRun = total;
        planned = Math.max(planned, i + 1);
        report({ done: i * total + done, total: planned * total, runsDone: done >= total ? i + 1 : i, runs: planned });
      };
    },
    /** The analysis ended after `used` runs: report it complete. */
    finish(used: number): void {
      if (report && perRun > 0) report({ done: used * perRun, total: used * perRun, runsDone: used, runs: used });
    },
  };
}
