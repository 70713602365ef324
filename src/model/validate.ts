/**
 * Validation: structural checks by the zod schema, then the checks that need the whole
 * model. Every problem is collected (not just the first) so a user fixes a file in one go.
 * @module
 */
import type { $ZodIssue } from 'zod/v4/core';
import { LIMITS } from './bounds.js';
import { ForlobInputError, formatPath, type Problem } from './errors.js';
import { stepMonth } from './dates.js';
import { duplicateKeys } from './json.js';
import { normalise, type NormalisedModel } from './normalise.js';
import { modelSchema } from './schema.js';
import type { FlowSpec, Model, ScenarioSpec, TransitionRows } from './types.js';

/** Keys that would reach an object's prototype if copied naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Row sums may exceed 1 by floating-point noise only. */
const SUM_TOLERANCE = 1e-9;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return `a value of type ${typeof value}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Problems in our words for one zod issue: `input` is the value the schema checked, and
 * `prefix` the path of that value within the model (for a distribution checked on its own).
 */
export function issueToProblems(issue: $ZodIssue, input: unknown, prefix: readonly PropertyKey[] = []): Problem[] {
  const path = issue.path;
  const at = formatPath([...prefix, ...path]);
  if (issue.code === 'invalid_value' && valueAt(input, path) === undefined) {
    return [
      {
        path: at,
        message: `required field is missing (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`,
      },
    ];
  }
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(input, path);
      if (got === undefined) return [{ path: at, message: `required field is missing (expected ${issue.expected})` }];
      if (typeof got === 'number' && !Number.isFinite(got))
        return [{ path: at, message: `expected a finite number, got ${describe(got)}` }];
      if (issue.expected === 'int') return [{ path: at, message: `expected an integer, got ${describe(got)}` }];
      return [{ path: at, message: `expected ${issue.expected}, got ${describe(got)}` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: formatPath([...prefix, ...path, k]), message: 'unknown field' }));
    case 'invalid_value':
      return [
        {
          path: at,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(valueAt(input, path))}`,
        },
      ];
    case 'invalid_union': {
      // Report the branch that matches the value's type (a number or an object).
      const got = valueAt(input, path);
      // Prefer a branch that took the value's type and failed only inside it (an object
      // with a field wrong), then one that did not refuse the value outright.
      const refusedOutright = (errs: readonly $ZodIssue[]) =>
        errs.some((e) => (e.code === 'invalid_type' || e.code === 'invalid_value') && e.path.length === 0);
      const branch =
        issue.errors.find((errs) => errs.length > 0 && errs.every((e) => e.path.length > 0)) ??
        issue.errors.find((errs) => !refusedOutright(errs)) ??
        issue.errors[0];
      if (branch?.length)
        return branch.flatMap((e) => issueToProblems({ ...e, path: [...path, ...e.path] } as $ZodIssue, input, prefix));
      return [{ path: at, message: `unexpected value ${describe(got)}` }];
    }
    case 'too_small':
    case 'too_big': {
      const got = valueAt(input, path);
      return [{ path: at, message: `${issue.message}${typeof got === 'number' ? `, got ${describe(got)}` : ''}` }];
    }
    default:
      return [{ path: at, message: issue.message }];
  }
}

/** Structural problems scanRaw reports before it stops. */
const MAX_RAW_PROBLEMS = 20;

/**
 * Walk raw input before anything copies or recurses into it: prototype keys, a value that
 * contains itself (a cycle: a library caller's object, never JSON), nesting deeper than
 * {@link LIMITS.depth} and more than {@link LIMITS.values} values are each reported with
 * their path. Everything after it (the schema, the uncertainty walk, structuredClone) may
 * then recurse safely.
 */
