/**
 * The result of exploring a TransitionSystem: the stored states (with the
 * BFS parent tree for shortest traces), figures, and what was seen on the
 * way (deadlocks, range faults, watched atoms).
 */
import type { AtomId, TransitionId } from '../system/transitionSystem.js';
import type { ExploreLimits, StopReason } from './limits.js';

export interface ExploreOptions extends ExploreLimits {
  /** 'bfs' (default) gives shortest counterexamples; 'dfs' is the cross-check. */
  readonly order?: 'bfs' | 'dfs';
  /** Keep every edge in compressed-sparse-row arrays (CTL, drawings). */
  readonly storeEdges?: boolean;
  /** Record the first stored state where each of these atoms holds. */
  readonly watch?: readonly AtomId[];
  /** Stop as soon as every watched atom has been seen (the verdicts are then known). */
  readonly stopWhenWatchedFound?: boolean;
  /**
   * Store 64-bit fingerprints instead of states (BFS, no edges): far fewer
   * bytes, at a small probability of missing states (Exploration.fingerprint).
   */
  readonly fingerprint?: boolean;
  /** Called about every 2^16 states with the figures so far. */
  readonly onProgress?: (p: Progress) => void;
}

export interface Progress {
  readonly states: number;
  readonly transitions: number;
  /** States stored but not yet expanded. */
  readonly queue: number;
  readonly seconds: number;
  readonly bytes: number;
}

export interface Fault {
  readonly state: number;
  readonly transition: TransitionId;
  readonly message: string;
}

/** A path in the stored state space: states[i] --transitions[i]--> states[i+1]. */
export interface StatePath {
  readonly states: readonly number[];
  readonly transitions: readonly TransitionId[];
}

export interface StoredStates {
  readonly count: number;
  readonly stateWords: number;
  /** Copy state `index` into `out`. */
  read(index: number, out: Int32Array): void;
  /** Parent index in the search tree (-1 for the initial state). */
  parent(index: number): number;
  /** Transition that first reached `index` (-1 for the initial state). */
  via(index: number): TransitionId;
  /** Path from the initial state to `index` along the search tree. */
  pathTo(index: number): StatePath;
  /** Index of a state vector, or -1 if it was not stored. */
  find(s: Int32Array): number;
}

/** Edges in compressed-sparse-row form: successors of i are targets[offsets[i] .. offsets[i+1]). */
export interface StateGraph {
  readonly states: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly labels: Int32Array;
}

export type ExplorationStatus = { readonly kind: 'complete' } | { readonly kind: 'stopped'; readonly reason: StopReason };

export interface Exploration {
  readonly status: ExplorationStatus;
  readonly states: number;
  /** Edges: (state, enabled transition) pairs, as SPIN and the MCC count them. */
  readonly transitions: number;
  readonly seconds: number;
  readonly store: StoredStates;
  /** Present when `storeEdges` was asked for and exploration completed. */
  readonly graph?: StateGraph;
  /** Stored states with no successor where the terminal atom is false (BFS order; first is shallowest). */
  readonly deadlocks: readonly number[];
  /** Number of deadlocked states (deadlocks[] may be capped). */
  readonly deadlockCount: number;
  readonly faults: readonly Fault[];
  /** For each watched atom (same order as options.watch): first state index where it holds, or -1. */
  readonly watched: readonly number[];
  /** Bytes held by the explorer's tables (arena, hash table, parents, edges). */
  readonly bytes: number;
  /** Present in fingerprint mode: a state may have been missed, with at most this probability. */
  readonly fingerprint?: FingerprintFigures;
}

export interface FingerprintFigures {
  readonly bits: 64;
  /** Upper estimate of the probability that some reachable state was not explored (fingerprintStore.ts). */
  readonly missProbability: number;
}
