/**
 * Worker orchestration (Node only). The replicate range is cut into blocks that every
 * thread of a run claims from one shared counter as it becomes free, so threads balance
 * without waiting on this thread; blocks are written into place by replicate number, so
 * the result is byte-identical for any number of threads. Threads stay in a pool between
 * runs (unreferenced, so they never keep the process alive): the second run starts
 * without loading the worker bundle again. An abort or error terminates the run's threads
 * before the promise rejects.
 *
 * Without an explicit `workers`, {@link runAuto} decides from the size of the work: this
 * thread always simulates too, and worker threads join only when the run is large enough
 * to repay starting them.
 * @module
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ForlobInputError } from '../model/errors.js';
import type { ResolvedOptions } from '../model/options.js';
import type { Plan } from '../params/plan.js';
import { fixedIndices } from '../params/plan.js';
import { abortReason } from './abort.js';
import { collectBlocks } from './blocks.js';
import { type BlockResult, type RawRun, type RunPlan, runPlan, runReplicates } from './run.js';
import type { FromWorker, JobMessage } from './worker.js';

/** The worker script next to this bundle: worker.js (ESM build) or worker.cjs (CJS build). */
function workerUrl(): URL {
  const ext = typeof __filename === 'undefined' ? '.js' : '.cjs';
  return new URL(`./worker${ext}`, import.meta.url);
}

/**
 * Citizen-months of work a block aims at (about 15 ms on one core): small enough that the
 * threads finish within a block of each other and this thread answers progress and aborts
 * promptly, large enough that a block's message costs nothing next to it.
 */
const BLOCK_WORK = 8e6;

/**
 * Citizen-months a run must hold per extra thread before auto mode starts a worker that is
 * not yet running. A cold worker takes 100–250 ms to load its bundle and compile the model
 * (measured in bench/workers.mjs), about 60–140 M citizen-months of one thread's work; at
 * twice that the worker pays for itself even on a loaded machine.
 */
export const COLD_WORK = 300e6;

/**
 * The same for a worker already idle in the pool: it only compiles the model and warms
 * up its JIT (20 replicates of the benchmark model, 48 M citizen-months, were slower on a
 * warm worker than on one thread).
 */
export const WARM_WORK = 120e6;

/** The month-by-month engine's cost per citizen-month against the per-citizen engine's (bench/RESULTS.md). */
const LOCKSTEP_FACTOR = 4;

/** Estimated citizen-months of one replicate, every scenario (lockstep scenarios weighted by their cost). */
export function replicateWork(plan: RunPlan): number {
  const { cm } = plan;
  let w = 0;
  for (const sc of cm.scenarios) w += cm.N * cm.H * (sc.lockstep ? LOCKSTEP_FACTOR : 1);
  return Math.max(1, w);
}

/**
 * Threads auto mode uses for `work` citizen-months: one (this thread) below
 * {@link COLD_WORK}, one more per further {@link COLD_WORK} ({@link WARM_WORK} when that
 * many workers are already idle in the pool), never more than the cores that other
 * processes leave free (`cores − busy`, rounded; at least one).
 */
export function autoThreads(work: number, cores: number, idle = 0, busy = 0): number {
  const free = Math.max(1, Math.min(cores, Math.round(cores - busy)));
  let threads = 1;
  while (threads < free && work >= threads * (idle >= threads ? WARM_WORK : COLD_WORK)) threads++;
  return threads;
}

/**
 * Cores other processes keep busy: the 1-minute load average less this process's own
 * share of it (its CPU time over the last minute, estimated as its average since start).
 * On a machine already running a job per core, a worker thread gets no core of its own:
 * with Linux's per-session scheduling (autogroup) the process's threads share one share,
 * so the worker only adds its start-up (measured: 200 replicates took 1.2× one thread's
 * time at load 14 on 2 cores). 0 where the load average is not known (Windows).
 */
export function machineBusy(): number {
  const [load] = loadavg();
  const cpu = process.cpuUsage();
  const own = (cpu.user + cpu.system) / 1e6 / Math.max(60, process.uptime());
  return Math.max(0, load - own);
}

// The pool: threads waiting for a job, unreferenced.
const idle: Worker[] = [];

function take(n: number): Worker[] {
  const out = idle.splice(0, n);
  while (out.length < n) {
    const w = new Worker(workerUrl());
    // An idle thread that fails or stops leaves the pool quietly; in a job, the job's own
    // listeners reject the run.
    w.on('error', () => undefined);
    w.on('exit', () => {
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
    });
    out.push(w);
  }
  for (const w of out) w.ref();
  return out;
}

function release(w: Worker): void {
  w.unref();
  idle.push(w);
}

/**
 * Terminate the worker threads idle in the pool (they never keep the process alive, but
 * each holds a V8 heap of a few MB). The next run starts new ones.
 */
