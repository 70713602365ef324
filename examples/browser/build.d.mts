/** Types of build.mjs, for the test that builds and serves the example. */
import type { Server } from 'node:http';
import type { BuildResult } from 'esbuild';

/** The example's folder. */
export declare const HERE: string;
/** Bundle main.js and worker.js into dist/ beside index.html. */
export declare function build(options?: { quiet?: boolean }): Promise<BuildResult>;
/** Serve the example's folder on 127.0.0.1 (port 0: any free port). */
export declare function serve(port?: number): Promise<Server>;
