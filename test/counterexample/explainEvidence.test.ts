/**
 * pathCounterexample turns stored indices into a readable trace: the states
 * along the BFS path with their changes, steps named by transitionInfo, and
 * a range fault as a final step without a state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathCounterexample } from '../../src/counterexample/explainEvidence.js';
import { explore } from '../../src/explore/explore.js';
import { diffViews } from '../../src/system/stateView.js';
import { numRuns, propertyTimeout, randomSystem } from '../arbitraries/randomSystem.js';
import { counterSystem } from '../explore/counterSystem.js';

describe('pathCounterexample', () => {
  it('names the steps and shows what changed along a shortest path', () => {
    const system = counterSystem(2, 10, 2);
    const x = explore(system, { watch: [1] });
    const cex = pathCounterexample(system, x.store, x.watched[0], 'both counters reach 2');
    expect(cex.kind).toBe('path');
    expect(cex.summary).toBe('both counters reach 2');
    expect(cex.steps).toHaveLength(4);
    expect(cex.states).toHaveLength(5);
    expect(cex.fault).toBeUndefined();
    expect(cex.states[0].values.toJS()).toEqual({ c0: 0, c1: 0 });
    expect(cex.states[0].changes).toEqual([
      { name: 'c0', before: undefined, after: 0 },
      { name: 'c1', before: undefined, after: 0 },
    ]);
    expect(cex.states[4].values.toJS()).toEqual({ c0: 2, c1: 2 });
    for (let k = 1; k < cex.states.length; k++) expect(cex.states[k].changes).toHaveLength(1);
    expect(cex.steps.map((s) => s.transition).sort()).toEqual(['inc_c0', 'inc_c0', 'inc_c1', 'inc_c1']);
    expect(cex.steps[0]).not.toHaveProperty('span');
    expect(cex.steps[0].label).toMatch(/^inc c[01]$/);
  });

  it('is a single state with all its values for the initial state', () => {
    const system = counterSystem(2, 3);
    const cex = pathCounterexample(system, explore(system).store, 0, 'start');
    expect(cex.steps).toEqual([]);
    expect(cex.states).toHaveLength(1);
    expect(cex.states[0].changes.map((c) => c.name)).toEqual(['c0', 'c1']);
  });

  it('ends with the faulting step and its message', () => {
    fc.assert(
      fc.property(
        randomSystem.filter((s) => explore(s).faults.length > 0),
        (system) => {
          const x = explore(system);
          const fault = x.faults[0];
          const cex = pathCounterexample(system, x.store, fault.state, 'out of range', fault);
          const path = x.store.pathTo(fault.state);
          expect(cex.states).toHaveLength(path.states.length);
          expect(cex.steps).toHaveLength(path.transitions.length);
          expect(cex.fault?.message).toBe(fault.message);
          expect(cex.fault?.step.transition).toBe(`t${fault.transition}`);
          expect(cex.fault?.step.span).toEqual(system.transitionInfo(fault.transition).span);
          expect(cex.fault?.step.kind).toBe('random');
          cex.states.forEach((st, k) => {
            expect(st.changes).toEqual(diffViews(k === 0 ? undefined : cex.states[k - 1].values, st.values));
          });
          cex.steps.forEach((step, k) => expect(step.transition).toBe(`t${path.transitions[k]}`));
        },
      ),
      { numRuns: numRuns(40), seed: 11 },
    );
  }, propertyTimeout);

  it('refuses a fault that happened elsewhere', () => {
    const system = counterSystem(1, 3);
    const x = explore(system);
    expect(() => pathCounterexample(system, x.store, 1, 'x', { state: 2, transition: 0, message: 'm' })).toThrow(
      /internal/,
    );
  });
});
