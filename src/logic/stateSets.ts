/**
 * State sets over a stored graph as byte masks (one Uint8Array per set),
 * and the graph operations the CTL and fairness algorithms share:
 * predecessor lists, backward reachability, shortest paths within a set.
 */
import type { StateGraph } from '../explore/exploration.js';

export type StateSet = Uint8Array;

export interface ReverseGraph {
  readonly offsets: Int32Array;
  readonly sources: Int32Array;
}

export function reverseGraph(g: StateGraph): ReverseGraph {
  const n = g.states;
  const counts = new Int32Array(n + 1);
  for (let e = 0; e < g.targets.length; e++) counts[g.targets[e] + 1]++;
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const offsets = counts.slice();
  const fill = counts.slice(0, n);
  const sources = new Int32Array(g.targets.length);
  for (let s = 0; s < n; s++) {
    for (let e = g.offsets[s]; e < g.offsets[s + 1]; e++) sources[fill[g.targets[e]]++] = s;
  }
  return { offsets, sources };
}

export function isDead(g: StateGraph, s: number): boolean {
  return g.offsets[s] === g.offsets[s + 1];
}

/** States of `within` that can reach `targets` along a path inside `within` (targets included). */
export function backwardReach(g: StateGraph, rev: ReverseGraph, targets: StateSet, within: StateSet): StateSet {
  const n = g.states;
  const out = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (targets[s]) {
      out[s] = 1;
      queue[tail++] = s;
    }
  }
  while (head < tail) {
    const v = queue[head++];
    for (let e = rev.offsets[v]; e < rev.offsets[v + 1]; e++) {
      const u = rev.sources[e];
      if (!out[u] && within[u]) {
        out[u] = 1;
        queue[tail++] = u;
      }
    }
  }
  return out;
}

export interface GraphPath {
  readonly states: number[];
  readonly transitions: number[];
}

/**
 * Shortest path from `from` to a state satisfying `isTarget`, moving only
 * through states of `within` (the target itself need not be in it).
 * `from` may itself be a target (empty path). Undefined if none.
 */
export function shortestPath(g: StateGraph, from: number, isTarget: (s: number) => boolean, within: (s: number) => boolean, minSteps = 0): GraphPath | undefined {
  if (minSteps === 0 && isTarget(from)) return { states: [from], transitions: [] };
  const n = g.states;
  const parent = new Int32Array(n).fill(-1);
  const via = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  // `from` is expanded first but only marked seen when minSteps is 0, so a cycle back to it can be found.
  const expand = (u: number): number => {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const v = g.targets[e];
      if (seen[v]) continue;
      seen[v] = 1;
      parent[v] = u;
      via[v] = g.labels[e];
      if (isTarget(v)) return v;
      if (within(v)) queue[tail++] = v;
    }
    return -1;
  };
  if (minSteps === 0) seen[from] = 1;
  let found = within(from) || minSteps > 0 ? expand(from) : -1;
  while (found < 0 && head < tail) found = expand(queue[head++]);
  if (found < 0) return undefined;
  // Walk the parent links back to `from` (when the target is `from` itself, around the cycle once).
  const states: number[] = [found];
  const transitions: number[] = [];
  let v = found;
  do {
    transitions.push(via[v]);
    v = parent[v];
    states.push(v);
  } while (v !== from);
  return { states: states.reverse(), transitions: transitions.reverse() };
}
