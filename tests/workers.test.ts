/**
 * Worker threads, split runs and aborts, against the built package (workers load
 * dist/worker.js): identical bytes for any worker count, a split-and-merged run equal to
 * the whole run, a prompt abort that leaves no worker behind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers.js';

const dist = join(ROOT, 'dist', 'node.js');

describe('worker threads', () => {
  it('worker counts 1, 2 and 4 give byte-identical JSON', () => {
    const outs = [1, 2, 4].map((w) =>
      cli(['run', 'randers-2025', '--replicates', '120', '--seed', 'w', '--format', 'json', '--workers', String(w)]),
    );
    for (const o of outs) expect(o.code).toBe(0);
    expect(outs[1].stdout).toBe(outs[0].stdout);
    expect(outs[2].stdout).toBe(outs[0].stdout);
  });

  it('a split-and-merged run prints the whole run', () => {
    // The closed-stock reading: the same pools, arms and capacity as gladsaxe-2026 without its
    // ~21,000 newcomers, so the four runs take seconds, not minutes.
    const dir = tempDir();
    const whole = cli([
      'run',
      'gladsaxe-2026-closed',
      '--replicates',
      '90',
      '--seed',
      'm',
      '--format',
      'json',
      '--workers',
      '2',
    ]);
    const parts = [
      ['0:25', '1'],
      ['25:61', '2'],
      ['61:90', '3'],
    ].map(([range, w], i) => {
      const f = join(dir, `p${i}.json`);
      const r = cli([
        'run',
        'gladsaxe-2026-closed',
        '--replicates',
        '90',
        '--seed',
        'm',
        '--format',
        'json',
        '--keep-replicates',
        '--replicate-range',
        range,
        '--workers',
        w,
        '--out',
        f,
      ]);
      expect(r.code).toBe(0);
      return f;
    });
    const merged = cli(['merge', parts[2], parts[0], parts[1]]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    // The per-arm rows travel through the kept parts too.
    expect(JSON.parse(readFileSync(parts[0], 'utf8')).kept.arms.length).toBeGreaterThan(0);
    expect(JSON.parse(whole.stdout).scenarios[0].arms.length).toBeGreaterThan(0);
    const gap = cli(['merge', parts[0], parts[2]]);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toMatch(/replicates 25–60 are missing/);
    expect(JSON.parse(readFileSync(parts[1], 'utf8')).replicateRange).toEqual([25, 61]);
  });

  it('rejects bad split flags', () => {
    const r = cli(['run', 'randers-2025', '--replicates', '10', '--replicate-range', '5:20']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--replicate-range: expected A:B with 0 <= A < B <= 10/);
    const w = cli(['run', 'randers-2025', '--workers', '0']);
    expect(w.code).toBe(2);
  });

  it('the library reports progress and an aborted run rejects promptly with no worker left', async () => {
    expect(existsSync(dist)).toBe(true);
    const { simulate, presets } = await import(dist);
    const ac = new AbortController();
    let seen = 0;
    const started = Date.now();
    const run = simulate(presets['randers-2025'].model, {
      replicates: 1_000_000,
      workers: 2,
      signal: ac.signal,
      onProgress: (p: { done: number; total: number }) => {
        seen = p.done;
        if (p.done > 0) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    // Terminated workers no longer keep handles: only this process's own remain.
    const handles = (process as unknown as { _getActiveHandles(): unknown[] })
      ._getActiveHandles()
      .filter((h) => (h as object).constructor?.name === 'Worker');
    expect(handles).toHaveLength(0);
  });

  it('in-process runs abort too', async () => {
    const { simulate, presets } = await import(dist);
    const ac = new AbortController();
    const run = simulate(presets['randers-2025'].model, {
      replicates: 100_000,
      workers: 1,
      signal: ac.signal,
      onProgress: () => ac.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
