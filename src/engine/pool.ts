/**
 * Worker orchestration (Node only). The replicate range is cut into blocks that every
 * thread of a run claims from one shared counter as it becomes free, so threads balance
 * without waiting on this thread; blocks are written into place by replicate number, so
 * the result is byte-identical for any number of threads. Threads stay in a pool between
 * runs (unreferenced, so they never keep the process alive): the second run starts
 * without loading the worker bundle again. An abort or error terminates the run's threads
 * before the promise rejects.
 *
 * Without an explicit `workers`, {@link runAuto} decides from the size of the work and the
 * idle cores: this thread always simulates too, and worker threads join only when the run
 * is large enough to repay starting them and a core stood idle while this thread ran its
 * first blocks.
 * @module
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ForlobInputError } from '../model/errors.js';
import type { ResolvedOptions } from '../model/options.js';
import type { Plan } from '../params/plan.js';
import { fixedIndices, instantiate } from '../params/plan.js';
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
const LOCKSTEP_FACTOR = 2;

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
 * A slow, lagging figure (it still counts a run that ended a minute ago); auto mode reads
 * the machine's idle time over its first blocks instead ({@link idleCores}). 0 where the
 * load average is not known (Windows).
 */
export function machineBusy(): number {
  const [load] = loadavg();
  const cpu = process.cpuUsage();
  const own = (cpu.user + cpu.system) / 1e6 / Math.max(60, process.uptime());
  return Math.max(0, load - own);
}

/** Idle and total CPU milliseconds summed over the machine's cores, and their number. */
export interface CpuSnapshot {
  idle: number;
  total: number;
  cores: number;
}

/** The machine's CPU times now (`os.cpus()`, every core). */
export function cpuSnapshot(): CpuSnapshot {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cores: all.length };
}

/**
 * Cores that stood idle between two snapshots: the idle share of the machine's CPU time
 * times its cores. Read while this thread simulates, it counts the cores nobody (not even
 * this process) used, which is what a new worker thread would get. NaN when the clock did
 * not advance (the kernel counts in 10 ms ticks), so the caller can wait longer.
 *
 * @example
 * idleCores({ idle: 0, total: 0, cores: 2 }, { idle: 95, total: 200, cores: 2 }) // 0.95
 */
export function idleCores(before: CpuSnapshot, after: CpuSnapshot): number {
  const total = after.total - before.total;
  if (!(total > 0) || after.cores !== before.cores) return Number.NaN;
  return (Math.max(0, after.idle - before.idle) / total) * after.cores;
}

/**
 * How many workers to add, from the idle cores measured while this thread ran its first
 * blocks: one per whole idle core, counting a core more than half idle (a worker sharing
 * a half-used core still adds work, and blocks are claimed, not dealt, so a slow thread
 * never holds the others up), at most `wanted`.
 */
export function recruits(idle: number, wanted: number): number {
  if (!(idle >= 0.5)) return 0;
  return Math.min(wanted, Math.floor(idle + 0.5));
}

/**
 * How long auto mode watches the machine before it adds workers (ms). The kernel counts
 * CPU time in 10 ms ticks, so over 60 ms on 2 cores one tick is 8 % of a core.
 */
const WATCH_MS = 60;

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
 * Workers auto mode may add once it has watched the machine: at most `wanted`, and no
 * more than the replicates not yet claimed then repay.
 */
interface Recruit {
  wanted: number;
  /** Workers that `unclaimed` citizen-months of work repay. */
  repays: (unclaimed: number) => number;
  snapshot: () => CpuSnapshot;
}

/**
 * Run `opts.from`…`opts.to` on `workers` worker threads, this thread only collecting, or
 * with `main` on this thread too (simulating `plan`) plus `workers` worker threads, and
 * with `recruit` more workers once this thread has run for {@link WATCH_MS} and found the
 * cores idle.
 */
