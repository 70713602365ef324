/**
 * Issue 13, the output and library side: safe output files (random temporary names created
 * exclusively, symbolic links refused, the target's mode kept, --out checked before the
 * run, no temporary file left behind, JSON written in chunks), hostile text (formula
 * injection in CSV, escape sequences and newlines in tables and error messages), the
 * library (a throwing onProgress on worker threads, one ForlobInputError across entries
 * and builds, a bad signal, mergeRuns of a non-array), and the small ones (reproducible
 * xlsx bytes, break-even bounds, negative flag values, the cursor after Ctrl-C). The CLI
 * cases run dist/ (built by `npm test`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { breakEven } from '../src/analysis/breakeven.js';
import { BREAKEVEN_FLAGS, breakEvenCommand } from '../src/cli/analyse.js';
import { parseFlags } from '../src/cli/args.js';
import { ForlobInputError } from '../src/model/errors.js';
import { simulate as simulateNode } from '../src/node.js';
import { presets } from '../src/presets/index.js';
import { csvText, printable } from '../src/report/escape.js';
import { jsonChunks, jsonDocument } from '../src/report/json-chunks.js';
import { resultToJSON } from '../src/report/json.js';
import { keptReplicates } from '../src/summary/kept.js';
import { resultToWorkbook } from '../src/report/xlsx.js';
import { fixZipDates, outputDate } from '../src/report/zip-dates.js';
import { simulate } from '../src/run/simulate.js';
import { mergeRuns } from '../src/summary/merge.js';
import { cli, CLI, ROOT, tempDir } from './helpers.js';
import type { ModelInput } from '../src/params/input.js';

const DIST = join(ROOT, 'dist');

/** A small model whose ids are hostile: formulas, an OSC 8 link, a newline faking an error line. */
const GROUP = '=HYPERLINK("http://evil.example","x")';
const IV = '\u001b]8;;http://evil.example\u0007fsm\u001b]8;;\u0007';
const hostile = {
  name: 'Hostile \u001b[2J\u001b[H',
  horizonMonths: 6,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12500 },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.03, out: 0.01 } },
  groups: [
    { id: GROUP, size: 40, initialState: 'kh' },
    { id: '\tTab', size: 20, initialState: 'kh' },
  ],
  interventions: [{ id: IV, monthlyCost: 1800, transitions: { kh: { job: 0.05, out: 0.01 } } }],
  scenarios: [
    { id: '+1+1' },
    { id: '-2+3\nforlob: fake error', label: '@SUM(A1:A9)', allocation: { [GROUP]: { [IV]: 0.5 } } },
  ],
};

/** A small model of ordinary ids. */
const small = {
  name: 'Small',
  horizonMonths: 12,
  states: hostile.states,
  transitions: hostile.transitions,
  groups: [{ id: 'kh', size: 100, initialState: 'kh' }],
  interventions: [{ id: 'fsm', monthlyCost: 1800, transitions: { kh: { job: 0.05, out: 0.01 } } }],
  scenarios: [{ id: 'today' }, { id: 'fsm', allocation: { kh: { fsm: 0.5 } } }],
};

function modelFile(dir: string, model: object, name = 'model.json'): string {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(model));
  return f;
}

