/**
 * THE narrow waist between front ends and algorithms, in the spirit of
 * LTSmin's PINS: states are packed Int32 vectors, transitions are small
 * integer ids, atomic propositions are evaluated by the system. Exploration
 * and logic code see models only through this interface.
 */
import type { SourceSpan } from '../diagnostics/span.js';
import type { StateLayout } from './stateLayout.js';
import type { StateView } from './stateView.js';

export type TransitionId = number;
export type AtomId = number;

export interface TransitionInfo {
  readonly name: string;
  /** Short text for traces and edge labels (activity or event name). */
  readonly label: string;
  readonly outcome?: string;
  readonly kind?: string;
  readonly instance?: string;
  readonly span?: SourceSpan;
}

export interface AtomInfo {
  readonly name: string;
  readonly text: string;
}

/** `next` is borrowed: valid only during the call; copy it to keep it. */
export type SuccessorSink = (t: TransitionId, next: Int32Array) => void;

/**
 * A transition that is enabled but whose effect leaves the model's declared
 * ranges (or a place's capacity). The successor is not representable, so it
 * is reported instead of emitted; `message` says which value went where.
 */
export type FaultSink = (t: TransitionId, message: string) => void;

export interface TransitionSystem {
  readonly layout: StateLayout;
  readonly transitionCount: number;
  readonly atoms: readonly AtomInfo[];
  /** Atom that holds where the model has properly ended (no successor there is not a deadlock). */
  readonly terminalAtom: AtomId;
  initial(out: Int32Array): void;
  /** Calls `emit` once per enabled transition; returns how many it emitted. */
  successors(s: Int32Array, emit: SuccessorSink, fault?: FaultSink): number;
  label(s: Int32Array, ap: AtomId): boolean;
  describe(s: Int32Array): StateView;
  transitionInfo(t: TransitionId): TransitionInfo;
}
