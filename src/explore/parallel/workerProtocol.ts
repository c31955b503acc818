/**
 * What the exploring main thread and its workers exchange: the worker's
 * input (shared buffers, where to rebuild the system from, the expected
 * fingerprint) and its one report per job, sent on the worker's port.
 */
import type { ThreadResult } from './levelThread.js';
import type { SharedBuffers } from './sharedLayout.js';

/**
 * Where a worker gets its own copy of the system: `module` (a URL) exports
 * `buildSystem(arg)`, returning a TransitionSystem equal to the main
 * thread's (same transition ids, layout and atoms), or a promise of one.
 * `arg` must survive structured cloning.
 */
export interface SystemSource {
  readonly module: string;
  readonly arg: unknown;
}

export interface WorkerInput {
  readonly id: number;
  readonly threads: number;
  readonly buffers: SharedBuffers;
  /** Infinity is kept by structured cloning. */
  readonly maxStates: number;
  readonly source: SystemSource;
  readonly fingerprint: string;
}

export type WorkerReport = { readonly kind: 'done'; readonly result: ThreadResult } | { readonly kind: 'failed'; readonly message: string };
