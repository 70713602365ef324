import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    cli: 'src/cli/main.ts',
    worker: 'src/engine/worker.ts',
    plot: 'src/plot/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node.ts', plot: 'src/plot/index.ts' } },
  // shims: the CJS build needs import.meta.url to locate the worker file.
  shims: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  splitting: false,
});
