/**
 * Breadth-first exploration. The queue is implicit: states are stored in
 * discovery order, so expanding indices 0, 1, 2, … is BFS, and parent links
 * give shortest paths (the first deadlock, fault or watched hit is shallowest).
 */
import type { TransitionId, TransitionSystem } from '../system/transitionSystem.js';
import type { SearchRun } from './searchRun.js';
import { REFUSED, type StateStore } from './stateStore.js';

/** Expands stored states in index order until none is left or `run.stop` is set; true if none is left. */
export function breadthFirst(system: TransitionSystem, run: SearchRun<StateStore>): boolean {
  const store = run.store;
  const edges = run.edges;
  const terminal = system.terminalAtom;
  const current = new Int32Array(store.stateWords);
  let expanding = 0;
  let emitted = 0;
  let faulted = false;

  const emit = (t: TransitionId, next: Int32Array): void => {
    emitted++;
    const before = store.count;
    const index = store.findOrAdd(next, expanding);
    if (index === REFUSED) {
      run.refused();
      return;
    }
    if (index === before && run.pendingWatches > 0) run.checkWatches(index, next);
    if (edges !== undefined && !edges.push(index, t)) run.outOfMemory();
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
    }
    if (edges !== undefined && !edges.open(i)) {
      run.outOfMemory();
      break;
    }
    store.readUnchecked(i, current);
    expanding = i;
    emitted = 0;
    faulted = false;
    system.successors(current, emit, fault);
    run.transitions += emitted;
    // A state whose only enabled transitions fault has successors, just not representable ones.
    if (emitted === 0 && !faulted && !system.label(current, terminal)) run.deadlock(i);
  }
  return i >= store.count;
}
