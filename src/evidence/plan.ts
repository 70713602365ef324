/**
 * Planning a model whose numbers may cite the evidence library: the parameters stage's
 * {@link planModel} with evidence references (`{"evidence": "ips-dk-inklusion"}`) read as
 * the distributions the library derives.
 * @module
 */
import { planModel, type Plan } from '../params/plan.js';
import { isEvidenceRef, resolveEvidenceRef } from './index.js';

/**
 * Split a raw model into its point model and its uncertain parameters; evidence references
 * become their distributions. Throws `ForlobInputError` for bad distributions, unknown
 * parameter names or evidence ids, or a point model that fails validation.
 *
 * @example
 * ```ts
 * const plan = planUncertainty(gladsaxeModel());
 * plan.parameters.length; // the uncertain parameters, in drawing order
 * ```
 */
export function planUncertainty(raw: unknown): Plan {
  return planModel(raw, (v) => (isEvidenceRef(v) ? resolveEvidenceRef(v) : undefined));
}
