/**
 * Entry of a pooled exploring worker thread: it waits for jobs on its
 * port and runs each (workerMain.ts). It imports nothing that could fail
 * before its error handler is in place: whatever goes wrong (loading,
 * rebuilding the system, a fingerprint mismatch) is reported on the port
 * and flagged in shared memory, so the main thread stops waiting and says why.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { WorkerInput, WorkerReport } from './workerProtocol.js';

const port = (workerData as { port: MessagePort }).port;
const C_FAILED = 50;
const C_GENERATION = 49;

async function runJob(input: WorkerInput): Promise<void> {
  try {
    const { runWorker } = (await import('./workerMain.js')) as typeof import('./workerMain.js');
    await runWorker(input, (report) => port.postMessage(report));
  } catch (e) {
    const report: WorkerReport = { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    port.postMessage(report);
    const control = new Int32Array(input.buffers.control);
    Atomics.store(control, C_FAILED, 1);
    Atomics.notify(control, C_GENERATION);
  }
}

port.on('message', (input: WorkerInput) => void runJob(input));
