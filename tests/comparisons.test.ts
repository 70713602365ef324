/**
 * Paired comparisons with common random numbers: the JSON shape, the baseline flag, and
 * the point of pairing — the paired difference's sd far below the unpaired one.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { randersModel } from '../src/presets/randers-2025.js';
import { cli } from './helpers.js';

describe('comparisons', () => {
  it('pairing makes the difference far sharper than independent runs would', async () => {
    const res = await simulate(randersModel({ effectSigma: 0 }), { replicates: 400, seed: 'crn' });
    const c = res.comparisons.find((x) => x.scenario === 'scenario-2')!;
    const a = res.scenarios.find((s) => s.id === 'today')!.metrics;
    const b = res.scenarios.find((s) => s.id === 'scenario-2')!.metrics;
    for (const m of ['successRate', 'benefitMonths', 'netTransferCost'] as const) {
      const unpaired = Math.sqrt(a[m].sd! ** 2 + b[m].sd! ** 2);
      expect(c.metrics[m].sd, m).toBeLessThan(0.5 * unpaired);
    }
    expect(c.baseline).toBe('today');
    expect(res.baseline).toBe('today');
  });

  it('prints the fixed JSON shape and honours --baseline', () => {
    const r = cli(['run', 'randers-2025', '--replicates', '60', '--format', 'json', '--baseline', 'scenario-1']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.comparisons.map((c: { scenario: string }) => c.scenario)).toEqual([
      'today',
      'scenario-2',
      'today-steered',
    ]);
    for (const c of j.comparisons) {
      expect(c.baseline).toBe('scenario-1');
      for (const m of ['successRate', 'benefitMonths', 'transferCost', 'interventionCost']) {
        expect(Object.keys(c.metrics[m])).toEqual(expect.arrayContaining(['mean', 'sd', 'lo', 'hi', 'probBetter']));
        expect(c.metrics[m].probBetter).toBeGreaterThanOrEqual(0);
        expect(c.metrics[m].probBetter).toBeLessThanOrEqual(1);
      }
    }
    // "Better" is higher for success and lower for costs.
    const today = j.comparisons[0];
    expect(today.metrics.successRate.mean).toBeGreaterThan(0);
    expect(today.metrics.successRate.probBetter).toBeGreaterThan(0.5);
    expect(today.metrics.interventionCost.probBetter).toBeLessThan(0.5);
  });

  it('an unknown baseline is a one-line error', () => {
    const r = cli(['run', 'randers-2025', '--baseline', 'tomorrow']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\.baseline: unknown scenario "tomorrow"/);
    expect(r.stdout).toBe('');
  });
});

describe('decision summaries', () => {
  it('probabilities of being best sum to 1, the ICER is Δcost/Δsuccesses, EVPI is non-negative', async () => {
    const res = await simulate(randersModel(), { replicates: 300, seed: 'dec', willingnessToPay: 400_000 });
    for (const name of ['successRate', 'municipalCost'] as const) {
      const total = Object.values(res.decision.probabilityBest[name]).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    const c = res.comparisons.find((x) => x.scenario === 'scenario-1')!;
    // Everyone simulated: 1,343 at the start and 43 newcomers a month in months 1–35.
    const N = 1343 + 43 * 35;
    expect(c.icer.deltaEffect).toBeCloseTo(c.metrics.successRate.mean * N, 6);
    // The municipality's money: its account lines (net transfers, interventions, and the tax jobs bring it).
    const municipal = c.payers!.find((p) => p.payer === 'municipality')!;
    expect(c.icer.deltaCost).toBeCloseTo(municipal.mean, 3);
    const taxes = c.accounts!.find((a) => a.account === 'taxes' && a.payer === 'municipality')!;
    expect(municipal.mean).toBeCloseTo(c.metrics.municipalCost.mean + taxes.mean, 3);
    expect(c.icer.mean).toBeCloseTo(c.icer.deltaCost / c.icer.deltaEffect, 6);
    const q = c.icer.quadrantShares;
    expect(q.NE + q.NW + q.SE + q.SW).toBeCloseTo(1, 12);
    if (c.icer.lo === null || c.icer.hi === null) {
      // Undefined only when the expected Δsuccesses changes sign across parameter draws.
      expect((q.NE + q.SE) * (q.NW + q.SW)).toBeGreaterThan(0);
    } else {
      expect(c.icer.lo).toBeLessThanOrEqual(c.icer.hi);
    }
    expect(res.decision.evpi).toBeGreaterThanOrEqual(0);
    expect(res.decision.willingnessToPay).toBe(400_000);
  });
});
