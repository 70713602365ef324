/**
 * The published package as a consumer meets it: `npm pack`, install the tarball in a fresh
 * project, then import it from ESM and CommonJS, run a small simulation on worker threads,
 * render a plot, and typecheck a consumer against the shipped .d.ts / .d.cts.
 *
 * Offline by default: the tarball is unpacked where npm would put it and its declared
 * dependencies are linked from this repository's node_modules (no network). With
 * FORLOB_PACKAGE_INSTALL=registry (`scripts/package-check.sh`) npm installs it with its
 * dependencies from the registry instead, as a consumer would: about a minute.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelSchema } from '../src/model/schema.js';
import { ROOT, tempDir } from './helpers.js';

const dir = tempDir();
const app = join(dir, 'app');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const fromRegistry = process.env.FORLOB_PACKAGE_INSTALL === 'registry';

const model = {
  name: 'Consumer',
  horizonMonths: 12,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12500 },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.03, out: 0.01 } },
  groups: [{ id: 'kh', size: 200, initialState: 'kh' }],
  interventions: [{ id: 'fsm', monthlyCost: 1800, transitions: { kh: { job: 0.05, out: 0.01 } } }],
  scenarios: [{ id: 'today' }, { id: 'fsm', allocation: { kh: { fsm: 0.5 } } }],
};

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'plot.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = join(dir, packed[0].filename);
  mkdirSync(app);
  if (fromRegistry) installFromRegistry(tarball);
  else installOffline(tarball);
  writeFileSync(join(app, 'model.json'), JSON.stringify(model));
}, 600_000);

/** `npm install` of the tarball in the app, its dependencies from the registry (network). */
function installFromRegistry(tarball: string) {
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'forlob-consumer',
      private: true,
      dependencies: { forlob: `file:${tarball}` },
      // arquero's dependency @uwdata/flechette 2.7 pulls a package some registries lack (see README).
      overrides: { '@uwdata/flechette': '2.6.0' },
    }),
  );
  run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
}

/**
 * The tarball unpacked at app/node_modules/forlob, and each dependency it declares linked
 * from this repository's node_modules at the version it declares. Only the declared ones:
 * an import of a package the tarball does not declare fails here as it would for a consumer.
 */
