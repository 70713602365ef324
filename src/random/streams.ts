/**
 * Every seeded stream of a run, in one place, so no two of them can share a key by
 * accident and none changes without this file changing.
 *
 * - `forlob:<seed>:<r>` → two 32-bit keys per replicate ({@link replicateKeys}); each
 *   citizen's stream is an sfc32 generator whose state is hashed from those keys and the
 *   citizen's index ({@link seedCitizen}). So a replicate depends on (seed, replicate)
 *   only, whichever worker runs it, and a citizen draws the same numbers in every
 *   scenario (common random numbers).
 * - The steering's own stream (its random picks): the citizen construction at index 0 with
 *   the second key salted ({@link steeringStream}).
 * - `forlob:<seed>:<r>:parameters` → the replicate's parameter draws ({@link parameterStream}).
 * - `forlob:<seed>:decision` → the decision figures' resampling ({@link decisionStream}).
 *
 * The sfc32 step is written once here ({@link sfc32Next}); the per-citizen hot loop keeps
 * marked inline copies of it, because a call per draw measured slower there.
 * @module
 */
import seedrandom from 'seedrandom';

/** Two 32-bit keys for replicate `r` of a run seeded with `seed`. */
export function replicateKeys(seed: string, r: number): [number, number] {
  const rng = seedrandom(`forlob:${seed}:${r}`);
  return [rng.int32(), rng.int32()];
}

/** Uniforms in [0, 1) for replicate `r`'s parameter draws (its own stream, apart from the citizens'). */
export function parameterStream(seed: string, r: number): () => number {
  const rng = seedrandom(`forlob:${seed}:${r}:parameters`);
  return () => rng.double();
}

/** Uniforms in [0, 1) for the decision figures of a run seeded with `seed`. */
export function decisionStream(seed: string): () => number {
  const rng = seedrandom(`forlob:${seed}:decision`);
  return () => rng.double();
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

/** The multiplier spreading citizen indices over the first key (the golden ratio in 32 bits). */
export const GOLDEN = 0x9e3779b9 | 0;

/** 2⁻³², turning a 32-bit unsigned integer into a uniform in [0, 1). */
export const INV_2_32 = 1 / 4294967296;

/**
 * Seed citizen `citizen`'s sfc32 state into `state[o … o + 3]` (a, b, c, d) from the
 * replicate keys `k1`, `k2`.
 */
export function seedCitizen(state: Int32Array, o: number, k1: number, k2: number, citizen: number): void {
  const a = fmix32(k1 + Math.imul(citizen, GOLDEN));
  const b = fmix32(a ^ k2);
  state[o] = a;
  state[o + 1] = b;
  state[o + 2] = fmix32(b + 0x7f4a7c15);
  state[o + 3] = 1;
}

/** One sfc32 step on the state at `state[o … o + 3]`: the next uniform in [0, 1). */
export function sfc32Next(state: Int32Array, o: number): number {
  const a = state[o];
  const b = state[o + 1];
  const c = state[o + 2];
  const d = state[o + 3];
  const t = (((a + b) | 0) + d) | 0;
  state[o + 3] = (d + 1) | 0;
  state[o] = b ^ (b >>> 9);
  state[o + 1] = (c + (c << 3)) | 0;
  state[o + 2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return (t >>> 0) * INV_2_32;
}

/** Citizen `citizen`'s stream as a function returning uniforms in [0, 1) (for tests and helpers). */
export function citizenStream(k1: number, k2: number, citizen: number): () => number {
  const state = new Int32Array(4);
  seedCitizen(state, 0, k1, k2, citizen);
  return () => sfc32Next(state, 0);
}

/** Salt of the steering's own stream, apart from every citizen's. */
const STEER_SALT = 0x2545f491;

/** The stream of a steering's random picks in the replicate keyed `k1`, `k2`. */
export function steeringStream(k1: number, k2: number): () => number {
  return citizenStream(k1, k2 ^ STEER_SALT, 0);
}
