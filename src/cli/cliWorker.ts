/**
 * The worker that runs the CLI (see runInWorker.ts): main() with an io that
 * posts output and progress to the main thread and whose stop poll reads
 * the shared interrupt flag, so a synchronous check notices Ctrl-C.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CliIo } from './cliIo.js';
import { main } from './main.js';
import type { ProgressIo } from './progress.js';
import type { WorkerInput, WorkerMessage } from './workerProtocol.js';

const input = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error('internal: cliWorker.js runs only as a worker thread');
const stop = new Int32Array(input.stop);
const post = (m: WorkerMessage): void => port.postMessage(m);

const io: CliIo & ProgressIo = {
  stdout: (text) => post({ kind: 'stdout', text }),
  stderr: (text) => post({ kind: 'stderr', text }),
  cwd: input.cwd,
  isTTY: input.isTTY,
  shouldStop: () => Atomics.load(stop, 0) !== 0,
  ...(input.progress ? { onProgress: (progress) => post({ kind: 'progress', progress }) } : {}),
};

post({ kind: 'done', code: await main(input.argv, io) });
