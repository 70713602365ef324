/** Shared test models. */
import type { ModelSpec } from '../src/model/types.js';

/** The example model of the issue that defined the format (issue 2). */
export const exampleModel: ModelSpec = {
  name: 'Example',
  horizonMonths: 24,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12500 },
    { id: 'job', kind: 'success' },
    { id: 'flex', kind: 'success', monthlyTransfer: 7000 },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.012, flex: 0.002, out: 0.01 } },
  groups: [{ id: 'kh', size: 980, initialState: 'kh' }],
  interventions: [{ id: 'fsm', monthlyCost: 1800, transitions: { kh: { job: 0.025, out: 0.008 } } }],
  scenarios: [
    { id: 'today', allocation: { kh: { fsm: 0.6 } } },
    { id: 'minimum', allocation: { kh: { fsm: 0.2 } } },
  ],
};
