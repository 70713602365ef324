/**
 * `forlob sensitivity` (the tornado) and `forlob breakeven`: the analyses of
 * `src/analysis/` from the command line, on worker threads.
 * @module
 */
import { availableParallelism } from 'node:os';
import { breakEven } from '../analysis/breakeven.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { ForlobInputError } from '../model/errors.js';
import { simulate } from '../node.js';
import { METRICS, type MetricName } from '../summary/metrics.js';
import { choiceFlag, intFlag, levelFlag, parseFlags } from './args.js';
import { loadModel, writeAtomic } from './io.js';

/** Usage of the analysis commands. */
export const ANALYSE_USAGE = `forlob sensitivity <model | preset> [--metric M] [--scenario ID] [--baseline ID]
                 [--replicates N] [--seed S] [--workers N] [--format table|json] [--out FILE]
                                 rank uncertain parameters by the swing they cause (tornado)
  forlob breakeven <model | preset> --parameter NAME [--metric M] [--scenario ID] [--baseline ID]
                 [--target X] [--lower X] [--upper X] [--replicates N] [--seed S] [--workers N] [--format table|json]
                                 the parameter value at which the scenario matches its baseline (or target)`;

const common = {
  metric: { type: 'string' },
  scenario: { type: 'string' },
  baseline: { type: 'string' },
  replicates: { type: 'string' },
  seed: { type: 'string' },
  level: { type: 'string' },
  workers: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

function numberFlag(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new ForlobInputError([{ path: `--${name}`, message: `expected a number, got "${v}"` }]);
  return x;
}

function setup(argv: string[], extra: Record<string, { type: 'string' }>) {
  const { values, positionals } = parseFlags(argv, { ...common, ...extra });
  if (positionals.length !== 1) throw new ForlobInputError([{ path: 'arguments', message: `expected one model file or preset id, got ${positionals.length}` }]);
  const v = values as Record<string, string | undefined>;
  const workers = intFlag('workers', v.workers, availableParallelism());
  const level = levelFlag(v.level);
  return {
    v,
    model: loadModel(positionals[0]),
    format: choiceFlag('format', v.format, ['table', 'json'] as const, 'table'),
    metric: choiceFlag('metric', v.metric, METRICS, 'municipalCost') as MetricName,
    sim: { replicates: intFlag('replicates', v.replicates, 300), seed: v.seed ?? '1', ...(level !== undefined ? { level } : {}), workers },
    run: (m: unknown, o: object) => simulate(m, { ...o, workers }),
  };
}

const fmt = (x: number | null) => (x === null ? 'n/a' : Math.abs(x) >= 1e5 ? x.toExponential(4) : x.toPrecision(5));

function emit(text: string, out: string | undefined): string {
  if (out) {
    writeAtomic(out, text);
    return '';
  }
  return text;
}

/** `forlob sensitivity`. */
export async function sensitivityCommand(argv: string[]): Promise<string> {
  const { v, model, format, metric, sim, run } = setup(argv, {});
  const t = await sensitivity(model, { ...sim, metric, scenario: v.scenario, baseline: v.baseline, run });
  if (format === 'json') return emit(JSON.stringify(t, null, 2) + '\n', v.out);
  const what = `${metric}${t.measure.scenario ? ` of ${t.measure.scenario}` : ''}${v.baseline ? ` − ${v.baseline}` : ''}`;
  const w = Math.max(9, ...t.rows.map((r) => r.parameter.length));
  const lines = [
    `one-way sensitivity of ${what}: every other parameter at its mean; value with all at their means ${fmt(t.base)}`,
    '',
    `${'parameter'.padEnd(w)}  ${'low'.padStart(11)}  ${'high'.padStart(11)}  ${'at low'.padStart(11)}  ${'at high'.padStart(11)}  ${'swing'.padStart(11)}`,
    ...t.rows.map((r) => `${r.parameter.padEnd(w)}  ${fmt(r.low).padStart(11)}  ${fmt(r.high).padStart(11)}  ${fmt(r.lowValue).padStart(11)}  ${fmt(r.highValue).padStart(11)}  ${fmt(r.swing).padStart(11)}`),
  ];
  if (t.rows.length === 0) lines.push('(the model has no uncertain parameters)');
  return emit(lines.join('\n') + '\n', v.out);
}

/** `forlob breakeven`. */
export async function breakEvenCommand(argv: string[]): Promise<string> {
  const { v, model, format, metric, sim, run } = setup(argv, { parameter: { type: 'string' }, target: { type: 'string' }, lower: { type: 'string' }, upper: { type: 'string' } });
  if (!v.parameter) throw new ForlobInputError([{ path: '--parameter', message: 'required: the parameter to solve for' }]);
  const b = await breakEven(model, {
    ...sim,
    parameter: v.parameter,
    metric,
    scenario: v.scenario,
    baseline: v.baseline,
    target: numberFlag('target', v.target),
    lower: numberFlag('lower', v.lower),
    upper: numberFlag('upper', v.upper),
    run,
  });
  if (format === 'json') return emit(JSON.stringify(b, null, 2) + '\n', v.out);
  const text =
    b.value === null
      ? `${metric} does not cross its target for ${b.parameter} in [${fmt(b.interval[0])}, ${fmt(b.interval[1])}] (at the ends: ${fmt(b.atEnds[0])}, ${fmt(b.atEnds[1])})\n`
      : `break-even ${b.parameter} = ${fmt(b.value)} (Monte Carlo se ${fmt(b.mcse)}), searched [${fmt(b.interval[0])}, ${fmt(b.interval[1])}] in ${b.evaluations} runs\n`;
  return emit(text, v.out);
}
