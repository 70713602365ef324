// Cost of the policy features (issue 7): the reference model, 100 replicates, one thread,
// best of 3, plain vs with a calendar step, inflow, a binding capacity, readiness classes,
// a capacity that changes over time and portfolio steering (both on the lockstep engine).
// Run after a build: node bench/features.mjs
// Side by side (issue 17): node bench/features.mjs --builds base=/tmp/base/dist,new=dist [--rounds 5]
//   runs every variant on each build in turn, alternating the order, and prints the median
//   seconds per build and the median of the ratios new / base (below 1: faster).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { referenceModel } from './reference-model.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const here = dirname(fileURLToPath(import.meta.url));
const builds = opt('builds', `new=${join(here, '..', 'dist')}`)
  .split(',')
  .map((s) => {
    const [name, dir] = s.split('=');
    return { name, dir: resolve(dir) };
  });
for (const b of builds) b.simulate = (await import(pathToFileURL(join(b.dir, 'index.js')).href)).simulate;
const { simulate } = builds[0];
const base = referenceModel(10, 60);
const variants = {
  base,
  calendar: {
    ...base,
    start: '2026-01',
    calendar: [
      {
        from: 24,
        transitions: { kh: Object.fromEntries(Object.entries(base.transitions.kh).map(([k, v]) => [k, v * 0.9])) },
      },
    ],
  },
  inflow: { ...base, groups: base.groups.map((g) => ({ ...g, inflow: { perMonth: g.size / 60 } })) },
  capacity: {
    ...base,
    interventions: base.interventions.map((iv, i) => (i === 0 ? { ...iv, capacity: { places: 4000 } } : iv)),
  },
  readiness: {
    ...base,
    readiness: { classes: 5, sigma: 0.5 },
    scenarios: base.scenarios.map((s) => ({ ...s, targeting: 'ready-first' })),
  },
  // 4,000 places on FSM, 5,000 from month 24: every scenario using FSM runs on the lockstep engine.
  'staff plan': {
    ...base,
    interventions: base.interventions.map((iv, i) => (i === 0 ? { ...iv, capacity: { places: 4000 } } : iv)),
    calendar: [{ from: 24, interventions: { fsm: { capacity: { places: 5000 } } } }],
  },
  // Every scenario steers its kontanthjælp share of FSM: +5 points a quarter up to 80 %,
  // refilling places left by those who found work.
  steering: {
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
  },
};
if (builds.length > 1) {
  const rounds = Number(opt('rounds', '5'));
  const median = (xs) => {
    const v = [...xs].sort((x, y) => x - y);
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  for (const [name, model] of Object.entries(variants)) {
    for (const b of builds) await b.simulate(model, { replicates: 10, seed: 'bench' }); // warm-up
    const times = builds.map(() => []);
    for (let r = 0; r < rounds; r++) {
      const order = builds.map((_, i) => i);
      if (r % 2 === 1) order.reverse();
      for (const i of order) {
        const t0 = performance.now();
        await builds[i].simulate(model, { replicates: 100, seed: 'bench' });
        times[i].push((performance.now() - t0) / 1000);
      }
    }
    const cols = builds.map((b, i) => `${b.name} ${median(times[i]).toFixed(2)} s`);
    for (let i = 1; i < builds.length; i++)
      cols.push(`${builds[i].name}/${builds[0].name} ${median(times[i].map((x, k) => x / times[0][k])).toFixed(2)}`);
    console.log(name.padEnd(12), cols.join('  '));
  }
  process.exit(0);
}

for (const [name, model] of Object.entries(variants)) {
  let best = Infinity;
  let cm = 0;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const r = await simulate(model, { replicates: 100, seed: 'bench' });
    best = Math.min(best, (performance.now() - t0) / 1000);
    const N = r.scenarios[0].allocation.reduce((a, b) => a + b.count, 0);
    cm = N * 60 * 3 * 100;
  }
  console.log(
    name.padEnd(12),
    best.toFixed(2),
    's',
    (cm / best / 1e6).toFixed(0),
    'M citizen-months/s',
    (cm / 1e6).toFixed(0),
    'M cm',
  );
}
