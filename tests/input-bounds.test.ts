/**
 * No silent wrong answer from the model side (issue 13, items 1, 7, 8 and the model parts
 * of 10): numbers beyond the format's bounds (32-bit wraparound, money that overflows,
 * citizens that exhaust memory), hostile structure (deep nesting, cycles), duplicate JSON
 * keys and calendar steps, and error texts in our words. Each is refused with a located
 * ForlobInputError (exit 2, `forlob: <path>: …`, nothing on stdout) or works.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../src/compile/compile.js';
import { ForlobInputError, LIMITS, parseModel, presets, simulate, validateModel } from '../src/index.js';
import { duplicateKeys } from '../src/model/json.js';
import { workerCount, MAX_WORKERS_PER_CORE } from '../src/node.js';
import { cli, problemsOf, ROOT, tempDir } from './helpers.js';
import type { ModelInput } from '../src/params/input.js';

/** A model file as parsed JSON, before validation: the tests edit it into shapes no model type allows. */
// biome-ignore lint/suspicious/noExplicitAny: the point of these tests is input that no type describes
type RawModel = Record<string, any>;

const example = (): RawModel => JSON.parse(readFileSync(join(ROOT, 'examples', 'model.json'), 'utf8'));

async function rejected(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ForlobInputError);
    return (e as ForlobInputError).problems;
  }
  throw new Error('expected a ForlobInputError');
}

