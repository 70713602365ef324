/**
 * `forlob merge a.json b.json …`: join the parts of a split run into the whole run's JSON.
 * @module
 */
import { readFileSync } from 'node:fs';
import { ForlobInputError } from '../model/errors.js';
import { resultToJSON } from '../report/json.js';
import { keptReplicates } from '../summary/kept.js';
import { mergeRuns, type RunPart } from '../summary/merge.js';
import { parseFlags, usageText, type Flag } from './args.js';
import { checkOut, writeOutput } from './io.js';
import { jsonDocument } from '../report/json-chunks.js';

/** The merge command's flags: its parser and its usage are both made from this list. */
export const MERGE_FLAGS: readonly Flag[] = [
  { name: 'out', value: 'FILE', help: 'write the merged JSON to FILE instead of stdout', default: 'stdout' },
  { name: 'keep-replicates', help: 'keep the raw replicate rows in the output (to merge it again)', default: 'off' },
];

/** Usage of the merge command. */
export const MERGE_USAGE = usageText(
  'forlob merge <part.json> … [flags]',
  "Merge the parts of a split run, written with --format json --keep-replicates, into the\nwhole run's JSON (byte-identical to running it whole).",
  MERGE_FLAGS,
);

/** Merge the files named in argv. */
export async function mergeCommand(argv: string[]): Promise<string | Iterable<string>> {
  const { values, positionals } = parseFlags(argv, MERGE_FLAGS);
  checkOut(values.out as string | undefined, positionals);
  const parts = positionals.map((file): RunPart => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ForlobInputError([
        {
          path: file,
          message: `cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
        },
      ]);
    }
    try {
      return JSON.parse(text) as RunPart;
    } catch (e) {
      throw new ForlobInputError([{ path: file, message: `malformed JSON: ${(e as Error).message}` }]);
    }
  });
  const result = mergeRuns(parts, positionals);
  const json = {
    ...resultToJSON(result),
    ...(values['keep-replicates'] ? { kept: keptReplicates(result, parts[0].kept.spec) } : {}),
  };
  const text = jsonDocument(json); // in chunks: kept rows can pass the longest string
  if (values.out !== undefined) {
    await writeOutput(values.out as string, text);
    return '';
  }
  return text;
}
