/**
 * The browser example (examples/browser/) opened in headless Chromium: the page runs a preset
 * in a module worker with the bundled core entry, moves its progress bar, shows the library's
 * comparison table and a chart, and its numbers are those of `simulate` in Node with the same
 * options: the same structure, text and counts, every number equal or within 1e-12 of
 * Node's relatively (see `sameNumbers`). dist/ must be built (npm test builds it); the example is bundled here
 * with its own build script, as its README tells a user to.
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, serve } from '../examples/browser/build.mjs';
import { formatTable, presets, resultToJSON, simulate } from '../src/index.js';
import { differencesSpec, toSVG } from '../src/plot/index.js';
import { hasChromium, inChromium, launchChromium } from './chromium.js';

/**
 * Where `a` and `b` differ: paths of values that are not equal, numbers allowed a relative
 * difference of `rel`. The browser and Node run the same code on the same random streams,
 * but ECMAScript leaves Math.exp, log, pow and the like "implementation-approximated", and
 * Chromium 156's V8 rounds them differently from Node 20's in the last bit for 1–10 % of
 * arguments (measured on 20,000 arguments each; sqrt and `x ** 2` agree). Decision figures
 * that pass through them (EVPI, EVPPI's standard errors) then differ by about 1e-15
 * relatively; a real fault moves them by far more.
 */
function sameNumbers(a: unknown, b: unknown, rel: number, path = '', out: string[] = []): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!(a === b || Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)))) out.push(`${path}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} vs ${b.length}`);
    else
      a.forEach((x, i) => {
        sameNumbers(x, b[i], rel, `${path}[${i}]`, out);
      });
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) out.push(`${path}: keys ${ka.join()} vs ${kb.join()}`);
    else
      for (const k of ka)
        sameNumbers((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${path}.${k}`, out);
  } else if (a !== b) out.push(`${path}: ${String(a)} vs ${String(b)}`);
  return out;
}

// Enough replicates for the in-process runner to report progress more than once (it works in
// chunks of about 20 million citizen-months, 49 replicates of randers-2025), few enough to
// keep the test near 20 s (the page and Node run side by side).
const OPTIONS = { replicates: 50, seed: 'browser' };

describe.skipIf(!hasChromium)(inChromium('the browser example in headless Chromium'), () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    await build({ quiet: true });
    server = await serve();
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the example server has no port');
    url = `http://127.0.0.1:${address.port}/`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('runs randers-2025 in a worker with a progress bar and shows the numbers Node computes', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(url)) outside.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.inputValue('#preset')).toBe('randers-2025');
    expect(await page.locator('#preset option').allTextContents()).toEqual(Object.keys(presets));

    // Every progress message the page shows, in order, as the worker posts them.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      const bar = document.getElementById('progress') as HTMLProgressElement;
      new MutationObserver(() => seen.push(`${bar.value}/${bar.max}`)).observe(document.getElementById('status')!, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.fill('#replicates', String(OPTIONS.replicates));
    await page.fill('#seed', OPTIONS.seed);
    // Node's run goes alongside the page's (the browser is another process).
    const inNodeRun = simulate(presets['randers-2025'].model, OPTIONS);
    await page.click('#go');
    await page.waitForFunction(() => document.body.dataset.state !== 'running', null, { timeout: 100_000 });
    expect(await page.textContent('#status')).toMatch(
      /^50 replicates of Randers 2025.* \(seed "browser"\) in [\d.]+ s$/,
    );
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);

    // The bar filled in steps, never backwards, and ended full.
    const steps = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    const done = steps.map((s) => Number(s.split('/')[0]));
    expect(steps[0]).toBe('0/50');
    expect(steps.at(-2)).toBe('50/50');
    expect(done.filter((d) => d > 0 && d < 50).length).toBeGreaterThan(0);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(await page.evaluate(() => (document.getElementById('progress') as HTMLProgressElement).value)).toBe(50);

    const inBrowser = await page.evaluate(() =>
      JSON.stringify((window as unknown as { __forlobResult: unknown }).__forlobResult),
    );
    const result = await inNodeRun;
    const inNode = JSON.parse(JSON.stringify(resultToJSON(result)));
    expect(sameNumbers(JSON.parse(inBrowser), inNode, 1e-12)).toEqual([]);
    // The tolerance is needed, not a habit: a wrong replicate or a wrong sum fails it.
    expect(sameNumbers(JSON.parse(inBrowser), { ...inNode, replicates: 49 }, 1e-12)).toEqual(['.replicates: 50 vs 49']);

    expect(await page.textContent('#table')).toBe(formatTable(result));
    const svg = page.locator('#plot > svg');
    expect(await svg.count()).toBe(1);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(100);
    // The same chart as toSVG draws in Node, read back through the DOM as the page's is.
    const drawn = await toSVG(differencesSpec(result, 'successRate'));
    const asParsed = await page.evaluate((svg) => {
      const div = document.createElement('div');
      div.innerHTML = svg;
      return div.innerHTML;
    }, drawn);
    expect(await page.innerHTML('#plot')).toBe(asParsed);
  });
});
