/**
 * The CLI's progress bar (cli-progress) on stderr: replicates done and time left. Silent
 * with --quiet and whenever stderr is not a terminal, so logs and pipes stay clean.
 * @module
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../options.js';

/** A progress callback and a function to close the bar, or nothing when silent. */
export function progressBar(quiet: boolean): { onProgress?: (p: Progress) => void; stop: () => void } {
  if (quiet || !process.stderr.isTTY) return { stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'forlob |{bar}| {value}/{total} replicates | {eta_formatted} left', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: ({ done, total }) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
