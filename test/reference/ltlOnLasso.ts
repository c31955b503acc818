/**
 * An obviously-right LTL evaluator on ultimately periodic words (lassos):
 * every subformula gets a truth value per position of stem+loop, the last
 * position's successor is the loop start, and U/R/W are least/greatest
 * fixpoints iterated to convergence. The oracle for the Büchi translation.
 */
import type { Formula } from '../../src/logic/formula.js';
import type { AtomId } from '../../src/system/transitionSystem.js';

/** A letter is the set of atoms true there. The word is stem · loop^ω; loop is non-empty. */
export interface Lasso {
  readonly stem: readonly (readonly AtomId[])[];
  readonly loop: readonly (readonly AtomId[])[];
}

export function lassoLetters(lasso: Lasso): (readonly AtomId[])[] {
  return [...lasso.stem, ...lasso.loop];
}

/** Successor position in the finite position graph. */
export function lassoSuccessor(lasso: Lasso, i: number): number {
  const n = lasso.stem.length + lasso.loop.length;
  return i + 1 < n ? i + 1 : lasso.stem.length;
}

/** Does `formula` hold at position 0 of the lasso word? */
export function holdsOnLasso(formula: Formula, lasso: Lasso): boolean {
  return truthOnLasso(formula, lasso)[0];
}

/** The truth value of `formula` at each position 0..n-1 of stem+loop. */
export function truthOnLasso(formula: Formula, lasso: Lasso): boolean[] {
  const letters = lassoLetters(lasso);
  const n = letters.length;
  const succ = (i: number): number => lassoSuccessor(lasso, i);
  const positions = Array.from({ length: n }, (_, i) => i);
  const at = (f: Formula): boolean[] => truthOnLasso(f, lasso);

  /** Iterate v[i] := step(v, i) from `start` until nothing changes. */
  const fixpoint = (start: boolean, step: (v: boolean[], i: number) => boolean): boolean[] => {
    let v = positions.map(() => start);
    for (;;) {
      const w = positions.map((i) => step(v, i));
      if (w.every((x, i) => x === v[i])) return v;
      v = w;
    }
  };

  switch (formula.kind) {
    case 'true':
      return positions.map(() => true);
    case 'false':
      return positions.map(() => false);
    case 'atom':
      return positions.map((i) => letters[i].includes(formula.atom));
    case 'not':
      return at(formula.arg).map((x) => !x);
    case 'and': {
      const [a, b] = [at(formula.left), at(formula.right)];
      return positions.map((i) => a[i] && b[i]);
    }
    case 'or': {
      const [a, b] = [at(formula.left), at(formula.right)];
      return positions.map((i) => a[i] || b[i]);
    }
    case 'implies': {
      const [a, b] = [at(formula.left), at(formula.right)];
      return positions.map((i) => !a[i] || b[i]);
    }
    case 'iff': {
      const [a, b] = [at(formula.left), at(formula.right)];
      return positions.map((i) => a[i] === b[i]);
    }
    case 'X': {
      const a = at(formula.arg);
      return positions.map((i) => a[succ(i)]);
    }
    case 'F': {
      // Least fixpoint of a ∨ X v.
      const a = at(formula.arg);
      return fixpoint(false, (v, i) => a[i] || v[succ(i)]);
    }
    case 'G': {
      // Greatest fixpoint of a ∧ X v.
      const a = at(formula.arg);
      return fixpoint(true, (v, i) => a[i] && v[succ(i)]);
    }
    case 'U': {
      // Least fixpoint of b ∨ (a ∧ X v).
      const [a, b] = [at(formula.left), at(formula.right)];
      return fixpoint(false, (v, i) => b[i] || (a[i] && v[succ(i)]));
    }
    case 'R': {
      // Greatest fixpoint of b ∧ (a ∨ X v).
      const [a, b] = [at(formula.left), at(formula.right)];
      return fixpoint(true, (v, i) => b[i] && (a[i] || v[succ(i)]));
    }
    case 'W': {
      // Greatest fixpoint of b ∨ (a ∧ X v).
      const [a, b] = [at(formula.left), at(formula.right)];
      return fixpoint(true, (v, i) => b[i] || (a[i] && v[succ(i)]));
    }
    default:
      throw new Error(`not an LTL path formula: ${formula.kind}`);
  }
}
