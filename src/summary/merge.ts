/**
 * Merging split runs: the raw rows of replicate ranges, concatenated in replicate order,
 * are exactly the rows of the whole run, so the merged summary is byte for byte the whole
 * run's.
 * @module
 */
import { compileModel } from '../compile/compile.js';
import { type Layout, layoutFor } from '../engine/layout.js';
import { canonicalJSON, KEPT_ARRAYS, keptHash, modelHash, partSettings, type KeptArrayName } from './kept-hash.js';
import { M, METRICS, type MetricName } from '../engine/reduce/metrics.js';
import { YEARLY_ITEMS, type YearlyItem } from '../engine/reduce/ledger.js';
import { ForlobInputError } from '../model/errors.js';
import { isUncertain } from '../params/plan.js';
import { planUncertainty } from '../evidence/plan.js';
import { CHANCE_REPLICATES, varianceShares } from './variance.js';
import { collectBlocks } from '../engine/blocks.js';
import type { KeptReplicates } from './kept.js';
import { assembleResult } from './result.js';
import type { SimulationResult } from './types.js';
import { DEFAULT_WTP_RANGE, type ResolvedOptions } from '../model/options.js';

/** The decision settings a part was run with (read from its JSON `decision`). */
export interface RunPartDecision {
  /** Willingness to pay per success, DKK. */
  willingnessToPay?: number;
  /** The perspective, when not the municipality's. */
  perspective?: string;
  /** The effect, when not successes. */
  effect?: string;
  /** The CEAC, whose willingness-to-pay values give the grid. */
  ceac?: {
    /** Willingness to pay of a grid point, DKK. */
    wtp: number;
  }[];
  /** The EVPPI entries, whose groups of two or more parameters are the `evppiGroups` option. */
  evppi?: {
    /** The parameters of an EVPPI entry. */
    parameters: string[];
  }[];
}

