/**
 * The LTL reference by hand: evaluation on lasso words, the dead-state
 * stutter, fairness, and the counterexample lassos it returns.
 */
import { describe, expect, it } from 'vitest';
import type { Formula } from '../../src/logic/formula.js';
import type { Kripke, KripkeFairness } from './kripke.js';
import { type Lasso, STUTTER, evaluateOnLasso, isFairLasso, isLassoOf, lassoFromPath, showLasso } from './lasso.js';
import { ltlCounterexample, ltlExists, ltlHolds, ltlWitness } from './ltlReference.js';

const p: Formula = { kind: 'atom', atom: 0 };
const q: Formula = { kind: 'atom', atom: 1 };
const not = (arg: Formula): Formula => ({ kind: 'not', arg });
const X = (arg: Formula): Formula => ({ kind: 'X', arg });
const Fu = (arg: Formula): Formula => ({ kind: 'F', arg });
const G = (arg: Formula): Formula => ({ kind: 'G', arg });
const bin = (kind: 'U' | 'R' | 'W', left: Formula, right: Formula): Formula => ({ kind, left, right });

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

describe('evaluateOnLasso', () => {
  /** Word p ¬p (p q, ¬p q)^ω over a four-state cycle structure. */
  const k: Kripke = {
    states: 4,
    initial: 0,
    succ: [[1], [2], [3], [2]],
    labels: [
      [true, false],
      [false, false],
      [true, true],
      [false, true],
    ],
  };
  const lasso: Lasso = { states: [0, 1, 2, 3], via: [0, 1, 2, 3], loopStart: 2 };

  it('reads the word with the loop repeating', () => {
    expect(isLassoOf(k, lasso)).toBe(true);
    expect(showLasso(lasso)).toBe('s0 s1 (s2 s3)^ω');
    expect(evaluateOnLasso(k, lasso, X(p))).toEqual([false, true, false, true]);
    expect(evaluateOnLasso(k, lasso, G(q))).toEqual([false, false, true, true]);
    expect(evaluateOnLasso(k, lasso, Fu(G(q)))).toEqual([true, true, true, true]);
    expect(evaluateOnLasso(k, lasso, G(Fu(p)))).toEqual([true, true, true, true]);
    expect(evaluateOnLasso(k, lasso, Fu(G(p)))).toEqual([false, false, false, false]);
  });

  it('reads U, W and R by their definitions', () => {
    expect(evaluateOnLasso(k, lasso, bin('U', not(q), q))).toEqual([true, true, true, true]);
    expect(evaluateOnLasso(k, lasso, bin('U', p, q))).toEqual([false, false, true, true]);
    expect(evaluateOnLasso(k, lasso, bin('W', q, p))).toEqual([true, false, true, true]);
    expect(evaluateOnLasso(k, lasso, bin('W', q, { kind: 'false' }))).toEqual([false, false, true, true]);
    // q R p: p up to and including the first q; at s1 p fails before any q.
    expect(evaluateOnLasso(k, lasso, bin('R', q, p))).toEqual([false, false, true, false]);
    expect(evaluateOnLasso(k, lasso, bin('R', { kind: 'false' }, q))).toEqual([false, false, true, true]);
  });

  it('reads checker evidence: a path closing on loopStart, or a path ending in a dead state', () => {
    expect(lassoFromPath([0, 1, 2, 3, 2], [0, 1, 2, 3], 2)).toEqual(lasso);
    expect(lassoFromPath([0, 1, 2], [0, 1])).toEqual({ states: [0, 1, 2], via: [0, 1, STUTTER], loopStart: 2 });
    expect(isLassoOf(chain, lassoFromPath([0, 1, 2], [0, 1]))).toBe(true);
  });

  it('checks that a lasso is a real path and that a dead state only stutters', () => {
    expect(isLassoOf(k, { states: [0, 2], via: [0, 1], loopStart: 1 })).toBe(false);
    expect(isLassoOf(chain, { states: [0, 1, 2], via: [0, 1, STUTTER], loopStart: 2 })).toBe(true);
    expect(isLassoOf(chain, { states: [0, 1], via: [0, STUTTER], loopStart: 1 })).toBe(false);
  });
});

