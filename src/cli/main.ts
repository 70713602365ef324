#!/usr/bin/env node
/**
 * The `forlob` command: dispatches to one file per command. Input errors print one line
 * per problem to stderr and exit 2; anything unexpected exits 1.
 * @module
 */
import { ForlobInputError } from '../model/errors.js';
import { presetsCommand, showCommand } from './presets.js';
import { ANALYSE_USAGE, breakEvenCommand, sensitivityCommand } from './analyse.js';
import { MERGE_USAGE, mergeCommand } from './merge.js';
import { REPORT_USAGE, reportCommand } from './report.js';
import { RUN_USAGE, runCommand } from './run.js';

const USAGE = `forlob: Monte Carlo forecasts of employment-policy scenarios

usage:
  ${RUN_USAGE.split('\n').join('\n  ')}
  forlob presets                 list the built-in presets
  forlob show <preset-id>        print a preset as an editable model file
  ${MERGE_USAGE}
  ${ANALYSE_USAGE}
  ${REPORT_USAGE}
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let out: string;
  switch (command) {
    case 'run':
      out = await runCommand(rest);
      break;
    case 'presets':
      out = presetsCommand();
      break;
    case 'show':
      out = showCommand(rest);
      break;
    case 'merge':
      out = mergeCommand(rest);
      break;
    case 'sensitivity':
      out = await sensitivityCommand(rest);
      break;
    case 'breakeven':
      out = await breakEvenCommand(rest);
      break;
    case 'report':
      out = await reportCommand(rest);
      break;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out = USAGE;
      break;
    default:
      throw new ForlobInputError([{ path: 'command', message: `unknown command "${command}" (expected run, presets, show, merge, sensitivity, breakeven, report or help)` }]);
  }
  if (out) process.stdout.write(out);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ForlobInputError) {
      for (const p of e.problems) process.stderr.write(`forlob: ${p.path}: ${p.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`forlob: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
