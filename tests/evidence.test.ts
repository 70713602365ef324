/**
 * The evidence library: every entry is complete and its effect a valid distribution equal
 * to the documented mapping of its reported numbers; the mappings reproduce the trials
 * exactly in forlob's own effect maths (the exact oracle); the lognormals' medians are the
 * point mappings and the delta-method σ matches a seeded Monte Carlo propagation.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_ENTRIES,
  citeEvidence,
  effectFromEntry,
  evidenceDistribution,
  evidenceIds,
  evidenceLibrary,
  evidenceRef,
  getEvidence,
  hazardRatioFromOddsRatio,
  hazardRatioFromShares,
  hrDistributionFromTrial,
  isEvidenceRef,
  mappingBasis,
  monthlyProbabilityFromShare,
  resolveEvidenceRef,
  treatedShareFromOddsRatio,
} from '../src/evidence/index.js';
import type { ModelSpec } from '../src/model/types.js';
import { checkDistribution, distQuantile, sampler, type LognormalDist } from '../src/params/distribution.js';
import { distributionSchema } from '../src/params/schemas.js';
import { simulate } from '../src/run/simulate.js';
import { exactDetailed } from './exact-detailed.js';

/** kh (benefit) → job (success) only, the control row reproducing `controlShare` after `months`, and an arm with the HR. */
function trialModel(controlShare: number, months: number, hazardRatio: number): ModelSpec {
  return {
    name: 'trial',
    horizonMonths: months,
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
      { id: 'job', kind: 'success' },
    ],
    transitions: { kh: { job: monthlyProbabilityFromShare(controlShare, months) } },
    groups: [{ id: 'kh', size: 1000, initialState: 'kh' }],
    interventions: [{ id: 'iv', effects: { kh: { job: { hazardRatio } } } }],
    scenarios: [{ id: 'control' }, { id: 'treated', allocation: { kh: { iv: 1 } } }],
  };
}

const median = (d: LognormalDist) => Math.exp(d.mu);

describe('evidence entries', () => {
  it('are complete, with unique ids and valid effect distributions or outcome shares', () => {
    expect(EVIDENCE_ENTRIES.length).toBeGreaterThanOrEqual(5);
    expect(new Set(evidenceIds()).size).toBe(EVIDENCE_ENTRIES.length);
    for (const e of EVIDENCE_ENTRIES) {
      const at = `entry ${e.id}`;
      expect(e.id, at).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const field of ['title', 'citation', 'population', 'design', 'outcome', 'mapping'] as const) {
        expect(typeof e[field], `${at}.${field}`).toBe('string');
        expect(e[field].trim().length, `${at}.${field}`).toBeGreaterThan(10);
      }
      expect(e.citation, `${at}.citation is one line`).not.toMatch(/\n/);
      expect(
        e.followUpMonths === null || (Number.isFinite(e.followUpMonths) && e.followUpMonths > 0),
        `${at}.followUpMonths`,
      ).toBe(true);
      expect(Object.keys(e.reported).length, `${at}.reported`).toBeGreaterThan(0);
      for (const [k, v] of Object.entries(e.reported)) {
        const ok =
          typeof v === 'number' ? Number.isFinite(v) : Array.isArray(v) && v.length === 2 && v.every(Number.isFinite);
        expect(ok, `${at}.reported.${k}`).toBe(true);
      }
      expect(e.caveats.length, `${at}.caveats`).toBeGreaterThan(0);
      if (e.effect === null) {
        expect(e.shares?.length, `${at}: an entry without an effect must give shares`).toBeGreaterThan(0);
        for (const s of e.shares!) expect(s.share > 0 && s.share < 1, `${at}.shares`).toBe(true);
      } else {
        const parsed = distributionSchema.safeParse(e.effect);
        expect(parsed.success, `${at}.effect: ${parsed.error?.message}`).toBe(true);
        expect(checkDistribution(e.effect, `${at}.effect`)).toEqual([]);
        // A hazard ratio: positive support.
        expect(distQuantile(e.effect, 0.001), `${at}.effect`).toBeGreaterThan(0);
      }
    }
  });

  it('carry exactly the effect the documented mapping derives from their reported numbers', () => {
    for (const e of EVIDENCE_ENTRIES) {
      const derived = effectFromEntry(e);
      if (derived === null) {
        expect(e.effect, `${e.id}: no mapping basis, so the effect must be null`).toBeNull();
        continue;
      }
      const stored = e.effect as LognormalDist;
      const hint = `${e.id}: expected effect ${JSON.stringify(derived)}`;
      expect(stored.dist, hint).toBe('lognormal');
      expect(stored.mu, hint).toBeCloseTo(derived.mu, 12);
      expect(stored.sigma, hint).toBeCloseTo(derived.sigma, 12);
      expect({ label: stored.label, source: stored.source }, hint).toEqual({
        label: derived.label,
        source: derived.source,
      });
    }
  });

  it('use the basis the brief names: arms for the Danish IPS trial, the OR for IPS-MA, exit-rate ratios for internships', () => {
    expect(mappingBasis(getEvidence('ips-dk-inklusion').reported)).toBe('arms');
    expect(mappingBasis(getEvidence('ips-ma-anxiety-depression').reported)).toBe('oddsRatio');
    expect(mappingBasis(getEvidence('virksomhedspraktik-private-2016').reported)).toBe('exitRateRatio');
    expect(mappingBasis(getEvidence('virksomhedspraktik-public-2016').reported)).toBe('exitRateRatio');
    expect(mappingBasis(getEvidence('ressourceforloeb-outcomes').reported)).toBeNull();
    expect(median(evidenceDistribution('virksomhedspraktik-private-2016') as LognormalDist)).toBeCloseTo(1.84, 12);
    expect(median(evidenceDistribution('virksomhedspraktik-public-2016') as LognormalDist)).toBeCloseTo(1.65, 12);
    expect(mappingBasis(getEvidence('quickly-back-to-work-2008').reported)).toBe('exitRateRatio');
    expect(median(evidenceDistribution('quickly-back-to-work-2008') as LognormalDist)).toBeCloseTo(1.3, 12);
    // No published interval in the summary: the stated assumption is the σ.
    expect((evidenceDistribution('quickly-back-to-work-2008') as LognormalDist).sigma).toBe(
      getEvidence('quickly-back-to-work-2008').assumedLogSd,
    );
  });
});

