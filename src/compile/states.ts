/**
 * States as small integers and flags, for the hot loop.
 * @module
 */
import type { NormalisedModel } from '../model/normalise.js';
import { KIND_BENEFIT, KIND_EXIT, KIND_SUCCESS } from './compiled.js';

/** Each state's kind, paid-hours mark, reimbursement and refusion count as typed arrays, and ids by index. */
export function compileStates(model: NormalisedModel): {
  stateIndex: Map<string, number>;
  kind: Uint8Array;
  paidHours: Uint8Array;
  reimbursed: Uint8Array;
  onLadder: Uint8Array;
  selfSupport: Uint8Array;
} {
  return {
    stateIndex: new Map(model.states.map((s, i) => [s.id, i])),
    kind: new Uint8Array(
      model.states.map((s) => (s.kind === 'benefit' ? KIND_BENEFIT : s.kind === 'success' ? KIND_SUCCESS : KIND_EXIT)),
    ),
    paidHours: new Uint8Array(model.states.map((s) => (s.paidHours ? 1 : 0))),
    reimbursed: new Uint8Array(model.states.map((s) => (s.reimbursed ? 1 : 0))),
    // Without a ladder nothing is priced by the count: it is the benefit clock, as the hot
    // loop then assumes without reading this.
    onLadder: new Uint8Array(
      model.states.map((s) =>
        (model.costs.refusion === 'none' ? s.kind === 'benefit' : s.refusionCount === 'support') ? 1 : 0,
      ),
    ),
    selfSupport: new Uint8Array(model.states.map((s) => (s.refusionCount === 'selfSupport' ? 1 : 0))),
  };
}
