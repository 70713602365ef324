/**
 * The content hash of kept replicate rows (`kept.hash`): SHA-256 over a canonical
 * serialisation of the run's settings and every kept array, written by `keptReplicates`
 * and verified by `mergeRuns`, so an edited or damaged part is refused.
 *
 * The serialisation: the UTF-8 text `forlob-kept-v1\n`, the settings as JSON with object
 * keys sorted at every depth, `\n`; then for each kept array present, in the order of
 * {@link KEPT_ARRAYS}, the text `<name>:<length>\n` and each element as 8 bytes, an IEEE 754
 * double little-endian (−0 as +0, null or NaN as eight 0xff bytes).
 * @module
 */
import { Sha256 } from './sha256.js';

/** The kept arrays, in hash order. */
export const KEPT_ARRAYS = [
  'values',
  'arms',
  'monthly',
  'yearly',
  'queue',
  'shares',
  'chance',
  'accounts',
  'accountsYearly',
] as const;

/** One of {@link KEPT_ARRAYS}. */
export type KeptArrayName = (typeof KEPT_ARRAYS)[number];

/** The settings of a run that change its results, as the hash covers them. */
export interface KeptSettings {
  spec: unknown;
  seed: string;
  replicates: number;
  level: number;
  baseline: string | undefined;
  willingnessToPay: number | undefined;
  /** The CEAC grid (willingness-to-pay values). */
  grid: number[];
  /** The EVPPI groups of two or more parameters. */
  evppiGroups: string[][];
  from: number;
  to: number;
  /** The forlob version that ran the part; absent (and not hashed) in parts kept before it. */
  forlob?: string;
  /** The perspective when not the municipality's; hashed only in parts that state `forlob`. */
  perspective?: string;
  /** The effect when not successes; hashed only in parts that state `forlob`. */
  effect?: string;
}

/** JSON of `value` as `JSON.stringify` writes it, with object keys sorted at every depth. */
export function canonicalJSON(value: unknown): string | undefined {
  const text = JSON.stringify(value);
  if (text === undefined) return undefined;
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort())
        Object.defineProperty(out, k, {
          value: sort((v as Record<string, unknown>)[k]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(JSON.parse(text)));
}

/** The hex SHA-256 of a model as canonical JSON (`kept.modelHash`). */
export function modelHash(spec: unknown): string {
  return new Sha256().update(canonicalJSON(spec) ?? 'null').hex();
}

/** The hex SHA-256 of the settings and arrays (see the module comment). */
export function keptHash(
  settings: KeptSettings,
  arrays: Partial<Record<KeptArrayName, ArrayLike<number | null>>>,
): string {
  const h = new Sha256();
  h.update('forlob-kept-v1\n');
  const s = { ...settings, spec: JSON.parse(canonicalJSON(settings.spec) ?? 'null') as unknown };
  h.update(`${canonicalJSON(s)}\n`);
  const CHUNK = 8192;
  const bytes = new Uint8Array(CHUNK * 8);
  const dv = new DataView(bytes.buffer);
  for (const name of KEPT_ARRAYS) {
    const xs = arrays[name];
    if (!xs) continue;
    h.update(`${name}:${xs.length}\n`);
    for (let i = 0; i < xs.length; i += CHUNK) {
      const n = Math.min(CHUNK, xs.length - i);
      for (let j = 0; j < n; j++) {
        const v = xs[i + j];
        if (v === null || typeof v !== 'number' || Number.isNaN(v)) {
          dv.setUint32(8 * j, 0xffffffff, true);
          dv.setUint32(8 * j + 4, 0xffffffff, true);
        } else dv.setFloat64(8 * j, v === 0 ? 0 : v, true);
      }
      h.update(bytes.subarray(0, 8 * n));
    }
  }
  return h.hex();
}

/** What {@link partSettings} reads: a run's JSON (or a result) and its kept range and model. */
export interface SettingsSource {
  seed: string;
  replicates: number;
  level: number;
  baseline?: string;
  decision?: {
    willingnessToPay?: number;
    ceac?: { wtp: number }[];
    evppi?: { parameters: string[] }[];
    perspective?: string;
    effect?: string;
  };
  kept: { spec: unknown; from: number; to: number; forlob?: string };
}

/** The settings of a run as its JSON states them (the decision settings read from `decision`). */
export function partSettings(p: SettingsSource): KeptSettings {
  const d = p.decision;
  return {
    spec: p.kept.spec,
    seed: p.seed,
    replicates: p.replicates,
    level: p.level,
    baseline: p.baseline,
    willingnessToPay: d?.willingnessToPay,
    grid: (d?.ceac ?? []).map((c) => c.wtp),
    evppiGroups: (d?.evppi ?? []).map((e) => e.parameters).filter((g) => Array.isArray(g) && g.length > 1),
    from: p.kept.from,
    to: p.kept.to,
    // Parts kept before the version was stated hashed none of these: their hashes still verify.
    ...(p.kept.forlob !== undefined ? { forlob: p.kept.forlob, perspective: d?.perspective, effect: d?.effect } : {}),
  };
}
