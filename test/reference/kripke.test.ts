/**
 * Kripke structures as TransitionSystems and back: the adapter the
 * differential tests rely on to feed random structures to the real checkers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRandomSystem, numRuns } from '../arbitraries/randomSystem.js';
import { randomKripke } from '../arbitraries/randomKripke.js';
import { type Kripke, edgesOf, enabledStates, fairnessConstraintsOf, kripkeOf, systemOf } from './kripke.js';
import { referenceExplore } from './referenceExplorer.js';

/** s0 -> s1, s0 -> s2, s1 -> s1; s2 dead. Atom 0 at s0 and s2, atom 1 at s1. */
const small: Kripke = {
  states: 3,
  initial: 0,
  succ: [[1, 2], [1], []],
  labels: [
    [true, false],
    [false, true],
    [true, false],
  ],
};

function successorsOf(k: Kripke, s: number): [number, number][] {
  const sys = systemOf(k);
  const out: [number, number][] = [];
  sys.successors(Int32Array.of(s), (t, next) => out.push([t, next[0]]));
  return out;
}

describe('systemOf', () => {
  it('numbers edges state by state and names them by their ends', () => {
    const sys = systemOf(small);
    expect(edgesOf(small)).toEqual([
      { from: 0, to: 1, transition: 0 },
      { from: 0, to: 2, transition: 1 },
      { from: 1, to: 1, transition: 2 },
    ]);
    expect(sys.transitionCount).toBe(3);
    expect([0, 1, 2].map((t) => sys.transitionInfo(t).name)).toEqual(['s0->s1', 's0->s2', 's1->s1']);
    expect(successorsOf(small, 0)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(successorsOf(small, 2)).toEqual([]);
  });

  it('labels states with the atoms and never calls a state terminal', () => {
    const sys = systemOf(small);
    const s = new Int32Array(sys.layout.stateWords);
    sys.initial(s);
    expect(s[0]).toBe(0);
    expect(sys.terminalAtom).toBe(2);
    expect(sys.atoms.map((a) => a.name)).toEqual(['p0', 'p1', 'terminal']);
    expect([0, 1, 2].map((i) => sys.label(Int32Array.of(i), 0))).toEqual([true, false, true]);
    expect([0, 1, 2].map((i) => sys.label(Int32Array.of(i), 1))).toEqual([false, true, false]);
    expect([0, 1, 2].some((i) => sys.label(Int32Array.of(i), sys.terminalAtom))).toBe(false);
    expect(sys.describe(Int32Array.of(2)).toJS()).toEqual({ state: 2 });
    // The plain explorer sees the dead state as a deadlock.
    expect(referenceExplore(sys).deadlocks).toEqual(new Set(['2']));
  });

  it('names a transition shared by several edges by its id', () => {
    const k: Kripke = { ...small, via: [[0, 0], [0]] };
    const sys = systemOf(k);
    expect(sys.transitionCount).toBe(1);
    expect(sys.transitionInfo(0).name).toBe('t0');
    expect(enabledStates(k, [0])).toEqual([true, true, false]);
  });

  it('hands fairness to the real checkers as membership bytes', () => {
    const [c] = fairnessConstraintsOf({ ...small, fairness: [{ kind: 'weak', transitions: [2, 0] }] });
    expect(c.kind).toBe('weak');
    expect([...c.membership]).toEqual([1, 0, 1]);
  });
});

describe('kripkeOf', () => {
  it('gives back a structure whose BFS order is its own numbering', () => {
    const k = kripkeOf(systemOf(small), [0, 1]);
    expect(k).toEqual({ ...small, via: [[0, 1], [2], []] });
  });

  it('keeps only reachable states, renumbered in BFS order', () => {
    const k: Kripke = { states: 3, initial: 2, succ: [[0], [0], [0]], labels: [[true], [false], [false]] };
    expect(kripkeOf(systemOf(k), [0])).toEqual({ states: 2, initial: 0, succ: [[1], [1]], via: [[2], [0]], labels: [[false], [true]] });
  });

  it('reads a random vector-addition system: same states, edges and labels as the reference explorer', () => {
    const system = buildRandomSystem({
      slots: [
        { width: 'small', window: 3, place: 'bottom', lo: 0, init: 0 },
        { width: 'bits17', window: 2, place: 'top', lo: 1, init: 1 },
      ],
      transitions: [
        { guards: [], effects: [{ slot: 0, delta: 1 }], capped: true, undoable: true },
        { guards: [{ slot: 0, op: 'ge', k: 2 }], effects: [{ slot: 1, delta: -1 }], capped: true, undoable: false },
      ],
      terminal: { kind: 'never' },
      atoms: [{ kind: 'cmp', slot: 0, op: 'eq', k: 2 }],
    });
    const ref = referenceExplore(system);
    const k = kripkeOf(system, [1]);
    expect(k.states).toBe(ref.distance.size);
    expect(edgesOf(k)).toHaveLength(ref.edges.length);
    expect(k.labels.filter((l) => l[0])).toHaveLength(2);
    expect(k.succ.filter((s) => s.length === 0)).toHaveLength(0);
  });

  it('round-trips random structures restricted to their reachable part', () => {
    fc.assert(
      fc.property(randomKripke({ reachableOnly: true, fairness: 'some' }), (k) => {
        const atoms = k.labels[0].map((_, a) => a);
        expect(kripkeOf(systemOf(k), atoms, k.fairness)).toEqual(k);
      }),
      { numRuns: numRuns(100) },
    );
  });
});
