/**
 * The presets reproduce their seeds: Randers' today-scenario the Jobindsats tables 3–4,
 * the seed's counts and stated orderings; Gladsaxe's cost model the seed's sensitivity
 * figures. Figures within 4 Monte Carlo standard errors, fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { presets, simulate } from '../src/index.js';
import { extensionCost, gladsaxe2026, gladsaxe2026Closed, gladsaxeModel } from '../src/presets/gladsaxe-2026.js';
import { getEvidence } from '../src/evidence/index.js';
import type { LognormalDist } from '../src/params/distribution.js';
import { RANDERS_ASSUMPTIONS, randersEffectMedians, randersModel } from '../src/presets/randers-2025.js';
import type { MetricSummary } from '../src/summary/interval.js';
import { wholeCourse } from './whole-course.js';
import { DK_FINANCE_PARAMETERS } from '../src/presets/finance.js';
import { DK_RATES } from '../src/presets/rates.js';

const R = 1000;
const within = (s: MetricSummary, target: number, replicates: number) =>
  expect(Math.abs(s.mean! - target), `${s.mean} vs ${target}`).toBeLessThanOrEqual(4 * (s.sd! / Math.sqrt(replicates)));

describe('randers-2025', async () => {
  const res = await simulate(presets['randers-2025'].model, { replicates: R, seed: 'randers' });
  const sc = (id: string) => res.scenarios.find((s) => s.id === id)!;
  const group = (id: string, g: string) => sc(id).groups.find((x) => x.id === g)!.metrics;
  const arm = (id: string, g: string, iv: string) =>
    sc(id).arms.find((x) => x.group === g && x.intervention === iv)!.metrics.successRate;
  const success = (id: string, g: string) => group(id, g).successRate;
  /** a − b beyond 4 standard errors of the difference (unpaired: arms hold different citizens). */
  const above = (a: MetricSummary, b: MetricSummary) =>
    expect(a.mean! - b.mean!, `${a.mean} vs ${b.mean}`).toBeGreaterThan((4 * Math.hypot(a.sd!, b.sd!)) / Math.sqrt(R));

  it("today's rows reproduce the committee paper's Jobindsats tables 3–4 as whole courses", () => {
    // Jobindsats counts where completed courses went, so the calibration reads the shares
    // over whole courses, whatever the horizon (issue 15).
    const kh = wholeCourse(presets['randers-2025'].model, 'kh', 'kh-ph');
    const rf = wholeCourse(presets['randers-2025'].model, 'rf', 'rf-ph');
    expect(kh.successShare).toBeCloseTo(0.303, 9);
    expect(rf.successShare).toBeCloseTo(0.106, 9);
    expect(kh.reachedPaidHours).toBeCloseTo(0.113, 9);
    expect(rf.reachedPaidHours).toBeCloseTo(0.044, 9);
    // The ended courses that are no success split into førtidspension and other exits:
    // 46 % of ressourceforløb (the ministry's 2017 account), an assumed 10 % of kontanthjælp.
    expect(rf.endsIn.fp).toBeCloseTo(0.46, 9);
    expect(kh.endsIn.fp).toBeCloseTo(0.1, 9);
    expect(rf.endsIn.out).toBeCloseTo(1 - 0.106 - 0.46, 9);
    // Within the 36-month horizon fewer courses have ended, and those that have are the short ones.
    expect(group('today', 'kh').completedSuccessShare.mean).toBeGreaterThan(0.2);
  });

  it('allocates the committee paper table 7 counts to the initial groups, and newcomers the same shares', () => {
    const total = (id: string, ivs: string[], inflow = false) =>
      sc(id)
        .allocation.filter(
          (a) => a.intervention && ivs.includes(a.intervention) && a.group.endsWith(':inflow') === inflow,
        )
        .reduce((a, b) => a + b.count, 0);
    expect(total('today', ['fsm'])).toBe(588);
    expect(total('today', ['tvaer'])).toBe(755);
    expect(total('scenario-1', ['fsm-2'])).toBe(269);
    expect(total('scenario-1', ['basis'])).toBe(1074);
    expect(total('scenario-2', ['fsm-4'])).toBe(805);
    expect(total('scenario-2', ['koord-4'])).toBe(538);
    // 43 newcomers a month from month 1 to 35, 60 % of them allocated to FSM today.
    const newcomers = total('today', ['fsm', 'tvaer'], true);
    expect(newcomers).toBe(43 * 35);
    expect(Math.abs(total('today', ['fsm'], true) / newcomers - 0.6)).toBeLessThan(0.01);
  });

  it("matches the committee paper's stated orderings, each difference beyond 4 paired standard errors", () => {
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
    // Success: today > scenario 2 > scenario 1.
    expect(diff('successRate', 'today', 'scenario-2')).toBeGreaterThan(4);
    expect(diff('successRate', 'scenario-2', 'scenario-1')).toBeGreaterThan(4);
    // Duration rising, less in scenario 2 than in scenario 1.
    expect(diff('benefitMonths', 'scenario-1', 'scenario-2')).toBeGreaterThan(4);
    expect(diff('benefitMonths', 'scenario-2', 'today')).toBeGreaterThan(4);
    // Cost of the efforts: scenario 2 above scenario 1.
    expect(diff('interventionCost', 'scenario-2', 'scenario-1')).toBeGreaterThan(4);
    // More on transfer income than today in both, fewer in scenario 2 than in scenario 1.
    expect(diff('transferCost', 'scenario-1', 'scenario-2')).toBeGreaterThan(4);
    expect(diff('transferCost', 'scenario-2', 'today')).toBeGreaterThan(4);
  });

  it("the committee paper's per-arm expectations of scenario 1 hold on the arms", () => {
    // "A small rise in success for the 20 %": the 20 % in FSM (the most job-ready, as the
    // job effort goes to them first) succeed more often than today's kontanthjælp group…
    above(arm('scenario-1', 'kh', 'fsm-2'), success('today', 'kh'));
    // …"a fall for the 80 %": those on basis less often than today's group…
    above(success('today', 'kh'), arm('scenario-1', 'kh', 'basis'));
    // …and the same for newcomers and for ressourceforløb on basis…
    above(arm('scenario-1', 'kh:inflow', 'fsm-2'), success('today', 'kh:inflow'));
    above(success('today', 'kh:inflow'), arm('scenario-1', 'kh:inflow', 'basis'));
    above(success('today', 'rf'), arm('scenario-1', 'rf', 'basis'));
    // …"overall lower success than today", in every group.
    for (const g of ['kh', 'rf', 'kh:inflow']) above(success('today', g), success('scenario-1', g));
    above(sc('today').metrics.successRate, sc('scenario-1').metrics.successRate);
    // The arm rows are what the scenario is made of: scenario 1 has no capacity, so its
    // arms are exactly the allocated citizens and add up to the groups.
    for (const g of ['kh', 'rf']) {
      const arms = sc('scenario-1').arms.filter((x) => x.group === g);
      expect(arms.every((x) => x.basis === 'allocated')).toBe(true);
      const n = arms.reduce((p, x) => p + x.count, 0);
      const weighted = arms.reduce((p, x) => p + x.count * x.metrics.successRate.mean!, 0) / n;
      expect(weighted).toBeCloseTo(group('scenario-1', g).successRate.mean!, 9);
    }
  });

  it('FSM and the cross-disciplinary effort differ, and ressourceforløb have their own effects', () => {
    const p = randersEffectMedians();
    // For kontanthjælp the job-first effort beats coordination at the same conversations…
    expect(p.fsmEffect.median).toBeGreaterThan(p.tvaerEffect.median);
    expect(p.fsm4Effect.median).toBeGreaterThan(p.koord4Effect.median);
    // …for ressourceforløb a job effort alone is not enough: coordination beats it.
    expect(p.rfKoord4Effect.median).toBeGreaterThan(p.rfFsm4Effect.median);
    expect(p.rfBasisEffect.median).toBeGreaterThan(p.rfFsm2Effect.median);
    // Today's mix is the calibration: 0.6·ln FSM + 0.4·ln cross-disciplinary = 0 exactly.
    expect(0.6 * Math.log(p.fsmEffect.median) + 0.4 * Math.log(p.tvaerEffect.median)).toBeCloseTo(0, 12);
    // The medians follow from the evidence library's entries.
    const F = getEvidence('virksomhedspraktik-private-2016').effect as LognormalDist;
    const T = getEvidence('ips-dk-inklusion').effect as LognormalDist;
    const a = RANDERS_ASSUMPTIONS;
    expect(Math.log(p.fsmEffect.median)).toBeCloseTo(0.4 * a.fsmExposure * F.mu - 0.4 * a.tvaerExposure * T.mu, 12);
    expect(Math.log(p.basisEffect.median)).toBeCloseTo(
      -0.6 * a.fsmExposure * F.mu + (2 / 7.5 - 0.4) * a.tvaerExposure * T.mu,
      12,
    );
    // In the result, ressourceforløb fare worse in scenario 2 than today (they lose the
    // cross-disciplinary effort), paired over the same citizens and draws.
    const c = res.comparisons.find((x) => x.scenario === 'scenario-2')!.groups.find((g) => g.id === 'rf')!
      .metrics.successRate;
    expect(c.mean).toBeLessThan(-4 * (c.sd / Math.sqrt(R)));
  });

  it('every effect is uncertain: a lognormal at least as wide as its transfer uncertainty, saying no study exists', () => {
    const all = presets['randers-2025'].model.parameters!;
    // The effects; the public-finance amounts (tax of a job month, the region's spill-over) are checked below.
    const params = Object.fromEntries(Object.entries(all).filter(([k]) => !(k in DK_FINANCE_PARAMETERS)));
    expect(Object.keys(params)).toHaveLength(10);
    expect(Object.keys(all)).toHaveLength(13);
    for (const [name, d] of Object.entries(params)) {
      const dist = d as LognormalDist;
      expect(dist.dist, name).toBe('lognormal');
      const transfer = ['fsmEffect', 'tvaerEffect'].includes(name)
        ? RANDERS_ASSUMPTIONS.todaySigma
        : RANDERS_ASSUMPTIONS.effectSigma;
      expect(dist.sigma, name).toBeGreaterThanOrEqual(transfer);
      expect(dist.source, name).toMatch(/no effect study/);
      expect(presets['randers-2025'].translations!.da!.parameterSources![name], name).toMatch(/ingen effektstudie/);
    }
  });

  it('today-steered: the steering cuts as well as adds, and ends in different places in different replicates', () => {
    const steered = res.steering!.find((t) => t.scenario === 'today-steered')!;
    expect(steered.intervention).toBe('fsm');
    expect(steered.mean[0]).toBeCloseTo(588 / 980, 2);
    let ups = 0;
    let downs = 0;
    for (const row of steered.replicates) {
      for (const x of row) expect(x >= 0.2 - 1e-12 && x <= 0.8 + 1e-12).toBe(true);
      for (let i = 1; i < row.length; i++) {
        if (row[i] > row[i - 1] + 1e-9) ups++;
        if (row[i] < row[i - 1] - 1e-9) downs++;
      }
    }
    expect(ups).toBeGreaterThan(R);
    expect(downs).toBeGreaterThan(R);
    // No one-way ratchet: the last share is spread over replicates, and far from the ceiling on average.
    const last = steered.replicates.map((row) => row[row.length - 1]);
    expect(Math.min(...last)).toBeLessThan(steered.mean[0]);
    expect(Math.max(...last)).toBeGreaterThan(steered.mean[0]);
    expect(steered.mean[steered.mean.length - 1]).toBeLessThan(0.7);
  });

  it('is an open population in which jobs can be lost', async () => {
    expect(sc('today').groups.map((g) => g.id)).toEqual(['kh', 'rf', 'kh:inflow']);
    const fixed = { effectSigma: 0, horizonMonths: 24 };
    const [withLoss, without] = await Promise.all([
      simulate(randersModel(fixed), { replicates: 40, seed: 'loss' }),
      simulate(randersModel({ ...fixed, jobLossRate: 0, eduDropRate: 0 }), { replicates: 40, seed: 'loss' }),
    ]);
    // The same citizens and streams: losing jobs leaves fewer in success at the horizon
    // and more months on benefit, and first exits (completed courses) are the same.
    const t = (r: typeof withLoss) => r.scenarios[0].metrics;
    expect(t(withLoss).successRate.mean).toBeLessThan(t(without).successRate.mean!);
    expect(t(withLoss).benefitMonths.mean).toBeGreaterThan(t(without).benefitMonths.mean!);
    expect(t(withLoss).completedSuccessShare.mean).toBeCloseTo(t(without).completedSuccessShare.mean!, 12);
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
    expect(randersModel({ khInflow: 0 }).groups[0].inflow).toBeUndefined();
  });
});

