/**
 * Headless Chromium for the tests that open a page: Debian's `chromium` package (`.ci/run`
 * installs it when missing), driven by playwright-core, so no browser is ever downloaded.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser is there; the tests that need it are skipped, saying why, when not. */
export const hasChromium = existsSync(CHROMIUM);

/** A describe title that says the block was skipped and how to run it, when there is no browser. */
export function inChromium(title: string): string {
  return `${title}${hasChromium ? '' : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`;
}

/** Start the browser headless, offline-minded (no first-run pages, background traffic or QUIC). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
