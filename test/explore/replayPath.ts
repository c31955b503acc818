/**
 * Evidence that checks itself: re-runs `successors` along a stored path and
 * asserts each recorded transition id really leads to the next stored state.
 */
import { expect } from 'vitest';
import type { StoredStates } from '../../src/explore/exploration.js';
import type { TransitionSystem } from '../../src/system/transitionSystem.js';
import { stateKey } from '../reference/referenceExplorer.js';

export function replayPath(system: TransitionSystem, store: StoredStates, target: number): void {
  const path = store.pathTo(target);
  expect(path.states.length).toBe(path.transitions.length + 1);
  expect(path.states[0]).toBe(0);
  expect(path.states[path.states.length - 1]).toBe(target);
  const current = new Int32Array(store.stateWords);
  system.initial(current);
  const stored = new Int32Array(store.stateWords);
  store.read(0, stored);
  expect(stateKey(current)).toBe(stateKey(stored));
  for (let k = 0; k < path.transitions.length; k++) {
    const t = path.transitions[k];
    store.read(path.states[k + 1], stored);
    expect(store.parent(path.states[k + 1])).toBe(path.states[k]);
    expect(store.via(path.states[k + 1])).toBe(t);
    const want = stateKey(stored);
    let matched = false;
    system.successors(current, (label, next) => {
      if (label === t && stateKey(next) === want) matched = true;
    });
    expect(matched).toBe(true);
    current.set(stored);
  }
}
