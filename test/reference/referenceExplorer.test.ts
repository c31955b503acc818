/**
 * The reference explorer is the oracle, so it is pinned on systems small
 * enough to work out by hand: counts, distances, deadlocks and faults.
 */
import { describe, expect, it } from 'vitest';
import { type RandomSystemSpec, buildRandomSystem } from '../arbitraries/randomSystem.js';
import { counterSystem } from '../explore/counterSystem.js';
import { referenceExplore, stateKey } from './referenceExplorer.js';

/** One slot 0..2 starting at 0, one +1 transition, nothing terminal. */
function incrementer(capped: boolean): RandomSystemSpec {
  return {
    slots: [
      { width: 'small', window: 3, place: 'bottom', lo: 0, init: 0 },
      { width: 'small', window: 1, place: 'bottom', lo: 0, init: 0 },
    ],
    transitions: [{ guards: [], effects: [{ slot: 0, delta: 1 }], capped, undoable: false }],
    terminal: { kind: 'never' },
    atoms: [{ kind: 'cmp', slot: 0, op: 'eq', k: 2 }],
  };
}

describe('referenceExplore', () => {
  it('counts a 3×3 counter grid', () => {
    const system = counterSystem(2, 3);
    const ref = referenceExplore(system, [1]);
    expect(ref.distance.size).toBe(9);
    expect(ref.edges).toHaveLength(12);
    expect(ref.deadlocks).toEqual(new Set([stateKey(system.encode([2, 2]))]));
    expect(ref.distance.get(stateKey(system.encode([1, 2])))).toBe(3);
    expect(ref.watchedDistance).toEqual([4]);
    expect(ref.faults).toEqual([]);
  });

  it('does not call a state whose only transition faults a deadlock', () => {
    const ref = referenceExplore(buildRandomSystem(incrementer(false)), [1]);
    expect(ref.distance.size).toBe(3);
    expect(ref.edges).toHaveLength(2);
    expect(ref.deadlocks.size).toBe(0);
    expect(ref.faults).toHaveLength(1);
    expect(ref.faults[0].message).toBe('v0 = 3 outside 0..2');
    expect(ref.watchedDistance).toEqual([2]);
  });

  it('calls it a deadlock when the transition is disabled instead', () => {
    const ref = referenceExplore(buildRandomSystem(incrementer(true)));
    expect(ref.deadlocks.size).toBe(1);
    expect(ref.faults).toEqual([]);
  });
});
