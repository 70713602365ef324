/**
 * `forlob/evidence`: the evidence library — cited studies of employment interventions and
 * the monthly hazard ratios on exits to success forlob derives from them — and the
 * mappings from a study's reported numbers to a model's effect. Put an entry where a
 * model takes an effect: in code with {@link evidenceRef} or {@link evidenceDistribution},
 * in a model file as `{"evidence": "ips-dk-inklusion"}`. Data plus pure computation,
 * browser-safe like `forlob`.
 *
 * @example
 * ```ts
 * import { evidenceRef, citeEvidence } from 'forlob/evidence';
 * const ips = { id: 'ips', effects: { kh: { '@success': { hazardRatio: evidenceRef('ips-dk-inklusion') } } } };
 * citeEvidence('ips-dk-inklusion'); // "Individual Placement and Support (IPS) …: Christensen TN, …"
 * ```
 * @module
 */
export {
  evidenceLibrary,
  evidenceIds,
  getEvidence,
  evidenceDistribution,
  citeEvidence,
  evidenceRef,
  isEvidenceRef,
  resolveEvidenceRef,
  EVIDENCE_ENTRIES,
  monthlyProbabilityFromShare,
  hazardRatioFromShares,
  treatedShareFromOddsRatio,
  hazardRatioFromOddsRatio,
  hrDistributionFromTrial,
  mappingBasis,
  effectFromEntry,
  type EvidenceEntry,
  type ReportedNumbers,
  type OutcomeShare,
  type EvidenceRef,
  type EvidenceRefLike,
  type ResolvedEvidence,
  type UnresolvedEvidence,
  type TrialMappingOptions,
} from './evidence/index.js';
