/**
 * The part of the worker thread that validates: `instantiate` (a replicate's drawn model,
 * checked like any model), loaded by `worker.ts` only for models whose parameters are drawn
 * or fixed. Its own bundle (dist/worker-validate.js), so a worker for a point model never
 * loads the schema library.
 * @module
 */
export { instantiate } from '../params/plan.js';