describe('gladsaxe-2026', async () => {
  const RG = 120;
  const [res, closed] = await Promise.all([
    simulate(gladsaxe2026, { replicates: RG, seed: 'gladsaxe' }),
    simulate(gladsaxe2026Closed, { replicates: RG, seed: 'gladsaxe' }),
  ]);
  const sc = (r: typeof res, id: string) => r.scenarios.find((s) => s.id === id)!;
  const payback = (r: typeof res, id: string) => r.payback!.find((p) => p.scenario === id)!;

  it("reproduces the committee paper's sensitivity figures within 10 %", () => {
    const dp = extensionCost(gladsaxe2026, ['dp-new', 'dp'], 14);
    const sdp = extensionCost(gladsaxe2026, ['sdp-new', 'sdp'], 14);
    expect(Math.abs(dp / 4.7e6 - 1)).toBeLessThan(0.1);
    expect(Math.abs(sdp / 3.8e6 - 1)).toBeLessThan(0.1);
  });

  it("has groups consistent with the committee paper's counts", () => {
    const size = (ids: string[]) =>
      gladsaxe2026.groups.filter((g) => ids.includes(g.id)).reduce((a, g) => a + (g.size as number), 0);
    expect(size(['dp-new', 'dp', 'sdp-new', 'sdp'])).toBe(2000);
    // About 800 on kontanthjælp, 550 of them aktivitetsparate, 250 in IPS.
    expect(size(['ips', 'kh-ap', 'kh-jp'])).toBe(800);
    expect(size(['ips', 'kh-ap'])).toBe(550);
    expect(size(['ips'])).toBe(250);
    // The closed stock has the same groups and no newcomers.
    expect(gladsaxe2026Closed.groups.map((g) => g.size)).toEqual(gladsaxe2026.groups.map((g) => g.size));
    expect(gladsaxe2026Closed.groups.some((g) => g.inflow)).toBe(false);
    expect(gladsaxe2026.groups.filter((g) => g.inflow).map((g) => g.id)).toEqual([
      'kh-ap',
      'kh-jp',
      'dp-new',
      'sdp-new',
    ]);
  });

  it('its baseline rows reproduce their calibration targets over whole courses', () => {
    const far = wholeCourse(gladsaxe2026, 'kh', 'kh-ph');
    expect(far.successShare).toBeCloseTo(0.303, 9);
    expect(far.reachedPaidHours).toBeCloseTo(0.113, 9);
    expect(far.endsIn.fp).toBeCloseTo(0.1, 9);
    expect(wholeCourse(gladsaxe2026, 'khj').successShare).toBeCloseTo(0.55, 9);
    expect(wholeCourse(gladsaxe2026, 'dp').successShare).toBeCloseTo(0.88, 9);
    expect(wholeCourse(gladsaxe2026, 'sdp').successShare).toBeCloseTo(0.83, 9);
    // dagpenge and sygedagpenge have no paid hours, and the near effects scale every exit
    // alike: the within-horizon shares of ended spells equal the whole-course ones in every scenario.
    for (const id of ['without-pool', 'with-pool']) {
      const g = (x: string) => sc(res, id).groups.find((y) => y.id === x)!.metrics;
      within(g('dp').completedSuccessShare, 0.88, RG);
      within(g('sdp-new').completedSuccessShare, 0.83, RG);
    }
  });

  it('has four scenarios — none, far pool only, near pool only, both — each costing its pool', () => {
    expect(res.scenarios.map((s) => s.id)).toEqual(['without-pool', 'far-only', 'near-only', 'with-pool']);
    const cost = (id: string) => sc(res, id).metrics.interventionCost.mean!;
    expect(cost('without-pool')).toBe(0);
    expect(cost('far-only')).toBeCloseTo(4 * 7e6, 0);
    expect(cost('near-only')).toBeCloseTo(4 * 3e6, 0);
    expect(cost('with-pool')).toBeCloseTo(4 * 10e6, 0);
  });

  it('the near pool is capacity-limited by its caseworkers and reaches only the smaller part that needs help', () => {
    const near = gladsaxe2026.interventions!.find((i) => i.id === 'near-pool')!;
    expect(near.capacity).toEqual({ caseworkers: 5, caseload: 60, fallback: 'near-reduced' });
    const arms = sc(res, 'near-only').arms.filter((x) => x.intervention === 'near-pool');
    expect(arms.every((x) => x.basis === 'capacity')).toBe(true);
    // A fifth of each dagpenge and sygedagpenge group (and of their newcomers) is allocated to it…
    for (const g of ['dp-new', 'dp', 'sdp-new', 'sdp']) {
      const size = gladsaxe2026.groups.find((x) => x.id === g)!.size as number;
      expect(arms.find((x) => x.group === g)!.count).toBe(Math.round(0.2 * size));
    }
    // …more than its 300 places hold at once, so some wait on the reduced effort.
    const waiting = sc(res, 'near-only').metrics.waitingMonths;
    expect(waiting.mean).toBeGreaterThan(4 * (waiting.sd! / Math.sqrt(RG)));
    expect(sc(res, 'without-pool').metrics.waitingMonths.mean).toBe(0);
  });

  it('every effect is uncertain, IPS exactly as the evidence library has it', () => {
    const params = gladsaxe2026.parameters!;
    expect(Object.keys(params).sort()).toEqual([
      'farEffectWithoutPool',
      'ipsEffect',
      'jobTaxMunicipality',
      'jobTaxState',
      'nearEffectWithoutPool',
    ]);
    for (const [k, d] of Object.entries(params))
      if (!k.startsWith('jobTax')) expect((d as LognormalDist).dist).toBe('lognormal');
    const ips = getEvidence('ips-dk-inklusion').effect as LognormalDist;
    expect((params.ipsEffect as LognormalDist).mu).toBeCloseTo(ips.mu, 12);
    expect((params.ipsEffect as LognormalDist).sigma).toBe(ips.sigma);
    const qbw = getEvidence('quickly-back-to-work-2008').effect as LognormalDist;
    expect((params.nearEffectWithoutPool as LognormalDist).mu).toBeCloseTo(-0.5 * qbw.mu, 12);
    for (const name of Object.keys(params))
      expect(presets['gladsaxe-2026'].translations!.da!.parameterSources![name], name).toBeTruthy();
    // A share of every interval is due to the effects.
    expect(gladsaxeModel({ effectSigma: 0 }).parameters!.ipsEffect).toBeCloseTo(Math.exp(ips.mu), 12);
  });

  it('answers "does the pool pay for itself?" as a probability, and the closed stock reverses the answer', () => {
    for (const r of [res, closed])
      for (const id of ['far-only', 'near-only', 'with-pool']) {
        const p = payback(r, id);
        expect(p.baseline).toBe('without-pool');
        expect(p.probWithinHorizon >= 0 && p.probWithinHorizon <= 1).toBe(true);
      }
    const se = (p: number) => Math.sqrt(Math.max(p * (1 - p), 0.25 / RG) / RG);
    // With newcomers the near pool's contact reaches the whole stream of spells: it pays
    // back more often than not, and more often than the far pool…
    const open = payback(res, 'near-only').probWithinHorizon;
    expect(open - 0.5).toBeGreaterThan(-4 * se(open));
    expect(open - payback(res, 'far-only').probWithinHorizon).toBeGreaterThan(4 * se(open));
    // …read as the committee paper's closed stock, no part of the pool pays for itself as a rule.
    for (const id of ['far-only', 'near-only', 'with-pool']) {
      const p = payback(closed, id);
      expect(p.probWithinHorizon, id).toBeLessThan(payback(res, id).probWithinHorizon);
      expect(p.netResult, id).toBeGreaterThan(0);
    }
    // The near pool helps only the smaller part that needs it: its yearly transfer saving
    // for the closed stock is below the paper's "every recipient 14 days longer" 4.7 + 3.8 mio.
    const saving = -closed.comparisons.find((c) => c.scenario === 'near-only')!.metrics.netTransferCost.mean / 4;
    expect(saving).toBeGreaterThan(0);
    expect(saving).toBeLessThan(4.7e6 + 3.8e6);
  });
});

