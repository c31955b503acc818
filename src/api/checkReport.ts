/**
 * The result of checking one spec: what `--json` prints (DESIGN.md §6) and
 * what the table, traces and pictures are made from.
 */
import type { Counterexample } from '../counterexample/counterexample.js';
import type { FingerprintFigures } from '../explore/exploration.js';
import type { StopReason } from '../explore/limits.js';

export type PropertyResult = 'holds' | 'violated' | 'unknown';

export interface PropertyReport {
  readonly name: string;
  /** invariant | reachable | deadlock_free | range (built-in: every update stays in its declared range) */
  readonly kind: string;
  readonly formula: string;
  readonly result: PropertyResult;
  readonly expected?: 'holds' | 'violated';
  /** Why the result is unknown (a limit, or a range fault that cut exploration). */
  readonly reason?: string;
  readonly counterexample?: Counterexample;
  /** States stored when this verdict was reached. */
  readonly states: number;
  readonly seconds: number;
  /** UpperBounds (MCC): the largest token sum of the listed places over the reachable markings. */
  readonly bound?: number;
}

export interface CheckReport {
  readonly file: string;
  readonly model: string;
  readonly modelKind: string;
  /** Distinct reachable states stored (the full graph when `complete`). */
  readonly states: number;
  /** Edges: (state, enabled transition) pairs. */
  readonly transitions: number;
  readonly complete: boolean;
  readonly stopReason?: StopReason;
  readonly seconds: number;
  readonly bytesPerState: number;
  /** Present in fingerprint mode: a `holds` (or an unreached `reachable`) is right unless a state was missed, with at most this probability. */
  readonly fingerprint?: FingerprintFigures;
  /** P/T nets, complete explorations: the most tokens in one place, and in one marking (MCC's state-space figures). */
  readonly maxTokensInPlace?: number;
  readonly maxTokensPerMarking?: number;
  readonly properties: readonly PropertyReport[];
}

/** A property is as expected when its result equals `expected` (default: holds). */
export function isAsExpected(p: PropertyReport): boolean {
  return p.result === (p.expected ?? 'holds');
}
