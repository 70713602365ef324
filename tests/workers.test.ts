/**
 * Worker threads, split runs and aborts, against the built package (workers load
 * dist/worker.js): identical bytes for any worker count and for the default (auto, this
 * thread plus workers, cold and warm pool), a split-and-merged run equal to the whole
 * run, a prompt abort that leaves no worker behind, and how auto picks its threads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { autoThreads, COLD_WORK, idleCores, recruits, WARM_WORK } from '../src/engine/pool.js';
import { cli, ROOT, tempDir } from './helpers.js';
// @ts-expect-error: the benchmark's model is plain JavaScript
import { citizenMonthsPerReplicate, referenceModel } from '../bench/reference-model.mjs';

const dist = join(ROOT, 'dist', 'node.js');

/**
 * Handles of worker threads holding the process right now: a worker shows as its message
 * port, referenced while it runs a job and unreferenced while idle in the pool.
 */
function workerHandles(): number {
  return (process as unknown as { _getActiveHandles(): unknown[] })
    ._getActiveHandles()
    .filter((h) => ['Worker', 'MessagePort'].includes((h as object).constructor?.name)).length;
}

afterAll(async () => {
  const { closeWorkerPool } = await import(dist);
  await closeWorkerPool();
});

describe('worker threads', () => {
  it('worker counts 1, 2 and 4 and the default give byte-identical JSON', () => {
    const outs = [1, 2, 4, undefined].map((w) =>
      cli([
        'run',
        'randers-2025',
        '--replicates',
        '120',
        '--seed',
        'w',
        '--format',
        'json',
        ...(w === undefined ? [] : ['--workers', String(w)]),
      ]),
    );
    for (const o of outs) expect(o.code).toBe(0);
    expect(outs[1].stdout).toBe(outs[0].stdout);
    expect(outs[2].stdout).toBe(outs[0].stdout);
    expect(outs[3].stdout).toBe(outs[0].stdout);
  });

  /**
   * The machine as auto mode reads it (os.cpus, every core): each read advances every
   * core's clock by 100 ms, `idleShare` of it idle. syncBuiltinESMExports carries the
   * patch into the built package's `import { cpus } from 'node:os'`.
   */
  async function pretendMachine<T>(idleShare: number, body: () => Promise<T>): Promise<T> {
    const os = (await import('node:os')).default;
    const { syncBuiltinESMExports } = await import('node:module');
    const real = os.cpus;
    let clock = 0;
    os.cpus = () => {
      clock += 100;
      return real().map((c) => ({
        ...c,
        times: { user: clock * (1 - idleShare), nice: 0, sys: 0, idle: clock * idleShare, irq: 0 },
      }));
    };
    syncBuiltinESMExports();
    try {
      return await body();
    } finally {
      os.cpus = real;
      syncBuiltinESMExports();
    }
  }

  it('the default adds a worker when the cores are idle and none when they are busy, byte-identical to one thread', async () => {
    const { simulate, closeWorkerPool } = await import(dist);
    const model = referenceModel(10, 60);
    // Twice the work that repays a cold worker: after this thread's first blocks the rest
    // still repays one, on any machine with 2 cores or more.
    const replicates = Math.ceil((2 * COLD_WORK) / citizenMonthsPerReplicate(model)) + 1;
    const one = JSON.stringify(await simulate(model, { replicates, seed: 'auto', workers: 1 }));
    const cores = (await import('node:os')).availableParallelism();
    const run = async (idleShare: number) => {
      const before = workerHandles();
      let seen = 0;
      const onProgress = () => {
        seen = Math.max(seen, workerHandles() - before);
      };
      const json = JSON.stringify(
        await pretendMachine(idleShare, () => simulate(model, { replicates, seed: 'auto', onProgress })),
      );
      // Between runs the pool's threads no longer hold the process.
      expect(workerHandles()).toBe(before);
      return { json, seen };
    };
    await closeWorkerPool();
    const busy = await run(0);
    expect(busy.json).toBe(one);
    expect(busy.seen).toBe(0);
    const cold = await run(1);
    const warm = await run(1);
    expect(cold.json).toBe(one);
    expect(warm.json).toBe(one);
    if (cores >= 2) {
      expect(cold.seen).toBeGreaterThanOrEqual(1);
      expect(warm.seen).toBeGreaterThanOrEqual(1);
    }
    // A machine whose cores are a third idle gets no worker either.
    const third = await run(1 / (3 * cores));
    expect(third.json).toBe(one);
    expect(third.seen).toBe(0);
  });

  it('idle cores are read from the CPU clock; a worker joins per idle core, counting one more than half idle', () => {
    const at = (idle: number, total: number, cores = 2) => ({ idle, total, cores });
    expect(idleCores(at(0, 0), at(95, 200))).toBeCloseTo(0.95, 12);
    expect(idleCores(at(100, 1000), at(100, 1200))).toBe(0);
    expect(idleCores(at(0, 0, 4), at(300, 400, 4))).toBe(3);
    // The clock did not advance, or the cores changed: no reading.
    expect(idleCores(at(5, 10), at(5, 10))).toBeNaN();
    expect(idleCores(at(0, 0, 2), at(10, 20, 4))).toBeNaN();
    expect(recruits(0.49, 1)).toBe(0);
    expect(recruits(0.5, 1)).toBe(1);
    expect(recruits(0.95, 1)).toBe(1);
    expect(recruits(2.6, 7)).toBe(3);
    expect(recruits(2.4, 7)).toBe(2);
    expect(recruits(5, 2)).toBe(2);
    expect(recruits(Number.NaN, 2)).toBe(0);
  });

  it('auto picks threads from the size of the work, bounded by the cores', () => {
    const perReplicate = citizenMonthsPerReplicate(referenceModel(10, 60)); // 2.4 M citizen-months
    expect(autoThreads(20 * perReplicate, 2)).toBe(1);
    expect(autoThreads(200 * perReplicate, 2)).toBe(2);
    expect(autoThreads(2000 * perReplicate, 2)).toBe(2);
    expect(autoThreads(2000 * perReplicate, 1)).toBe(1);
    expect(autoThreads(2000 * perReplicate, 8)).toBe(8);
    // One more thread per further COLD_WORK; idle threads lower the bar to WARM_WORK.
    expect(autoThreads(COLD_WORK - 1, 4)).toBe(1);
    expect(autoThreads(COLD_WORK, 4)).toBe(2);
    expect(autoThreads(2 * COLD_WORK, 4)).toBe(3);
    expect(autoThreads(WARM_WORK, 4)).toBe(1);
    expect(autoThreads(WARM_WORK, 4, 1)).toBe(2);
    expect(autoThreads(2 * WARM_WORK, 4, 1)).toBe(2);
    expect(autoThreads(2 * WARM_WORK, 4, 2)).toBe(3);
    // Cores kept busy by other processes are not counted: a loaded machine runs on this thread.
    expect(autoThreads(2000 * perReplicate, 2, 0, 0.4)).toBe(2);
    expect(autoThreads(2000 * perReplicate, 2, 0, 0.6)).toBe(1);
    expect(autoThreads(2000 * perReplicate, 2, 0, 14)).toBe(1);
    expect(autoThreads(2000 * perReplicate, 8, 0, 5)).toBe(3);
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
    const before = workerHandles();
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
    expect(workerHandles()).toBe(before);
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
