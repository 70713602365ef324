// Peak memory and time of portfolio steering on the reference model (every scenario
// steered): /usr/bin/time -v node bench/memory-steering.mjs 1000   (after a build)
import { simulate } from '../dist/index.js';
import { referenceModel } from './reference-model.mjs';
const base = referenceModel(10, 60);
const m = {
  ...base,
  scenarios: base.scenarios.map((s) => ({
    ...s,
    steering: {
      intervention: 'fsm',
      groups: ['kh'],
      maxShare: 0.8,
      rules: [{ signal: 'share', below: 0.8, change: 0.05 }],
    },
  })),
};
const t0 = performance.now();
const r = await simulate(m, { replicates: Number(process.argv[2]), seed: 'mem' });
console.log(((performance.now() - t0) / 1000).toFixed(1), 's', r.steering.length, 'steered scenarios');