function installOffline(tarball: string) {
  const forlob = join(app, 'node_modules', 'forlob');
  mkdirSync(forlob, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', forlob, '--strip-components=1'], app);
  const declared: Record<string, string> = JSON.parse(readFileSync(join(forlob, 'package.json'), 'utf8')).dependencies;
  for (const [dep, version] of Object.entries(declared)) {
    const source = join(ROOT, 'node_modules', dep);
    const installed = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
    // The dependencies are pinned exactly; a range would need the registry to mean anything.
    if (/^\d+\.\d+\.\d+$/.test(version)) expect(installed, dep).toBe(version);
    mkdirSync(dirname(join(app, 'node_modules', dep)), { recursive: true });
    symlinkSync(source, join(app, 'node_modules', dep), 'junction');
  }
}

describe('the packed tarball', () => {
  it('ships dist, schema and the plot entry, and no sources or tests', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/forlob/package.json'), 'utf8'));
    expect(Object.keys(pkg.exports)).toContain('./plot');
    for (const f of [
      'dist/index.js',
      'dist/index.cjs',
      'dist/node.js',
      'dist/plot.js',
      'dist/plot.cjs',
      'dist/plot.d.ts',
      'dist/plot.d.cts',
      'dist/worker.js',
      'dist/worker-validate.js',
      'dist/worker-validate.cjs',
      'dist/cli.js',
      'schema/model.schema.json',
    ]) {
      expect(existsSync(join(app, 'node_modules/forlob', f)), f).toBe(true);
    }
    expect(existsSync(join(app, 'node_modules/forlob/src'))).toBe(false);
    expect(readFileSync(join(app, 'node_modules/forlob', pkg.bin.forlob), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(existsSync(join(app, 'node_modules/forlob/tests'))).toBe(false);
  });

  it('works from ESM: simulate on workers, the core entry, and a plot', () => {
    writeFileSync(
      join(app, 'esm.mjs'),
      `import { readFileSync } from 'node:fs';
import { simulate } from 'forlob/node';
import * as core from 'forlob';
import { differencesSpec, toSVG } from 'forlob/plot';
const model = JSON.parse(readFileSync('model.json', 'utf8'));
const a = await simulate(model, { replicates: 30, seed: 'pkg', workers: 2 });
const b = await core.simulate(model, { replicates: 30, seed: 'pkg' });
const svg = await toSVG(differencesSpec(a, 'successRate'));
console.log(JSON.stringify({ same: JSON.stringify(core.resultToJSON(a)) === JSON.stringify(core.resultToJSON(b)), ids: a.scenarios.map((s) => s.id), mean: a.scenarios[1].metrics.successRate.mean, svg: svg.slice(0, 4) }));
`,
    );
    const out = JSON.parse(run(process.execPath, ['esm.mjs'], app));
    expect(out).toMatchObject({ same: true, ids: ['today', 'fsm'], svg: '<svg' });
    expect(out.mean).toBeGreaterThan(0);
  });

  it('works from CommonJS: require of every entry, simulate on workers, and a plot', () => {
    writeFileSync(
      join(app, 'cjs.cjs'),
      `const { simulate, presets } = require('forlob/node');
const { METRICS } = require('forlob');
const { distributionSpec, toSVG } = require('forlob/plot');
const model = require('./model.json');
(async () => {
  const r = await simulate(model, { replicates: 30, seed: 'pkg', workers: 2 });
  const svg = await toSVG(distributionSpec(r, 'successRate'));
  console.log(JSON.stringify({ metrics: METRICS.length, presets: Object.keys(presets).length, rows: r.draws.numRows(), svg: svg.slice(0, 4) }));
})().catch((e) => { console.error(e); process.exit(1); });
`,
    );
    const out = JSON.parse(run(process.execPath, ['cjs.cjs'], app));
    expect(out.metrics).toBeGreaterThanOrEqual(8);
    expect(out.presets).toBeGreaterThanOrEqual(2);
    expect(out.rows).toBe(30 * 2 * 2);
    expect(out.svg).toBe('<svg');
  });

  it('runs its command line', () => {
    const out = run(
      process.execPath,
      ['node_modules/forlob/dist/cli.js', 'run', 'model.json', '--replicates', '20', '--format', 'json', '--quiet'],
      app,
    );
    expect(JSON.parse(out).scenarios).toHaveLength(2);
    // The version is the installed package's, whichever directory the command runs from.
    expect(run(process.execPath, [join(app, 'node_modules/forlob/dist/cli.js'), '--version'], dir)).toBe(
      `${JSON.parse(readFileSync(join(app, 'node_modules/forlob/package.json'), 'utf8')).version}\n`,
    );
  });

  it('typechecks a consumer against the shipped types (ESM and CommonJS, NodeNext)', () => {
    writeFileSync(
      join(app, 'consumer.mts'),
      `import { simulate as simulateCore, presets, METRICS, paramRef, type Model, type ModelInput, type ModelSpec, type SimulationResult, type MetricSummary } from 'forlob';
import { simulate, type NodeSimulateOptions } from 'forlob/node';
import { costEffectSpec, differencesSpec, distributionSpec, tornadoSpec, toSVG, type VegaLiteSpec, type TornadoRow } from 'forlob/plot';
import { summarise, type DefinedSummary } from 'forlob/statistics';
import { citeEvidence, type EvidenceEntry } from 'forlob/evidence';
import { randersModel, type RandersAssumptions } from 'forlob/presets';
import { sensitivity, type SensitivityResult } from 'forlob/analysis';

const model: ModelInput = presets['randers-2025'].model;
// The deprecated name still types a plain model, and a plain model is a ModelInput.
const plain: ModelSpec = { name: 'x', horizonMonths: 1, states: [{ id: 'a', kind: 'benefit' }, { id: 'job', kind: 'success' }], groups: [{ id: 'g', size: 1, initialState: 'a' }], scenarios: [{ id: 's' }] };
const validated: Model = plain;
const uncertain: ModelInput = { ...validated, parameters: { p: { dist: 'beta', alpha: 1, beta: 9 } }, transitions: { a: { job: paramRef('p') } } };
const options: NodeSimulateOptions = { replicates: 10, seed: 'x', workers: 1, level: 0.9 };
export async function main(): Promise<string> {
  const r: SimulationResult = await simulate(model, options);
  const core: SimulationResult = await simulateCore(model, { replicates: 10 });
  await simulateCore(uncertain, { replicates: 1 });
  const summary: MetricSummary = r.scenarios[0].metrics.successRate;
  if (summary.mean === null) throw new Error('no replicate defines the success rate');
  const s: DefinedSummary = summary;
  const rows: TornadoRow[] = [{ parameter: 'p', low: 0, high: 1, lowValue: s.lo, highValue: s.hi, swing: s.hi - s.lo }];
  const specs: VegaLiteSpec[] = [distributionSpec(r, METRICS[0]), differencesSpec(core, 'transferCost', { lang: 'da' }), costEffectSpec(r), tornadoSpec(rows)];
  return toSVG(specs[0]);
}
export async function extras(entry: EvidenceEntry, a: Partial<RandersAssumptions>): Promise<[string, number | null]> {
  const t: SensitivityResult = await sensitivity(randersModel(a), { replicates: 10, run: simulate });
  return [citeEvidence(entry.id), summarise([t.base], 0.9).mean];
}
`,
    );
    writeFileSync(
      join(app, 'consumer.cts'),
      `import forlob = require('forlob');
import node = require('forlob/node');
import plot = require('forlob/plot');
export async function main(): Promise<string> {
  const r: forlob.SimulationResult = await node.simulate(forlob.presets['gladsaxe-2026'].model, { replicates: 5, workers: 1 });
  return plot.toSVG(plot.differencesSpec(r, 'successRate', { baseline: 'without-pool' }));
}
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], {
      cwd: app,
      encoding: 'utf8',
    });
    // skipLibCheck is off so forlob's own .d.ts files are checked too; arquero's and
    // flechette's types have errors of their own under strict settings, which are not ours
    // to fix (consumers with skipLibCheck, the tsc --init default, never see them).
    const errors = (r.stdout + r.stderr)
      .split('\n')
      .filter((l) => /error TS\d+/.test(l) && !/(^|\/)node_modules\/(arquero|@uwdata)\//.test(l));
    expect(errors).toEqual([]);
  });
});

describe('schema/model.schema.json', () => {
  it('is the JSON Schema of the current zod schema (run `npm run schema` after changing it)', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'schema/model.schema.json'), 'utf8'));
    const { $schema: _drop, ...fresh } = z.toJSONSchema(modelSchema, { target: 'draft-2020-12' }) as Record<
      string,
      unknown
    >;
    const { $schema: _s, title: _t, description: _d, $defs, ...shipped } = file;
    // The shipped file widens every number to also take a distribution, a parameter or an
    // evidence reference; narrowing it again must give the zod schema exactly.
    const narrow = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(narrow);
      if (!node || typeof node !== 'object') return node;
      const o = node as Record<string, unknown>;
      const any = o.anyOf as unknown[] | undefined;
      if (any?.length === 2 && (any[1] as { $ref?: string }).$ref === '#/$defs/uncertain') return narrow(any[0]);
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, narrow(v)]));
    };
    const narrowed = narrow(shipped) as { properties: Record<string, unknown> };
    expect(narrowed.properties.parameters).toEqual({ type: 'object', additionalProperties: { type: 'number' } });
    narrowed.properties.parameters = (fresh as { properties: Record<string, unknown> }).properties.parameters;
    expect(narrowed).toEqual(fresh);
    expect(Object.keys($defs)).toEqual(['uncertain']);
  });
});

describe('the core entry and the other browser-safe entries stay browser-safe', () => {
  it('imports no Node built-ins and none of the Node-only packages', () => {
    const entries = ['index', 'statistics', 'evidence', 'presets', 'analysis', 'fit'];
    for (const f of entries.flatMap((e) => [`dist/${e}.js`, `dist/${e}.cjs`])) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      const imports = [...text.matchAll(/(?:from\s+|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
      expect(
        imports.filter(
          (m) =>
            m.startsWith('node:') ||
            [
              'fs',
              'os',
              'path',
              'worker_threads',
              'child_process',
              'exceljs',
              'vega',
              'vega-lite',
              'cli-progress',
            ].includes(m),
        ),
        f,
      ).toEqual([]);
    }
  });
});
