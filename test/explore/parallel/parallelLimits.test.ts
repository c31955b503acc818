/**
 * The parallel explorer on larger counter systems: several table growths
 * (rehashed by all threads) with exact counts, stops by max-states, memory,
 * timeout and Ctrl-C that give `stopped` (so `unknown`), never complete,
 * and a worker whose rebuilt system differs, or that throws, failing loudly.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../src/explore/explore.js';
import { exploreParallel } from '../../../src/explore/parallel/exploreParallel.js';
import { counterSystem } from '../counterSystem.js';
import { replayPath } from '../replayPath.js';
import { sourceOf } from './testSystems.js';

describe('parallel exploration of counter systems', () => {
  it('grows the shared table several times and still counts exactly', () => {
    const system = counterSystem(4, 18);
    const source = sourceOf({ kind: 'counter', slots: 4, size: 18 });
    const seq = explore(system, { watch: [1] });
    for (const workers of [2, 3]) {
      const x = exploreParallel(system, { watch: [1] }, { workers, source });
      expect(x.status).toEqual({ kind: 'complete' });
      expect(x.states).toBe(18 ** 4);
      expect(x.transitions).toBe(seq.transitions);
      expect(x.deadlockCount).toBe(1);
      expect(x.deadlocks).toEqual([x.states - 1]);
      // The one all-full state is the deepest (4 · 17 steps) and the watched target.
      expect(x.watched).toEqual([x.deadlocks[0]]);
      expect(x.store.pathTo(x.watched[0]).transitions.length).toBe(4 * 17);
      replayPath(system, x.store, x.watched[0]);
      expect(x.store.find(system.encode([17, 17, 17, 17]))).toBe(x.watched[0]);
      expect(x.store.find(system.encode([18, 0, 0, 0]))).toBe(-1);
      expect(x.bytes).toBeGreaterThan(0);
    }
  });

  it('stops at max-states exactly, as the sequential explorer does', () => {
    const system = counterSystem(3, 30);
    const x = exploreParallel(system, { maxStates: 5000 }, { workers: 2, source: sourceOf({ kind: 'counter', slots: 3, size: 30 }) });
    expect(x.status).toEqual({ kind: 'stopped', reason: 'max-states' });
    expect(x.states).toBe(5000);
    for (let i = 1; i < x.states; i++) expect(x.store.parent(i)).toBeLessThan(i);
  });

  it('stops for the memory budget instead of growing past it', () => {
    const system = counterSystem(3, 60);
    const x = exploreParallel(system, { maxMemoryBytes: 400_000 }, { workers: 2, source: sourceOf({ kind: 'counter', slots: 3, size: 60 }) });
    expect(x.status).toEqual({ kind: 'stopped', reason: 'memory' });
    expect(x.states).toBeLessThan(60 ** 3);
  });

  it('stops when interrupted or out of time', () => {
    const system = counterSystem(3, 60);
    const source = sourceOf({ kind: 'counter', slots: 3, size: 60 });
    const interrupted = exploreParallel(system, { shouldStop: () => true }, { workers: 2, source });
    expect(interrupted.status).toEqual({ kind: 'stopped', reason: 'interrupted' });
    const late = exploreParallel(system, { timeoutMs: 1 }, { workers: 2, source });
    expect(late.status).toEqual({ kind: 'stopped', reason: 'timeout' });
    expect(late.states).toBeLessThan(60 ** 3);
  });

  it('fails loudly when a worker rebuilds a different system, and recovers afterwards', () => {
    const system = counterSystem(2, 5);
    expect(() => exploreParallel(system, {}, { workers: 2, source: sourceOf({ kind: 'broken', slots: 2, size: 5 }) })).toThrow(/rebuilt a different system/);
    const x = exploreParallel(system, {}, { workers: 2, source: sourceOf({ kind: 'counter', slots: 2, size: 5 }) });
    expect(x.states).toBe(25);
  });

  it('a worker that throws ends the exploration with its message, not a hang', () => {
    const system = counterSystem(3, 40);
    const failing = sourceOf({ kind: 'throwing', slots: 3, size: 40, after: 2000 });
    expect(() => exploreParallel(system, {}, { workers: 3, source: failing })).toThrow(/parallel exploration failed: boom in a worker/);
    expect(exploreParallel(system, {}, { workers: 3, source: sourceOf({ kind: 'counter', slots: 3, size: 40 }) }).states).toBe(40 ** 3);
  });

  it('leaves what it cannot serve to the sequential explorer', () => {
    const system = counterSystem(2, 5);
    const x = exploreParallel(system, { storeEdges: true }, { workers: 2, source: sourceOf({ kind: 'broken', slots: 2, size: 5 }) });
    expect(x.graph?.states).toBe(25);
  });
});
