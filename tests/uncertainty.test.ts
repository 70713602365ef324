/**
 * Uncertain parameters: exact replicate mean and variance of a one-month model whose exit
 * probability is Beta(α, β); a parameter shared by name moves every use in the same
 * replicate; bad distributions and references are located errors.
 */
import { describe, expect, it } from 'vitest';
import { ForlobInputError, simulate } from '../src/index.js';
import { drawParameters, instantiate } from '../src/params/plan.js';
import { planUncertainty } from '../src/evidence/plan.js';
import type { ModelInput } from '../src/params/input.js';

const alpha = 20;
const beta = 80;
const N = 500;

const betaModel = (p: unknown) => ({
  name: 'beta',
  horizonMonths: 1,
  states: [
    { id: 'kh', kind: 'benefit' },
    { id: 'job', kind: 'success' },
  ],
  transitions: { kh: { job: p } },
  groups: [{ id: 'g', size: N, initialState: 'kh' }],
  scenarios: [{ id: 's' }],
});

describe('a Beta exit probability', () => {
  it('gives replicate mean α/(α+β) and variance Var(p) + E[p(1−p)]/N', async () => {
    const R = 4000;
    const res = await simulate(betaModel({ dist: 'beta', alpha, beta }) as ModelInput, { replicates: R, seed: 'beta' });
    const m = res.scenarios[0].metrics.successRate;
    const mean = alpha / (alpha + beta);
    const varP = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    const eP1mP = mean - (varP + mean * mean);
    const variance = varP + eP1mP / N;
    expect(Math.abs(m.mean! - mean)).toBeLessThan(4 * Math.sqrt(variance / R));
    // The sample variance's standard error is about variance·√(2/(R−1)) for near-normal draws.
    expect(Math.abs(m.sd! ** 2 / variance - 1)).toBeLessThan(4 * Math.sqrt(2 / (R - 1)) * 1.2);
    // Parameter draws leave the interval far wider than binomial noise alone.
    expect(m.sd).toBeGreaterThan(2 * Math.sqrt(eP1mP / N));
  });
});

describe('parameters shared by name', () => {
  const model = {
    ...betaModel({ param: 'effect' }),
    states: [
      { id: 'kh', kind: 'benefit' },
      { id: 'job', kind: 'success' },
      { id: 'out', kind: 'exit' },
    ],
    parameters: { effect: { dist: 'uniform', min: 0.1, max: 0.3 } },
    interventions: [{ id: 'a', transitions: { kh: { job: { param: 'effect' }, out: 0.1 } } }],
  };
  it('move every use in the same replicate', () => {
    const plan = planUncertainty(model);
    expect(plan.parameters.map((p) => p.name)).toEqual(['effect']);
    for (let r = 0; r < 5; r++) {
      const values = drawParameters(plan, 'x', r);
      const inst = instantiate(plan, values);
      expect(inst.transitions!.kh.job).toBe(values[0]);
      expect(inst.interventions![0].transitions!.kh.job).toBe(values[0]);
    }
    expect(drawParameters(plan, 'x', 1)[0]).not.toBe(drawParameters(plan, 'x', 2)[0]);
  });
  it('are the same draws in every scenario', async () => {
    const two = {
      ...model,
      transitions: { kh: { job: { param: 'effect' }, out: 0.1 } },
      scenarios: [{ id: 's' }, { id: 't', allocation: { g: { a: 1 } } }],
    };
    const res = await simulate(two as ModelInput, { replicates: 50, seed: 'y' });
    const rows = res.draws.filter((d: { group: string }) => d.group === 'total').objects() as {
      scenario: string;
      successRate: number;
    }[];
    const s = rows.filter((r) => r.scenario === 's').map((r) => r.successRate);
    const t = rows.filter((r) => r.scenario === 't').map((r) => r.successRate);
    // Identical rows and identical citizen streams: the scenarios coincide replicate by replicate.
    expect(t).toEqual(s);
  });
});

describe('bad uncertain input', () => {
  it.each([
    [{ dist: 'beta', alpha: -1, beta: 2 }, 'transitions.kh.job'],
    [{ dist: 'weibull', k: 2 }, 'transitions.kh.job'],
    [{ param: 'nope' }, 'transitions.kh.job.param'],
  ])('%j', async (p, path) => {
    await expect(simulate(betaModel(p) as ModelInput)).rejects.toSatisfy(
      (e: unknown) => e instanceof ForlobInputError && e.problems.some((x) => x.path.startsWith(path)),
    );
  });
  it('a draw outside a field’s range is a located error', async () => {
    await expect(
      simulate(betaModel({ dist: 'normal', mean: 0.5, sd: 2 }) as ModelInput, { replicates: 200 }),
    ).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof ForlobInputError &&
        /transitions\.kh\.job/.test(e.problems[0].path) &&
        /drawn parameter value in replicate/.test(e.problems[0].message),
    );
  });
});

describe('evidence references', () => {
  const withEvidence = (id: string) => ({
    ...betaModel(0.05),
    interventions: [{ id: 'ips', effects: { kh: { job: { hazardRatio: { evidence: id } } } } }],
    scenarios: [{ id: 's' }, { id: 'ips', allocation: { g: { ips: 1 } } }],
  });
  it('put the cited distribution where a number goes', async () => {
    const plan = planUncertainty(withEvidence('ips-dk-inklusion'));
    expect(plan.parameters).toHaveLength(1);
    expect(plan.parameters[0].dist?.dist).toBe('lognormal');
    const res = await simulate(withEvidence('ips-dk-inklusion') as ModelInput, { replicates: 50 });
    expect(res.comparisons[0].metrics.successRate.mean).toBeGreaterThan(0);
  });
  it('name an unknown entry by path', async () => {
    await expect(simulate(withEvidence('no-such-study') as ModelInput)).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof ForlobInputError && e.problems[0].path === 'interventions[0].effects.kh.job.hazardRatio.evidence',
    );
  });
});
