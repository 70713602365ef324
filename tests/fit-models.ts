/** Generating models for the fitting tests (synth, fit, backtest). */
import type { ModelInput } from '../src/params/input.js';

/** A model with duration dependence (exits halve after 6 months in kh), re-entry from job and inflow. */
export const synthModel = (): ModelInput => ({
  name: 'synthetic',
  horizonMonths: 36,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.06, out: 0.02 }, job: { kh: 0.01 } },
  duration: { clock: 'state', bands: [0, 6], hazardRatios: { kh: [1, 0.5] } },
  groups: [{ id: 'kh', size: 3000, initialState: 'kh', inflow: { perMonth: 40 } }],
  scenarios: [{ id: 'base' }],
});
