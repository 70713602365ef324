/** Split runs of a model with uncertain parameters merge to the whole run, variance split included (issue 13, item 2). */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/run/simulate.js';
import { mergeRuns } from '../src/summary/merge.js';
import { resultToJSON } from '../src/report/json.js';
import { keptReplicates } from '../src/summary/kept.js';
import { exampleModel } from './models.js';
import type { ModelInput } from '../src/params/input.js';

const uncertain = {
  ...exampleModel,
  parameters: { fsmJob: { dist: 'beta', alpha: 25, beta: 975 } },
  interventions: [{ id: 'fsm', monthlyCost: 1800, transitions: { kh: { job: { param: 'fsmJob' }, out: 0.008 } } }],
};

describe('merging split runs with uncertain parameters', () => {
  it('gives byte for byte the whole run, varianceShares included', async () => {
    const opts = { replicates: 40, seed: 'split' };
    const whole = await simulate(uncertain as ModelInput, opts);
    expect(whole.scenarios[0].varianceShares).toBeDefined();
    const parts = await Promise.all(
      [
        [0, 15],
        [15, 40],
      ].map(async (range) => {
        const r = await simulate(uncertain as ModelInput, { ...opts, replicateRange: range as [number, number] });
        // A part alone has no split to report, only its rows of the chance pass.
        expect(r.scenarios[0].varianceShares).toBeUndefined();
        return JSON.parse(JSON.stringify({ ...resultToJSON(r), kept: keptReplicates(r, uncertain) }));
      }),
    );
    const merged = mergeRuns(parts);
    expect(JSON.stringify(resultToJSON(merged))).toBe(JSON.stringify(resultToJSON(whole)));
    // Parts past the first 500 replicates keep no chance rows and need none.
    const late = await simulate(uncertain as ModelInput, { replicates: 600, seed: 's', replicateRange: [550, 560] });
    expect(keptReplicates(late, uncertain).chance).toBeUndefined();
  });

  it('refuses chance rows of the wrong length', async () => {
    const r = await simulate(uncertain as ModelInput, { replicates: 10, seed: 'x' });
    const part = JSON.parse(JSON.stringify({ ...resultToJSON(r), kept: keptReplicates(r, uncertain) }));
    part.kept.chance = part.kept.chance.slice(1);
    expect(() => mergeRuns([part], ['a.json'])).toThrow(/a\.json\.kept\.chance: expected \d+ values/);
  });
});
