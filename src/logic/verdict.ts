/**
 * What a checker returns: a verdict, and for a violation (or a witness) the
 * evidence as stored-state indices and transition ids — no names, no
 * values; counterexample/ turns evidence into something to read.
 */
import type { StopReason } from '../explore/limits.js';

export interface Evidence {
  /** Stored-state indices along the path; states[i] --transitions[i]--> states[i+1]. */
  readonly states: readonly number[];
  readonly transitions: readonly number[];
  /** Lasso: the last state equals states[loopStart] and the loop repeats forever. */
  readonly loopStart?: number;
  /** Sub-witnesses (CTL trees) hanging off states of this path. */
  readonly branches: readonly { readonly at: number; readonly note: string; readonly evidence: Evidence }[];
}

export type Verdict =
  | { readonly result: 'holds'; readonly witness?: Evidence }
  /** No evidence when a violation is a universal fact (an E-formula with no witnessing run). */
  | { readonly result: 'violated'; readonly evidence?: Evidence }
  | { readonly result: 'unknown'; readonly reason: StopReason | 'fault' };

export function pathEvidence(states: readonly number[], transitions: readonly number[], loopStart?: number): Evidence {
  return { states, transitions, ...(loopStart !== undefined ? { loopStart } : {}), branches: [] };
}
