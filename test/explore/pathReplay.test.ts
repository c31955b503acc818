/**
 * Stored evidence checks itself: every path the store hands out replays
 * through `successors` with its recorded transition ids, and `find` maps
 * each stored vector back to its index (and unknown vectors to -1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.js';
import { numRuns, propertyTimeout, randomSystem } from '../arbitraries/randomSystem.js';
import { referenceExplore, stateKey } from '../reference/referenceExplorer.js';
import { replayPath } from './replayPath.js';

describe('stored paths and find', () => {
  it('replays BFS paths to every kind of state', () => {
    fc.assert(
      fc.property(randomSystem, fc.nat(), (system, pick) => {
        const x = explore(system, { watch: system.spec.atoms.map((_, i) => i + 1) });
        const targets = new Set([0, x.states - 1, pick % x.states, ...x.deadlocks.slice(0, 5), ...x.faults.slice(0, 5).map((f) => f.state)]);
        for (const w of x.watched) if (w >= 0) targets.add(w);
        for (const i of targets) replayPath(system, x.store, i);
      }),
      { numRuns: numRuns(150), seed: 31337 },
    );
  }, propertyTimeout);

  it('finds every stored state and no other', () => {
    fc.assert(
      fc.property(randomSystem, fc.array(fc.integer(), { minLength: 6, maxLength: 6 }), (system, words) => {
        const x = explore(system);
        const s = new Int32Array(x.store.stateWords);
        for (let i = 0; i < x.states; i++) {
          x.store.read(i, s);
          expect(x.store.find(s)).toBe(i);
        }
        const probe = Int32Array.from(words.slice(0, x.store.stateWords));
        const known = referenceExplore(system).distance.has(stateKey(probe));
        expect(x.store.find(probe) >= 0).toBe(known);
      }),
      { numRuns: numRuns(100), seed: 8 },
    );
  }, propertyTimeout);
});
