/**
 * Uncertain parameters in a model. Anywhere the model takes a number it may take a
 * distribution (`{"dist": "beta", "alpha": 20, "beta": 80}`) or a reference to a named
 * parameter of the `parameters` block (`{"param": "fsmEffect"}`), so one uncertain effect
 * moves everywhere it is used. The model is split once into a point model (every
 * uncertain number at its mean, validated like any model) and the list of places to
 * write draws into; each replicate draws every parameter once from its own seeded stream
 * and the engine runs the instance — the same draws for every scenario.
 * @module
 */
import { ForlobInputError, formatPath, type Problem } from '../model/errors.js';
import type { Model } from '../model/types.js';
import { issueToProblems, scanRaw, validateModel } from '../model/validate.js';
import { drawParameters, writeDraws } from './draw.js';
import type { JointParameter, Parameter, Plan, Slot } from './plan-types.js';
import { distributionSchema, jointDistributionSchema } from './schemas.js';
import { checkDistribution, distMean, distQuantile, type Distribution } from './distribution.js';
import { checkJoint, isJointShape, jointMarginal, jointMean, type JointDistribution } from './joint.js';

/**
 * A model with its uncertain parameters taken out.
 * @deprecated Use {@link Plan}.
 */
export type UncertaintyPlan = Plan;

export { paramRef } from './input.js';
export { drawParameters, isUncertain } from './draw.js';

export type { JointParameter, Parameter, Plan, Slot };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function parseDist(v: unknown, path: (string | number)[], problems: Problem[]): Distribution | null {
  const parsed = distributionSchema.safeParse(v);
  if (!parsed.success) {
    for (const iss of parsed.error.issues) problems.push(...issueToProblems(iss, v, path));
    return null;
  }
  const more = checkDistribution(parsed.data, formatPath(path));
  problems.push(...more);
  return more.length ? null : parsed.data;
}

/**
 * How {@link planModel} reads a reference to cited evidence: `undefined` when the value is
 * not such a reference, else the distribution it stands for or why it cannot be resolved.
 * The evidence library supplies one (`planUncertainty` in `evidence/plan.ts`); the
 * parameters stage takes it as an argument so it does not depend on a later folder.
 */
export type ReferenceResolver = (v: unknown) => { dist: Distribution } | { message: string } | undefined;

const noReferences: ReferenceResolver = () => undefined;

/**
 * Split a raw model into its point model and its uncertain parameters, reading references
 * to cited evidence with `resolve`. Throws {@link ForlobInputError} for bad distributions,
 * unknown parameter names, or a point model that fails validation.
 */
