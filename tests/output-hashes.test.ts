import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without types
import { outputHashes } from '../scripts/output-hashes.mjs';

// The built CLI's outputs for every preset and example model at fixed seeds, byte for byte
// (issue 14: restructuring must not move a number). Re-record deliberately with
// `node scripts/output-hashes.mjs --write`.
describe('outputs users see', () => {
  it('are byte-identical to the recorded hashes', () => {
    const want = JSON.parse(readFileSync(new URL('./fixtures/output-hashes.json', import.meta.url), 'utf8'));
    expect(outputHashes()).toEqual(want);
  }, 300_000);
});