export function scanRaw(value: unknown, path: PropertyKey[], out: Problem[]): void {
  const first = out.length;
  let values = 0;
  let stopped = false;
  // The objects on the way down to the current one, with their paths (a shared, acyclic
  // reference is fine; only an ancestor is a cycle).
  const ancestors = new Map<object, readonly PropertyKey[]>();
  const report = (p: Problem) => {
    out.push(p);
    if (out.length - first >= MAX_RAW_PROBLEMS) stopped = true;
  };
  const visit = (v: unknown, at: PropertyKey[], depth: number): void => {
    if (stopped) return;
    if (++values > LIMITS.values) {
      report({
        path: formatPath(path),
        message: `more than ${LIMITS.values.toLocaleString('en')} values: too large for a model`,
      });
      stopped = true;
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const cycle = ancestors.get(v);
    if (cycle) {
      report({
        path: formatPath(at),
        message: `a cycle: this is ${formatPath(cycle)} again, which contains it (a model must be plain data without cycles)`,
      });
      return;
    }
    if (depth > LIMITS.depth) {
      report({
        path: formatPath(at),
        message: `nested more than ${LIMITS.depth} levels deep (a model nests a few levels)`,
      });
      return;
    }
    ancestors.set(v, at);
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) visit(x, [...at, i], depth + 1);
    } else {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) {
          report({ path: formatPath([...at, key]), message: `the key "${key}" is not allowed` });
          continue;
        }
        visit((v as Record<string, unknown>)[key], [...at, key], depth + 1);
      }
    }
    ancestors.delete(v);
  };
  visit(value, path, path.length);
}

function duplicates(ids: string[], where: string, out: Problem[]): Set<string> {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push({ path: `${where}[${i}].id`, message: `duplicate id "${id}"` });
    seen.add(id);
  });
  return seen;
}

function checkRows(rows: TransitionRows | undefined, where: string, states: Set<string>, out: Problem[]): void {
  if (!rows) return;
  for (const [from, row] of Object.entries(rows)) {
    if (!states.has(from))
      out.push({
        path: `${where}.${from}`,
        message: `unknown state "${from}" (expected one of ${[...states].join(', ')})`,
      });
    let sum = 0;
    for (const [to, p] of Object.entries(row)) {
      if (!states.has(to))
        out.push({
          path: `${where}.${from}.${to}`,
          message: `unknown state "${to}" (expected one of ${[...states].join(', ')})`,
        });
      if (to === from)
        out.push({
          path: `${where}.${from}.${to}`,
          message: 'a row may not name its own state: staying is what is left of the row',
        });
      sum += p;
    }
    if (sum > 1 + SUM_TOLERANCE)
      out.push({ path: `${where}.${from}`, message: `row sums to ${+sum.toFixed(12)}, expected at most 1` });
  }
}

/** Checks that need the whole model, run only once the structure is sound. */
function checkSemantics(m: Model): Problem[] {
  const out: Problem[] = [];
  // Checks that depend on a default read the normalised model, so they agree with compile.
  const n = normalise(m);
  checkSize(n, out);
  const states = duplicates(
    m.states.map((s) => s.id),
    'states',
    out,
  );
  const groups = duplicates(
    m.groups.map((g) => g.id),
    'groups',
    out,
  );
  const interventions = duplicates(
    (m.interventions ?? []).map((i) => i.id),
    'interventions',
    out,
  );
  duplicates(
    m.scenarios.map((s) => s.id),
    'scenarios',
    out,
  );

  checkRows(m.transitions, 'transitions', states, out);
  n.groups.forEach((g, i) => {
    if (!states.has(g.initialState))
      out.push({ path: `groups[${i}].initialState`, message: `unknown state "${g.initialState}"` });
    if (g.inflow && g.inflow.fromMonth > g.inflow.toMonth)
      out.push({ path: `groups[${i}].inflow`, message: 'expected fromMonth <= toMonth' });
    if (g.inflow && g.inflow.toMonth >= m.horizonMonths)
      out.push({
        path: `groups[${i}].inflow.toMonth`,
        message: `expected a month before the horizon (${m.horizonMonths})`,
      });
    if (g.inflow && groups.has(`${g.id}:inflow`))
      out.push({
        path: `groups[${i}].inflow`,
        message: `the inflow group "${g.id}:inflow" clashes with a group of that id`,
      });
  });
  (m.interventions ?? []).forEach((iv, i) => {
    checkRows(iv.transitions, `interventions[${i}].transitions`, states, out);
  });
  m.scenarios.forEach((sc, i) => {
    for (const [g, shares] of Object.entries(sc.allocation ?? {})) {
      const where = `scenarios[${i}].allocation.${g}`;
      if (!groups.has(g))
        out.push({ path: where, message: `unknown group "${g}" (expected one of ${[...groups].join(', ')})` });
      let sum = 0;
      let counted = 0;
      for (const [iv, value] of Object.entries(shares)) {
        if (!interventions.has(iv))
          out.push({
            path: `${where}.${iv}`,
            message: `unknown intervention "${iv}"${interventions.size ? ` (expected one of ${[...interventions].join(', ')})` : ' (the model has no interventions)'}`,
          });
        if (typeof value === 'number') sum += value;
        else counted += value.count;
      }
      const size = m.groups.find((gr) => gr.id === g)?.size;
      if (counted === 0 && sum > 1 + SUM_TOLERANCE)
        out.push({ path: where, message: `shares sum to ${+sum.toFixed(12)}, expected at most 1` });
      else if (size !== undefined && counted + sum * size > size * (1 + SUM_TOLERANCE)) {
        out.push({
          path: where,
          message: `counts and shares allocate ${+(counted + sum * size).toFixed(6)} citizens, more than the group's ${size}`,
        });
      }
    }
    if (sc.steering) checkSteering(m, sc, `scenarios[${i}].steering`, groups, interventions, out);
  });
  checkExtensions(m, states, out);
  checkAccounts(m, states, out);
  checkTranslations(m, out);
  return out;
}

