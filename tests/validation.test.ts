/**
 * Bad input: every case gets a ForlobInputError naming the field path and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { ForlobInputError, parseModel, simulate, validateModel } from '../src/index.js';
import { problemsOf } from './helpers.js';
import type { ModelInput } from '../src/params/input.js';

const base = () => ({
  name: 'V',
  horizonMonths: 12,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 100 },
    { id: 'job', kind: 'success' },
  ],
  transitions: { kh: { job: 0.1 } } as Record<string, Record<string, unknown>>,
  groups: [{ id: 'g', size: 10, initialState: 'kh' }] as Record<string, unknown>[],
  interventions: [{ id: 'iv', monthlyCost: 5, transitions: { kh: { job: 0.2 } } }] as Record<string, unknown>[],
  scenarios: [{ id: 's', allocation: { g: { iv: 0.5 } } }] as Record<string, unknown>[],
});

const cases: [string, (m: ReturnType<typeof base>) => unknown, string, RegExp][] = [
  ['missing field', (m) => ({ ...m, horizonMonths: undefined }), 'horizonMonths', /required/],
  ['non-positive horizon', (m) => ({ ...m, horizonMonths: 0 }), 'horizonMonths', /positive integer/],
  [
    'unknown initial state',
    (m) => ({ ...m, groups: [{ id: 'g', size: 10, initialState: 'nope' }] }),
    'groups[0].initialState',
    /unknown state "nope"/,
  ],
  ['unknown to-state', (m) => ({ ...m, transitions: { kh: { jb: 0.1 } } }), 'transitions.kh.jb', /unknown state "jb"/],
  ['unknown from-state', (m) => ({ ...m, transitions: { kx: { job: 0.1 } } }), 'transitions.kx', /unknown state "kx"/],
  [
    'unknown group in allocation',
    (m) => ({ ...m, scenarios: [{ id: 's', allocation: { h: { iv: 0.5 } } }] }),
    'scenarios[0].allocation.h',
    /unknown group "h"/,
  ],
  [
    'unknown intervention',
    (m) => ({ ...m, scenarios: [{ id: 's', allocation: { g: { xx: 0.5 } } }] }),
    'scenarios[0].allocation.g.xx',
    /unknown intervention "xx"/,
  ],
  [
    'duplicate state id',
    (m) => ({ ...m, states: [...m.states, { id: 'kh', kind: 'exit' }] }),
    'states[2].id',
    /duplicate id "kh"/,
  ],
  [
    'duplicate scenario id',
    (m) => ({ ...m, scenarios: [...m.scenarios, { id: 's' }] }),
    'scenarios[1].id',
    /duplicate id "s"/,
  ],
  [
    'probability above 1',
    (m) => ({ ...m, transitions: { kh: { job: 1.5 } } }),
    'transitions.kh.job',
    /probability in \[0, 1\].*1\.5/,
  ],
  [
    'negative probability',
    (m) => ({ ...m, transitions: { kh: { job: -0.1 } } }),
    'transitions.kh.job',
    /probability in \[0, 1\]/,
  ],
  [
    'probability not a number',
    (m) => ({ ...m, transitions: { kh: { job: '0.1' } } }),
    'transitions.kh.job',
    /expected number, got the string "0.1"/,
  ],
  [
    'row summing above 1',
    (m) => ({ ...m, states: [...m.states, { id: 'out', kind: 'exit' }], transitions: { kh: { job: 0.6, out: 0.5 } } }),
    'transitions.kh',
    /row sums to 1.1, expected at most 1/,
  ],
  [
    'intervention row above 1',
    (m) => ({ ...m, interventions: [{ id: 'iv', transitions: { kh: { job: 0.7, kh: 0.4 } } }] }),
    'interventions[0].transitions.kh.kh',
    /own state/,
  ],
  [
    'shares above 1',
    (m) => ({
      ...m,
      interventions: [...m.interventions, { id: 'iv2' }],
      scenarios: [{ id: 's', allocation: { g: { iv: 0.7, iv2: 0.4 } } }],
    }),
    'scenarios[0].allocation.g',
    /shares sum to 1.1/,
  ],
  [
    'non-integer size',
    (m) => ({ ...m, groups: [{ id: 'g', size: 10.5, initialState: 'kh' }] }),
    'groups[0].size',
    /integer/,
  ],
  [
    'negative size',
    (m) => ({ ...m, groups: [{ id: 'g', size: -3, initialState: 'kh' }] }),
    'groups[0].size',
    /non-negative integer/,
  ],
  [
    'infinite number',
    (m) => ({ ...m, states: [{ id: 'kh', kind: 'benefit', monthlyTransfer: Infinity }, m.states[1]] }),
    'states[0].monthlyTransfer',
    /finite number/,
  ],
  [
    'NaN',
    (m) => ({ ...m, interventions: [{ id: 'iv', monthlyCost: NaN }] }),
    'interventions[0].monthlyCost',
    /finite number/,
  ],
  [
    'bad kind',
    (m) => ({ ...m, states: [{ id: 'kh', kind: 'benefits' }, m.states[1]] }),
    'states[0].kind',
    /expected one of "benefit", "success", "exit"/,
  ],
  ['unknown field', (m) => ({ ...m, horizon: 3 }), 'horizon', /unknown field/],
  ['no scenarios', (m) => ({ ...m, scenarios: [] }), 'scenarios', /at least one scenario/],
  ['not an object', () => 42, '(root)', /expected object/],
];

describe('validateModel', () => {
  it('accepts the base model', () => {
    expect(validateModel(base()).name).toBe('V');
  });
  it.each(cases)('%s', (_name, edit, path, message) => {
    const problems = problemsOf(() => validateModel(edit(base())));
    const hit = problems.find((p) => p.path === path);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });
  it('rejects __proto__ keys from JSON text without touching prototypes', () => {
    const text = JSON.stringify(base()).replace('"transitions":{"kh"', '"transitions":{"__proto__":{"job":0.1},"kh"');
    const problems = problemsOf(() => parseModel(text));
    expect(problems[0].path).toBe('transitions.__proto__');
    expect(({} as Record<string, unknown>).job).toBeUndefined();
  });
  it('reports malformed JSON with its position', () => {
    const problems = problemsOf(() => parseModel('{"name": "x",', 'm.json'));
    expect(problems[0].message).toMatch(/malformed JSON in m.json/);
  });
  it('reports 1e400 as non-finite', () => {
    const text = JSON.stringify(base()).replace('"monthlyTransfer":100', '"monthlyTransfer":1e400');
    const problems = problemsOf(() => parseModel(text));
    expect(problems).toEqual([
      { path: 'states[0].monthlyTransfer', message: 'expected a finite number, got Infinity' },
    ]);
  });
  it('lists every problem, not just the first', () => {
    const m = base();
    m.groups = [{ id: 'g', size: -1, initialState: 'kh' }];
    m.scenarios = [{ id: 's', allocation: { g: { iv: 2 } } }];
    expect(problemsOf(() => validateModel(m)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('simulate options', () => {
  it.each([
    [{ replicates: 0 }, 'options.replicates'],
    [{ replicates: 2.5 }, 'options.replicates'],
    [{ level: 1 }, 'options.level'],
    [{ level: -0.1 }, 'options.level'],
  ])('%j', async (opts, path) => {
    await expect(simulate(base() as ModelInput, opts)).rejects.toSatisfy(
      (e: unknown) => e instanceof ForlobInputError && e.problems[0].path === path,
    );
  });
  it('rejects an invalid model with the typed error', async () => {
    await expect(simulate({ ...base(), horizonMonths: -1 } as ModelInput)).rejects.toBeInstanceOf(ForlobInputError);
  });
});
