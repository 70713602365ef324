/**
 * `forlob fit PANEL --states MAP --out model.json`: estimate a model from a register panel.
 * @module
 */
import { readFileSync } from 'node:fs';
import { ForlobInputError } from '../model/errors.js';
import { type AlignmentFactor, type AlignTarget, alignModel } from '../analysis/align.js';
import { fitModel, type FitResult } from '../fit/estimate.js';
import { readPanel, readPanelArrow, type Panel, type PanelReport, type StateMap } from '../fit/panel.js';
import { choiceFlag, intFlag, parseFlags, usageText, type Flag } from './args.js';
import { checkOut, writeOutput } from './io.js';
import { loadStateMap } from './synth.js';

/** The flags that read a panel, shared by fit and backtest. */
export const PANEL_FLAGS: readonly Flag[] = [
  {
    name: 'states',
    value: 'MAP',
    help: 'the state map (JSON): raw status codes → model states (required)',
    default: 'none',
  },
  {
    name: 'bands',
    value: 'LIST',
    help: 'duration bands, months of the --clock, ascending from 0: "0,6,12,24"',
    default: '0 (none)',
  },
  {
    name: 'clock',
    value: 'C',
    help: "the bands' clock: state (months in the current state) | benefit (months on benefit so far)",
    default: 'state',
  },
  {
    name: 'covariates',
    value: 'LIST',
    help: 'panel columns for a Poisson regression of every rate (main effects): "age_band,sex";\nthe population is split into their classes',
    default: 'none',
  },
  {
    name: 'group',
    value: 'COL',
    help: 'a panel column whose classes get their own rows (counts per class)',
    default: "the map's group",
  },
  { name: 'drop-bad', help: 'drop bad rows and count them (stderr) instead of stopping at the first', default: 'off' },
];

/** The fit command's flags. */
export const FIT_FLAGS: readonly Flag[] = [
  ...PANEL_FLAGS,
  { name: 'horizon', value: 'N', help: 'months the fitted model simulates', default: '36' },
  {
    name: 'name',
    value: 'TEXT',
    help: "the fitted model's name",
    default: '"Fitted to a register panel, <first> to <last>"',
  },
  {
    name: 'estimates',
    value: 'FILE',
    help: 'also write the estimates (counts, regressions, warnings) as JSON',
    default: 'off',
  },
  {
    name: 'align',
    value: 'TARGETS',
    help: 'scale the fitted exit hazards so expected figures hit aggregate targets, comma-separated:\n"kh=1800@2024-12": 1,800 citizens in kh in December 2024 (scales the exits from kh);\n"success=0.42@12": 42 % of all in success states 12 months after the last panel month\n(scales the exits from every benefit state); the factors go to stderr, --estimates\nand the model\'s description',
    default: 'off',
  },
  { name: 'out', value: 'FILE', help: 'write the model to FILE instead of stdout', default: 'stdout' },
];

/**
 * `--align kh=1800@2024-12,success=0.42@12`: a state's stock or the success share (`0.42` or
 * `42%`) at a calendar month or a number of months after month 0.
 */
export function alignFlag(value: string | undefined): AlignTarget[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((item, i) => {
    const m = /^\s*([^=@\s]+)\s*=\s*([0-9.eE+-]+)\s*(%?)\s*@\s*(\S+)\s*$/.exec(item);
    const x = m ? Number(m[2]) / (m[3] ? 100 : 1) : NaN;
    if (!m || !Number.isFinite(x))
      throw new ForlobInputError([
        {
          path: `--align[${i}]`,
          message: `expected STATE=COUNT@MONTH or success=SHARE@MONTH (MONTH: YYYY-MM or months after the last panel month), like "kh=1800@2024-12" or "success=0.42@12", got "${item.trim()}"`,
        },
      ]);
    const label = item.trim();
    return m[1] === 'success' ? { success: x, at: m[4], label } : { state: m[1], count: x, at: m[4], label };
  });
}

/** Usage text of the fit command. */
export const FIT_USAGE = usageText(
  'forlob fit <panel.csv | panel.arrow> --states MAP [flags]',
  "Estimate a model from a register panel (columns id, month YYYY-MM or week YYYY-Www,\nstatus, and any covariates): monthly rates per from-state and destination with\ntheir uncertainty as distributions, the stock at the last month as groups, the\ninflow. Weeks become months by the status held on most of the month's days. The\nmodel holds only counts and rates, no citizen's id; `forlob run` runs it.",
  FIT_FLAGS,
);

/** A comma-separated list flag. */
export function listFlag(name: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((x) => x.trim());
  if (items.some((x) => x === ''))
    throw new ForlobInputError([{ path: `--${name}`, message: `expected names separated by ",", got "${value}"` }]);
  return items;
}

