/**
 * The engine decides whether a stay outlasts its room by comparing the 32-bit draw with a
 * cached threshold instead of taking a logarithm (issue 17). The threshold must be exactly
 * the boundary of the stay-length expression, or outputs would move.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledModel } from '../src/compile/compile.js';
import { stayThreshold } from '../src/engine/kernel.js';

const TWO32 = 4294967296;
/** The engine's stay length for draw n (kernel.stayLength, per-citizen.ts). */
const stayLength = (n: number, L: number) => 1 + Math.floor(Math.log(1 - n / TWO32) / L);

describe('stayThreshold', () => {
  const stays = [1e-9, 0.01, 0.3, 0.5, 0.9, 0.97, 0.99, 0.9999, 0.999999, 1 - 2 ** -40];
  it('is the smallest draw whose stay outlasts the room, for every room up to 240 months', () => {
    const logStay = new Float64Array(stays.map(Math.log));
    const cm = { logStay } as unknown as CompiledModel;
    let checked = 0;
    for (let r = 0; r < stays.length; r++) {
      for (let room = 1; room <= 240; room++) {
        const n = stayThreshold(cm, r, room);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(TWO32);
        if (n < TWO32) expect(stayLength(n, logStay[r])).toBeGreaterThan(room);
        if (n > 0) expect(stayLength(n - 1, logStay[r])).toBeLessThanOrEqual(room);
        checked++;
      }
    }
    expect(checked).toBe(stays.length * 240);
  });
  it('agrees with (1 − stay^room) · 2³² to within one draw', () => {
    const logStay = new Float64Array([Math.log(0.97)]);
    const cm = { logStay } as unknown as CompiledModel;
    for (const room of [1, 12, 60, 120]) {
      expect(Math.abs(stayThreshold(cm, 0, room) - (1 - 0.97 ** room) * TWO32)).toBeLessThanOrEqual(1);
    }
  });
});
