/**
 * Obviously-right semantics on ultimately periodic words (lassos), the oracle
 * for the Büchi translation. LTL: every subformula gets a truth value per
 * position of stem+loop, the last position's successor is the loop start,
 * and U/R/W are least/greatest fixpoints iterated to convergence. Büchi
 * automata: a plain product with the lasso's positions.
 */
import type { Formula } from '../../src/logic/formula.js';
import type { Buchi } from '../../src/logic/ltl/buchi.js';
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

/**
 * Does the automaton accept the lasso word? Product vertices are (position, q)
 * where the letter at position satisfies q's label; accept iff some reachable
 * vertex lies on a cycle whose strongly connected component (what it reaches
 * and is reached from) meets every acceptance set. Any product cycle runs
 * through the loop part of the lasso, so such a cycle is an accepting run.
 */
export function acceptsLasso(a: Buchi, lasso: Lasso): boolean {
  const letters = lassoLetters(lasso);
  const m = a.states.length;
  const fits = (pos: number, q: number): boolean =>
    a.states[q].label.every((l) => letters[pos].includes(l.atom) === l.positive);
  const successors = (v: number): number[] => {
    const pos = lassoSuccessor(lasso, Math.floor(v / m));
    return a.states[v % m].next.filter((q) => fits(pos, q)).map((q) => pos * m + q);
  };
  // The reachable product graph, forwards and backwards.
  const forward = new Map<number, number[]>();
  const backward = new Map<number, number[]>();
  const queue = a.initial.filter((q) => fits(0, q));
  for (const v of queue) forward.set(v, []);
  while (queue.length > 0) {
    const v = queue.pop() as number;
    for (const w of successors(v)) {
      (forward.get(v) as number[]).push(w);
      if (!backward.has(w)) backward.set(w, []);
      (backward.get(w) as number[]).push(v);
      if (!forward.has(w)) {
        forward.set(w, []);
        queue.push(w);
      }
    }
  }
  /** Vertices reachable from v in one or more steps along `edges`. */
  const after = (v: number, edges: Map<number, number[]>): Set<number> => {
    const seen = new Set<number>();
    const todo = [...(edges.get(v) ?? [])];
    while (todo.length > 0) {
      const w = todo.pop() as number;
      if (!seen.has(w)) {
        seen.add(w);
        todo.push(...(edges.get(w) ?? []));
      }
    }
    return seen;
  };
  const done = new Set<number>();
  for (const v of forward.keys()) {
    if (done.has(v)) continue;
    const reached = after(v, forward);
    if (!reached.has(v)) continue; // on no cycle
    const reaching = after(v, backward);
    const component = [...reached].filter((u) => reaching.has(u));
    for (const u of component) done.add(u);
    if (a.acceptance.every((set) => component.some((u) => set.includes(u % m)))) return true;
  }
  return false;
}
