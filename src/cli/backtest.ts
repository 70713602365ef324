/**
 * `forlob backtest PANEL --states MAP --train-until YYYY-MM --horizon N`: fit on the months
 * up to a date, forecast, and compare with what the panel then shows.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { simulate } from '../node.js';
import { backtest, type BacktestResult } from '../backtest/backtest.js';
import { choiceFlag, intFlag, workersFlag, levelFlag, parseFlags, usageText, type Flag } from './args.js';
import { loadPanel, PANEL_FLAGS, reportPanel } from './fit.js';
import { checkOut, writeOutput } from './io.js';

/** The backtest command's flags. */
export const BACKTEST_FLAGS: readonly Flag[] = [
  ...PANEL_FLAGS,
  {
    name: 'train-until',
    value: 'YYYY-MM',
    help: 'the last month fitted; the forecast starts the month after (required)',
    default: 'none',
  },
  { name: 'horizon', value: 'N', help: 'months forecast and compared', default: '12' },
  { name: 'replicates', value: 'N', help: 'replicates of the forecast', default: '200' },
  { name: 'seed', value: 'S', help: 'seed, any string', default: '"1"' },
  { name: 'level', value: 'L', help: 'interval level, 0 < L < 1', default: '0.95' },
  { name: 'workers', value: 'N', help: 'worker threads', default: "auto: by the run's size, up to the cores" },
  { name: 'format', value: 'F', help: 'table | json', default: 'table' },
  { name: 'out', value: 'FILE', help: 'write to FILE instead of stdout', default: 'stdout' },
];

/** Usage text of the backtest command. */
export const BACKTEST_USAGE = usageText(
  'forlob backtest <panel.csv> --states MAP --train-until YYYY-MM [flags]',
  "Fit a model on the panel's months up to --train-until, forecast the stock in each state\nover --horizon months (the fitted inflow included), and compare with what the panel\nthen shows: the coverage of the intervals, the mean absolute error, and the same for a\nnaive forecast (last year's shares carried forward, scaled by the last year's growth).",
  BACKTEST_FLAGS,
);

/** The back-test as a table. */
export function backtestTable(r: BacktestResult): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const lines = [
    `back-test: fitted up to ${r.trainUntil}, ${r.horizon} months forecast, ${r.replicates} replicates`,
    `coverage of the ${pct(r.level)} intervals: ${pct(r.coverage)} of ${r.figures.length} figures; mean absolute error ${r.mae.toFixed(1)} citizens (naive: ${r.naive.mae.toFixed(1)}, ${r.naive.method})`,
    '',
  ];
  const w = Math.max(...r.figures.map((f) => f.name.length), 6);
  const row = (cells: string[]) => cells.join('  ').trimEnd();
  lines.push(row(['figure'.padEnd(w), 'month  ', ' observed', ' forecast', '(interval)'.padEnd(13), '   naive']));
  for (const f of r.figures) {
    const inside = f.observed >= f.lo && f.observed <= f.hi ? ' ' : '*';
    lines.push(
      row([
        f.name.padEnd(w),
        f.month,
        `${String(f.observed).padStart(8)}${inside}`,
        f.mean.toFixed(1).padStart(9),
        `(${f.lo.toFixed(0)}–${f.hi.toFixed(0)})`.padEnd(13),
        f.naive.toFixed(1).padStart(8),
      ]),
    );
  }
  lines.push('', '* observed outside the interval');
  return `${lines.join('\n')}\n`;
}

/** Run the command. */
export async function backtestCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parseFlags(argv, BACKTEST_FLAGS);
  if (positionals.length !== 1)
    throw new ForlobInputError([{ path: 'arguments', message: `expected one panel file, got ${positionals.length}` }]);
  checkOut(values.out as string | undefined, positionals);
  if (values['train-until'] === undefined)
    throw new ForlobInputError([
      { path: '--train-until', message: 'expected the last month to fit: --train-until YYYY-MM' },
    ]);
  const format = choiceFlag('format', values.format as string | undefined, ['table', 'json'] as const, 'table');
  const horizon = intFlag('horizon', values.horizon as string | undefined, 12);
  const replicates = intFlag('replicates', values.replicates as string | undefined, 200);
  const workers = workersFlag(values.workers as string | undefined);
  const level = levelFlag(values.level as string | undefined) ?? 0.95;
  const { panel, report, classes, regression, bands } = loadPanel(positionals[0], values);
  reportPanel(report);
  const result = await backtest(panel, {
    trainUntil: values['train-until'] as string,
    horizon,
    replicates,
    level,
    seed: (values.seed as string | undefined) ?? '1',
    classes,
    regression,
    ...(bands ? { bands } : {}),
    run: (model, options) => simulate(model, { ...options, workers }),
  });
  const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : backtestTable(result);
  if (values.out !== undefined) {
    await writeOutput(values.out as string, text);
    return '';
  }
  return text;
}
