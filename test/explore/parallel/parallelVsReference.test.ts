/**
 * Differential test: the parallel explorer (2 and 3 threads) against the
 * plain reference explorer and the sequential BFS on random systems: the
 * same states, edges, deadlocks, faults and watched atoms, shortest paths
 * (every parent link goes one level up), and paths that replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from '../../../src/explore/explore.js';
import type { Exploration } from '../../../src/explore/exploration.js';
import { exploreParallel } from '../../../src/explore/parallel/exploreParallel.js';
import { type RandomSystem, numRuns, propertyTimeout, randomSystem } from '../../arbitraries/randomSystem.js';
import { type ReferenceResult, referenceExplore, stateKey } from '../../reference/referenceExplorer.js';
import { replayPath } from '../replayPath.js';
import { randomSource } from './testSystems.js';

function keyOf(x: Exploration, i: number): string {
  const s = new Int32Array(x.store.stateWords);
  x.store.read(i, s);
  return stateKey(s);
}

function watchAll(system: RandomSystem): number[] {
  return system.spec.atoms.map((_, i) => i + 1);
}

function depth(x: Exploration, i: number): number {
  return x.store.pathTo(i).transitions.length;
}

function compare(system: RandomSystem, x: Exploration, seq: Exploration, ref: ReferenceResult): void {
  expect(x.status).toEqual({ kind: 'complete' });
  expect(x.states).toBe(ref.distance.size);
  expect(x.states).toBe(seq.states);
  expect(x.transitions).toBe(ref.edges.length);
  const keys = new Set<string>();
  const state = new Int32Array(x.store.stateWords);
  for (let i = 0; i < x.states; i++) {
    const key = keyOf(x, i);
    keys.add(key);
    x.store.read(i, state);
    expect(x.store.find(state)).toBe(i);
    // Parents are one level up, so every tree path is a shortest path.
    expect(depth(x, i)).toBe(ref.distance.get(key));
  }
  expect(keys).toEqual(new Set(ref.distance.keys()));
  expect(keyOf(x, 0)).toBe(ref.initial);

  expect(x.deadlockCount).toBe(ref.deadlocks.size);
  expect(x.deadlockCount).toBe(seq.deadlockCount);
  expect(new Set(x.deadlocks.map((d) => keyOf(x, d)))).toEqual(ref.deadlocks);
  const depths = x.deadlocks.map((d) => depth(x, d));
  expect(depths).toEqual([...depths].sort((a, b) => a - b));
  if (seq.deadlocks.length > 0) expect(depth(x, x.deadlocks[0])).toBe(depth(seq, seq.deadlocks[0]));

  expect(x.faults.length).toBe(seq.faults.length);
  const refFaults = new Set(ref.faults.map((f) => `${f.state}|${f.transition}|${f.message}`));
  for (const f of x.faults) expect(refFaults.has(`${keyOf(x, f.state)}|${f.transition}|${f.message}`)).toBe(true);
  if (seq.faults.length > 0) expect(depth(x, x.faults[0].state)).toBe(depth(seq, seq.faults[0].state));

  const s = new Int32Array(x.store.stateWords);
  watchAll(system).forEach((atom, k) => {
    const hit = x.watched[k];
    if (seq.watched[k] < 0) {
      expect(hit).toBe(-1);
    } else {
      x.store.read(hit, s);
      expect(system.label(s, atom)).toBe(true);
      expect(depth(x, hit)).toBe(depth(seq, seq.watched[k]));
      replayPath(system, x.store, hit);
    }
  });
  for (const d of x.deadlocks.slice(0, 3)) replayPath(system, x.store, d);
}

describe('parallel BFS vs reference and sequential explorers', () => {
  it('agrees on states, edges, deadlocks, faults and watched atoms, with shortest paths', () => {
    fc.assert(
      fc.property(randomSystem, fc.constantFrom(2, 3), (system, workers) => {
        const watch = watchAll(system);
        const ref = referenceExplore(system, watch);
        const seq = explore(system, { watch });
        const x = exploreParallel(system, { watch }, { workers, source: randomSource(system) });
        compare(system, x, seq, ref);
      }),
      { numRuns: numRuns(60), seed: 20261124 },
    );
  }, propertyTimeout * 6);

  it('stopped by max-states: unknown-making status, never more states than allowed', () => {
    fc.assert(
      fc.property(randomSystem, fc.integer({ min: 1, max: 50 }), (system, maxStates) => {
        const seq = explore(system, { maxStates });
        const x = exploreParallel(system, { maxStates }, { workers: 2, source: randomSource(system) });
        expect(x.status).toEqual(seq.status);
        expect(x.states).toBe(Math.min(maxStates, seq.states));
        expect(x.states).toBe(seq.states);
        for (let i = 1; i < x.states; i++) expect(x.store.parent(i)).toBeLessThan(i);
      }),
      { numRuns: numRuns(30), seed: 77 },
    );
  }, propertyTimeout * 6);
});
