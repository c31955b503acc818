/**
 * BFS and DFS explore the same reachable graph in different orders: their
 * counts, deadlock sets, fault existence and watched verdicts must agree,
 * and DFS parents must still be valid (if not shortest) paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.js';
import type { Exploration, StoredStates } from '../../src/explore/exploration.js';
import { numRuns, propertyTimeout, randomSystem } from '../arbitraries/randomSystem.js';
import { stateKey } from '../reference/referenceExplorer.js';
import { replayPath } from './replayPath.js';

function keys(x: Exploration, indices: readonly number[]): Set<string> {
  const s = new Int32Array(x.store.stateWords);
  return new Set(
    indices.map((i) => {
      x.store.read(i, s);
      return stateKey(s);
    }),
  );
}

const all = (x: Exploration): number[] => Array.from({ length: x.states }, (_, i) => i);

/** Steps from the initial state along parent links (pathTo would also recompute each step's transition). */
function depthOf(store: StoredStates, i: number): number {
  let depth = 0;
  for (let p = store.parent(i); p >= 0; p = store.parent(p)) depth++;
  return depth;
}

describe('BFS vs DFS', () => {
  it('find the same states, edges, deadlocks, faults and watched atoms', () => {
    fc.assert(
      fc.property(randomSystem, (system) => {
        const watch = system.spec.atoms.map((_, i) => i + 1);
        const bfs = explore(system, { watch });
        const dfs = explore(system, { watch, order: 'dfs' });
        expect(dfs.status).toEqual({ kind: 'complete' });
        expect(dfs.states).toBe(bfs.states);
        expect(dfs.transitions).toBe(bfs.transitions);
        expect(keys(dfs, all(dfs))).toEqual(keys(bfs, all(bfs)));
        expect(dfs.deadlockCount).toBe(bfs.deadlockCount);
        expect(keys(dfs, dfs.deadlocks)).toEqual(keys(bfs, bfs.deadlocks));
        expect(dfs.faults.length > 0).toBe(bfs.faults.length > 0);
        expect(dfs.watched.map((w) => w >= 0)).toEqual(bfs.watched.map((w) => w >= 0));
        for (let i = 0; i < dfs.states; i++) {
          // DFS paths are never shorter than BFS ones.
          const bfsIndex = bfs.store.find(readState(dfs, i));
          expect(depthOf(dfs.store, i)).toBeGreaterThanOrEqual(depthOf(bfs.store, bfsIndex));
        }
        // ...and they replay (a few: DFS paths can be as long as the state count).
        for (const i of new Set([dfs.states - 1, ...dfs.deadlocks.slice(0, 3), ...dfs.watched.filter((w) => w >= 0)])) {
          replayPath(system, dfs.store, i);
        }
      }),
      { numRuns: numRuns(120), seed: 7 },
    );
  }, propertyTimeout);
});

function readState(x: Exploration, i: number): Int32Array {
  const s = new Int32Array(x.store.stateWords);
  x.store.read(i, s);
  return s;
}
