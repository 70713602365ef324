/**
 * The import boundaries of src/ (issue 14): data flows one way, so a folder imports only
 * folders earlier in LAYERS, never a later one, and no two files import each other in a
 * circle. `npm run lint` runs this; CI fails on a violation. CONTRIBUTING.md draws the picture.
 */
const LAYERS = [
  'random', // every seeded stream: replicate keys, citizens' sfc32, parameter and decision streams
  'model', // the schema, types, validation, normalisation, dates, errors, run options
  'params', // distributions and the parameter plan
  'evidence', // cited effects and their mappings
  'calibrate', // observed shares → monthly probabilities
  'fit', // a register panel → an estimated model (hazards, regression, their uncertainty)
  'compile', // normalised model → typed arrays
  'engine', // kernel, the two engines, reducers, executors, the raw output's layout
  'summary', // raw output → summaries, comparisons, decisions, tables
  'run', // simulate(): options → plan → engine → summary
  'analysis', // sensitivity, break-even
  'synth', // synthetic register panels drawn from a model
  'backtest', // fit on the months up to a date, forecast, compare with what followed
  'presets', // data plus comments: Randers, Gladsaxe, Danish rates (see presets-are-data)
  'format', // i18n, number formats, a model in words
  'plot', // vega-lite specs
  'report', // text, JSON, CSV, xlsx, HTML
  'cli', // flags → the public API
];

const later = (i) => LAYERS.slice(i + 1).join('|');

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other in a circle.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `${layer}-imports-later-folder`,
      severity: 'error',
      comment: `${layer}/ may import only folders before it in the pipeline (${LAYERS.slice(0, i).join(', ') || 'none'}).`,
      from: { path: `^src/${layer}/` },
      to: { path: `^src/(${later(i)})/` },
    })),
    {
      name: 'presets-are-data',
      severity: 'error',
      comment: 'A preset is a model written down: it may use the schema, distributions, evidence and calibration, never the mechanism.',
      from: { path: '^src/presets/' },
      to: { path: '^src/', pathNot: '^src/(model|params|evidence|calibrate|presets)/' },
    },
    {
      name: 'folders-do-not-import-entries',
      severity: 'error',
      comment: 'The entries (src/index.ts, src/node.ts) sit on top: nothing inside src/ folders imports them, except the CLI which uses forlob/node.',
      from: { path: '^src/[^/]+/', pathNot: '^src/cli/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)' },
  },
};
