/**
 * The benchmark (`npm run bench` builds first): the reference workload through forlob,
 * the same model through a plain numpy implementation, and the uniform-draw ceiling of
 * one core, summarised as citizen-months per second.
 *
 *   node bench/run.mjs [--replicates 200] [--workers N] [--repeat 3] [--skip-numpy] [--json] [--max-load 1.0]
 *   node bench/run.mjs --memory [--replicates 10000]   peak RSS of a long run
 *
 * Each run waits until the 1-minute load average is at most --max-load and records the
 * cores other processes used while it ran (see load.mjs).
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
import { startMeter, waitForQuiet } from './load.mjs';
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
const repeat = memoryMode ? 1 : value('--repeat', 3);
const asJSON = flag('--json');
const maxLoad = value('--max-load', 1.0);
// The core entry runs in this thread. Worker threads live in the Node entry (forlob/node),
// whose default is every core, so it is used only when --workers is given; the core
// entry accepts and ignores the option.
const { simulate } = await import(workers === undefined ? '../dist/index.js' : '../dist/node.js');
const log = (...a) => {
  if (!asJSON) console.error(...a);
};
const MB = (kb) => kb / 1024;

const model = referenceModel();
const citizens = model.groups.reduce((n, g) => n + g.size, 0);
const citizenMonths = replicates * citizenMonthsPerReplicate(model);

/** Run forlob once in this process: wall time, CPU time (all threads) and peak RSS. */
async function runForlob() {
  const options = { replicates, seed: 'bench' };
  if (workers !== undefined) options.workers = workers;
  const quiet = await waitForQuiet(maxLoad, 600, log);
  const rssBefore = process.memoryUsage().rss;
  const meter = startMeter();
  const result = await simulate(model, options);
  const { seconds, cpuSeconds, load1mAtStart, otherCores, stealCores } = meter.stop();
  return {
    replicates,
    workers: workers ?? null,
    citizens,
    months: model.horizonMonths,
    scenarios: model.scenarios.length,
    seconds,
    cpuSeconds,
    citizenMonths,
    citizenMonthsPerSecond: citizenMonths / seconds,
    // CPU time covers worker threads too, so this is per core whatever the thread count.
    citizenMonthsPerCpuSecond: citizenMonths / cpuSeconds,
    // About 1 for a single thread; shows whether --workers took effect.
    coresUsed: cpuSeconds / seconds,
    // How busy the machine was: the 1-minute load when the run started (after waiting up to
    // 10 minutes for it to fall to --max-load) and the cores other processes used during it.
    load1mAtStart,
    waitedSeconds: quiet.waitedSeconds,
    otherCores,
    stealCores,
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

async function runNumpy(modelPath) {
  if (!ensureNumpy())
    return { skipped: 'numpy is not available for /usr/bin/python3 and apt-get could not install it' };
  await waitForQuiet(maxLoad, 600, log);
  const meter = startMeter();
  const r = spawnSync(
    '/usr/bin/python3',
    [join(here, 'numpy_peer.py'), modelPath, '--replicates', String(replicates)],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) return { skipped: `numpy peer failed: ${r.stderr.trim().split('\n').pop()}` };
  const m = meter.stop();
  // The peer is a child process, so the machine's busy cores (about 1 when nothing else ran) tell how quiet it was.
  return { ...JSON.parse(r.stdout), load1mAtStart: m.load1mAtStart, machineBusyCores: m.machineBusyCores };
}

function runUniforms() {
  const r = spawnSync(process.execPath, [join(here, 'uniforms.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`uniforms.mjs failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * forlob and numpy are independent Monte Carlo estimates of the same means, so their
 * difference over its standard error, sqrt(sd_f²/R_f + sd_n²/R_n), should be a few units
 * at most. Each is also compared with the exact expectation the peer computes from the
 * transition matrices (z = (mean − exact) / (sd / √R)).
 */
function agreement(f, n) {
  return f.results.map((sc, i) => {
    const out = { id: sc.id };
    for (const [name, mf] of Object.entries(sc.metrics)) {
      // Only the metrics both implement (forlob may grow more than the peer knows).
      const mn = n.results[i].metrics[name];
      if (!mn) continue;
      const exact = n.results[i].exact[name];
      const se = Math.sqrt(mf.sd ** 2 / f.replicates + mn.sd ** 2 / n.replicates);
      const z = (m, R, x) => (m.sd > 0 ? (m.mean - x) / (m.sd / Math.sqrt(R)) : 0);
      out[name] = {
        forlob: mf.mean,
        numpy: mn.mean,
        exact,
        z: se > 0 ? (mf.mean - mn.mean) / se : 0,
        zForlobExact: z(mf, f.replicates, exact),
        zNumpyExact: z(mn, n.replicates, exact),
      };
    }
    return out;
  });
}

const machine = {
  nproc: os.availableParallelism(),
  cpu: os.cpus()[0]?.model,
  node: process.version,
  date: new Date().toISOString(),
  // Other work on the machine only slows the run down; the 1-minute load shows how busy it was.
  loadAverage1m: os.loadavg()[0],
};
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x.toFixed(0));

if (memoryMode) {
  log(`forlob: ${replicates} replicates of the reference model …`);
  const f = await runForlob();
  delete f.results;
  if (asJSON) console.log(JSON.stringify({ machine, forlob: f }, null, 2));
  else {
    console.log(
      `forlob ${replicates} replicates: ${f.seconds.toFixed(2)} s, ${fmt(f.citizenMonthsPerSecond)} citizen-months/s, ${f.coresUsed.toFixed(1)} cores used`,
    );
    console.log(`peak RSS ${f.peakRssMB.toFixed(1)} MB (RSS before the run ${f.rssBeforeMB.toFixed(1)} MB)`);
    console.log(
      `load ${f.load1mAtStart.toFixed(2)} at the start, other processes ${f.otherCores?.toFixed(2)} cores during the run`,
    );
  }
} else {
  const outDir = join(here, 'out');
  mkdirSync(outDir, { recursive: true });
  const modelPath = join(outDir, 'reference-model.json');
  writeFileSync(modelPath, JSON.stringify(model, null, 2));

  // The fastest of a few runs: a shared machine only ever makes a run slower. The first
  // run also pays for JIT warm-up, as a one-off CLI run would.
  log(`forlob: ${replicates} replicates, ${fmt(citizenMonths)} citizen-months, best of ${repeat} …`);
  const runs = [];
  for (let i = 0; i < repeat; i++) runs.push(await runForlob());
  const forlob = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  forlob.allSeconds = runs.map((r) => r.seconds);
  forlob.allLoad1m = runs.map((r) => r.load1mAtStart);
  forlob.allOtherCores = runs.map((r) => r.otherCores);
  forlob.peakRssMB = MB(process.resourceUsage().maxRSS);
  let numpy = { skipped: '--skip-numpy' };
  if (!flag('--skip-numpy')) {
    log('numpy peer …');
    numpy = await runNumpy(modelPath);
  }
  log('uniform-draw ceiling …');
  await waitForQuiet(maxLoad, 600, log);
  const uniforms = runUniforms();
  const limit = uniforms.results[0].perSecond; // the engine's own generator

  const summary = {
    forlobCitizenMonthsPerSecond: forlob.citizenMonthsPerSecond,
    forlobCitizenMonthsPerCpuSecond: forlob.citizenMonthsPerCpuSecond,
    numpyCitizenMonthsPerSecond: numpy.skipped ? null : numpy.citizenMonthsPerSecond,
    forlobOverNumpy: numpy.skipped ? null : forlob.citizenMonthsPerSecond / numpy.citizenMonthsPerSecond,
    uniformLimitPerCore: limit,
    // Can exceed 1: jumps need far fewer draws than one per citizen-month.
    forlobPerCoreOverUniformLimit: forlob.citizenMonthsPerCpuSecond / limit,
    forlobPeakRssMB: forlob.peakRssMB,
  };
  const agree = numpy.skipped ? null : agreement(forlob, numpy);

  if (asJSON) {
    console.log(JSON.stringify({ machine, summary, forlob, numpy, uniforms, agreement: agree }, null, 2));
  } else {
    console.log(
      `machine: ${machine.nproc} cores (${machine.cpu}), node ${machine.node}, load ${machine.loadAverage1m.toFixed(2)}`,
    );
    console.log(
      `workload: ${citizens} citizens × ${model.horizonMonths} months × ${model.scenarios.length} scenarios × ${replicates} replicates = ${fmt(citizenMonths)} citizen-months`,
    );
    console.log(
      `forlob   ${forlob.seconds.toFixed(2)} s (best of ${forlob.allSeconds.map((x) => x.toFixed(2)).join(', ')})  ${fmt(summary.forlobCitizenMonthsPerSecond)} cm/s  (${fmt(summary.forlobCitizenMonthsPerCpuSecond)} cm per CPU-second, ${forlob.coresUsed.toFixed(1)} cores used, peak RSS ${forlob.peakRssMB.toFixed(0)} MB; load ${forlob.load1mAtStart.toFixed(2)}, others ${forlob.otherCores?.toFixed(2)} cores)`,
    );
    if (numpy.skipped) console.log(`numpy    skipped: ${numpy.skipped}`);
    else {
      console.log(
        `numpy    ${numpy.seconds.toFixed(2)} s  ${fmt(numpy.citizenMonthsPerSecond)} cm/s  (${numpy.implementation}, peak RSS ${numpy.peakRssMB.toFixed(0)} MB; load ${numpy.load1mAtStart.toFixed(2)}, machine busy ${numpy.machineBusyCores?.toFixed(2)} cores)`,
      );
      console.log(`forlob / numpy: ${summary.forlobOverNumpy.toFixed(1)}×`);
    }
    for (const u of uniforms.results)
      console.log(`uniforms ${u.name}: ${fmt(u.perSecond)}/s (${u.nsPerDraw.toFixed(2)} ns)`);
    console.log(`forlob cm per CPU-second / sfc32 uniform limit: ${summary.forlobPerCoreOverUniformLimit.toFixed(2)}`);
    if (agree) {
      console.log('successRate: forlob, numpy, exact; z = difference / its standard error');
      for (const a of agree) {
        const m = a.successRate;
        console.log(
          `  ${a.id.padEnd(11)} ${m.forlob.toFixed(4)} ${m.numpy.toFixed(4)} ${m.exact.toFixed(4)}  z(forlob−numpy) = ${m.z.toFixed(2)}, z(forlob−exact) = ${m.zForlobExact.toFixed(2)}, z(numpy−exact) = ${m.zNumpyExact.toFixed(2)}`,
        );
      }
    }
  }
}
