/**
 * Timing on a shared machine: wait for a quiet moment before a run, and measure how much
 * CPU other processes took while it ran.
 *
 * The 1-minute load average is what the brief asks about, but this benchmark's own runs
 * raise it too (a 20-second run on two threads lifts it by about 0.5), so a run waits
 * until it has decayed below the limit. The direct measure of interference is the CPU
 * time of everything else during the run: the machine's busy time from /proc/stat minus
 * this process's own CPU time (all its threads), in cores. 0 means nobody else ran.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The machine's busy and steal time in seconds (USER_HZ ticks of 10 ms), or null off Linux. */
function machineCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = f;
    return { busy: (user + nice + system + irq + softirq) / 100, steal: (steal ?? 0) / 100 };
  } catch {
    return null;
  }
}

/**
 * Wait until the 1-minute load average is at most `maxLoad` (polling every 5 s, at most
 * `maxWaitSeconds`). Returns the load when it gave up or got there and the seconds waited.
 */
export async function waitForQuiet(maxLoad, maxWaitSeconds = 600, log = () => {}) {
  const t0 = Date.now();
  let said = false;
  while (os.loadavg()[0] > maxLoad && (Date.now() - t0) / 1000 < maxWaitSeconds) {
    if (!said) log(`  load ${os.loadavg()[0].toFixed(2)} > ${maxLoad}: waiting …`);
    said = true;
    await sleep(5000);
  }
  return { load1m: os.loadavg()[0], waitedSeconds: (Date.now() - t0) / 1000 };
}

/** Start measuring; `stop()` gives wall and CPU seconds and the cores other processes used. */
export function startMeter() {
  const m0 = machineCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const load1mAtStart = os.loadavg()[0];
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const cpuSeconds = (c.user + c.system) / 1e6;
      const m1 = machineCpu();
      const others = m0 && m1 ? Math.max(0, m1.busy - m0.busy - cpuSeconds) / seconds : null;
      const steal = m0 && m1 ? (m1.steal - m0.steal) / seconds : null;
      // Everything that ran, this process included (child processes are not "ours" above).
      const busy = m0 && m1 ? (m1.busy - m0.busy) / seconds : null;
      return {
        seconds,
        cpuSeconds,
        load1mAtStart,
        load1mAtEnd: os.loadavg()[0],
        otherCores: others,
        stealCores: steal,
        machineBusyCores: busy,
      };
    },
  };
}