describe('the mappings against the exact oracle', () => {
  it('IPS (Danish trial): the median HR turns 46.5 % at 18 months into exactly 59.1 %', () => {
    const e = getEvidence('ips-dk-inklusion');
    const hr = median(e.effect as LognormalDist);
    expect(hr).toBeCloseTo(hazardRatioFromShares(0.465, 0.591, 18), 12);
    const exact = exactDetailed(trialModel(0.465, e.followUpMonths!, hr));
    expect(Math.abs(exact.control.successRate - 0.465)).toBeLessThan(1e-9);
    expect(Math.abs(exact.treated.successRate - 0.591)).toBeLessThan(1e-9);
    // The same in closed form: (1 − h)^(T·HR).
    expect(1 - (1 - monthlyProbabilityFromShare(0.465, 18)) ** (18 * hr)).toBeCloseTo(0.591, 12);
  });

  it('IPS-MA: the median HR turns 37.8 % at 24 months into the share the OR 1.34 implies', () => {
    const e = getEvidence('ips-ma-anxiety-depression');
    const hr = median(e.effect as LognormalDist);
    expect(hr).toBeCloseTo(hazardRatioFromOddsRatio(1.34, 0.378, 24), 12);
    const target = treatedShareFromOddsRatio(1.34, 0.378);
    expect(target).toBeCloseTo(0.4488356431432319, 12);
    // …which has exactly the reported odds ratio against the control share.
    expect(target / (1 - target) / (0.378 / 0.622)).toBeCloseTo(1.34, 12);
    const exact = exactDetailed(trialModel(0.378, e.followUpMonths!, hr));
    expect(Math.abs(exact.control.successRate - 0.378)).toBeLessThan(1e-9);
    expect(Math.abs(exact.treated.successRate - target)).toBeLessThan(1e-9);
  });

  it('IPS-MA: the OR interval maps onto the HR interval', () => {
    const d = evidenceDistribution('ips-ma-anxiety-depression');
    const hrLo = hazardRatioFromOddsRatio(0.86, 0.378, 24);
    const hrHi = hazardRatioFromOddsRatio(2.1, 0.378, 24);
    // The width of the 95 % interval on the log scale is the mapped OR interval's, exactly…
    expect(Math.log(distQuantile(d, 0.975) / distQuantile(d, 0.025))).toBeCloseTo(Math.log(hrHi / hrLo), 12);
    // …and each end lies within 2 %: the median is the mapped published OR 1.34, while the
    // interval's geometric midpoint is 1.344 and the OR → HR map is not log-linear.
    expect(Math.abs(distQuantile(d, 0.025) / hrLo - 1)).toBeLessThan(0.02);
    expect(Math.abs(distQuantile(d, 0.975) / hrHi - 1)).toBeLessThan(0.02);
    // Round trip through the oracle: the lower end's HR gives the share the OR 0.86 implies.
    const lo = exactDetailed(trialModel(0.378, 24, hrLo)).treated.successRate;
    expect(Math.abs(lo - treatedShareFromOddsRatio(0.86, 0.378))).toBeLessThan(1e-9);
  });
});

