/**
 * Worker orchestration (Node only): the replicate range is cut into blocks handed out to
 * worker threads as they become free; blocks are written into place by replicate number,
 * so the result is byte-identical for any number of workers. An abort terminates every
 * worker before the promise rejects.
 * @module
 */
import { Worker } from 'node:worker_threads';
import { ForlobInputError } from '../model/errors.js';
import type { ResolvedOptions } from '../model/options.js';
import type { Plan } from '../params/plan.js';
import { abortReason } from './abort.js';
import { fixedIndices } from '../params/plan.js';
import { collectBlocks } from './blocks.js';
import { layoutFor } from './layout.js';
import type { RawRun } from './run.js';
import type { FromWorker, ToWorker } from './worker.js';

/** The worker script next to this bundle: worker.js (ESM build) or worker.cjs (CJS build). */
function workerUrl(): URL {
  const ext = typeof __filename === 'undefined' ? '.js' : '.cjs';
  return new URL(`./worker${ext}`, import.meta.url);
}

/** Run `opts.from`…`opts.to` on `workers` threads and return the metric rows in order. */
export function runOnWorkers(raw: unknown, uncertainty: Plan, opts: ResolvedOptions, workers: number): Promise<RawRun> {
  const fixed = fixedIndices(uncertainty, opts.fixed);
  const total = opts.to - opts.from;
  const collected = collectBlocks(total);
  const n = Math.max(1, Math.min(workers, total));
  // Small blocks balance the load and keep progress and aborts prompt; a block message
  // costs far less than one replicate of any real model.
  const blockSize = Math.max(1, Math.min(32, Math.ceil(total / (n * 8))));
  const blocks: [number, number][] = [];
  for (let r = opts.from; r < opts.to; r += blockSize) blocks.push([r, Math.min(opts.to, r + blockSize)]);

  const layout = layoutFor(uncertainty.point);
  return new Promise<RawRun>((resolve, reject) => {
    const threads: Worker[] = [];
    let next = 0;
    let pending = blocks.length;
    let done = 0;
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      Promise.all(threads.map((w) => w.terminate())).then(
        () => (err === undefined ? resolve({ ...collected.result(), layout }) : reject(err)),
        () => (err === undefined ? resolve({ ...collected.result(), layout }) : reject(err)),
      );
    };
    const onAbort = () => finish(abortReason(opts.signal!));
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const feed = (w: Worker) => {
      if (next >= blocks.length) return;
      const [from, to] = blocks[next++];
      w.postMessage({ type: 'block', from, to } satisfies ToWorker);
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(workerUrl());
      threads.push(w);
      w.on('message', (msg: FromWorker) => {
        if (settled) return;
        // Anything thrown here, the caller's onProgress included, rejects the run (and
        // terminates the workers) instead of escaping the listener and crashing the host.
        try {
          if (msg.type === 'progress') {
            done += msg.replicates;
            opts.onProgress?.({ done, total });
          } else if (msg.type === 'block') {
            collected.add(msg.from - opts.from, msg.count, msg.block);
            if (--pending === 0) finish();
            else feed(w);
          } else {
            finish(msg.problems ? new ForlobInputError(msg.problems) : new Error(msg.message));
          }
        } catch (e) {
          finish(e ?? new Error(`onProgress threw ${String(e)}`));
        }
      });
      w.on('error', (e) => finish(e));
      w.postMessage({
        type: 'job',
        model: raw,
        fixed: [...fixed],
        seed: opts.seed,
        occupancy: opts.occupancy,
      } satisfies ToWorker);
      feed(w);
    }
  });
}