describe('public-finance accounts in the presets', () => {
  it('the tax of a job month follows the 2025 rules at the wage range (hand-computed at 24,000 DKK)', () => {
    // 24,000: AM 1,920; personal income 22,080; beskæftigelsesfradrag 2,952; personfradrag 4,300.
    // Kommuneskat 25.068 % × (22,080 − 2,952 − 4,300) = 3,717; AM + bundskat 12.01 % × (22,080 − 4,300) = 4,055.
    expect(DK_FINANCE_PARAMETERS.jobTaxMunicipality.mode).toBe(-3717);
    expect(DK_FINANCE_PARAMETERS.jobTaxState.mode).toBe(-4055);
    expect(DK_FINANCE_PARAMETERS.jobTaxMunicipality.min).toBe(-5315); // at 32,000
    expect(DK_FINANCE_PARAMETERS.jobTaxState.max).toBe(-2531); // at 16,000
  });

  it("both presets book taxes by payer, cost førtidspension on the law's ladder, and Randers' basis books the region", async () => {
    for (const id of ['randers-2025', 'gladsaxe-2026'] as const) {
      const m = presets[id].model;
      expect(m.costs?.refusion).toBe('dk');
      const fp = m.states.find((s) => s.id === 'fp')!;
      expect(fp.monthlyTransfer).toBe(DK_RATES.foertidspensionSingle.monthly);
      expect(fp.reimbursed).toBe(true);
      const res = await simulate(m, { replicates: 20, seed: 'fin' });
      const sc = res.scenarios[0];
      const tax = (payer: string) => sc.accounts!.find((a) => a.account === 'taxes' && a.payer === payer)!;
      expect(tax('municipality').mean).toBeLessThan(0);
      expect(tax('state').mean).toBeLessThan(0);
      const mun = sc.payers!.find((p) => p.payer === 'municipality')!;
      expect(mun.mean).toBeCloseTo(sc.metrics.municipalCost.mean! + tax('municipality').mean, 0);
    }
    const r = await simulate(presets['randers-2025'].model, { replicates: 20, seed: 'fin' });
    const region = (s: string) => r.scenarios.find((x) => x.id === s)!.payers!.find((p) => p.payer === 'region')!.mean;
    expect(region('scenario-1')).toBeGreaterThan(0);
    expect(region('today')).toBe(0);
  });
});
