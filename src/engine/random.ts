/**
 * Random streams. The run's seed string is hashed by seedrandom into two 32-bit keys per
 * replicate; each citizen's stream is then an sfc32 generator whose state is hashed from
 * those keys and the citizen's index. So a replicate depends on (seed, replicate) only —
 * whichever worker runs it — and a citizen draws the same numbers in every scenario
 * (common random numbers).
 * @module
 */
import seedrandom from 'seedrandom';

/** Two 32-bit keys for replicate `r` of a run seeded with `seed`. */
export function replicateKeys(seed: string, r: number): [number, number] {
  const rng = seedrandom(`forlob:${seed}:${r}`);
  return [rng.int32(), rng.int32()];
}

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * A small generator on the same stream construction as the engine (for tests and
 * helpers): returns uniforms in [0, 1).
 */
export function citizenStream(k1: number, k2: number, citizen: number): () => number {
  let a = fmix32(k1 + Math.imul(citizen, 0x9e3779b9));
  let b = fmix32(a ^ k2);
  let c = fmix32(b + 0x7f4a7c15);
  let d = 1;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
