/**
 * The normal form and each simplifying rewrite, checked on lassos: every
 * rewrite fires on a plain instance (the exact result is pinned) and is sound
 * on random instances (rewritten and original agree on random lasso words).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Formula } from '../../../src/logic/formula.js';
import { formatNnf, type Nnf, nnfToFormula, subformulas } from '../../../src/logic/ltl/nnf.js';
import { toNormalForm } from '../../../src/logic/ltl/normalForm.js';
import { printFormula } from '../../../src/logic/printFormula.js';
import { numRuns, propertyTimeout } from '../../arbitraries/randomSystem.js';
import {
  and, atom, F, FALSE, G, iff, implies, not, or, R, randomLasso, randomLtl, randomLtlWithAtoms, TRUE, U, W, X,
} from '../../arbitraries/randomLtl.js';
import { type Lasso, truthOnLasso } from '../../reference/ltlOnLasso.js';

type Pattern = (a: Formula, b: Formula, c: Formula) => Formula;

/** Each rewrite of rewrites.ts: a pattern over subformulas a, b, c and its result for a = p0, b = p1, c = p2. */
const REWRITES: readonly (readonly [string, Pattern, string])[] = [
  ['a && false = false', (a) => and(a, FALSE), 'false'],
  ['true && a = a', (a) => and(TRUE, a), 'p0'],
  ['a && a = a', (a) => and(a, a), 'p0'],
  ['p && !p = false', (a) => and(a, not(a)), 'false'],
  ['a && (a || b) = a', (a, b) => and(a, or(a, b)), 'p0'],
  ['X a && X b = X (a && b)', (a, b) => and(X(a), X(b)), 'X (p0 && p1)'],
  ['(c R a) && (c R b) = c R (a && b)', (a, b, c) => and(R(c, a), R(c, b)), '(p2 R (p0 && p1))'],
  ['G a && G b = G (a && b)', (a, b) => and(G(a), G(b)), '(false R (p0 && p1))'],
  ['(a U c) && (b U c) = (a && b) U c', (a, b, c) => and(U(a, c), U(b, c)), '((p0 && p1) U p2)'],
  ['a || true = true', (a) => or(a, TRUE), 'true'],
  ['false || a = a', (a) => or(FALSE, a), 'p0'],
  ['a || a = a', (a) => or(a, a), 'p0'],
  ['p || !p = true', (a) => or(not(a), a), 'true'],
  ['a || (a && b) = a', (a, b) => or(and(a, b), a), 'p0'],
  ['X a || X b = X (a || b)', (a, b) => or(X(a), X(b)), 'X (p0 || p1)'],
  ['(c U a) || (c U b) = c U (a || b)', (a, b, c) => or(U(c, a), U(c, b)), '(p2 U (p0 || p1))'],
  ['F a || F b = F (a || b)', (a, b) => or(F(a), F(b)), '(true U (p0 || p1))'],
  ['(a R c) || (b R c) = (a || b) R c', (a, b, c) => or(R(a, c), R(b, c)), '((p0 || p1) R p2)'],
  ['X true = true', () => X(TRUE), 'true'],
  ['X false = false', () => X(FALSE), 'false'],
  ['a U true = true', (a) => U(a, TRUE), 'true'],
  ['a U false = false', (a) => U(a, FALSE), 'false'],
  ['false U b = b', (_a, b) => U(FALSE, b), 'p1'],
  ['a U a = a', (a) => U(a, a), 'p0'],
  ['a U (a U b) = a U b', (a, b) => U(a, U(a, b)), '(p0 U p1)'],
  ['(a U b) U b = a U b', (a, b) => U(U(a, b), b), '(p0 U p1)'],
  ['F (a U b) = F b', (a, b) => F(U(a, b)), '(true U p1)'],
  ['F F a = F a', (a) => F(F(a)), '(true U p0)'],
  ['F G F a = G F a', (a) => F(G(F(a))), '(false R (true U p0))'],
  ['X a U X b = X (a U b)', (a, b) => U(X(a), X(b)), 'X (p0 U p1)'],
  ['a R true = true', (a) => R(a, TRUE), 'true'],
  ['a R false = false', (a) => R(a, FALSE), 'false'],
  ['true R b = b', (_a, b) => R(TRUE, b), 'p1'],
  ['a R a = a', (a) => R(a, a), 'p0'],
  ['a R (a R b) = a R b', (a, b) => R(a, R(a, b)), '(p0 R p1)'],
  ['(a R b) R b = a R b', (a, b) => R(R(a, b), b), '(p0 R p1)'],
  ['G (a R b) = G b', (a, b) => G(R(a, b)), '(false R p1)'],
  ['G G a = G a', (a) => G(G(a)), '(false R p0)'],
  ['G F G a = F G a', (a) => G(F(G(a))), '(true U (false R p0))'],
  ['X a R X b = X (a R b)', (a, b) => R(X(a), X(b)), 'X (p0 R p1)'],
];