export async function closeWorkerPool(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}

let jobs = 0;

/**
 * Run `opts.from`…`opts.to` on `workers` worker threads, this thread only collecting, or
 * with `main` on this thread too (simulating `plan`) plus `workers` worker threads.
 */
function runJob(
  raw: unknown,
  uncertainty: Plan,
  plan: RunPlan,
  opts: ResolvedOptions,
  workers: number,
  main: boolean,
): Promise<RawRun> {
  const total = opts.to - opts.from;
  const collected = collectBlocks(total);
  const threads = workers + (main ? 1 : 0);
  const blockSize = Math.max(
    1,
    Math.min(Math.ceil(BLOCK_WORK / replicateWork(plan)), Math.ceil(total / (threads * 4))),
  );
  const blocks = Math.ceil(total / blockSize);
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const id = ++jobs;
  const fixed = [...fixedIndices(uncertainty, opts.fixed)];

  return new Promise<RawRun>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(abortReason(opts.signal));
    const pool = take(workers);
    let done = 0;
    let settled = false;
    const received = (from: number, count: number, block: BlockResult) => {
      collected.add(from - opts.from, count, block);
      done += count;
      opts.onProgress?.({ done, total });
      if (done === total) finish();
    };
    const listeners = pool.map((w) => {
      const onMessage = (msg: FromWorker) => {
        if (settled || msg.id !== id) return;
        // Anything thrown here, the caller's onProgress included, rejects the run (and
        // terminates the workers) instead of escaping the listener and crashing the host.
        try {
          if (msg.type === 'block') received(msg.from, msg.count, msg.block);
          else if (msg.type === 'error')
            finish(msg.problems ? new ForlobInputError(msg.problems) : new Error(msg.message));
        } catch (e) {
          finish(e ?? new Error(`onProgress threw ${String(e)}`));
        }
      };
      const onError = (e: unknown) => finish(e);
      const onExit = (code: number) => finish(new Error(`a worker thread stopped (exit code ${code})`));
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      return () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
    });
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      // No thread claims another block.
      Atomics.store(next, 0, blocks);
      opts.signal?.removeEventListener('abort', onAbort);
      for (const off of listeners) off();
      if (err === undefined) {
        // Every block is in, so every worker has left the job's loop or is about to.
        for (const w of pool) release(w);
        resolve({ ...collected.result(), layout: plan.layout });
        return;
      }
      // A worker may be deep in a long block: terminating is the prompt way out.
      const settle = () => reject(err);
      Promise.all(pool.map((w) => w.terminate())).then(settle, settle);
    };
    const onAbort = () => finish(abortReason(opts.signal!));
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const job: JobMessage = {
      type: 'job',
      id,
      model: raw,
      fixed,
      seed: opts.seed,
      occupancy: opts.occupancy,
      from: opts.from,
      to: opts.to,
      blockSize,
      counter,
    };
    for (const w of pool) w.postMessage(job);

    if (!main) return;
    // This thread claims blocks like any worker, yielding between them so worker messages,
    // progress and aborts get through.
    const runHere = async () => {
      while (!settled) {
        const from = opts.from + Atomics.add(next, 0, 1) * blockSize;
        if (from >= opts.to) return;
        const to = Math.min(opts.to, from + blockSize);
        received(from, to - from, runReplicates(plan, opts.seed, from, to, opts.occupancy));
        await new Promise((res) => setImmediate(res));
      }
    };
    runHere().catch((e) => finish(e ?? new Error(`onProgress threw ${String(e)}`)));
  });
}

/** Run `opts.from`…`opts.to` on `workers` worker threads and return the metric rows in order. */
export function runOnWorkers(raw: unknown, uncertainty: Plan, opts: ResolvedOptions, workers: number): Promise<RawRun> {
  const plan = runPlan(uncertainty, fixedIndices(uncertainty, opts.fixed));
  return runJob(raw, uncertainty, plan, opts, Math.max(1, Math.min(workers, opts.to - opts.from)), false);
}

/**
 * Run `opts.from`…`opts.to` on as many threads as the work repays and the machine has
 * free ({@link autoThreads}, {@link machineBusy}): this thread, plus worker threads for
 * large runs.
 */
export function runAuto(
  raw: unknown,
  uncertainty: Plan,
  opts: ResolvedOptions,
  cores = availableParallelism(),
): Promise<RawRun> {
  const plan = runPlan(uncertainty, fixedIndices(uncertainty, opts.fixed));
  const total = opts.to - opts.from;
  const threads = Math.min(total, autoThreads(replicateWork(plan) * total, cores, idle.length, machineBusy()));
  return runJob(raw, uncertainty, plan, opts, threads - 1, true);
}
