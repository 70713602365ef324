/**
 * Alignment: scale a model's exit hazards so its expected stock (or success share) at a month
 * matches an aggregate figure — a published stock, a Jobindsats success share — as
 * microsimulation models align their simulated totals to official ones.
 *
 * **Which hazards.** A target names the from-states whose exits it scales: a state's stock,
 * that state's exits; the success share, the exits of every benefit state (unless the target
 * says otherwise). One factor per target multiplies every cause-specific exit hazard of those
 * states (p' = 1 − (1 − P)^f split as before, the engine's hazard-ratio rule), so rows keep
 * summing to at most 1 for any factor and each destination keeps its share of the exits. In
 * the model the factor goes into `duration.hazardRatios` (every band's ratio times f).
 *
 * **Expected values, exactly.** The model's expected occupancy is computed deterministically
 * by propagating each arm's citizens through the monthly rows (the engine's own resolved
 * rows: baseline, intervention rows, effects, duration bands) on the chain of (state, months
 * in the state), with the inflow added month by month as the engine adds it. With the duration
 * clock as part of the state that chain is time-homogeneous, so these are matrix powers, and
 * there is no Monte Carlo error for the root-finding to chase (a fixed-seed simulation mean
 * would be a step function of the factor and cost a simulation per step). Every uncertain
 * number is at its mean (the point model), so the aligned model's *point* forecast hits the
 * target; the simulated mean over parameter draws differs from it only by the rates'
 * curvature, well inside their uncertainty.
 *
 * **Root.** Bisection on log f over [1e-4, 1e4] until the factor is known to 1e-10 relative;
 * a target outside what the factor can reach at those ends is an error naming the flag. With
 * several targets (disjoint from-states) the factors are solved in turn until all hold.
 * @module
 */
import { applyHazardRatios } from '../compile/effects.js';
import { resolveRows } from '../compile/resolve.js';
import { planUncertainty } from '../evidence/plan.js';
import { monthsBetween } from '../model/dates.js';
import { ForlobInputError } from '../model/errors.js';
import { allocateGroup, largestRemainder } from '../model/allocation.js';
import { type NormalisedModel, normalise } from '../model/normalise.js';
import type { ModelInput, UncertainNumber } from '../params/input.js';

/**
 * One aggregate figure to align to: the citizens in `state` (a stock) or the share of all
 * citizens in success states (`success`) at month `at`.
 */
export type AlignTarget = {
  /** The month: a calendar month `YYYY-MM` (the model needs a `start`), or months after month 0 (1 … horizon). */
  at: string | number;
  /** The from-states whose exits the factor scales (default: `state` itself; for `success`, every benefit state). */
  scale?: readonly string[];
  /** How the target is written, for errors and the report (default made from the fields). */
  label?: string;
} & (
  | {
      /** The state whose stock is the target. */
      state: string;
      /** Its citizens at the month. */
      count: number;
    }
  | {
      /** The share of all citizens in success states at the month, 0 … 1. */
      success: number;
    }
);

/** Options of {@link alignModel}. */
export interface AlignOptions {
  /** The scenario whose population and rows are aligned (default the first). */
  scenario?: string;
  /** Where the targets came from, for error paths (default `targets`; the CLI passes `--align`). */
  path?: string;
}

/** The factor found for one target. */
export interface AlignmentFactor {
  /** The target as written. */
  target: string;
  /** The from-states whose exit hazards were scaled. */
  states: string[];
  /** The factor on their exit hazards (1: the model already hit the target). */
  factor: number;
  /** Month index of the target (months after month 0). */
  month: number;
  /** The target figure (citizens, or a share). */
  value: number;
  /** The unaligned model's expected figure then. */
  before: number;
  /** The aligned model's expected figure (equals `value` to the solver's tolerance). */
  after: number;
}

/** An aligned model and its factors. */
export interface AlignResult {
  /** The model with the factors in `duration.hazardRatios`, its description saying so. */
  model: ModelInput;
  /** One factor per target, in order. */
  factors: AlignmentFactor[];
}

const LO = 1e-4;
const HI = 1e4;

/**
 * Scale a model's exit hazards so its expected stock or success share hits aggregate targets.
 *
 * @example
 * ```ts
 * const { model } = fitModel(panel);
 * // the published stock of kh in December 2024 was 1,800; 42 % in a job a year on
 * const { model: aligned, factors } = alignModel(model, [
 *   { state: 'kh', count: 1800, at: '2024-12' },
 * ]);
 * factors[0].factor; // e.g. 1.08: exits from kh 8 % faster than estimated
 * ```
 */