describe('uncertainty', () => {
  it('a seeded sample of each lognormal HR has the point mapping as its median', () => {
    const cases: [string, number][] = [
      ['ips-dk-inklusion', hazardRatioFromShares(0.465, 0.591, 18)],
      ['ips-ma-anxiety-depression', hazardRatioFromOddsRatio(1.34, 0.378, 24)],
      ['virksomhedspraktik-private-2016', 1.84],
      ['virksomhedspraktik-public-2016', 1.65],
      ['quickly-back-to-work-2008', 1.3],
    ];
    const n = 40_000;
    for (const [id, point] of cases) {
      const d = evidenceDistribution(id) as LognormalDist;
      const rng = seedrandom(`evidence:${id}`);
      const draw = sampler(d, () => rng.double());
      const xs = Float64Array.from({ length: n }, draw).sort();
      const sampleMedian = (xs[n / 2 - 1] + xs[n / 2]) / 2;
      // The sample median's sd on the log scale is about 1.2533·σ/√n.
      const se = (1.2533 * d.sigma) / Math.sqrt(n);
      expect(Math.abs(Math.log(sampleMedian / point)), id).toBeLessThan(4 * se);
    }
  });

  it('the delta-method σ of the arms mapping matches a seeded Monte Carlo propagation of the Beta posteriors', () => {
    const reported = { treated: 0.591, control: 0.465, nTreated: 240, nControl: 240 };
    const d = hrDistributionFromTrial(reported, 18);
    const rng = seedrandom('evidence:delta');
    const source = () => rng.double();
    const ft = sampler({ dist: 'beta', alpha: 0.591 * 240 + 1, beta: 0.409 * 240 + 1 }, source);
    const fc = sampler({ dist: 'beta', alpha: 0.465 * 240 + 1, beta: 0.535 * 240 + 1 }, source);
    const n = 40_000;
    const logs = Float64Array.from({ length: n }, () => Math.log(Math.log1p(-ft()) / Math.log1p(-fc())));
    const mean = logs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(sd / d.sigma).toBeGreaterThan(0.97);
    expect(sd / d.sigma).toBeLessThan(1.03);
  });

  it('an exit-rate ratio takes its σ from a published interval, else from the stated assumption, else refuses', () => {
    expect(hrDistributionFromTrial({ exitRateRatio: 1.5, ci: [1.2, 1.875] }, 12).sigma).toBeCloseTo(
      Math.log(1.5625) / (2 * 1.959963984540054),
      12,
    );
    expect(hrDistributionFromTrial({ exitRateRatio: 1.5 }, 12, { assumedLogSd: 0.3 }).sigma).toBe(0.3);
    expect(() => hrDistributionFromTrial({ exitRateRatio: 1.5 }, 12)).toThrow(/assumedLogSd/);
    expect(() => hrDistributionFromTrial({ weeks: 3 }, 12)).toThrow(/expected an exitRateRatio/);
  });
});

