/**
 * Breadth-first exploration on several threads: the calling thread leads
 * and explores, workers rebuild the system from its source and join in
 * over shared tables (levelThread.ts). Synchronous, like explore(): the
 * leader blocks in Atomics.wait. Same counts and verdicts as the sequential
 * BFS and shortest evidence; asks it cannot serve go to explore() instead.
 */
import type { TransitionSystem } from '../../system/transitionSystem.js';
import { explore } from '../explore.js';
import type { Exploration, ExploreOptions, Fault } from '../exploration.js';
import { MAX_LISTED_DEADLOCKS, MAX_LISTED_FAULTS } from '../searchRun.js';
import { WORKER_FAILED, WorkerFailed } from './barrier.js';
import { systemFingerprint } from './fingerprint.js';
import { ParallelLeader } from './parallelLeader.js';
import { LevelThread, type ThreadResult } from './levelThread.js';
import { C_BLOCK, C_FAILED, C_GENERATION, C_GROW_AT, C_LEVEL_END, C_STOP, createBuffers, stopCode, initialSlots, sizesFor, tableBytes, type SharedBuffers } from './sharedLayout.js';
import { SharedStore } from './sharedStore.js';
import { REFUSED, SharedTable } from './sharedTable.js';
import { discardWorkers, pollReport, postJob, returnWorkers, takeWorkers, type PooledWorker } from './workerPool.js';
import type { SystemSource, WorkerInput, WorkerReport } from './workerProtocol.js';

export interface ParallelOptions {
  /** Exploring threads, the calling one included; below 2 means sequential. */
  readonly workers: number;
  readonly source: SystemSource;
}

/** Why `options` need the sequential explorer, or undefined if the parallel one serves them. */
export function sequentialReason(options: ExploreOptions): string | undefined {
  if (options.order === 'dfs') return 'depth-first order';
  if (options.storeEdges) return 'the stored edge graph (CTL, LTL, soundness)';
  if (options.stopWhenWatchedFound) return 'stopping at the first witness';
  return undefined;
}

export function exploreParallel(system: TransitionSystem, options: ExploreOptions, parallel: ParallelOptions): Exploration {
  if (parallel.workers < 2 || sequentialReason(options) !== undefined) return explore(system, options);
  const started = performance.now();
  const threads = Math.floor(parallel.workers);
  const W = system.layout.stateWords;
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const headroom = threads * Math.max(1, system.transitionCount);
  const slots = initialSlots(headroom);
  const sizes = sizesFor(slots, headroom);
  const buffers = createBuffers(threads, slots, Math.min(sizes.arenaStates, Math.max(1, maxStates)), W);
  const control = new Int32Array(buffers.control);
  control[C_GROW_AT] = sizes.growAt;

  const first = new Int32Array(W);
  system.initial(first);
  if (new SharedTable(buffers, W, maxStates).findOrAdd(first, -1) === REFUSED) {
    return finish(system, options, buffers, started, { kind: 'stopped', reason: 'max-states' }, []);
  }
  control[C_LEVEL_END] = 1;
  control[C_BLOCK] = 1;

  const leader = new ParallelLeader(buffers, options, { threads, headroom, stateWords: W, maxStates, started });
  const thread = new LevelThread(0, threads, system, buffers, maxStates, leader);
  const fingerprint = systemFingerprint(system);
  const workers = takeWorkers(threads - 1);
  let results: ThreadResult[];
  try {
    workers.forEach((w, i) => postJob(w, { id: i + 1, threads, buffers, maxStates, source: parallel.source, fingerprint }));
    const own = thread.run();
    thread.finalBarrier();
    results = [own, ...workers.map(reportOf).map((r) => (r.kind === 'done' ? r.result : fail(r.message)))];
  } catch (e) {
    // Workers still exploring stop at their next state, and leave at the next barrier.
    Atomics.compareExchange(control, C_STOP, 0, stopCode('interrupted'));
    Atomics.store(control, C_FAILED, 1);
    Atomics.notify(control, C_GENERATION);
    const failures = workers.map(pollReport).flatMap((r) => (r?.kind === 'failed' ? [r.message] : []));
    discardWorkers(workers);
    // The worker that failed first says why; the others only saw the flag.
    const why = failures.find((m) => m !== WORKER_FAILED) ?? failures[0];
    if (e instanceof WorkerFailed && why !== undefined) throw new Error(`parallel exploration failed: ${why}`);
    throw e;
  }
  returnWorkers(workers);
  return finish(system, options, buffers, started, leader.status(), results);
}

/** The worker's report: posted before the final barrier, so it is queued on the port by now. */
function reportOf(w: PooledWorker): WorkerReport {
  for (let tries = 0; tries < 1000; tries++) {
    const report = pollReport(w);
    if (report !== undefined) return report;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
  }
  throw new Error('internal: a worker finished without reporting');
}

function fail(message: string): never {
  throw new Error(`parallel exploration failed: ${message}`);
}

function finish(
  system: TransitionSystem,
  options: ExploreOptions,
  buffers: SharedBuffers,
  started: number,
  status: Exploration['status'],
  results: readonly ThreadResult[],
): Exploration {
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const count = Math.min(Atomics.load(new Int32Array(buffers.control), 0), maxStates);
  const store = new SharedStore(system, buffers, count);
  // Indices grow level by level, so index order is depth order: the first of each list is shallowest.
  const deadlocks = results.flatMap((r) => r.deadlocks).sort((a, b) => a - b).slice(0, MAX_LISTED_DEADLOCKS);
  const faults: Fault[] = results.flatMap((r) => r.faults);
  faults.sort((a, b) => a.state - b.state);
  return {
    status,
    states: count,
    transitions: results.reduce((n, r) => n + r.transitions, 0),
    seconds: (performance.now() - started) / 1000,
    store,
    deadlocks,
    deadlockCount: results.reduce((n, r) => n + r.deadlockCount, 0),
    faults: faults.slice(0, MAX_LISTED_FAULTS),
    watched: firstWhere(system, store, options.watch ?? []),
    bytes: tableBytes(buffers),
  };
}

/**
 * First stored index where each watched atom holds, by one pass over the
 * arena in index (so depth) order after exploration: the workers' systems
 * need not carry the atoms the caller compiled into its own.
 */
function firstWhere(system: TransitionSystem, store: SharedStore, watch: readonly number[]): number[] {
  const found = watch.map(() => -1);
  let pending = watch.length;
  const s = new Int32Array(store.stateWords);
  for (let i = 0; i < store.count && pending > 0; i++) {
    store.read(i, s);
    for (let k = 0; k < watch.length; k++) {
      if (found[k] < 0 && system.label(s, watch[k])) {
        found[k] = i;
        pending--;
      }
    }
  }
  return found;
}
