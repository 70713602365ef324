/**
 * The benchmark's reference workload: the Randers-shaped model scaled ×10 (13,430
 * citizens), 5 states, 3 interventions, 3 scenarios, 60 months.
 *
 * It is deliberately a little different from the randers-2025 preset (5 states instead
 * of 6, loss-of-job rows out of the success states) so the benchmark keeps measuring the
 * same thing when the preset's numbers are revised, and so citizens do not get stuck in
 * absorbing states (which would flatter the geometric-jump engine).
 *
 * Run directly it prints the model as JSON, so the numpy peer reads exactly the same
 * model:  node bench/reference-model.mjs [--scale 10] [--horizon 60] > model.json
 */
import { pathToFileURL } from 'node:url';

/** kontanthjælp / ressourceforløbsydelse over 30 without children, DKK/month (2024). */
const KH_RATE = 12_326;
const RF_RATE = 12_326;

export function referenceModel(scale = 10, horizon = 60) {
  return {
    name: `forlob benchmark reference (Randers-shaped, x${scale}, ${horizon} months)`,
    description: 'Synthetic workload for bench/run.mjs; the probabilities are plausible, not estimates.',
    horizonMonths: horizon,
    states: [
      { id: 'kh', kind: 'benefit', monthlyTransfer: KH_RATE },
      { id: 'rf', kind: 'benefit', monthlyTransfer: RF_RATE },
      { id: 'job', kind: 'success' },
      { id: 'flex', kind: 'success' },
      { id: 'out', kind: 'exit' },
    ],
    // Benefit rows leave with 2–4 % a month in total; success states lose a few back to
    // kontanthjælp, so every citizen keeps drawing for the whole horizon.
    transitions: {
      kh: { job: 0.018, flex: 0.002, out: 0.01 }, // 3.0 %
      rf: { job: 0.004, flex: 0.006, out: 0.015 }, // 2.5 %
      job: { kh: 0.01 },
      flex: { kh: 0.005 },
    },
    groups: [
      { id: 'kh', size: 980 * scale, initialState: 'kh' },
      { id: 'rf', size: 363 * scale, initialState: 'rf' },
    ],
    interventions: [
      {
        id: 'fsm',
        monthlyCost: 1429,
        transitions: { kh: { job: 0.026, flex: 0.003, out: 0.009 }, rf: { job: 0.006, flex: 0.01, out: 0.014 } }, // 3.8 %, 3.0 %
      },
      {
        id: 'tvaer',
        monthlyCost: 1000,
        transitions: { kh: { job: 0.021, flex: 0.004, out: 0.01 }, rf: { job: 0.005, flex: 0.012, out: 0.013 } }, // 3.5 %, 3.0 %
      },
      {
        id: 'koord',
        monthlyCost: 300,
        transitions: { kh: { job: 0.017, flex: 0.002, out: 0.011 }, rf: { job: 0.004, flex: 0.005, out: 0.016 } }, // 3.0 %, 2.5 %
      },
    ],
    scenarios: [
      { id: 'today', allocation: { kh: { fsm: 0.6, tvaer: 0.4 }, rf: { tvaer: 1 } } },
      { id: 'scenario-1', allocation: { kh: { fsm: 0.2, koord: 0.8 }, rf: { fsm: 0.2, koord: 0.8 } } },
      { id: 'scenario-2', allocation: { kh: { fsm: 0.6, koord: 0.4 }, rf: { fsm: 0.6, koord: 0.4 } } },
    ],
  };
}

/** Citizen-months one replicate of `model` simulates, over all scenarios. */
export function citizenMonthsPerReplicate(model) {
  const citizens = model.groups.reduce((n, g) => n + g.size, 0);
  return citizens * model.horizonMonths * model.scenarios.length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : dflt;
  };
  process.stdout.write(`${JSON.stringify(referenceModel(arg('--scale', 10), arg('--horizon', 60)), null, 2)}\n`);
}