describe('the mapping functions', () => {
  it('are consistent and check their input', () => {
    expect(hazardRatioFromShares(0.3, 0.3, 12)).toBe(1);
    // The follow-up cancels.
    expect(hazardRatioFromShares(0.3, 0.4, 6)).toBe(hazardRatioFromShares(0.3, 0.4, 36));
    const h = monthlyProbabilityFromShare(0.25, 12);
    expect(1 - (1 - h) ** 12).toBeCloseTo(0.25, 14);
    expect(treatedShareFromOddsRatio(1, 0.42)).toBeCloseTo(0.42, 14);
    expect(() => hazardRatioFromShares(0, 0.5, 12)).toThrow(/controlShare/);
    expect(() => hazardRatioFromShares(0.5, 1, 12)).toThrow(/treatedShare/);
    expect(() => hazardRatioFromShares(0.5, 0.6, 0)).toThrow(/follow-up/);
    expect(() => hazardRatioFromOddsRatio(-1, 0.5, 12)).toThrow(/odds ratio/);
  });
});

describe('the library API', () => {
  it('looks entries up by id and names the known ids when one is unknown', () => {
    expect(evidenceLibrary['ips-dk-inklusion'].reported.treated).toBe(0.591);
    expect(() => getEvidence('ips')).toThrow(
      /unknown evidence id "ips" \(expected one of: ips-dk-inklusion, ips-ma-anxiety-depression/,
    );
    expect(() => getEvidence('constructor')).toThrow(/unknown evidence id/);
    expect(() => evidenceDistribution('ressourceforloeb-outcomes')).toThrow(/no effect distribution/);
    expect(getEvidence('ressourceforloeb-outcomes').shares!.map((s) => s.share)).toEqual([
      0.28, 0.14, 0.46, 0.03, 0.13,
    ]);
  });

  it('returns copies of the distributions and one-line citations', () => {
    const d = evidenceDistribution('ips-dk-inklusion') as LognormalDist;
    d.mu = 0;
    expect((evidenceDistribution('ips-dk-inklusion') as LognormalDist).mu).not.toBe(0);
    // The library itself cannot be edited in place.
    expect(() => {
      (getEvidence('ips-dk-inklusion').reported as { treated: number }).treated = 0.9;
    }).toThrow(TypeError);
    for (const id of evidenceIds()) {
      const c = citeEvidence(id);
      expect(c).not.toMatch(/\n/);
      expect(c).toContain(getEvidence(id).title);
    }
    expect(citeEvidence('ips-ma-anxiety-depression')).toContain('Occupational and Environmental Medicine 2017');
  });

  it('resolves {"evidence": id} references for model validation', () => {
    expect(isEvidenceRef({ evidence: 'x' })).toBe(true);
    expect(isEvidenceRef({ evidence: 'x', other: 1 })).toBe(false);
    expect(isEvidenceRef(evidenceRef('ips-dk-inklusion'))).toBe(true);
    expect(resolveEvidenceRef({ evidence: 'ips-dk-inklusion' })).toEqual({
      dist: evidenceDistribution('ips-dk-inklusion'),
    });
    expect(resolveEvidenceRef({ evidence: 'nope' })).toEqual({
      message: expect.stringMatching(/unknown evidence id "nope"/),
    });
    expect(resolveEvidenceRef({ evidence: 3 })).toEqual({ message: expect.stringMatching(/expected an evidence id/) });
    expect(resolveEvidenceRef({ evidence: 'ressourceforloeb-outcomes' })).toEqual({
      message: expect.stringMatching(/no effect distribution/),
    });
  });

  it('an entry’s distribution runs as an uncertain effect in a simulation', async () => {
    const model = trialModel(0.465, 18, evidenceDistribution('ips-dk-inklusion') as unknown as number);
    const result = await simulate(model, { replicates: 60, seed: 'evidence' });
    const treated = result.scenarios.find((s) => s.id === 'treated')!.metrics.successRate;
    const control = result.scenarios.find((s) => s.id === 'control')!.metrics.successRate;
    expect(treated.mean).toBeGreaterThan(control.mean!);
    // Means over the HR distribution: about 59 % (the lognormal's mean HR is a little above its median).
    expect(Math.abs(treated.mean! - 0.591)).toBeLessThan(0.03);
    expect(treated.sd).toBeGreaterThan(control.sd!);
  });
});
