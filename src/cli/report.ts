/**
 * `forlob report <model.json | preset-id>`: simulate and write the self-contained HTML
 * report (summary, tables, plots, assumptions) in Danish or English.
 * @module
 */
import { availableParallelism } from 'node:os';
import { ForlobInputError } from '../model/errors.js';
import { simulate } from '../node.js';
import { renderReport } from '../report/html.js';
import { REPORT_LANGUAGES } from '../report/i18n.js';
import { choiceFlag, intFlag, levelFlag, parseFlags } from './args.js';
import { loadModel, writeAtomic } from './io.js';
import { progressBar } from './progress.js';

/** Usage text of the report command. */
export const REPORT_USAGE = `forlob report <model.json | preset-id> [options]
  --out FILE            write the HTML report to FILE (default: stdout)
  --lang L              da | en (default en)
  --replicates N        replicates (default 1000)
  --seed S              seed string (default "1")
  --level L             interval level, 0 < L < 1 (default 0.95)
  --baseline ID         the scenario the others are compared with (default: the first)
  --workers N           worker threads (default: the machine's cores)
  --quiet               no progress bar`;

/** Run the command; returns the HTML for stdout (empty when written to a file). */
export async function reportCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parseFlags(argv, {
    out: { type: 'string' },
    lang: { type: 'string' },
    replicates: { type: 'string' },
    seed: { type: 'string' },
    level: { type: 'string' },
    baseline: { type: 'string' },
    workers: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (positionals.length !== 1) {
    throw new ForlobInputError([{ path: 'arguments', message: `expected one model file or preset id, got ${positionals.length}` }]);
  }
  const lang = choiceFlag('lang', values.lang as string | undefined, REPORT_LANGUAGES, 'en');
  const replicates = intFlag('replicates', values.replicates as string | undefined, 1000);
  const level = levelFlag(values.level as string | undefined);
  const workers = intFlag('workers', values.workers as string | undefined, availableParallelism());
  const seed = (values.seed as string | undefined) ?? '1';
  const model = loadModel(positionals[0]);
  const baseline = values.baseline as string | undefined;
  if (baseline !== undefined && !model.scenarios.some((s) => s.id === baseline)) {
    throw new ForlobInputError([{ path: '--baseline', message: `expected a scenario id (${model.scenarios.map((s) => s.id).join(', ')}), got "${baseline}"` }]);
  }
  const bar = progressBar(values.quiet === true);
  let result;
  try {
    result = await simulate(model, { replicates, seed, workers, occupancy: true, onProgress: bar.onProgress, ...(level !== undefined ? { level } : {}) });
  } finally {
    bar.stop();
  }
  const html = await renderReport(result, model, { lang, ...(baseline !== undefined ? { baseline } : {}) });
  if (values.out) {
    writeAtomic(values.out as string, html);
    return '';
  }
  return html;
}
