/**
 * Random temporal formulas over atoms 0..atoms-1: propositional, CTL, LTL
 * path formulas, and CTL/LTL pairs that are equivalent on every structure
 * under wfcheck's semantics (maximal paths; dead states repeat forever).
 */
import fc from 'fast-check';
import type { Formula } from '../../src/logic/formula.js';

const not = (arg: Formula): Formula => (arg.kind === 'not' ? arg.arg : { kind: 'not', arg });
const and = (left: Formula, right: Formula): Formula => ({ kind: 'and', left, right });
const or = (left: Formula, right: Formula): Formula => ({ kind: 'or', left, right });
const TRUE: Formula = { kind: 'true' };

function leaf(atoms: number): fc.Arbitrary<Formula> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.nat({ max: atoms - 1 }).map((atom): Formula => ({ kind: 'atom', atom })) },
    { weight: 1, arbitrary: fc.constantFrom<Formula>({ kind: 'true' }, { kind: 'false' }) },
  );
}

const BOOL = ['and', 'or', 'implies', 'iff'] as const;

function booleanOver(sub: fc.Arbitrary<Formula>): fc.Arbitrary<Formula> {
  return fc.oneof(
    sub.map((arg): Formula => ({ kind: 'not', arg })),
    fc.tuple(fc.constantFrom(...BOOL), sub, sub).map(([kind, left, right]): Formula => ({ kind, left, right })),
  );
}

/** Boolean combinations of atoms, nesting at most `depth`. */
export function propositional(atoms: number, depth = 1): fc.Arbitrary<Formula> {
  if (depth <= 0) return leaf(atoms);
  return fc.oneof({ weight: 3, arbitrary: leaf(atoms) }, { weight: 2, arbitrary: booleanOver(propositional(atoms, depth - 1)) });
}

/** CTL state formulas (every temporal operator quantified), operator nesting at most `depth`. */
export function ctlFormula(atoms: number, depth = 3): fc.Arbitrary<Formula> {
  if (depth <= 0) return leaf(atoms);
  const sub = ctlFormula(atoms, depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf(atoms) },
    { weight: 2, arbitrary: booleanOver(sub) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom('EX', 'AX', 'EF', 'AF', 'EG', 'AG'), sub)
        .map(([kind, arg]): Formula => ({ kind, arg })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom('EU', 'AU', 'EW', 'AW'), sub, sub)
        .map(([kind, left, right]): Formula => ({ kind, left, right })),
    },
  );
}

/** LTL path formulas (no path quantifier), operator nesting at most `depth`. */
export function ltlFormula(atoms: number, depth = 3): fc.Arbitrary<Formula> {
  if (depth <= 0) return leaf(atoms);
  const sub = ltlFormula(atoms, depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf(atoms) },
    { weight: 2, arbitrary: booleanOver(sub) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom('X', 'F', 'G'), sub).map(([kind, arg]): Formula => ({ kind, arg })) },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom('U', 'R', 'W'), sub, sub).map(([kind, left, right]): Formula => ({ kind, left, right })),
    },
  );
}

/**
 * A CTL formula and an LTL path formula with: ctl holds at a state iff
 * (quantifier A) every / (quantifier E) some (fair) maximal path from it
 * satisfies path. `quantified` is the LTL side as one formula (A path / E path).
 */
export interface CommonPair {
  readonly ctl: Formula;
  readonly path: Formula;
  readonly quantifier: 'A' | 'E';
  readonly quantified: Formula;
}

type Pair = { readonly ctl: Formula; readonly path: Formula };

/**
 * Why each shape is sound (p, q propositional; c ↔ Q l for the sub-pairs):
 * - A: AG c ↔ G l (any path to a reachable state extends by any path from
 *   it); A[(p∧c1) U (¬p∧c2)] ↔ (p∧l1) U (¬p∧l2) and the same with W (the
 *   until position is forced: the first ¬p state, so each sub-obligation
 *   depends only on the path's own prefix); AX c ∧ (EX true ∨ c) ↔ X l (at a
 *   dead state X l reads the state itself, while AX is vacuously true); ∧.
 * - E: EF c ↔ F l; E[p U c] ↔ p U l; EX c ∨ (¬EX true ∧ c) ↔ X l; ∨.
 *   (Not E[c1 U c2] or EG c: one path must serve every position at once.)
 * - Both: propositional p ↔ p; (p∧c1)∨(¬p∧c2); negation swaps A and E.
 * Only prefix/suffix closure of paths is used, so all hold under fairness too.
 */
