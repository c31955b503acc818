/**
 * A counterexample as users see it: steps named after spec elements with
 * their source locations, states as values with the changes per step.
 * Produced from integer evidence by explainEvidence; rendered by render/.
 */
import type { SourceSpan } from '../diagnostics/span.js';
import type { StateView, ValueChange } from '../system/stateView.js';

export interface TraceStep {
  /** Unique transition name (e.g. `o1.ReleaseFunds.failed_after_effect`). */
  readonly transition: string;
  /** What happened, for humans: usually the activity name. */
  readonly label: string;
  readonly kind?: string;
  readonly outcome?: string;
  readonly instance?: string;
  readonly span?: SourceSpan;
}

export interface TraceState {
  readonly values: StateView;
  /** Values that differ from the previous state (all values for the first state). */
  readonly changes: readonly ValueChange[];
}

export type CounterexampleKind = 'path' | 'lasso' | 'tree';

export interface Counterexample {
  readonly kind: CounterexampleKind;
  /** states.length === steps.length + 1 */
  readonly states: readonly TraceState[];
  readonly steps: readonly TraceStep[];
  /** For lassos: index into states where the loop starts (the last state steps back there). */
  readonly loopStart?: number;
  /** What is wrong at the end of the trace, in one sentence. */
  readonly summary: string;
  /**
   * When the last step leaves a declared range, it has no representable
   * successor: the trace ends with that step and this message.
   */
  readonly fault?: { readonly step: TraceStep; readonly message: string };
  /**
   * CTL witness trees (kind 'tree'): sub-witnesses that hang off states of
   * this path — e.g. for AG(p -> AF q) the lasso showing AF q fails, hanging
   * off the state where p holds.
   */
  readonly branches?: readonly CounterexampleBranch[];
}

export interface CounterexampleBranch {
  /** Index into the parent's states where the sub-witness starts (its first state equals that state). */
  readonly at: number;
  /** What the sub-witness shows, e.g. "AF completed fails from here". */
  readonly note: string;
  readonly witness: Counterexample;
}
