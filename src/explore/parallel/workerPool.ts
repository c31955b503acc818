/**
 * Exploring worker threads, kept between explorations: starting one costs
 * far more than a small exploration (loading the modules), so they are
 * started once per process and given jobs on their port. Built (dist/),
 * a worker is the compiled exploreWorker.js; run from the TypeScript
 * sources (vitest transforms only its own imports), it gets a module hook
 * that transpiles .ts files, so tests exercise the same code.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { WorkerInput, WorkerReport } from './workerProtocol.js';

export interface PooledWorker {
  readonly worker: Worker;
  /** The main thread's end: jobs are posted and reports received (synchronously) here. */
  readonly port: MessagePort;
}

const idle: PooledWorker[] = [];

function fromSources(): boolean {
  return import.meta.url.endsWith('.ts');
}

function startWorker(): PooledWorker {
  const sources = fromSources();
  const script = new URL(sources ? './exploreWorker.ts' : './exploreWorker.js', import.meta.url);
  const { port1, port2 } = new MessageChannel();
  // Built, a worker inherits the process's Node options (e.g. --cpu-prof).
  const execArgv = sources ? { execArgv: ['--import', new URL('./sourceHooks.mjs', import.meta.url).href] } : {};
  const worker = new Worker(script, { workerData: { port: port2 }, transferList: [port2], ...execArgv });
  // Idle workers must never keep the process alive.
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

/** `n` workers, reused when some are idle. */
export function takeWorkers(n: number): PooledWorker[] {
  const out: PooledWorker[] = [];
  while (out.length < n) out.push(idle.pop() ?? startWorker());
  return out;
}

/** Workers whose job ended normally go back to the pool. */
export function returnWorkers(workers: readonly PooledWorker[]): void {
  idle.push(...workers);
}

/** Workers of a failed job are ended, never reused. */
export function discardWorkers(workers: readonly PooledWorker[]): void {
  for (const w of workers) {
    w.port.close();
    void w.worker.terminate();
  }
}

export function postJob(w: PooledWorker, input: WorkerInput): void {
  w.port.postMessage(input);
}

/** The next report on the worker's port, if one has arrived. */
export function pollReport(w: PooledWorker): WorkerReport | undefined {
  return receiveMessageOnPort(w.port)?.message as WorkerReport | undefined;
}