function pairOf(atoms: number, q: 'A' | 'E', depth: number): fc.Arbitrary<Pair> {
  const prop = propositional(atoms, 1);
  const base = prop.map((p): Pair => ({ ctl: p, path: p }));
  if (depth <= 0) return base;
  const sub = pairOf(atoms, q, depth - 1);
  const dual = pairOf(atoms, q === 'A' ? 'E' : 'A', depth - 1).map((d): Pair => ({ ctl: not(d.ctl), path: not(d.path) }));
  const split = fc.tuple(prop, sub, sub).map(([p, a, b]): Pair => ({
    ctl: or(and(p, a.ctl), and(not(p), b.ctl)),
    path: or(and(p, a.path), and(not(p), b.path)),
  }));
  const simple = (kinds: readonly ['AF' | 'EF', 'AG' | 'EG', 'AU' | 'EU', 'AW' | 'EW']): fc.Arbitrary<Pair> =>
    fc.tuple(fc.nat({ max: 3 }), prop, prop).map(([i, p, r]): Pair => {
      const kind = kinds[i];
      if (kind === 'AF' || kind === 'EF') return { ctl: { kind, arg: p }, path: { kind: 'F', arg: p } };
      if (kind === 'AG' || kind === 'EG') return { ctl: { kind, arg: p }, path: { kind: 'G', arg: p } };
      const ltl = kind === 'AU' || kind === 'EU' ? 'U' : 'W';
      return { ctl: { kind, left: p, right: r }, path: { kind: ltl, left: p, right: r } };
    });
  if (q === 'A') {
    const deterministic = fc.tuple(fc.constantFrom<'U' | 'W'>('U', 'W'), prop, sub, sub).map(([op, p, a, b]): Pair => ({
      ctl: { kind: op === 'U' ? 'AU' : 'AW', left: and(p, a.ctl), right: and(not(p), b.ctl) },
      path: { kind: op, left: and(p, a.path), right: and(not(p), b.path) },
    }));
    return fc.oneof(
      { weight: 1, arbitrary: base },
      { weight: 2, arbitrary: simple(['AF', 'AG', 'AU', 'AW']) },
      { weight: 2, arbitrary: sub.map((a): Pair => ({ ctl: { kind: 'AG', arg: a.ctl }, path: { kind: 'G', arg: a.path } })) },
      {
        weight: 1,
        arbitrary: sub.map((a): Pair => ({
          ctl: and({ kind: 'AX', arg: a.ctl }, or({ kind: 'EX', arg: TRUE }, a.ctl)),
          path: { kind: 'X', arg: a.path },
        })),
      },
      { weight: 2, arbitrary: deterministic },
      { weight: 1, arbitrary: fc.tuple(sub, sub).map(([a, b]): Pair => ({ ctl: and(a.ctl, b.ctl), path: and(a.path, b.path) })) },
      { weight: 1, arbitrary: split },
      { weight: 1, arbitrary: dual },
    );
  }
  return fc.oneof(
    { weight: 1, arbitrary: base },
    { weight: 2, arbitrary: simple(['EF', 'EG', 'EU', 'EW']) },
    { weight: 2, arbitrary: sub.map((a): Pair => ({ ctl: { kind: 'EF', arg: a.ctl }, path: { kind: 'F', arg: a.path } })) },
    {
      weight: 1,
      arbitrary: fc.tuple(prop, sub).map(([p, a]): Pair => ({ ctl: { kind: 'EU', left: p, right: a.ctl }, path: { kind: 'U', left: p, right: a.path } })),
    },
    {
      weight: 1,
      arbitrary: sub.map((a): Pair => ({
        ctl: or({ kind: 'EX', arg: a.ctl }, and(not({ kind: 'EX', arg: TRUE }), a.ctl)),
        path: { kind: 'X', arg: a.path },
      })),
    },
    { weight: 1, arbitrary: fc.tuple(sub, sub).map(([a, b]): Pair => ({ ctl: or(a.ctl, b.ctl), path: or(a.path, b.path) })) },
    { weight: 1, arbitrary: split },
    { weight: 1, arbitrary: dual },
  );
}

/** Equivalent CTL / quantified-LTL pairs, nesting at most `depth` temporal layers. */
export function commonPair(atoms: number, depth = 2): fc.Arbitrary<CommonPair> {
  return fc.constantFrom<'A' | 'E'>('A', 'E').chain((quantifier) =>
    pairOf(atoms, quantifier, depth).map((p) => ({ ...p, quantifier, quantified: { kind: quantifier, path: p.path } })),
  );
}
