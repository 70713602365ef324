import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

const ERRORS = resolve('src/model/errors.ts');

/**
 * One ForlobInputError per build: every bundle imports dist/errors.js (errors.cjs) instead
 * of carrying its own copy of the class, so every entry (`forlob`, `forlob/node`,
 * `forlob/analysis`, …) throws and exports the same class object.
 */
const sharedErrors: Plugin = {
  name: 'shared-errors',
  setup(build) {
    const ext = build.initialOptions.format === 'cjs' ? 'cjs' : 'js';
    build.onResolve({ filter: /\/errors\.js$/ }, (args) => {
      if (resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts') !== ERRORS) return undefined;
      return { path: `./errors.${ext}`, external: true };
    });
  },
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    statistics: 'src/statistics.ts',
    evidence: 'src/evidence.ts',
    presets: 'src/presets.ts',
    analysis: 'src/analysis.ts',
    fit: 'src/fit.ts',
    cli: 'src/cli/main.ts',
    worker: 'src/engine/worker.ts',
    plot: 'src/plot/index.ts',
    errors: 'src/model/errors.ts',
  },
  esbuildPlugins: [sharedErrors],
  format: ['esm', 'cjs'],
  dts: {
    entry: {
      index: 'src/index.ts',
      node: 'src/node.ts',
      plot: 'src/plot/index.ts',
      statistics: 'src/statistics.ts',
      evidence: 'src/evidence.ts',
      presets: 'src/presets.ts',
      analysis: 'src/analysis.ts',
      fit: 'src/fit.ts',
    },
  },
  // shims: the CJS build needs import.meta.url to locate the worker file.
  shims: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  splitting: false,
});
