/**
 * Coverage of the back-test's intervals over many synthetic panels (issue 16): each panel
 * is drawn from a known model (kh with duration dependence, job, out; 1,000 citizens and 15
 * newcomers a month, 36 months), fitted up to month 24 (2021-12) with bands 0,6, and its
 * stock in each state forecast for 12 months, and the share of the citizens on benefit at
 * the training month still on benefit 3, 6 and 12 months later; the share of the 39 figures
 * per panel inside their 95 % intervals, pooled, and per kind of figure. `--fixed-inflow` holds the fitted inflow at its estimate
 * (the synthetic inflow is a fixed number a month, as the engine makes it). Build first.
 *
 *   node bench/backtest-coverage.mjs [--panels 100] [--replicates 400] [--fixed-inflow]
 */
import { simulate } from '../dist/index.js';
import { backtest, synthPanel } from '../dist/fit.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const panels = Number(arg('panels', '100'));
const replicates = Number(arg('replicates', '400'));
const fixed = process.argv.includes('--fixed-inflow');
const model = {
  name: 'synthetic',
  horizonMonths: 36,
  states: [
    { id: 'kh', kind: 'benefit', monthlyTransfer: 12000 },
    { id: 'job', kind: 'success' },
    { id: 'out', kind: 'exit' },
  ],
  transitions: { kh: { job: 0.06, out: 0.02 }, job: { kh: 0.01 } },
  duration: { clock: 'state', bands: [0, 6], hazardRatios: { kh: [1, 0.5] } },
  groups: [{ id: 'kh', size: 1000, initialState: 'kh', inflow: { perMonth: 15 } }],
  scenarios: [{ id: 'base' }],
};
const atEstimate = (m) => ({
  ...m,
  groups: m.groups.map((g) =>
    g.inflow ? { ...g, inflow: { perMonth: g.inflow.perMonth.shape * g.inflow.perMonth.scale } } : g,
  ),
});
let inside = 0;
let all = 0;
const kinds = {};
const perPanel = [];
const t0 = performance.now();
for (let i = 0; i < panels; i++) {
  const panel = synthPanel(model, { seed: `cov${i}`, months: 36 });
  const r = await backtest(panel, {
    trainUntil: '2021-12',
    horizon: 12,
    bands: [0, 6],
    replicates,
    seed: `r${i}`,
    ...(fixed ? { run: (m, o) => simulate(atEstimate(m), o) } : {}),
  });
  inside += r.coverage * r.figures.length;
  all += r.figures.length;
  perPanel.push(r.coverage);
  for (const k of r.kinds) {
    if (!kinds[k.name]) kinds[k.name] = { figures: 0, inside: 0 };
    const t = kinds[k.name];
    t.figures += k.figures;
    t.inside += k.coverage * k.figures;
  }
}
// The figures of one panel share its estimation error, so the pooled coverage's standard
// error comes from the spread of the panels' coverages, not from the number of figures.
const mean = perPanel.reduce((t, x) => t + x, 0) / panels;
const se = Math.sqrt(perPanel.reduce((t, x) => t + (x - mean) ** 2, 0) / (panels - 1) / panels);
console.log(
  JSON.stringify({
    panels,
    replicates,
    fixedInflow: fixed,
    figures: all,
    coverage: inside / all,
    se,
    kinds: Object.fromEntries(Object.entries(kinds).map(([name, t]) => [name, t.inside / t.figures])),
    seconds: (performance.now() - t0) / 1000,
  }),
);
