/**
 * The lockstep engine looks a stay's length up by the draw's top bits where no threshold
 * splits the slot (engine/lockstep/stays.ts, issue 17). The table must give exactly the
 * length the logarithm gives, or outputs would move.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledModel } from '../src/compile/compile.js';
import { buildTable, CAP, SHIFT } from '../src/engine/lockstep/stays.js';

const TWO32 = 4294967296;
/** The engine's stay length for draw n (kernel.stayLength, per-citizen.ts). */
const stayLength = (n: number, L: number) => 1 + Math.floor(Math.log(1 - n / TWO32) / L);

describe('stay table', () => {
  const stays = [1e-9, 0.01, 0.3, 0.5, 0.9, 0.97, 0.99, 0.9999, 1 - 2 ** -40];
  const logStay = new Float64Array(stays.map(Math.log));
  const cm = { logStay } as unknown as CompiledModel;
  const width = 2 ** SHIFT;

  it('gives the length of every draw of a slot it decides, at both ends and inside', () => {
    let decided = 0;
    let checked = 0;
    for (let r = 0; r < stays.length; r++) {
      const table = buildTable(cm, r);
      for (let q = 0; q < table.length; q++) {
        const v = table[q];
        if (v === 0) continue;
        decided++;
        // Both ends and a spread of draws inside (the length only grows with the draw).
        for (const n of [q * width, q * width + 1, q * width + 0x5a5a5, q * width + width / 2, (q + 1) * width - 1]) {
          const k = stayLength(n, logStay[r]);
          if (v < CAP) expect(k).toBe(v);
          else expect(k).toBeGreaterThanOrEqual(CAP);
          checked++;
        }
      }
    }
    expect(checked).toBe(5 * decided);
  });

  it('leaves 0 only in slots a threshold splits', () => {
    for (let r = 0; r < stays.length; r++) {
      const table = buildTable(cm, r);
      for (let q = 0; q < table.length; q++) {
        if (table[q] !== 0) continue;
        const a = stayLength(q * width, logStay[r]);
        expect(a).toBeLessThan(CAP);
        expect(stayLength((q + 1) * width - 1, logStay[r])).toBeGreaterThan(a);
      }
    }
  });

  it('decides most draws on a reference-model row (3 % a month leave)', () => {
    const table = buildTable({ logStay: new Float64Array([Math.log(0.97)]) } as unknown as CompiledModel, 0);
    const split = table.filter((v) => v === 0).length;
    // At most one split slot per length below CAP (254 of 4,096); lengths crowd together
    // near the top, so fewer: 95 % of draws are looked up.
    expect(split).toBeLessThanOrEqual(CAP - 1);
    expect(split / table.length).toBeLessThan(0.05);
  });
});
