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
      const unpaired = Math.sqrt(a[m].sd ** 2 + b[m].sd ** 2);
      expect(c.metrics[m].sd, m).toBeLessThan(0.5 * unpaired);
    }
    expect(c.baseline).toBe('today');
    expect(res.baseline).toBe('today');
  });

  it('prints the fixed JSON shape and honours --baseline', () => {
    const r = cli(['run', 'randers-2025', '--replicates', '60', '--format', 'json', '--baseline', 'scenario-1']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.comparisons.map((c: { scenario: string }) => c.scenario)).toEqual(['today', 'scenario-2']);
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
