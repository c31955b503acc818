/**
 * The LTL → Büchi translation against the lasso reference: a random formula's
 * automaton accepts a random lasso word iff the reference evaluator says the
 * formula holds there; plus known formulas with pinned words and size bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Formula } from '../../../src/logic/formula.js';
import type { Buchi } from '../../../src/logic/ltl/buchi.js';
import { printFormula } from '../../../src/logic/printFormula.js';
import { ltlToBuchi, type ToBuchiOptions } from '../../../src/logic/ltl/toBuchi.js';
import { numRuns, propertyTimeout } from '../../arbitraries/randomSystem.js';
import {
  and, atom, F, FALSE, G, implies, not, or, R, randomLasso, randomLtlWithAtoms, TRUE, U, W, X,
} from '../../arbitraries/randomLtl.js';
import { acceptsLasso, holdsOnLasso, type Lasso } from '../../reference/ltlOnLasso.js';

/** Indices in range, no contradictory or duplicate literals. */
function expectWellFormed(a: Buchi): void {
  const n = a.states.length;
  const inRange = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
  expect(a.initial.every(inRange)).toBe(true);
  for (const s of a.states) {
    expect(s.next.every(inRange)).toBe(true);
    expect(new Set(s.label.map((l) => l.atom)).size).toBe(s.label.length);
  }
  for (const set of a.acceptance) expect(set.every(inRange)).toBe(true);
}

const show = (f: Formula): string => printFormula(f, []);

/** For each configuration: the automaton agrees with the reference on several lassos per formula. */
function agreesWithReference(options: ToBuchiOptions, runs: number, depth: number): void {
  fc.assert(
    fc.property(
      randomLtlWithAtoms(depth).chain(({ atoms, formula }) =>
        fc.tuple(fc.constant(formula), fc.array(randomLasso(atoms), { minLength: 1, maxLength: 6 })),
      ),
      ([formula, lassos]) => {
        const automaton = ltlToBuchi(formula, options);
        expectWellFormed(automaton);
        for (const lasso of lassos) {
          const expected = holdsOnLasso(formula, lasso);
          expect(acceptsLasso(automaton, lasso), `${show(formula)} on ${JSON.stringify(lasso)}`).toBe(expected);
        }
      },
    ),
    { numRuns: numRuns(runs), seed: 20240611 },
  );
}

describe('ltlToBuchi agrees with the lasso reference', () => {
  it('with rewrites and reductions (the default)', () => agreesWithReference({}, 300, 4), propertyTimeout);
  it('with rewrites and reductions, deeper formulas', () => agreesWithReference({}, 60, 5), propertyTimeout);
  it('plain GPVW tableau: no rewrites, no reductions', () =>
    agreesWithReference({ simplify: false, reduce: false }, 100, 4), propertyTimeout);
  it('rewrites without reductions', () => agreesWithReference({ reduce: false }, 100, 4), propertyTimeout);
  it('reductions without rewrites', () => agreesWithReference({ simplify: false }, 100, 4), propertyTimeout);
});

/** Letters by atom names: 'pq' = p and q true, '' = none (p = atom 0, q = 1, r = 2). */
function word(stem: string[], loop: string[]): Lasso {
  const letter = (s: string): number[] => [...s].map((c) => 'pqr'.indexOf(c));
  return { stem: stem.map(letter), loop: loop.map(letter) };
}

const [p, q, r] = [atom(0), atom(1), atom(2)];

/** A known formula: words it must accept and reject, a bound on the automaton size, its acceptance set count. */
interface Known {
  readonly name: string;
  readonly formula: Formula;
  readonly maxStates: number;
  readonly sets: number;
  readonly accepts: readonly Lasso[];
  readonly rejects: readonly Lasso[];
}

