/**
 * The CLI's file handling: loading a model from a file or preset id, and writing output
 * atomically so a failed run never leaves a partial file.
 * @module
 */
import { existsSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { ForlobInputError } from '../model/errors.js';
import { duplicateKeys } from '../model/json.js';
import type { ModelSpec } from '../model/types.js';
import { planUncertainty } from '../params/plan.js';
import { presets, getPreset } from '../presets/index.js';

/**
 * Load `arg` as a preset id or a model file path, checked (uncertain parameters included)
 * and returned as given, distributions and all.
 */
export function loadModel(arg: string): ModelSpec {
  if (presets[arg] && !existsSync(arg)) return getPreset(arg);
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new ForlobInputError([{ path: 'model', message: `cannot read "${arg}": ${why} (expected a model file or a preset id: ${Object.keys(presets).join(', ')})` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ForlobInputError([{ path: '(root)', message: `malformed JSON in ${arg}: ${(e as Error).message}` }], 'invalid model');
  }
  const dup = duplicateKeys(text);
  if (dup.length) throw new ForlobInputError(dup, 'invalid model');
  planUncertainty(json);
  return json as ModelSpec;
}

/** Names of a model's uncertain parameters (those with a distribution), for --evppi-groups. */
export function uncertainNames(model: unknown): string[] {
  return planUncertainty(model).parameters.filter((p) => p.dist).map((p) => p.name);
}

/** Write `content` to `path` via a temporary file and a rename. */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw new ForlobInputError([{ path: '--out', message: `cannot write "${path}": ${(e as Error).message}` }]);
  }
}