const tmpLeft = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Run a script in a fresh node (ESM .mjs or CommonJS .cjs); stdout, stderr and how it ended. */
function node(dir: string, name: string, code: string) {
  const f = join(dir, name);
  writeFileSync(f, code);
  const r = spawnSync(process.execPath, [f], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('output files (item 5)', () => {
  it('refuses a symbolic link planted at the target and leaves what it points to alone', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const out = join(dir, 'out.json');
    symlinkSync(victim, out);
    const r = cli([
      'run',
      modelFile(dir, small),
      '--replicates',
      '5',
      '--workers',
      '1',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^forlob: --out: ".*out\.json" is a symbolic link: forlob does not replace one/);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(tmpLeft(dir)).toEqual([]);
  });

  it('never follows a symbolic link planted at a predictable temporary name (the old <out>.<pid>.tmp)', async () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const out = join(dir, 'out.json');
    const child = spawn(
      process.execPath,
      [CLI, 'run', 'randers-2025', '--replicates', '40', '--workers', '1', '--format', 'json', '--out', out],
      { cwd: ROOT },
    );
    // Planted while the run computes: the name the old code wrote through.
    symlinkSync(victim, `${out}.${child.pid}.tmp`);
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(out).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).replicates).toBe(40);
  });

  it("keeps an existing file's permission bits", () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o600);
    const r = cli([
      'run',
      modelFile(dir, small),
      '--replicates',
      '5',
      '--workers',
      '1',
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/^scenario,group/);
    expect(tmpLeft(dir)).toEqual([]);
  });

  it('treats --out "" as an error, not as stdout', () => {
    for (const cmd of [
      ['run', 'randers-2025', '--replicates', '5'],
      ['report', 'randers-2025', '--replicates', '5'],
      ['sensitivity', 'randers-2025', '--replicates', '5'],
      ['merge', 'a.json'],
    ]) {
      const r = cli([...cmd, '--out', '']);
      expect(r.code, cmd.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--out: expected a file name, got ""/);
    }
  });

  it('refuses --out equal to the model file (by any name) and leaves the model as it was', () => {
    const dir = tempDir();
    const f = modelFile(dir, small);
    const before = readFileSync(f, 'utf8');
    for (const out of [f, join(dir, '.', 'model.json')]) {
      const r = cli(['run', f, '--replicates', '5', '--workers', '1', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--out: ".*model\.json" is the input file/);
    }
    expect(readFileSync(f, 'utf8')).toBe(before);
  });

  it("checks --out's folder before a long run, in every command that writes", () => {
    const out = join(tempDir(), 'no-such-folder', 'out.json');
    // 200,000 replicates would take minutes: the refusal must come first (killed after 20 s otherwise).
    const quick = (args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 20_000 });
      return { code: r.status, stderr: r.stderr };
    };
    for (const args of [
      ['run', 'randers-2025', '--replicates', '200000', '--workers', '1'],
      ['report', 'randers-2025', '--replicates', '200000', '--workers', '1'],
      ['sensitivity', 'randers-2025', '--replicates', '200000', '--workers', '1'],
      ['breakeven', 'randers-2025', '--parameter', 'x', '--replicates', '200000', '--workers', '1'],
    ]) {
      const r = quick([...args, '--out', out]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toMatch(/^forlob: --out: cannot write ".*out\.json": folder ".*no-such-folder": no such folder/);
    }
    const dirOut = quick(['run', 'randers-2025', '--replicates', '200000', '--out', tempDir()]);
    expect(dirOut.code).toBe(2);
    expect(dirOut.stderr).toMatch(/is a folder: expected a file name/);
    const device = quick(['run', 'randers-2025', '--replicates', '200000', '--out', '/dev/null']);
    expect(device.code).toBe(2);
    expect(device.stderr).toMatch(/is not a regular file/);
  });

  it('removes the temporary file when the process is interrupted while writing', async () => {
    const dir = tempDir();
    // writeOutput (the CLI's writer) from the sources, bundled for a fresh node (esbuild comes with tsup).
    const bundle = join(dir, 'io.mjs');
    const { buildSync } = await import('esbuild');
    buildSync({
      entryPoints: [join(ROOT, 'src/cli/io.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'error',
    });
    const out = join(dir, 'out.json');
    writeFileSync(out, 'old\n');
    const r = node(
      dir,
      'interrupt.mjs',
      `import { readdirSync } from 'node:fs';
import { writeOutput } from ${JSON.stringify(bundle)};
function* endless() {
  for (let i = 0; ; i++) {
    // Once the temporary file holds something, interrupt the process (as Ctrl-C would).
    if (i === 50) {
      process.stdout.write(readdirSync(${JSON.stringify(dir)}).filter((f) => f.endsWith('.tmp')).join(',') + '\\n');
      process.kill(process.pid, 'SIGTERM');
    }
    yield 'x'.repeat(65536);
  }
}
await writeOutput(${JSON.stringify(out)}, endless());
console.log('not interrupted');
`,
    );
    expect(r.signal).toBe('SIGTERM');
    expect(r.stdout).toMatch(/^out\.json\.[0-9a-f]{16}\.tmp\n$/);
    expect(tmpLeft(dir)).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
  });

  it('writes JSON in chunks, byte-identical to JSON.stringify', () => {
    const value = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
      leaf: fc.oneof(
        fc.double(),
        fc.integer(),
        fc.string({ unit: 'binary' }),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.date({ noInvalidDate: true }),
      ),
      array: fc.oneof(
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.array(fc.oneof(fc.double(), fc.constant(null)), { minLength: 250, maxLength: 9000 }),
      ),
      object: fc.dictionary(fc.string(), tie('tree'), { maxKeys: 5 }),
    })).tree;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, indent) => {
        expect([...jsonChunks(v, indent)].join('')).toBe(JSON.stringify(v, null, indent) ?? '');
      }),
      { numRuns: 300 },
    );
  });

  it("streams a document longer than the longest string (--keep-replicates past 512 MB: 'Invalid string length')", () => {
    const piece = 'x'.repeat(2 ** 21);
    const doc = { kept: { values: new Array(300).fill(piece) } };
    // JSON.stringify(doc) throws RangeError: Invalid string length (V8 strings stop at 2^29 − 24 characters).
    let length = 0;
    let longest = 0;
    for (const chunk of jsonDocument(doc)) {
      length += chunk.length;
      longest = Math.max(longest, chunk.length);
    }
    expect(length).toBeGreaterThan(2 ** 29);
    expect(longest).toBeLessThan(2 ** 23);
  });

  it('a run kept for merging writes the same bytes to --out and to stdout, and they are JSON.stringify of the result', () => {
    const dir = tempDir();
    const out = join(dir, 'kept.json');
    const args = [
      'run',
      modelFile(dir, small),
      '--replicates',
      '60',
      '--seed',
      's',
      '--workers',
      '2',
      '--format',
      'json',
      '--keep-replicates',
    ];
    const r = cli([...args, '--out', out]);
    expect(r.code).toBe(0);
    const stdout = cli(args).stdout;
    const file = readFileSync(out, 'utf8');
    expect(file).toBe(stdout);
    expect(file).toBe(`${JSON.stringify(JSON.parse(file), null, 2)}\n`);
    expect(JSON.parse(file).kept.values.length).toBeGreaterThan(0);
  });

  it('jsonDocument of a kept result is byte-identical to the old JSON.stringify', async () => {
    const model = presets['gladsaxe-2026'].model;
    const result = await simulate(model, { replicates: 20, seed: 'j' });
    const json = { ...resultToJSON(result), kept: keptReplicates(result, model) };
    expect([...jsonDocument(json)].join('')).toBe(`${JSON.stringify(json, null, 2)}\n`);
  });
});

