/**
 * The benchmark (`npm run bench` builds first): the reference workload through forlob,
 * the same model through a plain numpy implementation, and the uniform-draw ceiling of
 * one core, summarised as citizen-months per second.
 *
 *   node bench/run.mjs [--replicates 200] [--workers N] [--skip-numpy] [--json]
 *   node bench/run.mjs --memory [--replicates 10000]   peak RSS of a long run
 *
 * A citizen-month is one citizen simulated for one month of one scenario, so a run is
 * replicates × citizens × months × scenarios citizen-months, however the engine gets
 * there (forlob jumps over whole stays; numpy draws every month).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from '../dist/index.js';
import { citizenMonthsPerReplicate, referenceModel } from './reference-model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const memoryMode = flag('--memory');
const replicates = value('--replicates', memoryMode ? 10_000 : 200);
const workers = value('--workers', undefined);
const asJSON = flag('--json');
const log = (...a) => { if (!asJSON) console.error(...a); };
const MB = (kb) => kb / 1024;

const model = referenceModel();
const citizens = model.groups.reduce((n, g) => n + g.size, 0);
const citizenMonths = replicates * citizenMonthsPerReplicate(model);

/** Run forlob once in this process: wall time, CPU time (all threads) and peak RSS. */
async function runForlob() {
  const options = { replicates, seed: 'bench' };
  // `workers` is forwarded only when asked for, so this script runs before and after the
  // option exists (older builds ignore unknown options).
  if (workers !== undefined) options.workers = workers;
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await simulate(model, options);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    replicates, workers: workers ?? null, citizens, months: model.horizonMonths, scenarios: model.scenarios.length,
    seconds, cpuSeconds, citizenMonths,
    citizenMonthsPerSecond: citizenMonths / seconds,
    // CPU time covers worker threads too, so this is per core whatever the thread count.
    citizenMonthsPerCpuSecond: citizenMonths / cpuSeconds,
    rssBeforeMB: rssBefore / 2 ** 20,
    peakRssMB: MB(process.resourceUsage().maxRSS),
    results: result.scenarios.map((sc) => ({
      id: sc.id,
      metrics: Object.fromEntries(Object.entries(sc.metrics).map(([k, m]) => [k, { mean: m.mean, sd: m.sd }])),
    })),
  };
}

