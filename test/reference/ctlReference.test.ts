/**
 * The CTL reference on structures small enough to work out by hand: the
 * maximal-path semantics at dead states, loops, weak versus strong
 * fairness, and A/E over LTL inside CTL.
 */
import { describe, expect, it } from 'vitest';
import type { Formula } from '../../src/logic/formula.js';
import { ctlHolds } from './ctlReference.js';
import type { Kripke, KripkeFairness } from './kripke.js';

const p: Formula = { kind: 'atom', atom: 0 };
const q: Formula = { kind: 'atom', atom: 1 };
const T: Formula = { kind: 'true' };
const F: Formula = { kind: 'false' };
const not = (arg: Formula): Formula => ({ kind: 'not', arg });
const un = (kind: 'EX' | 'AX' | 'EF' | 'AF' | 'EG' | 'AG', arg: Formula): Formula => ({ kind, arg });
const bin = (kind: 'EU' | 'AU' | 'EW' | 'AW', left: Formula, right: Formula): Formula => ({ kind, left, right });

/** One dead state; labels (p, q) given. */
function deadState(pv: boolean, qv: boolean): Kripke {
  return { states: 1, initial: 0, succ: [[]], labels: [[pv, qv]] };
}

/** s0 -> s1 -> s2 (dead); p at s0, s1; q at s2. */
const chain: Kripke = {
  states: 3,
  initial: 0,
  succ: [[1], [2], []],
  labels: [
    [true, false],
    [true, false],
    [false, true],
  ],
};

/** s0 -0-> s0, s0 -1-> s1, s1 -2-> s1; p at s0 only. */
const escape: Kripke = { states: 2, initial: 0, succ: [[0, 1], [1]], labels: [[true], [false]] };

/** s0 -0-> s1 -1-> s0, s0 -2-> s2 (goal q), s2 -3-> s2. Group {2} is enabled at s0 only. */
const flicker: Kripke = {
  states: 3,
  initial: 0,
  succ: [[1, 2], [0], [2]],
  via: [[0, 2], [1], [3]],
  labels: [
    [false, false],
    [false, false],
    [false, true],
  ],
};

describe('ctlHolds at a dead state', () => {
  it('has EX false, AX true, and everything else reading the state itself', () => {
    for (const [pv, qv] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ]) {
      const k = deadState(pv, qv);
      const at = (f: Formula): boolean => ctlHolds(k, f)[0];
      expect(at(un('EX', T))).toBe(false);
      expect(at(un('AX', F))).toBe(true);
      for (const kind of ['EF', 'AF', 'EG', 'AG'] as const) expect(at(un(kind, p))).toBe(pv);
      expect(at(bin('EU', p, q))).toBe(qv);
      expect(at(bin('AU', p, q))).toBe(qv);
      expect(at(bin('EW', p, q))).toBe(pv || qv);
      expect(at(bin('AW', p, q))).toBe(pv || qv);
    }
  });
});

describe('ctlHolds on a chain to a dead state', () => {
  const sat = (f: Formula): boolean[] => ctlHolds(chain, f);

  it('computes next-state operators per state', () => {
    expect(sat(un('EX', p))).toEqual([true, false, false]);
    expect(sat(un('AX', p))).toEqual([true, false, true]);
    expect(sat(un('AX', q))).toEqual([false, true, true]);
  });

  it('reaches the end on every path, and no path keeps p forever', () => {
    expect(sat(un('AF', q))).toEqual([true, true, true]);
    expect(sat(un('EG', p))).toEqual([false, false, false]);
    expect(sat(un('EG', not(q)))).toEqual([false, false, false]);
    expect(sat(bin('AU', p, q))).toEqual([true, true, true]);
    expect(sat(bin('AU', q, p))).toEqual([true, true, false]);
    expect(sat(un('AG', p))).toEqual([false, false, false]);
    expect(sat(un('AG', not(q)))).toEqual([false, false, false]);
    expect(sat(un('AG', { kind: 'or', left: p, right: q }))).toEqual([true, true, true]);
    expect(sat(un('EF', un('AX', F)))).toEqual([true, true, true]);
  });
});

