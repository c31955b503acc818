/**
 * The atomic propositions of P/T-net queries as IR expressions over place
 * slots: token sums, "transition t is enabled" (every input arc covered),
 * fireability of a set, and deadlock (no transition enabled). Compiled like
 * any other atom, so they cost a few loads per state.
 */
import { and, binary, constant, not, or, slotRef, type Expr } from '../model/expr.js';
import type { Model } from '../model/model.js';

/** Sum of the listed places' tokens (0 for an empty list). */
export function tokenSum(slots: readonly number[]): Expr {
  if (slots.length === 0) return constant(0);
  return slots.map(slotRef).reduce((a, b) => binary('+', a, b));
}

/** Transition `t` is enabled: each input place holds at least the arc's weight. */
export function enabled(model: Model, t: number): Expr {
  const pre = model.transitions.get(t)?.pre ?? [];
  return and(...pre.map((a) => binary('>=', slotRef(a.slot), constant(a.weight))));
}

/** At least one of the transitions is enabled (MCC `is-fireable`). */
export function fireable(model: Model, transitions: readonly number[]): Expr {
  return balancedOr(transitions.map((t) => enabled(model, t)));
}

/** No transition is enabled: the MCC's deadlock, whatever the model's terminal states are. */
export function deadlock(model: Model): Expr {
  return not(fireable(model, model.transitions.toArray().map((_, i) => i)));
}

/**
 * `or` as a balanced tree: a deadlock atom over a thousand transitions
 * must not become a chain a thousand deep (generated code and recursion
 * depth both follow the tree's depth).
 */
export function balancedOr(xs: readonly Expr[]): Expr {
  if (xs.length <= 2) return or(...xs);
  const mid = xs.length >> 1;
  return or(balancedOr(xs.slice(0, mid)), balancedOr(xs.slice(mid)));
}

export function balancedAnd(xs: readonly Expr[]): Expr {
  if (xs.length <= 2) return and(...xs);
  const mid = xs.length >> 1;
  return and(balancedAnd(xs.slice(0, mid)), balancedAnd(xs.slice(mid)));
}