/** Debian's numpy for /usr/bin/python3, installing it with apt-get if missing. */
function ensureNumpy() {
  const has = () => spawnSync('/usr/bin/python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
  if (has()) return true;
  log('numpy missing for /usr/bin/python3; trying apt-get install python3-numpy …');
  const sh = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y python3-numpy'], { stdio: 'ignore' });
  return sh.status === 0 && has();
}

function runNumpy(modelPath) {
  if (!ensureNumpy()) return { skipped: 'numpy is not available for /usr/bin/python3 and apt-get could not install it' };
  const r = spawnSync('/usr/bin/python3', [join(here, 'numpy_peer.py'), modelPath, '--replicates', String(replicates)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { skipped: `numpy peer failed: ${r.stderr.trim().split('\n').pop()}` };
  return JSON.parse(r.stdout);
}

function runUniforms() {
  const r = spawnSync(process.execPath, [join(here, 'uniforms.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`uniforms.mjs failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * forlob and numpy are independent Monte Carlo estimates of the same means, so their
 * difference over its standard error, sqrt(sd_f²/R_f + sd_n²/R_n), should be a few units at most.
 */
function agreement(f, n) {
  return f.results.map((sc, i) => {
    const out = { id: sc.id };
    for (const [name, mf] of Object.entries(sc.metrics)) {
      const mn = n.results[i].metrics[name];
      const se = Math.sqrt(mf.sd ** 2 / f.replicates + mn.sd ** 2 / n.replicates);
      out[name] = { forlob: mf.mean, numpy: mn.mean, z: se > 0 ? (mf.mean - mn.mean) / se : 0 };
    }
    return out;
  });
}

const machine = { nproc: os.availableParallelism(), cpu: os.cpus()[0]?.model, node: process.version, date: new Date().toISOString() };
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x.toFixed(0));

if (memoryMode) {
  log(`forlob: ${replicates} replicates of the reference model …`);
  const f = await runForlob();
  delete f.results;
  if (asJSON) console.log(JSON.stringify({ machine, forlob: f }, null, 2));
  else {
    console.log(`forlob ${replicates} replicates: ${f.seconds.toFixed(2)} s, ${fmt(f.citizenMonthsPerSecond)} citizen-months/s`);
    console.log(`peak RSS ${f.peakRssMB.toFixed(1)} MB (RSS before the run ${f.rssBeforeMB.toFixed(1)} MB)`);
  }
} else {
  const outDir = join(here, 'out');
  mkdirSync(outDir, { recursive: true });
  const modelPath = join(outDir, 'reference-model.json');
  writeFileSync(modelPath, JSON.stringify(model, null, 2));

  log(`forlob: ${replicates} replicates, ${fmt(citizenMonths)} citizen-months …`);
  const forlob = await runForlob();
  let numpy = { skipped: '--skip-numpy' };
  if (!flag('--skip-numpy')) {
    log('numpy peer …');
    numpy = runNumpy(modelPath);
  }
  log('uniform-draw ceiling …');
  const uniforms = runUniforms();
  const limit = uniforms.results[0].perSecond; // the engine's own generator

  const summary = {
    forlobCitizenMonthsPerSecond: forlob.citizenMonthsPerSecond,
    forlobCitizenMonthsPerCpuSecond: forlob.citizenMonthsPerCpuSecond,
    numpyCitizenMonthsPerSecond: numpy.skipped ? null : numpy.citizenMonthsPerSecond,
    forlobOverNumpy: numpy.skipped ? null : forlob.citizenMonthsPerSecond / numpy.citizenMonthsPerSecond,
    uniformLimitPerCore: limit,
    // Above 1 only because jumps need far fewer draws than one per citizen-month.
    forlobPerCoreOverUniformLimit: forlob.citizenMonthsPerCpuSecond / limit,
    forlobPeakRssMB: forlob.peakRssMB,
  };
  const agree = numpy.skipped ? null : agreement(forlob, numpy);

  if (asJSON) {
    console.log(JSON.stringify({ machine, summary, forlob, numpy, uniforms, agreement: agree }, null, 2));
  } else {
    console.log(`machine: ${machine.nproc} cores (${machine.cpu}), node ${machine.node}`);
    console.log(`workload: ${citizens} citizens × ${model.horizonMonths} months × ${model.scenarios.length} scenarios × ${replicates} replicates = ${fmt(citizenMonths)} citizen-months`);
    console.log(`forlob   ${forlob.seconds.toFixed(2)} s  ${fmt(summary.forlobCitizenMonthsPerSecond)} cm/s  (${fmt(summary.forlobCitizenMonthsPerCpuSecond)} cm per CPU-second, peak RSS ${forlob.peakRssMB.toFixed(0)} MB)`);
    if (numpy.skipped) console.log(`numpy    skipped: ${numpy.skipped}`);
    else {
      console.log(`numpy    ${numpy.seconds.toFixed(2)} s  ${fmt(numpy.citizenMonthsPerSecond)} cm/s  (${numpy.implementation}, peak RSS ${numpy.peakRssMB.toFixed(0)} MB)`);
      console.log(`forlob / numpy: ${summary.forlobOverNumpy.toFixed(1)}×`);
    }
    for (const u of uniforms.results) console.log(`uniforms ${u.name}: ${fmt(u.perSecond)}/s (${u.nsPerDraw.toFixed(2)} ns)`);
    console.log(`forlob cm per CPU-second / sfc32 uniform limit: ${summary.forlobPerCoreOverUniformLimit.toFixed(2)}`);
    if (agree) {
      console.log('successRate forlob vs numpy (z = difference / its standard error):');
      for (const a of agree) console.log(`  ${a.id.padEnd(11)} ${a.successRate.forlob.toFixed(4)} vs ${a.successRate.numpy.toFixed(4)}  z = ${a.successRate.z.toFixed(2)}`);
    }
  }
}
