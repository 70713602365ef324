/**
 * The examples: the TypeScript example runs, the example model files validate and name the
 * shipped JSON Schema, and the committed notebooks were executed without an error (they
 * are run for real by `npm run notebooks`, which needs Jupyter and the tslab kernel).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../examples/report.js';
import { loadModel } from '../src/cli/io.js';
import { ROOT, tempDir } from './helpers.js';

const EXAMPLES = join(ROOT, 'examples');

describe('examples', () => {
  it('report.ts writes both reports and the plots', async () => {
    const dir = tempDir();
    // One worker: under vitest the worker file next to src/ does not exist (it is built into dist/).
    const files = await main('gladsaxe-2026', dir, 30, 1);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
      'report-en.html',
      'report-da.html',
      'success.svg',
      'differences.svg',
      'cost-effect.svg',
      'states-without-pool.svg',
      'states-far-only.svg',
      'states-near-only.svg',
      'states-with-pool.svg',
    ]);
    for (const f of files.filter((f) => f.endsWith('.svg')))
      expect(readFileSync(f, 'utf8').startsWith('<svg')).toBe(true);
  });

  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
    it(`${file} validates and names the shipped schema`, () => {
      const path = join(EXAMPLES, file);
      expect(() => loadModel(path)).not.toThrow();
      const { $schema } = JSON.parse(readFileSync(path, 'utf8'));
      expect(resolve(dirname(path), $schema)).toBe(join(ROOT, 'schema', 'model.schema.json'));
    });
  }
});

describe('committed notebooks', () => {
  const books = readdirSync(EXAMPLES).filter((f) => f.endsWith('.ipynb'));
  it('are the seven documented ones', () => {
    expect(books.sort()).toEqual([
      'calibrate.ipynb',
      'fit.ipynb',
      'gladsaxe.ipynb',
      'policies.ipynb',
      'randers.ipynb',
      'throughput.ipynb',
      'uncertainty.ipynb',
    ]);
  });

  for (const book of books) {
    it(`${book} was executed with the tslab kernel, every cell without an error`, () => {
      const nb = JSON.parse(readFileSync(join(EXAMPLES, book), 'utf8')) as {
        metadata: { kernelspec: { name: string } };
        cells: { cell_type: string; outputs?: { output_type: string; name?: string }[] }[];
      };
      expect(nb.metadata.kernelspec.name).toBe('tslab');
      const code = nb.cells.filter((c) => c.cell_type === 'code');
      expect(code.length).toBeGreaterThan(0);
      // tslab leaves execution_count empty, so "executed" means: every code cell of these
      // notebooks prints or shows something, and nothing is an error.
      for (const c of code) {
        expect(c.outputs?.length, 'run `npm run notebooks` to execute the notebooks').toBeGreaterThan(0);
        expect(c.outputs?.filter((o) => o.output_type === 'error' || o.name === 'stderr') ?? []).toEqual([]);
      }
      // Every notebook shows at least one plot.
      expect(code.some((c) => c.outputs?.some((o) => o.output_type === 'display_data'))).toBe(true);
    });
  }

  it('are run by scripts/run-notebooks.sh', () => {
    expect(existsSync(join(ROOT, 'scripts', 'run-notebooks.sh'))).toBe(true);
  });
});
