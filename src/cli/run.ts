/**
 * `forlob run <model.json | preset-id>`: simulate and print or write the results.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { type SimulationResult, simulate } from '../node.js';
import { resultToJSON } from '../report/json.js';
import { keptReplicates } from '../summary/kept.js';
import { classBreakdown, classColumns } from '../summary/classes.js';
import { resultToCSV } from '../report/csv.js';
import { formatTable } from '../report/text.js';
import {
  choiceFlag,
  DEFAULT_WTP_RANGE_TEXT,
  evppiGroupsFlag,
  intFlag,
  workersFlag,
  levelFlag,
  parseFlags,
  rangeFlag,
  usageText,
  wtpRangeFlag,
  type Flag,
} from './args.js';
import { checkOut, loadModel, uncertainNames, writeOutput } from './io.js';
import { jsonDocument } from '../report/json-chunks.js';
import { progressBar } from './progress.js';
import { resultToWorkbook } from '../report/xlsx.js';
import { REPORT_LANGUAGES } from '../format/i18n.js';

/** The run command's flags: its parser and its usage are both made from this list. */
export const RUN_FLAGS: readonly Flag[] = [
  {
    name: 'replicates',
    value: 'N',
    help: 'replicates; with --precision, the starting number (200 unless given)',
    default: '1000',
  },
  { name: 'seed', value: 'S', help: 'seed, any string', default: '"1"' },
  { name: 'level', value: 'L', help: 'interval level, 0 < L < 1', default: '0.95' },
  { name: 'format', value: 'F', help: 'table | json | csv | xlsx (xlsx needs --out)', default: 'table' },
  { name: 'out', value: 'FILE', help: 'write to FILE instead of stdout', default: 'stdout' },
  { name: 'lang', value: 'L', help: 'with --format xlsx: language of the workbook, da | en', default: 'en' },
  {
    name: 'workers',
    value: 'N',
    help: 'worker threads (1: this thread only); results are byte-identical for any N',
    default: "auto: by the run's size, up to the cores",
  },
  {
    name: 'replicate-range',
    value: 'A:B',
    help: 'run only replicates A (inclusive) to B (exclusive) of the run',
    default: 'all',
  },
  { name: 'keep-replicates', help: 'with --format json: include the raw replicate rows (for merge)', default: 'off' },
  { name: 'baseline', value: 'ID', help: 'scenario the others are compared with', default: 'the first' },
  {
    name: 'precision',
    value: 'P',
    help: "add replicates until every mean's Monte Carlo error is below P\n(absolute for shares, relative for months and money)",
    default: 'off: a fixed number of replicates',
  },
  { name: 'wtp', value: 'DKK', help: 'willingness to pay per extra success, for net benefit and EVPI', default: '0' },
  {
    name: 'wtp-range',
    value: 'MIN:MAX:STEP',
    help: 'willingness-to-pay grid of the CEAC and the EVPI curve, DKK per extra success',
    default: DEFAULT_WTP_RANGE_TEXT,
  },
  {
    name: 'perspective',
    value: 'PAYER',
    help: "whose money the ICER, net benefit, CEAC and EVPI count: municipality | state |\nsociety (every payer) | any payer of the model's accounts",
    default: 'municipality',
  },
  {
    name: 'effect',
    value: 'E',
    help: 'the effect they weigh: successes | an effect account of the model (e.g. qaly)',
    default: 'successes',
  },
  {
    name: 'evppi-groups',
    value: '"A,B;C"',
    help: 'groups of uncertain parameters, names separated by "," and groups by ";"\n(quote it: ";" ends a shell command); EVPPI is reported for each uncertain\nparameter alone and for each group',
    default: 'none: each parameter alone',
  },
  {
    name: 'by',
    value: 'B',
    help: "with --format table: after it, a table per scenario by group, by arm\n(group × intervention) or by the classes of a covariate the groups record (a fitted\nmodel's `--covariates`: sex), and their paired differences: group | arm | COVARIATE",
    default: 'off',
  },
  { name: 'quiet', help: 'no progress bar (it is also off when stderr is not a terminal)', default: 'off' },
];

/** Usage text of the run command. */
export const RUN_USAGE = usageText(
  'forlob run <model.json | preset-id> [flags]',
  'Simulate every scenario of a model file or preset and print or write the results.',
  RUN_FLAGS,
);

