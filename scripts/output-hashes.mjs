#!/usr/bin/env node
// The outputs users see, pinned by hash: every preset and example model through the built
// CLI at fixed seeds. A refactor must leave them byte-identical; a change that means to move
// a number re-records them (`node scripts/output-hashes.mjs --write`) and says why in its
// commit. `tests/output-hashes.test.ts` runs the check.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliArg = process.argv.indexOf('--cli');
const cli = cliArg > 0 ? process.argv[cliArg + 1] : join(root, 'dist', 'cli.js');

// Fields the JSON gained with the accounts (issue 15). The "legacy fields" hash is over the
// JSON without them (and without kept.hash, which covers the kept account arrays too), so it
// shows that every number that existed before is byte for byte what it was.
// Likewise kept.forlob and kept.modelHash, which parts gained to state what they were run
// with (issue 17): the forlob version and the model's SHA-256.
const ADDED = new Set([
  'accounts',
  'payers',
  'yearlyPayers',
  'yearlyPayerComparisons',
  'accountsYearly',
  'forlob',
  'modelHash',
]);
function legacyFields(value) {
  if (Array.isArray(value)) return value.map(legacyFields);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !ADDED.has(k) && k !== 'hash')
        .map(([k, v]) => [k, legacyFields(v)]),
    );
  return value;
}
const fixture = join(root, 'tests', 'fixtures', 'output-hashes.json');

const MODELS = [
  'randers-2025',
  'gladsaxe-2026',
  'examples/model.json',
  'examples/steering.json',
  'examples/calibrated.json',
];
const RUNS = [
  { name: 'json', args: ['--format', 'json', '--replicates', '200', '--keep-replicates'] },
  { name: 'csv', args: ['--format', 'csv', '--replicates', '60'] },
  { name: 'table', args: ['--format', 'table', '--replicates', '60', '--by', 'group'] },
];

/** @returns {Record<string, string>} "model · run" → sha256 of stdout */
export function outputHashes() {
  const hashes = {};
  for (const model of MODELS) {
    for (const run of RUNS) {
      const out = execFileSync(
        process.execPath,
        [cli, 'run', model, ...run.args, '--seed', '7', '--workers', '2', '--quiet'],
        {
          cwd: root,
          maxBuffer: 1 << 30,
        },
      );
      hashes[`${model} · ${run.name}`] = createHash('sha256').update(out).digest('hex');
      if (run.name === 'json')
        hashes[`${model} · json (legacy fields)`] = createHash('sha256')
          .update(JSON.stringify(legacyFields(JSON.parse(out.toString('utf8')))))
          .digest('hex');
    }
  }
  return hashes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const hashes = outputHashes();
  if (process.argv.includes('--write')) {
    writeFileSync(fixture, `${JSON.stringify(hashes, null, 2)}\n`);
    console.log(`recorded ${Object.keys(hashes).length} output hashes in ${fixture}`);
  } else {
    const want = JSON.parse(readFileSync(fixture, 'utf8'));
    const changed = Object.keys({ ...want, ...hashes }).filter((k) => want[k] !== hashes[k]);
    for (const k of changed) console.log(`changed: ${k}`);
    console.log(changed.length ? `${changed.length} output(s) changed` : 'all outputs identical');
    process.exitCode = changed.length ? 1 : 0;
  }
}
