/**
 * Limits stop exploration early and say so: the status is `stopped` with
 * the reason, never `complete`, and the figures stay within the limit.
 * A space that exactly fits a limit is still complete.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.js';
import type { Progress } from '../../src/explore/exploration.js';
import { counterSystem } from './counterSystem.js';
import { replayPath } from './replayPath.js';

describe('exploration limits', () => {
  it('stops at maxStates', () => {
    for (const order of ['bfs', 'dfs'] as const) {
      const x = explore(counterSystem(2, 100), { maxStates: 500, order, storeEdges: true });
      expect(x.status).toEqual({ kind: 'stopped', reason: 'max-states' });
      expect(x.states).toBe(500);
      expect(x.graph).toBeUndefined();
    }
  });

  it('is complete when the space has exactly maxStates states', () => {
    const x = explore(counterSystem(2, 10), { maxStates: 100 });
    expect(x.status).toEqual({ kind: 'complete' });
    expect(x.states).toBe(100);
    const y = explore(counterSystem(2, 10), { maxStates: 99 });
    expect(y.status).toEqual({ kind: 'stopped', reason: 'max-states' });
  });

  it('stores nothing with maxStates 0', () => {
    const x = explore(counterSystem(2, 10), { maxStates: 0 });
    expect(x.status).toEqual({ kind: 'stopped', reason: 'max-states' });
    expect(x.states).toBe(0);
  });

  it('stops when shouldStop says so', () => {
    let polls = 0;
    const x = explore(counterSystem(2, 1000), { shouldStop: () => ++polls > 3 });
    expect(x.status).toEqual({ kind: 'stopped', reason: 'interrupted' });
    expect(polls).toBe(4);
    expect(x.states).toBeLessThan(1_000_000);
    expect(explore(counterSystem(2, 1000), { order: 'dfs', shouldStop: () => true }).status).toEqual({
      kind: 'stopped',
      reason: 'interrupted',
    });
  });

  it('stops on timeout', () => {
    for (const order of ['bfs', 'dfs'] as const) {
      const x = explore(counterSystem(2, 1000), { timeoutMs: 1, order });
      expect(x.status).toEqual({ kind: 'stopped', reason: 'timeout' });
      expect(x.states).toBeLessThan(1_000_000);
    }
  });

  it('stops before its tables outgrow maxMemoryBytes', () => {
    for (const storeEdges of [false, true]) {
      const x = explore(counterSystem(2, 1000), { maxMemoryBytes: 1_000_000, storeEdges });
      expect(x.status).toEqual({ kind: 'stopped', reason: 'memory' });
      expect(x.bytes).toBeLessThanOrEqual(1_000_000);
      expect(x.states).toBeGreaterThan(10_000);
    }
  });

  it('stops once every watched atom is found, with a shortest witness', () => {
    const system = counterSystem(2, 100, 5);
    const x = explore(system, { watch: [1], stopWhenWatchedFound: true });
    expect(x.status).toEqual({ kind: 'stopped', reason: 'watched-found' });
    expect(x.store.pathTo(x.watched[0]).transitions.length).toBe(10);
    replayPath(system, x.store, x.watched[0]);
    expect(x.states).toBeLessThan(10_000);
    // A hit on the initial state stops before any expansion.
    const z = explore(counterSystem(2, 100, 0), { watch: [1], stopWhenWatchedFound: true });
    expect(z.status).toEqual({ kind: 'stopped', reason: 'watched-found' });
    expect(z.watched).toEqual([0]);
    expect(z.states).toBe(1);
    // Unseen atoms never stop it early.
    const y = explore(counterSystem(2, 30), { watch: [1, 0], stopWhenWatchedFound: true });
    expect(y.status).toEqual({ kind: 'complete' });
    expect(y.watched[0]).toBeGreaterThanOrEqual(0);
    expect(y.watched[1]).toBe(-1);
  });

  it('reports progress about every 65536 states', () => {
    const seen: Progress[] = [];
    const x = explore(counterSystem(2, 500), { onProgress: (p) => seen.push(p) });
    expect(x.status).toEqual({ kind: 'complete' });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(4);
    for (let k = 1; k < seen.length; k++) expect(seen[k].states).toBeGreaterThan(seen[k - 1].states);
    for (const p of seen) {
      expect(p.states).toBeGreaterThanOrEqual(65536);
      expect(p.queue).toBeGreaterThan(0);
      expect(p.bytes).toBeGreaterThan(0);
    }
  });
});
