/**
 * The CLI contract: output shapes, exit codes, one-line errors with nothing on stdout,
 * byte-identical output for the same seed, no partial output files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';
import { exampleModel } from './models.js';

const model = exampleModel;

const dir = tempDir();
const modelFile = join(dir, 'model.json');
writeFileSync(modelFile, JSON.stringify(model));

describe('forlob run', () => {
  it('prints the fixed JSON shape', () => {
    const r = cli(['run', modelFile, '--replicates', '50', '--seed', '42', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ model: 'Example', seed: '42', replicates: 50, horizonMonths: 24, level: 0.95 });
    expect(j.scenarios.map((s: { id: string }) => s.id)).toEqual(['today', 'minimum']);
    expect(j.scenarios[0].allocation).toEqual([
      { group: 'kh', intervention: 'fsm', count: 588 },
      { group: 'kh', intervention: null, count: 392 },
    ]);
    for (const s of j.scenarios) {
      for (const m of ['successRate', 'benefitMonths', 'transferCost', 'interventionCost']) {
        expect(Object.keys(s.metrics[m])).toEqual(expect.arrayContaining(['hi', 'lo', 'mean', 'sd']));
        expect(s.metrics[m].lo).toBeLessThanOrEqual(s.metrics[m].mean);
        expect(s.metrics[m].mean).toBeLessThanOrEqual(s.metrics[m].hi);
      }
    }
  });

  it('gives byte-identical output for the same seed and different output for another', () => {
    const a = cli(['run', modelFile, '--replicates', '40', '--seed', 'x', '--format', 'json']);
    const b = cli(['run', modelFile, '--replicates', '40', '--seed', 'x', '--format', 'json']);
    const c = cli(['run', modelFile, '--replicates', '40', '--seed', 'y', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('prints a readable table by default and CSV on request', () => {
    const t = cli(['run', 'randers-2025', '--replicates', '20']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/today\s+scenario-1\s+scenario-2/);
    expect(t.stdout).toMatch(/success rate/);
    const c = cli(['run', modelFile, '--replicates', '20', '--format', 'csv']);
    expect(c.stdout.split('\n')[0]).toBe('scenario,group,metric,mean,sd,lo,hi');
  });

  it('writes a workbook with --format xlsx --out', () => {
    const out = join(dir, 'r.xlsx');
    const r = cli(['run', modelFile, '--replicates', '10', '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('runs portfolio steering and a staff plan from a model file', () => {
    const steered = {
      ...model,
      start: '2026-01',
      interventions: [{ ...model.interventions![0], capacity: { caseworkers: 15, caseload: 35 } }],
      calendar: [{ from: '2027-01', interventions: { fsm: { capacity: { caseworkers: 12 } } } }],
      scenarios: [
        model.scenarios[0],
        {
          ...model.scenarios[1],
          steering: { intervention: 'fsm', rules: [{ signal: 'freeCapacity', above: 0.1, change: 0.05 }] },
        },
      ],
    };
    const f = join(dir, 'steered.json');
    writeFileSync(f, JSON.stringify(steered));
    const r = cli(['run', f, '--replicates', '20', '--seed', 's', '--format', 'json', '--workers', '2']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.steering).toHaveLength(1);
    expect(j.steering[0]).toMatchObject({
      scenario: 'minimum',
      intervention: 'fsm',
      months: [0, 3, 6, 9, 12, 15, 18, 21],
    });
    expect(j.steering[0].replicates).toHaveLength(20);
    // 20 % of 980 = 196 in 525 places: free capacity adds five points every quarter.
    expect(j.steering[0].mean[1]).toBeCloseTo(0.25, 12);
    expect(j.queue.length).toBeGreaterThan(0);
    const one = cli(['run', f, '--replicates', '20', '--seed', 's', '--format', 'json', '--workers', '1']);
    expect(one.stdout).toBe(r.stdout);
  });

  it('writes --out atomically', () => {
    const out = join(dir, 'r.json');
    const r = cli(['run', modelFile, '--replicates', '10', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).replicates).toBe(10);
  });
});

describe('bad input: exit 2, one line naming the field, nothing on stdout', () => {
  const write = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const cases: [string, string[], RegExp][] = [
    ['malformed JSON', [write('bad.json', '{"name": ')], /malformed JSON/],
    ['missing file', [join(dir, 'nope.json')], /cannot read .*no such file/],
    [
      'unknown state',
      [write('u.json', JSON.stringify({ ...model, groups: [{ id: 'kh', size: 9, initialState: 'zz' }] }))],
      /groups\[0\]\.initialState: unknown state "zz"/,
    ],
    [
      'row above 1',
      [write('row.json', JSON.stringify({ ...model, transitions: { kh: { job: 0.9, out: 0.2 } } }))],
      /transitions\.kh: row sums to 1\.1/,
    ],
    [
      '1e400',
      [write('inf.json', JSON.stringify(model).replace('12500', '1e400'))],
      /states\[0\]\.monthlyTransfer: expected a finite number/,
    ],
    [
      '__proto__',
      [write('p.json', JSON.stringify(model).replace('"transitions":{', '"transitions":{"__proto__":{},'))],
      /transitions\.__proto__: the key "__proto__" is not allowed/,
    ],
    ['--replicates 0', [modelFile, '--replicates', '0'], /--replicates: expected an integer >= 1, got "0"/],
    ['--replicates abc', [modelFile, '--replicates', 'abc'], /--replicates: expected an integer >= 1, got "abc"/],
    ['--level 2', [modelFile, '--level', '2'], /--level: expected a number strictly between 0 and 1/],
    ['--format xml', [modelFile, '--format', 'xml'], /--format: expected one of table, json, csv/],
    [
      'unknown flag',
      [modelFile, '--replicate', '5'],
      /arguments: unknown flag --replicate \(did you mean --replicates\?\)/,
    ],
    [
      'a custom steering rule',
      [
        write(
          'custom.json',
          JSON.stringify({
            ...model,
            scenarios: [
              model.scenarios[0],
              { ...model.scenarios[1], steering: { intervention: 'fsm', custom: 'mine' } },
            ],
          }),
        ),
      ],
      /scenarios\[1\]\.steering\.custom: no rule "mine" in the steeringRules option/,
    ],
    [
      'a steering rule without a threshold',
      [
        write(
          'rule.json',
          JSON.stringify({
            ...model,
            scenarios: [
              { ...model.scenarios[0], steering: { intervention: 'fsm', rules: [{ signal: 'share', change: 0.05 }] } },
            ],
          }),
        ),
      ],
      /scenarios\[0\]\.steering\.rules\[0\]: expected exactly one of above, below/,
    ],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const out = join(dir, `should-not-exist-${_name.replace(/\W/g, '')}.json`);
    const r = cli(['run', ...args, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
  it('unknown command', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});

describe('presets', () => {
  it('lists presets one line each and shows one as a valid model file', () => {
    const list = cli(['presets']);
    expect(list.stdout).toMatch(/^randers-2025\s+\S/m);
    const shown = cli(['show', 'randers-2025']);
    const f = join(dir, 'shown.json');
    writeFileSync(f, shown.stdout);
    const run = cli(['run', f, '--replicates', '5', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scenarios.map((s: { id: string }) => s.id)).toEqual([
      'today',
      'scenario-1',
      'scenario-2',
      'today-steered',
    ]);
  });
});
