/**
 * Flag parsing shared by the commands: node's parseArgs, with every value checked and
 * reported as a one-line error naming the flag.
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ForlobInputError } from '../model/errors.js';

/** Parse argv for one command; unknown flags and missing values become input errors. */
export function parseFlags(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ForlobInputError([{ path: 'arguments', message: (e as Error).message.split('\n')[0] }]);
  }
}

/** A positive integer flag. */
export function intFlag(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new ForlobInputError([{ path: `--${name}`, message: `expected an integer >= ${min}, got "${value}"` }]);
  }
  return Number(value);
}

/** A number strictly between 0 and 1. */
export function levelFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x <= 0 || x >= 1) {
    throw new ForlobInputError([{ path: '--level', message: `expected a number strictly between 0 and 1, got "${value}"` }]);
  }
  return x;
}

/** One of a fixed set of choices. */
export function choiceFlag<T extends string>(name: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new ForlobInputError([{ path: `--${name}`, message: `expected one of ${choices.join(', ')}, got "${value}"` }]);
  }
  return value as T;
}

/** `A:B` with 0 <= A < B <= total. */
export function rangeFlag(value: string | undefined, total: number): [number, number] | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+):(\d+)$/.exec(value);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2]) : NaN;
  if (!m || from >= to || to > total) {
    throw new ForlobInputError([{ path: '--replicate-range', message: `expected A:B with 0 <= A < B <= ${total} (the --replicates total), got "${value}"` }]);
  }
  return [from, to];
}