export function alignModel(
  model: ModelInput,
  targets: readonly AlignTarget[],
  options: AlignOptions = {},
): AlignResult {
  const path = options.path ?? 'targets';
  if (targets.length === 0) throw new ForlobInputError([{ path, message: 'expected at least one target' }]);
  const base = normalise(planUncertainty(model).point);
  unsupported(base, path);
  const ids = base.states.map((s) => s.id);
  const scenario = options.scenario ?? base.scenarios[0].id;
  if (!base.scenarios.some((s) => s.id === scenario))
    throw new ForlobInputError([
      {
        path: 'scenario',
        message: `unknown scenario "${scenario}" (expected one of ${base.scenarios.map((s) => s.id).join(', ')})`,
      },
    ]);

  const parsed = targets.map((t, i) => {
    const p = `${path}[${i}]`;
    const label = t.label ?? targetLabel(t);
    const month = monthOf(t.at, base, `${p}.at`, label);
    if ('state' in t) {
      if (!ids.includes(t.state))
        throw new ForlobInputError([
          { path: `${p}.state`, message: `${label}: unknown state "${t.state}" (expected one of ${ids.join(', ')})` },
        ]);
      if (!(Number.isFinite(t.count) && t.count >= 0))
        throw new ForlobInputError([{ path: `${p}.count`, message: `${label}: expected a stock >= 0 citizens` }]);
    } else if (!(Number.isFinite(t.success) && t.success >= 0 && t.success <= 1))
      throw new ForlobInputError([
        { path: `${p}.success`, message: `${label}: expected a share from 0 to 1, got ${t.success}` },
      ]);
    const scale =
      t.scale ?? ('state' in t ? [t.state] : base.states.filter((s) => s.kind === 'benefit').map((s) => s.id));
    for (const s of scale)
      if (!ids.includes(s))
        throw new ForlobInputError([
          { path: `${p}.scale`, message: `${label}: unknown state "${s}" (expected one of ${ids.join(', ')})` },
        ]);
    if (scale.length === 0)
      throw new ForlobInputError([{ path: `${p}.scale`, message: `${label}: expected a state whose exits to scale` }]);
    const kinds = base.states.map((s) => s.kind);
    const figure =
      'state' in t
        ? (occ: Float64Array[]) => occ[month][ids.indexOf(t.state)]
        : (occ: Float64Array[]) => {
            const all = occ[month].reduce((a, b) => a + b, 0);
            return all > 0 ? occ[month].reduce((a, x, s) => a + (kinds[s] === 'success' ? x : 0), 0) / all : 0;
          };
    return {
      label,
      what: 'state' in t ? `stock of ${t.state}` : 'success share',
      month,
      value: 'state' in t ? t.count : t.success,
      scale: scale.map((s) => ids.indexOf(s)),
      figure,
      p,
    };
  });
  for (const [i, a] of parsed.entries())
    for (const b of parsed.slice(0, i)) {
      const both = a.scale.filter((s) => b.scale.includes(s));
      if (both.length)
        throw new ForlobInputError([
          {
            path: `${a.p}.scale`,
            message: `${a.label} and ${b.label} both scale the exits of ${both.map((s) => ids[s]).join(', ')}: give each target its own states`,
          },
        ]);
    }

  const chain = expectedChain(base, scenario);
  const factors = new Float64Array(ids.length).fill(1);
  const before = parsed.map((t) => t.figure(chain(factors)));
  const solveOne = (t: (typeof parsed)[number]) => {
    const at = (f: number) => {
      for (const s of t.scale) factors[s] = f;
      return t.figure(chain(factors)) - t.value;
    };
    let lo = Math.log(LO);
    let hi = Math.log(HI);
    const gLo = at(LO);
    const gHi = at(HI);
    if (gLo * gHi > 0) {
      const a = gLo + t.value;
      const b = gHi + t.value;
      throw new ForlobInputError([
        {
          path: t.p,
          message: `${t.label} is out of reach: scaling the exits of ${t.scale.map((s) => ids[s]).join(', ')} moves the expected ${t.what} only from ${fmt(Math.min(a, b))} to ${fmt(Math.max(a, b))}`,
        },
      ]);
    }
    const rising = gHi > gLo;
    while (hi - lo > 1e-10) {
      const mid = (lo + hi) / 2;
      if (at(Math.exp(mid)) > 0 === rising) hi = mid;
      else lo = mid;
    }
    const f = Math.exp((lo + hi) / 2);
    for (const s of t.scale) factors[s] = f;
  };
  // Targets on different states still interact (fewer exits from one state change the
  // stock of another), so each is solved in turn given the others until all hold.
  const met = () =>
    parsed.every((t) => Math.abs(t.figure(chain(factors)) - t.value) <= 1e-9 * Math.max(1, Math.abs(t.value)));
  for (let round = 0; round < 100 && !(round > 0 && met()); round++) for (const t of parsed) solveOne(t);
  if (!met())
    throw new ForlobInputError([
      {
        path,
        message: `the targets ${parsed.map((t) => t.label).join(', ')} cannot all be met together by scaling these states' exits`,
      },
    ]);
  const occ = chain(factors);
  const result: AlignmentFactor[] = parsed.map((t, i) => ({
    target: t.label,
    states: t.scale.map((s) => ids[s]),
    factor: factors[t.scale[0]],
    month: t.month,
    value: t.value,
    before: before[i],
    after: t.figure(occ),
  }));
  return { model: scaledModel(model, base, factors, result), factors: result };
}

