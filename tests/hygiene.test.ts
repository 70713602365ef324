/**
 * Hygiene of the library's options and the command line (issue 12, item 7): unknown option
 * names and flags are errors suggesting the nearest known one, every command has --help
 * listing exactly the flags it accepts with their defaults, --version, the two flags of the
 * decision analysis, progress that says when it is summarising, and the sensitivity table
 * in the units of `run`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { breakEven } from '../src/analysis/breakeven.js';
import { sensitivity } from '../src/analysis/sensitivity.js';
import { BREAKEVEN_FLAGS, SENSITIVITY_FLAGS, sensitivityTable } from '../src/cli/analyse.js';
import { evppiGroupsFlag, wtpRangeFlag, type Flag } from '../src/cli/args.js';
import { MERGE_FLAGS } from '../src/cli/merge.js';
import { progressBar } from '../src/cli/progress.js';
import { REPORT_FLAGS } from '../src/cli/report.js';
import { RUN_FLAGS } from '../src/cli/run.js';
import { ForlobInputError } from '../src/model/errors.js';
import { editDistance, nearestName } from '../src/model/suggest.js';
import { simulate as simulateOnWorkers } from '../src/node.js';
import { OPTION_NAMES } from '../src/model/options.js';
import { tornadoSpec } from '../src/plot/tornado.js';
import { simulate } from '../src/run/simulate.js';
import { cli, ROOT, tempDir } from './helpers.js';
import { oneMonthModel } from './models.js';

const oneMonth = { ...oneMonthModel(200), scenarios: [{ id: 's' }, { id: 't', fixedMonthlyCost: 10 }] };

const dir = tempDir();
const modelFile = join(dir, 'one-month.json');
writeFileSync(modelFile, JSON.stringify(oneMonth));

/** The problems of a rejected promise, as "path: message". */
async function problems(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ForlobInputError) return e.problems.map((x) => `${x.path}: ${x.message}`);
    throw e;
  }
  throw new Error('expected a ForlobInputError');
}

describe('the nearest name', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('replicats', 'replicates')).toBe(1);
    expect(editDistance('sede', 'seed')).toBe(1);
    expect(editDistance('levle', 'level')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('suggests only a close name', () => {
    expect(nearestName('replicats', OPTION_NAMES)).toBe('replicates');
    expect(nearestName('Seed', OPTION_NAMES)).toBe('seed');
    expect(nearestName('willingnesToPay', OPTION_NAMES)).toBe('willingnessToPay');
    expect(nearestName('colour', OPTION_NAMES)).toBeUndefined();
  });
});