const show = (f: Formula): string => printFormula(f, []);
/** Distinct subformulas (the tableau's closure). */
const size = (f: Nnf): number => subformulas(f).length;
/** Operators and leaves with repetitions: every rewrite shrinks it (the closure may not, as sharing changes). */
const treeSize = (f: Nnf): number =>
  f.kind === 'X' ? 1 + treeSize(f.arg) : 'left' in f ? 1 + treeSize(f.left) + treeSize(f.right) : 1;

/** The normal form agrees with the formula at every position of every given lasso. */
function expectEquivalentOnLassos(formula: Formula, normal: Nnf, lassos: readonly Lasso[]): void {
  for (const lasso of lassos) {
    const message = `${show(formula)} vs ${formatNnf(normal)} on ${JSON.stringify(lasso)}`;
    expect(truthOnLasso(nnfToFormula(normal), lasso), message).toEqual(truthOnLasso(formula, lasso));
  }
}

describe('normal form rewrites', () => {
  it.each(REWRITES)('%s fires', (_name, pattern, expected) => {
    const formula = pattern(atom(0), atom(1), atom(2));
    const { root } = toNormalForm(formula);
    expect(formatNnf(root)).toBe(expected);
    expect(size(root)).toBeLessThan(size(toNormalForm(formula, { simplify: false }).root));
  });

  it.each(REWRITES)('%s is sound on random subformulas and lassos', (_name, pattern) => {
    const sub = randomLtl(3, 2);
    fc.assert(
      fc.property(sub, sub, sub, fc.array(randomLasso(3), { minLength: 1, maxLength: 4 }), (a, b, c, lassos) => {
        const formula = pattern(a, b, c);
        expectEquivalentOnLassos(formula, toNormalForm(formula).root, lassos);
      }),
      { numRuns: numRuns(25), seed: 7 },
    );
  }, propertyTimeout);
});

describe('normal form of whole formulas', () => {
  for (const simplify of [false, true]) {
    it(`agrees with the formula on lassos (simplify: ${simplify})`, () => {
      fc.assert(
        fc.property(
          randomLtlWithAtoms(5).chain(({ atoms, formula }) =>
            fc.tuple(fc.constant(formula), fc.array(randomLasso(atoms), { minLength: 1, maxLength: 4 })),
          ),
          ([formula, lassos]) => expectEquivalentOnLassos(formula, toNormalForm(formula, { simplify }).root, lassos),
        ),
        { numRuns: numRuns(300), seed: 11 },
      );
    }, propertyTimeout);
  }

  it('never grows the formula tree', () => {
    fc.assert(
      fc.property(randomLtl(3, 5), (formula) => {
        const [simplified, plain] = [toNormalForm(formula).root, toNormalForm(formula, { simplify: false }).root];
        expect(treeSize(simplified)).toBeLessThanOrEqual(treeSize(plain));
      }),
      { numRuns: numRuns(300), seed: 13 },
    );
  });

  it('expands the derived operators', () => {
    const [p, q] = [atom(0), atom(1)];
    const nf = (f: Formula): string => formatNnf(toNormalForm(f, { simplify: false }).root);
    expect(nf(W(p, q))).toBe('(p1 R (p0 || p1))');
    expect(nf(not(W(p, q)))).toBe('(!p1 U (!p0 && !p1))');
    expect(nf(implies(p, q))).toBe('(!p0 || p1)');
    expect(nf(iff(p, q))).toBe('((p0 && p1) || (!p0 && !p1))');
    expect(nf(not(iff(p, q)))).toBe('((p0 && !p1) || (!p0 && p1))');
    expect(nf(not(X(F(p))))).toBe('X (false R !p0)');
    expect(nf(not(G(p)))).toBe('(true U !p0)');
    expect(nf(not(U(p, q)))).toBe('(!p0 R !p1)');
    expect(nf(not(R(p, q)))).toBe('(!p0 U !p1)');
  });

  it('rejects CTL operators and path quantifiers with an internal error', () => {
    const p = atom(0);
    expect(() => toNormalForm({ kind: 'AG', arg: p })).toThrow(/internal error: AG/);
    expect(() => toNormalForm(G({ kind: 'A', path: F(p) }))).toThrow(/internal error: A/);
    expect(() => toNormalForm(not({ kind: 'E', path: p }))).toThrow(/internal error: E/);
  });
});
