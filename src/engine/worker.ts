/**
 * Worker-thread entry: compiles the model of each job it is sent and runs blocks of
 * replicates until none are left. A job carries the calling thread's {@link Plan} (the
 * point model already validated), so this bundle needs no schema library: it starts in
 * about the time of a bare worker thread. Only a model whose parameters are drawn or fixed
 * loads the validator (`worker-validate.js`), to check each replicate's drawn model. Blocks are claimed from a counter shared with every
 * thread of the job (this one's siblings and, in auto mode, the calling thread), so no
 * thread waits for the pool to hand it work. Replicates depend only on (seed, replicate
 * number), so which thread runs a block never changes the numbers. Between jobs the
 * thread stays alive in the pool (unreferenced) and drops the compiled model.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { ForlobInputError } from '../model/errors.js';
import type { Plan } from '../params/plan.js';
import { drawsParameters, type Instantiate, runPlan, runReplicates, type BlockResult } from './run.js';

/** A message from the pool: one job, whose blocks the threads claim from `counter`. */
export interface JobMessage {
  type: 'job';
  /** Tells this job's messages from a finished job's. */
  id: number;
  /** The model's plan (point model and uncertain parameters), made by the calling thread. */
  plan: Plan;
  fixed: [number, number][];
  seed: string;
  occupancy: boolean;
  /** First replicate of the job. */
  from: number;
  /** One past the last replicate. */
  to: number;
  /** Replicates per block (the last may be shorter). */
  blockSize: number;
  /** One Int32: the next block to claim, shared by every thread of the job. */
  counter: SharedArrayBuffer;
}

/** A message from the pool. */
export type ToWorker = JobMessage;

/** A message to the pool. */
export type FromWorker =
  | { type: 'block'; id: number; from: number; count: number; block: BlockResult }
  | { type: 'error'; id: number; message: string; problems?: { path: string; message: string }[] };

/** The arrays of a block, moved (not copied) to the pool. */
export function transferList(block: BlockResult): ArrayBuffer[] {
  return [
    block.values,
    block.arms,
    block.occupancy,
    block.draws,
    block.monthly,
    block.yearly,
    block.queue,
    block.shares,
    block.accounts,
    block.accountsYearly,
  ]
    .filter((a) => a !== undefined)
    .map((a) => a.buffer as ArrayBuffer);
}

let validator: Promise<Instantiate> | null = null;

/** The validating `instantiate`, loaded on first need (it brings the schema library). */
function loadValidator(): Promise<Instantiate> {
  validator ??= import('./worker-validate.js').then((m) => m.instantiate);
  return validator;
}

async function runJob(msg: JobMessage): Promise<void> {
  const id = msg.id;
  try {
    const fixed = new Map(msg.fixed);
    const instantiate = drawsParameters(msg.plan, fixed) ? await loadValidator() : undefined;
    // The plan lives for this job only: an idle thread in the pool holds no model.
    const plan = runPlan(msg.plan, fixed, instantiate);
    const counter = new Int32Array(msg.counter);
    for (;;) {
      const from = msg.from + Atomics.add(counter, 0, 1) * msg.blockSize;
      if (from >= msg.to) break;
      const to = Math.min(msg.to, from + msg.blockSize);
      const block = runReplicates(plan, msg.seed, from, to, msg.occupancy);
      parentPort!.postMessage(
        { type: 'block', id, from, count: to - from, block } satisfies FromWorker,
        transferList(block),
      );
    }
  } catch (e) {
    const problems = e instanceof ForlobInputError ? e.problems : undefined;
    parentPort!.postMessage({ type: 'error', id, message: (e as Error).message, problems } satisfies FromWorker);
  }
}

parentPort?.on('message', (msg: ToWorker) => {
  void runJob(msg);
});
