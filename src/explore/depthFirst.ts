/**
 * Depth-first exploration with an explicit Int32Array stack: a state is
 * pushed when first stored and expanded when popped. Its counts must match
 * BFS, which makes it the independent cross-check; its paths are valid but
 * not shortest.
 */
import type { TransitionId, TransitionSystem } from '../system/transitionSystem.js';
import { growInt32 } from './memoryBudget.js';
import type { SearchRun } from './searchRun.js';
import { REFUSED } from './stateStore.js';

/** Expands until the stack is empty or `run.stop` is set; true if the stack emptied. */
export function depthFirst(system: TransitionSystem, run: SearchRun): boolean {
  const store = run.store;
  const edges = run.edges;
  const terminal = system.terminalAtom;
  const current = new Int32Array(store.stateWords);
  let stack: Int32Array = new Int32Array(1024);
  run.budget.used += stack.byteLength;
  let top = 0;
  let expanding = 0;
  let emitted = 0;
  let faulted = false;

  const push = (index: number): void => {
    if (top === stack.length) {
      const grown = growInt32(stack, top + 1, run.budget);
      if (grown === undefined) {
        run.outOfMemory();
        return;
      }
      stack = grown;
    }
    stack[top++] = index;
  };
  const emit = (t: TransitionId, next: Int32Array): void => {
    emitted++;
    const before = store.count;
    const index = store.findOrAdd(next, expanding, t);
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
    const i = stack[--top];
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