export function planModel(raw: unknown, resolve: ReferenceResolver = noReferences): Plan {
  if (!isObject(raw)) return { point: validateModel(raw), parameters: [], slots: [] };
  const problems: Problem[] = [];
  // Prototype keys first: the walk below copies objects key by key.
  scanRaw(raw, [], problems);
  if (problems.length) throw new ForlobInputError(problems, 'invalid model');
  const parameters: Parameter[] = [];
  const byName = new Map<string, number>();
  const joints: JointParameter[] = [];
  // A joint's name → the index of its first component among the parameters.
  const jointFirst = new Map<string, number>();
  const block = raw.parameters;
  if (block !== undefined && !isObject(block))
    problems.push({ path: 'parameters', message: 'expected an object of named numbers or distributions' });
  if (isObject(block)) {
    for (const [name, v] of Object.entries(block)) {
      const r = resolve(v);
      if (isJointShape(v)) {
        const d = parseJoint(v, ['parameters', name], problems);
        if (!d) continue;
        const means = jointMean(d);
        jointFirst.set(name, parameters.length);
        d.components.forEach((c, k) => {
          parameters.push({
            name: `${name}.${c}`,
            dist: jointMarginal(d, k),
            mean: means[k],
            joint: { index: joints.length, component: k },
          });
        });
        joints.push({ name, dist: d });
      } else if (typeof v === 'number' && Number.isFinite(v)) {
        byName.set(name, parameters.push({ name, dist: null, mean: v }) - 1);
      } else if (r) {
        if ('message' in r) problems.push({ path: formatPath(['parameters', name, 'evidence']), message: r.message });
        else byName.set(name, parameters.push({ name, dist: r.dist, mean: distMean(r.dist) }) - 1);
      } else {
        const d = parseDist(v, ['parameters', name], problems);
        if (d) byName.set(name, parameters.push({ name, dist: d, mean: distMean(d) }) - 1);
      }
    }
  }
  const slots: Plan['slots'] = [];
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (!isObject(v)) return v;
    const r = resolve(v);
    if (r) {
      // An evidence entry is an inline distribution with a citation behind it.
      if ('message' in r) {
        problems.push({ path: formatPath([...path, 'evidence']), message: r.message });
        return 0;
      }
      const index = parameters.push({ name: formatPath(path), dist: r.dist, mean: distMean(r.dist) }) - 1;
      slots.push({ path, index });
      return parameters[index].mean;
    }
    if (isJointShape(v)) {
      problems.push({
        path: formatPath([...path, 'dist']),
        message: `a joint distribution (${String(v.dist)}) goes in the parameters block; use its components here as {"param": name, "component": c}`,
      });
      return 0;
    }
    if ('dist' in v) {
      const d = parseDist(v, path, problems);
      if (!d) return 0;
      const index = parameters.push({ name: formatPath(path), dist: d, mean: distMean(d) }) - 1;
      slots.push({ path, index });
      return parameters[index].mean;
    }
    if ('param' in v && Object.keys(v).every((k) => k === 'param' || k === 'component')) {
      const name = v.param;
      if (typeof name === 'string' && jointFirst.has(name)) {
        const first = jointFirst.get(name)!;
        const joint = joints[parameters[first].joint!.index];
        const k = typeof v.component === 'string' ? joint.dist.components.indexOf(v.component) : -1;
        if (k < 0) {
          problems.push({
            path: formatPath([...path, 'component']),
            message: `${v.component === undefined ? 'missing component' : `unknown component ${JSON.stringify(v.component)}`} of the joint parameter "${name}" (expected one of ${joint.dist.components.join(', ')})`,
          });
          return 0;
        }
        slots.push({ path, index: first + k });
        return parameters[first + k].mean;
      }
      if ('component' in v) {
        problems.push({
          path: formatPath([...path, 'component']),
          message: `parameter ${JSON.stringify(name)} is not a joint distribution (a component is only taken from a dirichlet or mvnormal of the parameters block)`,
        });
        return 0;
      }
      const index = typeof name === 'string' ? byName.get(name) : undefined;
      if (index === undefined) {
        problems.push({
          path: formatPath([...path, 'param']),
          message: `unknown parameter ${JSON.stringify(name)} (expected one of the parameters block: ${[...byName.keys()].join(', ') || 'none defined'})`,
        });
        return 0;
      }
      slots.push({ path, index });
      return parameters[index].mean;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      out[k] = k === 'parameters' && path.length === 0 ? x : walk(x, [...path, k]);
    return out;
  };
  const pointRaw = walk(raw, []) as Record<string, unknown>;
  if (problems.length) throw new ForlobInputError(problems, 'invalid model');
  // The parameters block is kept on the point model only as means, for display.
  if (isObject(block))
    pointRaw.parameters = Object.fromEntries(
      parameters.filter((p) => byName.has(p.name) || p.joint).map((p) => [p.name, p.mean]),
    );
  let point: Model;
  try {
    point = validateModel(pointRaw);
  } catch (e) {
    if (e instanceof ForlobInputError)
      throw new ForlobInputError(byParameter(parameters, slots, e.problems, byName, ''), 'invalid model');
    throw e;
  }
  return joints.length ? { point, parameters, slots, joints } : { point, parameters, slots };
}

function parseJoint(v: unknown, path: (string | number)[], problems: Problem[]): JointDistribution | null {
  const parsed = jointDistributionSchema.safeParse(v);
  if (!parsed.success) {
    for (const iss of parsed.error.issues) problems.push(...issueToProblems(iss, v, path));
    return null;
  }
  const more = checkJoint(parsed.data, formatPath(path));
  problems.push(...more);
  return more.length ? null : parsed.data;
}

/**
 * Report a problem at a place that takes a parameter once, at the parameter (the
 * `parameters` entry, or the inline distribution), with the places it broke listed,
 * rather than once at every reference. Other problems pass through unchanged.
 */
