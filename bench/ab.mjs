/**
 * In-process A/B of two builds on the reference workload: `simulate` from each build's
 * dist/ runs alternately in one process, so both see the same machine load, and the
 * median ratio B/A is the figure to read (a busy shared machine moves single runs by
 * ±25 %, the ratio of neighbours much less).
 *
 *   node bench/ab.mjs --a ../base/dist --b dist [--rounds 15] [--replicates 60] [--json]
 *
 * Each round runs A then B (or B then A on odd rounds, so warm-up and drift cancel) with
 * one thread and the same seed; the ratio is citizen-months per second of B over A.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { citizenMonthsPerReplicate, referenceModel } from './reference-model.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const aDir = flag('a');
const bDir = flag('b', 'dist');
if (!aDir) {
  console.error(
    'usage: node bench/ab.mjs --a <dist of build A> [--b <dist of build B>] [--rounds 15] [--replicates 60]',
  );
  process.exit(2);
}
const rounds = Number(flag('rounds', '15'));
const replicates = Number(flag('replicates', '60'));
const load = async (dir) => (await import(pathToFileURL(resolve(dir, 'index.js')).href)).simulate;
const simA = await load(aDir);
const simB = await load(bDir);
const model = referenceModel();
const work = replicates * citizenMonthsPerReplicate(model);

async function rate(simulate) {
  const t0 = process.hrtime.bigint();
  await simulate(model, { replicates, seed: 'bench' });
  return work / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

await rate(simA); // warm both builds up before counting
await rate(simB);
const rows = [];
for (let r = 0; r < rounds; r++) {
  let a;
  let b;
  if (r % 2 === 0) {
    a = await rate(simA);
    b = await rate(simB);
  } else {
    b = await rate(simB);
    a = await rate(simA);
  }
  rows.push({ a: a / 1e6, b: b / 1e6, ratio: b / a });
  if (!args.includes('--json'))
    console.error(
      `round ${r + 1}: A ${(a / 1e6).toFixed(1)}  B ${(b / 1e6).toFixed(1)} M/s  B/A ${(b / a).toFixed(3)}`,
    );
}
const out = {
  a: aDir,
  b: bDir,
  rounds,
  replicates,
  medianA: median(rows.map((x) => x.a)),
  medianB: median(rows.map((x) => x.b)),
  medianRatio: median(rows.map((x) => x.ratio)),
  ratios: rows.map((x) => Number(x.ratio.toFixed(4))),
};
console.log(JSON.stringify(out, null, 2));