/** The CEAC grid and EVPPI groups a part was run with (defaults for older parts). */
function decisionOptions(
  d: RunPartDecision | undefined,
): Pick<ResolvedOptions, 'willingnessToPayRange' | 'evppiGroups' | 'perspective' | 'effect'> {
  const w = (d?.ceac ?? []).map((p) => p.wtp);
  const range =
    w.length >= 2
      ? { min: w[0], max: w[w.length - 1], step: w[1] - w[0] }
      : w.length === 1
        ? { min: w[0], max: w[0], step: 1 }
        : DEFAULT_WTP_RANGE;
  return {
    willingnessToPayRange: range,
    evppiGroups: (d?.evppi ?? []).map((e) => e.parameters).filter((g) => g.length > 1),
    ...(d?.perspective !== undefined ? { perspective: d.perspective } : {}),
    ...(d?.effect !== undefined ? { effect: d.effect } : {}),
  };
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
  if (!Array.isArray(parts))
    throw new ForlobInputError([
      {
        path: 'parts',
        message: `expected an array of runs written with --format json --keep-replicates, got ${parts === null ? 'null' : typeof parts}`,
      },
    ]);
  names ??= parts.map((_, i) => `part ${i + 1}`);
  if (!Array.isArray(names) || names.length < parts.length)
    throw new ForlobInputError([
      { path: 'names', message: `expected an array of ${parts.length} names, one per part` },
    ]);
  if (parts.length === 0)
    throw new ForlobInputError([{ path: 'arguments', message: 'expected at least one file to merge' }]);
  const problems: { path: string; message: string }[] = [];
  parts.forEach((p, i) => {
    if (!p || typeof p !== 'object' || !p.kept || typeof p.kept !== 'object' || !Array.isArray(p.kept.values))
      problems.push({ path: names[i], message: 'expected a run written with --format json --keep-replicates' });
    else problems.push(...headerProblems(p, names[i]));
  });
  if (problems.length) throw new ForlobInputError(problems);
  const first = parts[0];
  const settings = parts.map((p) => partSettings(p));
  const specText = canonicalJSON(first.kept.spec);
  parts.forEach((p, i) => {
    const s = settings[i];
    const s0 = settings[0];
    const differ = (field: string, a: unknown, b: unknown, what = field) => {
      if (JSON.stringify(a) !== JSON.stringify(b))
        problems.push({
          path: `${names[i]}.${field}`,
          message: `expected ${shown(b)} as in ${names[0]}, got ${shown(a)}${what !== field ? ` (${what})` : ''}`,
        });
    };
    differ('seed', s.seed, s0.seed);
    differ('replicates', s.replicates, s0.replicates);
    differ('baseline', s.baseline, s0.baseline);
    differ('level', s.level, s0.level);
    differ('decision.willingnessToPay', s.willingnessToPay, s0.willingnessToPay, '--wtp');
    differ('decision.ceac', s.grid, s0.grid, 'the willingness-to-pay grid of --wtp-range');
    differ('decision.evppi', s.evppiGroups, s0.evppiGroups, 'the groups of --evppi-groups');
    differ('decision.perspective', p.decision?.perspective, first.decision?.perspective, '--perspective');
    differ('decision.effect', p.decision?.effect, first.decision?.effect, '--effect');
    // Rows of another version need not be rows of the same run (a fix can move a draw).
    differ('kept.forlob', p.kept.forlob, first.kept.forlob, 'the forlob version that ran it');
    const hash = modelHash(p.kept.spec);
    if (p.kept.modelHash !== undefined && p.kept.modelHash !== hash)
      problems.push({
        path: `${names[i]}.kept.modelHash`,
        message: `expected the SHA-256 of kept.spec (${hash.slice(0, 12)}…), got ${shown(p.kept.modelHash)}: the file was edited or damaged`,
      });
    else if (canonicalJSON(p.kept.spec) !== specText)
      problems.push({
        path: `${names[i]}.kept.spec`,
        message: `expected the same model as ${names[0]} (model SHA-256 ${modelHash(first.kept.spec).slice(0, 12)}…), got another (${hash.slice(0, 12)}…)`,
      });
    else if (
      JSON.stringify(p.kept.spec) !== JSON.stringify(first.kept.spec) &&
      modelFingerprint(p.kept.spec) !== modelFingerprint(first.kept.spec)
    ) {
      problems.push({
        path: `${names[i]}.kept.spec`,
        message: `expected the same model as ${names[0]}: it has the same content with keys in an order that changes the simulation (the order of transitions or parameters sets the order of random draws), so its rows are not rows of the same run: run every part from the same model file`,
      });
    }
  });
  if (problems.length) throw new ForlobInputError(problems);
  const plan = planUncertainty(first.kept.spec);
  const layout = layoutFor(plan.point);
  const stride = layout.strides.replicate;
  const withArms = parts.some((p) => p.kept.arms !== undefined);
  // Parts kept before accounts existed merge without them.
  const withAccounts = parts.some((p) => p.kept.accounts !== undefined);
  const shape = keptShape(layout, first.replicates, isUncertain(plan), withArms, withAccounts);
  parts.forEach((p, i) => {
    problems.push(...arrayProblems(p.kept, names[i], shape));
  });
  if (problems.length) throw new ForlobInputError(problems.slice(0, 20));
  parts.forEach((p, i) => {
    const k = p.kept;
    if (k.hash === undefined) return;
    if (
      k.hash !==
      keptHash(settings[i], Object.fromEntries(KEPT_ARRAYS.filter((f) => k[f] !== undefined).map((f) => [f, k[f]!])))
    ) {
      problems.push({
        path: `${names[i]}.kept.hash`,
        message: 'the rows or settings do not match the hash: the file was edited or damaged',
      });
    }
  });
  if (problems.length) throw new ForlobInputError(problems);
  const order = parts.map((p, i) => ({ p, name: names[i] })).sort((a, b) => a.p.kept.from - b.p.kept.from);
  let expect = 0;
  for (const { p, name } of order) {
    if (p.kept.from !== expect) {
      throw new ForlobInputError([
        {
          path: `${name}.kept.from`,
          message:
            p.kept.from > expect
              ? `replicates ${expect}–${p.kept.from - 1} are missing`
              : `replicates from ${p.kept.from} overlap another part`,
        },
      ]);
    }
    expect = p.kept.to;
  }
  if (expect !== first.replicates)
    throw new ForlobInputError([
      { path: 'arguments', message: `replicates ${expect}–${first.replicates - 1} are missing` },
    ]);
  const blocks = collectBlocks(first.replicates);
  const nums = (xs: (number | null)[]) => Float64Array.from(xs, (v) => (v === null ? NaN : v));
  for (const { p } of order) {
    const k = p.kept;
    blocks.add(k.from, k.to - k.from, {
      values: nums(k.values),
      ...(withArms ? { arms: nums(k.arms!) } : {}),
      ...(k.monthly ? { monthly: nums(k.monthly) } : {}),
      ...(k.yearly ? { yearly: nums(k.yearly) } : {}),
      ...(k.queue ? { queue: Int32Array.from(k.queue) } : {}),
      ...(k.shares ? { shares: nums(k.shares) } : {}),
      ...(withAccounts ? { accounts: nums(k.accounts!), accountsYearly: nums(k.accountsYearly!) } : {}),
    });
  }
  const merged = assembleResult(
    plan,
    {
      replicates: first.replicates,
      seed: first.seed,
      level: first.level,
      from: 0,
      to: first.replicates,
      occupancy: false,
      maxReplicates: first.replicates,
      ...decisionOptions(first.decision),
      ...(first.baseline !== undefined ? { baseline: first.baseline } : {}),
      ...(first.decision?.willingnessToPay ? { willingnessToPay: first.decision.willingnessToPay } : {}),
    },
    { ...blocks.result(), layout },
  );
  // The variance split, when the parts kept the chance pass over the first replicates.
  const n = Math.min(first.replicates, CHANCE_REPLICATES);
  const chance = new Float64Array(n * stride);
  let covered = 0;
  for (const { p } of order) {
    const k = p.kept;
    const rows = Math.max(0, Math.min(k.to, n) - k.from);
    if (rows === 0 || !k.chance) continue;
    chance.set(nums(k.chance), k.from * stride);
    covered += rows;
  }
  if (covered === n && isUncertain(plan)) {
    const shares = varianceShares(
      merged.raw.values,
      chance,
      n,
      merged.scenarios.length,
      merged.scenarios[0].groups.length,
    );
    merged.scenarios.forEach((sc, i) => {
      sc.varianceShares = shares[i];
    });
    merged.raw.chance = chance;
  }
  return merged;
}

