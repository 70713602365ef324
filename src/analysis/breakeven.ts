/**
 * Break-even: the value of one parameter at which a scenario costs no more than its
 * baseline (or reaches a target). Bisection on the parameter with the same seed at every
 * step, so the function bisected is smooth and the answer stable; the other parameters are
 * drawn as usual. Its Monte Carlo uncertainty follows by the delta method:
 * se(v*) = se(f(v*)) / |f′(v*)|, with f′ from a central difference at the root.
 * @module
 */
import type { ModelInput } from '../params/input.js';
import { ForlobInputError } from '../model/errors.js';
import { parameterQuantile } from '../params/plan.js';
import { planUncertainty } from '../evidence/plan.js';
import type { SimulateOptions } from '../model/options.js';
import { simulate } from '../run/simulate.js';
import {
  analysisProgress,
  checkAnalysisOptions,
  measureValues,
  type AnalysisProgress,
  type MeasureSpec,
  type Runner,
} from './measure.js';

/** Options of {@link breakEven}: those of `simulate` for each run, and what to solve for. */
export interface BreakEvenOptions extends Omit<SimulateOptions, 'onProgress'>, MeasureSpec {
  /** The parameter to solve for (a name from the `parameters` block or an inline path). */
  parameter: string;
  /** The measure's target (default 0: the scenario no worse than the baseline). */
  target?: number;
  /** Search interval (default the parameter's 0.001 and 0.999 quantiles, or ±50 % of a fixed value). */
  lower?: number;
  /** @see lower */
  upper?: number;
  /** Stop when the bracket is narrower than this (default 1e-4 of its width). */
  tolerance?: number;
  /** How to run the model (default the core simulate). */
  run?: Runner;
  /**
   * Called as replicates finish, over the whole search: two runs at the interval's ends,
   * one per bisection step, three at the root for its standard error. `runs` and `total`
   * are the plan; a search that finds no crossing stops after two runs and then reports
   * itself complete.
   *
   * @example
   * ```ts
   * await breakEven(model, { parameter: 'fsmEffect', onProgress: ({ done, total }) => console.error(`${done}/${total}`) });
   * ```
   */
  onProgress?: (p: AnalysisProgress) => void;
}

const OWN = ['parameter', 'target', 'lower', 'upper', 'tolerance', 'run', 'metric', 'scenario', 'baseline'];

/** The answer of {@link breakEven}. */
export interface BreakEvenResult {
  /** The parameter. */
  parameter: string;
  /** The break-even value, or null when the measure does not cross the target in the interval. */
  value: number | null;
  /** Monte Carlo standard error of the value (delta method). */
  mcse: number | null;
  /** The interval searched. */
  interval: [number, number];
  /** The measure minus the target at the interval's ends. */
  atEnds: [number, number];
  /** Model runs used. */
  evaluations: number;
}

/**
 * Solve for the parameter value that makes the measure equal its target.
 *
 * @example
 * ```ts
 * // How large must FSM's effect be for scenario 2 to cost the municipality no more than today?
 * const b = await breakEven(model, { parameter: 'fsmEffect', scenario: 'scenario-2', baseline: 'today', metric: 'municipalCost', replicates: 300 });
 * ```
 */
export async function breakEven(model: ModelInput, options: BreakEvenOptions): Promise<BreakEvenResult> {
  checkAnalysisOptions(options, OWN);
  const {
    parameter,
    target = 0,
    lower,
    upper,
    tolerance,
    run = simulate,
    metric = 'municipalCost',
    scenario,
    baseline,
    onProgress,
    ...simOpts
  } = options;
  const plan = planUncertainty(model);
  const p = plan.parameters.find((x) => x.name === parameter);
  if (!p)
    throw new ForlobInputError([
      {
        path: 'parameter',
        message: `unknown parameter "${parameter}" (expected one of ${plan.parameters.map((x) => x.name).join(', ') || 'none'})`,
      },
    ]);
  for (const [name, x] of [
    ['lower', lower],
    ['upper', upper],
  ] as const) {
    if (x !== undefined && (typeof x !== 'number' || !Number.isFinite(x)))
      throw new ForlobInputError([{ path: name, message: `expected a finite number, got ${String(x)}` }]);
  }
  let lo0 = lower ?? (p.dist ? parameterQuantile(p, 0.001) : p.mean * 0.5);
  let hi0 = upper ?? (p.dist ? parameterQuantile(p, 0.999) : p.mean * 1.5);
  // ±50 % of a negative fixed value comes out reversed: the default interval is its ends in order.
  if (lower === undefined && upper === undefined && lo0 > hi0) [lo0, hi0] = [hi0, lo0];
  // The search answers inside [lower, upper] only: an empty or reversed interval is refused.
  if (!(lo0 < hi0)) {
    throw new ForlobInputError([
      lower === undefined && upper === undefined
        ? { path: 'parameter', message: `"${parameter}" is fixed at ${p.mean}: give lower and upper to search` }
        : {
            path: lower !== undefined ? 'lower' : 'upper',
            message: `expected lower < upper, got lower ${lo0} and upper ${hi0}`,
          },
    ]);
  }
  const measure = { metric, scenario, baseline };
  const tol = tolerance ?? Math.abs(hi0 - lo0) * 1e-4;
  const steps = Math.abs(hi0 - lo0) > tol ? Math.ceil(Math.log2(Math.abs(hi0 - lo0) / tol)) : 0;
  const progress = analysisProgress(onProgress, 2 + steps + 3);
  let evaluations = 0;
  const f = async (v: number) => {
    const xs = measureValues(
      await run(model, {
        ...simOpts,
        onProgress: progress.wrap(evaluations++),
        fixed: { ...(simOpts.fixed ?? {}), [parameter]: v },
      }),
      measure,
    ).filter(Number.isFinite);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    return { value: mean - target, se: sd / Math.sqrt(xs.length) };
  };
  let a = lo0;
  let b = hi0;
  let fa = (await f(a)).value;
  const fb = (await f(b)).value;
  const result: BreakEvenResult = {
    parameter,
    value: null,
    mcse: null,
    interval: [lo0, hi0],
    atEnds: [fa, fb],
    evaluations,
  };
  if (Math.sign(fa) === Math.sign(fb) && fa !== 0) {
    progress.finish(evaluations);
    return { ...result, evaluations };
  }
  while (Math.abs(b - a) > tol) {
    const mid = (a + b) / 2;
    const fm = (await f(mid)).value;
    if (fm === 0) {
      a = b = mid;
      break;
    }
    if (Math.sign(fm) === Math.sign(fa)) {
      a = mid;
      fa = fm;
    } else b = mid;
  }
  const root = (a + b) / 2;
  const h = Math.max(tol * 10, Math.abs(hi0 - lo0) * 0.01);
  const atRoot = await f(root);
  const slope = ((await f(root + h)).value - (await f(root - h)).value) / (2 * h);
  progress.finish(evaluations);
  return { ...result, value: root, mcse: slope !== 0 ? atRoot.se / Math.abs(slope) : null, evaluations };
}