/** Every id a translation names must exist: a typo would otherwise silently keep the original label. */
function checkTranslations(m: Model, out: Problem[]): void {
  const ids = {
    states: m.states.map((s) => s.id),
    groups: m.groups.map((g) => g.id),
    interventions: (m.interventions ?? []).map((iv) => iv.id),
    scenarios: m.scenarios.map((s) => s.id),
    interventionSources: (m.interventions ?? []).map((iv) => iv.id),
    scenarioSources: m.scenarios.map((s) => s.id),
    parameterSources: Object.keys(m.parameters ?? {}),
    calendar: (m.calendar ?? []).map((c) => String(c.from)),
    accounts: [...new Set(['transfers', 'interventions', 'premium', ...Object.keys(m.accounts ?? {})])],
  };
  for (const [lang, t] of Object.entries(m.translations ?? {})) {
    for (const [field, known] of Object.entries(ids)) {
      for (const key of Object.keys((t as Record<string, Record<string, string> | undefined>)?.[field] ?? {}))
        if (!known.includes(key))
          out.push({
            path: `translations.${lang}.${field}.${key}`,
            message: `unknown ${field === 'calendar' ? 'calendar step' : field.replace(/Sources$/, '').replace(/s$/, '')} "${key}" (expected one of ${known.join(', ') || 'none'})`,
          });
    }
  }
}

const KIND_KEYS = new Set(['@success', '@exit', '@benefit', '*']);

