/**
 * Runs a range of replicates in this thread: for each replicate, every scenario with the
 * same citizen streams, reduced at once to metric rows so memory grows with
 * replicates × metrics, never with citizens or months.
 * @module
 */
import { compileModel, type CompiledModel } from '../compile/compile.js';
import type { Model } from '../model/types.js';
import { drawParameters, isUncertain } from '../params/draw.js';
import type { Plan } from '../params/plan.js';
import { armMetrics, M, replicateMetrics } from './reduce/metrics.js';
import { replicateKeys } from '../random/streams.js';
import { accountScratch, bookAccounts } from './reduce/accounts.js';
import { createAccumulator, createTracks, resetAccumulator, resetTracks } from './kernel.js';
import { simulateScenarioPerCitizen } from './per-citizen.js';
import { simulateScenarioLockstep, type SteeringRuleFn } from './lockstep/index.js';
import { ledger } from './reduce/ledger.js';
import { type Layout, layoutOf } from './layout.js';
import { ForlobInputError } from '../model/errors.js';

/**
 * What a run needs: the compiled point model and, when some parameters are uncertain, the
 * plan to draw them (with any parameters fixed to given values, by index).
 */
export interface RunPlan {
  /** The compiled model with every parameter at its mean. */
  cm: CompiledModel;
  /** The layout of the rows this plan produces (the same for every parameter draw). */
  layout: Layout;
  /** The uncertain parameters, if any. */
  uncertainty?: Plan;
  /** Parameters held at a value instead of drawn (sensitivity, break-even). */
  fixed?: ReadonlyMap<number, number>;
  /** Custom steering rules by name (in-process runs only: functions do not cross threads). */
  steeringRules?: Readonly<Record<string, SteeringRuleFn>>;
  /** The validated model of a replicate's draws (with {@link RunPlan.uncertainty}). */
  instantiate?: Instantiate;
}

/**
 * The validated model with a replicate's parameter values written in (`instantiate` in
 * `params/plan.ts`). Passed in, not imported, so the worker bundle loads the validator
 * only for a model with uncertain or fixed parameters.
 */
export type Instantiate = (plan: Plan, values: ArrayLike<number>, context: string) => Model;

/**
 * Whether a run of `uncertainty` with `fixed` parameters draws (or writes) parameter values
 * per replicate, and so needs an {@link Instantiate}.
 */
export function drawsParameters(uncertainty: Plan, fixed?: ReadonlyMap<number, number>): boolean {
  return isUncertain(uncertainty) || (fixed?.size ?? 0) > 0;
}

/** A run plan from an uncertainty plan; `instantiate` is required when {@link drawsParameters}. */
export function runPlan(uncertainty: Plan, fixed?: ReadonlyMap<number, number>, instantiate?: Instantiate): RunPlan {
  const cm = compileModel(uncertainty.point);
  if (drawsParameters(uncertainty, fixed) && !instantiate)
    throw new Error('runPlan: a model with uncertain or fixed parameters needs instantiate');
  return {
    cm,
    layout: layoutOf(cm, uncertainty.point),
    ...(drawsParameters(uncertainty, fixed) ? { uncertainty, fixed, instantiate } : {}),
  };
}

/** A run's raw output: the assembled blocks and what each number means. */
export interface RawRun extends BlockResult {
  /** The layout of every array. */
  layout: Layout;
}

/** What a block of replicates produces. */
export interface BlockResult {
  /** Metric rows, `(to − from) × replicateStride(cm)`. */
  values: Float64Array;
  /**
   * Arm rows, `(to − from) × armStride(cm)`: per replicate, scenario and cell g · A + a
   * (a = 0: no intervention) the {@link M} metrics over that cell alone, NaN for cells
   * nobody was allocated to and for steered scenarios. Absent only in blocks merged from
   * runs kept before arm rows existed.
   */
  arms?: Float64Array;
  /** Citizens per scenario, state and month, `(to − from) × occupancyStride(cm)`, if asked for. */
  occupancy?: Int32Array;
  /** Parameter draws, `(to − from) × parameters`, when the model has uncertain parameters. */
  draws?: Float64Array;
  /** Municipal cost per month, `(to − from) × scenarios × H` (for payback). */
  monthly?: Float64Array;
  /** Yearly ledger, `(to − from) × scenarios × years × items`. */
  yearly?: Float64Array;
  /** Account line totals, `(to − from) × scenarios × lines` (with the ledger). */
  accounts?: Float64Array;
  /** Account lines per year, `(to − from) × scenarios × years × lines` (with the ledger). */
  accountsYearly?: Float64Array;
  /** Citizens waiting for a place, `(to − from) × scenarios × H`, when an intervention has a capacity. */
  queue?: Int32Array;
  /** Steered share in force per month, `(to − from) × scenarios × H` (NaN for scenarios without steering). */
  shares?: Float64Array;
}

