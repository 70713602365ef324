/** Shared test models. */
import type { ModelSpec } from '../src/model/types.js';
import type { ModelInput } from '../src/params/input.js';

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

/**
 * Two groups with two or three arms each, time-homogeneous (for the per-arm oracle): arms
 * that keep their citizens between scenarios (b/light: 200 citizens first in line in
 * today and shifted), arms whose counts change, arms only one scenario has, and a fixed
 * monthly cost that belongs to no arm.
 */
export const armsModel: ModelSpec = {
  name: 'Arms',
  horizonMonths: 36,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
    { id: 'dp', kind: 'benefit', monthlyTransfer: 15000 },
    { id: 'job', kind: 'success' },
    { id: 'edu', kind: 'success', monthlyTransfer: 6000 },
    { id: 'out', kind: 'exit' },
  ],
  transitions: {
    kh: { job: 0.03, edu: 0.01, out: 0.005 },
    dp: { job: 0.02, kh: 0.02 },
    job: { kh: 0.01 },
    edu: { job: 0.05, kh: 0.02 },
  },
  groups: [
    { id: 'a', size: 600, initialState: 'kh' },
    { id: 'b', size: 400, initialState: 'dp' },
  ],
  interventions: [
    {
      id: 'ips',
      monthlyCost: 2500,
      transitions: { kh: { job: 0.06, edu: 0.01, out: 0.004 }, dp: { job: 0.05, kh: 0.01 } },
    },
    {
      id: 'light',
      monthlyCost: 400,
      transitions: { kh: { job: 0.035, edu: 0.01, out: 0.005 }, dp: { job: 0.04, kh: 0.01 } },
    },
  ],
  scenarios: [
    { id: 'today', allocation: { a: { ips: 0.5, light: 0.2 }, b: { light: 0.5 } }, fixedMonthlyCost: 10000 },
    { id: 'shifted', allocation: { a: { ips: 0.2, light: 0.5 }, b: { light: 0.5, ips: 0.25 } } },
    { id: 'all', allocation: { a: { ips: 1 }, b: { light: 1 } } },
  ],
};

/** One month, two uniform parameters (job and exit probabilities): exact answers for the analyses. */
export function oneMonthModel(size: number): ModelInput {
  return {
    name: 'one month',
    horizonMonths: 1,
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: 1000 },
      { id: 'job', kind: 'success' },
      { id: 'out', kind: 'exit' },
    ],
    parameters: {
      a: { dist: 'uniform', min: 0.1, max: 0.5 },
      b: { dist: 'uniform', min: 0.05, max: 0.07 },
    },
    transitions: { kh: { job: { param: 'a' }, out: { param: 'b' } } },
    groups: [{ id: 'g', size, initialState: 'kh' }],
    scenarios: [{ id: 's' }],
  };
}
