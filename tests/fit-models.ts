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

/**
 * Women (group `f`, the reference level: first in the panel) leave kh for a job 1.4 times as
 * often as men (group `m`); no duration dependence; inflow into both.
 */
export const sexModel = (): ModelInput => ({
  name: 'by sex',
  horizonMonths: 30,
  states: [
    { id: 'kh', kind: 'benefit' },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.05, out: 0.02 }, job: { kh: 0.015 } },
  groups: [
    { id: 'f', size: 2500, initialState: 'kh', inflow: { perMonth: 20 } },
    { id: 'm', size: 2500, initialState: 'kh', inflow: { perMonth: 25 } },
  ],
  interventions: [{ id: 'women', effects: { kh: { job: { riskRatio: 1.4 } } } }],
  scenarios: [{ id: 'base', allocation: { f: { women: 1 } } }],
});
