/**
 * The public API as the README's "The public API" lists it: every subpath of package.json's
 * `exports` has a subsection there, and each built entry, loaded through `exports` (ESM and
 * CommonJS), exports exactly the runtime names listed — so the README cannot drift from the
 * code. ForlobInputError is one class across the entries. Runs dist/ (built by `npm test`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; exports: object };
/** `forlob`, `forlob/node`, …: every subpath of `exports` but package.json itself. */
const ENTRIES = Object.keys(pkg.exports)
  .filter((p) => p !== './package.json')
  .map((p) => (p === '.' ? pkg.name : `${pkg.name}/${p.slice(2)}`));

/** The runtime names the README lists per entry (its "Runtime…:" paragraph). */
function readmeRuntimeNames(): Map<string, string[]> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## The public API\n/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('README.md has no "## The public API" section');
  const out = new Map<string, string[]>();
  for (const part of section.split(/^### /m).slice(1)) {
    const entry = /^`([^`]+)`/.exec(part)?.[1];
    const runtime = /^Runtime[^:\n]*:((?:.+\n?)+)/m.exec(part)?.[1];
    if (!entry || runtime === undefined) throw new Error(`README: an entry without a Runtime paragraph: ${part}`);
    out.set(entry, [...runtime.matchAll(/`([\w$]+)`/g)].map((m) => m[1]).sort());
  }
  return out;
}

/**
 * Run a script with Node in the repository, where `import('forlob/…')` and
 * `require('forlob/…')` resolve through package.json's `exports` (a package may import
 * itself by name), as they do for a consumer.
 */
function node(script: string): unknown {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node exited ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

const PRELUDE = `import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');`;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'analysis.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
});

describe('the entries export what the README lists', () => {
  const listed = readmeRuntimeNames();
  const built = node(`${PRELUDE}
const entries = ${JSON.stringify(ENTRIES)};
const out = {};
for (const e of entries) out[e] = { esm: Object.keys(await import(e)).sort(), cjs: Object.keys(require(e)).sort() };
console.log(JSON.stringify(out));`) as Record<string, { esm: string[]; cjs: string[] }>;

  it('lists every entry of package.json exports, and no other', () => {
    expect([...listed.keys()].sort()).toEqual([...ENTRIES].sort());
  });

  it.each(ENTRIES)('%s exports exactly the listed runtime names, from ESM and CommonJS', (entry) => {
    const own = listed.get(entry) ?? [];
    // forlob/node is the core plus its own names; the README lists only its own.
    const expected = entry === `${pkg.name}/node` ? [...new Set([...own, ...(listed.get(pkg.name) ?? [])])] : own;
    expect(built[entry].esm).toEqual(expected.sort());
    expect(built[entry].cjs).toEqual(built[entry].esm);
  });

  it('keeps internals off the public surface', () => {
    const everything = new Set(Object.values(built).flatMap((b) => b.esm));
    for (const internal of [
      'planUncertainty',
      'drawParameters',
      'instantiate',
      'largestRemainder',
      'allocateGroup',
      'toJSON',
    ])
      expect(everything.has(internal), internal).toBe(false);
  });
});

describe('ForlobInputError is one class across the entries', () => {
  it('errors thrown inside any entry, ESM or CommonJS, are instances of the exported class', () => {
    const out = node(`${PRELUDE}
const core = await import('forlob');
const nodeEntry = await import('forlob/node');
const coreCjs = require('forlob');
const caught = async (f) => { try { await f(); } catch (e) { return e; } return null; };
const thrown = {
  core: await caught(() => core.validateModel({})),
  node: await caught(() => nodeEntry.simulate({}, { workers: 1 })),
  analysis: await caught(async () => (await import('forlob/analysis')).sensitivity({}, { bogus: 1 })),
  statistics: await caught(async () => (await import('forlob/statistics')).calibrateRow({ shares: { job: 1 }, meanMonths: 0.01, horizonMonths: 36 })),
  analysisCjs: await caught(() => require('forlob/analysis').sensitivity({}, { bogus: 1 })),
  statisticsCjs: await caught(() => require('forlob/statistics').calibrateRow({ shares: { job: 1 }, meanMonths: 0.01, horizonMonths: 36 })),
};
const seen = {};
for (const [k, e] of Object.entries(thrown))
  seen[k] = { name: e?.name, esm: e instanceof core.ForlobInputError, cjs: e instanceof coreCjs.ForlobInputError };
console.log(JSON.stringify({ same: nodeEntry.ForlobInputError === core.ForlobInputError && require('forlob/node').ForlobInputError === coreCjs.ForlobInputError, seen }));`) as {
      same: boolean;
      seen: Record<string, { name: string; esm: boolean; cjs: boolean }>;
    };
    expect(out.same).toBe(true);
    for (const [where, e] of Object.entries(out.seen))
      expect(e, where).toEqual({ name: 'ForlobInputError', esm: true, cjs: true });
  });

  it('is defined once per build: every entry imports dist/errors rather than carrying a copy', () => {
    const mark = "Symbol.for('forlob.ForlobInputError')";
    for (const file of ['index', 'node', 'statistics', 'evidence', 'presets', 'analysis', 'plot'].flatMap((e) => [
      `${e}.js`,
      `${e}.cjs`,
    ])) {
      const text = readFileSync(join(ROOT, 'dist', file), 'utf8').replaceAll('"', "'");
      expect(text.includes(mark), file).toBe(false);
    }
    expect(readFileSync(join(ROOT, 'dist', 'errors.js'), 'utf8').replaceAll('"', "'")).toContain(mark);
  });
});
