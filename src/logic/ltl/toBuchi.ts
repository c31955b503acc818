/**
 * LTL path formula → state-labelled generalized Büchi automaton accepting
 * exactly the words that satisfy it: normal form (with rewrites), the GPVW
 * tableau, then clean-ups. The LTL checker builds the automaton of ¬φ.
 */
import type { Formula } from '../formula.js';
import type { Buchi } from './buchi.js';
import { toNormalForm } from './normalForm.js';
import { reduceBuchi } from './reduceBuchi.js';
import { expandTableau, tableauToBuchi } from './tableau.js';

export interface ToBuchiOptions {
  /** Rewrite the normal form before the tableau (default true). */
  readonly simplify?: boolean;
  /** Trim, clean acceptance and merge bisimilar states afterwards (default true). */
  readonly reduce?: boolean;
}

/**
 * Throws a plain Error for CTL operators and A/E inside (the caller strips the
 * outer path quantifier). An unsatisfiable formula gives an automaton with no states.
 */
export function ltlToBuchi(formula: Formula, options: ToBuchiOptions = {}): Buchi {
  const { table, root } = toNormalForm(formula, { simplify: options.simplify !== false });
  const automaton = tableauToBuchi(table, root, expandTableau(table, root));
  return options.reduce === false ? automaton : reduceBuchi(automaton);
}
