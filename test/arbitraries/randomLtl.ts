/**
 * fast-check generators for LTL path formulas (every boolean and temporal
 * operator, over a few atoms) and for lasso words over the same atoms, plus
 * terse builders so hand-written formulas read like `G(F(p))`.
 */
import fc from 'fast-check';
import type { Formula, LtlBinary, LtlUnary } from '../../src/logic/formula.js';
import type { Lasso } from '../reference/ltlOnLasso.js';

export const atom = (id: number): Formula => ({ kind: 'atom', atom: id });
export const not = (arg: Formula): Formula => ({ kind: 'not', arg });
export const and = (left: Formula, right: Formula): Formula => ({ kind: 'and', left, right });
export const or = (left: Formula, right: Formula): Formula => ({ kind: 'or', left, right });
export const implies = (left: Formula, right: Formula): Formula => ({ kind: 'implies', left, right });
export const iff = (left: Formula, right: Formula): Formula => ({ kind: 'iff', left, right });
export const X = (arg: Formula): Formula => ({ kind: 'X', arg });
export const F = (arg: Formula): Formula => ({ kind: 'F', arg });
export const G = (arg: Formula): Formula => ({ kind: 'G', arg });
export const U = (left: Formula, right: Formula): Formula => ({ kind: 'U', left, right });
export const R = (left: Formula, right: Formula): Formula => ({ kind: 'R', left, right });
export const W = (left: Formula, right: Formula): Formula => ({ kind: 'W', left, right });
export const TRUE: Formula = { kind: 'true' };
export const FALSE: Formula = { kind: 'false' };

const UNARY: readonly ('not' | LtlUnary)[] = ['not', 'X', 'F', 'G'];
const BINARY: readonly ('and' | 'or' | 'implies' | 'iff' | LtlBinary)[] =
  ['and', 'or', 'implies', 'iff', 'U', 'R', 'W'];

/** LTL formulas over atoms 0..atoms-1 of nesting depth at most `depth`. */
export function randomLtl(atoms: number, depth: number): fc.Arbitrary<Formula> {
  const leaf: fc.Arbitrary<Formula> = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: atoms - 1 }).map(atom) },
    { weight: 1, arbitrary: fc.constantFrom(TRUE, FALSE) },
  );
  let level = leaf;
  for (let d = 1; d <= depth; d++) {
    const sub = level;
    const unary = fc
      .tuple(fc.constantFrom(...UNARY), sub)
      .map(([kind, arg]): Formula => ({ kind, arg }));
    const binary = fc
      .tuple(fc.constantFrom(...BINARY), sub, sub)
      .map(([kind, left, right]): Formula => ({ kind, left, right }));
    level = fc.oneof({ weight: 1, arbitrary: leaf }, { weight: 3, arbitrary: unary }, { weight: 3, arbitrary: binary });
  }
  return level;
}

/** A letter: the atoms (of 0..atoms-1) true there. */
export function randomLetter(atoms: number): fc.Arbitrary<number[]> {
  return fc.subarray(Array.from({ length: atoms }, (_, i) => i));
}

/** Lasso words: stem of 0–3 letters, loop of 1–4. */
export function randomLasso(atoms: number): fc.Arbitrary<Lasso> {
  return fc.record({
    stem: fc.array(randomLetter(atoms), { minLength: 0, maxLength: 3 }),
    loop: fc.array(randomLetter(atoms), { minLength: 1, maxLength: 4 }),
  });
}

/** A formula with its atom count, 1–3 atoms, depth up to `depth`. */
export function randomLtlWithAtoms(depth: number): fc.Arbitrary<{ atoms: number; formula: Formula }> {
  return fc
    .integer({ min: 1, max: 3 })
    .chain((atoms) => randomLtl(atoms, depth).map((formula) => ({ atoms, formula })));
}