function runJob(
  uncertainty: Plan,
  plan: RunPlan,
  opts: ResolvedOptions,
  workers: number,
  main: boolean,
  recruit?: Recruit,
): Promise<RawRun> {
  const total = opts.to - opts.from;
  const collected = collectBlocks(total);
  const threads = workers + (main ? 1 : 0) + (recruit?.wanted ?? 0);
  const perReplicate = replicateWork(plan);
  const blockSize = Math.max(1, Math.min(Math.ceil(BLOCK_WORK / perReplicate), Math.ceil(total / (threads * 4))));
  const blocks = Math.ceil(total / blockSize);
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const id = ++jobs;
  const fixed = [...fixedIndices(uncertainty, opts.fixed)];

  return new Promise<RawRun>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(abortReason(opts.signal));
    const pool: Worker[] = [];
    const listeners: (() => void)[] = [];
    let done = 0;
    let settled = false;
    const received = (from: number, count: number, block: BlockResult) => {
      collected.add(from - opts.from, count, block);
      done += count;
      opts.onProgress?.({ done, total });
      if (done === total) finish();
    };
    const job: JobMessage = {
      type: 'job',
      id,
      plan: uncertainty,
      fixed,
      seed: opts.seed,
      occupancy: opts.occupancy,
      from: opts.from,
      to: opts.to,
      blockSize,
      counter,
    };
    /** Put threads to work on this job: they claim blocks from the shared counter. */
    const enlist = (ws: Worker[]) => {
      for (const w of ws) {
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
        listeners.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        });
        pool.push(w);
        w.postMessage(job);
      }
    };
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
    enlist(take(workers));

    if (!main) return;
    // Auto mode's late workers: decided from what the machine did while this thread ran
    // its first blocks, not from the load average, which lags by a minute and counts this
    // process's own earlier runs.
    let watch = recruit && recruit.wanted > 0 ? { at: performance.now(), cpu: recruit.snapshot() } : null;
    const maybeRecruit = () => {
      if (watch === null || performance.now() - watch.at < WATCH_MS) return;
      const free = idleCores(watch.cpu, recruit!.snapshot());
      if (Number.isNaN(free)) return;
      watch = null;
      const unclaimed = Math.max(0, blocks - Atomics.load(next, 0)) * blockSize * perReplicate;
      const n = Math.min(recruits(free, recruit!.wanted), recruit!.repays(unclaimed));
      if (n > 0) enlist(take(n));
    };
    // This thread claims blocks like any worker, yielding between them so worker messages,
    // progress and aborts get through.
    const runHere = async () => {
      while (!settled) {
        const from = opts.from + Atomics.add(next, 0, 1) * blockSize;
        if (from >= opts.to) return;
        const to = Math.min(opts.to, from + blockSize);
        received(from, to - from, runReplicates(plan, opts.seed, from, to, opts.occupancy));
        maybeRecruit();
        await new Promise((res) => setImmediate(res));
      }
    };
    runHere().catch((e) => finish(e ?? new Error(`onProgress threw ${String(e)}`)));
  });
}

/** Run `opts.from`…`opts.to` on `workers` worker threads and return the metric rows in order. */
export function runOnWorkers(uncertainty: Plan, opts: ResolvedOptions, workers: number): Promise<RawRun> {
  const plan = runPlan(uncertainty, fixedIndices(uncertainty, opts.fixed), instantiate);
  return runJob(uncertainty, plan, opts, Math.max(1, Math.min(workers, opts.to - opts.from)), false);
}

/**
 * Run `opts.from`…`opts.to` on as many threads as the work repays and the machine has
 * free: this thread starts at once; when the work would repay more threads
 * ({@link autoThreads}), it watches the machine's idle time ({@link idleCores}) over its
 * first blocks and adds a worker per idle core ({@link recruits}) while the replicates not
 * yet claimed still repay one. `snapshot` reads the machine's CPU times (a test passes its own).
 */
export function runAuto(
  uncertainty: Plan,
  opts: ResolvedOptions,
  cores = availableParallelism(),
  snapshot: () => CpuSnapshot = cpuSnapshot,
): Promise<RawRun> {
  const plan = runPlan(uncertainty, fixedIndices(uncertainty, opts.fixed), instantiate);
  const total = opts.to - opts.from;
  const perReplicate = replicateWork(plan);
  const wanted = Math.min(total, autoThreads(perReplicate * total, cores, idle.length)) - 1;
  return runJob(uncertainty, plan, opts, 0, true, {
    wanted,
    repays: (unclaimed) => autoThreads(unclaimed, cores, idle.length) - 1,
    snapshot,
  });
}
