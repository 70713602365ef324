/**
 * `forlob synth <model.json | preset-id> --months N --out panel.csv`: a synthetic register
 * panel drawn from a known model.
 * @module
 */
import { readFileSync } from 'node:fs';
import { ForlobInputError } from '../model/errors.js';
import { duplicateKeys } from '../model/json.js';
import { panelToCSV, parseStateMap, type StateMap } from '../fit/panel.js';
import { synthPanel } from '../synth/synth.js';
import { intFlag, parseFlags, usageText, type Flag } from './args.js';
import { checkOut, loadModel, writeOutput } from './io.js';

/** The synth command's flags. */
export const SYNTH_FLAGS: readonly Flag[] = [
  { name: 'months', value: 'N', help: 'months of panel (the simulated horizon)', default: "the model's horizonMonths" },
  { name: 'seed', value: 'S', help: 'seed, any string', default: '"1"' },
  { name: 'scenario', value: 'ID', help: 'the scenario whose allocation the citizens follow', default: 'the first' },
  {
    name: 'start',
    value: 'YYYY-MM',
    help: "calendar month of the panel's first month",
    default: "the model's start, else 2020-01",
  },
  {
    name: 'states',
    value: 'MAP',
    help: "a state map (JSON): write each state's first raw code instead of its id",
    default: 'state ids',
  },
  { name: 'out', value: 'FILE', help: 'write the CSV to FILE instead of stdout', default: 'stdout' },
];

/** Usage text of the synth command. */
export const SYNTH_USAGE = usageText(
  'forlob synth <model.json | preset-id> [flags]',
  'Draw a synthetic monthly register panel (CSV: id, month, status, group) from a model:\nthe citizens of one scenario followed month by month, inflow included, every\nuncertain number at its mean. No personal data: ids are made up.',
  SYNTH_FLAGS,
);

/** Read and check a state map file (`--states`). */
export function loadStateMap(path: string): StateMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ForlobInputError([{ path: '--states', message: `cannot read "${path}": ${(e as Error).message}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ForlobInputError([{ path: '--states', message: `malformed JSON in ${path}: ${(e as Error).message}` }]);
  }
  const dup = duplicateKeys(text);
  if (dup.length) throw new ForlobInputError(dup, 'invalid state map');
  return parseStateMap(json);
}

/** Run the command. */
export async function synthCommand(argv: string[]): Promise<string | Iterable<string>> {
  const { values, positionals } = parseFlags(argv, SYNTH_FLAGS);
  if (positionals.length !== 1)
    throw new ForlobInputError([
      { path: 'arguments', message: `expected one model file or preset id, got ${positionals.length}` },
    ]);
  checkOut(values.out as string | undefined, positionals);
  const model = loadModel(positionals[0]);
  const months = values.months === undefined ? undefined : intFlag('months', values.months as string, 0);
  const map = values.states === undefined ? undefined : loadStateMap(values.states as string);
  const panel = synthPanel(
    model,
    {
      ...(months !== undefined ? { months } : {}),
      seed: (values.seed as string | undefined) ?? '1',
      ...(values.scenario !== undefined ? { scenario: values.scenario as string } : {}),
      ...(values.start !== undefined ? { start: values.start as string } : {}),
    },
    map,
  );
  const csv = panelToCSV(panel, { codes: map !== undefined });
  if (values.out !== undefined) {
    await writeOutput(values.out as string, csv);
    return '';
  }
  return csv;
}
