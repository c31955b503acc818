/**
 * The installed command's entry: runs the CLI in a worker thread so that
 * Ctrl-C can be seen while a check runs. Checking is synchronous, so a
 * SIGINT handler on the thread doing it would never run; here the main
 * thread stays idle, relays the worker's output, draws the progress line,
 * and on Ctrl-C raises a shared flag that exploration polls (every 1024
 * expansions): the check stops, prints the figures reached, exits 130.
 * A second Ctrl-C ends the worker at once. Output files are written
 * atomically, so neither leaves a half-written picture or report.
 */
import { Worker } from 'node:worker_threads';
import { unreachable } from '../diagnostics/diagnostic.js';
import { ExitCode } from './exitCodes.js';
import { nodeIo } from './nodeIo.js';
import { ProgressLine } from './progress.js';
import type { WorkerInput, WorkerMessage } from './workerProtocol.js';

/** The progress line is for terminals; WFCHECK_PROGRESS=1 forces it (e.g. a terminal Node does not recognise), =0 hides it. */
function showProgress(): boolean {
  const forced = process.env.WFCHECK_PROGRESS;
  return forced === '1' || (forced !== '0' && process.stderr.isTTY === true);
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const io = nodeIo();
  const stop = new SharedArrayBuffer(4);
  const input: WorkerInput = { argv: [...argv], cwd: io.cwd, isTTY: io.isTTY, progress: showProgress(), stop };
  const progress = new ProgressLine((text) => void process.stderr.write(text), process.stderr.columns);
  const worker = new Worker(new URL('./cliWorker.js', import.meta.url), { workerData: input });
  let code: number | undefined;
  let interrupts = 0;

  const onInterrupt = (): void => {
    interrupts++;
    progress.clear();
    if (interrupts === 1) {
      Atomics.store(new Int32Array(stop), 0, 1);
      io.stderr('\nwfcheck: interrupted; stopping and printing what was reached (Ctrl-C again quits at once)\n');
    } else {
      void worker.terminate();
    }
  };
  process.on('SIGINT', onInterrupt);

  worker.on('message', (m: WorkerMessage) => {
    switch (m.kind) {
      case 'progress':
        progress.update(m.progress);
        return;
      case 'stdout':
        progress.clear();
        io.stdout(m.text);
        return;
      case 'stderr':
        progress.clear();
        io.stderr(m.text);
        return;
      case 'done':
        code = m.code;
        return;
      default:
        unreachable(m);
    }
  });
  worker.on('error', (e: Error) => {
    progress.clear();
    io.stderr(`wfcheck: internal error: ${e.message} (please report this)\n`);
    code = ExitCode.internal;
  });
  await new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  process.off('SIGINT', onInterrupt);
  progress.clear();
  if (interrupts > 0 && code !== ExitCode.usage && code !== ExitCode.internal) return ExitCode.interrupted;
  return code ?? ExitCode.internal;
}
