/**
 * `forlob presets` and `forlob show <preset>`.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { presets } from '../presets/index.js';
import { parseFlags } from './args.js';

/** One line per preset: id and summary. */
export function presetsCommand(argv: string[] = []): string {
  const { positionals } = parseFlags(argv, []);
  if (positionals.length)
    throw new ForlobInputError([
      { path: 'arguments', message: `expected none, got ${JSON.stringify(positionals.join(' '))}` },
    ]);
  const ids = Object.keys(presets);
  const w = Math.max(...ids.map((i) => i.length));
  return `${ids.map((id) => `${id.padEnd(w)}  ${presets[id].summary}`).join('\n')}\n`;
}

/** The preset as an editable model file. */
export function showCommand(argv: string[]): string {
  const { positionals } = parseFlags(argv, []);
  const id = positionals[0];
  if (positionals.length !== 1 || !Object.hasOwn(presets, id)) {
    throw new ForlobInputError([
      {
        path: 'arguments',
        message: `expected one preset id (${Object.keys(presets).join(', ')}), got ${positionals.length ? JSON.stringify(positionals.join(' ')) : 'none'}`,
      },
    ]);
  }
  return `${JSON.stringify(presets[id].model, null, 2)}\n`;
}
