/**
 * Depth-first exploration with an explicit chunked stack: a state is
 * pushed when first stored and expanded when popped. Its counts must match
 * BFS, which makes it the independent cross-check; its paths are valid but
 * not shortest.
 */
import type { TransitionId, TransitionSystem } from '../system/transitionSystem.js';
import { CHUNK_MASK, CHUNK_SHIFT, ChunkedRows } from './chunkedRows.js';
import type { SearchRun } from './searchRun.js';
import { REFUSED, type StateStore } from './stateStore.js';

/** Expands until the stack is empty or `run.stop` is set; true if the stack emptied. */
export function depthFirst(system: TransitionSystem, run: SearchRun<StateStore>): boolean {
  const store = run.store;
  const edges = run.edges;
  const terminal = system.terminalAtom;
  const current = new Int32Array(store.stateWords);
  // Chunks are kept once allocated: the deepest stack so far is what the budget counts.
  const stack = new ChunkedRows(1, run.budget);
  let top = 0;
  let expanding = 0;
  let emitted = 0;
  let faulted = false;

  const push = (index: number): void => {
    if (top === stack.capacity && !stack.reserve(top + 1)) {
      run.outOfMemory();
      return;
    }
    stack.chunks[top >>> CHUNK_SHIFT][top & CHUNK_MASK] = index;
    top++;
  };
  const emit = (t: TransitionId, next: Int32Array): void => {
    emitted++;
    const before = store.count;
    const index = store.findOrAdd(next, expanding);
    if (index === REFUSED) {
      run.refused();
      return;
    }
    if (index === before) {
      push(index);
      if (run.pendingWatches > 0) run.checkWatches(index, next);
    }
    if (edges !== undefined && !edges.push(index, t)) run.outOfMemory();
  };
  const fault = (t: TransitionId, message: string): void => {
    faulted = true;
    run.fault(expanding, t, message);
  };

  push(0);
  for (let n = 0; top > 0 && run.stop === undefined; n++) {
    if ((n & 1023) === 0) {
      run.poll(top);
      if (run.stop !== undefined) break;
    }
    top--;
    const i = stack.chunks[top >>> CHUNK_SHIFT][top & CHUNK_MASK];
    if (edges !== undefined && !edges.open(i)) {
      top++;
      run.outOfMemory();
      break;
    }
    store.readUnchecked(i, current);
    expanding = i;
    emitted = 0;
    faulted = false;
    system.successors(current, emit, fault);
    run.transitions += emitted;
    if (emitted === 0 && !faulted && !system.label(current, terminal)) run.deadlock(i);
    if (edges !== undefined && !edges.close(i)) run.outOfMemory();
  }
  return top === 0;
}