function targetLabel(t: AlignTarget): string {
  return 'state' in t ? `${t.state}=${t.count}@${t.at}` : `success=${t.success}@${t.at}`;
}

function fmt(x: number): string {
  return Math.abs(x) < 1 ? x.toFixed(4) : x.toFixed(1);
}

/** The month index of a target's `at`. */
function monthOf(at: string | number, model: NormalisedModel, path: string, label: string): number {
  const H = model.horizonMonths;
  let m: number;
  if (typeof at === 'number' || /^\d+$/.test(at)) m = Number(at);
  else if (/^\d{4}-\d{2}$/.test(at)) {
    if (model.start === undefined)
      throw new ForlobInputError([
        { path, message: `${label}: a calendar month needs the model's start; give months after month 0 instead` },
      ]);
    m = monthsBetween(model.start, at);
  } else
    throw new ForlobInputError([
      { path, message: `${label}: expected a month YYYY-MM or a number of months after month 0, got "${at}"` },
    ]);
  if (!(Number.isInteger(m) && m >= 1 && m <= H))
    throw new ForlobInputError([
      {
        path,
        message: `${label}: month ${m} is out of range: expected 1 … ${H} months after month 0${model.start ? ` (${model.start})` : ''} (month 0 is the starting stock, which no rate changes)`,
      },
    ]);
  return m;
}

/** What the exact expected values do not cover. */
function unsupported(m: NormalisedModel, path: string): void {
  const why = [
    m.readiness ? 'readiness classes' : '',
    m.calendar.length ? 'a calendar' : '',
    m.interventions.some((iv) => iv.capacity) ? 'a capacity' : '',
    m.scenarios.some((sc) => sc.steering) ? 'steering' : '',
    m.duration && m.duration.clock !== 'state' ? 'a benefit duration clock' : '',
    m.cycle !== 'month' ? 'yearly cycles' : '',
  ].filter(Boolean);
  if (why.length)
    throw new ForlobInputError([
      {
        path,
        message: `alignment computes expected values exactly for models without readiness, calendar, capacity, steering, a benefit clock or yearly cycles; this model has ${why.join(', ')}`,
      },
    ]);
}

/**
 * The expected citizens per state at months 0 … H of `scenario`, as a function of a factor
 * per from-state on its exit hazards: each arm's citizens spread over (state, months in the
 * state up to the last band's start), moved a month at a time.
 */
