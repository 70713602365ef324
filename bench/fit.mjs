/**
 * Fitting a whole municipality (issue 16, item 6): a synthetic panel of about 3 M citizen-
 * months — 45,000 citizens over 60 months and 170 newcomers a month (≈ 55,000 citizens),
 * two covariates (sex, age band: four classes) — fitted with `forlob fit --covariates
 * sex,age --bands 0,6,12,24` on one core. Prints the panel's size and, per run, the wall
 * time and peak RSS that `/usr/bin/time -v` reports for the whole CLI process (reading the
 * CSV, fitting, writing the model). Build first (`npx tsup`).
 *
 *   node bench/fit.mjs [--repeat 3] [--keep DIR]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { panelToCSV, synthPanel, identityStateMap } from '../dist/fit.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const repeat = Number(arg('repeat', '3'));
const dir = arg('keep', undefined) ?? mkdtempSync(join(tmpdir(), 'forlob-fit-bench-'));

const classes = [
  ['f', 'young'],
  ['f', 'old'],
  ['m', 'young'],
  ['m', 'old'],
];
const model = {
  name: 'bench: a municipality',
  horizonMonths: 60,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12326 },
    { id: 'rf', kind: 'benefit', monthlyTransfer: 12326 },
    { id: 'job', kind: 'success' },
    { id: 'edu', kind: 'success' },
    { id: 'flex', kind: 'success', monthlyTransfer: 7000 },
    { id: 'out', kind: 'exit' },
  ],
  transitions: {
    kh: { rf: 0.005, job: 0.04, edu: 0.01, flex: 0.002, out: 0.01 },
    rf: { kh: 0.01, job: 0.008, flex: 0.01, out: 0.01 },
    job: { kh: 0.012 },
    edu: { kh: 0.01, job: 0.02 },
    flex: { kh: 0.003 },
  },
  duration: {
    clock: 'state',
    bands: [0, 6, 12, 24],
    hazardRatios: { kh: [1, 0.8, 0.6, 0.45], rf: [1, 0.9, 0.8, 0.7] },
  },
  groups: classes.map(([sex, age]) => ({
    id: `${sex}-${age}`,
    size: 45_000 / 4,
    initialState: 'kh',
    inflow: { perMonth: 170 / 4 },
  })),
  interventions: [
    { id: 'women', effects: { kh: { job: { riskRatio: 1.2 } } } },
    { id: 'old', effects: { kh: { job: { riskRatio: 0.7 }, out: { riskRatio: 1.5 } } } },
    { id: 'old-women', effects: { kh: { job: { riskRatio: 0.84 }, out: { riskRatio: 1.5 } } } },
  ],
  scenarios: [
    { id: 'base', allocation: { 'f-young': { women: 1 }, 'm-old': { old: 1 }, 'f-old': { 'old-women': 1 } } },
  ],
};
const panel = synthPanel(model, {
  seed: 'bench',
  columns: {
    sex: Object.fromEntries(classes.map(([s, a]) => [`${s}-${a}`, s])),
    age: Object.fromEntries(classes.map(([s, a]) => [`${s}-${a}`, a])),
  },
});
const csv = join(dir, 'panel.csv');
const out = createWriteStream(csv);
for (const chunk of panelToCSV(panel)) out.write(chunk);
await new Promise((res) => out.end(res));
const map = join(dir, 'map.json');
writeFileSync(map, JSON.stringify(identityStateMap(model)));
console.log(
  `panel: ${panel.citizens} citizens, ${panel.months} months, ${panel.citizen.length} rows, ${(statSync(csv).size / 1e6).toFixed(0)} MB of CSV`,
);
console.log(`node ${process.version}, ${execFileSync('nproc').toString().trim()} cores, one used`);
for (let i = 0; i < repeat; i++) {
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      'dist/cli.js',
      'fit',
      csv,
      '--states',
      map,
      '--covariates',
      'sex,age',
      '--bands',
      '0,6,12,24',
      '--out',
      join(dir, 'fitted.json'),
    ],
    { encoding: 'utf8' },
  );
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  console.log(
    `run ${i + 1}: ${seconds.toFixed(1)} s, peak RSS ${(Number(rss?.[1]) / 1024).toFixed(0)} MB, exit ${r.status}`,
  );
  if (r.status !== 0) console.log(r.stderr);
}
if (arg('keep', undefined) === undefined) rmSync(dir, { recursive: true, force: true });