/** Checks of a scenario's portfolio steering against the model. */
function checkSteering(
  m: Model,
  sc: ScenarioSpec,
  where: string,
  groups: Set<string>,
  interventions: Set<string>,
  out: Problem[],
): void {
  const st = sc.steering!;
  const unknownIv = (id: string) =>
    `unknown intervention "${id}"${interventions.size ? ` (expected one of ${[...interventions].join(', ')})` : ' (the model has no interventions)'}`;
  if (!interventions.has(st.intervention))
    out.push({ path: `${where}.intervention`, message: unknownIv(st.intervention) });
  if (st.otherwise !== undefined && !interventions.has(st.otherwise))
    out.push({ path: `${where}.otherwise`, message: unknownIv(st.otherwise) });
  if (st.otherwise === st.intervention)
    out.push({ path: `${where}.otherwise`, message: 'expected an intervention other than the steered one' });
  (st.groups ?? []).forEach((g, k) => {
    if (!groups.has(g))
      out.push({
        path: `${where}.groups[${k}]`,
        message: `unknown group "${g}" (expected one of ${[...groups].join(', ')})`,
      });
  });
  const steered =
    st.groups ??
    Object.entries(sc.allocation ?? {})
      .filter(([, a]) => st.intervention in a)
      .map(([g]) => g);
  if (steered.length === 0 && interventions.has(st.intervention))
    out.push({
      path: `${where}.groups`,
      message: `no group to steer: name groups, or allocate "${st.intervention}" to some group`,
    });
  const lo = st.minShare ?? 0;
  const hi = st.maxShare ?? 1;
  if (lo > hi) out.push({ path: `${where}.minShare`, message: `expected minShare <= maxShare (${hi})` });
  if (!st.rules?.length && st.custom === undefined)
    out.push({ path: `${where}.rules`, message: 'expected at least one rule, or a custom rule' });
  const iv = (m.interventions ?? []).find((x) => x.id === st.intervention);
  (st.rules ?? []).forEach((rule, k) => {
    const at = `${where}.rules[${k}]`;
    if ((rule.above === undefined) === (rule.below === undefined))
      out.push({ path: at, message: 'expected exactly one of above, below' });
    if (rule.signal === 'freeCapacity' && iv && !iv.capacity)
      out.push({ path: `${at}.signal`, message: `freeCapacity needs a capacity on intervention "${st.intervention}"` });
    if (rule.signal === 'spending' && st.budget === undefined)
      out.push({ path: `${where}.budget`, message: 'required by a rule on spending (DKK per review period)' });
  });
}

/**
 * Resource bounds: the citizens of a run (group sizes plus inflow over the horizon) and
 * the compiled tables, so that a model too large is refused up front, not run out of memory.
 */
function checkSize(m: NormalisedModel, out: Problem[]): void {
  const parts: { path: string; label: string; n: number }[] = [];
  m.groups.forEach((g, i) => {
    parts.push({ path: `groups[${i}].size`, label: `groups[${i}].size`, n: g.size });
    if (g.inflow) {
      // The compiler's arrivals: floor(perMonth · months) in all, months from..to.
      const months = g.inflow.toMonth - g.inflow.fromMonth + 1;
      if (months > 0)
        parts.push({
          path: `groups[${i}].inflow.perMonth`,
          label: `groups[${i}].inflow over ${months} months`,
          n: Math.floor(g.inflow.perMonth * months + 1e-9),
        });
    }
  });
  const total = parts.reduce((a, p) => a + p.n, 0);
  if (total > LIMITS.citizens) {
    const largest = parts.reduce((a, p) => (p.n > a.n ? p : a));
    const shown = parts.filter((p) => p.n > 0).slice(0, 6);
    out.push({
      path: largest.path,
      message: `the model has ${total.toLocaleString('en')} citizens (${shown.map((p) => `${p.label} ${p.n.toLocaleString('en')}`).join(', ')}${shown.length < parts.filter((p) => p.n > 0).length ? ', …' : ''}): forlob runs at most ${LIMITS.citizens.toLocaleString('en')} (memory grows with citizens)`,
    });
  }
  const S = m.states.length;
  const A = (m.interventions?.length ?? 0) + 1;
  const K = m.readiness ? (m.readiness.hazardRatios?.length ?? m.readiness.classes) : 1;
  const NP = new Set((m.calendar ?? []).map((c) => stepMonth(m, c.from))).size + 1;
  const NB = m.duration?.bands.length ?? 1;
  const G = m.groups.length + m.groups.filter((g) => g.inflow).length;
  const table = A * K * S * S * NP * NB;
  const acc = G * A * S * NP;
  if (Math.max(table, acc) > LIMITS.tableEntries) {
    const what =
      table >= acc
        ? `its transition table would have ${table.toLocaleString('en')} entries (${A} arms × ${K} readiness classes × ${S}² states × ${NP} calendar periods × ${NB} duration bands)`
        : `a replicate's sums would have ${acc.toLocaleString('en')} entries (${G} groups × ${A} arms × ${S} states × ${NP} calendar periods)`;
    out.push({
      path: '(root)',
      message: `the model is too large: ${what}, more than ${LIMITS.tableEntries.toLocaleString('en')}`,
    });
  }
}

