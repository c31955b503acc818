/**
 * Generalized Büchi automata with state labels, as produced by the LTL
 * translation: a run reads one system state per automaton state; entering
 * automaton state q requires the system state to satisfy q's literals.
 * Accepting runs visit every acceptance set infinitely often.
 */
import type { AtomId } from '../../system/transitionSystem.js';

export interface Literal {
  readonly atom: AtomId;
  /** true: the atom must hold; false: it must not. */
  readonly positive: boolean;
}

export interface BuchiState {
  /** Conjunction of literals the current system state must satisfy. */
  readonly label: readonly Literal[];
  /** Successor automaton states. */
  readonly next: readonly number[];
}

export interface Buchi {
  readonly states: readonly BuchiState[];
  /** Possible first automaton states (each checked against the initial system state). */
  readonly initial: readonly number[];
  /**
   * Acceptance sets (generalized Büchi): an accepting run visits each set
   * infinitely often. Empty list = every infinite run is accepting.
   */
  readonly acceptance: readonly (readonly number[])[];
}
