/**
 * A worker's exploration: rebuild the system from its source, check that
 * it is the main thread's (fingerprint), run the level loop, report.
 */
import type { TransitionSystem } from '../../system/transitionSystem.js';
import { fingerprintDigest, systemFingerprint } from './fingerprint.js';
import { LevelThread } from './levelThread.js';
import type { WorkerInput, WorkerReport } from './workerProtocol.js';

interface SourceModule {
  buildSystem(arg: unknown): TransitionSystem | Promise<TransitionSystem>;
}

export async function runWorker(input: WorkerInput, post: (report: WorkerReport) => void): Promise<void> {
  const source = (await import(input.source.module)) as SourceModule;
  if (typeof source.buildSystem !== 'function') throw new Error(`${input.source.module} exports no buildSystem(arg)`);
  const system = await source.buildSystem(input.source.arg);
  const fingerprint = systemFingerprint(system);
  if (fingerprint !== input.fingerprint) {
    throw new Error(
      `worker ${input.id} rebuilt a different system from ${input.source.module} (fingerprint ${fingerprintDigest(fingerprint)}, main thread ${fingerprintDigest(input.fingerprint)})`,
    );
  }
  const thread = new LevelThread(input.id, input.threads, system, input.buffers, input.maxStates);
  const result = thread.run();
  post({ kind: 'done', result });
  thread.finalBarrier();
}
