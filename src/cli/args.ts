/**
 * Flag parsing shared by the commands: node's parseArgs, with every value checked and
 * reported as a one-line error naming the flag.
 * @module
 */
import { parseArgs } from 'node:util';
import { ForlobInputError } from '../model/errors.js';
import { nearestName } from '../model/suggest.js';
import { DEFAULT_WTP_RANGE, type WtpRange } from '../model/options.js';

/**
 * One flag of a command. The command's parser and its `--help` text are both made from its
 * list of these, so the usage always names exactly the flags accepted, each with its default.
 */
export interface Flag {
  /** Name without the dashes. */
  name: string;
  /** Placeholder of its value (`N`, `FILE`); absent for a switch. */
  value?: string;
  /** What it does; lines after the first are printed indented under it. */
  help: string;
  /** Its default, as shown: `1000`, `stdout`, `off`. */
  default: string;
}

/** The `-h, --help` every command accepts (shown without a default). */
const HELP_FLAG: Flag = { name: 'help', help: 'print this help and exit', default: 'off' };

/**
 * A command's usage: its synopsis, what it does, then one line per flag with its default,
 * `--help` last.
 */
export function usageText(synopsis: string, summary: string, flags: readonly Flag[]): string {
  const all = [...flags, HELP_FLAG];
  const left = (f: Flag) => `${f.name === 'help' ? '-h, ' : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`;
  const w = Math.max(...all.map((f) => left(f).length)) + 2;
  const lines = all.flatMap((f) => {
    const lines = (f === HELP_FLAG ? f.help : `${f.help} (default ${f.default})`).split('\n');
    return lines.map((line, i) => `  ${(i === 0 ? left(f) : '').padEnd(w)}${line}`);
  });
  return `usage: ${synopsis}\n\n${summary}\n\nflags:\n${lines.join('\n')}\n`;
}

/**
 * Parse argv for one command. An unknown flag is an input error suggesting the nearest
 * known one (`unknown flag --replicats (did you mean --replicates?)`); a missing value too.
 */
export function parseFlags(argv: string[], flags: readonly Flag[]) {
  const options = Object.fromEntries(
    flags.map((f) => [f.name, { type: f.value ? ('string' as const) : ('boolean' as const) }]),
  );
  try {
    return parseArgs({ args: negativeValues(argv, flags), options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec(err.message)?.[1] : undefined;
    if (unknown !== undefined) {
      const near = nearestName(
        unknown.replace(/^-+/, ''),
        flags.map((f) => f.name),
      );
      throw new ForlobInputError([
        {
          path: 'arguments',
          message: `unknown flag ${unknown}${near ? ` (did you mean --${near}?)` : flags.length ? ` (expected one of ${flags.map((f) => `--${f.name}`).join(', ')})` : ' (the command takes no flags)'}`,
        },
      ]);
    }
    throw new ForlobInputError([{ path: 'arguments', message: err.message.split('\n')[0] }]);
  }
}

/**
 * `--lower -5` as `--lower=-5`: a negative number after a flag that takes a value is that
 * flag's value (parseArgs alone reads it as an unknown flag `-5`). Up to a `--`.
 */
function negativeValues(argv: string[], flags: readonly Flag[]): string[] {
  const takesValue = new Set(flags.filter((f) => f.value).map((f) => `--${f.name}`));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return [...out, ...argv.slice(i)];
    if (takesValue.has(argv[i]) && i + 1 < argv.length && /^-\.?\d/.test(argv[i + 1]))
      out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** A positive integer flag. */
export function intFlag(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new ForlobInputError([{ path: `--${name}`, message: `expected an integer >= ${min}, got "${value}"` }]);
  }
  return Number(value);
}

/**
 * `--workers`: an explicit count (1 = this thread only), or undefined when absent so the
 * run picks its threads from its size (`forlob/node`'s simulate without `workers`).
 */
export function workersFlag(value: string | undefined): number | undefined {
  return value === undefined ? undefined : intFlag('workers', value, 1);
}

/** A number strictly between 0 and 1. */
export function levelFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x <= 0 || x >= 1) {
    throw new ForlobInputError([
      { path: '--level', message: `expected a number strictly between 0 and 1, got "${value}"` },
    ]);
  }
  return x;
}

/** One of a fixed set of choices. */
export function choiceFlag<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new ForlobInputError([
      { path: `--${name}`, message: `expected one of ${choices.join(', ')}, got "${value}"` },
    ]);
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
    throw new ForlobInputError([
      {
        path: '--replicate-range',
        message: `expected A:B with 0 <= A < B <= ${total} (the --replicates total), got "${value}"`,
      },
    ]);
  }
  return [from, to];
}

/**
 * `--wtp-range MIN:MAX:STEP`, DKK per extra success: 0 <= MIN <= MAX, STEP > 0, at most
 * 1,001 points.
 */
export function wtpRangeFlag(value: string | undefined): WtpRange | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(':');
  const [min, max, step] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 3 || ![min, max, step].every(Number.isFinite) || min < 0 || max < min || step <= 0) {
    throw new ForlobInputError([
      { path: '--wtp-range', message: `expected MIN:MAX:STEP with 0 <= MIN <= MAX and STEP > 0, got "${value}"` },
    ]);
  }
  if ((max - min) / step > 1000) {
    throw new ForlobInputError([
      { path: '--wtp-range', message: `expected at most 1,001 points ((MAX − MIN) / STEP <= 1000), got "${value}"` },
    ]);
  }
  return { min, max, step };
}

/** The default of `--wtp-range` as the flag writes it. */
export const DEFAULT_WTP_RANGE_TEXT = `${DEFAULT_WTP_RANGE.min}:${DEFAULT_WTP_RANGE.max}:${DEFAULT_WTP_RANGE.step}`;

/**
 * `--evppi-groups "a,b;c"`: groups separated by `;`, parameter names in a group by `,`.
 * When `known` (the model's uncertain parameters) is given, every name must be one of them.
 */
export function evppiGroupsFlag(value: string | undefined, known?: readonly string[]): string[][] | undefined {
  if (value === undefined) return undefined;
  const groups = value.split(';').map((g) => g.split(',').map((n) => n.trim()));
  if (value.trim() === '' || groups.some((g) => g.some((n) => n === ''))) {
    throw new ForlobInputError([
      {
        path: '--evppi-groups',
        message: `expected groups of parameter names like "a,b;c" (names separated by ",", groups by ";"), got "${value}"`,
      },
    ]);
  }
  if (known) {
    for (const name of groups.flat()) {
      if (known.includes(name)) continue;
      const near = nearestName(name, known);
      const expected = known.length ? `expected one of ${known.join(', ')}` : 'the model has no uncertain parameters';
      throw new ForlobInputError([
        {
          path: '--evppi-groups',
          message: `unknown uncertain parameter "${name}" (${near ? `did you mean "${near}"?` : expected})`,
        },
      ]);
    }
  }
  return groups;
}
