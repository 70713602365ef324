/**
 * The engine's inlined generator is exactly the documented per-citizen stream: in a
 * one-month model a citizen leaves iff its first uniform falls below the exit probability,
 * so the engine's count must equal the count from citizenStream, citizen by citizen.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../src/compile/compile.js';
import { citizenStream, replicateKeys } from '../src/random/streams.js';
import { createAccumulator } from '../src/engine/kernel.js';
import { simulateScenarioPerCitizen } from '../src/engine/per-citizen.js';
import { validateModel } from '../src/model/validate.js';

describe('random streams', () => {
  it('the hot loop draws what citizenStream documents', () => {
    const p = 0.37;
    const cm = compileModel(
      validateModel({
        name: 'one draw',
        horizonMonths: 1,
        states: [
          { id: 'kh', kind: 'benefit' },
          { id: 'job', kind: 'success' },
        ],
        transitions: { kh: { job: p } },
        groups: [{ id: 'g', size: 5000, initialState: 'kh' }],
        scenarios: [{ id: 's' }],
      }),
    );
    for (const r of [0, 1, 17]) {
      const [k1, k2] = replicateKeys('streams', r);
      const acc = createAccumulator(cm);
      simulateScenarioPerCitizen(cm, cm.scenarios[0], k1, k2, acc);
      let expected = 0;
      for (let i = 0; i < 5000; i++) if (citizenStream(k1, k2, i)() < p) expected++;
      expect(acc.final[1]).toBe(expected);
    }
  });
  it('replicate keys depend on seed and replicate only', () => {
    expect(replicateKeys('a', 3)).toEqual(replicateKeys('a', 3));
    expect(replicateKeys('a', 3)).not.toEqual(replicateKeys('a', 4));
    expect(replicateKeys('a', 3)).not.toEqual(replicateKeys('b', 3));
  });
});
