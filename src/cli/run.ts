/**
 * `forlob run <model.json | preset-id>`: simulate and print or write the results.
 * @module
 */
import { availableParallelism } from 'node:os';
import { ForlobInputError } from '../model/errors.js';
import { simulate } from '../node.js';
import { resultToJSON, keptReplicates } from '../report/json.js';
import { resultToCSV } from '../report/csv.js';
import { formatTable } from '../report/text.js';
import { choiceFlag, intFlag, levelFlag, parseFlags, rangeFlag } from './args.js';
import { loadModel, writeAtomic } from './io.js';
import { progressBar } from './progress.js';
import { resultToWorkbook } from '../report/xlsx.js';

/** Usage text of the run command. */
export const RUN_USAGE = `forlob run <model.json | preset-id> [options]
  --replicates N        replicates (default 1000)
  --seed S              seed string (default "1")
  --level L             interval level, 0 < L < 1 (default 0.95)
  --format F            table | json | csv | xlsx (default table; xlsx needs --out)
  --out FILE            write to FILE instead of stdout
  --workers N           worker threads (default: the machine's cores)
  --replicate-range A:B run replicates A (inclusive) to B (exclusive) of the run
  --keep-replicates     with --format json: include the raw replicate rows (for merge)
  --baseline ID         scenario the others are compared with (default the first)
  --precision P         add replicates until every mean's Monte Carlo error is below P
                        (absolute for shares, relative for months and money)
  --wtp DKK             willingness to pay per extra success, for net benefit and EVPI (default 0)
  --quiet               no progress bar`;

/** Run the command; returns the text for stdout (empty when written to a file). */
export async function runCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parseFlags(argv, {
    replicates: { type: 'string' },
    seed: { type: 'string' },
    level: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    workers: { type: 'string' },
    'replicate-range': { type: 'string' },
    'keep-replicates': { type: 'boolean' },
    quiet: { type: 'boolean' },
    baseline: { type: 'string' },
    precision: { type: 'string' },
    wtp: { type: 'string' },
  });
  if (positionals.length !== 1) {
    throw new ForlobInputError([{ path: 'arguments', message: `expected one model file or preset id, got ${positionals.length}` }]);
  }
  const replicates = intFlag('replicates', values.replicates as string | undefined, 1000);
  const level = levelFlag(values.level as string | undefined);
  const format = choiceFlag('format', values.format as string | undefined, ['table', 'json', 'csv', 'xlsx'] as const, 'table');
  if (format === 'xlsx' && !values.out) throw new ForlobInputError([{ path: '--out', message: '--format xlsx writes a binary workbook: give --out FILE' }]);
  const workers = intFlag('workers', values.workers as string | undefined, availableParallelism());
  const range = rangeFlag(values['replicate-range'] as string | undefined, replicates);
  const keep = values['keep-replicates'] === true;
  const precisionText = values.precision as string | undefined;
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  if (precision !== undefined && !(precision > 0 && Number.isFinite(precision))) throw new ForlobInputError([{ path: '--precision', message: `expected a positive number, got "${precisionText}"` }]);
  const wtpText = values.wtp as string | undefined;
  const willingnessToPay = wtpText === undefined ? undefined : Number(wtpText);
  if (willingnessToPay !== undefined && !(willingnessToPay >= 0 && Number.isFinite(willingnessToPay))) throw new ForlobInputError([{ path: '--wtp', message: `expected a number >= 0, got "${wtpText}"` }]);
  if (precision !== undefined && range) throw new ForlobInputError([{ path: '--precision', message: 'cannot be combined with --replicate-range' }]);
  if (keep && format !== 'json') throw new ForlobInputError([{ path: '--keep-replicates', message: 'expected together with --format json' }]);
  const seed = (values.seed as string | undefined) ?? '1';
  const model = loadModel(positionals[0]);
  const bar = progressBar(values.quiet === true);
  let result;
  try {
    result = await simulate(model, { replicates, seed, workers, onProgress: bar.onProgress, ...(values.baseline !== undefined ? { baseline: values.baseline as string } : {}), ...(precision !== undefined ? { precision, replicates: values.replicates ? replicates : 200 } : {}), ...(willingnessToPay !== undefined ? { willingnessToPay } : {}), ...(range ? { replicateRange: range } : {}), ...(level !== undefined ? { level } : {}) });
  } finally {
    bar.stop();
  }
  if (format === 'xlsx') {
    writeAtomic(values.out as string, await resultToWorkbook(result, model));
    return '';
  }
  const text =
    format === 'json'
      ? JSON.stringify({ ...resultToJSON(result), ...(keep ? { kept: keptReplicates(result, model) } : {}) }, null, 2) + '\n'
      : format === 'csv'
        ? resultToCSV(result)
        : formatTable(result);
  if (values.out) {
    writeAtomic(values.out as string, text);
    return '';
  }
  return text;
}
