#!/usr/bin/env node
/**
 * `npm run schema`: write schema/model.schema.json, the JSON Schema of the model format,
 * generated from the zod schema in src/model/schema.ts (the one validation uses), so that
 * editors can check and complete model files that name it in "$schema".
 *
 * Node 20 cannot import TypeScript, so tsup (already a dev dependency) bundles the schema
 * module into a temporary folder first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'tsup';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'schema', 'model.schema.json');
const tmp = mkdtempSync(join(tmpdir(), 'forlob-schema-'));
try {
  await build({
    entry: {
      schema: join(root, 'src/model/schema.ts'),
      distribution: join(root, 'src/params/distribution.ts'),
      joint: join(root, 'src/params/joint.ts'),
    },
    outDir: tmp,
    format: ['esm'],
    target: 'node20',
    // Bundle zod too, so the temporary module imports nothing from outside the folder.
    noExternal: [/.*/],
    config: false,
    silent: true,
    dts: false,
  });
  const { modelSchema } = await import(pathToFileURL(join(tmp, 'schema.js')).href);
  const { z } = await import('zod');
  const { distributionSchema } = await import(pathToFileURL(join(tmp, 'distribution.js')).href);
  const { jointDistributionSchema } = await import(pathToFileURL(join(tmp, 'joint.js')).href);
  const json = z.toJSONSchema(modelSchema, { target: 'draft-2020-12' });
  // Any number of a model may instead be a distribution, a named parameter or an evidence
  // entry (src/params/plan.ts): widen every numeric leaf to say so.
  const uncertain = {
    anyOf: [
      z.toJSONSchema(distributionSchema, { target: 'draft-2020-12', io: 'input' }),
      {
        type: 'object',
        properties: { param: { type: 'string' }, component: { type: 'string' } },
        required: ['param'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: { evidence: { type: 'string' } },
        required: ['evidence'],
        additionalProperties: false,
      },
    ],
  };
  delete uncertain.anyOf[0].$schema;
  // A joint distribution (Dirichlet, multivariate normal) belongs in the parameters block;
  // forlob refuses one elsewhere with a message saying so.
  const joint = z.toJSONSchema(jointDistributionSchema, { target: 'draft-2020-12', io: 'input' });
  delete joint.$schema;
  uncertain.anyOf.push(joint);
  const widen = (node) => {
    if (Array.isArray(node)) return node.map(widen);
    if (!node || typeof node !== 'object') return node;
    if ((node.type === 'number' || node.type === 'integer') && !('anyOf' in node))
      return { anyOf: [node, { $ref: '#/$defs/uncertain' }] };
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, widen(v)]));
  };
  const widened = widen(json);
  widened.properties.parameters = {
    type: 'object',
    additionalProperties: { anyOf: [{ type: 'number' }, { $ref: '#/$defs/uncertain' }] },
  };
  widened.$defs = { ...(widened.$defs ?? {}), uncertain };
  const schema = {
    $schema: json.$schema,
    title: 'forlob model',
    description:
      'A forlob model file: states, monthly transition probabilities, groups, interventions and the scenarios to compare. Generated from src/model/schema.ts by `npm run schema`; do not edit.',
    ...Object.fromEntries(Object.entries(widened).filter(([k]) => k !== '$schema')),
  };
  writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${out}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