/** Checks for the optional parts of the format: effects, calibration, duration, costs. */
function checkExtensions(m: Model, states: Set<string>, out: Problem[]): void {
  const kindOf = new Map(m.states.map((s) => [s.id, s.kind]));
  const known = (id: string) => `unknown state "${id}" (expected one of ${[...states].join(', ')})`;
  m.states.forEach((s, i) => {
    if (s.paidHours && s.kind !== 'benefit')
      out.push({ path: `states[${i}].paidHours`, message: 'only a benefit state can be a paid-hours state' });
  });
  (m.interventions ?? []).forEach((iv, i) => {
    const cap = iv.capacity;
    if (cap) {
      const where = `interventions[${i}].capacity`;
      if ((cap.places === undefined) === (cap.caseworkers === undefined || cap.caseload === undefined))
        out.push({ path: where, message: 'expected places, or caseworkers and caseload' });
      if (cap.fallback !== undefined && !(m.interventions ?? []).some((x) => x.id === cap.fallback))
        out.push({ path: `${where}.fallback`, message: `unknown intervention "${cap.fallback}"` });
      if (cap.fallback === iv.id)
        out.push({ path: `${where}.fallback`, message: 'an intervention cannot be its own fallback' });
      const fb = (m.interventions ?? []).find((x) => x.id === cap.fallback);
      if (fb?.capacity) out.push({ path: `${where}.fallback`, message: 'the fallback may not itself have a capacity' });
    }
    for (const [from, row] of Object.entries(iv.effects ?? {})) {
      const where = `interventions[${i}].effects.${from}`;
      if (!states.has(from)) out.push({ path: where, message: known(from) });
      for (const [to, effect] of Object.entries(row)) {
        if (!states.has(to) && !KIND_KEYS.has(to))
          out.push({ path: `${where}.${to}`, message: `${known(to)}, or one of @success, @exit, @benefit, *` });
        const given = ['hazardRatio', 'oddsRatio', 'riskRatio'].filter(
          (k) => effect[k as keyof typeof effect] !== undefined,
        );
        if (given.length !== 1)
          out.push({
            path: `${where}.${to}`,
            message: `expected exactly one of hazardRatio, oddsRatio, riskRatio, got ${given.length}`,
          });
      }
    }
  });
  for (const [from, c] of Object.entries(m.calibration ?? {})) {
    const where = `calibration.${from}`;
    if (!states.has(from)) out.push({ path: where, message: known(from) });
    else if (kindOf.get(from) !== 'benefit')
      out.push({ path: where, message: 'only a benefit state can be calibrated' });
    let sum = 0;
    for (const [to, q] of Object.entries(c.completedShares)) {
      if (!states.has(to)) out.push({ path: `${where}.completedShares.${to}`, message: known(to) });
      else if (kindOf.get(to) === 'benefit')
        out.push({ path: `${where}.completedShares.${to}`, message: 'a completed course ends outside benefit states' });
      sum += q;
    }
    if (sum > 1 + SUM_TOLERANCE)
      out.push({ path: `${where}.completedShares`, message: `shares sum to ${+sum.toFixed(12)}, expected at most 1` });
    if (sum < 1 - SUM_TOLERANCE && !c.otherExit)
      out.push({
        path: `${where}.otherExit`,
        message: 'required when completedShares sum below 1 (the state taking the rest)',
      });
    if (c.otherExit && !states.has(c.otherExit)) out.push({ path: `${where}.otherExit`, message: known(c.otherExit) });
    if ((c.meanMonths === undefined) === (c.completion === undefined))
      out.push({ path: where, message: 'expected exactly one of meanMonths, completion' });
    if (c.paidHours) {
      const ph = c.paidHours.state;
      if (!states.has(ph)) out.push({ path: `${where}.paidHours.state`, message: known(ph) });
      else if (!m.states.find((s) => s.id === ph)!.paidHours)
        out.push({ path: `${where}.paidHours.state`, message: `state "${ph}" is not marked paidHours` });
      else {
        for (const to of Object.keys(m.transitions?.[ph] ?? {})) {
          if (to !== from && kindOf.get(to) === 'benefit')
            out.push({
              path: `transitions.${ph}.${to}`,
              message: `a calibrated paid-hours state may only move back to "${from}" or out of benefit`,
            });
        }
      }
    }
  }
  if (m.duration) {
    const d = m.duration;
    if (d.bands[0] !== 0) out.push({ path: 'duration.bands[0]', message: 'expected the first band to start at 0' });
    d.bands.forEach((b, i) => {
      if (i > 0 && b <= d.bands[i - 1])
        out.push({ path: `duration.bands[${i}]`, message: 'expected band starts in increasing order' });
    });
    for (const [from, hrs] of Object.entries(d.hazardRatios)) {
      if (!states.has(from)) out.push({ path: `duration.hazardRatios.${from}`, message: known(from) });
      if (hrs.length !== d.bands.length)
        out.push({
          path: `duration.hazardRatios.${from}`,
          message: `expected ${d.bands.length} hazard ratios (one per band), got ${hrs.length}`,
        });
    }
  }
  const stepAt = new Map<number, number>();
  (m.calendar ?? []).forEach((step, i) => {
    const where = `calendar[${i}]`;
    const month = stepMonth(m, step.from);
    // Two steps in one month would both apply, the later silently winning where they overlap.
    if (Number.isFinite(month) && stepAt.has(month))
      out.push({
        path: `${where}.from`,
        message: `the same month as calendar[${stepAt.get(month)}] (month ${month}): put the changes of one month in one step`,
      });
    else if (Number.isFinite(month)) stepAt.set(month, i);
    if (typeof step.from === 'string' && !m.start)
      out.push({ path: `${where}.from`, message: "a date needs the model's start (or give a month index)" });
    // A step at or after the horizon is allowed (a reform calendar outlives short runs); it changes nothing.
    else if (month < 1)
      out.push({ path: `${where}.from`, message: `expected a month after the start (month index >= 1), got ${month}` });
    checkRows(step.transitions, `${where}.transitions`, states, out);
    for (const sid of Object.keys(step.states ?? {}))
      if (!states.has(sid)) out.push({ path: `${where}.states.${sid}`, message: known(sid) });
    const ivs = new Set((m.interventions ?? []).map((iv) => iv.id));
    for (const [ivId, change] of Object.entries(step.interventions ?? {})) {
      if (!ivs.has(ivId))
        out.push({ path: `${where}.interventions.${ivId}`, message: `unknown intervention "${ivId}"` });
      checkRows(change.transitions, `${where}.interventions.${ivId}.transitions`, states, out);
      const cap = change.capacity;
      if (cap) {
        const at = `${where}.interventions.${ivId}.capacity`;
        const base = (m.interventions ?? []).find((x) => x.id === ivId)?.capacity;
        if (ivs.has(ivId) && !base) out.push({ path: at, message: `intervention "${ivId}" has no capacity to change` });
        else if (cap.places !== undefined && (cap.caseworkers !== undefined || cap.caseload !== undefined))
          out.push({ path: at, message: 'expected places, or caseworkers and/or caseload, not both' });
        else if (cap.places === undefined && cap.caseworkers === undefined && cap.caseload === undefined)
          out.push({ path: at, message: 'expected places, caseworkers or caseload' });
        else if (
          base &&
          cap.places === undefined &&
          base.places !== undefined &&
          (cap.caseworkers === undefined || cap.caseload === undefined)
        )
          out.push({
            path: at,
            message: 'the capacity is given in places: expected places, or both caseworkers and caseload',
          });
      }
    }
  });
  const ref = m.costs?.refusion;
  if (ref && typeof ref === 'object') {
    if (ref.fromWeek.length !== ref.reimbursedShare.length)
      out.push({ path: 'costs.refusion', message: 'expected fromWeek and reimbursedShare of the same length' });
    if (ref.fromWeek[0] !== 1)
      out.push({ path: 'costs.refusion.fromWeek[0]', message: 'expected the ladder to start at week 1' });
    ref.fromWeek.forEach((w, i) => {
      if (i > 0 && w <= ref.fromWeek[i - 1])
        out.push({ path: `costs.refusion.fromWeek[${i}]`, message: 'expected weeks in increasing order' });
    });
    if (ref.restart && ref.restart.withinMonths < ref.restart.selfSupportMonths)
      out.push({
        path: 'costs.refusion.restart.withinMonths',
        message: `expected a window of at least selfSupportMonths (${ref.restart.selfSupportMonths}) months`,
      });
  }
}

