/**
 * Per-arm results (group × intervention): every arm's metrics against the exact matrix-
 * power values, arm rows adding up to the group rows, paired differences only for arms both
 * scenarios have (and exactly 0 for an arm holding the same citizens with the same
 * intervention), no arm rows for a steered scenario; and through the built CLI: split runs
 * merge to the whole run and 1 and 2 workers give the same bytes, arms included.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTable, keptReplicates, mergeRuns, presets, simulate, type SimulationResult } from '../src/index.js';
import { renderReport } from '../src/report/html.js';
import { resultToWorkbook } from '../src/report/xlsx.js';
import { M, METRICS, type MetricName } from '../src/engine/reduce/metrics.js';
import { exactArmMetrics, groupArms } from './exact.js';
import { cli, tempDir } from './helpers.js';
import { armsModel } from './models.js';

const R = 1000;
let result: SimulationResult;

beforeAll(async () => {
  result = await simulate(armsModel, { replicates: R, seed: 'arms' });
});

const key = (group: string, iv: string | null) => `${group}/${iv ?? 'none'}`;

describe('per-arm metrics against the exact oracle', () => {
  it('lists exactly the arms with citizens, with their counts', () => {
    for (const sc of armsModel.scenarios) {
      const expected = armsModel.groups.flatMap((g) =>
        groupArms(sc, g)
          .filter(([, n]) => n > 0)
          .map(([iv, n]) => [key(g.id, iv), n]),
      );
      const got = result.scenarios
        .find((s) => s.id === sc.id)!
        .arms.map((a) => [key(a.group, a.intervention), a.count] as [string, number]);
      expect(new Map(got)).toEqual(new Map(expected as [string, number][]));
      for (const a of result.scenarios.find((s) => s.id === sc.id)!.arms) expect(a.basis).toBe('allocated');
    }
    expect(result.scenarios.find((s) => s.id === 'all')!.arms.map((a) => key(a.group, a.intervention))).toEqual([
      'a/ips',
      'b/light',
    ]);
  });

  it("matches each arm's exact means within 4 Monte Carlo SE and the binomial sd within 15 %", () => {
    const exact = exactArmMetrics(armsModel);
    let checked = 0;
    for (const sc of result.scenarios) {
      for (const arm of sc.arms) {
        const ex = exact[sc.id][key(arm.group, arm.intervention)];
        expect(ex, `${sc.id} ${key(arm.group, arm.intervention)}`).toBeDefined();
        expect(arm.count).toBe(ex.count);
        const within = (name: MetricName, value: number) => {
          const s = arm.metrics[name];
          const tol = Math.max((4 * s.sd!) / Math.sqrt(R), 1e-9 * Math.max(1, Math.abs(value)));
          expect(
            Math.abs(s.mean! - value),
            `${sc.id} ${key(arm.group, arm.intervention)} ${name}: ${s.mean} vs exact ${value}`,
          ).toBeLessThanOrEqual(tol);
          checked++;
        };
        within('successRate', ex.successRate.mean);
        within('benefitMonths', ex.benefitMonths);
        within('transferCost', ex.transferCost);
        within('interventionCost', ex.interventionCost);
        const exactSd = Math.sqrt(ex.successRate.variance);
        expect(Math.abs(arm.metrics.successRate.mean! - ex.successRate.mean)).toBeLessThanOrEqual(
          (4 * exactSd) / Math.sqrt(R) + 1e-12,
        );
        expect(
          Math.abs(arm.metrics.successRate.sd! / exactSd - 1),
          `${sc.id} ${key(arm.group, arm.intervention)} sd ${arm.metrics.successRate.sd} vs ${exactSd}`,
        ).toBeLessThanOrEqual(0.15);
      }
    }
    expect(checked).toBe(4 * result.scenarios.reduce((n, s) => n + s.arms.length, 0));
    expect(checked).toBeGreaterThanOrEqual(40);
  });
});

describe('arm rows and group rows', () => {
  it('arm rows add up (count-weighted) to the group rows in every replicate, and groups plus the fixed cost to the total', () => {
    const G = armsModel.groups.length;
    const A = armsModel.interventions!.length + 1;
    const Sc = armsModel.scenarios.length;
    const values = result.values;
    const arms = result.armValues!;
    expect(arms).toHaveLength(R * Sc * G * A * M);
    const perCitizen: MetricName[] = ['successRate', 'benefitMonths', 'paidHoursRate', 'waitingMonths'];
    const sums: MetricName[] = [
      'transferCost',
      'interventionCost',
      'netTransferCost',
      'premiumIncome',
      'municipalCost',
    ];
    let checked = 0;
    for (let r = 0; r < R; r++) {
      for (let s = 0; s < Sc; s++) {
        const sc = armsModel.scenarios[s];
        const total = (m: number) => values[((r * Sc + s) * (G + 1) + G) * M + m];
        const groupSum = new Float64Array(M);
        armsModel.groups.forEach((g, gi) => {
          const counts = groupArms(sc, g);
          const ivs = [null, ...armsModel.interventions!.map((iv) => iv.id)];
          const group = (m: number) => values[((r * Sc + s) * (G + 1) + gi) * M + m];
          for (const name of [...perCitizen, ...sums]) {
            const m = METRICS.indexOf(name);
            let sum = 0;
            for (let a = 0; a < A; a++) {
              const n = counts.find(([iv]) => iv === ivs[a])?.[1] ?? 0;
              const x = arms[((r * Sc + s) * G * A + gi * A + a) * M + m];
              if (n === 0) {
                expect(Number.isNaN(x)).toBe(true);
                continue;
              }
              sum += perCitizen.includes(name) ? n * x : x;
            }
            const want = perCitizen.includes(name) ? g.size * group(m) : group(m);
            expect(Math.abs(sum - want), `replicate ${r} ${sc.id} ${g.id} ${name}`).toBeLessThanOrEqual(
              1e-9 * Math.max(1, Math.abs(want)),
            );
            groupSum[m] += group(m);
            checked++;
          }
        });
        // The fixed monthly cost (no discounting here) is in the total only.
        const ic = METRICS.indexOf('interventionCost');
        const fixed = (sc.fixedMonthlyCost ?? 0) * armsModel.horizonMonths;
        expect(Math.abs(groupSum[ic] + fixed - total(ic))).toBeLessThanOrEqual(1e-9 * total(ic));
      }
    }
    expect(checked).toBe(R * Sc * 2 * 9);
  });

  it('the summary table has an arm column: "all" for totals and groups, group/intervention for arms', () => {
    const rows = result.summary.objects() as {
      scenario: string;
      group: string;
      arm: string;
      metric: string;
      mean: number;
    }[];
    expect(result.summary.columnNames()).toEqual(['scenario', 'group', 'arm', 'metric', 'mean', 'sd', 'lo', 'hi']);
    const old = rows.filter((r) => r.arm === 'all');
    expect(old).toHaveLength(armsModel.scenarios.length * (armsModel.groups.length + 1) * M);
    const armRows = rows.filter((r) => r.arm !== 'all');
    expect(armRows).toHaveLength(result.scenarios.reduce((n, s) => n + s.arms.length, 0) * M);
    const today = result.scenarios[0];
    const fsm = armRows.find((r) => r.scenario === 'today' && r.arm === 'a/none' && r.metric === 'successRate')!;
    expect(fsm.group).toBe('a');
    expect(fsm.mean).toBe(today.arms.find((a) => a.group === 'a' && a.intervention === null)!.metrics.successRate.mean);
    // armDraws: one row per replicate, scenario and arm; draws keeps groups and totals.
    expect(result.armDraws!.numRows()).toBe(R * result.scenarios.reduce((n, s) => n + s.arms.length, 0));
    expect(result.armDraws!.columnNames().slice(0, 5)).toEqual([
      'replicate',
      'scenario',
      'group',
      'intervention',
      'arm',
    ]);
    expect(result.draws.numRows()).toBe(R * armsModel.scenarios.length * (armsModel.groups.length + 1));
  });
});

describe('paired differences per arm', () => {
  it('exist exactly for the arms both the scenario and the baseline have', () => {
    const arms = (id: string) =>
      new Set(result.scenarios.find((s) => s.id === id)!.arms.map((a) => key(a.group, a.intervention)));
    for (const c of result.comparisons) {
      const shared = [...arms(c.scenario)].filter((k) => arms(c.baseline).has(k));
      expect(c.arms.map((a) => key(a.group, a.intervention))).toEqual(shared);
    }
    const shifted = result.comparisons.find((c) => c.scenario === 'shifted')!;
    expect(shifted.arms.map((a) => key(a.group, a.intervention))).toEqual([
      'a/none',
      'a/ips',
      'a/light',
      'b/none',
      'b/light',
    ]);
    expect(result.comparisons.find((c) => c.scenario === 'all')!.arms.map((a) => key(a.group, a.intervention))).toEqual(
      ['a/ips', 'b/light'],
    );
  });

  it('are exactly 0 for an arm holding the same citizens with the same intervention, and not for one whose citizens change', () => {
    // b/light: the first 200 of group b in both today and shifted.
    const same = result.comparisons
      .find((c) => c.scenario === 'shifted')!
      .arms.find((a) => a.group === 'b' && a.intervention === 'light')!;
    for (const name of METRICS) {
      const d = same.metrics[name];
      if (Number.isNaN(d.mean)) continue;
      expect([d.mean, d.sd, d.lo, d.hi], name).toEqual([0, 0, 0, 0]);
    }
    // b/none: citizens 200–399 in today, 300–399 in shifted.
    const moved = result.comparisons
      .find((c) => c.scenario === 'shifted')!
      .arms.find((a) => a.group === 'b' && a.intervention === null)!;
    expect(moved.metrics.successRate.sd).toBeGreaterThan(0);
  });
});

describe('scenarios where citizens change arm', () => {
  let randers: SimulationResult;
  beforeAll(async () => {
    randers = await simulate(presets['randers-2025'].model, { replicates: 40, seed: 'arms' });
  });

  it('a steered scenario has no arm rows (NaN in the raw rows) and no arm comparisons; a capacity marks the basis', () => {
    const steered = randers.scenarios.find((s) => s.id === 'today-steered')!;
    expect(steered.arms).toEqual([]);
    expect(randers.comparisons.find((c) => c.scenario === 'today-steered')!.arms).toEqual([]);
    const s = randers.scenarios.findIndex((x) => x.id === 'today-steered');
    const per = randers.armValues!.length / (40 * randers.scenarios.length);
    for (let r = 0; r < 40; r++)
      for (let i = 0; i < per; i++) expect(randers.armValues![(r * randers.scenarios.length + s) * per + i]).toBeNaN();
    // fsm has a capacity in the preset: today's arms are booked with it.
    expect(randers.scenarios[0].arms.map((a) => a.basis)).toEqual(randers.scenarios[0].arms.map(() => 'capacity'));
    expect(randers.scenarios[0].arms.length).toBeGreaterThan(0);
  });
});

describe('reports', () => {
  it('the text table prints per-arm and per-group tables on request, and nothing more without', () => {
    const plain = formatTable(result);
    expect(formatTable(result, {})).toBe(plain);
    const byArm = formatTable(result, { by: 'arm' });
    expect(byArm.startsWith(plain.slice(0, -1))).toBe(true);
    expect(byArm).toMatch(/per arm \(group\/intervention, citizens allocated\)/);
    expect(byArm).toMatch(/today\s+a\/none 180\s+a\/ips 300\s+a\/light 120\s+b\/none 200\s+b\/light 200/);
    expect(byArm).toMatch(
      /shifted − today\s+a\/none 180\s+a\/ips 120 vs 300\*\s+a\/light 300 vs 120\*\s+b\/none 100 vs 200\*\s+b\/light 200/,
    );
    expect(byArm).toMatch(/^\* the arm holds a different number of citizens/m);
    const byGroup = formatTable(result, { by: 'group' });
    expect(byGroup).toMatch(/today\s+a 600\s+b 400/);
    expect(byGroup).toMatch(/paired differences against the baseline per group:/);
  });

  it('the workbook has an Arms sheet holding every arm × metric summary', async () => {
    const file = join(tempDir(), 'arms.xlsx');
    writeFileSync(file, await resultToWorkbook(result, armsModel));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toContain('Arms');
    const ws = wb.getWorksheet('Arms')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    let checked = 0;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.cellCount === 0) break;
      const o = Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])) as Record<string, unknown>;
      const arm = result.scenarios
        .find((s) => s.id === o.scenario)!
        .arms.find((a) => a.group === o.group && (a.intervention ?? '(none)') === o.intervention)!;
      expect(o.citizens).toBe(arm.count);
      const s = arm.metrics[o.metric as MetricName];
      expect(o.mean).toBe(Number.isFinite(s.mean) ? s.mean : null);
      checked++;
    }
    expect(checked).toBe(result.scenarios.reduce((n, s) => n + s.arms.length, 0) * M);
  });

  it('the HTML report has a per-arm section in English and Danish', async () => {
    for (const lang of ['en', 'da'] as const) {
      const page = await renderReport(result, armsModel, { lang });
      const at = page.indexOf('<section id="arms">');
      expect(at).toBeGreaterThan(0);
      const section = page.slice(at, page.indexOf('</section>', at));
      // At most four arms side by side (three in a table of differences, two columns each).
      const tables = result.scenarios.reduce((n, s) => n + Math.ceil(s.arms.length / 4), 0);
      expect(section.match(/<table class="numbers arms" data-scenario="[^"]+">/g)).toHaveLength(tables);
      const diffTables = result.comparisons.reduce((n, c) => n + Math.ceil((c.arms?.length ?? 0) / 3), 0);
      expect(section.match(/data-baseline="today"/g)).toHaveLength(diffTables);
      expect(diffTables).toBeGreaterThanOrEqual(2);
      expect(section).toContain(lang === 'en' ? 'a/none (180 citizens)' : 'a/ingen (180 borgere)');
      expect(section).toContain(lang === 'en' ? '<h2>Per arm</h2>' : '<h2>Pr. indsats</h2>');
    }
  });
});

describe('split runs and workers (built CLI)', () => {
  it('a split-and-merged run equals the whole run, arms included; kept parts without arms merge without them', () => {
    const dir = tempDir();
    const modelFile = join(dir, 'arms.json');
    writeFileSync(modelFile, JSON.stringify(armsModel));
    const args = ['run', modelFile, '--replicates', '60', '--seed', 'split', '--format', 'json'];
    const whole = cli([...args, '--workers', '2']);
    expect(whole.code).toBe(0);
    const json = JSON.parse(whole.stdout);
    expect(
      json.scenarios[0].arms.map((a: { group: string; intervention: string | null }) => key(a.group, a.intervention)),
    ).toEqual(['a/none', 'a/ips', 'a/light', 'b/none', 'b/light']);
    expect(json.comparisons[0].arms.length).toBe(5);
    const parts = ['0:17', '17:60'].map((range, i) => {
      const f = join(dir, `p${i}.json`);
      expect(
        cli([...args, '--keep-replicates', '--replicate-range', range, '--workers', String(i + 1), '--out', f]).code,
      ).toBe(0);
      return f;
    });
    const kept = JSON.parse(readFileSync(parts[0], 'utf8')).kept;
    expect(kept.arms).toHaveLength(17 * 3 * 2 * 3 * M);
    // Cells nobody holds are null: in "all" (scenario 2) a/none, a/light, b/none, b/ips.
    for (let r = 0; r < 17; r++) {
      for (const cell of [0, 2, 3, 4])
        for (let m = 0; m < M; m++) expect(kept.arms[((r * 3 + 2) * 6 + cell) * M + m]).toBeNull();
      for (const cell of [1, 5]) expect(kept.arms[((r * 3 + 2) * 6 + cell) * M]).not.toBeNull();
    }
    const merged = cli(['merge', parts[1], parts[0]]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    // Parts kept before arm rows existed: the merge has no arms but is otherwise the same.
    const old = [parts[0], parts[1]].map((f) => {
      const p = JSON.parse(readFileSync(f, 'utf8'));
      delete p.kept.arms;
      delete p.kept.hash; // such parts were kept before the hash existed too
      return { ...p };
    });
    const res = mergeRuns(old);
    expect(res.armValues).toBeUndefined();
    expect(res.scenarios.every((s) => s.arms.length === 0)).toBe(true);
    expect(res.scenarios[0].metrics).toEqual(json.scenarios[0].metrics);
  });

  it('1 and 2 workers give identical bytes, arms included, and --by arm prints the arms', () => {
    const outs = [1, 2].map((w) =>
      cli(['run', 'randers-2025', '--replicates', '48', '--seed', 'w', '--format', 'json', '--workers', String(w)]),
    );
    for (const o of outs) expect(o.code).toBe(0);
    expect(outs[1].stdout).toBe(outs[0].stdout);
    const json = JSON.parse(outs[0].stdout);
    expect(json.scenarios[0].arms.length).toBeGreaterThan(0);
    expect(json.comparisons.find((c: { scenario: string }) => c.scenario === 'scenario-2').arms).toEqual([]);
    const table = cli(['run', 'randers-2025', '--replicates', '12', '--by', 'arm', '--workers', '1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/today\s+kh\/fsm 588\s+kh\/tvaer 392\s+rf\/tvaer 363/);
    expect(table.stdout).toMatch(/today-steered: no arm rows \(steering moves citizens between arms during the run\)/);
    const bad = cli(['run', 'randers-2025', '--replicates', '12', '--by', 'arm', '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--by: expected together with --format table/);
    const wrong = cli(['run', 'randers-2025', '--replicates', '12', '--by', 'intervention']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--by: expected one of group, arm/);
  });

  it('keptReplicates writes arm rows with NaN as null', () => {
    const kept = keptReplicates(result, armsModel);
    expect(kept.arms).toHaveLength(result.armValues!.length);
    expect(kept.arms!.some((x) => x === null)).toBe(true);
    expect(kept.arms!.every((x) => x === null || Number.isFinite(x))).toBe(true);
  });
});
