/**
 * LTL path formula → negation normal form over ∧ ∨ X U R: negations pushed to
 * the atoms, F G W → and ↔ expanded, built through a (by default simplifying)
 * NnfBuilder. The tableau only has to handle the normal form's few operators.
 */
import { unreachable } from '../../diagnostics/diagnostic.js';
import type { Formula } from '../formula.js';
import { type Nnf, NnfTable } from './nnf.js';
import { type NnfBuilder, plainBuilder, simplifyingBuilder } from './rewrites.js';

export interface NormalForm {
  readonly table: NnfTable;
  readonly root: Nnf;
}

export interface NormalFormOptions {
  /** Apply the rewrites of rewrites.ts (default true). */
  readonly simplify?: boolean;
}

/** Throws a plain Error (an internal error: the caller strips A/E and passes LTL only) on CTL operators or A/E. */
export function toNormalForm(formula: Formula, options: NormalFormOptions = {}): NormalForm {
  const table = new NnfTable();
  const builder = options.simplify === false ? plainBuilder(table) : simplifyingBuilder(table);
  return { table, root: normalize(builder, formula, false) };
}

/** The normal form of `f`, or of `!f` when `negated`. */
function normalize(b: NnfBuilder, f: Formula, negated: boolean): Nnf {
  const pos = (g: Formula): Nnf => normalize(b, g, false);
  const neg = (g: Formula): Nnf => normalize(b, g, true);
  const same = (g: Formula): Nnf => normalize(b, g, negated);
  const t = b.table;
  switch (f.kind) {
    case 'true':
      return negated ? t.false : t.true;
    case 'false':
      return negated ? t.true : t.false;
    case 'atom':
      return t.lit(f.atom, !negated);
    case 'not':
      return normalize(b, f.arg, !negated);
    case 'and':
      return negated ? b.or(neg(f.left), neg(f.right)) : b.and(pos(f.left), pos(f.right));
    case 'or':
      return negated ? b.and(neg(f.left), neg(f.right)) : b.or(pos(f.left), pos(f.right));
    case 'implies':
      // a -> b = !a || b; its negation a && !b.
      return negated ? b.and(pos(f.left), neg(f.right)) : b.or(neg(f.left), pos(f.right));
    case 'iff':
      // a <-> b = (a && b) || (!a && !b); its negation (a && !b) || (!a && b).
      return negated
        ? b.or(b.and(pos(f.left), neg(f.right)), b.and(neg(f.left), pos(f.right)))
        : b.or(b.and(pos(f.left), pos(f.right)), b.and(neg(f.left), neg(f.right)));
    case 'X':
      // Infinite words: !X a = X !a.
      return b.next(same(f.arg));
    case 'F':
      // F a = true U a; !F a = G !a = false R !a.
      return negated ? b.release(t.false, neg(f.arg)) : b.until(t.true, pos(f.arg));
    case 'G':
      // G a = false R a; !G a = F !a = true U !a.
      return negated ? b.until(t.true, neg(f.arg)) : b.release(t.false, pos(f.arg));
    case 'U':
      // !(a U b) = !a R !b.
      return negated ? b.release(neg(f.left), neg(f.right)) : b.until(pos(f.left), pos(f.right));
    case 'R':
      // !(a R b) = !a U !b.
      return negated ? b.until(neg(f.left), neg(f.right)) : b.release(pos(f.left), pos(f.right));
    case 'W':
      // a W b = b R (a || b); !(a W b) = !b U (!a && !b).
      return negated
        ? b.until(neg(f.right), b.and(neg(f.left), neg(f.right)))
        : b.release(pos(f.right), b.or(pos(f.left), pos(f.right)));
    case 'EX':
    case 'AX':
    case 'EF':
    case 'AF':
    case 'EG':
    case 'AG':
    case 'EU':
    case 'AU':
    case 'EW':
    case 'AW':
    case 'A':
    case 'E':
      throw new Error(`internal error: ${f.kind} inside an LTL path formula (strip the path quantifier first)`);
    default:
      return unreachable(f);
  }
}
