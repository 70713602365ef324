/**
 * Example: simulate a model and write the HTML report and the plots as SVG files.
 *
 * In your own project the imports are `forlob/node` and `forlob/plot`; here they point at
 * the sources so the example typechecks with the repository. Run it with any TypeScript
 * runner (e.g. `npx tsx examples/report.ts [model.json|preset] [out-dir]`); the test
 * suite runs it too (tests/notebooks.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadModel, renderReport, simulate } from './forlob-node.js';
import { costEffectSpec, differencesSpec, distributionSpec, fanChartSpec, toSVG } from '../src/plot/index.js';

/**
 * Simulate `modelArg` (a model file or preset id) and write report-en.html,
 * report-da.html and SVGs into `outDir`; `workers` defaults to the machine's cores.
 */
export async function main(
  modelArg = 'randers-2025',
  outDir = 'forlob-example',
  replicates = 500,
  workers?: number,
): Promise<string[]> {
  const model = loadModel(modelArg);
  const result = await simulate(model, {
    replicates,
    seed: 'example',
    occupancy: true,
    ...(workers ? { workers } : {}),
  });
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    writeFileSync(join(outDir, name), text);
    written.push(join(outDir, name));
  };
  write('report-en.html', await renderReport(result, model, { lang: 'en' }));
  write('report-da.html', await renderReport(result, model, { lang: 'da' }));
  write('success.svg', await toSVG(distributionSpec(result, 'successRate')));
  write('differences.svg', await toSVG(differencesSpec(result, 'successRate')));
  write('cost-effect.svg', await toSVG(costEffectSpec(result)));
  for (const s of result.scenarios) write(`states-${s.id}.svg`, await toSVG(fanChartSpec(result, s.id)));
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2], process.argv[3]).then((files) => console.log(files.join('\n')));
}