const KNOWN: readonly Known[] = [
  { name: 'true', formula: TRUE, maxStates: 1, sets: 0, accepts: [word([], [''])], rejects: [] },
  { name: 'false', formula: FALSE, maxStates: 0, sets: 0, accepts: [], rejects: [word([], ['']), word([], ['p'])] },
  {
    name: 'G F p', formula: G(F(p)), maxStates: 2, sets: 1,
    accepts: [word([], ['p']), word(['', ''], ['', 'p']), word([], ['', '', 'p', ''])],
    rejects: [word(['p'], ['']), word(['p', 'p', 'p'], ['q'])],
  },
  {
    name: 'F G p', formula: F(G(p)), maxStates: 2, sets: 1,
    accepts: [word(['', 'q'], ['p']), word([], ['p', 'pq'])],
    rejects: [word([], ['p', '']), word(['p', 'p'], ['', 'p', 'p'])],
  },
  {
    name: 'p U q', formula: U(p, q), maxStates: 3, sets: 1,
    accepts: [word([], ['q']), word(['p', 'p'], ['q']), word(['p', 'pq'], [''])],
    rejects: [word([], ['p']), word(['p', ''], ['q']), word([''], ['q'])],
  },
  {
    name: 'X X p', formula: X(X(p)), maxStates: 4, sets: 0,
    accepts: [word(['', ''], ['p']), word(['q', 'q', 'p'], [''])],
    rejects: [word(['p', 'p', ''], ['p']), word([], [''])],
  },
  {
    name: 'G (p -> F q)', formula: G(implies(p, F(q))), maxStates: 3, sets: 1,
    accepts: [word([], ['']), word(['p'], ['q']), word([], ['p', '', 'q']), word([], ['pq'])],
    rejects: [word(['q'], ['p']), word([], ['p', '']), word(['p'], [''])],
  },
  {
    name: '!G (p -> F q)', formula: not(G(implies(p, F(q)))), maxStates: 3, sets: 1,
    accepts: [word(['q'], ['p']), word(['p'], [''])],
    rejects: [word([], ['p', '', 'q'])],
  },
  {
    name: 'G F p && G F q', formula: and(G(F(p)), G(F(q))), maxStates: 4, sets: 2,
    accepts: [word([], ['p', 'q']), word([], ['pq'])],
    rejects: [word([], ['p']), word(['q'], ['p', ''])],
  },
  {
    name: 'F G p || G F q', formula: or(F(G(p)), G(F(q))), maxStates: 4, sets: 2,
    accepts: [word(['q'], ['p']), word([], ['', 'q'])],
    rejects: [word([], ['p', ''])],
  },
  {
    name: 'p W q', formula: W(p, q), maxStates: 4, sets: 0,
    accepts: [word([], ['p']), word(['p'], ['q']), word(['p', 'q'], [''])],
    rejects: [word(['p', ''], ['q']), word([''], ['p'])],
  },
  {
    name: 'p R q', formula: R(p, q), maxStates: 3, sets: 0,
    accepts: [word([], ['q']), word(['q', 'pq'], [''])],
    rejects: [word(['q'], ['']), word(['p'], ['pq'])],
  },
  {
    name: 'G (p -> X (q U r))', formula: G(implies(p, X(U(q, r)))), maxStates: 5, sets: 1,
    accepts: [word([], ['']), word(['p', 'q'], ['r'])],
    rejects: [word(['p', 'q'], ['q']), word(['p'], [''])],
  },
];

describe('ltlToBuchi on known formulas', () => {
  it.each(KNOWN)('$name: accepts and rejects the expected words, with a small automaton', (k) => {
    const automaton = ltlToBuchi(k.formula);
    expectWellFormed(automaton);
    expect(automaton.states.length).toBeLessThanOrEqual(k.maxStates);
    expect(automaton.acceptance.length).toBe(k.sets);
    for (const lasso of k.accepts) {
      expect(holdsOnLasso(k.formula, lasso), 'reference').toBe(true);
      expect(acceptsLasso(automaton, lasso), JSON.stringify(lasso)).toBe(true);
    }
    for (const lasso of k.rejects) {
      expect(holdsOnLasso(k.formula, lasso), 'reference').toBe(false);
      expect(acceptsLasso(automaton, lasso), JSON.stringify(lasso)).toBe(false);
    }
  });

  it('true is one unconstrained state with a self-loop', () => {
    expect(ltlToBuchi(TRUE)).toEqual({ states: [{ label: [], next: [0] }], initial: [0], acceptance: [] });
  });

  it('unsatisfiable formulas give the empty automaton', () => {
    for (const f of [FALSE, and(p, not(p)), and(G(p), F(not(p))), and(X(q), X(not(q))), and(G(F(p)), F(G(not(p))))]) {
      expect(ltlToBuchi(f).states, show(f)).toEqual([]);
    }
  });

  it('G F p needs its acceptance set: it holds exactly the states that see p', () => {
    const a = ltlToBuchi(G(F(p)));
    expect(a.acceptance).toHaveLength(1);
    for (const [i, s] of a.states.entries()) {
      expect(a.acceptance[0].includes(i)).toBe(s.label.some((l) => l.atom === 0 && l.positive));
    }
  });

  it('rejects CTL operators and path quantifiers with an internal error', () => {
    expect(() => ltlToBuchi({ kind: 'AG', arg: p })).toThrow(/internal error/);
    expect(() => ltlToBuchi({ kind: 'E', path: F(p) })).toThrow(/internal error/);
    expect(() => ltlToBuchi(X({ kind: 'A', path: r }))).toThrow(/internal error/);
  });
});
