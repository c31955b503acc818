/**
 * A spec that parsed, elaborated and compiled: what checkSpec and the
 * renderers work from.
 */
import type { Model } from '../model/model.js';
import type { ExploreLimits } from '../explore/limits.js';
import type { CompiledModel } from '../compile/compileModel.js';

export interface LoadedSpec {
  readonly file: string;
  readonly text: string;
  readonly model: Model;
  readonly system: CompiledModel;
}

export interface CheckOptions {
  /** Only these properties (by name); unknown names are a SpecError (WF401). */
  readonly properties?: readonly string[];
  readonly maxStates?: number;
  readonly timeoutMs?: number;
  readonly maxMemoryBytes?: number;
  readonly shouldStop?: () => boolean;
  /** Explore on this many threads (BFS over shared tables); CTL, LTL and `sound` explore on one (see exploreParallel). */
  readonly workers?: number;
  /**
   * Store 64-bit fingerprints instead of states (--fingerprint): less memory,
   * a small printed probability of a missed state; ctl/ltl/sound become unknown.
   */
  readonly fingerprint?: boolean;
  /** Extra properties as formula text (CLI --formula): checked as ctl if they use a CTL operator, else ltl. */
  readonly formulas?: readonly string[];
  /** An MCC `<property-set>` file (already read) whose properties replace the spec's own (P/T nets only). */
  readonly mccFormulas?: { readonly file: string; readonly text: string };
}

/** The exploration limits a check's options ask for (only the ones given). */
export function exploreLimits(options: CheckOptions): ExploreLimits {
  return {
    ...(options.maxStates !== undefined ? { maxStates: options.maxStates } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxMemoryBytes !== undefined ? { maxMemoryBytes: options.maxMemoryBytes } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  };
}
