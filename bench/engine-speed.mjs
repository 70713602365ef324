/**
 * The engine's speed where issue 17 sets targets, measured side by side in one process:
 * builds (`--builds a=dir,b=dir`, each a dist/ folder) run alternately on the same
 * workloads, rounds in alternating order, and the figures to read are medians over rounds
 * of ratios between neighbours (a shared machine moves single runs by ±25 %, neighbours much
 * less).
 *
 *   node bench/engine-speed.mjs [--builds base=/tmp/base/dist,new=dist] [--rounds 7]
 *     [--replicates 200] [--workloads h12,h60,h120,cal0,cal75,cal75used,cal75alt,plain,steering] [--numpy 40] [--json]
 *
 * Workloads: hN is the reference model at N months; cal0 / cal75 the reference model at
 * 75 months without / with a 75-step calendar (every month a step, each changing the
 * kontanthjælp rows a little, as a life table would; those are the rows of citizens without
 * an intervention, and every kontanthjælp citizen has one, so cal75used changes the
 * interventions' rows the same way, and cal75alt changes them by ×0.5 and ×1.5 in
 * alternate months, the worst case for finding where a stay ends); plain / steering the reference
 * model at 60 months without / with portfolio steering (the lockstep engine).
 * `--numpy R` also runs the numpy peer (R replicates) on every hN workload each round and
 * reports forlob / numpy per build. One thread throughout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { citizenMonthsPerReplicate, referenceModel } from './reference-model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const builds = opt('builds', `new=${join(here, '..', 'dist')}`)
  .split(',')
  .map((s) => {
    const [name, dir] = s.split('=');
    return { name, dir: resolve(dir) };
  });
const rounds = Number(opt('rounds', '7'));
const replicates = Number(opt('replicates', '200'));
const numpyReplicates = Number(opt('numpy', '0'));
const names = opt('workloads', 'h12,h60,h120').split(',');
const asJSON = args.includes('--json');
const log = (...a) => {
  if (!asJSON) console.error(...a);
};

function calendarModel(steps, rows = 'base') {
  const base = referenceModel(10, 75);
  if (steps === 0) return base;
  // A life-table-like drift: the kontanthjælp exit rates change a little every month.
  const calendar = [];
  for (let m = 1; m < 75; m++) {
    const f = rows === 'alt' ? (m % 2 ? 0.5 : 1.5) : 1 - 0.002 * m;
    const scale = (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v * f]));
    const step = { from: m, transitions: { kh: scale(base.transitions.kh) } };
    if (rows !== 'base')
      step.interventions = Object.fromEntries(
        base.interventions.map((iv) => [iv.id, { transitions: { kh: scale(iv.transitions.kh) } }]),
      );
    calendar.push(step);
  }
  return { ...base, start: '2026-01', calendar };
}

function steeringModel() {
  const base = referenceModel(10, 60);
  return {
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
}

function workload(name) {
  if (/^h\d+$/.test(name)) return referenceModel(10, Number(name.slice(1)));
  if (name === 'cal0') return calendarModel(0);
  if (name === 'cal75') return calendarModel(75);
  if (name === 'cal75used') return calendarModel(75, 'used');
  if (name === 'cal75alt') return calendarModel(75, 'alt');
  if (name === 'plain') return referenceModel(10, 60);
  if (name === 'steering') return steeringModel();
  throw new Error(`unknown workload ${name}`);
}

const tmp = mkdtempSync(join(tmpdir(), 'forlob-engine-speed-'));
const work = names.map((name) => {
  const model = workload(name);
  let modelPath = null;
  if (numpyReplicates > 0 && /^h\d+$/.test(name)) {
    modelPath = join(tmp, `${name}.json`);
    writeFileSync(modelPath, JSON.stringify(model));
  }
  return { name, model, modelPath, cm: citizenMonthsPerReplicate(model) };
});
const sims = [];
for (const b of builds) sims.push((await import(pathToFileURL(join(b.dir, 'index.js')).href)).simulate);

async function rate(simulate, w) {
  const t0 = process.hrtime.bigint();
  await simulate(w.model, { replicates, seed: 'bench' });
  return (replicates * w.cm) / (Number(process.hrtime.bigint() - t0) / 1e9);
}
function numpyRate(w) {
  const r = spawnSync(
    '/usr/bin/python3',
    [join(here, 'numpy_peer.py'), w.modelPath, '--replicates', String(numpyReplicates)],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`numpy peer failed: ${r.stderr}`);
  return JSON.parse(r.stdout).citizenMonthsPerSecond;
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

for (const w of work) for (const s of sims) await rate(s, w); // warm-up
const rows = []; // {round, workload, build, rate}
for (let r = 0; r < rounds; r++) {
  for (const w of work) {
    const order = sims.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    const got = {};
    for (const i of order) got[builds[i].name] = await rate(sims[i], w);
    if (w.modelPath) got.numpy = numpyRate(w);
    rows.push({ round: r, workload: w.name, ...got });
    log(
      `round ${r + 1} ${w.name}: ${Object.entries(got)
        .map(([k, v]) => `${k} ${(v / 1e6).toFixed(1)}`)
        .join('  ')} M/s`,
    );
  }
}
const summary = {};
for (const w of work) {
  const mine = rows.filter((x) => x.workload === w.name);
  const s = {};
  for (const b of builds) s[`${b.name} M/s`] = median(mine.map((x) => x[b.name])) / 1e6;
  for (let i = 1; i < builds.length; i++)
    s[`${builds[i].name}/${builds[0].name}`] = median(mine.map((x) => x[builds[i].name] / x[builds[0].name]));
  if (w.modelPath) {
    s['numpy M/s'] = median(mine.map((x) => x.numpy)) / 1e6;
    for (const b of builds) s[`${b.name}/numpy`] = median(mine.map((x) => x[b.name] / x.numpy));
  }
  summary[w.name] = s;
}
// Ratios between workloads of the same build (calendar over none, steering over plain).
const pair = (a, b) => {
  if (!summary[a] || !summary[b]) return;
  for (const bd of builds) {
    const ra = rows.filter((x) => x.workload === a);
    const rb = rows.filter((x) => x.workload === b);
    // time per replicate ratio b/a = rate a / rate b (the same citizen-months when horizons match; else per citizen-month)
    summary[`${b} time / ${a} time (${bd.name})`] = median(ra.map((x, i) => x[bd.name] / rb[i][bd.name]));
  }
};
pair('cal0', 'cal75');
pair('cal0', 'cal75used');
pair('cal0', 'cal75alt');
pair('plain', 'steering');
console.log(JSON.stringify({ builds, rounds, replicates, numpyReplicates, summary }, null, 2));
