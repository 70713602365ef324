#!/usr/bin/env node
/**
 * The `forlob` command: dispatches to one file per command. `forlob` alone (or `forlob
 * help`, `--help`, `-h`) prints the overview of the commands on stdout and exits 0;
 * `forlob <command> --help` (or `-h`, or `forlob help <command>`) prints that command's
 * usage, every flag with its default, and exits 0; `forlob --version` (`-V`) prints the
 * version of package.json. Input errors, an unknown flag or command among them (with the
 * nearest known one suggested), print one line per problem to stderr and exit 2; anything
 * unexpected exits 1.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { nearestName } from '../model/suggest.js';
import { printable } from '../report/escape.js';
import pkg from '../../package.json' with { type: 'json' };
import { usageText } from './args.js';
import { presetsCommand, showCommand } from './presets.js';
import { BREAKEVEN_USAGE, breakEvenCommand, SENSITIVITY_USAGE, sensitivityCommand } from './analyse.js';
import { MERGE_USAGE, mergeCommand } from './merge.js';
import { REPORT_USAGE, reportCommand } from './report.js';
import { RUN_USAGE, runCommand } from './run.js';
import { SYNTH_USAGE, synthCommand } from './synth.js';
import { FIT_USAGE, fitCommand } from './fit.js';
import { BACKTEST_USAGE, backtestCommand } from './backtest.js';

/** The package's version (package.json is bundled into dist/cli.js at build time). */
const VERSION: string = pkg.version;

type Output = string | Iterable<string>;

interface Command {
  /** Arguments, for the overview. */
  args: string;
  /** One line, for the overview. */
  summary: string;
  /** `forlob <command> --help`. */
  usage: string;
  /** Text for stdout, or its chunks (a JSON document too long for one string). */
  run: (argv: string[]) => Output | Promise<Output>;
}

const COMMANDS: Record<string, Command> = {
  run: {
    args: '<model.json | preset-id>',
    summary: 'simulate every scenario; print or write the results',
    usage: RUN_USAGE,
    run: runCommand,
  },
  report: {
    args: '<model.json | preset-id>',
    summary: 'simulate and write a self-contained HTML report',
    usage: REPORT_USAGE,
    run: reportCommand,
  },
  sensitivity: {
    args: '<model.json | preset-id>',
    summary: 'rank uncertain parameters by the swing they cause (tornado)',
    usage: SENSITIVITY_USAGE,
    run: sensitivityCommand,
  },
  breakeven: {
    args: '<model.json | preset-id> --parameter NAME',
    summary: 'the parameter value at which a scenario matches its baseline',
    usage: BREAKEVEN_USAGE,
    run: breakEvenCommand,
  },
  merge: {
    args: '<part.json> …',
    summary: 'merge the parts of a split run into the whole run',
    usage: MERGE_USAGE,
    run: mergeCommand,
  },
  fit: {
    args: '<panel.csv> --states MAP',
    summary: 'estimate a model from a register panel (rates, inflow, their uncertainty)',
    usage: FIT_USAGE,
    run: fitCommand,
  },
  backtest: {
    args: '<panel.csv> --states MAP --train-until YYYY-MM',
    summary: 'fit up to a month, forecast, and compare with what the panel then shows',
    usage: BACKTEST_USAGE,
    run: backtestCommand,
  },
  synth: {
    args: '<model.json | preset-id>',
    summary: 'draw a synthetic register panel (CSV) from a model',
    usage: SYNTH_USAGE,
    run: synthCommand,
  },
  presets: {
    args: '',
    summary: 'list the built-in presets',
    usage: usageText('forlob presets', 'List the built-in presets, one line each: id and summary.', []),
    run: presetsCommand,
  },
  show: {
    args: '<preset-id>',
    summary: 'print a preset as an editable model file',
    usage: usageText('forlob show <preset-id>', 'Print a preset as an editable model file (JSON) on stdout.', []),
    run: showCommand,
  },
};

const left = (name: string) => `forlob ${name} ${COMMANDS[name].args}`.trimEnd();
const width = Math.max(...Object.keys(COMMANDS).map((n) => left(n).length)) + 2;

/** `forlob` alone, `forlob help`, `forlob --help`: the commands, one line each. */
const USAGE = `forlob ${VERSION}: Monte Carlo forecasts of employment-policy scenarios

usage:
${Object.keys(COMMANDS)
  .map((n) => `  ${left(n).padEnd(width)}${COMMANDS[n].summary}`)
  .join('\n')}
  ${'forlob help [command]'.padEnd(width)}this overview, or a command's usage
  ${'forlob --version, -V'.padEnd(width)}print the version

Every command takes --help (-h): its usage, every flag with its default.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const cmd = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  let out: Output;
  if (cmd) {
    // `forlob <command> --help` (or -h), anywhere before a `--`, prints the usage and does nothing else.
    const end = rest.indexOf('--');
    const flags = end < 0 ? rest : rest.slice(0, end);
    out = flags.includes('--help') || flags.includes('-h') ? cmd.usage : await cmd.run(rest);
  } else if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(COMMANDS, topic)) throw unknownCommand(topic);
    out = topic !== undefined ? COMMANDS[topic].usage : USAGE;
  } else if (command === '--version' || command === '-V' || command === 'version') {
    out = `${VERSION}\n`;
  } else throw unknownCommand(command);
  if (typeof out === 'string') {
    if (out) process.stdout.write(out);
  } else for (const chunk of out) await writeStdout(chunk);
  return 0;
}

/** Write a chunk to stdout, waiting while its buffer is full (a pipe read slowly). */
function writeStdout(chunk: string): Promise<void> | void {
  if (!process.stdout.write(chunk)) return new Promise((res) => process.stdout.once('drain', () => res()));
}

function unknownCommand(command: string): ForlobInputError {
  const near = nearestName(command, Object.keys(COMMANDS));
  return new ForlobInputError([
    {
      path: 'command',
      message: `unknown command "${command}" (${near ? `did you mean "${near}"? ` : ''}expected ${Object.keys(COMMANDS).join(', ')}, help or --version)`,
    },
  ]);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ForlobInputError) {
      // Ids and file names in a message are the user's text: escaped, so none can clear the
      // screen or fake a second `forlob: …` line.
      for (const p of e.problems)
        process.stderr.write(`forlob: ${printable(String(p.path))}: ${printable(String(p.message))}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`forlob: internal error: ${printable(String((e as Error)?.message ?? e))}\n`);
      process.exitCode = 1;
    }
  },
);
