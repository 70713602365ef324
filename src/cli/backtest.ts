/**
 * `forlob backtest PANEL --states MAP --train-until YYYY-MM --horizon N`: fit on the months
 * up to a date, forecast, and compare with what the panel then shows.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { simulate } from '../node.js';
import { backtest, type BacktestFigure, type BacktestResult } from '../backtest/backtest.js';
import { choiceFlag, intFlag, workersFlag, levelFlag, parseFlags, usageText, type Flag } from './args.js';
import { loadPanel, PANEL_FLAGS, reportPanel } from './fit.js';
import { backtestSpec } from '../plot/backtest.js';
import { toSVG } from '../plot/render.js';
import { checkOut, writeOutput } from './io.js';
import { monthSerial } from '../model/dates.js';

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
  {
    name: 'plot',
    value: 'FILE',
    help: 'also draw observed against the forecast band per figure, as SVG (FILE.svg) or HTML (FILE.html)',
    default: 'none',
  },
];

/** Usage text of the backtest command. */
export const BACKTEST_USAGE = usageText(
  'forlob backtest <panel.csv> --states MAP --train-until YYYY-MM [flags]',
  "Fit a model on the panel's months up to --train-until, forecast the stock in each state\nover --horizon months (the fitted inflow included), and compare with what the panel\nthen shows: the stock per state and month and the share of the citizens on benefit at\n--train-until still (or again) on benefit 3, 6 and 12 months later, and the exits to\nsuccess per month (moves into a success state from any other kind); the coverage of the\nintervals, the mean absolute error, and the same for a naive forecast (last year's shares\ncarried forward). --plot draws observed against the forecast band.",
  BACKTEST_FLAGS,
);

/** The back-test as a table. */
export function backtestTable(r: BacktestResult): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  // Shares of a cohort in per cent; stocks and exits to success in citizens.
  const share = (f: BacktestFigure) => f.name === 'still on benefit';
  const lines = [
    `back-test: fitted up to ${r.trainUntil}, ${r.horizon} months forecast, ${r.replicates} replicates`,
    `coverage of the ${pct(r.level)} intervals: ${pct(r.coverage)} of ${r.figures.length} figures; mean absolute error of the stocks ${r.mae.toFixed(1)} citizens (naive: ${r.naive.mae.toFixed(1)}; ${r.naive.method})`,
    ...r.kinds.map((k) => {
      const e = (x: number) => (k.name === 'still on benefit' ? `${(100 * x).toFixed(1)} pt` : x.toFixed(1));
      return `  ${k.name}: coverage ${pct(k.coverage)} of ${k.figures}; mean absolute error ${e(k.mae)} (naive ${e(k.naiveMae)})`;
    }),
    '',
  ];
  const w = Math.max(...r.figures.map((f) => f.name.length), 6);
  const row = (cells: string[]) => cells.join('  ').trimEnd();
  lines.push(row(['figure'.padEnd(w), 'month  ', ' observed', ' forecast', '(interval)'.padEnd(13), '   naive']));
  for (const f of r.figures) {
    const inside = f.observed >= f.lo && f.observed <= f.hi ? ' ' : '*';
    const v = (x: number, d: number) => (share(f) ? `${(100 * x).toFixed(1)}%` : x.toFixed(d));
    lines.push(
      row([
        f.name.padEnd(w),
        f.month,
        `${v(f.observed, 0).padStart(8)}${inside}`,
        v(f.mean, 1).padStart(9),
        `(${v(f.lo, 0)}–${v(f.hi, 0)})`.padEnd(13),
        v(f.naive, 1).padStart(8),
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
  checkOut(values.plot as string | undefined, positionals);
  if (values['train-until'] === undefined)
    throw new ForlobInputError([
      { path: '--train-until', message: 'expected the last month to fit: --train-until YYYY-MM' },
    ]);
  monthSerial(values['train-until'] as string, '--train-until'); // named by its flag, before the panel is read
  const format = choiceFlag('format', values.format as string | undefined, ['table', 'json'] as const, 'table');
  const horizon = intFlag('horizon', values.horizon as string | undefined, 12);
  const replicates = intFlag('replicates', values.replicates as string | undefined, 200);
  const workers = workersFlag(values.workers as string | undefined);
  const level = levelFlag(values.level as string | undefined) ?? 0.95;
  const { panel, report, classes, regression, bands, clock } = loadPanel(positionals[0], values);
  reportPanel(report);
  const result = await backtest(panel, {
    trainUntil: values['train-until'] as string,
    horizon,
    replicates,
    level,
    seed: (values.seed as string | undefined) ?? '1',
    classes,
    regression,
    ...(bands ? { bands, clock } : {}),
    run: (model, options) => simulate(model, { ...options, workers }),
  });
  const plot = values.plot as string | undefined;
  if (plot !== undefined) {
    const svg = await toSVG(backtestSpec(result));
    await writeOutput(
      plot,
      /\.html?$/i.test(plot)
        ? `<!doctype html>\n<html><head><meta charset="utf-8"><title>back-test</title></head><body>\n${svg}\n</body></html>\n`
        : svg,
    );
  }
  const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : backtestTable(result);
  if (values.out !== undefined) {
    await writeOutput(values.out as string, text);
    return '';
  }
  return text;
}