describe('ltlHolds with dead states repeating forever', () => {
  it('reads X at a dead state as the state itself (unlike CTL AX)', () => {
    const dead: Kripke = { states: 1, initial: 0, succ: [[]], labels: [[true]] };
    expect(ltlHolds(dead, X(p))).toBe(true);
    expect(ltlHolds(dead, X(X(p)))).toBe(true);
    expect(ltlHolds(dead, X(not(p)))).toBe(false);
    expect(ltlHolds(dead, G(p))).toBe(true);
    expect(ltlHolds(dead, { kind: 'X', arg: { kind: 'false' } })).toBe(false);
  });

  it('stutters at the end of a chain', () => {
    expect(ltlHolds(chain, X(X(X(q))))).toBe(true);
    expect(ltlHolds(chain, X(X(X(p))))).toBe(false);
    expect(ltlHolds(chain, Fu(G(q)))).toBe(true);
    expect(ltlHolds(chain, G(Fu(q)))).toBe(true);
    expect(ltlHolds(chain, bin('U', p, q))).toBe(true);
    expect(ltlHolds(chain, G(p))).toBe(false);
    expect(ltlHolds(chain, G({ kind: 'or', left: p, right: q }))).toBe(true);
  });

  it('returns a certified counterexample ending in the stutter loop', () => {
    const cex = ltlCounterexample(chain, G(p)) as Lasso;
    expect(cex).toEqual({ states: [0, 1, 2], via: [0, 1, STUTTER], loopStart: 2 });
  });
});

describe('ltlHolds on a loop with an exit', () => {
  it('finds the path that stays in the loop', () => {
    expect(ltlHolds(escape, Fu(not(p)))).toBe(false);
    const cex = ltlCounterexample(escape, Fu(not(p))) as Lasso;
    expect(cex.states.every((s) => s === 0)).toBe(true);
    expect(ltlExists(escape, G(p))).toBe(true);
    expect(ltlExists(escape, Fu(G(not(p))))).toBe(true);
    expect(ltlHolds(escape, bin('W', p, not(p)))).toBe(true);
    expect(ltlHolds(escape, Fu(G(not(p))))).toBe(false);
  });

  it('forces the exit under fairness of the exit edge', () => {
    for (const kind of ['weak', 'strong'] as const) {
      const fair: KripkeFairness[] = [{ kind, transitions: [1] }];
      expect(ltlHolds(escape, Fu(not(p)), fair)).toBe(true);
      expect(ltlHolds(escape, Fu(G(not(p))), fair)).toBe(true);
      expect(ltlExists(escape, G(p), fair)).toBe(false);
    }
  });

  it('checks a start state other than the initial one', () => {
    expect(ltlHolds(escape, G(not(p)), [], 1)).toBe(true);
    expect(ltlHolds(escape, G(not(p)), [], 0)).toBe(false);
  });
});

describe('weak versus strong fairness', () => {
  /** s0 -0-> s1 -1-> s0, s0 -2-> s2 (q), s2 -3-> s2: the exit {2} is enabled at s0 only. */
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

  it('lets the path that alternates s0 s1 avoid the exit only under weak fairness', () => {
    const weak: KripkeFairness[] = [{ kind: 'weak', transitions: [2] }];
    const strong: KripkeFairness[] = [{ kind: 'strong', transitions: [2] }];
    expect(ltlHolds(flicker, Fu(q), weak)).toBe(false);
    const cex = ltlCounterexample(flicker, Fu(q), weak) as Lasso;
    expect(isFairLasso(flicker, cex, weak)).toBe(true);
    expect(isFairLasso(flicker, cex, strong)).toBe(false);
    expect(ltlHolds(flicker, Fu(q), strong)).toBe(true);
    expect(ltlWitness(flicker, G(not(q)), strong)).toBeUndefined();
  });

  it('needs every constraint at once', () => {
    const both: KripkeFairness[] = [
      { kind: 'strong', transitions: [2] },
      { kind: 'weak', transitions: [0] },
    ];
    expect(ltlHolds(flicker, Fu(q), both)).toBe(true);
    expect(ltlHolds(flicker, G(Fu(q)), both)).toBe(true);
  });
});

describe('ltlHolds input checks', () => {
  it('rejects CTL operators inside a path formula', () => {
    expect(() => ltlHolds(chain, { kind: 'AG', arg: p })).toThrow(/not an LTL path formula/);
  });
});