const BUILTIN = ['transfers', 'interventions', 'premium'];

/** Checks of the accounts: every flow names a known account, effects have no payer, transitions known states. */
function checkAccounts(m: Model, states: Set<string>, out: Problem[]): void {
  const declared = m.accounts ?? {};
  for (const b of BUILTIN)
    if (declared[b]?.kind === 'effect')
      out.push({ path: `accounts.${b}.kind`, message: `"${b}" is a built-in money account: expected kind "money"` });
  const known = [...new Set([...BUILTIN, ...Object.keys(declared)])];
  const check = (f: FlowSpec, at: string) => {
    const acc = declared[f.account];
    if (!acc && !BUILTIN.includes(f.account))
      out.push({
        path: `${at}.account`,
        message: `unknown account "${f.account}" (expected one of ${known.join(', ')}, or declare it in accounts)`,
      });
    if (acc?.kind === 'effect' && f.payer !== undefined)
      out.push({ path: `${at}.payer`, message: `"${f.account}" is an effect account: its entries have no payer` });
  };
  const checkAll = (flows: FlowSpec[] | undefined, at: string) => {
    for (const [j, f] of (flows ?? []).entries()) check(f, `${at}[${j}]`);
  };
  m.states.forEach((st, i) => {
    checkAll(st.flows, `states[${i}].flows`);
  });
  (m.interventions ?? []).forEach((iv, i) => {
    checkAll(iv.flows, `interventions[${i}].flows`);
    checkAll(iv.startFlows, `interventions[${i}].startFlows`);
  });
  m.scenarios.forEach((sc, i) => {
    checkAll(sc.flows, `scenarios[${i}].flows`);
  });
  m.calendar?.forEach((step, k) => {
    for (const [id, ch] of Object.entries(step.states ?? {})) checkAll(ch.flows, `calendar[${k}].states.${id}.flows`);
    for (const [id, ch] of Object.entries(step.interventions ?? {}))
      checkAll(ch.flows, `calendar[${k}].interventions.${id}.flows`);
  });
  m.transitionFlows?.forEach((f, j) => {
    const at = `transitionFlows[${j}]`;
    check(f, at);
    for (const end of ['from', 'to'] as const)
      if (!states.has(f[end]))
        out.push({
          path: `${at}.${end}`,
          message: `unknown state "${f[end]}" (expected one of ${[...states].join(', ')})`,
        });
    if (f.from === f.to) out.push({ path: `${at}.to`, message: 'expected a move to another state' });
  });
}

