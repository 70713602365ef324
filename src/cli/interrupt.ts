/**
 * What the CLI undoes when it is interrupted: SIGINT or SIGTERM (and any exit) runs the
 * registered cleanups — remove a half-written temporary file, show the cursor the
 * progress bar hid — then the signal is raised again with its default action, so the
 * process ends the way it would have (exit status 130 for Ctrl-C in a shell). The
 * handlers are installed only while a cleanup is registered.
 * @module
 */

const cleanups = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function runCleanups(): void {
  for (const f of [...cleanups]) {
    cleanups.delete(f);
    try {
      f();
    } catch {
      /* a cleanup that fails must not keep the others from running */
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runCleanups();
  uninstall();
  process.kill(process.pid, signal);
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', runCleanups);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener('exit', runCleanups);
}

/**
 * Run `cleanup` if the process is interrupted or exits before the returned function is
 * called; call that function once the cleanup is no longer needed.
 */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  install();
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) uninstall();
  };
}