describe('hostile text (item 6)', () => {
  it('CSV: a cell a spreadsheet would read as a formula gets a leading quote; control characters are escaped', () => {
    const dir = tempDir();
    const r = cli(['run', modelFile(dir, hostile), '--replicates', '5', '--workers', '1', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('scenario,group,metric,mean,sd,lo,hi');
    // A newline in an id no longer makes a record of two lines.
    for (const line of lines.slice(1)) expect(line).toMatch(/^'[+-]/);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(r.stdout).toContain(`'-2+3\\nforlob: fake error`);
    expect(r.stdout).toContain(`'\\tTab`);
    // Every text cell that starts like a formula is quoted.
    for (const line of lines.slice(1)) {
      for (const cell of line
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
        .map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/, '$1'))) {
        if (cell !== '' && Number.isNaN(Number(cell))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('the table, the arm breakdown and the sensitivity table print no escape sequence and no id newline', () => {
    const dir = tempDir();
    const f = modelFile(dir, hostile);
    for (const args of [
      ['run', f],
      ['run', f, '--by', 'arm'],
      ['run', f, '--by', 'group'],
    ]) {
      const r = cli([...args, '--replicates', '5', '--workers', '1']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).not.toMatch(/[\u001b\u0007\t]/);
      expect(r.stdout).not.toMatch(/^forlob: fake/m);
      expect(r.stdout).toContain('Hostile \\x1b[2J\\x1b[H');
      expect(r.stdout).toContain('-2+3\\nforlob: fake error');
    }
  });

  it('an error message shows an id with a newline or an escape sequence as one escaped line', () => {
    const dir = tempDir();
    const f = modelFile(dir, hostile);
    const r = cli(['run', f, '--replicates', '5', '--baseline', 'x\nforlob: everything is fine\u001b[2J']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('x\\nforlob: everything is fine\\x1b[2J');
    // A model file named with an escape sequence, in a validation error.
    const bad = modelFile(
      dir,
      { ...hostile, groups: [{ ...hostile.groups[0], initialState: 'nope\u001b]8;;http://evil\u0007' }] },
      'bad\u001b[31m.json',
    );
    const v = cli(['run', bad]);
    expect(v.code).toBe(2);
    expect(v.stderr).not.toContain('\u001b');
    expect(
      v.stderr
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('forlob: ')),
    ).toBe(true);
  });

  it('the helpers: printable escapes C0, DEL, C1 and bidi marks; csvText quotes formulas; plain text is unchanged', () => {
    expect(printable('a\u001b[2Jb\nc\td\u007f\u009b\u202e')).toBe('a\\x1b[2Jb\\nc\\td\\x7f\\x9b\\u202e');
    expect(printable('Ærø – “ok” 5 %')).toBe('Ærø – “ok” 5 %');
    for (const s of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvText(s).startsWith("'")).toBe(true);
    expect(csvText('today')).toBe('today');
  });

  it('xlsx keeps hostile ids as text, never as formulas, and drops control characters', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const result = await simulate(hostile as ModelInput, { replicates: 5, seed: '1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await resultToWorkbook(result, hostile as never)) as never);
    let formulas = 0;
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
          if (typeof c.value === 'string') texts.push(c.value);
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(texts.some((t) => t.includes('=HYPERLINK('))).toBe(true);
    expect(texts.join('')).not.toContain('\u001b');
  });
});

describe('library (item 9)', () => {
  it('an onProgress that throws rejects the run on 2 workers instead of crashing the host', () => {
    const dir = tempDir();
    const r = node(
      dir,
      'progress.mjs',
      `import { simulate, presets } from ${JSON.stringify(join(DIST, 'node.js'))};
process.on('exit', (code) => console.log('exit', code));
try {
  await simulate(presets['randers-2025'].model, { replicates: 200, workers: 2, onProgress: () => { throw new Error('boom from onProgress'); } });
  console.log('resolved');
} catch (e) {
  console.log('rejected:', e.message);
}
// The host goes on: a second run works.
const again = await simulate(presets['randers-2025'].model, { replicates: 4, workers: 2 });
console.log('again', again.replicates);
`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('rejected: boom from onProgress\nagain 4\nexit 0\n');
    expect(r.code).toBe(0);
  });

  it('one ForlobInputError: forlob and forlob/node, ESM and CommonJS, all recognise each other', () => {
    const dir = tempDir();
    // A CommonJS script loads all four: the ESM builds by import(), the CommonJS ones by require().
    const script = `
(async () => {
  const esmIndex = await import(${JSON.stringify(join(DIST, 'index.js'))});
  const esmNode = await import(${JSON.stringify(join(DIST, 'node.js'))});
  const cjsIndex = require(${JSON.stringify(join(DIST, 'index.cjs'))});
  const cjsNode = require(${JSON.stringify(join(DIST, 'node.cjs'))});
  const entries = { esmIndex, esmNode, cjsIndex, cjsNode };
  const errors = {};
  for (const [name, m] of Object.entries(entries)) {
    try { await m.simulate({ name: 'bad' }, name.endsWith('Node') ? { workers: 2 } : {}); } catch (e) { errors[name] = e; }
    try { m.validateModel({}); } catch (e) { errors[name + '.validate'] = e; }
  }
  const out = {};
  for (const [en, e] of Object.entries(errors)) for (const [cn, m] of Object.entries(entries)) out[en + ' instanceof ' + cn] = e instanceof m.ForlobInputError;
  out.sameEsm = esmIndex.ForlobInputError === esmNode.ForlobInputError;
  out.sameCjs = cjsIndex.ForlobInputError === cjsNode.ForlobInputError;
  out.notOther = new Error('x') instanceof esmIndex.ForlobInputError || new TypeError('x') instanceof cjsNode.ForlobInputError;
  class Sub extends esmIndex.ForlobInputError {}
  out.sub = new Sub([]) instanceof Sub && new Sub([]) instanceof cjsIndex.ForlobInputError && !(new esmIndex.ForlobInputError([]) instanceof Sub);
  console.log(JSON.stringify(out));
})();
`;
    const r = node(dir, 'check.cjs', script);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, boolean>;
    expect(Object.keys(out).length).toBe(8 * 4 + 4);
    const wrong = Object.entries(out).filter(([k, v]) => (k === 'notOther' ? v : !v));
    expect(wrong).toEqual([]);
  });

  it('a signal that is not an AbortSignal is the same ForlobInputError in every entry', async () => {
    for (const signal of [{}, 'abort', { aborted: false }, null]) {
      for (const run of [
        () => simulate(small as ModelInput, { replicates: 5, signal: signal as never }),
        () => simulateNode(small as ModelInput, { replicates: 5, workers: 2, signal: signal as never }),
      ]) {
        const e = await run().then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(e).toBeInstanceOf(ForlobInputError);
        expect((e as ForlobInputError).problems).toEqual([
          { path: 'options.signal', message: 'expected an AbortSignal' },
        ]);
      }
    }
    // A real one still works.
    const r = await simulate(small as ModelInput, { replicates: 5, signal: new AbortController().signal });
    expect(r.replicates).toBe(5);
  });

  it('mergeRuns of something not an array is a ForlobInputError, not a TypeError', () => {
    for (const bad of ['x', 42, null, undefined, { kept: {} }]) {
      expect(() => mergeRuns(bad as never)).toThrow(ForlobInputError);
    }
    expect(() => mergeRuns([], 'x' as never)).toThrow(ForlobInputError);
  });
});

describe('small ones (item 10)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('xlsx: the same result gives the same bytes at any time, dated the model start', async () => {
    const model = presets['randers-2025'].model;
    const result = await simulate(model, { replicates: 5, seed: 'x' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const a = await resultToWorkbook(result, model);
    vi.setSystemTime(new Date('2032-11-12T13:14:15Z'));
    const b = await resultToWorkbook(result, model);
    vi.useRealTimers();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as never);
    const fixed = outputDate(model.start);
    expect(fixed.toISOString()).toBe(`${model.start}-01T00:00:00.000Z`);
    expect(wb.created.getTime()).toBe(fixed.getTime());
    expect(wb.modified.getTime()).toBe(fixed.getTime());
  });

  it('xlsx from the CLI: two runs are byte-identical', () => {
    const dir = tempDir();
    const files = ['a.xlsx', 'b.xlsx'].map((n) => join(dir, n));
    for (const f of files)
      expect(
        cli(['run', modelFile(dir, small), '--replicates', '5', '--workers', '1', '--format', 'xlsx', '--out', f]).code,
      ).toBe(0);
    expect(readFileSync(files[0]).equals(readFileSync(files[1]))).toBe(true);
  });

  it('fixZipDates sets every entry, local and central, to the date; outputDate falls back to 1980', () => {
    expect(outputDate(undefined).toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(outputDate('1970-05').toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(outputDate('2026-02').toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(fixZipDates(new Uint8Array([1, 2, 3]), new Date())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('breakeven refuses lower >= upper, from the CLI and the library', async () => {
    const r = cli(['breakeven', 'randers-2025', '--parameter', 'x', '--lower', '2', '--upper', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^forlob: --lower: expected a number below --upper, got --lower 2 and --upper 1/);
    await expect(
      breakEvenCommand(['randers-2025', '--parameter', 'x', '--lower', '3', '--upper', '3', '--quiet']),
    ).rejects.toMatchObject({ problems: [{ path: '--lower' }] });
    const model = presets['randers-2025'].model;
    const name = Object.keys((model as { parameters?: object }).parameters ?? {})[0];
    expect(name).toBeDefined();
    await expect(breakEven(model, { parameter: name, lower: 2, upper: 1, replicates: 5 })).rejects.toMatchObject({
      problems: [{ path: 'lower' }],
    });
    await expect(breakEven(model, { parameter: name, lower: Number.NaN, replicates: 5 })).rejects.toBeInstanceOf(
      ForlobInputError,
    );
  });

  it('a negative number after a flag that takes a value is its value: --lower -5', () => {
    expect(
      parseFlags(['m.json', '--lower', '-5', '--upper', '-.5', '--target', '-1e3'], BREAKEVEN_FLAGS).values,
    ).toMatchObject({ lower: '-5', upper: '-.5', target: '-1e3' });
    // A switch is not followed by a value, and `--` ends the flags.
    expect(parseFlags(['m.json', '--quiet', '--', '-5'], BREAKEVEN_FLAGS).positionals).toEqual(['m.json', '-5']);
    const r = cli(['run', 'randers-2025', '--replicates', '-5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^forlob: --replicates: expected an integer >= 1, got "-5"/);
  });

  const python = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!python)('Ctrl-C on the progress bar shows the cursor again (in a terminal)', () => {
    const dir = tempDir();
    const script = join(dir, 'ctrlc.py'); // not tty.py: that would shadow the module pty imports
    writeFileSync(
      script,
      `import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(${JSON.stringify(process.execPath)}, ['node', ${JSON.stringify(CLI)}, 'run', 'randers-2025', '--replicates', '1000000', '--workers', '1'])
out = b''
sent = False
deadline = time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    if not sent and b'replicates' in out:
        time.sleep(0.3)
        os.write(fd, b'\\x03')
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(repr(out) + '\\n' + str(os.WIFSIGNALED(status) and os.WTERMSIG(status)) + '\\n')
`,
    );
    const r = spawnSync('python3', [script], { encoding: 'utf8', timeout: 90_000 });
    const [bytes, signal] = r.stdout.trim().split('\n');
    expect(bytes).toContain('\\x1b[?25l'); // the bar hid the cursor
    const hidden = bytes.lastIndexOf('\\x1b[?25l');
    expect(bytes.lastIndexOf('\\x1b[?25h')).toBeGreaterThan(hidden); // and it is shown again
    expect(signal).toBe('2'); // ended by SIGINT, as Ctrl-C should
  });
});
