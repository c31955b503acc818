/**
 * Constructors for normal-form LTL, plain or simplifying. The simplifying
 * ones apply sound local rewrites (constant folding, idempotence, F F a = F a,
 * distributing U/R over ∧/∨, …) so the tableau starts from a smaller formula.
 * Every rewrite is checked on random lassos in test/logic/ltl/toBuchiNormalForm.
 */
import { complementOf, type Nnf, type NnfTable } from './nnf.js';

export interface NnfBuilder {
  readonly table: NnfTable;
  and(a: Nnf, b: Nnf): Nnf;
  or(a: Nnf, b: Nnf): Nnf;
  next(a: Nnf): Nnf;
  until(a: Nnf, b: Nnf): Nnf;
  release(a: Nnf, b: Nnf): Nnf;
}

/** No rewriting at all: the normal form mirrors the input (for differential tests of the rewrites). */
export function plainBuilder(table: NnfTable): NnfBuilder {
  return {
    table,
    and: (a, b) => table.binary('and', a, b),
    or: (a, b) => table.binary('or', a, b),
    next: (a) => table.next(a),
    until: (a, b) => table.binary('U', a, b),
    release: (a, b) => table.binary('R', a, b),
  };
}

const isTrue = (f: Nnf): boolean => f.kind === 'true';
const isFalse = (f: Nnf): boolean => f.kind === 'false';
/** `F x` in normal form: true U x. */
const isEventually = (f: Nnf): f is Nnf & { kind: 'U' } => f.kind === 'U' && isTrue(f.left);
/** `G x` in normal form: false R x. */
const isAlways = (f: Nnf): f is Nnf & { kind: 'R' } => f.kind === 'R' && isFalse(f.left);

export function simplifyingBuilder(table: NnfTable): NnfBuilder {
  const contradictory = (a: Nnf, b: Nnf): boolean => complementOf(table, a) === b;
  /** Commutative operators get their operands in id order, so a ∧ b and b ∧ a intern to one node. */
  const ordered = (kind: 'and' | 'or', a: Nnf, b: Nnf): Nnf =>
    a.id <= b.id ? table.binary(kind, a, b) : table.binary(kind, b, a);
  const hasOperand = (f: Nnf, kind: 'and' | 'or', x: Nnf): boolean =>
    f.kind === kind && (f.left === x || f.right === x);

  const b: NnfBuilder = {
    table,
    and(x, y) {
      if (isFalse(x) || isFalse(y)) return table.false;
      if (isTrue(x)) return y;
      if (isTrue(y)) return x;
      if (x === y) return x;
      if (contradictory(x, y)) return table.false;
      // Absorption: x ∧ (x ∨ z) = x.
      if (hasOperand(y, 'or', x)) return x;
      if (hasOperand(x, 'or', y)) return y;
      // X x ∧ X y = X (x ∧ y).
      if (x.kind === 'X' && y.kind === 'X') return b.next(b.and(x.arg, y.arg));
      // (p R x) ∧ (p R y) = p R (x ∧ y); covers G x ∧ G y = G (x ∧ y).
      if (x.kind === 'R' && y.kind === 'R' && x.left === y.left) return b.release(x.left, b.and(x.right, y.right));
      // (x U q) ∧ (y U q) = (x ∧ y) U q.
      if (x.kind === 'U' && y.kind === 'U' && x.right === y.right) return b.until(b.and(x.left, y.left), x.right);
      return ordered('and', x, y);
    },
    or(x, y) {
      if (isTrue(x) || isTrue(y)) return table.true;
      if (isFalse(x)) return y;
      if (isFalse(y)) return x;
      if (x === y) return x;
      if (contradictory(x, y)) return table.true;
      // Absorption: x ∨ (x ∧ z) = x.
      if (hasOperand(y, 'and', x)) return x;
      if (hasOperand(x, 'and', y)) return y;
      // X x ∨ X y = X (x ∨ y).
      if (x.kind === 'X' && y.kind === 'X') return b.next(b.or(x.arg, y.arg));
      // (p U x) ∨ (p U y) = p U (x ∨ y); covers F x ∨ F y = F (x ∨ y).
      if (x.kind === 'U' && y.kind === 'U' && x.left === y.left) return b.until(x.left, b.or(x.right, y.right));
      // (x R q) ∨ (y R q) = (x ∨ y) R q.
      if (x.kind === 'R' && y.kind === 'R' && x.right === y.right) return b.release(b.or(x.left, y.left), x.right);
      return ordered('or', x, y);
    },
    next(x) {
      // X true = true, X false = false (every position has a successor on infinite words).
      if (isTrue(x) || isFalse(x)) return x;
      return table.next(x);
    },
    until(x, y) {
      if (isTrue(y) || isFalse(y)) return y;
      if (isFalse(x) || x === y) return y;
      // x U (x U z) = x U z.
      if (y.kind === 'U' && y.left === x) return y;
      // (x U y) U y = x U y.
      if (x.kind === 'U' && x.right === y) return x;
      if (isTrue(x)) {
        // F (z U w) = F w: covers F F w = F w.
        if (y.kind === 'U') return b.until(x, y.right);
        // F G F w = G F w.
        if (isAlways(y) && isEventually(y.right)) return y;
      }
      // X x U X y = X (x U y).
      if (x.kind === 'X' && y.kind === 'X') return b.next(b.until(x.arg, y.arg));
      return table.binary('U', x, y);
    },
    release(x, y) {
      if (isTrue(y) || isFalse(y)) return y;
      if (isTrue(x) || x === y) return y;
      // x R (x R z) = x R z.
      if (y.kind === 'R' && y.left === x) return y;
      // (x R y) R y = x R y.
      if (x.kind === 'R' && x.right === y) return x;
      if (isFalse(x)) {
        // G (z R w) = G w: covers G G w = G w.
        if (y.kind === 'R') return b.release(x, y.right);
        // G F G w = F G w.
        if (isEventually(y) && isAlways(y.right)) return y;
      }
      // X x R X y = X (x R y).
      if (x.kind === 'X' && y.kind === 'X') return b.next(b.release(x.arg, y.arg));
      return table.binary('R', x, y);
    },
  };
  return b;
}
