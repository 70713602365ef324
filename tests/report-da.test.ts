/**
 * The Danish report read as a reader would: the Randers and Gladsaxe presets rendered with
 * their translations and `lang: 'da'`, opened in headless Chromium; the visible text (plots
 * included) must hold no English sentence and only Danish number formats.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from '../src/presets/index.js';
import { renderReport } from '../src/report/html.js';
import { simulate } from '../src/run/simulate.js';
import { tempDir } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const dir = tempDir();

/** Words and phrases of English prose; none belongs in a Danish report (ids are shown as code and skipped). */
const ENGLISH = [
  ' the ',
  ' and ',
  ' of ',
  ' with ',
  ' per ',
  'months',
  'month ',
  'scenario',
  'success ',
  'replicate',
  'citizens',
  'difference',
  'share ',
  'today',
  'exits',
  'none',
  ' seed',
  'random',
  'payback',
  'willingness',
  'quadrant',
  'probability',
  ' arm',
  'steering',
  'capacity',
];

describe.skipIf(!hasChromium)(
  `the Danish report in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`,
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const id of ['randers-2025', 'gladsaxe-2026']) {
      it(`${id}: no English words, Danish numbers`, { timeout: 120_000 }, async () => {
        const model = getPreset(id, { translations: true });
        const result = await simulate(model, { replicates: 40, seed: 'da', occupancy: true });
        const file = join(dir, `${id}-da.html`);
        writeFileSync(file, await renderReport(result, model, { lang: 'da' }));
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.goto(`file://${file}`, { waitUntil: 'load' });
        // The visible text of the page and of every SVG text element, without ids (shown as code).
        const text: string = await page.evaluate(() => {
          for (const code of document.querySelectorAll('td.id')) code.remove();
          const svgText = [...document.querySelectorAll('svg text')].map((t) => t.textContent ?? '');
          // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point (no <style>, no hidden nodes)
          return `${document.body.innerText}\n${svgText.join('\n')}`;
        });
        const lines = text.split('\n').map((l) => ` ${l.toLowerCase()} `);
        const english = ENGLISH.flatMap((w) =>
          lines.filter((l) => l.includes(w)).map((l) => `${w.trim()}: ${l.trim()}`),
        );
        expect(english).toEqual([]);
        // Every section of the committee report is part of what was read.
        for (const heading of [
          'Kort fortalt',
          'Scenarierne sammenlignet',
          'Forskelle fra udgangspunktet',
          'Tilbagebetalingstid',
          'Budget pr. år og betaler',
          'Beslutning',
          'Udgift pr. ekstra borger i succes (ICER)',
          'Accept-kurve og værdien af information',
          'Pr. indsats',
          'Figurer',
          'Usikre parametre',
          'Forudsætninger',
        ])
          expect(text).toContain(heading);
        // Every effect of both presets is uncertain, its source in Danish.
        expect(text).toMatch(/ingen (dansk )?(effekt)?studie/);
        // Thousands with "." and decimals with ",": never 15,000 or 1.5 (a Danish 1.500 has three digits after ".").
        expect(text).toMatch(/\d\.\d{3}\b/);
        expect(text).toMatch(/\d,\d/);
        // (A probability 0,150 is Danish; an English thousand starts with 1–9.)
        expect(text.match(/(?<![\d.,])[1-9]\d{0,2},\d{3}(?![\d.,])/g) ?? []).toEqual([]);
        expect(text.match(/(?<![\d.])\d+\.\d{1,2}(?!\d)/g) ?? []).toEqual([]);
        if (id === 'randers-2025') await page.screenshot({ path: '/tmp/report-da.png', fullPage: true });
        await page.close();
      });
    }
  },
);