/**
 * Check a model and return it typed. Throws {@link ForlobInputError} listing every problem,
 * each with the path of the offending field and what was expected.
 *
 * @example
 * ```ts
 * const model = validateModel(JSON.parse(text));
 * ```
 */
export function validateModel(input: unknown): Model {
  const raw: Problem[] = [];
  scanRaw(input, [], raw);
  if (raw.length) throw new ForlobInputError(raw, 'invalid model');
  const parsed = modelSchema.safeParse(input);
  if (!parsed.success) {
    throw new ForlobInputError(
      parsed.error.issues.flatMap((iss) => issueToProblems(iss, input)),
      'invalid model',
    );
  }
  const model: Model = parsed.data;
  const problems = checkSemantics(model);
  if (problems.length) throw new ForlobInputError(problems, 'invalid model');
  return model;
}

/**
 * Parse model JSON text and validate it. Malformed JSON is reported as a
 * {@link ForlobInputError} too, with the position of the fault.
 */
export function parseModel(text: string, source = 'model'): Model {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ForlobInputError(
      [{ path: '(root)', message: `malformed JSON in ${source}: ${(e as Error).message}` }],
      'invalid model',
    );
  }
  const dup = duplicateKeys(text);
  if (dup.length) throw new ForlobInputError(dup, 'invalid model');
  return validateModel(json);
}
