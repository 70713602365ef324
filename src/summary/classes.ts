/**
 * Results by covariate class: the groups of a model that record their citizens' classes
 * (`groups[].classes`, as a fitted model does) added up per class of one covariate, replicate
 * by replicate, so each class gets the same summaries and paired differences as a group.
 *
 * Amounts (transfers, intervention cost, premium, municipal cost) add up over the class's
 * groups; per-citizen figures (success rate, months on benefit, paid hours, waiting months)
 * are the groups' figures weighted by their citizens in that replicate — an open group's
 * newcomers are drawn per replicate, so the weights are the replicate's own, from the model
 * instantiated as the run did. Figures that do not add up over groups (the completed-course
 * share and the Kaplan–Meier durations, which need the citizens' spells) are left undefined.
 * @module
 */
import { compileModel } from '../compile/compile.js';
import { HIGHER_IS_BETTER, M, METRICS, type MetricName } from '../engine/reduce/metrics.js';
import { planUncertainty } from '../evidence/plan.js';
import { ForlobInputError } from '../model/errors.js';
import type { ModelInput } from '../params/input.js';
import { drawParameters, fixedIndices, instantiate, isUncertain } from '../params/plan.js';
import { pairedComparison, type PairedDifference } from './compare.js';
import { type MetricSummaries, summarise } from './interval.js';
import type { SimulationResult } from './types.js';

/** One class of a {@link ClassBreakdown} in one scenario. */
export interface ClassRow {
  /** The class (`f`). */
  level: string;
  /** The model's groups in it (their inflow counts with them). */
  groups: string[];
  /** Citizens in the class per replicate (stock and newcomers). */
  counts: Float64Array;
  /** Each metric per replicate (NaN where it does not add up over groups). */
  draws: Record<MetricName, Float64Array>;
  /** The summaries of the draws. */
  metrics: MetricSummaries;
}

/** Results per class of one covariate: per scenario, and paired differences against the baseline. */
export interface ClassBreakdown {
  /** The covariate (`sex`). */
  column: string;
  /** Its classes, in the order the groups first name them. */
  levels: string[];
  /** Per scenario, in model order: one row per class. */
  scenarios: ClassScenario[];
  /** Per comparison of the result: each class's paired difference against the baseline. */
  comparisons: ClassComparison[];
}

/** One scenario of a {@link ClassBreakdown}. */
export interface ClassScenario {
  /** The scenario's id. */
  id: string;
  /** One row per class, in the breakdown's `levels` order. */
  classes: ClassRow[];
}

/** One comparison of a {@link ClassBreakdown}: the classes' paired differences. */
export interface ClassComparison {
  /** The scenario compared. */
  scenario: string;
  /** The scenario it is compared with. */
  baseline: string;
  /** Per class, in the breakdown's `levels` order. */
  classes: {
    /** The class. */
    level: string;
    /** Each metric's paired difference (scenario − baseline). */
    metrics: Record<MetricName, PairedDifference>;
  }[];
}

const AMOUNTS = new Set<MetricName>([
  'transferCost',
  'interventionCost',
  'netTransferCost',
  'premiumIncome',
  'municipalCost',
]);
const PER_CITIZEN = new Set<MetricName>(['successRate', 'benefitMonths', 'paidHoursRate', 'waitingMonths']);

/** The covariates every group of `model` records a class for (those `--by` may name). */
export function classColumns(model: ModelInput): string[] {
  const groups = model.groups;
  if (!groups.length || groups.some((g) => !g.classes)) return [];
  return Object.keys(groups[0].classes!).filter((c) => groups.every((g) => g.classes![c] !== undefined));
}

/**
 * Break a run's results down by the classes of one covariate (`sex`): `model` is the model
 * the run simulated (its groups' `classes` say who is in which class), `fixed` the parameters
 * it held fixed, if any.
 *
 * @example
 * ```ts
 * const result = await simulate(model, { replicates: 1000 });
 * const bySex = classBreakdown(result, model, 'sex');
 * bySex.scenarios[0].classes.map((c) => [c.level, c.metrics.successRate.mean]); // [['f', 0.52], ['m', 0.47]]
 * ```
 */
