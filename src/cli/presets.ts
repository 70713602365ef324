/**
 * `forlob presets` and `forlob show <preset>`.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { presets } from '../presets/index.js';

/** One line per preset: id and summary. */
export function presetsCommand(): string {
  const ids = Object.keys(presets);
  const w = Math.max(...ids.map((i) => i.length));
  return ids.map((id) => `${id.padEnd(w)}  ${presets[id].summary}`).join('\n') + '\n';
}

/** The preset as an editable model file. */
export function showCommand(argv: string[]): string {
  const id = argv[0];
  if (argv.length !== 1 || !presets[id]) {
    throw new ForlobInputError([{ path: 'arguments', message: `expected one preset id (${Object.keys(presets).join(', ')}), got ${argv.length ? JSON.stringify(argv.join(' ')) : 'none'}` }]);
  }
  return JSON.stringify(presets[id].model, null, 2) + '\n';
}
