/**
 * The worker curve: the reference model (bench/reference-model.mjs) at 20, 200 and 2,000
 * replicates on one thread (`workers: 1`), the default (auto) and 2 workers (`workers: 2`),
 * measured side by side: each round runs every size and mode once, in a rotated order, so
 * a change in the machine's load hits every mode alike. The speed-ups are medians of the
 * per-round ratios to the one-thread run of the same round.
 *
 * Every worker run starts from a cold pool (closeWorkerPool before it), as a fresh CLI
 * process does; "auto, warm" reuses the threads of the run before it, as a second
 * simulate call in one process does.
 *
 * Start-up: a 2-replicate run on 2 cold workers minus the same run on one thread, and its
 * parts: starting a bare worker thread, and starting one that loads dist/worker.js.
 *
 *   npm run build --silent && nice node bench/workers.mjs [--rounds 5] [--sizes 20,200,2000] [--json FILE]
 */
import { writeFileSync } from 'node:fs';
import os, { availableParallelism, loadavg } from 'node:os';
import { syncBuiltinESMExports } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { referenceModel } from './reference-model.mjs';

const args = process.argv.slice(2);
const value = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const rounds = Number(value('--rounds', 5));
const sizes = value('--sizes', '20,200,2000').split(',').map(Number);
const jsonOut = value('--json', undefined);

const node = await import('../dist/node.js');
const model = referenceModel();
const workerFile = new URL('../dist/worker.js', import.meta.url);

// "free machine": auto as it decides on a machine nobody else loads (os.cpus reports every
// core idle), so the curve shows this thread plus a worker even when the bench itself runs
// on a shared, loaded machine; "auto" is the real default, which reads the idle cores.
const MODES = {
  '1 thread': { workers: 1, cold: false },
  auto: { cold: true },
  'auto, free machine': { cold: true, free: true },
  'auto, warm, free machine': { cold: false, free: true },
  '2 workers': { workers: 2, cold: true },
};
const realCpus = os.cpus;
let idleClock = 0;
function idleCpus() {
  idleClock += 100;
  return realCpus().map((c) => ({ ...c, times: { user: 0, nice: 0, sys: 0, idle: idleClock, irq: 0 } }));
}
function pretendFree(on) {
  os.cpus = on ? idleCpus : realCpus;
  syncBuiltinESMExports();
}

/** One simulate call: wall seconds and CPU seconds of the whole process (every thread). */
async function once(replicates, mode) {
  const m = MODES[mode];
  if (m.cold) await node.closeWorkerPool();
  // Leave threads idle in the pool, their JIT warm, as an earlier large run would.
  else if (mode.startsWith('auto, warm')) await node.simulate(model, { replicates: 8, seed: 'warm', workers: 2 });
  const options = { replicates, seed: 'bench', ...(m.workers ? { workers: m.workers } : {}) };
  pretendFree(m.free === true);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await node.simulate(model, options).finally(() => pretendFree(false));
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  if (r.replicates !== replicates) throw new Error('wrong replicate count');
  return { wall, cpu: (c.user + c.system) / 1e6 };
}

/** Milliseconds until a new worker thread running `code` (eval) posts its first message. */
async function spawnMs(code) {
  const t0 = performance.now();
  const w = new Worker(code, { eval: true });
  await new Promise((res, rej) => {
    w.once('message', res);
    w.once('error', rej);
  });
  const ms = performance.now() - t0;
  await w.terminate();
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

const log = (s) => process.stderr.write(`${s}\n`);
log(
  `cores ${availableParallelism()}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}, ${rounds} rounds, sizes ${sizes.join(', ')}`,
);

// Warm-up: compile everything once on this thread (workers are cold in every counted run anyway).
await once(20, '1 thread');

const modes = Object.keys(MODES);
const runs = []; // { round, replicates, mode, wall, cpu }
const startup = []; // { round, thread1, workers2, bare, load }
const load = [];
for (let round = 0; round < rounds; round++) {
  load.push(loadavg()[0]);
  // Start-up, also interleaved.
  const one = await once(2, '1 thread');
  const two = await once(2, '2 workers');
  const bare = await spawnMs(`require('node:worker_threads').parentPort.postMessage(0)`);
  const loadMs = await spawnMs(
    `import(${JSON.stringify(workerFile.href)}).then(() => require('node:worker_threads').parentPort.postMessage(0))`,
  );
  startup.push({ round, thread1: one.wall * 1000, workers2: two.wall * 1000, bare, load: loadMs });
  for (const R of sizes) {
    // Rotate the order each round so no mode always runs first (or after the heaviest).
    const order = modes.map((_, i) => modes[(i + round) % modes.length]);
    for (const mode of order) {
      if (mode.startsWith('auto, warm') && R > 200) continue; // a warm pool only matters where start-up does
      const r = await once(R, mode);
      runs.push({ round, replicates: R, mode, ...r });
      log(`round ${round + 1} R=${R} ${mode.padEnd(24)} ${r.wall.toFixed(3)} s  cpu ${r.cpu.toFixed(2)} s`);
    }
  }
}
await node.closeWorkerPool();

const rows = [];
for (const R of sizes) {
  for (const mode of modes) {
    const mine = runs.filter((r) => r.replicates === R && r.mode === mode);
    if (!mine.length) continue;
    const ratios = mine.map((r) => {
      const base = runs.find((b) => b.round === r.round && b.replicates === R && b.mode === '1 thread');
      return base.wall / r.wall;
    });
    rows.push({
      replicates: R,
      mode,
      wall: median(mine.map((r) => r.wall)),
      cpu: median(mine.map((r) => r.cpu)),
      speedup: median(ratios),
      speedupMin: Math.min(...ratios),
      speedupMax: Math.max(...ratios),
    });
  }
}
const st = {
  thread1Ms: median(startup.map((s) => s.thread1)),
  workers2Ms: median(startup.map((s) => s.workers2)),
  startupMs: median(startup.map((s) => s.workers2 - s.thread1)),
  bareWorkerMs: median(startup.map((s) => s.bare)),
  workerBundleMs: median(startup.map((s) => s.load)),
};

log('\n| replicates | mode | median wall | median CPU | speed-up vs 1 thread (median of rounds; min–max) |');
log('|---:|---|---:|---:|---:|');
for (const r of rows)
  log(
    `| ${r.replicates.toLocaleString('en')} | ${r.mode} | ${r.wall.toFixed(3)} s | ${r.cpu.toFixed(2)} s | ${r.speedup.toFixed(2)}× (${r.speedupMin.toFixed(2)}–${r.speedupMax.toFixed(2)}) |`,
  );
log(
  `\nstart-up (2 replicates): 1 thread ${st.thread1Ms.toFixed(0)} ms, 2 cold workers ${st.workers2Ms.toFixed(0)} ms, ` +
    `difference ${st.startupMs.toFixed(0)} ms (median of rounds); a bare worker thread ${st.bareWorkerMs.toFixed(0)} ms, ` +
    `one loading dist/worker.js ${st.workerBundleMs.toFixed(0)} ms`,
);
log(`load average (1 min) at each round's start: ${load.map((x) => x.toFixed(2)).join(', ')}`);
const out = { cores: availableParallelism(), rounds, sizes, load, rows, startup: st, runs, startupRuns: startup };
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(out, null, 2)}\n`);