export function classBreakdown(
  result: SimulationResult,
  model: ModelInput,
  column: string,
  fixed?: Readonly<Record<string, number>>,
): ClassBreakdown {
  const valid = classColumns(model);
  if (!valid.includes(column))
    throw new ForlobInputError([
      {
        path: 'by',
        message: `no covariate "${column}" on every group (${valid.length ? `the model's groups have ${valid.join(', ')}` : "the model's groups record no classes: `groups[].classes`, as a fitted model has"})`,
      },
    ]);
  const { layout, values } = result.raw;
  const plan = planUncertainty(model);
  const ids = layout.groupIds;
  const base = ids.map((id) => id.replace(/:inflow$/, ''));
  const levelOf = new Map(model.groups.map((g) => [g.id, g.classes![column]]));
  const levels = [...new Set(model.groups.map((g) => g.classes![column]))];
  const Sc = layout.scenarios.length;
  const per = (layout.G + 1) * M;
  const R = values.length / (Sc * per);
  const from = result.replicateRange?.[0] ?? 0;
  const fixedAt = fixedIndices(plan, fixed);
  // Citizens of each group per replicate and scenario: the counts the engine compiled.
  const counts = Array.from({ length: Sc }, () => ids.map(() => new Float64Array(R)));
  const pointCounts = compileModel(plan.point).scenarios;
  for (let r = 0; r < R; r++) {
    const sc = isUncertain(plan)
      ? compileModel(instantiate(plan, drawParameters(plan, result.seed, from + r, fixedAt))).scenarios
      : pointCounts;
    for (let s = 0; s < Sc; s++)
      for (let g = 0; g < ids.length; g++) {
        let n = 0;
        for (let a = 0; a < layout.A; a++) n += sc[s].counts[g * layout.A + a];
        counts[s][g][r] = n;
      }
  }
  const draws = (s: number, level: string) => {
    const members = ids.map((_, g) => g).filter((g) => levelOf.get(base[g]) === level);
    const n = new Float64Array(R);
    for (const g of members) for (let r = 0; r < R; r++) n[r] += counts[s][g][r];
    const out = {} as Record<MetricName, Float64Array>;
    METRICS.forEach((name, m) => {
      const col = new Float64Array(R);
      for (let r = 0; r < R; r++) {
        if (!AMOUNTS.has(name) && !PER_CITIZEN.has(name)) {
          col[r] = NaN;
          continue;
        }
        let t = 0;
        for (const g of members) {
          const x = values[r * Sc * per + s * per + g * M + m];
          t += AMOUNTS.has(name) ? x : x * counts[s][g][r];
        }
        col[r] = AMOUNTS.has(name) ? t : n[r] > 0 ? t / n[r] : 0;
      }
      out[name] = col;
    });
    return { groups: [...new Set(members.map((g) => base[g]))], counts: n, draws: out };
  };
  const scenarios = result.scenarios.map((sc, s) => ({
    id: sc.id,
    classes: levels.map((level) => {
      const d = draws(s, level);
      const metrics = Object.fromEntries(
        METRICS.map((name) => [name, summarise(d.draws[name], result.level)]),
      ) as MetricSummaries;
      return { level, ...d, metrics };
    }),
  }));
  const index = new Map(result.scenarios.map((sc, s) => [sc.id, s]));
  const comparisons = result.comparisons.map((c) => ({
    scenario: c.scenario,
    baseline: c.baseline,
    classes: levels.map((level, k) => ({
      level,
      metrics: Object.fromEntries(
        METRICS.map((name) => [
          name,
          pairedComparison(
            scenarios[index.get(c.scenario)!].classes[k].draws[name],
            scenarios[index.get(c.baseline)!].classes[k].draws[name],
            HIGHER_IS_BETTER[name],
            result.level,
          ),
        ]),
      ) as Record<MetricName, PairedDifference>,
    })),
  }));
  return { column, levels, scenarios, comparisons };
}