/** A value for a message: JSON, cut short. */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Problems with a part's seed, replicates, level, baseline, decision settings, range and hash. */
function headerProblems(p: RunPart, name: string): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const bad = (path: string, expected: string, got: unknown) =>
    out.push({ path: `${name}.${path}`, message: `expected ${expected}, got ${shown(got)}` });
  if (typeof p.seed !== 'string') bad('seed', 'a string', p.seed);
  const replicatesOk = isInt(p.replicates) && p.replicates >= 1;
  if (!replicatesOk) bad('replicates', 'a whole number >= 1', p.replicates);
  if (!(typeof p.level === 'number' && p.level > 0 && p.level < 1)) bad('level', 'a number between 0 and 1', p.level);
  if (p.baseline !== undefined && typeof p.baseline !== 'string') bad('baseline', 'a scenario id', p.baseline);
  const d = p.decision as unknown;
  if (d !== undefined) {
    if (!d || typeof d !== 'object' || Array.isArray(d)) bad('decision', 'an object', d);
    else {
      const { willingnessToPay: w, ceac, evppi } = d as Record<string, unknown>;
      if (w !== undefined && !(typeof w === 'number' && Number.isFinite(w) && w >= 0))
        bad('decision.willingnessToPay', 'a number >= 0', w);
      if (ceac !== undefined) {
        if (!Array.isArray(ceac)) bad('decision.ceac', 'an array', ceac);
        else
          ceac.forEach((c: unknown, i) => {
            const wtp = c && typeof c === 'object' ? (c as { wtp?: unknown }).wtp : undefined;
            if (!(typeof wtp === 'number' && Number.isFinite(wtp))) bad(`decision.ceac[${i}].wtp`, 'a number', wtp);
          });
      }
      if (evppi !== undefined) {
        if (!Array.isArray(evppi)) bad('decision.evppi', 'an array', evppi);
        else
          evppi.forEach((e: unknown, i) => {
            const ps = e && typeof e === 'object' ? (e as { parameters?: unknown }).parameters : undefined;
            if (!Array.isArray(ps) || !ps.every((x) => typeof x === 'string'))
              bad(`decision.evppi[${i}].parameters`, 'an array of parameter names', ps);
          });
      }
    }
  }
  const { from, to, hash } = p.kept;
  if (!isInt(from) || from < 0) bad('kept.from', 'a whole number >= 0', from);
  else if (!isInt(to) || to <= from) bad('kept.to', `a whole number > from (${from})`, to);
  else if (replicatesOk && to > p.replicates) bad('kept.to', `at most replicates (${p.replicates})`, to);
  if (hash !== undefined && !(typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)))
    bad('kept.hash', 'a SHA-256 in 64 hex digits', hash);
  const { forlob, modelHash: mh } = p.kept;
  if (forlob !== undefined && !(typeof forlob === 'string' && forlob.length > 0 && forlob.length <= 100))
    bad('kept.forlob', 'a version string', forlob);
  if (mh !== undefined && !(typeof mh === 'string' && /^[0-9a-f]{64}$/.test(mh)))
    bad('kept.modelHash', 'a SHA-256 in 64 hex digits', mh);
  if (d && typeof d === 'object' && !Array.isArray(d)) {
    const { perspective, effect } = d as Record<string, unknown>;
    if (perspective !== undefined && typeof perspective !== 'string')
      bad('decision.perspective', 'a payer name', perspective);
    if (effect !== undefined && typeof effect !== 'string') bad('decision.effect', 'an effect name', effect);
  }
  return out;
}

