import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

/**
 * Modules every bundle imports from their own dist file instead of carrying a copy:
 * - errors: one ForlobInputError per build, so every entry (`forlob`, `forlob/node`,
 *   `forlob/analysis`, …) throws and exports the same class object;
 * - worker-validate: the worker thread loads the validator (and zod) only for a model whose
 *   parameters are drawn, so a worker for a point model starts without them.
 */
const SHARED: Record<string, string> = {
  [resolve('src/model/errors.ts')]: 'errors',
  [resolve('src/engine/worker-validate.ts')]: 'worker-validate',
};

const sharedModules: Plugin = {
  name: 'shared-modules',
  setup(build) {
    const ext = build.initialOptions.format === 'cjs' ? 'cjs' : 'js';
    build.onResolve({ filter: /\/(errors|worker-validate)\.js$/ }, (args) => {
      const name = SHARED[resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts')];
      if (name === undefined) return undefined;
      return { path: `./${name}.${ext}`, external: true };
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
    'worker-validate': 'src/engine/worker-validate.ts',
    plot: 'src/plot/index.ts',
    errors: 'src/model/errors.ts',
  },
  esbuildPlugins: [sharedModules],
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
