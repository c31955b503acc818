/**
 * Breadth-first exploration in fingerprint mode: the same loop as
 * breadthFirst (stored-index order is the queue), but the store keeps
 * vectors only for queued states, freeing them chunk by chunk once expanded.
 * Edges cannot be recorded: a seen fingerprint has no index.
 */
import type { TransitionId, TransitionSystem } from '../system/transitionSystem.js';
import { CHUNK_MASK } from './chunkedRows.js';
import type { FingerprintStore } from './fingerprintStore.js';
import type { SearchRun } from './searchRun.js';
import { REFUSED } from './stateStore.js';

/** Expands queued states in index order until none is left or `run.stop` is set; true if none is left. */
export function fingerprintBreadthFirst(system: TransitionSystem, run: SearchRun<FingerprintStore>): boolean {
  const store = run.store;
  const terminal = system.terminalAtom;
  const current = new Int32Array(store.stateWords);
  let expanding = 0;
  let emitted = 0;
  let faulted = false;

  const emit = (_t: TransitionId, next: Int32Array): void => {
    const index = store.findOrAdd(next, expanding, emitted);
    emitted++;
    if (index === REFUSED) {
      run.refused();
      return;
    }
    if (index >= 0 && run.pendingWatches > 0) run.checkWatches(index, next);
  };
  const fault = (t: TransitionId, message: string): void => {
    faulted = true;
    run.fault(expanding, t, message);
  };

  let i = 0;
  for (; i < store.count && run.stop === undefined; i++) {
    if ((i & 1023) === 0) {
      run.poll(store.count - i);
      if (run.stop !== undefined) break;
      if ((i & CHUNK_MASK) === 0) store.release(i);
    }
    store.readUnchecked(i, current);
    expanding = i;
    emitted = 0;
    faulted = false;
    system.successors(current, emit, fault);
    run.transitions += emitted;
    if (emitted === 0 && !faulted && !system.label(current, terminal)) run.deadlock(i);
  }
  return i >= store.count;
}
