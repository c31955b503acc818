/**
 * Formulas that need no temporal checker: boolean combinations of atoms
 * (about the initial state), EF a and AG a (A(G a) and E(F a) in LTL
 * dress). One exploration that watches a (for EF) or ¬a (for AG) decides
 * them all, even when it stops early, as far as what was seen allows.
 */
import type { Formula } from '../logic/formula.js';
import type { AtomId } from '../system/transitionSystem.js';

/** A leaf of a reachability-shaped formula; `atom` is undefined for true/false. */
export type ReachLeaf =
  | { readonly kind: 'now'; readonly atom: AtomId }
  | { readonly kind: 'EF' | 'AG'; readonly atom: AtomId };

/** true / false / undecided (Kleene's three values). */
export type Tri = boolean | undefined;

function leafOf(f: Formula): ReachLeaf | undefined {
  if (f.kind === 'atom') return { kind: 'now', atom: f.atom };
  const inner = f.kind === 'EF' || f.kind === 'AG' ? f.arg : undefined;
  if (inner?.kind === 'atom') return { kind: f.kind as 'EF' | 'AG', atom: inner.atom };
  if ((f.kind === 'A' || f.kind === 'E') && (f.path.kind === 'G' || f.path.kind === 'F') && f.path.arg.kind === 'atom') {
    if (f.kind === 'A' && f.path.kind === 'G') return { kind: 'AG', atom: f.path.arg.atom };
    if (f.kind === 'E' && f.path.kind === 'F') return { kind: 'EF', atom: f.path.arg.atom };
  }
  return undefined;
}

/** The leaves, or undefined when the formula needs a real temporal checker. */
export function reachabilityLeaves(f: Formula): ReachLeaf[] | undefined {
  switch (f.kind) {
    case 'true':
    case 'false':
      return [];
    case 'not':
      return reachabilityLeaves(f.arg);
    case 'and':
    case 'or':
    case 'implies':
    case 'iff': {
      const l = reachabilityLeaves(f.left);
      const r = reachabilityLeaves(f.right);
      return l && r && [...l, ...r];
    }
    default: {
      const leaf = leafOf(f);
      return leaf && [leaf];
    }
  }
}

/** Evaluates a reachability-shaped formula given each leaf's value (in `reachabilityLeaves` order). */
export function evaluateReachability(f: Formula, leafValue: (leaf: ReachLeaf) => Tri): Tri {
  switch (f.kind) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'not': {
      const v = evaluateReachability(f.arg, leafValue);
      return v === undefined ? undefined : !v;
    }
    case 'and': {
      const [l, r] = [evaluateReachability(f.left, leafValue), evaluateReachability(f.right, leafValue)];
      return l === false || r === false ? false : l === true && r === true ? true : undefined;
    }
    case 'or': {
      const [l, r] = [evaluateReachability(f.left, leafValue), evaluateReachability(f.right, leafValue)];
      return l === true || r === true ? true : l === false && r === false ? false : undefined;
    }
    case 'implies':
      return evaluateReachability({ kind: 'or', left: { kind: 'not', arg: f.left }, right: f.right }, leafValue);
    case 'iff': {
      const [l, r] = [evaluateReachability(f.left, leafValue), evaluateReachability(f.right, leafValue)];
      return l === undefined || r === undefined ? undefined : l === r;
    }
    default: {
      const leaf = leafOf(f);
      if (leaf === undefined) throw new Error('internal: not a reachability-shaped formula');
      return leafValue(leaf);
    }
  }
}
