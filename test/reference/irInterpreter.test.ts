/**
 * The IR interpreter on models small enough to explore by hand, so the
 * differential tests built on it compare against known-right numbers.
 */
import { describe, expect, it } from 'vitest';
import { loadSpecText } from '../../src/api/loadSpec.js';
import { constant, slotRef } from '../../src/model/expr.js';
import { makeTransition } from '../../src/model/model.js';
import { fire, interpretModel } from './irInterpreter.js';

const modelOf = (text: string) => loadSpecText(text, 'test.wf').model;

describe('interpretModel', () => {
  it('explores a token ring: states, edges, property depths', () => {
    const r = interpretModel(
      modelOf(`net Ring {
        place a = 1, b
        transition t: a -> b
        transition u: b -> a
        invariant one: a + b == 1
        reachable atB: b == 1
        deadlock_free
      }`),
    );
    expect({ complete: r.complete, states: r.states, edges: r.edges, deadlocks: r.deadlocks, faults: r.faults.length }).toEqual({
      complete: true,
      states: 2,
      edges: 2,
      deadlocks: 0,
      faults: 0,
    });
    expect(r.properties.map((p) => [p.name, p.firstHit])).toEqual([
      ['one', -1],
      ['atB', 1],
      ['deadlock_free', -1],
    ]);
    expect(r.depth).toEqual(
      new Map([
        ['1,0', 0],
        ['0,1', 1],
      ]),
    );
  });

  it('reports a capacity overflow as a fault, not a successor or a deadlock', () => {
    const r = interpretModel(
      modelOf(`net Spill {
        place a = 2, b capacity 1
        transition t: a -> b
        invariant low: b <= 0
      }`),
    );
    expect({ states: r.states, edges: r.edges, deadlocks: r.deadlocks, faultDepth: r.faultDepth }).toEqual({ states: 2, edges: 1, deadlocks: 0, faultDepth: 1 });
    expect(r.faults).toEqual([{ state: '1,1', transition: 0 }]);
    expect(r.properties[0].firstHit).toBe(1);
  });

  it('counts a dead marking of a plain net as a deadlock', () => {
    const r = interpretModel(modelOf('net Once { place a = 1, b  transition t: a -> b  deadlock_free }'));
    expect({ states: r.states, edges: r.edges, deadlocks: r.deadlocks, deadlockDepth: r.deadlockDepth }).toEqual({ states: 2, edges: 1, deadlocks: 1, deadlockDepth: 1 });
    expect(r.deadlockStates).toEqual(new Set(['0,1']));
  });

  it('counts self-loops and does not call an ended workflow deadlocked', () => {
    const r = interpretModel(modelOf('net Spin { place a = 1  transition t: a -> a  transition idle: -> }'));
    expect({ states: r.states, edges: r.edges, deadlocks: r.deadlocks }).toEqual({ states: 1, edges: 2, deadlocks: 0 });
    const w = interpretModel(modelOf('workflow Done { var x: 0..1 = 0  main { x = 1 }  deadlock_free }'));
    expect(w.deadlocks).toBe(0);
    expect(w.properties[0].firstHit).toBe(-1);
  });

  it('reads the pre-state in every update of a step (`y = x; x = 0` moves x to y)', () => {
    const r = interpretModel(
      modelOf(`workflow Move {
        var x: 0..1 = 1
        var y: 0..1 = 0
        activity A { y = x; x = 0 }
        main { A }
        reachable moved: y == 1 && x == 0
      }`),
    );
    expect(r.properties[0].firstHit).toBe(1);
  });

  it('gives up at maxStates and says so', () => {
    const r = interpretModel(modelOf('net Ring { place a = 1, b  transition t: a -> b  transition u: b -> a }'), 1);
    expect(r.complete).toBe(false);
    expect(r.states).toBe(1);
  });
});

describe('fire', () => {
  const step = (props: Partial<Parameters<typeof makeTransition>[0]>) =>
    makeTransition({ name: 't', label: 't', kind: 'step', origin: { file: '', start: 0, end: 0 }, pre: [], post: [], updates: [], ...props });

  it('leaves a reset place holding exactly what the step puts there', () => {
    // A cancelling join consumes a branch place it also resets: empty, not -1.
    expect(fire(step({ pre: [{ slot: 1, weight: 1 }], resets: [1] }), [0, 1])).toEqual([0, 0]);
    expect(fire(step({ resets: [0, 1], post: [{ slot: 1, weight: 2 }] }), [1, 1])).toEqual([0, 2]);
  });

  it('consumes, empties, produces, then assigns from the pre-state', () => {
    const t = makeTransition({
      name: 't',
      label: 't',
      kind: 'step',
      origin: { file: '', start: 0, end: 0 },
      pre: [{ slot: 0, weight: 1 }],
      post: [{ slot: 1, weight: 1 }],
      resets: [1],
      updates: [
        { slot: 2, value: slotRef(0) },
        { slot: 3, value: constant(7) },
      ],
    });
    expect(fire(t, [1, 1, 0, 0])).toEqual([0, 1, 1, 7]);
  });
});
