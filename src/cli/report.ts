/**
 * `forlob report <model.json | preset-id>`: simulate and write the self-contained HTML
 * report (summary, tables, plots, assumptions) in Danish or English.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { type SimulationResult, simulate } from '../node.js';
import { renderReport } from '../report/html.js';
import { resultToWorkbook } from '../report/xlsx.js';
import { REPORT_LANGUAGES } from '../format/i18n.js';
import {
  choiceFlag,
  DEFAULT_WTP_RANGE_TEXT,
  evppiGroupsFlag,
  intFlag,
  workersFlag,
  levelFlag,
  parseFlags,
  usageText,
  wtpRangeFlag,
  type Flag,
} from './args.js';
import { checkOut, loadModel, uncertainNames, writeOutput } from './io.js';
import { progressBar } from './progress.js';

/** The report command's flags: its parser and its usage are both made from this list. */
export const REPORT_FLAGS: readonly Flag[] = [
  { name: 'out', value: 'FILE', help: 'write the HTML report to FILE', default: 'stdout' },
  { name: 'lang', value: 'L', help: 'da | en', default: 'en' },
  {
    name: 'xlsx',
    value: 'FILE',
    help: 'also write the workbook of the same run to FILE, in the same language',
    default: 'none',
  },
  { name: 'replicates', value: 'N', help: 'replicates', default: '1000' },
  { name: 'seed', value: 'S', help: 'seed, any string', default: '"1"' },
  { name: 'level', value: 'L', help: 'interval level, 0 < L < 1', default: '0.95' },
  { name: 'baseline', value: 'ID', help: 'the scenario the others are compared with', default: 'the first' },
  { name: 'workers', value: 'N', help: 'worker threads', default: "auto: by the run's size, up to the cores" },
  {
    name: 'wtp',
    value: 'DKK',
    help: 'willingness to pay per extra success: the decision, EVPI and EVPPI are read at it',
    default: '0',
  },
  {
    name: 'wtp-range',
    value: 'MIN:MAX:STEP',
    help: 'willingness-to-pay grid of the CEAC and the EVPI curve, DKK per extra success',
    default: DEFAULT_WTP_RANGE_TEXT,
  },
  {
    name: 'evppi-groups',
    value: '"A,B;C"',
    help: 'groups of uncertain parameters, names separated by "," and groups by ";"\n(quote it: ";" ends a shell command); EVPPI is reported for each uncertain\nparameter alone and for each group',
    default: 'none: each parameter alone',
  },
  { name: 'quiet', help: 'no progress bar (it is also off when stderr is not a terminal)', default: 'off' },
];

/** Usage text of the report command. */
export const REPORT_USAGE = usageText(
  'forlob report <model.json | preset-id> [flags]',
  'Simulate and write a self-contained HTML report (summary, tables, plots, assumptions)\nin Danish or English.',
  REPORT_FLAGS,
);

/** Run the command; returns the HTML for stdout (empty when written to a file). */
export async function reportCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parseFlags(argv, REPORT_FLAGS);
  if (positionals.length !== 1) {
    throw new ForlobInputError([
      { path: 'arguments', message: `expected one model file or preset id, got ${positionals.length}` },
    ]);
  }
  checkOut(values.out as string | undefined, positionals); // before the run, not after it
  checkOut(values.xlsx as string | undefined, positionals);
  const lang = choiceFlag('lang', values.lang as string | undefined, REPORT_LANGUAGES, 'en');
  const replicates = intFlag('replicates', values.replicates as string | undefined, 1000);
  const level = levelFlag(values.level as string | undefined);
  const workers = workersFlag(values.workers as string | undefined);
  const seed = (values.seed as string | undefined) ?? '1';
  const wtpText = values.wtp as string | undefined;
  const willingnessToPay = wtpText === undefined ? undefined : Number(wtpText);
  if (willingnessToPay !== undefined && !(willingnessToPay >= 0 && Number.isFinite(willingnessToPay)))
    throw new ForlobInputError([{ path: '--wtp', message: `expected a number >= 0, got "${wtpText}"` }]);
  const willingnessToPayRange = wtpRangeFlag(values['wtp-range'] as string | undefined);
  // A preset's translations ride along: the report is the only output that reads them.
  const model = loadModel(positionals[0], { translations: true });
  const evppiGroups = evppiGroupsFlag(values['evppi-groups'] as string | undefined, uncertainNames(model));
  const baseline = values.baseline as string | undefined;
  if (baseline !== undefined && !model.scenarios.some((s) => s.id === baseline)) {
    throw new ForlobInputError([
      {
        path: '--baseline',
        message: `expected a scenario id (${model.scenarios.map((s) => s.id).join(', ')}), got "${baseline}"`,
      },
    ]);
  }
  const bar = progressBar(values.quiet === true);
  let result: SimulationResult;
  try {
    result = await simulate(model, {
      replicates,
      seed,
      workers,
      occupancy: true,
      onProgress: bar.onProgress,
      ...(level !== undefined ? { level } : {}),
      ...(willingnessToPay !== undefined ? { willingnessToPay } : {}),
      ...(willingnessToPayRange ? { willingnessToPayRange } : {}),
      ...(evppiGroups ? { evppiGroups } : {}),
    });
  } finally {
    bar.stop();
  }
  const html = await renderReport(result, model, { lang, ...(baseline !== undefined ? { baseline } : {}) });
  if (values.xlsx !== undefined)
    await writeOutput(values.xlsx as string, await resultToWorkbook(result, model, { lang }));
  if (values.out !== undefined) {
    await writeOutput(values.out as string, html);
    return '';
  }
  return html;
}
