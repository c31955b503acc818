/**
 * Reference LTL checker over explicit Kripke structures: does every (fair)
 * maximal path satisfy a path formula, a dead state repeating forever?
 * Slow and exact; every path it reports is re-checked from the definitions.
 */
import type { Formula } from '../../src/logic/formula.js';
import type { Kripke, KripkeFairness } from './kripke.js';
import { type Lasso, evaluateOnLasso, isFairLasso, isLassoOf, showLasso } from './lasso.js';
import { searchLasso } from './ltlTableau.js';

/**
 * A fair maximal path from `from` on which the path formula f holds, as a
 * lasso, or undefined when there is none. Fairness defaults to the structure's own.
 */
export function ltlWitness(k: Kripke, f: Formula, fairness: readonly KripkeFairness[] = k.fairness ?? [], from: number = k.initial): Lasso | undefined {
  const lasso = searchLasso(k, from, f, fairness);
  if (lasso === undefined) return undefined;
  // The certificate: a real, fair path of k from `from` where f holds, by direct evaluation.
  const real = isLassoOf(k, lasso) && lasso.states[0] === from;
  if (!real || !isFairLasso(k, lasso, fairness) || !evaluateOnLasso(k, lasso, f)[0]) {
    throw new Error(`LTL reference bug: lasso ${showLasso(lasso)} does not certify ${JSON.stringify(f)}`);
  }
  return lasso;
}

/** A fair maximal path from `from` violating f (a counterexample to A f), or undefined. */
export function ltlCounterexample(k: Kripke, f: Formula, fairness: readonly KripkeFairness[] = k.fairness ?? [], from: number = k.initial): Lasso | undefined {
  return ltlWitness(k, { kind: 'not', arg: f }, fairness, from);
}

/** A f: every fair maximal path from the initial state (or `from`) satisfies f. */
export function ltlHolds(k: Kripke, f: Formula, fairness: readonly KripkeFairness[] = k.fairness ?? [], from: number = k.initial): boolean {
  return ltlCounterexample(k, f, fairness, from) === undefined;
}

/** E f: some fair maximal path from the initial state (or `from`) satisfies f. */
export function ltlExists(k: Kripke, f: Formula, fairness: readonly KripkeFairness[] = k.fairness ?? [], from: number = k.initial): boolean {
  return ltlWitness(k, f, fairness, from) !== undefined;
}
