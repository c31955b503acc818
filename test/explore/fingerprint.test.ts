/**
 * Fingerprint mode against exact storage: on random systems the same BFS
 * (state counts, edges, deadlocks, faults, watched hits at the same
 * indices), every state rebuilt by replay equal to the exact one, and traces
 * that replay; on a large counter system, far fewer bytes per state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.js';
import { FingerprintStore, missProbability } from '../../src/explore/fingerprintStore.js';
import { numRuns, propertyTimeout, randomSystem } from '../arbitraries/randomSystem.js';
import { counterSystem } from './counterSystem.js';
import { replayPath } from './replayPath.js';

describe('fingerprint mode', () => {
  it('explores random systems exactly as exact storage does, and rebuilds every state', () => {
    fc.assert(
      fc.property(randomSystem, (system) => {
        const watch = system.spec.atoms.map((_, i) => i + 1);
        const exact = explore(system, { watch });
        const fp = explore(system, { watch, fingerprint: true });
        expect(fp.status).toEqual(exact.status);
        expect(fp.states).toBe(exact.states);
        expect(fp.transitions).toBe(exact.transitions);
        expect(fp.deadlockCount).toBe(exact.deadlockCount);
        expect(fp.deadlocks).toEqual(exact.deadlocks);
        expect(fp.faults).toEqual(exact.faults);
        expect(fp.watched).toEqual(exact.watched);
        expect(exact.fingerprint).toBeUndefined();
        expect(fp.fingerprint?.bits).toBe(64);
        expect(fp.fingerprint?.missProbability).toBe(missProbability(fp.states));
        const a = new Int32Array(exact.store.stateWords);
        const b = new Int32Array(exact.store.stateWords);
        for (let i = 0; i < exact.states; i++) {
          exact.store.read(i, a);
          fp.store.read(i, b);
          expect(Array.from(b)).toEqual(Array.from(a));
          expect(fp.store.parent(i)).toBe(exact.store.parent(i));
          expect(fp.store.via(i)).toBe(exact.store.via(i));
        }
        for (const hit of [...fp.watched.filter((w) => w >= 0), ...fp.deadlocks.slice(0, 3), ...fp.faults.slice(0, 3).map((f) => f.state)]) {
          replayPath(system, fp.store, hit);
        }
      }),
      { numRuns: numRuns(60), seed: 11 },
    );
  }, propertyTimeout);

  it('stores 250k states in far fewer bytes, frees expanded vectors, and replays a deep trace', () => {
    const n = 500;
    const system = counterSystem(2, n);
    const target = system.encode([n - 1, n - 1]);
    const exact = explore(system);
    const fp = explore(system, { fingerprint: true, watch: [1] });
    expect(fp.status).toEqual({ kind: 'complete' });
    expect(fp.states).toBe(n * n);
    expect(fp.transitions).toBe(exact.transitions);
    expect(fp.deadlocks).toEqual(exact.deadlocks);
    // Parent and ordinal (8), 8 table bytes at load >= 0.4, and one chunk of (1-word) vectors: no per-state vector.
    expect(fp.bytes).toBeLessThan(fp.states * (8 + 8 / 0.4) + 2 * 16384 * 4);
    const hit = fp.watched[0];
    expect(hit).toBe(n * n - 1);
    const s = new Int32Array(fp.store.stateWords);
    fp.store.read(hit, s);
    expect(Array.from(s)).toEqual(Array.from(target));
    replayPath(system, fp.store, hit);
    expect(() => fp.store.find(target)).toThrow(/fingerprint/);
  });

  it('refuses at maxStates and reports the stop', () => {
    const x = explore(counterSystem(2, 100), { fingerprint: true, maxStates: 500 });
    expect(x.status).toEqual({ kind: 'stopped', reason: 'max-states' });
    expect(x.states).toBe(500);
  });

  it('keeps emission ranks of 255 and more (a state with 300 successors)', () => {
    const system = counterSystem(300, 2);
    const exact = explore(system, { maxStates: 400 });
    const fp = explore(system, { maxStates: 400, fingerprint: true });
    expect(fp.states).toBe(400);
    for (let i = 1; i < 400; i++) expect(fp.store.via(i)).toBe(exact.store.via(i));
    expect(fp.store.via(299)).toBe(298);
  });

  it('bounds the miss probability by the pairs of stored states', () => {
    expect(missProbability(0)).toBe(0);
    expect(missProbability(1)).toBe(0);
    expect(missProbability(2)).toBe(2 ** -64);
    expect(missProbability(1e8)).toBeCloseTo((1e8 * (1e8 - 1)) / 2 / 2 ** 64, 12);
    expect(missProbability(1e8)).toBeLessThan(3e-4);
    expect(missProbability(1e12)).toBe(1);
  });

  it('certifies a replay: rebuilding a state the table never held is an internal error', () => {
    const n = 20_000;
    const system = counterSystem(1, n);
    let lie = false;
    const store = new FingerprintStore(system.layout.stateWords, {
      initial: (out) => system.initial(out),
      successors: (s, emit) => system.successors(s, lie ? (t, next) => emit(t, next.map((v) => v + 100_000)) : emit),
    });
    const s = new Int32Array(system.layout.stateWords);
    system.initial(s);
    store.findOrAdd(s, -1, -1);
    for (let i = 0; i < n - 1; i++) {
      store.readUnchecked(i, s);
      system.successors(s, (_t, next) => void store.findOrAdd(next, i, 0));
    }
    store.release(n - 1);
    store.read(100, s); // rebuilt by an honest replay
    expect(Array.from(s)).toEqual(Array.from(system.encode([100])));
    lie = true;
    expect(() => store.read(200, s)).toThrow(/never stored/);
  });
});
