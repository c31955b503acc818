/**
 * Strongly connected components of the subgraph induced by a state set,
 * by an iterative Tarjan (no recursion: graphs have millions of states).
 * Only non-trivial components are returned: two or more states, or one
 * state with a self-loop — exactly those that carry an infinite path.
 */
import type { StateGraph } from '../explore/exploration.js';
import type { StateSet } from './stateSets.js';

export function nontrivialSccs(g: StateGraph, within: StateSet): number[][] {
  const n = g.states;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callState = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let sp = 0;
  let depth = 0;
  let counter = 0;
  const out: number[][] = [];
  for (let root = 0; root < n; root++) {
    if (!within[root] || index[root] >= 0) continue;
    callState[0] = root;
    callEdge[0] = g.offsets[root];
    depth = 1;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth > 0) {
      const v = callState[depth - 1];
      const e = callEdge[depth - 1];
      if (e < g.offsets[v + 1]) {
        callEdge[depth - 1] = e + 1;
        const w = g.targets[e];
        if (!within[w]) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callState[depth] = w;
          callEdge[depth] = g.offsets[w];
          depth++;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callState[depth - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack[--sp];
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || hasSelfLoop(g, v)) out.push(component);
    }
  }
  return out;
}

function hasSelfLoop(g: StateGraph, v: number): boolean {
  for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) if (g.targets[e] === v) return true;
  return false;
}
