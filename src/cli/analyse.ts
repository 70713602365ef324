/**
 * `forlob sensitivity` (the tornado) and `forlob breakeven`: the analyses of
 * `src/analysis/` from the command line, on worker threads.
 * @module
 */
import type { ModelInput } from '../params/input.js';
import { breakEven, type BreakEvenResult } from '../analysis/breakeven.js';
import { sensitivity, type SensitivityResult } from '../analysis/sensitivity.js';
import { ForlobInputError } from '../model/errors.js';
import { simulate } from '../node.js';
import { METRICS, type MetricName } from '../engine/reduce/metrics.js';
import { choiceFlag, intFlag, workersFlag, levelFlag, parseFlags, usageText, type Flag } from './args.js';
import { checkOut, loadModel, writeOutput } from './io.js';
import { progressBar } from './progress.js';
import { printableDeep } from '../report/escape.js';
import { NOT_AVAILABLE } from '../format/numbers.js';
import { fixed } from '../format/numbers.js';

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    if (lines.length && lines[lines.length - 1].length + 1 + word.length <= width)
      lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

const COMMON: readonly Flag[] = [
  {
    name: 'metric',
    value: 'M',
    help: `the metric measured, one of\n${wrap(METRICS.join(', '), 76)}`,
    default: 'municipalCost',
  },
  { name: 'scenario', value: 'ID', help: 'the scenario measured', default: 'the last' },
  {
    name: 'baseline',
    value: 'ID',
    help: "measure the scenario's paired difference from this scenario",
    default: 'none: the level',
  },
  { name: 'replicates', value: 'N', help: 'replicates of each run', default: '300' },
  { name: 'seed', value: 'S', help: 'seed, any string (the same in every run: common random numbers)', default: '"1"' },
  { name: 'level', value: 'L', help: '0 < L < 1', default: '0.95' },
  { name: 'workers', value: 'N', help: 'worker threads', default: "auto: by the run's size, up to the cores" },
  { name: 'format', value: 'F', help: 'table | json', default: 'table' },
  { name: 'out', value: 'FILE', help: 'write to FILE instead of stdout', default: 'stdout' },
  { name: 'quiet', help: 'no progress bar (it is also off when stderr is not a terminal)', default: 'off' },
];

/** The sensitivity command's flags: its parser and its usage are both made from this list. */
export const SENSITIVITY_FLAGS: readonly Flag[] = COMMON.map((f) =>
  f.name === 'level' ? { ...f, help: 'sets the quantiles: each parameter at its (1 − L)/2 and (1 + L)/2 quantile' } : f,
);

/** The breakeven command's flags: its parser and its usage are both made from this list. */
export const BREAKEVEN_FLAGS: readonly Flag[] = [
  { name: 'parameter', value: 'NAME', help: 'the parameter to solve for', default: 'none: required' },
  {
    name: 'target',
    value: 'X',
    help: 'the value the measure should reach, in raw units (shares as fractions, DKK)',
    default: '0: no worse than the baseline',
  },
  {
    name: 'lower',
    value: 'X',
    help: 'lower end of the search interval',
    default: "the parameter's 0.1 % quantile; half a fixed value",
  },
  {
    name: 'upper',
    value: 'X',
    help: 'upper end of the search interval',
    default: "the parameter's 99.9 % quantile; 1.5 × a fixed value",
  },
  ...COMMON.filter((f) => f.name !== 'level'),
];

/** Usage of `forlob sensitivity`. */
export const SENSITIVITY_USAGE = usageText(
  'forlob sensitivity <model.json | preset-id> [flags]',
  'One-way sensitivity (the tornado): each uncertain parameter in turn at its low and high\nquantile, every other at its mean, ranked by the swing it causes in the measure.',
  SENSITIVITY_FLAGS,
);

/** Usage of `forlob breakeven`. */
export const BREAKEVEN_USAGE = usageText(
  'forlob breakeven <model.json | preset-id> --parameter NAME [flags]',
  'The value of one parameter at which the scenario matches its baseline (or --target),\nby bisection with the same seed at every step.',
  BREAKEVEN_FLAGS,
);

function numberFlag(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x))
    throw new ForlobInputError([{ path: `--${name}`, message: `expected a number, got "${v}"` }]);
  return x;
}

function setup(argv: string[], flags: readonly Flag[]) {
  const { values, positionals } = parseFlags(argv, flags);
  if (positionals.length !== 1)
    throw new ForlobInputError([
      { path: 'arguments', message: `expected one model file or preset id, got ${positionals.length}` },
    ]);
  const v = values as Record<string, string | undefined>;
  checkOut(v.out, positionals); // before the runs, not after them
  const workers = workersFlag(v.workers);
  const level = levelFlag(v.level);
  return {
    v,
    quiet: values.quiet === true,
    model: loadModel(positionals[0]),
    format: choiceFlag('format', v.format, ['table', 'json'] as const, 'table'),
    metric: choiceFlag('metric', v.metric, METRICS, 'municipalCost') as MetricName,
    sim: {
      replicates: intFlag('replicates', v.replicates, 300),
      seed: v.seed ?? '1',
      ...(level !== undefined ? { level } : {}),
      workers,
    },
    run: (m: ModelInput, o: object) => simulate(m, { ...o, workers }),
  };
}

/** A parameter's or measure's value with five significant digits; "n/a" where it is undefined (NaN, null, ±Infinity). */
const fmt = (x: number | null | undefined) =>
  typeof x !== 'number' || !Number.isFinite(x)
    ? NOT_AVAILABLE
    : Math.abs(x) >= 1e5
      ? x.toExponential(4)
      : x.toPrecision(5);

