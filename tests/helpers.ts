/** Helpers for tests that run the built CLI (dist/ is built by `npm test` before vitest). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { ForlobInputError, type DefinedSummary, type MetricSummary, type Problem } from '../src/index.js';

export const ROOT = resolve(__dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

/** Run the CLI; fails loudly when dist/ has not been built. */
export function cli(args: string[], input?: string) {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'forlob-test-'));
}

/** The problems of the ForlobInputError `fn` throws; fails the test when it throws nothing or something else. */
export function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ForlobInputError);
    return (e as ForlobInputError).problems;
  }
  throw new Error('expected a ForlobInputError');
}

/** A summary's numbers; fails the test when no replicate defined the metric. */
export function defined(s: MetricSummary): DefinedSummary {
  if (s.mean === null) throw new Error('expected a defined summary, got one with every figure null');
  return s;
}
