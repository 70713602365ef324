/**
 * The ceiling of a 2-thread speed-up on this machine: the reference model on one thread
 * (`workers: 1`) in one child process alone, then in two child processes at once. If two
 * processes that share nothing each take longer than one alone, the cores slow each other
 * (shared caches, memory bandwidth, the hypervisor) and no thread count can beat
 * 2 × alone / together. Alternates alone/together for `--rounds` rounds; prints medians.
 *
 *   npm run build --silent && node bench/parallel-ceiling.mjs [--rounds 3] [--replicates 1000]
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const value = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const rounds = Number(value('--rounds', 3));
const replicates = Number(value('--replicates', 1000));
const child = `
import { referenceModel } from ${JSON.stringify(new URL('./reference-model.mjs', import.meta.url).href)};
const { simulate } = await import(${JSON.stringify(new URL('../dist/node.js', import.meta.url).href)});
const model = referenceModel();
await simulate(model, { replicates: 20, seed: 'warm', workers: 1 });
const t0 = performance.now();
await simulate(model, { replicates: ${replicates}, seed: 'ceiling', workers: 1 });
console.log((performance.now() - t0) / 1000);
`;
const one = () =>
  new Promise((res, rej) => {
    const p = spawn(process.execPath, ['--input-type=module', '-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.on('exit', (code) => (code === 0 ? res(Number(out.trim())) : rej(new Error(`child exited ${code}`))));
  });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const alone = [];
const together = [];
for (let r = 0; r < rounds; r++) {
  const load = loadavg()[0];
  alone.push(await one());
  const both = await Promise.all([one(), one()]);
  together.push(Math.max(...both));
  console.error(
    `round ${r + 1} (load ${load.toFixed(2)}): alone ${alone.at(-1).toFixed(2)} s, two at once ${both.map((x) => x.toFixed(2)).join(' / ')} s`,
  );
}
const a = median(alone);
const t = median(together);
console.error(
  `median: alone ${a.toFixed(2)} s, two at once ${t.toFixed(2)} s (slowest of the pair); ceiling of a 2-thread speed-up ${((2 * a) / t).toFixed(2)}×`,
);
