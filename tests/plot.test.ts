/**
 * forlob/plot: every spec compiles with Vega-Lite, renders to SVG in Node without a
 * browser, and carries the numbers it claims (paired differences, histogram counts).
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../src/presets/index.js';
import { simulate } from '../src/run/simulate.js';
import type { SimulationResult } from '../src/summary/types.js';
import {
  ceacRows,
  ceacSpec,
  costEffectSpec,
  evpiCurveSpec,
  evppiRows,
  evppiSpec,
  differenceSummaries,
  differencesSpec,
  distributionSpec,
  fanChartSpec,
  metricDraws,
  pairedDifferences,
  toSVG,
  tornadoSpec,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from '../src/plot/index.js';
import { withDecision } from './decision-fixture.js';

let result: SimulationResult;
beforeAll(async () => {
  result = await simulate(presets['randers-2025'].model, { replicates: 40, seed: 'plot', occupancy: true });
});

const tornadoRows = [
  { parameter: 'fsmEffect', low: 1.1, high: 1.5, lowValue: 0.165, highValue: 0.18, swing: 0.015 },
  { parameter: 'basisEffect', low: 0.4, high: 0.8, lowValue: 0.15, highValue: 0.19, swing: 0.04 },
];

function specs(): [string, VegaLiteSpec][] {
  return [
    ['distribution', distributionSpec(result, 'successRate')],
    ['distribution da, group kh', distributionSpec(result, 'transferCost', { lang: 'da', group: 'kh' })],
    ['differences', differencesSpec(result, 'successRate')],
    ['differences vs scenario-2', differencesSpec(result, 'municipalCost', { baseline: 'scenario-2', lang: 'da' })],
    ['fan chart', fanChartSpec(result, 'scenario-1')],
    ['tornado rows', tornadoSpec(tornadoRows, { metric: 'successRate' })],
    ['tornado with base', tornadoSpec({ base: 0.17, rows: tornadoRows }, { metric: 'successRate', lang: 'da' })],
    ['cost-effect', costEffectSpec(result, { baseline: 'today' })],
    ['ceac', ceacSpec(withDecision(result))],
    ['ceac da with the EVPI panel', ceacSpec(withDecision(result), { lang: 'da', evpi: true })],
    ['evpi curve', evpiCurveSpec(withDecision(result))],
    ['evppi da', evppiSpec(withDecision(result), { lang: 'da' })],
    ['ceac and evpi of the run', ceacSpec(result, { evpi: true })],
    ['evppi of the run', evppiSpec(result)],
  ];
}

describe('specs', () => {
  it('compile with vega-lite and are plain JSON', () => {
    for (const [name, spec] of specs()) {
      expect(spec.$schema, name).toBe(VEGA_LITE_SCHEMA);
      expect(JSON.parse(JSON.stringify(spec)), name).toEqual(spec);
      expect(() => compile(spec as unknown as TopLevelSpec), name).not.toThrow();
    }
  });

  it('render to SVG in Node', async () => {
    for (const [name, spec] of specs()) {
      const svg = await toSVG(spec);
      expect(svg.startsWith('<svg'), name).toBe(true);
      expect(svg.endsWith('</svg>'), name).toBe(true);
    }
  });

  it('refuse to fetch data', async () => {
    await expect(
      toSVG({ $schema: VEGA_LITE_SCHEMA, data: { url: 'https://example.org/x.csv' }, mark: 'point' }),
    ).rejects.toThrow(/inline/);
  });

  it('histogram counts add up to the replicates of each scenario', () => {
    const values = (
      distributionSpec(result, 'successRate').data as { values: { kind: string; scenario: string; count?: number }[] }
    ).values;
    for (const s of result.scenarios) {
      const n = values.filter((v) => v.kind === 'bin' && v.scenario === s.id).reduce((a, v) => a + (v.count ?? 0), 0);
      expect(n).toBe(40);
    }
  });
});

describe('paired differences', () => {
  it('are scenario minus baseline within each replicate', () => {
    const d = pairedDifferences(result, 'transferCost', 'today');
    const draws = metricDraws(result, 'transferCost');
    const at = (sc: string, r: number) => draws.find((x) => x.scenario === sc && x.replicate === r)!.value;
    expect(d).toHaveLength(3 * 40);
    for (const row of d.slice(0, 10))
      expect(row.diff).toBeCloseTo(at(row.scenario, row.replicate) - at('today', row.replicate), 6);
  });

  it('summaries come from the draws, or from result.comparisons when present', () => {
    const s = differenceSummaries(result, 'successRate');
    expect(s.map((x) => x.scenario)).toEqual(['scenario-1', 'scenario-2', 'today-steered']);
    for (const x of s) {
      expect(x.lo).toBeLessThanOrEqual(x.mean);
      expect(x.mean).toBeLessThanOrEqual(x.hi);
      expect(x.probBetter).toBeGreaterThanOrEqual(0);
      expect(x.probBetter).toBeLessThanOrEqual(1);
    }
    // With comparisons for the baseline asked for, they are used as they are.
    const given = {
      ...result,
      comparisons: [
        {
          scenario: 'scenario-1',
          baseline: 'today',
          metrics: { successRate: { mean: 1, sd: 0, lo: 0.5, hi: 1.5, probBetter: 0.9, mcse: 0 } },
          groups: [],
        },
      ],
    } as unknown as SimulationResult;
    expect(differenceSummaries(given, 'successRate')).toEqual([
      { scenario: 'scenario-1', baseline: 'today', mean: 1, sd: 0, lo: 0.5, hi: 1.5, probBetter: 0.9 },
    ]);
    // Another baseline: computed from the draws.
    expect(differenceSummaries(given, 'successRate', 'scenario-2').map((x) => x.scenario)).toEqual([
      'today',
      'scenario-1',
      'today-steered',
    ]);
    // The library's own comparisons and the draws agree.
    const own = (
      result as {
        comparisons?: {
          scenario: string;
          baseline: string;
          metrics: Record<string, { mean: number; lo: number; hi: number; probBetter: number }>;
        }[];
      }
    ).comparisons;
    if (own) {
      const fromDraws = differenceSummaries(
        { ...result, comparisons: undefined } as unknown as SimulationResult,
        'transferCost',
        own[0].baseline,
      );
      for (const c of own) {
        const d = fromDraws.find((x) => x.scenario === c.scenario)!;
        expect(d.mean).toBeCloseTo(c.metrics.transferCost.mean, 3);
        expect(d.lo).toBeCloseTo(c.metrics.transferCost.lo, 3);
        expect(d.probBetter).toBeCloseTo(c.metrics.transferCost.probBetter, 9);
      }
    }
  });

  it('the fan chart draws the simulated months 0…H−1, so inflow draws no cliff at month H', async () => {
    // Newcomers arrive every month; point H of the occupancy table (after the last month)
    // has none, so with inflow the stock there is a month's arrivals short.
    const model = {
      name: 'inflow fan',
      horizonMonths: 12,
      states: [
        { id: 'dp', kind: 'benefit' as const },
        { id: 'job', kind: 'success' as const },
      ],
      transitions: { dp: { job: 0.2 } },
      groups: [{ id: 'dp', size: 100, initialState: 'dp', inflow: { perMonth: 20 } }],
      scenarios: [{ id: 'today' }],
    };
    const r = await simulate(model, { replicates: 20, seed: 'fan', occupancy: true });
    const rows = r.tables.occupancy!.objects() as { state: string; month: number; median: number }[];
    const dpAt = (m: number) => rows.find((o) => o.state === 'dp' && o.month === m)!.median;
    expect(dpAt(12)).toBeLessThan(dpAt(11) - 10); // the table's point H: the cliff
    const values = JSON.stringify(fanChartSpec(r, 'today'));
    const months = [...values.matchAll(/"month":(\d+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...months)).toBe(11);
    expect(Math.min(...months)).toBe(0);
  });

  it('name what is wrong', () => {
    expect(() => differencesSpec(result, 'successRate', { baseline: 'nope' })).toThrow(
      /unknown baseline scenario "nope"/,
    );
    expect(() => distributionSpec(result, 'nope' as 'successRate')).toThrow(/unknown metric "nope"/);
    expect(() => fanChartSpec({ ...result, tables: { ...result.tables, occupancy: undefined } }, 'today')).toThrow(
      /occupancy: true/,
    );
    expect(() => fanChartSpec(result, 'nope')).toThrow(/unknown scenario "nope"/);
  });
});

describe('decision figures', () => {
  const hand = () => withDecision(result);
  /** Every value of a field in a spec's inline data, wherever the layer or panel. */
  const fieldValues = (spec: unknown, field: string): unknown[] => {
    const out: unknown[] = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        const values = (o.data as { values?: Record<string, unknown>[] } | undefined)?.values;
        if (values) for (const v of values) if (field in v) out.push(v[field]);
        Object.values(o).forEach(walk);
      }
    };
    walk(spec);
    return out;
  };

  it('the CEAC carries one point per willingness to pay and scenario, in model order', () => {
    const r = hand();
    const rows = ceacRows(r);
    expect(rows).toHaveLength(5 * 4);
    expect(rows.slice(0, 4).map((x) => x.scenario)).toEqual(['today', 'scenario-1', 'scenario-2', 'today-steered']);
    for (const p of r.decision.ceac)
      for (const [id, prob] of Object.entries(p.probabilityBest))
        expect(rows).toContainEqual({ wtp: p.wtp, scenario: id, probability: prob });
    const spec = ceacSpec(r, { evpi: true });
    expect(fieldValues(spec, 'probability')).toEqual(rows.map((x) => x.probability));
    // The EVPI panel in mio. DKK, and a rule at the run's willingness to pay.
    expect(fieldValues(spec, 'evpi')).toEqual(r.decision.ceac.map((p) => p.evpi / 1e6));
    expect(JSON.stringify(spec)).toContain('"datum":500000');
    const en = JSON.stringify(ceacSpec(r));
    expect(en).toContain('willingness to pay per extra success, DKK');
    expect(en).toContain('["probability of the highest","expected net benefit"]');
    expect(en).toContain('"domain":[0,1]');
    expect(JSON.stringify(ceacSpec(r, { lang: 'da' }))).toContain('betalingsvilje');
    expect(JSON.stringify(ceacSpec(r, { lang: 'da' }))).toContain('Accept-kurve (CEAC)');
    expect(fieldValues(ceacSpec(r, { scenarios: ['scenario-2'] }), 'scenario')).toEqual(Array(5).fill('scenario-2'));
  });

  it('the EVPPI bars are the entries, largest first, labelled by their parameters, with ±2 se and the EVPI rule', () => {
    const r = hand();
    expect(evppiRows(r).map((x) => x.label)).toEqual(['fsm2Effect + basisEffect', 'fsm2Effect', 'basisEffect']);
    const spec = evppiSpec(r);
    const data = (spec.data as { values: { label: string; value: number; lo: number; hi: number }[] }).values;
    expect(data.map((d) => d.label)).toEqual(['fsm2Effect + basisEffect', 'fsm2Effect', 'basisEffect']);
    expect(data[0]).toMatchObject({ value: 2.1, lo: 1.5, hi: 2.7 });
    expect(data[2].lo).toBeCloseTo(0.2, 12);
    expect(JSON.stringify(spec)).toContain('"datum":2.5');
    expect(JSON.stringify(spec)).toContain('EVPPI, mio. DKK');
    expect(JSON.stringify(evppiSpec(r, { lang: 'da' }))).toContain('Værdi af delvis perfekt information (EVPPI)');
  });

  it('render with the Danish number format on the axes', async () => {
    const svg = await toSVG(ceacSpec(hand(), { lang: 'da' }));
    expect(svg).toContain('1.000.000');
    expect(svg).toContain('100%');
    expect(await toSVG(ceacSpec(hand()))).toContain('1,000,000');
  });

  it("carry the run's own CEAC and EVPPI", () => {
    const d = result.decision;
    expect(d.ceac.length).toBeGreaterThan(1);
    expect(fieldValues(ceacSpec(result), 'probability')).toEqual(
      d.ceac.flatMap((p) => result.scenarios.map((s) => p.probabilityBest[s.id])),
    );
    const bars = (evppiSpec(result).data as { values: { label: string; value: number }[] }).values;
    expect(bars.map((b) => b.label).sort()).toEqual(d.evppi.map((e) => e.parameters.join(' + ')).sort());
    for (const e of d.evppi) expect(bars.find((b) => b.label === e.parameters.join(' + '))!.value).toBe(e.value / 1e6);
  });

  it('name what is missing', () => {
    const bare = { decision: { willingnessToPay: 0, evpi: 0, ceac: [], evppi: [] } };
    expect(() => ceacSpec(bare)).toThrow(/no CEAC/);
    expect(() => evpiCurveSpec(bare)).toThrow(/no CEAC/);
    expect(() => evppiSpec(bare)).toThrow(/no EVPPI/);
    expect(() => ceacSpec(hand(), { scenarios: ['nope'] })).toThrow(/unknown scenario "nope"/);
  });
});
