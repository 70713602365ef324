/**
 * The presets reproduce their seeds: Randers' today-scenario the Jobindsats tables 3–4,
 * the seed's counts and stated orderings; Gladsaxe's cost model the seed's sensitivity
 * figures. Figures within 4 Monte Carlo standard errors, fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { presets, simulate } from '../src/index.js';
import { extensionCost, gladsaxe2026 } from '../src/presets/gladsaxe-2026.js';
import { randersModel } from '../src/presets/randers-2025.js';
import type { MetricSummary } from '../src/summary/interval.js';
import { wholeCourse } from './whole-course.js';

const R = 1000;
const within = (s: MetricSummary, target: number) =>
  expect(Math.abs(s.mean! - target), `${s.mean} vs ${target}`).toBeLessThanOrEqual(4 * (s.sd! / Math.sqrt(R)));

describe('randers-2025', async () => {
  const res = await simulate(presets['randers-2025'].model, { replicates: R, seed: 'randers' });
  const sc = (id: string) => res.scenarios.find((s) => s.id === id)!;
  const group = (id: string, g: string) => sc(id).groups.find((x) => x.id === g)!.metrics;

  it("today's rows reproduce the committee paper's Jobindsats tables 3–4 as whole courses", () => {
    // Jobindsats counts where completed courses went, so the calibration reads the shares
    // over whole courses, whatever the horizon (issue 15).
    const kh = wholeCourse(presets['randers-2025'].model, 'kh', 'kh-ph');
    const rf = wholeCourse(presets['randers-2025'].model, 'rf', 'rf-ph');
    expect(kh.successShare).toBeCloseTo(0.303, 9);
    expect(rf.successShare).toBeCloseTo(0.106, 9);
    expect(kh.reachedPaidHours).toBeCloseTo(0.113, 9);
    expect(rf.reachedPaidHours).toBeCloseTo(0.044, 9);
    // Within the 36-month horizon fewer courses have ended, and those that have are the short ones.
    expect(group('today', 'kh').completedSuccessShare.mean).toBeGreaterThan(0.2);
  });

  it('allocates the seed table 7 counts', () => {
    const total = (id: string, ivs: string[]) =>
      sc(id)
        .allocation.filter((a) => a.intervention && ivs.includes(a.intervention))
        .reduce((a, b) => a + b.count, 0);
    expect(total('today', ['fsm'])).toBe(588);
    expect(total('today', ['tvaer'])).toBe(755);
    expect(total('scenario-1', ['fsm-2'])).toBe(269);
    expect(total('scenario-1', ['basis'])).toBe(1074);
    expect(total('scenario-2', ['fsm-4'])).toBe(805);
    expect(total('scenario-2', ['koord-4'])).toBe(538);
  });

  it("matches the seed's stated orderings, each difference beyond 4 paired standard errors", () => {
    const draws = res.draws.filter((d: { group: string }) => d.group === 'total').objects() as Record<
      string,
      number | string
    >[];
    const diff = (metric: string, a: string, b: string) => {
      const xa = draws.filter((d) => d.scenario === a).map((d) => d[metric] as number);
      const xb = draws.filter((d) => d.scenario === b).map((d) => d[metric] as number);
      const ds = xa.map((x, i) => x - xb[i]);
      const mean = ds.reduce((p, q) => p + q, 0) / ds.length;
      const sd = Math.sqrt(ds.reduce((p, q) => p + (q - mean) ** 2, 0) / (ds.length - 1));
      return mean / (sd / Math.sqrt(ds.length));
    };
    expect(diff('successRate', 'today', 'scenario-2')).toBeGreaterThan(4);
    expect(diff('successRate', 'scenario-2', 'scenario-1')).toBeGreaterThan(4);
    expect(diff('benefitMonths', 'scenario-1', 'scenario-2')).toBeGreaterThan(4);
    expect(diff('benefitMonths', 'scenario-2', 'today')).toBeGreaterThan(4);
    expect(diff('interventionCost', 'scenario-2', 'scenario-1')).toBeGreaterThan(4);
    expect(diff('transferCost', 'scenario-1', 'today')).toBeGreaterThan(4);
  });

  it('today-steered is today with the steering: the same success, the share within its bounds', () => {
    const steered = res.steering!.find((t) => t.scenario === 'today-steered')!;
    expect(steered.intervention).toBe('fsm');
    expect(steered.mean[0]).toBeCloseTo(588 / 980, 12);
    for (const row of steered.replicates) for (const x of row) expect(x >= 0.2 - 1e-12 && x <= 0.8 + 1e-12).toBe(true);
    // FSM and the cross-disciplinary effort are both today's calibrated operation: moving
    // citizens between them changes cost, not success (paired difference within 4 SE).
    const c = res.comparisons.find((x) => x.scenario === 'today-steered')!.metrics.successRate;
    expect(Math.abs(c.mean)).toBeLessThan(4 * (c.sd / Math.sqrt(R)));
  });

  it('the reform calendar: from February 2029 nobody is left in ressourceforløb (with a horizon that reaches it)', async () => {
    const long = await simulate(randersModel({ horizonMonths: 48, effectSigma: 0 }), {
      replicates: 5,
      seed: 'reform',
      occupancy: true,
    });
    const rf = (month: number) =>
      (long.occupancy!.objects() as { scenario: string; state: string; month: number; hi: number }[]).find(
        (d) => d.scenario === 'today' && d.state === 'rf' && d.month === month,
      )!;
    expect(rf(36).hi).toBeGreaterThan(0); // 2029-01: the last month of ressourceforløb
    for (const month of [37, 40, 48]) expect(rf(month).hi).toBe(0);
    // Within the preset's 36 months the 2029 step is beyond the horizon and changes nothing.
    expect(presets['randers-2025'].model.calendar!.map((s) => s.from)).toEqual(['2026-02', '2027-01', '2029-01']);
  });

  it('every assumption is overridable', async () => {
    const m = randersModel({ khCount: 100, rfCount: 50, basisEffect: 0.5 });
    expect(m.groups.map((g) => g.size)).toEqual([100, 50]);
    expect((m.parameters!.basisEffect as { mu: number }).mu).toBeCloseTo(Math.log(0.5), 12);
    const fixed = randersModel({ basisEffect: 0.5, effectSigma: 0 });
    expect(fixed.parameters!.basisEffect).toBe(0.5);
  });
});

describe('gladsaxe-2026', () => {
  it("reproduces the seed's sensitivity figures within 10 %", () => {
    const dp = extensionCost(gladsaxe2026, ['dp-new', 'dp'], 14);
    const sdp = extensionCost(gladsaxe2026, ['sdp-new', 'sdp'], 14);
    expect(Math.abs(dp / 4.7e6 - 1)).toBeLessThan(0.1);
    expect(Math.abs(sdp / 3.8e6 - 1)).toBeLessThan(0.1);
    const total = gladsaxe2026.groups.filter((g) => g.id !== 'far').reduce((a, g) => a + (g.size as number), 0);
    expect(total).toBe(2000);
  });

  it('with-pool reproduces its calibration targets and costs the pool', async () => {
    const res = await simulate(gladsaxe2026, { replicates: R, seed: 'gladsaxe' });
    const withPool = res.scenarios.find((s) => s.id === 'with-pool')!;
    const g = (id: string) => withPool.groups.find((x) => x.id === id)!.metrics;
    // The calibration targets hold over whole courses (as their sources count them).
    const far = wholeCourse(gladsaxe2026, 'kh', 'kh-ph');
    expect(far.successShare).toBeCloseTo(0.303, 9);
    expect(far.reachedPaidHours).toBeCloseTo(0.113, 9);
    expect(wholeCourse(gladsaxe2026, 'dp').successShare).toBeCloseTo(0.88, 9);
    expect(wholeCourse(gladsaxe2026, 'sdp').successShare).toBeCloseTo(0.83, 9);
    // dp and sdp have no paid hours: their within-horizon shares equal the whole-course ones.
    within(g('dp').completedSuccessShare, 0.88);
    within(g('sdp-new').completedSuccessShare, 0.83);
    expect(withPool.metrics.interventionCost.mean).toBeCloseTo(40e6, 0);
    const without = res.scenarios.find((s) => s.id === 'without-pool')!;
    expect(without.metrics.netTransferCost.mean).toBeGreaterThan(withPool.metrics.netTransferCost.mean!);
  });
});
