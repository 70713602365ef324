/**
 * The CLI's progress bar (cli-progress) on stderr: replicates done and time left. Silent
 * with --quiet and whenever stderr is not a terminal, so logs and pipes stay clean.
 * @module
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../model/options.js';
import { onInterrupt } from './interrupt.js';

/** Progress as the CLI's bar takes it: a run's, or an analysis's over its runs. */
export interface BarProgress extends Progress {
  /** Runs finished, for an analysis of several runs. */
  runsDone?: number;
  /** Runs planned, for an analysis of several runs. */
  runs?: number;
}

/**
 * A progress callback and a function to close the bar, or nothing when silent. Once every
 * replicate of a run is done the bar says "summarising" (assembling the result, and the
 * variance split, can take seconds); an analysis's bar also counts its runs.
 */
export function progressBar(
  quiet: boolean,
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): { onProgress?: (p: BarProgress) => void; stop: () => void } {
  if (quiet || !stream.isTTY) return { stop: () => {} };
  const running = 'forlob |{bar}| {value}/{total} replicates{runs} | {eta_formatted} left';
  const summarising = 'forlob |{bar}| {value}/{total} replicates{runs} | summarising the results…';
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: (options, params, payload: { summarising?: boolean }) =>
        cliProgress.Format.Formatter(
          { ...options, format: payload.summarising ? summarising : running },
          params,
          payload,
        ),
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let total = 0;
  // The bar hides the cursor: an interrupt (Ctrl-C) or exit while it shows stops it, which shows the cursor again.
  let release = () => {};
  return {
    onProgress: ({ done, total: t, runsDone, runs }) => {
      const payload = {
        summarising: runs === undefined && done >= t,
        runs: runs === undefined ? '' : ` (run ${Math.min(runs, runsDone! + 1)} of ${runs})`,
      };
      if (!started) {
        bar.start(t, 0, payload);
        started = true;
        release = onInterrupt(() => {
          bar.stop();
          stream.write('\x1b[?25h');
        });
      } else if (t !== total) bar.setTotal(t); // a --precision run grows as it goes
      total = t;
      bar.update(done, payload);
      // The result is assembled synchronously right after the last replicate: draw now.
      if (payload.summarising) bar.render();
    },
    stop: () => {
      release();
      if (started) bar.stop();
    },
  };
}
