/**
 * Differential test: the packed BFS explorer against the plain reference
 * explorer on random systems — same states, edges, deadlocks and faults,
 * and a parent tree that gives shortest paths (so first hits are shallowest).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.js';
import type { Exploration } from '../../src/explore/exploration.js';
import { type RandomSystem, numRuns, propertyTimeout, randomSystem } from '../arbitraries/randomSystem.js';
import { type ReferenceResult, referenceExplore, stateKey } from '../reference/referenceExplorer.js';

function keyOf(x: Exploration, i: number): string {
  const s = new Int32Array(x.store.stateWords);
  x.store.read(i, s);
  return stateKey(s);
}

function watchAll(system: RandomSystem): number[] {
  return system.spec.atoms.map((_, i) => i + 1);
}

function compare(system: RandomSystem, x: Exploration, ref: ReferenceResult): void {
  expect(x.status).toEqual({ kind: 'complete' });
  expect(x.states).toBe(ref.distance.size);
  expect(x.store.count).toBe(x.states);
  expect(x.transitions).toBe(ref.edges.length);
  const keys = new Set<string>();
  for (let i = 0; i < x.states; i++) {
    const key = keyOf(x, i);
    expect(ref.distance.has(key)).toBe(true);
    keys.add(key);
    // BFS parents form a shortest-path tree.
    expect(x.store.pathTo(i).transitions.length).toBe(ref.distance.get(key));
  }
  expect(keys.size).toBe(x.states);
  expect(keyOf(x, 0)).toBe(ref.initial);

  expect(x.deadlockCount).toBe(ref.deadlocks.size);
  expect(new Set(x.deadlocks.map((d) => keyOf(x, d)))).toEqual(ref.deadlocks);
  const depths = x.deadlocks.map((d) => ref.distance.get(keyOf(x, d)) as number);
  expect(depths).toEqual([...depths].sort((a, b) => a - b));

  expect(x.faults.length).toBe(Math.min(ref.faults.length, 1000));
  const refFaults = new Set(ref.faults.map((f) => `${f.state}|${f.transition}|${f.message}`));
  for (const f of x.faults) expect(refFaults.has(`${keyOf(x, f.state)}|${f.transition}|${f.message}`)).toBe(true);
  if (ref.faults.length > 0) {
    const shallowest = Math.min(...ref.faults.map((f) => ref.distance.get(f.state) as number));
    expect(ref.distance.get(keyOf(x, x.faults[0].state))).toBe(shallowest);
  }

  const s = new Int32Array(x.store.stateWords);
  watchAll(system).forEach((atom, k) => {
    const hit = x.watched[k];
    if (ref.watchedDistance[k] < 0) {
      expect(hit).toBe(-1);
    } else {
      x.store.read(hit, s);
      expect(system.label(s, atom)).toBe(true);
      expect(x.store.pathTo(hit).transitions.length).toBe(ref.watchedDistance[k]);
    }
  });
}

describe('packed BFS vs reference explorer', () => {
  it('agrees on states, edges, deadlocks, faults and watched atoms', () => {
    fc.assert(
      fc.property(randomSystem, (system) => {
        const ref = referenceExplore(system, watchAll(system));
        compare(system, explore(system, { watch: watchAll(system) }), ref);
      }),
      { numRuns: numRuns(150), seed: 20240611 },
    );
  }, propertyTimeout);

  it('stores edges that match the reference edge multiset', () => {
    fc.assert(
      fc.property(randomSystem, fc.constantFrom<'bfs' | 'dfs'>('bfs', 'dfs'), (system, order) => {
        const ref = referenceExplore(system);
        const x = explore(system, { storeEdges: true, order });
        const graph = x.graph;
        expect(graph).toBeDefined();
        if (graph === undefined) return;
        expect(graph.states).toBe(x.states);
        expect(graph.offsets.length).toBe(x.states + 1);
        expect(graph.offsets[x.states]).toBe(x.transitions);
        const mine: string[] = [];
        for (let i = 0; i < graph.states; i++) {
          expect(graph.offsets[i]).toBeLessThanOrEqual(graph.offsets[i + 1]);
          for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) {
            mine.push(`${keyOf(x, i)}|${graph.labels[e]}|${keyOf(x, graph.targets[e])}`);
          }
        }
        const theirs = ref.edges.map((e) => `${e.from}|${e.transition}|${e.to}`);
        expect(mine.sort()).toEqual(theirs.sort());
      }),
      { numRuns: numRuns(100), seed: 424242 },
    );
  }, propertyTimeout);
});
