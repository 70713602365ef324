/**
 * `forlob fit` end to end: a synthetic panel fitted and the fitted model run with `forlob
 * run`; a bad row stops it with the line and nothing written; `--drop-bad` counts it; the
 * usage names every flag.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityStateMap } from '../src/synth/synth.js';
import { synthModel } from './fit-models.js';
import { cli, tempDir } from './helpers.js';

describe('forlob fit', () => {
  const dir = tempDir();
  const model = join(dir, 'model.json');
  const map = join(dir, 'map.json');
  const panel = join(dir, 'panel.csv');
  const fitted = join(dir, 'fitted.json');
  writeFileSync(
    model,
    JSON.stringify({
      ...synthModel(),
      groups: [{ id: 'kh', size: 800, initialState: 'kh', inflow: { perMonth: 15 } }],
    }),
  );
  writeFileSync(map, JSON.stringify({ ...identityStateMap(synthModel()), group: 'group' }));

  it('fits a synthetic panel, and the fitted model runs', () => {
    expect(cli(['synth', model, '--months', '24', '--seed', '2', '--out', panel]).code).toBe(0);
    const r = cli(['fit', panel, '--states', map, '--bands', '0,6', '--horizon', '12', '--out', fitted]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^forlob: read \d+ rows, kept \d+\n/);
    const m = JSON.parse(readFileSync(fitted, 'utf8'));
    expect(m.horizonMonths).toBe(12);
    expect(m.start).toBe('2021-12');
    expect(m.duration.bands).toEqual([0, 6]);
    const run = cli(['run', fitted, '--replicates', '20', '--format', 'json', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scenarios[0].id).toBe('fitted');
  });

  it('stops at a bad row with its line, writing nothing; --drop-bad drops and counts it', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${readFileSync(panel, 'utf8')}p000001,2021-12,XX,kh\n`);
    const lines = readFileSync(bad, 'utf8').trim().split('\n').length;
    const out = join(dir, 'never.json');
    const r = cli(['fit', bad, '--states', map, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `forlob: panel line ${lines}: unknown status code "XX" (expected one of the map's codes: kh, job, out)\n`,
    );
    expect(existsSync(out)).toBe(false);
    const d = cli(['fit', bad, '--states', map, '--drop-bad', '--out', out]);
    expect(d.code).toBe(0);
    expect(d.stderr).toContain(`dropped 1: 1 unknown code (first: line ${lines}, unknown status code "XX"`);
    expect(existsSync(out)).toBe(true);
  });

  it('names a bad --bands and a missing --states', () => {
    expect(cli(['fit', panel, '--states', map, '--bands', '0,6,3']).stderr).toBe(
      'forlob: --bands: expected whole months ascending from 0, like "0,6,12,24", got "0,6,3"\n',
    );
    expect(cli(['fit', panel]).stderr).toContain('forlob: --states: expected a state map');
    const clock = cli(['fit', panel, '--states', map, '--bands', '0,6', '--clock', 'spell']);
    expect(clock.code).toBe(2);
    expect(clock.stderr).toMatch(/--clock: .*state.*benefit/);
    const onBenefit = JSON.parse(cli(['fit', panel, '--states', map, '--bands', '0,6', '--clock', 'benefit']).stdout);
    expect(onBenefit.duration.clock).toBe('benefit');
  });

  it('lists its flags in --help', () => {
    const h = cli(['fit', '--help']).stdout;
    for (const f of ['--states', '--bands', '--clock', '--covariates', '--group', '--drop-bad', '--horizon', '--out'])
      expect(h).toContain(f);
  });
});
