/**
 * Preset `randers-2025`: Randers Kommune, "the future effort for vulnerable unemployed"
 * (Beskæftigelsesudvalget, item 92, 2025). Data only; every number has its source.
 * @module
 */
import type { ModelSpec } from '../model/types.js';

/** kontanthjælp over 30 without children, DKK/month (bm.dk satser 2024). */
const KH_RATE = 12_326;
/** ressourceforløbsydelse without children, DKK/month (bm.dk satser 2024). */
const RF_RATE = 12_326;

/**
 * Monthly exit probabilities, first version: the destination split follows the seed's
 * Jobindsats table (job 21.6 %, education 6.7 %, flex job 2.0 % of completed kontanthjælp
 * courses; 0.6 / 0.6 / 9.4 % for ressourceforløb); the total monthly exit rate (3 % for
 * kontanthjælp, 2.5 % for ressourceforløb) is an assumption.
 */
function exits(total: number, job: number, edu: number, flex: number): Record<string, number> {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return { job: r(total * job), edu: r(total * edu), flex: r(total * flex), out: r(total * (1 - job - edu - flex)) };
}

/** The Randers model: today's operation and the seed's scenarios 1 and 2. */
export const randers2025: ModelSpec = {
  name: 'Randers 2025: the future effort for vulnerable unemployed',
  description: 'Randers Kommune, Beskæftigelsesudvalget 2025, item 92. 980 aktivitetsparate on kontanthjælp and 363 in ressourceforløb, June 2025 (Jobindsats).',
  horizonMonths: 36,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: KH_RATE, label: 'kontanthjælp, aktivitetsparat' },
    { id: 'rf', kind: 'benefit', monthlyTransfer: RF_RATE, label: 'ressourceforløb' },
    { id: 'job', kind: 'success', label: 'ordinary employment' },
    { id: 'edu', kind: 'success', label: 'education' },
    { id: 'flex', kind: 'success', label: 'flex job' },
    { id: 'out', kind: 'exit', label: 'other exit' },
  ],
  transitions: {
    // Without a job-directed effort (coordination only): assumed 25 % lower exits to success.
    kh: exits(0.03, 0.162, 0.05, 0.015),
    rf: exits(0.025, 0.0045, 0.0045, 0.07),
  },
  groups: [
    { id: 'kh', size: 980, initialState: 'kh', label: 'kontanthjælp, aktivitetsparat' },
    { id: 'rf', size: 363, initialState: 'rf', label: 'ressourceforløb' },
  ],
  interventions: [
    // "Flere skal med": job-first, ~35 citizens per caseworker; Randers' experience is about
    // 30 % to job/education (seed table 3-4). Cost: an assumed 600,000 DKK caseworker-year / 35.
    { id: 'fsm', label: 'Flere skal med', monthlyCost: 1429, transitions: { kh: exits(0.03, 0.216, 0.067, 0.02), rf: exits(0.025, 0.006, 0.006, 0.094) } },
    // Cross-disciplinary effort: today's rates for the rest of kontanthjælp and ressourceforløb.
    { id: 'tvaer', label: 'cross-disciplinary effort', monthlyCost: 1000, transitions: { kh: exits(0.03, 0.216, 0.067, 0.02), rf: exits(0.025, 0.006, 0.006, 0.094) } },
    // Coordination only: about 2 conversations a year; baseline rates.
    { id: 'koord', label: 'coordination only', monthlyCost: 300 },
  ],
  scenarios: [
    { id: 'today', label: 'today (basisdrift)', allocation: { kh: { fsm: 0.6, tvaer: 0.4 }, rf: { tvaer: 1 } } },
    { id: 'scenario-1', label: 'legal minimum', allocation: { kh: { fsm: 0.2, koord: 0.8 }, rf: { fsm: 0.2, koord: 0.8 } } },
    { id: 'scenario-2', label: 'higher job focus', allocation: { kh: { fsm: 0.6, koord: 0.4 }, rf: { fsm: 0.6, koord: 0.4 } } },
  ],
};