/** How one kept array must look. */
interface FieldShape {
  /** Whether every part must have it (else it must be absent). */
  required: boolean;
  /** Its length for replicates from … to. */
  length: (from: number, to: number) => number;
  /** What is wrong with element i of xs, if anything: the expectation. */
  element: (v: unknown, i: number, xs: unknown[]) => string | undefined;
}

type Kind = 'share' | 'nonNegative' | 'finite';
const KIND_TEXT: Record<Kind, string> = {
  share: 'a share in [0, 1]',
  nonNegative: 'a finite number >= 0',
  finite: 'a finite number',
};
const inKind = (v: number, k: Kind) =>
  Number.isFinite(v) && (k === 'finite' || (v >= 0 && (k === 'nonNegative' || v <= 1)));

/** Each metric's range, and whether it may be undefined (null) in a replicate. */
const METRIC_KIND: Record<MetricName, [Kind, boolean]> = {
  successRate: ['share', false],
  benefitMonths: ['nonNegative', false],
  transferCost: ['nonNegative', false],
  interventionCost: ['nonNegative', false],
  netTransferCost: ['nonNegative', false],
  paidHoursRate: ['share', false],
  completedSuccessShare: ['share', true],
  premiumIncome: ['nonNegative', false],
  municipalCost: ['finite', false],
  monthsToExitQ1: ['nonNegative', true],
  monthsToExitMedian: ['nonNegative', true],
  monthsToExitQ3: ['nonNegative', true],
  onBenefitAt12: ['share', true],
  onBenefitAt24: ['share', true],
  onBenefitAt36: ['share', true],
  waitingMonths: ['nonNegative', false],
};
const YEARLY_KIND: Record<YearlyItem, Kind> = {
  transferCost: 'nonNegative',
  stateReimbursement: 'finite',
  netTransferCost: 'nonNegative',
  interventionCost: 'nonNegative',
  premiumIncome: 'nonNegative',
  municipalCost: 'finite',
  benefitMonths: 'nonNegative',
  successRate: 'share',
};

/** A metric element check: rows of M metrics; `wholeRowNull` lets a row be all null (arm cells). */
function metricElement(wholeRowNull: boolean): FieldShape['element'] {
  return (v, i, xs) => {
    const name = METRICS[i % M];
    const [kind, nullable] = METRIC_KIND[name];
    if (v === null) {
      if (nullable) return undefined;
      if (wholeRowNull) {
        const row = i - (i % M);
        if (xs.slice(row, row + M).every((x) => x === null)) return undefined;
        return `${KIND_TEXT[kind]} (${name}; null only where the cell's whole row is null)`;
      }
      return `${KIND_TEXT[kind]} (${name}, never undefined)`;
    }
    if (typeof v === 'number' && inKind(v, kind)) return undefined;
    return `${KIND_TEXT[kind]}${nullable || wholeRowNull ? ' or null' : ''} (${name})`;
  };
}