function expectedChain(m: NormalisedModel, scenario: string): (factors: Float64Array) => Float64Array[] {
  const S = m.states.length;
  const H = m.horizonMonths;
  const ids = m.states.map((s) => s.id);
  const { NB, p } = resolveRows(m);
  const bands = m.duration?.bands ?? [0];
  const D = bands[NB - 1] + 1; // months in the state beyond the last band's start act alike
  const band = Array.from({ length: D }, (_, d) => {
    let b = 0;
    while (b + 1 < NB && d >= bands[b + 1]) b++;
    return b;
  });
  const sc = m.scenarios.find((x) => x.id === scenario)!;
  const ivIndex = new Map(m.interventions.map((iv, i) => [iv.id, i + 1]));
  const A = m.interventions.length + 1;
  // start[a][(s·D + d)]: citizens of arm a at month 0; arrive[a][t·S + s]: newcomers in month t.
  const start = Array.from({ length: A }, () => new Float64Array(S * D));
  const arrive = Array.from({ length: A }, () => new Float64Array((H + 1) * S));
  const used = new Set<number>();
  for (const g of m.groups) {
    const alloc = sc.allocation[g.id] ?? {};
    const arms = [...Object.keys(alloc).map((id) => ivIndex.get(id)!), 0];
    const counts = allocateGroup(g.size, Object.values(alloc));
    const s = ids.indexOf(g.initialState);
    const d = Math.min(g.initialDurationMonths ?? 0, D - 1);
    arms.forEach((a, k) => {
      start[a][s * D + d] += counts[k];
      if (counts[k] > 0) used.add(a);
    });
    if (g.inflow) {
      const f = g.inflow;
      const shares = Object.values(alloc).map((v) => (typeof v === 'number' ? v : g.size > 0 ? v.count / g.size : 0));
      for (let t = f.fromMonth; t <= Math.min(f.toMonth, H - 1); t++) {
        const n =
          Math.floor(f.perMonth * (t - f.fromMonth + 1) + 1e-9) - Math.floor(f.perMonth * (t - f.fromMonth) + 1e-9);
        if (n === 0) continue;
        largestRemainder(n, shares).forEach((c, k) => {
          arrive[arms[k]][t * S + s] += c;
          if (c > 0) used.add(arms[k]);
        });
      }
    }
  }
  const row = new Float64Array(S);
  const hr = new Float64Array(S);
  return (factors) => {
    const occ = Array.from({ length: H + 1 }, () => new Float64Array(S));
    for (const a of used) {
      // Rows of this arm per state and band, with the factors applied as hazard ratios.
      const P = new Float64Array(S * NB * S);
      for (let s = 0; s < S; s++)
        for (let b = 0; b < NB; b++) {
          row.set(p.subarray(((a * S + s) * NB + b) * S, ((a * S + s) * NB + b + 1) * S));
          if (factors[s] !== 1) {
            hr.fill(factors[s]);
            applyHazardRatios(row, hr);
          }
          P.set(row, (s * NB + b) * S);
        }
      let x = Float64Array.from(start[a]);
      for (let t = 0; t <= H; t++) {
        for (let s = 0; s < S; s++) x[s * D] += arrive[a][t * S + s];
        for (let s = 0; s < S; s++) {
          let n = 0;
          for (let d = 0; d < D; d++) n += x[s * D + d];
          occ[t][s] += n;
        }
        if (t === H) break;
        const y = new Float64Array(S * D);
        for (let s = 0; s < S; s++)
          for (let d = 0; d < D; d++) {
            const v = x[s * D + d];
            if (v === 0) continue;
            const r = (s * NB + band[d]) * S;
            let leave = 0;
            for (let to = 0; to < S; to++) {
              const q = P[r + to];
              if (q === 0 || to === s) continue;
              y[to * D] += v * q;
              leave += q;
            }
            y[s * D + Math.min(d + 1, D - 1)] += v * (1 - Math.min(1, leave));
          }
        x = y;
      }
    }
    return occ;
  };
}

/** The model with each from-state's factor folded into its duration hazard ratios. */
function scaledModel(
  model: ModelInput,
  base: NormalisedModel,
  factors: Float64Array,
  report: AlignmentFactor[],
): ModelInput {
  const out = structuredClone(model) as ModelInput;
  const ids = base.states.map((s) => s.id);
  const bands = base.duration?.bands ?? [0];
  const duration = out.duration ?? { clock: 'state' as const, bands, hazardRatios: {} };
  const hazardRatios: Record<string, UncertainNumber[]> = { ...(duration.hazardRatios ?? {}) };
  const parameters = out.parameters ? { ...out.parameters } : undefined;
  const shifted = new Map<string, number>();
  ids.forEach((id, s) => {
    const f = factors[s];
    if (f === 1) return;
    const path = `duration.hazardRatios.${id}`;
    const own = hazardRatios[id] ?? bands.map(() => 1);
    hazardRatios[id] = own.map((x, b) => {
      if (typeof x === 'number') return x * f;
      if ('dist' in x && x.dist === 'lognormal') return { ...x, mu: (x.mu as number) + Math.log(f) };
      if ('param' in x && parameters) {
        const par = parameters[x.param];
        if (par && typeof par === 'object' && 'dist' in par && par.dist === 'mvnormal' && par.log && x.component) {
          // A joint lognormal per band: shift the component's log mean once.
          const key = `${x.param}\u0000${x.component}`;
          const done = shifted.get(key);
          if (done === undefined) {
            const k = par.components.indexOf(x.component);
            const mean = [...par.mean];
            mean[k] += Math.log(f);
            parameters[x.param] = { ...par, mean };
            shifted.set(key, f);
            return x;
          }
          if (done === f) return x;
        }
      }
      throw new ForlobInputError([
        {
          path: `${path}[${b}]`,
          message:
            'alignment scales a hazard ratio that is a number, a lognormal or a component of a log-scale mvnormal; this one is none of them',
        },
      ]);
    });
  });
  out.duration = { ...duration, hazardRatios };
  if (parameters) out.parameters = parameters;
  const words = report
    .map(
      (r) =>
        `${r.target}: exit hazards of ${r.states.join(', ')} × ${r.factor.toPrecision(4)} (expected ${fmt(r.before)} before, ${fmt(r.after)} after)`,
    )
    .join('; ');
  out.description = `${out.description ? `${out.description} ` : ''}Aligned: ${words}.`;
  return out;
}
