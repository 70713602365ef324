/**
 * Worker-thread entry: compiles the model it is sent (once per job) and runs the blocks of
 * replicates the pool hands it. Replicates depend only on (seed, replicate number), so
 * which worker runs a block never changes the numbers.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { ForlobInputError } from '../model/errors.js';
import { planUncertainty } from '../evidence/plan.js';
import { runPlan, runReplicates, type BlockResult, type RunPlan } from './run.js';

/** A message from the pool. */
export type ToWorker =
  | { type: 'job'; model: unknown; fixed: [number, number][]; seed: string; occupancy: boolean }
  | { type: 'block'; from: number; to: number };

/** A message to the pool. */
export type FromWorker =
  | { type: 'progress'; replicates: number }
  | { type: 'block'; from: number; count: number; block: BlockResult }
  | { type: 'error'; message: string; problems?: { path: string; message: string }[] };

let plan: RunPlan | undefined;
let seed = '';
let occupancy = false;

parentPort?.on('message', (msg: ToWorker) => {
  try {
    if (msg.type === 'job') {
      seed = msg.seed;
      occupancy = msg.occupancy;
      plan = runPlan(planUncertainty(msg.model), new Map(msg.fixed));
      return;
    }
    if (!plan) throw new Error('a block before the job');
    const block = runReplicates(plan, seed, msg.from, msg.to, occupancy);
    parentPort!.postMessage({ type: 'progress', replicates: msg.to - msg.from } satisfies FromWorker);
    const transfer = [
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
    parentPort!.postMessage(
      { type: 'block', from: msg.from, count: msg.to - msg.from, block } satisfies FromWorker,
      transfer,
    );
  } catch (e) {
    const problems = e instanceof ForlobInputError ? e.problems : undefined;
    parentPort!.postMessage({ type: 'error', message: (e as Error).message, problems } satisfies FromWorker);
  }
});