/** The arrays a part of this model must keep, their lengths and their elements. */
function keptShape(
  layout: Layout,
  replicates: number,
  uncertain: boolean,
  withArms: boolean,
  withAccounts: boolean,
): Record<KeptArrayName, FieldShape> {
  const { replicate: stride, monthly: mstride, yearly: ystride, arms: astride } = layout.strides;
  const n = Math.min(replicates, CHANCE_REPLICATES);
  const rows = (per: number) => (from: number, to: number) => (to - from) * per;
  const K = YEARLY_ITEMS.length;
  return {
    values: { required: true, length: rows(stride), element: metricElement(false) },
    arms: { required: withArms, length: rows(astride), element: metricElement(true) },
    monthly: {
      required: true,
      length: rows(mstride),
      element: (v) =>
        typeof v === 'number' && Number.isFinite(v)
          ? undefined
          : 'a finite number (municipal cost in a month, never null)',
    },
    yearly: {
      required: true,
      length: rows(ystride),
      element: (v, i) => {
        const item = YEARLY_ITEMS[i % K];
        return typeof v === 'number' && inKind(v, YEARLY_KIND[item])
          ? undefined
          : `${KIND_TEXT[YEARLY_KIND[item]]} (${item})`;
      },
    },
    queue: {
      required: layout.hasCapacity,
      length: rows(mstride),
      element: (v) =>
        isInt(v) && v >= 0 && v <= 0x7fffffff ? undefined : 'a whole number >= 0 (citizens waiting, never null)',
    },
    shares: {
      required: layout.scenarios.some((sc) => sc.steering),
      length: rows(mstride),
      element: (v) =>
        v === null || (typeof v === 'number' && v >= 0 && v <= 1) ? undefined : 'a share in [0, 1] or null',
    },
    accounts: {
      required: withAccounts,
      length: rows(layout.strides.accounts),
      element: (v) =>
        v === null || (typeof v === 'number' && Number.isFinite(v)) ? undefined : 'a finite number or null',
    },
    accountsYearly: {
      required: withAccounts,
      length: rows(layout.strides.accountsYearly),
      element: (v) =>
        v === null || (typeof v === 'number' && Number.isFinite(v)) ? undefined : 'a finite number or null',
    },
    chance: {
      required: uncertain,
      length: (from, to) => Math.max(0, Math.min(to, n) - from) * stride,
      element: metricElement(false),
    },
  };
}

/** Problems with a part's kept arrays: presence, length, and each element's type and range. */
function arrayProblems(
  k: KeptReplicates,
  name: string,
  shape: Record<KeptArrayName, FieldShape>,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const field of KEPT_ARRAYS) {
    const s = shape[field];
    const xs = k[field] as unknown;
    const length = s.length(k.from, k.to);
    const path = `${name}.kept.${field}`;
    const needed = s.required && length > 0;
    if (xs === undefined) {
      if (needed)
        out.push({
          path,
          message: `expected ${length} values for replicates ${k.from}–${k.to - 1}, got nothing (the model needs them: rerun the part with this version if it was kept by an older one)`,
        });
      continue;
    }
    if (!needed && !(s.required && Array.isArray(xs) && xs.length === 0)) {
      out.push({
        path,
        message: `expected nothing: a run of this model over replicates ${k.from}–${k.to - 1} keeps no ${field}`,
      });
      continue;
    }
    if (!Array.isArray(xs)) {
      out.push({ path, message: `expected an array of ${length} values, got ${shown(xs)}` });
      continue;
    }
    if (xs.length !== length) {
      out.push({ path, message: `expected ${length} values for replicates ${k.from}–${k.to - 1}, got ${xs.length}` });
      continue;
    }
    let bad = 0;
    for (let i = 0; i < xs.length && bad < 5; i++) {
      const v = xs[i] as unknown;
      const expected = s.element(v, i, xs);
      if (expected !== undefined) {
        out.push({ path: `${path}[${i}]`, message: `expected ${expected}, got ${shown(v)}` });
        bad++;
      }
    }
  }
  return out;
}

/**
 * What the simulation sees of a model: the parameters in draw order and the compiled point
 * model. Two specs with the same content (keys sorted) and the same fingerprint give the
 * same rows; key order matters where it orders transitions or parameters.
 */
function modelFingerprint(spec: unknown): string {
  try {
    const plan = planUncertainty(spec);
    const seen = new WeakSet<object>();
    return JSON.stringify(
      { parameters: plan.parameters.map((p) => p.name), cm: compileModel(plan.point) },
      (_k, v: unknown) => {
        if (typeof v === 'function') return undefined;
        if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
        if (v instanceof Map) return [...v];
        if (v instanceof Set) return [...v];
        if (v && typeof v === 'object') {
          if (seen.has(v)) return '[seen]';
          seen.add(v);
        }
        return v;
      },
    );
  } catch {
    return '';
  }
}
