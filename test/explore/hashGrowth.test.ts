/**
 * The hash table and arena grow many times over a 250 000-state counter
 * system; every state must stay findable, with exact counts, in both orders.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.js';
import { successorsOf } from '../../src/explore/stateGraph.js';
import { counterSystem } from './counterSystem.js';

describe('state store growth', () => {
  it('explores 250k states exactly and finds each of them', () => {
    const n = 500;
    const system = counterSystem(2, n);
    const x = explore(system);
    expect(x.status).toEqual({ kind: 'complete' });
    expect(x.states).toBe(n * n);
    expect(x.transitions).toBe(2 * n * (n - 1));
    expect(x.deadlockCount).toBe(1);
    const last = new Int32Array(x.store.stateWords);
    x.store.read(x.deadlocks[0], last);
    expect(Array.from(last)).toEqual(Array.from(system.encode([n - 1, n - 1])));
    // BFS stores parents before children, so depths fill in index order.
    const depth = new Int32Array(x.states);
    for (let i = 1; i < x.states; i++) depth[i] = depth[x.store.parent(i)] + 1;
    let found = 0;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const i = x.store.find(system.encode([a, b]));
        if (i >= 0 && depth[i] === a + b) found++;
      }
    }
    expect(found).toBe(n * n);
    expect(x.store.find(system.encode([n, 0]))).toBe(-1);
  });

  it('gives the same counts depth-first, with edges', () => {
    const x = explore(counterSystem(3, 60), { order: 'dfs', storeEdges: true });
    expect(x.status).toEqual({ kind: 'complete' });
    expect(x.states).toBe(60 ** 3);
    expect(x.transitions).toBe(3 * 60 * 60 * 59);
    expect(x.graph?.targets.length).toBe(x.transitions);
    const graph = x.graph;
    if (graph === undefined) throw new Error('no graph');
    const s = new Int32Array(x.store.stateWords);
    const successors = Array.from(successorsOf(graph, 0), (i) => {
      x.store.read(i, s);
      return Array.from(s);
    });
    const system = counterSystem(3, 60);
    expect(successors.sort()).toEqual(
      [system.encode([1, 0, 0]), system.encode([0, 1, 0]), system.encode([0, 0, 1])].map((v) => Array.from(v)).sort(),
    );
    expect(x.deadlockCount).toBe(1);
  });
});
