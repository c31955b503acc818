/**
 * Small facts about state labels (conjunctions of literals) that the
 * automaton clean-ups compare: a canonical key, contradiction, implication.
 */
import type { Literal } from './buchi.js';

export const literalKey = (l: Literal): string => `${l.positive ? '' : '!'}${l.atom}`;

/** Equal for equal literal sets (labels are kept sorted by atom, then sign). */
export const labelKey = (label: readonly Literal[]): string => label.map(literalKey).join(',');

/** Contains both p and !p: no letter satisfies it. */
export function contradictory(label: readonly Literal[]): boolean {
  const seen = new Map<number, boolean>();
  for (const l of label) {
    if (seen.get(l.atom) === !l.positive) return true;
    seen.set(l.atom, l.positive);
  }
  return false;
}

/** Every letter satisfying `strong` satisfies `weak` (weak's literals ⊆ strong's). */
export function labelImplies(strong: readonly Literal[], weak: readonly Literal[]): boolean {
  return weak.every((w) => strong.some((s) => s.atom === w.atom && s.positive === w.positive));
}