/** Run the command; returns the text for stdout (empty when written to a file). */
export async function runCommand(argv: string[]): Promise<string | Iterable<string>> {
  const { values, positionals } = parseFlags(argv, RUN_FLAGS);
  if (positionals.length !== 1) {
    throw new ForlobInputError([
      { path: 'arguments', message: `expected one model file or preset id, got ${positionals.length}` },
    ]);
  }
  checkOut(values.out as string | undefined, positionals); // before the run, not after it
  const replicates = intFlag('replicates', values.replicates as string | undefined, 1000);
  const level = levelFlag(values.level as string | undefined);
  const format = choiceFlag(
    'format',
    values.format as string | undefined,
    ['table', 'json', 'csv', 'xlsx'] as const,
    'table',
  );
  if (format === 'xlsx' && !values.out)
    throw new ForlobInputError([{ path: '--out', message: '--format xlsx writes a binary workbook: give --out FILE' }]);
  const workers = workersFlag(values.workers as string | undefined);
  const range = rangeFlag(values['replicate-range'] as string | undefined, replicates);
  const keep = values['keep-replicates'] === true;
  const precisionText = values.precision as string | undefined;
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  if (precision !== undefined && !(precision > 0 && Number.isFinite(precision)))
    throw new ForlobInputError([
      { path: '--precision', message: `expected a positive number, got "${precisionText}"` },
    ]);
  const wtpText = values.wtp as string | undefined;
  const willingnessToPay = wtpText === undefined ? undefined : Number(wtpText);
  if (willingnessToPay !== undefined && !(willingnessToPay >= 0 && Number.isFinite(willingnessToPay)))
    throw new ForlobInputError([{ path: '--wtp', message: `expected a number >= 0, got "${wtpText}"` }]);
  const willingnessToPayRange = wtpRangeFlag(values['wtp-range'] as string | undefined);
  if (precision !== undefined && range)
    throw new ForlobInputError([{ path: '--precision', message: 'cannot be combined with --replicate-range' }]);
  if (keep && format !== 'json')
    throw new ForlobInputError([{ path: '--keep-replicates', message: 'expected together with --format json' }]);
  if (values.lang !== undefined && format !== 'xlsx')
    throw new ForlobInputError([{ path: '--lang', message: 'expected together with --format xlsx' }]);
  const lang = choiceFlag('lang', values.lang as string | undefined, REPORT_LANGUAGES, 'en');
  const seed = (values.seed as string | undefined) ?? '1';
  // A preset's translations ride along only into the workbook: the other formats never read them.
  const model = loadModel(positionals[0], { translations: format === 'xlsx' });
  const evppiGroups = evppiGroupsFlag(values['evppi-groups'] as string | undefined, uncertainNames(model));
  const covariates = classColumns(model);
  const by =
    values.by === undefined
      ? undefined
      : choiceFlag(
          'by',
          values.by as string,
          ['group', 'arm', ...covariates.filter((c) => c !== 'group' && c !== 'arm')],
          'arm',
        );
  if (by !== undefined && format !== 'table')
    throw new ForlobInputError([
      {
        path: '--by',
        message: 'expected together with --format table (json, csv and xlsx always hold groups and arms)',
      },
    ]);
  const bar = progressBar(values.quiet === true);
  let result: SimulationResult;
  try {
    result = await simulate(model, {
      replicates,
      seed,
      workers,
      onProgress: bar.onProgress,
      ...(values.baseline !== undefined ? { baseline: values.baseline as string } : {}),
      ...(precision !== undefined ? { precision, replicates: values.replicates ? replicates : 200 } : {}),
      ...(willingnessToPay !== undefined ? { willingnessToPay } : {}),
      ...(willingnessToPayRange ? { willingnessToPayRange } : {}),
      ...(values.perspective !== undefined ? { perspective: values.perspective as string } : {}),
      ...(values.effect !== undefined ? { effect: values.effect as string } : {}),
      ...(evppiGroups ? { evppiGroups } : {}),
      ...(range ? { replicateRange: range } : {}),
      ...(level !== undefined ? { level } : {}),
    });
  } finally {
    bar.stop();
  }
  if (format === 'xlsx') {
    await writeOutput(values.out as string, await resultToWorkbook(result, model, { lang }));
    return '';
  }
  const text =
    format === 'json'
      ? jsonDocument({ ...resultToJSON(result), ...(keep ? { kept: keptReplicates(result, model) } : {}) }) // in chunks: kept rows can pass the longest string
      : format === 'csv'
        ? resultToCSV(result)
        : formatTable(
            result,
            by === 'group' || by === 'arm' ? { by } : by ? { classes: classBreakdown(result, model, by) } : {},
          );
  if (values.out !== undefined) {
    await writeOutput(values.out as string, text);
    return '';
  }
  return text;
}