describe('ctlHolds on a loop with an exit', () => {
  const sat = (f: Formula, fairness: KripkeFairness[] = []): boolean[] => ctlHolds(escape, f, fairness);

  it('lets a path stay in the loop forever without fairness', () => {
    expect(sat(un('EG', p))).toEqual([true, false]);
    expect(sat(un('AF', not(p)))).toEqual([false, true]);
    expect(sat(un('EF', not(p)))).toEqual([true, true]);
    expect(sat(bin('AW', p, not(p)))).toEqual([true, true]);
    expect(sat(bin('AU', p, not(p)))).toEqual([false, true]);
  });

  it('forces the exit under weak or strong fairness of the exit edge', () => {
    for (const kind of ['weak', 'strong'] as const) {
      const fair: KripkeFairness[] = [{ kind, transitions: [1] }];
      expect(sat(un('EG', p), fair)).toEqual([false, false]);
      expect(sat(un('AF', not(p)), fair)).toEqual([true, true]);
      expect(sat(bin('AU', p, not(p)), fair)).toEqual([true, true]);
      expect(sat(un('EG', T), fair)).toEqual([true, true]);
      expect(sat(un('AX', p), fair)).toEqual([false, false]);
    }
  });

  it('treats fairness of the loop edge itself as no constraint on staying', () => {
    expect(sat(un('EG', p), [{ kind: 'strong', transitions: [0] }])).toEqual([true, false]);
  });
});

describe('weak versus strong fairness', () => {
  const goal = q;
  it('lets a path that only flickers past the exit avoid it under weak fairness', () => {
    const weak: KripkeFairness[] = [{ kind: 'weak', transitions: [2] }];
    expect(ctlHolds(flicker, un('AF', goal), weak)).toEqual([false, false, true]);
    expect(ctlHolds(flicker, un('EG', not(goal)), weak)).toEqual([true, true, false]);
  });

  it('forces the exit under strong fairness', () => {
    const strong: KripkeFairness[] = [{ kind: 'strong', transitions: [2] }];
    expect(ctlHolds(flicker, un('AF', goal), strong)).toEqual([true, true, true]);
    expect(ctlHolds(flicker, un('EG', not(goal)), strong)).toEqual([false, false, false]);
    expect(ctlHolds(flicker, bin('EU', not(goal), goal), strong)).toEqual([true, true, true]);
  });

  it('uses the structure’s own fairness by default', () => {
    expect(ctlHolds({ ...flicker, fairness: [{ kind: 'strong', transitions: [2] }] }, un('AF', goal))).toEqual([true, true, true]);
  });
});

describe('path quantifiers over LTL inside CTL', () => {
  /** s0 -> s0, s0 -> s1 -> s2 -> s2; p at s0 and s2. */
  const k: Kripke = { states: 3, initial: 0, succ: [[0, 1], [2], [2]], labels: [[true], [false], [true]] };

  it('separates A F G p (holds) from AF AG p (fails) on the classic example', () => {
    expect(ctlHolds(k, { kind: 'A', path: { kind: 'F', arg: { kind: 'G', arg: p } } })).toEqual([true, true, true]);
    expect(ctlHolds(k, un('AF', un('AG', p)))).toEqual([false, true, true]);
  });

  it('evaluates CTL subformulas inside a path formula first', () => {
    // E (X ¬p ∧ X AG p): no state's next state is both.
    const f: Formula = { kind: 'E', path: { kind: 'X', arg: { kind: 'and', left: not(p), right: un('AG', p) } } };
    expect(ctlHolds(k, f)).toEqual([false, false, false]);
    const g: Formula = { kind: 'A', path: { kind: 'G', arg: un('EF', p) } };
    expect(ctlHolds(k, g)).toEqual([true, true, true]);
  });

  it('rejects an LTL operator outside a path quantifier', () => {
    expect(() => ctlHolds(k, { kind: 'G', arg: p })).toThrow(/outside a path quantifier/);
  });
});
