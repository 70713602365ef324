/**
 * How many uniforms per second one core can produce, as a ceiling for any engine that
 * draws one uniform per citizen-month. Bare loops that sum the draws (so V8 cannot drop
 * them) for:
 *   - sfc32 inlined exactly as in src/engine/per-citizen.ts,
 *   - the same plus Math.log of the draw (what a geometric jump costs per draw),
 *   - seedrandom's default generator (ARC4) and its alea generator, called through
 *     their closures as a user of seedrandom would.
 * Each is timed a few times and the best pass is kept (the first pass includes JIT warm-up).
 *
 *   node bench/uniforms.mjs [--draws 100000000] [--passes 3]
 * Prints JSON.
 */
import seedrandom from 'seedrandom';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const DRAWS = arg('--draws', 1e8);
const PASSES = arg('--passes', 3);
const INV_2_32 = 1 / 4294967296;

function sfc32Loop(n) {
  // State as the engine derives it for some citizen; any non-degenerate state will do.
  let ra = 0x243f6a88 | 0,
    rb = 0x85a308d3 | 0,
    rc = 0x13198a2e | 0,
    rd = 1,
    rt = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    rt = (((ra + rb) | 0) + rd) | 0;
    rd = (rd + 1) | 0;
    ra = rb ^ (rb >>> 9);
    rb = (rc + (rc << 3)) | 0;
    rc = (rc << 21) | (rc >>> 11);
    rc = (rc + rt) | 0;
    sum += (rt >>> 0) * INV_2_32;
  }
  return sum;
}

function sfc32LogLoop(n) {
  let ra = 0x243f6a88 | 0,
    rb = 0x85a308d3 | 0,
    rc = 0x13198a2e | 0,
    rd = 1,
    rt = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    rt = (((ra + rb) | 0) + rd) | 0;
    rd = (rd + 1) | 0;
    ra = rb ^ (rb >>> 9);
    rb = (rc + (rc << 3)) | 0;
    rc = (rc << 21) | (rc >>> 11);
    rc = (rc + rt) | 0;
    sum += Math.log(1 - (rt >>> 0) * INV_2_32);
  }
  return sum;
}

function closureLoop(rng, n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += rng();
  return sum;
}

function measure(name, n, run) {
  let best = Infinity;
  let sum = 0;
  for (let p = 0; p < PASSES; p++) {
    const t0 = performance.now();
    sum = run(n);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  // Printing the sum keeps the loop observable.
  return { name, draws: n, seconds: best, perSecond: n / best, nsPerDraw: (best * 1e9) / n, checksum: sum };
}

// seedrandom's generators are far slower, so fewer draws keep the run short.
const results = [
  measure('sfc32 (engine, inlined)', DRAWS, sfc32Loop),
  measure('sfc32 + Math.log (one geometric jump)', DRAWS / 2, sfc32LogLoop),
  measure('seedrandom default (ARC4)', DRAWS / 10, (n) => closureLoop(seedrandom('bench'), n)),
  measure('seedrandom alea', DRAWS / 4, (n) => closureLoop(seedrandom.alea('bench'), n)),
];
console.log(JSON.stringify({ node: process.version, passes: PASSES, results }, null, 2));
