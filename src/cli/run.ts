/**
 * `forlob run <model.json | preset-id>`: simulate and print or write the results.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { simulate } from '../simulate.js';
import { resultToJSON } from '../report/json.js';
import { resultToCSV } from '../report/csv.js';
import { formatTable } from '../report/text.js';
import { choiceFlag, intFlag, levelFlag, parseFlags } from './args.js';
import { loadModel, writeAtomic } from './io.js';

/** Usage text of the run command. */
export const RUN_USAGE = `forlob run <model.json | preset-id> [options]
  --replicates N      replicates (default 1000)
  --seed S            seed string (default "1")
  --level L           interval level, 0 < L < 1 (default 0.95)
  --format F          table | json | csv (default table)
  --out FILE          write to FILE instead of stdout`;

/** Run the command; returns the text for stdout (empty when written to a file). */
export async function runCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parseFlags(argv, {
    replicates: { type: 'string' },
    seed: { type: 'string' },
    level: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length !== 1) {
    throw new ForlobInputError([{ path: 'arguments', message: `expected one model file or preset id, got ${positionals.length}` }]);
  }
  const replicates = intFlag('replicates', values.replicates as string | undefined, 1000);
  const level = levelFlag(values.level as string | undefined);
  const format = choiceFlag('format', values.format as string | undefined, ['table', 'json', 'csv'] as const, 'table');
  const seed = (values.seed as string | undefined) ?? '1';
  const model = loadModel(positionals[0]);
  const result = await simulate(model, { replicates, seed, ...(level !== undefined ? { level } : {}) });
  const text = format === 'json' ? JSON.stringify(resultToJSON(result), null, 2) + '\n' : format === 'csv' ? resultToCSV(result) : formatTable(result);
  if (values.out) {
    writeAtomic(values.out as string, text);
    return '';
  }
  return text;
}