/** `--bands 0,6,12`: whole months ascending from 0. */
export function bandsFlag(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const bands = value.split(',').map((x) => (/^\s*\d+\s*$/.test(x) ? Number(x) : NaN));
  if (bands.some((b, i) => Number.isNaN(b) || (i > 0 && b <= bands[i - 1])) || bands[0] !== 0)
    throw new ForlobInputError([
      { path: '--bands', message: `expected whole months ascending from 0, like "0,6,12,24", got "${value}"` },
    ]);
  return bands;
}

/** Read the panel a command names, with the panel flags. */
export function loadPanel(
  path: string,
  values: Record<string, string | boolean | undefined>,
): {
  panel: Panel;
  report: PanelReport;
  map: StateMap;
  classes: string[];
  regression: boolean;
  bands?: number[];
  clock: 'state' | 'benefit';
} {
  if (values.states === undefined)
    throw new ForlobInputError([
      { path: '--states', message: 'expected a state map: --states MAP (see examples/maps/dream-states.json)' },
    ]);
  const map = loadStateMap(values.states as string);
  const covariates = listFlag('covariates', values.covariates as string | undefined) ?? [];
  const group = (values.group as string | undefined) ?? map.group;
  const classes = [...new Set([...(group !== undefined ? [group] : []), ...covariates])];
  const bands = bandsFlag(values.bands as string | undefined);
  const clock = choiceFlag('clock', values.clock as string | undefined, ['state', 'benefit'] as const, 'state');
  const options = { columns: classes, dropBad: values['drop-bad'] === true };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ForlobInputError([{ path: 'panel', message: `cannot read "${path}": ${(e as Error).message}` }]);
  }
  const { panel, report } = /\.(arrow|feather|ipc)$/i.test(path)
    ? readPanelArrow(bytes, { ...map, group: undefined }, options)
    : readPanel(bytes.toString('utf8'), { ...map, group: undefined }, options);
  return { panel, report, map, classes, regression: covariates.length > 0, clock, ...(bands ? { bands } : {}) };
}

/** The reading report and the warnings, on stderr. */
export function reportPanel(report: PanelReport, warnings: readonly string[] = []): void {
  const dropped = Object.entries(report.dropped);
  const total = dropped.reduce((t, [, k]) => t + k, 0);
  process.stderr.write(
    `forlob: read ${report.rows} ${report.weekly ? 'weekly ' : ''}rows, kept ${report.kept}${report.weekly ? ' citizen-months' : ''}${total ? `; dropped ${total}: ${dropped.map(([why, k]) => `${k} ${why}`).join(', ')} (first: line ${report.examples[0].line}, ${report.examples[0].message})` : ''}\n`,
  );
  for (const w of warnings) process.stderr.write(`forlob: warning: ${w}\n`);
}

/** Run the command. */
export async function fitCommand(argv: string[]): Promise<string> {
  const { values, positionals } = parseFlags(argv, FIT_FLAGS);
  if (positionals.length !== 1)
    throw new ForlobInputError([{ path: 'arguments', message: `expected one panel file, got ${positionals.length}` }]);
  checkOut(values.out as string | undefined, positionals);
  if (values.estimates !== undefined) checkOut(values.estimates as string, positionals);
  const horizonMonths = intFlag('horizon', values.horizon as string | undefined, 36);
  const targets = alignFlag(values.align as string | undefined);
  const { panel, report, classes, regression, bands, clock } = loadPanel(positionals[0], values);
  const result: FitResult = fitModel(panel, {
    classes,
    regression,
    horizonMonths,
    ...(bands ? { bands, clock } : {}),
    ...(values.name !== undefined ? { name: values.name as string } : {}),
  });
  let alignment: AlignmentFactor[] | undefined;
  if (targets) {
    const aligned = alignModel(result.model, targets, { path: '--align' });
    result.model = aligned.model;
    alignment = aligned.factors;
  }
  reportPanel(report, result.estimates.warnings);
  for (const a of alignment ?? [])
    process.stderr.write(
      `forlob: aligned ${a.target}: exit hazards of ${a.states.join(', ')} × ${a.factor.toPrecision(4)} (expected ${+a.before.toPrecision(6)} before, ${+a.after.toPrecision(6)} after)\n`,
    );
  const text = `${JSON.stringify(result.model, null, 2)}\n`;
  if (values.estimates !== undefined)
    await writeOutput(
      values.estimates as string,
      `${JSON.stringify({ ...result.estimates, ...(alignment ? { alignment } : {}) }, null, 2)}\n`,
    );
  if (values.out !== undefined) {
    await writeOutput(values.out as string, text);
    return '';
  }
  return text;
}
