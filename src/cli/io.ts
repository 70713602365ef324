/**
 * The CLI's file handling: loading a model from a file or preset id, and writing output
 * atomically so a failed run never leaves a partial file.
 * @module
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  write,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ForlobInputError } from '../model/errors.js';
import { duplicateKeys } from '../model/json.js';
import type { ModelInput } from '../params/input.js';
import { planUncertainty } from '../evidence/plan.js';
import { presets, getPreset } from '../presets/index.js';
import { onInterrupt } from './interrupt.js';

/**
 * Load `arg` as a preset id or a model file path, checked (uncertain parameters included)
 * and returned as given, distributions and all.
 */
export function loadModel(arg: string, options: { translations?: boolean } = {}): ModelInput {
  if (presets[arg] && !existsSync(arg)) return getPreset(arg, options);
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new ForlobInputError([
      {
        path: 'model',
        message: `cannot read "${arg}": ${why} (expected a model file or a preset id: ${Object.keys(presets).join(', ')})`,
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ForlobInputError(
      [{ path: '(root)', message: `malformed JSON in ${arg}: ${(e as Error).message}` }],
      'invalid model',
    );
  }
  const dup = duplicateKeys(text);
  if (dup.length) throw new ForlobInputError(dup, 'invalid model');
  planUncertainty(json);
  return json as ModelInput;
}

/** Names of a model's uncertain parameters (those with a distribution), for --evppi-groups. */
export function uncertainNames(model: unknown): string[] {
  return planUncertainty(model)
    .parameters.filter((p) => p.dist)
    .map((p) => p.name);
}

/** What an output file is made of: one text or buffer, or chunks of them (a document too long for one string). */
export type OutputContent = string | Uint8Array | Iterable<string | Uint8Array>;

const outProblem = (message: string) => new ForlobInputError([{ path: '--out', message }]);

/** Why an errno happened, in words. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such folder'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'read-only file system'
        : code === 'ENOTDIR'
          ? 'a part of the path is not a folder'
          : (e as Error).message;
}

/**
 * Check an output path before it is written: a file name (not ""), not a symbolic link,
 * a folder or a device, in a folder this process can write. Returns the permission bits
 * of an existing file (the new file keeps them), or undefined.
 */
function checkTarget(path: string): number | undefined {
  if (typeof path !== 'string' || path === '') throw outProblem(`expected a file name, got ${JSON.stringify(path)}`);
  const dir = dirname(resolve(path));
  try {
    if (!statSync(dir).isDirectory()) throw outProblem(`cannot write "${path}": "${dir}" is not a folder`);
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    if (e instanceof ForlobInputError) throw e;
    throw outProblem(`cannot write "${path}": folder "${dir}": ${reason(e)}`);
  }
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw outProblem(`cannot write "${path}": ${reason(e)}`);
  }
  if (st.isSymbolicLink())
    throw outProblem(`"${path}" is a symbolic link: forlob does not replace one (remove it, or write to another name)`);
  if (st.isDirectory()) throw outProblem(`"${path}" is a folder: expected a file name`);
  if (!st.isFile())
    throw outProblem(
      `"${path}" is not a regular file (a device, pipe or socket): write to a file, or leave --out off and redirect stdout`,
    );
  return st.mode & 0o7777;
}

/**
 * The check of an `--out` flag made right after the flags are read, before any long run:
 * `--out ""` is an error, and so are a symbolic link, a folder, a device, a folder this
 * process cannot write, and the model file or another input of the command (`inputs`:
 * file paths or preset ids; those that are not files are skipped). Nothing when `out` is
 * undefined (stdout).
 */
export function checkOut(out: string | undefined, inputs: readonly string[] = []): void {
  if (out === undefined) return;
  if (checkTarget(out) === undefined) return; // a new file is no input
  const target = statSync(out);
  for (const input of inputs) {
    let st: Stats;
    try {
      st = statSync(input);
    } catch {
      continue; // a preset id
    }
    // The same file by any name (a link, a hard link, another path): same device and inode.
    if (st.dev === target.dev && st.ino === target.ino)
      throw outProblem(`"${out}" is the input file "${input}": writing there would replace it`);
  }
}

/** A fresh temporary file next to `path`: a random name, created exclusively (never through a planted file or link). */
function openTemp(path: string, mode: number | undefined): { fd: number; tmp: string } {
  for (let attempt = 0; ; attempt++) {
    const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      const fd = openSync(tmp, 'wx', mode ?? 0o666);
      if (mode !== undefined) fchmodSync(fd, mode);
      return { fd, tmp };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 4) throw e;
    }
  }
}

