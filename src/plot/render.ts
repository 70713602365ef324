/**
 * Rendering specs to SVG in Node, without a browser: Vega-Lite compiles the spec to Vega,
 * and a headless Vega view (renderer "none") writes the SVG. vega and vega-lite are loaded
 * on first use, so importing `forlob/plot` stays cheap, and so the CommonJS build never
 * `require()`s them (vega-lite's ESM uses top-level await, which `require` refuses).
 * @module
 */
import type { VegaLiteSpec } from './types.js';

/**
 * Render a Vega-Lite spec (or a Vega spec, told apart by its `$schema`) to an SVG string.
 * Text widths are estimated, as no canvas is needed; the data must be inline (`values`):
 * nothing is fetched.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { distributionSpec, toSVG } from 'forlob/plot';
 * writeFileSync('success.svg', await toSVG(distributionSpec(result, 'successRate')));
 * ```
 */
export async function toSVG(spec: VegaLiteSpec | Record<string, unknown>): Promise<string> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const schema = typeof spec.$schema === 'string' ? spec.$schema : '';
  const isVega = /\/schema\/vega\/v\d/.test(schema);
  const vgSpec = isVega ? spec : vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
  // A loader that refuses everything keeps rendering offline and self-contained. Vega only
  // logs a failed load and draws nothing, so the refusal is remembered and thrown after.
  const refused: string[] = [];
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    refused.push(uri);
    throw new Error(`refused to load "${uri}"`);
  };
  loader.sanitize = async (uri: string) => {
    refused.push(uri);
    throw new Error(`refused to load "${uri}"`);
  };
  const view = new vega.View(vega.parse(vgSpec as Parameters<typeof vega.parse>[0]), {
    renderer: 'none',
    loader,
    logLevel: vega.None,
  });
  try {
    const svg = await view.toSVG();
    if (refused.length)
      throw new Error(
        `toSVG: specs must carry their data inline; refused to load ${refused.map((u) => `"${u}"`).join(', ')}`,
      );
    return svg;
  } finally {
    view.finalize();
  }
}