/**
 * Simulate replicates `from` (inclusive) to `to` (exclusive) and return their metric rows
 * in replicate, scenario, group, metric order (and the occupancy series when asked).
 */
export function runReplicates(
  plan: RunPlan,
  seed: string,
  from: number,
  to: number,
  withOccupancy = false,
  withLedger = true,
): BlockResult {
  let cm = plan.cm;
  const u = plan.uncertainty;
  const P = u ? u.parameters.length : 0;
  const draws = u ? new Float64Array((to - from) * P) : undefined;
  const { strides } = plan.layout;
  const stride = strides.replicate;
  const out = new Float64Array((to - from) * stride);
  const astride = strides.arms;
  const perArms = cm.G * cm.A * M;
  const arms = new Float64Array((to - from) * astride);
  const ostride = strides.occupancy;
  const occupancy = withOccupancy ? new Int32Array((to - from) * ostride) : undefined;
  const tracks = withOccupancy || withLedger ? createTracks(cm) : null;
  const mstride = strides.monthly;
  const ystride = strides.yearly;
  const monthly = withLedger ? new Float64Array((to - from) * mstride) : undefined;
  const yearly = withLedger ? new Float64Array((to - from) * ystride) : undefined;
  const { accountsScenario, accountsYearlyScenario } = strides;
  const accounts = withLedger ? new Float64Array((to - from) * strides.accounts) : undefined;
  const accountsYearly = withLedger ? new Float64Array((to - from) * strides.accountsYearly) : undefined;
  const scratch = withLedger ? accountScratch(cm) : undefined;
  // Without a ledger the occupancy still comes from the tracks; these catch the rest.
  const scratchMonthly = new Float64Array(cm.H);
  const scratchYearly = new Float64Array(strides.yearlyScenario);
  const queueOut = tracks && cm.hasCapacity ? new Int32Array((to - from) * mstride) : undefined;
  const acc = createAccumulator(cm);
  const steered = cm.scenarios.some((sc) => sc.steering);
  const shares = steered ? new Float64Array((to - from) * mstride).fill(NaN) : undefined;
  const perScenario = (cm.G + 1) * M;
  for (let r = from; r < to; r++) {
    if (u) {
      // Every parameter drawn once per replicate; all scenarios run on the same instance.
      const values = drawParameters(u, seed, r, plan.fixed);
      draws!.set(values, (r - from) * P);
      cm = compileModel(plan.instantiate!(u, values, ` in replicate ${r}`));
    }
    const [k1, k2] = replicateKeys(seed, r);
    for (let si = 0; si < cm.scenarios.length; si++) {
      resetAccumulator(acc);
      if (tracks) {
        resetTracks(tracks);
      }
      const sc = cm.scenarios[si];
      if (sc.lockstep) {
        const custom = sc.steering?.custom ? plan.steeringRules?.[sc.steering.custom] : undefined;
        if (sc.steering?.custom && !custom) throw missingRule(sc.steering.custom, sc.id);
        simulateScenarioLockstep(
          cm,
          sc,
          k1,
          k2,
          acc,
          tracks,
          shares ?? null,
          (r - from) * mstride + si * cm.H,
          custom ?? null,
          r,
        );
      } else simulateScenarioPerCitizen(cm, sc, k1, k2, acc, tracks);
      replicateMetrics(cm, cm.scenarios[si], acc, out, (r - from) * stride + si * perScenario);
      armMetrics(cm, cm.scenarios[si], acc, arms, (r - from) * astride + si * perArms);
      if (tracks) {
        ledger(
          cm,
          cm.scenarios[si],
          tracks,
          monthly ?? scratchMonthly,
          monthly ? (r - from) * mstride + si * cm.H : 0,
          yearly ?? scratchYearly,
          yearly ? (r - from) * ystride + si * strides.yearlyScenario : 0,
          occupancy,
          (r - from) * ostride + si * cm.S * (cm.H + 1),
        );
        if (accounts)
          bookAccounts(
            cm,
            si,
            tracks,
            scratch!,
            accounts,
            (r - from) * strides.accounts + si * accountsScenario,
            accountsYearly!,
            (r - from) * strides.accountsYearly + si * accountsYearlyScenario,
          );
        if (queueOut) {
          let level = 0;
          for (let t = 0; t < cm.H; t++) queueOut[(r - from) * mstride + si * cm.H + t] = level += tracks.queue[t];
        }
      }
    }
  }
  return {
    values: out,
    arms,
    occupancy,
    draws,
    monthly,
    yearly,
    queue: queueOut,
    ...(shares ? { shares } : {}),
    ...(accounts ? { accounts, accountsYearly } : {}),
  };
}

function missingRule(name: string, scenario: string): ForlobInputError {
  return new ForlobInputError(
    [
      {
        path: `options.steeringRules.${name}`,
        message: `scenario "${scenario}" names the custom steering rule "${name}": pass it as a function in the steeringRules option (library only; it runs in this thread)`,
      },
    ],
    'invalid options',
  );
}