/**
 * How `run` shows a metric: shares in % (a difference in percentage points), money in
 * mio. DKK, months as months; anything else as it is.
 */
function measureUnit(metric: MetricName, difference: boolean): { factor: number; unit: string; digits: number } {
  if (/(Rate|Share)$|^onBenefitAt/.test(metric))
    return { factor: 100, unit: difference ? 'percentage points' : '%', digits: 2 };
  if (/(Cost|Income)$/.test(metric)) return { factor: 1e-6, unit: 'mio. DKK', digits: 2 };
  if (/[mM]onths/.test(metric)) return { factor: 1, unit: 'months', digits: 2 };
  return { factor: 1, unit: '', digits: 3 };
}

/** A quantile as a percentage: 0.025 → "2.5 %". */
const quantileText = (q: number) => `${Number((100 * q).toPrecision(6))} %`;

async function emit(text: string, out: string | undefined): Promise<string> {
  if (out !== undefined) {
    await writeOutput(out, text);
    return '';
  }
  return text;
}

/** `forlob sensitivity`. */
export async function sensitivityCommand(argv: string[]): Promise<string> {
  const { v, quiet, model, format, metric, sim, run } = setup(argv, SENSITIVITY_FLAGS);
  const bar = progressBar(quiet);
  let t: SensitivityResult;
  try {
    t = await sensitivity(model, {
      ...sim,
      metric,
      scenario: v.scenario,
      baseline: v.baseline,
      run,
      onProgress: bar.onProgress,
    });
  } finally {
    bar.stop();
  }
  if (format === 'json') return emit(`${JSON.stringify(t, null, 2)}\n`, v.out);
  return emit(sensitivityTable(t), v.out);
}

/** The sensitivity table as `forlob sensitivity` prints it: the measure in the units of `run`. */
export function sensitivityTable(t: SensitivityResult): string {
  t = printableDeep(t); // parameter and scenario names are the model's text
  const { metric, scenario, baseline } = t.measure;
  const u = measureUnit(metric, baseline !== undefined);
  const show = (x: number) => fixed(x, u.digits, u.factor);
  const what = `${metric}${scenario ? ` of ${scenario}` : ''}${baseline ? ` − ${baseline}` : ''}${u.unit ? ` (${u.unit})` : ''}`;
  const w = Math.max(9, ...t.rows.map((r) => r.parameter.length));
  const cols = ['low', 'high', 'at low', 'at high', 'swing'];
  const cw = Math.max(
    11,
    ...t.rows.flatMap((r) =>
      [fmt(r.low), fmt(r.high), show(r.lowValue), show(r.highValue), show(r.swing)].map((c) => c.length),
    ),
  );
  const lines = [
    `one-way sensitivity of ${what}`,
    `each parameter in turn at low = its ${quantileText(t.quantiles.low)} quantile and high = its ${quantileText(t.quantiles.high)} quantile, every other at its mean;`,
    `"low" and "high" are the parameter's values, "at low", "at high" and "swing" the measure's, in ${u.unit || 'its own units'}`,
    `with every parameter at its mean: ${show(t.base)}`,
    '',
    [`${'parameter'.padEnd(w)}`, ...cols.map((c) => c.padStart(cw))].join('  '),
    ...t.rows.map((r) =>
      [
        r.parameter.padEnd(w),
        ...[fmt(r.low), fmt(r.high), show(r.lowValue), show(r.highValue), show(r.swing)].map((c) => c.padStart(cw)),
      ].join('  '),
    ),
  ];
  if (t.rows.length === 0) lines.push('(the model has no uncertain parameters)');
  return `${lines.join('\n')}\n`;
}

/** `forlob breakeven`. */
export async function breakEvenCommand(argv: string[]): Promise<string> {
  const { v, quiet, model, format, metric, sim, run } = setup(argv, BREAKEVEN_FLAGS);
  if (!v.parameter)
    throw new ForlobInputError([{ path: '--parameter', message: 'required: the parameter to solve for' }]);
  const [target, lower, upper] = [
    numberFlag('target', v.target),
    numberFlag('lower', v.lower),
    numberFlag('upper', v.upper),
  ];
  if (lower !== undefined && upper !== undefined && !(lower < upper))
    throw new ForlobInputError([
      { path: '--lower', message: `expected a number below --upper, got --lower ${v.lower} and --upper ${v.upper}` },
    ]);
  const bar = progressBar(quiet);
  let b: BreakEvenResult;
  try {
    b = await breakEven(model, {
      ...sim,
      parameter: v.parameter,
      metric,
      scenario: v.scenario,
      baseline: v.baseline,
      target,
      lower,
      upper,
      run,
      onProgress: bar.onProgress,
    });
  } finally {
    bar.stop();
  }
  if (format === 'json') return emit(`${JSON.stringify(b, null, 2)}\n`, v.out);
  b = printableDeep(b);
  const text =
    b.value === null
      ? `${metric} does not cross its target for ${b.parameter} in [${fmt(b.interval[0])}, ${fmt(b.interval[1])}] (at the ends: ${fmt(b.atEnds[0])}, ${fmt(b.atEnds[1])})\n`
      : `break-even ${b.parameter} = ${fmt(b.value)} (Monte Carlo se ${fmt(b.mcse)}), searched [${fmt(b.interval[0])}, ${fmt(b.interval[1])}] in ${b.evaluations} runs\n`;
  return emit(text, v.out);
}
