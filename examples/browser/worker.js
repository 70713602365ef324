/**
 * The run, off the page's thread: a module worker that simulates a preset with the core entry
 * and draws one chart with `forlob/plot`, posting progress as replicates finish. Everything it
 * posts is plain data (the JSON view of the result, the text table, an SVG string), so nothing
 * from the library has to cross the thread boundary.
 */
import { formatTable, presets, resultToJSON, simulate } from 'forlob';
import { differencesSpec, toSVG } from 'forlob/plot';

self.onmessage = async (event) => {
  const { preset, replicates, seed } = event.data;
  try {
    const model = presets[preset]?.model;
    if (!model) throw new Error(`unknown preset "${preset}"`);
    const started = performance.now();
    const result = await simulate(model, {
      replicates,
      seed,
      onProgress: ({ done, total }) => self.postMessage({ type: 'progress', done, total }),
    });
    const seconds = (performance.now() - started) / 1000;
    self.postMessage({
      type: 'result',
      seconds,
      json: resultToJSON(result),
      table: formatTable(result),
      svg: await toSVG(differencesSpec(result, 'successRate')),
    });
  } catch (e) {
    // ForlobInputError's message names every problem's field path; other errors say what they are.
    self.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