function byParameter(
  parameters: readonly Parameter[],
  slots: readonly Slot[],
  problems: readonly Problem[],
  named: ReadonlyMap<string, number>,
  context: string,
): Problem[] {
  const slotOf = new Map(slots.map((s) => [formatPath(s.path), s.index]));
  const out: Problem[] = [];
  const grouped = new Map<string, { problem: Problem; places: string[] }>();
  for (const p of problems) {
    const index = slotOf.get(p.path);
    if (index === undefined) {
      out.push({ path: p.path, message: p.message + context });
      continue;
    }
    const param = parameters[index];
    const at = named.get(param.name) === index ? formatPath(['parameters', param.name]) : param.name;
    const key = `${at}\u0000${p.message}`;
    const seen = grouped.get(key);
    if (seen) seen.places.push(p.path);
    else {
      const problem = { path: at, message: '' };
      grouped.set(key, { problem, places: [p.path] });
      out.push(problem);
    }
  }
  for (const [key, { problem, places }] of grouped) {
    const message = key.slice(key.indexOf('\u0000') + 1);
    const value = context ? '' : parameters[slotOf.get(places[0])!].dist ? ' (the mean of its distribution)' : '';
    problem.message =
      problem.path === places[0]
        ? `${message}${value}${context}`
        : `${message}${value} where it is used at ${places.join(', ')}${context}`;
  }
  return out;
}

/** The model with `values` written into every slot (validated, so an impossible draw is a located error). */
export function instantiate(plan: Plan, values: ArrayLike<number>, context = ''): Model {
  try {
    return validateModel(writeDraws(plan, values));
  } catch (e) {
    if (e instanceof ForlobInputError) {
      // The parameters block's names (they come first, before any inline distribution's path).
      const named = new Map(
        Object.keys(plan.point.parameters ?? {}).map((name) => [
          name,
          plan.parameters.findIndex((p) => p.name === name),
        ]),
      );
      throw new ForlobInputError(
        byParameter(plan.parameters, plan.slots, e.problems, named, ` (a drawn parameter value${context})`),
        'invalid draw',
      );
    }
    throw e;
  }
}

/** A parameter's quantile (its value when fixed). */
export function parameterQuantile(p: Parameter, q: number): number {
  return p.dist ? distQuantile(p.dist, q) : p.mean;
}

/** Parameters held fixed, by index, from the `fixed` option's names; throws {@link ForlobInputError} for an unknown name or a non-finite value. */
export function fixedIndices(plan: Plan, fixed: Readonly<Record<string, number>> | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const [name, value] of Object.entries(fixed ?? {})) {
    const i = plan.parameters.findIndex((p) => p.name === name);
    if (i < 0)
      throw new ForlobInputError(
        [
          {
            path: `options.fixed.${name}`,
            message: `unknown parameter (expected one of ${plan.parameters.map((p) => p.name).join(', ') || 'none: the model has no parameters'})`,
          },
        ],
        'invalid options',
      );
    if (!Number.isFinite(value))
      throw new ForlobInputError(
        [{ path: `options.fixed.${name}`, message: 'expected a finite number' }],
        'invalid options',
      );
    out.set(i, value);
  }
  return out;
}

/**
 * The parameters that vary in a run — drawn from a distribution, used somewhere in the
 * model, not held fixed — with their draws in replicates `from`…`to − 1` (the engine's
 * draws, recomputed from the seed).
 */
export function varyingDraws(
  plan: Plan,
  seed: string,
  from: number,
  to: number,
  fixed: ReadonlyMap<number, number> = new Map(),
): { name: string; draws: Float64Array }[] {
  const used = new Set(plan.slots.map((s) => s.index));
  const idx = plan.parameters
    .map((_, i) => i)
    .filter((i) => plan.parameters[i].dist !== null && used.has(i) && !fixed.has(i));
  const out = idx.map((i) => ({ name: plan.parameters[i].name, draws: new Float64Array(to - from) }));
  if (idx.length === 0) return out;
  for (let r = from; r < to; r++) {
    const values = drawParameters(plan, seed, r, fixed);
    idx.forEach((i, k) => {
      out[k].draws[r - from] = values[i];
    });
  }
  return out;
}