let dir: string | undefined;
/** Write a model (an object, or JSON text as given) to a file and run the CLI on it. */
function runFile(model: unknown, extra: string[] = []) {
  dir ??= tempDir();
  mkdirSync(dir, { recursive: true });
  const f = join(dir, `m${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, typeof model === 'string' ? model : JSON.stringify(model));
  return cli(['run', f, '--replicates', '8', '--workers', '1', '--format', 'json', ...extra]);
}

/** Exit 2, nothing on stdout, and a `forlob: <path>: …` line matching `message`. */
function expectRefused(r: { code: number | null; stdout: string; stderr: string }, path: string, message: RegExp) {
  expect(r.stdout).toBe('');
  expect(r.code, r.stderr).toBe(2);
  const line = r.stderr.split('\n').find((l) => l.startsWith(`forlob: ${path}: `));
  expect(line, r.stderr).toBeDefined();
  expect(line).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error|RangeError|Maximum call stack|typed array|allocation failed/);
}

describe('item 1: no 32-bit wraparound, no overflowing money (CLI, exit 2 with the path)', () => {
  it('inflow perMonth 4294967306 is refused, not run as 10', () => {
    const m = example();
    m.groups[0].inflow = { perMonth: 4294967306 };
    expectRefused(runFile(m), 'groups[0].inflow.perMonth', /at most 10,000,000 citizens a month, got 4294967306/);
  });
  it('capacity places 4294967306 is refused, not run as 10', () => {
    const m = example();
    m.interventions[0].capacity = { places: 4294967306 };
    expectRefused(runFile(m), 'interventions[0].capacity.places', /at most 1,000,000,000 places/);
  });
  it('priorBenefitMonths 3e9 with the refusion ladder is refused, not run into null costs', () => {
    const m = example();
    m.groups[0].priorBenefitMonths = 3e9;
    m.costs = { refusion: 'dk-2016' };
    expectRefused(runFile(m), 'groups[0].priorBenefitMonths', /at most 1200 months/);
  });
  it('monthlyTransfer 1e308 is refused, not run into NaN costs', () => {
    const m = example();
    m.states[0].monthlyTransfer = 1e308;
    expectRefused(runFile(m), 'states[0].monthlyTransfer', /at most 1,000,000,000,000 DKK/);
  });
  it('a staffing caseload of 1e-320 is refused, even on an intervention no scenario uses', () => {
    const m = example();
    m.interventions.push({ id: 'unused', staffing: { annualCostPerCaseworker: 500000, caseload: 1e-320 } });
    expectRefused(runFile(m), 'interventions[1].staffing.caseload', /caseload of at least 0.01/);
  });

  const bounded: [string, (m: RawModel) => void, string, RegExp][] = [
    ['group size 2^31', (m) => (m.groups[0].size = 2 ** 31), 'groups[0].size', /at most 10,000,000 citizens/],
    [
      'an allocated count of 3e9',
      (m) => (m.scenarios[0].allocation.kh = { fsm: { count: 3e9 } }),
      'scenarios[0].allocation.kh.fsm.count',
      /at most 10,000,000 citizens/,
    ],
    [
      'initialDurationMonths 3e9',
      (m) => (m.groups[0].initialDurationMonths = 3e9),
      'groups[0].initialDurationMonths',
      /at most 1200 months/,
    ],
    [
      'inflow toMonth 3e9',
      (m) => (m.groups[0].inflow = { perMonth: 1, toMonth: 3e9 }),
      'groups[0].inflow.toMonth',
      /at most 1200 months/,
    ],
    [
      'a duration band at 3e9',
      (m) => (m.duration = { clock: 'state', bands: [0, 3e9], hazardRatios: { kh: [1, 2] } }),
      'duration.bands[1]',
      /at most 2400 months/,
    ],
    [
      'a calendar month index 3e9',
      (m) => (m.calendar = [{ from: 3e9, states: { kh: { monthlyTransfer: 1 } } }]),
      'calendar[0].from',
      /month index <= 1200/,
    ],
    [
      'a refusion week 3e9',
      (m) => (m.costs = { refusion: { fromWeek: [1, 3e9], reimbursedShare: [0.5, 0.2] } }),
      'costs.refusion.fromWeek[1]',
      /week numbers <= 10400/,
    ],
    [
      'caseworkers 1e9',
      (m) => (m.interventions[0].capacity = { caseworkers: 1e9, caseload: 30 }),
      'interventions[0].capacity.caseworkers',
      /at most 100,000 caseworkers/,
    ],
    [
      'a capacity caseload of 1e15',
      (m) => (m.interventions[0].capacity = { caseworkers: 1, caseload: 1e15 }),
      'interventions[0].capacity.caseload',
      /at most 10,000 citizens per caseworker/,
    ],
    [
      'a calendar capacity of 4294967306 places',
      (m) => {
        m.interventions[0].capacity = { places: 10 };
        m.calendar = [{ from: 3, interventions: { fsm: { capacity: { places: 4294967306 } } } }];
      },
      'calendar[0].interventions.fsm.capacity.places',
      /at most 1,000,000,000 places/,
    ],
    [
      'an intervention monthlyCost of 1e308',
      (m) => (m.interventions[0].monthlyCost = 1e308),
      'interventions[0].monthlyCost',
      /DKK/,
    ],
    [
      'an annual caseworker cost of 1e308',
      (m) => (m.interventions[0].staffing = { annualCostPerCaseworker: 1e308, caseload: 30 }),
      'interventions[0].staffing.annualCostPerCaseworker',
      /DKK/,
    ],
    [
      '1e308 conversations a year',
      (m) =>
        (m.interventions[0].staffing = {
          annualCostPerCaseworker: 1,
          caseload: 30,
          conversationsPerYear: 1e308,
          costPerConversation: 1,
        }),
      'interventions[0].staffing.conversationsPerYear',
      /at most 10,000 conversations/,
    ],
    [
      'a fixed monthly cost of 1e308',
      (m) => (m.scenarios[0].fixedMonthlyCost = 1e308),
      'scenarios[0].fixedMonthlyCost',
      /DKK/,
    ],
    [
      'a calendar transfer of 1e308',
      (m) => (m.calendar = [{ from: 2, states: { kh: { monthlyTransfer: 1e308 } } }]),
      'calendar[0].states.kh.monthlyTransfer',
      /DKK/,
    ],
    [
      'a paid-hours premium of 1e308',
      (m) => (m.costs = { premiumPerPaidHoursMonth: 1e308 }),
      'costs.premiumPerPaidHoursMonth',
      /DKK/,
    ],
    [
      '1000 readiness hazard ratios',
      (m) => (m.readiness = { hazardRatios: Array.from({ length: 1000 }, () => 1) }),
      'readiness.hazardRatios',
      /at most 100 hazard ratios/,
    ],
  ];
  it.each(bounded)('%s is refused with its path', (_name, edit, path, message) => {
    const m = example();
    edit(m);
    const problems = problemsOf(() => validateModel(m));
    expect(problems.find((p) => p.path === path)?.message, JSON.stringify(problems)).toMatch(message);
  });

  it('a drawn value beyond a bound is a located error, not a wrapped number', async () => {
    const m = example();
    // Mean 1e11 DKK is within bounds; about one draw in six exceeds 1e12.
    m.states[0].monthlyTransfer = { dist: 'normal', mean: 1e11, sd: 1e12 };
    const problems = await rejected(simulate(m as ModelInput, { replicates: 60, seed: 'b' }));
    expect(problems[0].path).toBe('states[0].monthlyTransfer');
    expect(problems[0].message).toMatch(/at most 1,000,000,000,000 DKK.*a drawn parameter value in replicate \d+/);
  });

  it('a capacity at the bound (1e9 places, or 1e5 caseworkers × 1e4) runs like an unlimited one, without allocating per place', async () => {
    const run = async (capacity: unknown) => {
      const mm = example();
      mm.interventions[0].capacity = capacity;
      const r = await simulate(mm as ModelInput, { replicates: 6, seed: 'cap' });
      return JSON.stringify([r.scenarios.map((s) => [s.metrics, s.groups]), r.comparisons]);
    };
    const enough = await run({ places: 980 });
    expect(await run({ places: LIMITS.places })).toBe(enough);
    expect(await run({ caseworkers: LIMITS.caseworkers, caseload: LIMITS.maxCaseload })).toBe(enough);
  });
});

describe('item 7: hostile structure is a located ForlobInputError, never a RangeError', () => {
  it('nesting 2,000 deep in a model file: exit 2 with the path', () => {
    const text = readFileSync(join(ROOT, 'examples', 'model.json'), 'utf8').replace(
      '"horizonMonths": 24,',
      `"horizonMonths": 24, "x": ${'{"a":'.repeat(2000)}1${'}'.repeat(2000)},`,
    );
    expectRefused(runFile(text), `x${'.a'.repeat(LIMITS.depth)}`, /nested more than 32 levels deep/);
    const arrays = readFileSync(join(ROOT, 'examples', 'model.json'), 'utf8').replace(
      '"horizonMonths": 24,',
      `"horizonMonths": 24, "y": ${'['.repeat(100_000)}${']'.repeat(100_000)},`,
    );
    expectRefused(runFile(arrays), `y${'[0]'.repeat(LIMITS.depth)}`, /nested more than 32 levels deep/);
  });

  it('nesting 20,000 deep passed to simulate(): a ForlobInputError', async () => {
    const m = example();
    let deep: unknown[] = [];
    m.groups[0].label = deep;
    for (let i = 0; i < 20_000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    const problems = await rejected(simulate(m as ModelInput, { replicates: 2 }));
    expect(problems[0].path).toMatch(/^groups\[0\]\.label(\[0\])+$/);
  });

  it('a cyclic model object passed to simulate(): a ForlobInputError naming where the cycle is', async () => {
    const m = example();
    m.groups[0].self = m.groups[0];
    const problems = await rejected(simulate(m as ModelInput, { replicates: 2 }));
    expect(problems).toEqual([
      { path: 'groups[0].self', message: expect.stringMatching(/a cycle: this is groups\[0\] again/) },
    ]);
    const p = example();
    p.parameters = { loop: {} };
    p.parameters.loop.back = p;
    expect((await rejected(simulate(p as ModelInput, { replicates: 2 })))[0]).toEqual({
      path: 'parameters.loop.back',
      message: expect.stringMatching(/this is \(root\) again/),
    });
    expect(problemsOf(() => validateModel(m))[0].path).toBe('groups[0].self');
  });

  it('a shared, acyclic object is fine', async () => {
    const m = example();
    const row = { job: 0.02 };
    m.transitions.kh = row;
    m.interventions[0].transitions.kh = row;
    const r = await simulate(m as ModelInput, { replicates: 2 });
    expect(r.scenarios).toHaveLength(2);
  });

  const huge: [string, (m: RawModel) => void, string][] = [
    ['size 2^31', (m) => (m.groups[0].size = 2 ** 31), 'groups[0].size'],
    ['size 4294967306', (m) => (m.groups[0].size = 4294967306), 'groups[0].size'],
    ['inflow 3e9 a month', (m) => (m.groups[0].inflow = { perMonth: 3e9 }), 'groups[0].inflow.perMonth'],
    [
      'a capacity caseload of 1e15',
      (m) => (m.interventions[0].capacity = { caseworkers: 1, caseload: 1e15 }),
      'interventions[0].capacity.caseload',
    ],
  ];
  it.each(huge)('%s: exit 2 with the path, not "Invalid typed array length"', (_name, edit, path) => {
    const m = example();
    edit(m);
    expectRefused(runFile(m), path, /expected/);
  });
});

describe('item 8: resource bounds', () => {
  it('more citizens than the bound (sizes plus inflow over the horizon) are refused up front, naming the largest', () => {
    const m = example();
    m.groups[0].size = 9_000_000;
    m.groups[0].inflow = { perMonth: 100_000 };
    expectRefused(
      runFile(m),
      'groups[0].size',
      /11,300,000 citizens \(groups\[0\]\.size 9,000,000, groups\[0\]\.inflow over 23 months 2,300,000\): forlob runs at most 10,000,000/,
    );
    const n = example();
    n.groups = [
      { id: 'a', size: 100, initialState: 'kh' },
      { id: 'kh', size: 5_000_000, initialState: 'kh', inflow: { perMonth: 300_000, fromMonth: 1, toMonth: 20 } },
    ];
    n.scenarios = [{ id: 's' }];
    expect(problemsOf(() => validateModel(n))).toEqual([
      { path: 'groups[1].inflow.perMonth', message: expect.stringMatching(/11,000,100 citizens/) },
    ]);
  });

  it('exactly the bound is accepted (validation only)', () => {
    const m = example();
    m.groups[0].size = LIMITS.citizens - 23 * 10;
    m.groups[0].inflow = { perMonth: 10 };
    expect(() => validateModel(m)).not.toThrow();
    m.groups[0].size++;
    expect(problemsOf(() => validateModel(m))[0].path).toBe('groups[0].size');
  });

  it('an inflow drawn beyond the bound is a located error', async () => {
    const m = example();
    // At the mean (1000 a month) exactly 10,000,000 citizens; seed g draws 1648.7 (37,920 over 23 months) in replicate 0.
    m.groups[0].size = 9_977_000;
    m.groups[0].inflow = { perMonth: { dist: 'uniform', min: 0, max: 2000 } };
    const problems = await rejected(simulate(m as ModelInput, { replicates: 4, seed: 'g' }));
    expect(problems).toEqual([
      {
        path: 'groups[0].size',
        message: expect.stringMatching(
          /10,014,920 citizens .*forlob runs at most 10,000,000.*\(a drawn parameter value in replicate 0\)$/,
        ),
      },
    ]);
  });

  it('compiled tables too large are refused: states² × classes × bands', () => {
    const m = example();
    m.states = [...m.states, ...Array.from({ length: 96 }, (_, i) => ({ id: `s${i}`, kind: 'exit' }))];
    m.readiness = { classes: 100 };
    m.duration = { clock: 'state', bands: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], hazardRatios: {} };
    expect(problemsOf(() => validateModel(m))).toEqual([
      {
        path: '(root)',
        message: expect.stringMatching(/too large: its transition table would have 20,000,000 entries/),
      },
    ]);
  });

  it(`workers are capped at ${MAX_WORKERS_PER_CORE} per core, the default is the core count`, () => {
    expect(workerCount(400, 2)).toBe(8);
    expect(workerCount(1024, 16)).toBe(64);
    expect(workerCount(3, 2)).toBe(3);
    expect(workerCount(undefined, 6)).toBe(6);
    expect(workerCount(1, 1)).toBe(1);
  });

  it('--workers 1000 runs (capped) and gives the bytes of one worker', () => {
    const args = ['run', 'examples/model.json', '--replicates', '40', '--seed', 'w', '--format', 'json'];
    const many = cli([...args, '--workers', '1000']);
    expect(many.code, many.stderr).toBe(0);
    expect(many.stdout).toBe(cli([...args, '--workers', '1']).stdout);
  });
});

describe('item 10 (model side): messages in our words, duplicates refused', () => {
  it('a missing enum field says "required field is missing", not "a value of type undefined"', () => {
    const m = example();
    delete m.states[0].kind;
    expect(problemsOf(() => validateModel(m))).toEqual([
      { path: 'states[0].kind', message: 'required field is missing (expected one of "benefit", "success", "exit")' },
    ]);
    const r = runFile(m);
    expectRefused(r, 'states[0].kind', /required field is missing/);
    expect(r.stderr).not.toMatch(/type undefined/);
  });

  it('a missing field inside a union names that field', () => {
    const m = example();
    m.costs = { refusion: { fromWeek: [1] } };
    expect(problemsOf(() => validateModel(m))).toEqual([
      { path: 'costs.refusion.reimbursedShare', message: 'required field is missing (expected array)' },
    ]);
  });

  it('Infinity or a missing number in a distribution is said plainly, not in raw zod text', async () => {
    const m = example();
    m.states[0].monthlyTransfer = { dist: 'normal', mean: Infinity, sd: 1 };
    const problems = await rejected(simulate(m as ModelInput, { replicates: 2 }));
    expect(problems).toEqual([
      { path: 'states[0].monthlyTransfer.mean', message: 'expected a finite number, got Infinity' },
    ]);
    m.states[0].monthlyTransfer = { dist: 'gamma', shape: 2 };
    expect(await rejected(simulate(m as ModelInput, { replicates: 2 }))).toEqual([
      { path: 'states[0].monthlyTransfer.scale', message: 'required field is missing (expected number)' },
    ]);
    for (const p of problems) expect(p.message).not.toMatch(/received|Invalid input/);
  });

  it('a bad parameter is reported once, at the parameter, with the places it is used', async () => {
    const m = example();
    m.parameters = { p: 2 };
    m.transitions.kh = { job: { param: 'p' }, flex: { param: 'p' } };
    m.interventions[0].transitions.kh = { job: { param: 'p' } };
    const problems = await rejected(simulate(m as ModelInput, { replicates: 2 }));
    expect(problems).toEqual([
      {
        path: 'parameters.p',
        message:
          'expected a probability in [0, 1], got 2 where it is used at transitions.kh.job, transitions.kh.flex, interventions[0].transitions.kh.job',
      },
    ]);
    const r = runFile(m);
    expectRefused(r, 'parameters.p', /where it is used at/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a bad draw of a parameter is reported once, at the parameter', async () => {
    const m = example();
    m.parameters = { p: { dist: 'uniform', min: 0.5, max: 1.5 } };
    m.transitions.kh = { job: { param: 'p' } };
    m.interventions[0].transitions.kh = { job: { param: 'p' } };
    const problems = await rejected(simulate(m as ModelInput, { replicates: 50, seed: 'd' }));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('parameters.p');
    expect(problems[0].message).toMatch(
      /^expected a probability in \[0, 1\], got 1\.\d+ where it is used at transitions\.kh\.job, interventions\[0\]\.transitions\.kh\.job \(a drawn parameter value in replicate \d+\)$/,
    );
  });

  it('a bad inline distribution mean is reported at its own place, once', async () => {
    const m = example();
    m.transitions.kh.job = { dist: 'uniform', min: 1, max: 3 };
    expect(await rejected(simulate(m as ModelInput, { replicates: 2 }))).toEqual([
      { path: 'transitions.kh.job', message: 'expected a probability in [0, 1], got 2 (the mean of its distribution)' },
    ]);
  });

  it('two calendar steps in the same month are refused (by date and by index alike)', () => {
    const m = example();
    m.start = '2026-01';
    m.calendar = [
      { from: '2026-04', states: { kh: { monthlyTransfer: 13000 } } },
      { from: 3, states: { kh: { monthlyTransfer: 14000 } } },
    ];
    expect(problemsOf(() => validateModel(m))).toEqual([
      {
        path: 'calendar[1].from',
        message: 'the same month as calendar[0] (month 3): put the changes of one month in one step',
      },
    ]);
    expectRefused(runFile(m), 'calendar[1].from', /same month as calendar\[0\]/);
  });

  it('duplicate JSON keys in a model file are refused with the path (exit 2)', () => {
    const text = readFileSync(join(ROOT, 'examples', 'model.json'), 'utf8');
    const dup = text.replace('"size": 980,', '"size": 980, "size": 98,');
    expectRefused(runFile(dup), 'groups[0].size', /duplicate key "size"/);
    const nested = text.replace(
      '{ "id": "minimum", "allocation": { "kh": { "fsm": 0.2 } } }',
      '{ "id": "minimum", "allocation": { "kh": { "fsm": 0.2, "fsm": 0.9 } } }',
    );
    expect(nested).not.toBe(text);
    expectRefused(runFile(nested), 'scenarios[1].allocation.kh.fsm', /duplicate key "fsm"/);
    expect(problemsOf(() => parseModel(dup))).toEqual([
      { path: 'groups[0].size', message: expect.stringMatching(/duplicate key "size"/) },
    ]);
  });

  it('the duplicate-key scan reads keys as JSON does and ignores look-alikes in strings', () => {
    expect(duplicateKeys('{"a": 1, "\\u0061": 2}')).toEqual([
      { path: 'a', message: expect.stringMatching(/duplicate key "a"/) },
    ]);
    expect(duplicateKeys('{"a": "}\\"{ \\"a\\": ", "b": [1, {"a": 1}, {"a": 2, "c": {"a": 3}}]}')).toEqual([]);
    expect(duplicateKeys('[{"x": 1}, {"y": [0, {"z": 1, "z": 2}]}]')).toEqual([
      { path: '[1].y[1].z', message: expect.any(String) },
    ]);
    expect(duplicateKeys(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toEqual([]);
  });

  it('the example model files have no duplicate keys and keep within every bound', () => {
    for (const f of ['model.json', 'steering.json', 'calibrated.json']) {
      const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
      expect(duplicateKeys(text), f).toEqual([]);
      expect(() => parseModel(text), f).not.toThrow();
    }
  });
});

describe('fuzz: extreme numbers and broken structure in the examples and presets', () => {
  const numbers = [
    0,
    -1,
    1e-320,
    0.5,
    1.5,
    2 ** 31,
    2 ** 32 + 10,
    3e9,
    1e15,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Infinity,
    NaN,
  ];
  const leaves = (v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) => {
    if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) leaves(x, [...path, Array.isArray(v) ? Number(k) : k], out);
    else out.push(path);
    return out;
  };
  const bases = [
    ...['model.json', 'steering.json', 'calibrated.json'].map((f) =>
      JSON.parse(readFileSync(join(ROOT, 'examples', f), 'utf8')),
    ),
    ...Object.values(presets).map((p) => structuredClone(p.model)),
  ];

  it('validation either accepts a mutant or names a path; an accepted one compiles and runs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), async (b, l, n, kind) => {
        const model: unknown = structuredClone(bases[b % bases.length]);
        const all = leaves(model);
        const path = all[l % all.length];
        let node = model as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        const key = path[path.length - 1];
        if (kind === 0) node[key] = numbers[n % numbers.length];
        else if (kind === 1) delete node[key];
        else if (kind === 2) {
          let deep: unknown = node[key];
          for (let d = 0; d < 40; d++) deep = d % 2 ? [deep] : { nested: deep };
          node[key] = deep;
        } else node[key] = node;
        let N = -1;
        try {
          N = compileModel(validateModel(model)).N;
        } catch (e) {
          expect(e).toBeInstanceOf(ForlobInputError);
          for (const p of (e as ForlobInputError).problems) {
            expect(p.path).toMatch(/^(\(root\)|[A-Za-z$_])/);
            expect(p.message).not.toMatch(/received|type undefined|Invalid input/);
          }
        }
        if (N >= 0 && N <= 50_000) {
          try {
            await simulate(model as ModelInput, { replicates: 2, seed: 'fuzz' });
          } catch (e) {
            expect(e).toBeInstanceOf(ForlobInputError);
          }
        }
      }),
      { numRuns: 150, seed: 13 },
    );
  }, 120_000);
});
