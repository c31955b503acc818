/**
 * Strongly connected components of a stored StateGraph: Tarjan's algorithm,
 * iterative (an explicit call stack in typed arrays, so million-state
 * chains do not overflow the JS stack). Used for fair CTL/LTL and drawings.
 */
import type { StateGraph } from './exploration.js';

export interface Components {
  /** Number of components; ids are 0..count-1. */
  readonly count: number;
  /**
   * Component id per state. Ids come out in reverse topological order of the
   * condensation (Tarjan's order): for every edge u → v, component[u] >= component[v],
   * so sink components have the smallest ids.
   */
  readonly component: Int32Array;
}

export function stronglyConnectedComponents(graph: StateGraph): Components {
  const n = graph.states;
  const { offsets, targets } = graph;
  const component = new Int32Array(n).fill(-1);
  /** DFS discovery number + 1 (0 = not visited yet). */
  const index = new Int32Array(n);
  const low = new Int32Array(n);
  /** Tarjan's stack of visited states whose component is still open. */
  const stack = new Int32Array(n);
  let stackTop = 0;
  /** The DFS call stack: a state and the next edge of it to look at. */
  const callState = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let callTop = 0;
  let counter = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== 0) continue;
    counter++;
    index[root] = low[root] = counter;
    stack[stackTop++] = root;
    callState[0] = root;
    callEdge[0] = offsets[root];
    callTop = 1;
    while (callTop > 0) {
      const v = callState[callTop - 1];
      const e = callEdge[callTop - 1];
      if (e < offsets[v + 1]) {
        callEdge[callTop - 1] = e + 1;
        const w = targets[e];
        if (index[w] === 0) {
          counter++;
          index[w] = low[w] = counter;
          stack[stackTop++] = w;
          callState[callTop] = w;
          callEdge[callTop] = offsets[w];
          callTop++;
        } else if (component[w] < 0 && index[w] < low[v]) {
          // w is on the stack (visited, component still open).
          low[v] = index[w];
        }
        continue;
      }
      // All edges of v done: close its component if v is a root, then return to the caller.
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackTop];
          component[w] = count;
        } while (w !== v);
        count++;
      }
      callTop--;
      if (callTop > 0) {
        const parent = callState[callTop - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return { count, component };
}

/**
 * Which components are non-trivial: more than one state, or one state with
 * a self-loop (a cycle the system can stay in forever).
 */
export function nonTrivialComponents(graph: StateGraph, sccs: Components): Uint8Array {
  const size = new Int32Array(sccs.count);
  const out = new Uint8Array(sccs.count);
  for (let s = 0; s < graph.states; s++) size[sccs.component[s]]++;
  for (let s = 0; s < graph.states; s++) {
    const c = sccs.component[s];
    if (size[c] > 1) {
      out[c] = 1;
      continue;
    }
    for (let e = graph.offsets[s]; e < graph.offsets[s + 1]; e++) {
      if (graph.targets[e] === s) out[c] = 1;
    }
  }
  return out;
}
