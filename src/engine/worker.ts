/**
 * Worker-thread entry: compiles the model it is sent (once per job) and runs the blocks of
 * replicates the pool hands it. Replicates depend only on (seed, replicate number), so
 * which worker runs a block never changes the numbers.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { compileModel, type CompiledModel } from '../compile/compile.js';
import { ForlobInputError } from '../model/errors.js';
import type { ModelSpec } from '../model/types.js';
import { runReplicates } from './run.js';

/** A message from the pool. */
export type ToWorker = { type: 'job'; job: number; spec: ModelSpec; seed: string; occupancy: boolean } | { type: 'block'; job: number; from: number; to: number };

/** A message to the pool. */
export type FromWorker =
  | { type: 'progress'; job: number; replicates: number }
  | { type: 'block'; job: number; from: number; values: Float64Array; occupancy?: Int32Array }
  | { type: 'error'; job: number; message: string; problems?: { path: string; message: string }[] };

let job = -1;
let cm: CompiledModel | undefined;
let seed = '';
let occupancy = false;

parentPort?.on('message', (msg: ToWorker) => {
  try {
    if (msg.type === 'job') {
      job = msg.job;
      seed = msg.seed;
      occupancy = msg.occupancy;
      cm = compileModel(msg.spec);
      return;
    }
    if (msg.job !== job || !cm) throw new Error('block for an unknown job');
    const model = cm;
    const { values, occupancy: occ } = runReplicates(model, seed, msg.from, msg.to, occupancy);
    parentPort!.postMessage({ type: 'progress', job, replicates: msg.to - msg.from } satisfies FromWorker);
    const transfer = [values.buffer as ArrayBuffer, ...(occ ? [occ.buffer as ArrayBuffer] : [])];
    parentPort!.postMessage({ type: 'block', job, from: msg.from, values, occupancy: occ } satisfies FromWorker, transfer);
  } catch (e) {
    const problems = e instanceof ForlobInputError ? e.problems : undefined;
    parentPort!.postMessage({ type: 'error', job, message: (e as Error).message, problems } satisfies FromWorker);
  }
});
