/**
 * The evidence library: cited studies of employment interventions and the monthly hazard
 * ratios on exits to success forlob derives from them, to put where a model takes an
 * effect — in code with {@link evidenceDistribution}, in a model file as
 * `{"evidence": "ips-dk-inklusion"}`.
 *
 * @example
 * ```ts
 * import { evidenceDistribution, evidenceRef, citeEvidence } from 'forlob/evidence';
 * const ips = { id: 'ips', effects: { kh: { '@success': { hazardRatio: evidenceRef('ips-dk-inklusion') } } } };
 * evidenceDistribution('ips-dk-inklusion'); // { dist: 'lognormal', mu: ≈0.357, sigma: ≈0.129, … }: median HR 1.43
 * citeEvidence('ips-dk-inklusion');         // "Individual Placement and Support (IPS) …: Christensen TN, …"
 * ```
 * @module
 */
import type { Distribution } from '../params/distribution.js';
import { EVIDENCE_ENTRIES } from './entries.js';
import type { EvidenceEntry } from './types.js';

export type { EvidenceEntry, ReportedNumbers, OutcomeShare } from './types.js';
export { EVIDENCE_ENTRIES } from './entries.js';
export {
  monthlyProbabilityFromShare,
  hazardRatioFromShares,
  treatedShareFromOddsRatio,
  hazardRatioFromOddsRatio,
  hrDistributionFromTrial,
  mappingBasis,
  effectFromEntry,
  type TrialMappingOptions,
} from './map.js';

/**
 * Every entry by id.
 *
 * @example
 * ```ts
 * evidenceLibrary['ips-ma-anxiety-depression'].reported.oddsRatio; // 1.34
 * ```
 */
export const evidenceLibrary: Readonly<Record<string, EvidenceEntry>> = Object.freeze(
  Object.fromEntries(EVIDENCE_ENTRIES.map((e) => [e.id, deepFreeze(e)])),
);

/** Freeze an entry all the way down: the library is shared by every caller, so nobody may edit it in place. */
function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** The ids of the library, in its order. */
export function evidenceIds(): string[] {
  return EVIDENCE_ENTRIES.map((e) => e.id);
}

/**
 * The entry with this id. Throws an Error naming the known ids when there is none.
 *
 * @example
 * ```ts
 * getEvidence('virksomhedspraktik-private-2016').reported.exitRateRatio; // 1.84
 * ```
 */
export function getEvidence(id: string): EvidenceEntry {
  // Own properties only: "constructor" or "__proto__" must not pass as ids.
  const entry = Object.hasOwn(evidenceLibrary, id) ? evidenceLibrary[id] : undefined;
  if (!entry)
    throw new Error(`unknown evidence id ${JSON.stringify(id)} (expected one of: ${evidenceIds().join(', ')})`);
  return entry;
}

/**
 * The entry's effect, a distribution of the monthly hazard ratio on exits to success, to
 * put where a model takes a number (`hazardRatio`). A copy, safe to edit. Throws an Error
 * for an unknown id or an outcome-share entry (no effect).
 *
 * @example
 * ```ts
 * const hr = evidenceDistribution('ips-ma-anxiety-depression'); // lognormal, median ≈ 1.25
 * ```
 */
export function evidenceDistribution(id: string): Distribution {
  const entry = getEvidence(id);
  if (!entry.effect) {
    throw new Error(
      `evidence "${id}" has no effect distribution: it holds outcome shares for calibration (see its shares), not an effect`,
    );
  }
  return structuredClone(entry.effect);
}

/**
 * A one-line citation for reports: the entry's title and its full source text.
 *
 * @example
 * ```ts
 * citeEvidence('ips-ma-anxiety-depression');
 * // "IPS modified for mood and anxiety disorders (IPS-MA), Danish randomised trial: Hellström L, …"
 * ```
 */
export function citeEvidence(id: string): string {
  const entry = getEvidence(id);
  return `${entry.title}: ${entry.citation}`.replace(/\s+/g, ' ');
}

import type { EvidenceRef } from '../params/input.js';

export type { EvidenceRef };

/** Something shaped like an evidence reference, its id not yet checked (as read from a model file). */
export interface EvidenceRefLike {
  /** The entry's id, checked by {@link resolveEvidenceRef}. */
  evidence: unknown;
}

/** A resolved evidence reference. */
export interface ResolvedEvidence {
  /** The entry's effect distribution (a copy). */
  dist: Distribution;
}

/** An evidence reference that cannot be used, and why. */
export interface UnresolvedEvidence {
  /** What is wrong: not a string, an unknown id (the known ids listed), or an entry without an effect. */
  message: string;
}

/**
 * Whether `v` is an evidence reference: an object whose only key is `evidence`. (The
 * value is checked by {@link resolveEvidenceRef}, so a bad id gets a located message.)
 */
export function isEvidenceRef(v: unknown): v is EvidenceRefLike {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && 'evidence' in v;
}

/**
 * The distribution behind an evidence reference, or the message saying why there is none
 * — for model validation, which collects problems instead of throwing.
 *
 * @example
 * ```ts
 * resolveEvidenceRef({ evidence: 'ips-dk-inklusion' }); // { dist: { dist: 'lognormal', … } }
 * resolveEvidenceRef({ evidence: 'ips' });              // { message: 'unknown evidence id "ips" (expected one of: …)' }
 * ```
 */
export function resolveEvidenceRef(ref: EvidenceRefLike): ResolvedEvidence | UnresolvedEvidence {
  const id = ref.evidence;
  if (typeof id !== 'string')
    return { message: `expected an evidence id (one of: ${evidenceIds().join(', ')}), got ${JSON.stringify(id)}` };
  try {
    return { dist: evidenceDistribution(id) };
  } catch (e) {
    return { message: (e as Error).message };
  }
}

/**
 * An evidence reference where a model takes a number (like `paramRef`; it fits any number
 * of a `ModelInput`): at run time the place takes a draw from the entry's effect.
 *
 * @example
 * ```ts
 * const iv = { id: 'praktik', effects: { kh: { job: { hazardRatio: evidenceRef('virksomhedspraktik-private-2016') } } } };
 * ```
 */
export function evidenceRef(id: string): EvidenceRef {
  return { evidence: id };
}