describe('unknown option names are errors, not silent defaults', () => {
  it('simulate names the option and suggests the nearest', async () => {
    expect(await problems(simulate(oneMonth, { replicats: 5 } as never))).toEqual([
      'options.replicats: unknown option (did you mean "replicates"?)',
    ]);
    expect(await problems(simulate(oneMonth, { replicates: 5, sed: 'x' } as never))).toEqual([
      'options.sed: unknown option (did you mean "seed"?)',
    ]);
    const far = await problems(simulate(oneMonth, { colour: 'red' } as never));
    expect(far).toHaveLength(1);
    expect(far[0]).toMatch(/^options\.colour: unknown option \(expected one of replicates, seed, /);
    expect(
      await problems(simulate(oneMonth, { willingnessToPayRange: { min: 0, max: 10, setp: 1 } } as never)),
    ).toEqual(['options.willingnessToPayRange.setp: unknown field (did you mean "step"?)']);
  });
  it('every option simulate documents is known, and forlob/node takes workers', async () => {
    const res = await simulateOnWorkers(oneMonth, {
      replicates: 2,
      seed: 'w',
      workers: 1,
      level: 0.9,
      occupancy: false,
      maxReplicates: 10,
      willingnessToPay: 1,
      willingnessToPayRange: { min: 0, max: 10, step: 5 },
      evppiGroups: [['a', 'b']],
    });
    expect(res.replicates).toBe(2);
  });
  it('sensitivity and breakEven reject their own typos, suggesting their own names', async () => {
    expect(await problems(sensitivity(oneMonth, { metrc: 'successRate', replicates: 2 } as never))).toEqual([
      'options.metrc: unknown option (did you mean "metric"?)',
    ]);
    expect(await problems(sensitivity(oneMonth, { lowQuantil: 0.1, replicates: 2 } as never))).toEqual([
      'options.lowQuantil: unknown option (did you mean "lowQuantile"?)',
    ]);
    expect(await problems(breakEven(oneMonth, { parameter: 'a', tolerence: 0.1, replicates: 2 } as never))).toEqual([
      'options.tolerence: unknown option (did you mean "tolerance"?)',
    ]);
    expect(await problems(breakEven(oneMonth, { parameter: 'a', replicats: 2 } as never))).toEqual([
      'options.replicats: unknown option (did you mean "replicates"?)',
    ]);
  });
});

describe('analysis progress', () => {
  it('sensitivity reports replicates over all its runs, ending complete', async () => {
    const seen: { done: number; total: number; runsDone: number; runs: number }[] = [];
    await sensitivity(oneMonth, { metric: 'successRate', replicates: 4, seed: 'p', onProgress: (p) => seen.push(p) });
    // One run at the means, two per uncertain parameter.
    expect(seen.every((p) => p.runs === 5 && p.total === 20)).toBe(true);
    expect(seen.at(-1)).toEqual({ done: 20, total: 20, runsDone: 5, runs: 5 });
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
  });
  it('breakEven plans its runs and reports itself complete, also when it stops early', async () => {
    const seen: { done: number; total: number; runsDone: number; runs: number }[] = [];
    const b = await breakEven(oneMonth, {
      parameter: 'a',
      metric: 'successRate',
      scenario: 's',
      target: 0.3,
      tolerance: 0.01,
      replicates: 2,
      onProgress: (p) => seen.push(p),
    });
    expect(seen[0].runs).toBe(2 + Math.ceil(Math.log2((b.interval[1] - b.interval[0]) / 0.01)) + 3);
    expect(seen.at(-1)).toEqual({
      done: 2 * b.evaluations,
      total: 2 * b.evaluations,
      runsDone: b.evaluations,
      runs: b.evaluations,
    });
    const early: { done: number; total: number }[] = [];
    const none = await breakEven(oneMonth, {
      parameter: 'a',
      metric: 'successRate',
      target: 0.9,
      replicates: 2,
      onProgress: (p) => early.push(p),
    });
    expect(none.value).toBeNull();
    expect(early.at(-1)).toMatchObject({ done: 4, total: 4 });
  });
});

describe('the progress bar', () => {
  const tty = () => {
    const s = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let text = '';
    s.on('data', (d: Buffer) => (text += d.toString()));
    return { s, text: () => text };
  };
  it('says "summarising" once every replicate is done, not a silent 100 %', () => {
    const { s, text } = tty();
    const bar = progressBar(false, s);
    bar.onProgress!({ done: 0, total: 10 });
    bar.onProgress!({ done: 5, total: 10 });
    expect(text()).not.toMatch(/summarising/);
    bar.onProgress!({ done: 10, total: 10 });
    expect(text()).toMatch(/10\/10 replicates \| summarising the results/);
    bar.stop();
  });
  it("counts an analysis's runs", () => {
    const { s, text } = tty();
    const bar = progressBar(false, s);
    bar.onProgress!({ done: 0, total: 50, runsDone: 0, runs: 5 });
    bar.onProgress!({ done: 20, total: 50, runsDone: 2, runs: 5 });
    bar.stop();
    expect(text()).toMatch(/20\/50 replicates \(run 3 of 5\)/);
    expect(text()).not.toMatch(/summarising/);
  });
  it('is silent with --quiet and when the stream is not a terminal', () => {
    expect(progressBar(true, tty().s).onProgress).toBeUndefined();
    expect(progressBar(false, new PassThrough()).onProgress).toBeUndefined();
  });
});

describe('--wtp-range and --evppi-groups', () => {
  it('parse good values', () => {
    expect(wtpRangeFlag(undefined)).toBeUndefined();
    expect(wtpRangeFlag('0:1000000:50000')).toEqual({ min: 0, max: 1_000_000, step: 50_000 });
    expect(wtpRangeFlag('100000:100000:1')).toEqual({ min: 100_000, max: 100_000, step: 1 });
    expect(wtpRangeFlag('0:5e5:2.5e4')).toEqual({ min: 0, max: 500_000, step: 25_000 });
    expect(evppiGroupsFlag(undefined)).toBeUndefined();
    expect(evppiGroupsFlag('a,b;c')).toEqual([['a', 'b'], ['c']]);
    expect(evppiGroupsFlag(' a , b ', ['a', 'b'])).toEqual([['a', 'b']]);
  });
  it.each([
    ['5:1', 'expected MIN:MAX:STEP with 0 <= MIN <= MAX and STEP > 0, got "5:1"'],
    ['10:5:1', 'expected MIN:MAX:STEP with 0 <= MIN <= MAX and STEP > 0, got "10:5:1"'],
    ['-1:5:1', 'expected MIN:MAX:STEP with 0 <= MIN <= MAX and STEP > 0, got "-1:5:1"'],
    ['0:5:0', 'expected MIN:MAX:STEP with 0 <= MIN <= MAX and STEP > 0, got "0:5:0"'],
    ['0::1', 'expected MIN:MAX:STEP with 0 <= MIN <= MAX and STEP > 0, got "0::1"'],
    ['a:b:c', 'expected MIN:MAX:STEP with 0 <= MIN <= MAX and STEP > 0, got "a:b:c"'],
    ['0:1000000:1', 'expected at most 1,001 points ((MAX − MIN) / STEP <= 1000), got "0:1000000:1"'],
  ])('--wtp-range %s is refused', (value, message) => {
    expect(() => wtpRangeFlag(value)).toThrow(`--wtp-range: ${message}`);
  });
  it.each([
    ['', /expected groups of parameter names like "a,b;c"/],
    ['a,,b', /expected groups of parameter names like "a,b;c" .*got "a,,b"/],
    ['a;', /expected groups of parameter names/],
    ['a,bb', /unknown uncertain parameter "bb" \(did you mean "b"\?\)/],
    ['zzzzzz', /unknown uncertain parameter "zzzzzz" \(expected one of a, b\)/],
  ])('--evppi-groups %j is refused', (value, message) => {
    expect(() => evppiGroupsFlag(value, ['a', 'b'])).toThrow(message);
  });
  it('reach the run: the CEAC grid and the EVPPI groups of the JSON', () => {
    const r = cli([
      'run',
      modelFile,
      '--replicates',
      '20',
      '--workers',
      '1',
      '--format',
      'json',
      '--wtp-range',
      '0:100000:25000',
      '--evppi-groups',
      'a,b',
    ]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout).decision;
    expect(d.ceac.map((p: { wtp: number }) => p.wtp)).toEqual([0, 25_000, 50_000, 75_000, 100_000]);
    expect(d.evppi.map((e: { parameters: string[] }) => e.parameters)).toEqual([['a'], ['b'], ['a', 'b']]);
  });
  it.each([
    [
      'run',
      ['--wtp-range', '5:1'],
      /^forlob: --wtp-range: expected MIN:MAX:STEP with 0 <= MIN <= MAX and STEP > 0, got "5:1"\n$/,
    ],
    ['run', ['--evppi-groups', 'a;;b'], /^forlob: --evppi-groups: expected groups of parameter names/],
    ['run', ['--evppi-groups', 'a,c'], /^forlob: --evppi-groups: unknown uncertain parameter "c"/],
    ['report', ['--wtp-range', '0:1:2:3'], /^forlob: --wtp-range: expected MIN:MAX:STEP/],
    [
      'report',
      ['--evppi-groups', 'aa'],
      /^forlob: --evppi-groups: unknown uncertain parameter "aa" \(did you mean "a"\?\)/,
    ],
  ])('%s %j: one line naming the flag, exit 2', (command, flags, message) => {
    const r = cli([command, modelFile, '--replicates', '2', '--workers', '1', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the command line', () => {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

  it('--version and -V print the version of package.json', () => {
    for (const flag of ['--version', '-V']) {
      const r = cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('forlob alone prints the overview of every command on stdout, exit 0', () => {
    const r = cli([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const c of ['run', 'report', 'sensitivity', 'breakeven', 'merge', 'presets', 'show', 'help'])
      expect(r.stdout).toMatch(new RegExp(`^  forlob ${c}\\b`, 'm'));
    expect(r.stdout).toMatch(/--version/);
    expect(r.stdout).toMatch(/--help/);
    expect(cli(['help']).stdout).toBe(r.stdout);
    expect(cli(['--help']).stdout).toBe(r.stdout);
    // --help anywhere among a command's arguments prints its usage and runs nothing.
    const run = cli(['run', 'no-such-model.json', '--replicates', '0', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: forlob run /);
  });

  const commands: [string, readonly Flag[]][] = [
    ['run', RUN_FLAGS],
    ['report', REPORT_FLAGS],
    ['sensitivity', SENSITIVITY_FLAGS],
    ['breakeven', BREAKEVEN_FLAGS],
    ['merge', MERGE_FLAGS],
    ['presets', []],
    ['show', []],
  ];

  /** The flags a usage text lists, with the rest of each flag's entry (its help and default). */
  function listed(usage: string): Map<string, string> {
    const out = new Map<string, string>();
    let current: string | undefined;
    for (const line of usage.split('\n')) {
      const m = /^ {2}(?:-\w, )? {0,4}--([a-z][\w-]*)(.*)$/.exec(line);
      if (m) {
        current = m[1];
        out.set(current, m[2]);
      } else if (current && /^ {6,}\S/.test(line)) out.set(current, `${out.get(current)} ${line.trim()}`);
      else current = undefined;
    }
    return out;
  }

  it.each(commands)('forlob %s --help lists exactly the flags it accepts, each with its default', (command, flags) => {
    const r = cli([command, '-h']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^usage: forlob ${command}\\b`));
    const shown = listed(r.stdout);
    expect([...shown.keys()].sort()).toEqual([...flags.map((f) => f.name), 'help'].sort());
    for (const [name, entry] of shown) if (name !== 'help') expect(entry, `--${name}`).toMatch(/\(default [^)]+\)/);
    expect(cli(['help', command]).stdout).toBe(r.stdout);
  });

  it.each(commands.filter(([, flags]) => flags.length > 0))(
    'forlob %s accepts every flag its help lists',
    (command, flags) => {
      // Every flag at once and no model: parsing must pass, and only then the missing model is reported.
      const argv = flags.flatMap((f) => (f.value ? [`--${f.name}`, 'x'] : [`--${f.name}`]));
      const r = cli([command, ...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/unknown flag/);
      expect(r.stderr).toMatch(/^forlob: arguments: expected (one model file|at least one file)/);
    },
  );

  it.each([
    ['run', '--replicats', '--replicates'],
    ['run', '--wtp-rnage', '--wtp-range'],
    ['report', '--lnag', '--lang'],
    ['sensitivity', '--metrc', '--metric'],
    ['breakeven', '--paramter', '--parameter'],
    ['merge', '--keep-replicate', '--keep-replicates'],
  ])('forlob %s %s suggests %s, exit 2', (command, typo, flag) => {
    const r = cli([command, 'randers-2025', typo, '5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`forlob: arguments: unknown flag ${typo} (did you mean ${flag}?)\n`);
  });

  it('a flag far from any is listed with the ones there are; presets and show take none', () => {
    expect(cli(['merge', '--frobnicate']).stderr).toBe(
      'forlob: arguments: unknown flag --frobnicate (expected one of --out, --keep-replicates)\n',
    );
    const p = cli(['presets', '--out', 'x']);
    expect(p.code).toBe(2);
    expect(p.stderr).toBe('forlob: arguments: unknown flag --out (the command takes no flags)\n');
    expect(cli(['show', 'randers-2025', '--quiet']).code).toBe(2);
  });

  it('an unknown command suggests the nearest', () => {
    const r = cli(['sensitivty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^forlob: command: unknown command "sensitivty" \(did you mean "sensitivity"\?/);
  });
});

describe('the sensitivity table', () => {
  const result = (metric: 'successRate' | 'municipalCost' | 'benefitMonths', baseline?: string) => ({
    base: 0.3,
    quantiles: { low: 0.025, high: 0.975 },
    measure: { metric, scenario: 's', ...(baseline ? { baseline } : {}) },
    rows: [{ parameter: 'a', low: 0.11, high: 0.49, lowValue: 0.11, highValue: 0.49, swing: 0.38 }],
  });

  it('shows a share in % and a difference of shares in percentage points, with the quantiles', () => {
    const level = sensitivityTable(result('successRate'));
    expect(level).toMatch(/^one-way sensitivity of successRate of s \(%\)\n/);
    expect(level).toMatch(/low = its 2\.5 % quantile and high = its 97\.5 % quantile/);
    expect(level).toMatch(/with every parameter at its mean: 30\.00\n/);
    expect(level).toMatch(/^a\s+0\.11000\s+0\.49000\s+11\.00\s+49\.00\s+38\.00$/m);
    expect(sensitivityTable(result('successRate', 't'))).toMatch(
      /^one-way sensitivity of successRate of s − t \(percentage points\)\n/,
    );
  });
  it('shows money in mio. DKK and months as months', () => {
    const money = sensitivityTable({
      ...result('municipalCost'),
      base: 2.5e6,
      rows: [{ parameter: 'a', low: 1, high: 2, lowValue: 2e6, highValue: 3.25e6, swing: 1.25e6 }],
    });
    expect(money).toMatch(/\(mio\. DKK\)/);
    expect(money).toMatch(/^a\s+1\.0000\s+2\.0000\s+2\.00\s+3\.25\s+1\.25$/m);
    expect(sensitivityTable(result('benefitMonths'))).toMatch(/\(months\)/);
  });
  it('forlob sensitivity prints it, and its JSON carries the quantiles', () => {
    const r = cli([
      'sensitivity',
      modelFile,
      '--metric',
      'successRate',
      '--scenario',
      's',
      '--replicates',
      '5',
      '--workers',
      '1',
      '--level',
      '0.9',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^one-way sensitivity of successRate of s \(%\)/);
    expect(r.stdout).toMatch(/low = its 5 % quantile and high = its 95 % quantile/);
    expect(r.stdout).toMatch(/^a\s+0\.12000\s+0\.48000\s/m);
    const j = cli([
      'sensitivity',
      modelFile,
      '--metric',
      'successRate',
      '--replicates',
      '3',
      '--workers',
      '1',
      '--format',
      'json',
    ]);
    const q = JSON.parse(j.stdout).quantiles;
    expect(q.low).toBeCloseTo(0.025, 12);
    expect(q.high).toBeCloseTo(0.975, 12);
  });
});

describe('the tornado', () => {
  it('names the measure of a sensitivity answer and the quantiles used', async () => {
    const t = await sensitivity(oneMonth, {
      metric: 'successRate',
      scenario: 't',
      baseline: 's',
      replicates: 2,
      seed: 'tornado',
    });
    const spec = tornadoSpec(t) as unknown as {
      title: { text: string; subtitle: string };
      layer: { encoding: { x: { title?: string } } }[];
    };
    expect(spec.title.text).toMatch(/^Sensitivity: success rate.*, t − s$/);
    expect(spec.title.subtitle).toBe('low = 2.5 % quantile, high = 97.5 % quantile; every other parameter at its mean');
    expect(spec.layer[0].encoding.x.title).toMatch(/\(points\)$/);
    const da = tornadoSpec(t, { lang: 'da' }) as unknown as { title: { text: string; subtitle: string } };
    expect(da.title.text).toMatch(/^Følsomhed: .*, t − s$/);
    expect(da.title.subtitle).toMatch(/^lav = 2,5 %-fraktil, høj = 97,5 %-fraktil/);
  });
  it('keeps a plain title for bare rows', () => {
    expect(
      tornadoSpec([{ parameter: 'a', low: 0, high: 1, lowValue: 0.1, highValue: 0.2, swing: 0.1 }], {
        metric: 'successRate',
      }).title,
    ).toMatch(/^Sensitivity: success rate/);
  });
});
