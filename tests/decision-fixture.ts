/**
 * Hand-made decision summaries for the figure, report and workbook tests: a CEAC over five
 * willingness-to-pay values, three EVPPI entries, and one ICER per quadrant reading
 * (a cost per extra success with an interval, a saving per success forgone, a ratio whose
 * interval is undefined, dominance and a mean in the SE quadrant that is not dominant).
 */
import type { IcerSummary, Quadrant } from '../src/summary/decision.js';
import type { DecisionSummary, SimulationResult } from '../src/summary/types.js';

/** An ICER summary with everything a test does not care about filled in. */
function icerOf(
  over: Partial<IcerSummary> & { quadrant: Quadrant; quadrantShares: Record<Quadrant, number> },
): IcerSummary {
  return {
    mean: 250_000,
    lo: 200_000,
    hi: 320_000,
    deltaCost: 5e6,
    deltaEffect: 20,
    mcse: 4_000,
    mcseDeltaCost: 0.1e6,
    mcseDeltaEffect: 0.5,
    dominant: false,
    dominated: false,
    probDominant: over.quadrantShares.SE,
    probDominated: over.quadrantShares.NW,
    replicates: 100,
    resamples: 100,
    ...over,
  };
}

/** The five readings, keyed by what they show. */
export const ICERS = {
  /** NE: costs 250,000 DKK per extra success, interval 200,000–320,000. */
  costs: icerOf({ quadrant: 'NE', quadrantShares: { NE: 0.9, NW: 0.02, SE: 0.08, SW: 0 } }),
  /** SW: saves 180,000 DKK per success forgone. */
  saves: icerOf({
    mean: 180_000,
    lo: 150_000,
    hi: 210_000,
    deltaCost: -9e6,
    deltaEffect: -50,
    quadrant: 'SW',
    quadrantShares: { NE: 0, NW: 0.05, SE: 0, SW: 0.95 },
  }),
  /** NE on average, but the expected effect changes sign across draws: no interval. */
  undefinedInterval: icerOf({
    mean: 400_000,
    lo: null,
    hi: null,
    deltaCost: 2e6,
    deltaEffect: 5,
    mcse: 30_000,
    mcseDeltaEffect: 0.4,
    quadrant: 'NE',
    quadrantShares: { NE: 0.55, NW: 0.4, SE: 0.03, SW: 0.02 },
  }),
  /** The effect difference is within Monte Carlo error of 0: no ratio. */
  noEffect: icerOf({
    mean: 4_000_000,
    lo: null,
    hi: null,
    deltaCost: 2e6,
    deltaEffect: 0.5,
    mcse: 3_000_000,
    mcseDeltaEffect: 0.4,
    quadrant: 'NE',
    quadrantShares: { NE: 0.55, NW: 0.4, SE: 0.03, SW: 0.02 },
  }),
  /** No uncertain parameter: every draw in one quadrant, the interval a single value. */
  fixed: icerOf({ lo: 250_000, hi: 250_000, quadrant: 'NE', quadrantShares: { NE: 1, NW: 0, SE: 0, SW: 0 } }),
  /** NW and dominated. */
  dominated: icerOf({
    mean: -100_000,
    lo: -150_000,
    hi: -60_000,
    deltaCost: 3e6,
    deltaEffect: -30,
    quadrant: 'NW',
    quadrantShares: { NE: 0.01, NW: 0.99, SE: 0, SW: 0 },
    dominated: true,
  }),
  /** SE and dominant. */
  dominant: icerOf({
    mean: -80_000,
    lo: -120_000,
    hi: -40_000,
    deltaCost: -4e6,
    deltaEffect: 50,
    quadrant: 'SE',
    quadrantShares: { NE: 0, NW: 0, SE: 1, SW: 0 },
    dominant: true,
  }),
  /** SE on average, not dominant (the SE share is below the level). */
  seNotDominant: icerOf({
    mean: -20_000,
    lo: null,
    hi: null,
    deltaCost: -0.4e6,
    deltaEffect: 20,
    quadrant: 'SE',
    quadrantShares: { NE: 0.3, NW: 0.05, SE: 0.6, SW: 0.05 },
  }),
} satisfies Record<string, IcerSummary>;

/** A decision summary for Randers' four scenarios. */
function decisionOf(ids: string[]): DecisionSummary {
  const wtps = [0, 250_000, 500_000, 750_000, 1_000_000];
  return {
    probabilityBest: {} as DecisionSummary['probabilityBest'],
    willingnessToPay: 500_000,
    evpi: 2_500_000,
    probabilityBestNetBenefit: Object.fromEntries(ids.map((id, i) => [id, i === 0 ? 0.7 : 0.1])),
    method: 'regression',
    parameterDraws: 100,
    evppi: [
      { parameters: ['basisEffect'], value: 400_000, se: 100_000 },
      { parameters: ['fsm2Effect'], value: 1_500_000, se: 200_000 },
      { parameters: ['fsm2Effect', 'basisEffect'], value: 2_100_000, se: 300_000 },
    ],
    ceac: wtps.map((wtp, k) => {
      // The first scenario loses ground as the willingness to pay rises, the second gains it.
      const first = 0.9 - 0.2 * k;
      const second = 0.05 + 0.2 * k;
      const rest = (1 - first - second) / Math.max(1, ids.length - 2);
      return {
        wtp,
        probabilityBest: Object.fromEntries(ids.map((id, i) => [id, i === 0 ? first : i === 1 ? second : rest])),
        evpi: [0.2e6, 1.1e6, 2.5e6, 1.8e6, 0.9e6][k],
      };
    }),
  };
}

/** `result` with the hand-made decision and the comparisons' ICERs replaced in the order of {@link ICERS}. */
export function withDecision(result: SimulationResult): SimulationResult {
  const icers = Object.values(ICERS);
  return {
    ...result,
    decision: { ...decisionOf(result.scenarios.map((s) => s.id)), probabilityBest: result.decision.probabilityBest },
    comparisons: result.comparisons.map((c, i) => ({ ...c, icer: icers[i % icers.length] })),
  };
}
