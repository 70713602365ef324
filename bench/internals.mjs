/**
 * The internal steps a benchmark times on their own — the uncertainty plan's
 * planUncertainty, drawParameters and instantiate — which the package does not export.
 * tsup bundles src/params/plan.ts and src/evidence/plan.ts into a temporary folder (as scripts/build-schema.mjs
 * does for the schema), so the benchmark times the same source the package runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'tsup';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `{ planUncertainty, drawParameters, instantiate }` from src/evidence/plan.ts and src/params/plan.ts. */
export async function loadInternals() {
  const tmp = mkdtempSync(join(tmpdir(), 'forlob-bench-'));
  try {
    await build({
      entry: { plan: join(root, 'src/params/plan.ts'), evidence: join(root, 'src/evidence/plan.ts') },
      outDir: tmp,
      format: ['esm'],
      target: 'node20',
      // Bundle the dependencies too, so the module imports nothing from outside the folder.
      noExternal: [/.*/],
      config: false,
      silent: true,
      dts: false,
    });
    const { drawParameters, instantiate } = await import(pathToFileURL(join(tmp, 'plan.js')).href);
    const { planUncertainty } = await import(pathToFileURL(join(tmp, 'evidence.js')).href);
    return { planUncertainty, drawParameters, instantiate };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