const chunksOf = (content: OutputContent): Iterable<string | Uint8Array> =>
  typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
const bytes = (chunk: string | Uint8Array): Uint8Array =>
  typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;

/** Replace `path` by the finished temporary file, unless a symbolic link was planted there meanwhile. */
function replaceTarget(tmp: string, path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    /* no file there: nothing to replace */
  }
  if (link)
    throw outProblem(`"${path}" is a symbolic link: forlob does not replace one (remove it, or write to another name)`);
  renameSync(tmp, path);
}

function removeQuietly(tmp: string): void {
  try {
    unlinkSync(tmp);
  } catch {
    /* already gone */
  }
}

const writeProblem = (path: string, e: unknown) =>
  e instanceof ForlobInputError ? e : outProblem(`cannot write "${path}": ${(e as Error).message}`);

/**
 * Write `content` to `path` atomically: into a temporary file next to it (a random name,
 * created exclusively, so a file or link planted in the folder is never followed), then
 * renamed over `path`, so readers see the old file or the whole new one. An existing
 * file keeps its permission bits; a symbolic link, a folder or a device at `path` is
 * refused, not replaced. On any error the temporary file is removed. `content` may be
 * chunks, for a document too long to hold as one string.
 */
export function writeAtomic(path: string, content: OutputContent): void {
  const mode = checkTarget(path);
  let temp: { fd: number; tmp: string } | undefined;
  let isOpen = false;
  try {
    temp = openTemp(path, mode);
    isOpen = true;
    for (const chunk of chunksOf(content)) {
      const b = bytes(chunk);
      for (let off = 0; off < b.length; ) off += writeSync(temp.fd, b, off, b.length - off);
    }
    isOpen = false;
    closeSync(temp.fd);
    replaceTarget(temp.tmp, path);
  } catch (e) {
    if (temp) {
      if (isOpen) closeQuietly(temp.fd);
      removeQuietly(temp.tmp);
    }
    throw writeProblem(path, e);
  }
}

const writeAsync = (fd: number, b: Uint8Array, off: number) =>
  new Promise<number>((res, rej) => write(fd, b, off, b.length - off, null, (err, n) => (err ? rej(err) : res(n))));

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
}

/**
 * {@link writeAtomic} for the CLI: the chunks are written asynchronously, and an interrupt
 * (SIGINT, SIGTERM) or exit while writing removes the temporary file before the process
 * ends, leaving `path` as it was.
 */
export async function writeOutput(path: string, content: OutputContent): Promise<void> {
  const mode = checkTarget(path);
  let tmp: string | undefined;
  let release = () => {};
  try {
    const temp = openTemp(path, mode);
    tmp = temp.tmp;
    const file = temp.tmp;
    release = onInterrupt(() => removeQuietly(file));
    try {
      for (const chunk of chunksOf(content)) {
        const b = bytes(chunk);
        // One chunk at a time, each a turn of the event loop: an interrupt is handled while writing.
        for (let off = 0; off < b.length; ) off += await writeAsync(temp.fd, b, off);
      }
    } finally {
      closeSync(temp.fd);
    }
    replaceTarget(temp.tmp, path);
  } catch (e) {
    if (tmp) removeQuietly(tmp);
    throw writeProblem(path, e);
  } finally {
    release();
  }
}
