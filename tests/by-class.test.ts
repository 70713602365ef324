/**
 * Results by covariate class (issue 16, item 2: `--by sex`): a fitted model's groups record
 * their classes; the per-class figures add up to the whole, replicate by replicate.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitModel } from '../src/fit/estimate.js';
import { panelToCSV } from '../src/fit/panel.js';
import { METRICS } from '../src/engine/reduce/metrics.js';
import { classBreakdown, classColumns, simulate, validateModel } from '../src/index.js';
import { identityStateMap, synthPanel } from '../src/synth/synth.js';
import { sexModel } from './fit-models.js';
import { cli, problemsOf, tempDir } from './helpers.js';

const panel = synthPanel(sexModel(), { seed: '5', months: 18, columns: { sex: { f: 'f', m: 'm' } } });

describe('classes on fitted groups', () => {
  it('every fitted group records its class; the field is validated', () => {
    const { model } = fitModel(panel, { classes: ['sex'], horizonMonths: 12 });
    expect(new Set(model.groups.map((g) => g.classes?.sex))).toEqual(new Set(['f', 'm']));
    for (const g of model.groups) expect(g.id.split('/')[1]).toBe(g.classes!.sex);
    expect(classColumns(model)).toEqual(['sex']);
    const bad = { ...sexModel(), groups: [{ ...sexModel().groups[0], classes: { sex: '' } }, sexModel().groups[1]] };
    const p = problemsOf(() => validateModel(bad));
    expect(p[0].path).toBe('groups[0].classes.sex');
  });

  it('per class, the figures add up to the whole in every replicate', async () => {
    const { model } = fitModel(panel, { classes: ['sex'], horizonMonths: 12 });
    const result = await simulate(model, { replicates: 30, seed: 'c' });
    const b = classBreakdown(result, model, 'sex');
    expect(b.levels.sort()).toEqual(['f', 'm']);
    const { values, layout } = result.raw;
    const M = METRICS.length;
    const per = (layout.G + 1) * M;
    const at = (r: number, m: string) => values[r * per + layout.G * M + METRICS.indexOf(m as never)];
    const [f, m] = b.scenarios[0].classes;
    for (let r = 0; r < 30; r++) {
      const N = f.counts[r] + m.counts[r];
      // successes: the classes' rates times their citizens make the total's
      const successes = f.draws.successRate[r] * f.counts[r] + m.draws.successRate[r] * m.counts[r];
      expect(successes).toBeCloseTo(at(r, 'successRate') * N, 6);
      expect(f.draws.benefitMonths[r] * f.counts[r] + m.draws.benefitMonths[r] * m.counts[r]).toBeCloseTo(
        at(r, 'benefitMonths') * N,
        6,
      );
      expect(f.draws.transferCost[r] + m.draws.transferCost[r]).toBeCloseTo(at(r, 'transferCost'), 3);
      expect(Number.isNaN(f.draws.monthsToExitMedian[r])).toBe(true);
    }
    // the inflow is drawn per replicate, and the counts follow it
    expect(new Set(f.counts).size).toBeGreaterThan(1);
    // the generating model: women leave kh for a job 1.4 times as often
    expect(f.metrics.successRate.mean!).toBeGreaterThan(m.metrics.successRate.mean!);
  });

  it('an unknown covariate is an error naming the valid ones', async () => {
    const { model } = fitModel(panel, { classes: ['sex'], horizonMonths: 6 });
    const result = await simulate(model, { replicates: 2, seed: 'c' });
    expect(problemsOf(() => classBreakdown(result, model, 'age'))[0].message).toMatch(/have sex/);
  });
});

describe('forlob run --by COVARIATE', () => {
  const dir = tempDir();
  const csv = join(dir, 'panel.csv');
  const map = join(dir, 'map.json');
  const fitted = join(dir, 'fitted.json');
  writeFileSync(csv, [...panelToCSV(panel)].join(''));
  writeFileSync(map, JSON.stringify(identityStateMap(sexModel())));

  it('fits with a sex covariate and breaks the run down by sex', () => {
    const f = cli(['fit', csv, '--states', map, '--covariates', 'sex', '--horizon', '12', '--out', fitted]);
    expect(f.code).toBe(0);
    const r = cli(['run', fitted, '--replicates', '20', '--by', 'sex', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/per sex \(its groups added up/);
    expect(r.stdout).toMatch(/fitted\s+sex=f [\d,]+\s+sex=m [\d,]+/);
    expect(r.stdout).toMatch(/success rate at horizon, %\s+\S+ \(/);
  });

  it('names the valid --by values for an unknown one', () => {
    const r = cli(['run', fitted, '--replicates', '5', '--by', 'age', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by: expected one of group, arm, sex, got "age"');
  });
});
