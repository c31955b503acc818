/**
 * What a state-graph drawing is made from: the stored states and the edges
 * between them, with what each state is (initial, properly ended,
 * deadlocked, violating an invariant, cut off by a limit). Built by
 * api/stateGraph.ts; read by stateGraphDot and quotientDot.
 */
import type { StateGraph, StoredStates } from '../explore/exploration.js';
import type { StopReason } from '../explore/limits.js';
import type { Model } from '../model/model.js';
import type { AtomId, TransitionSystem } from '../system/transitionSystem.js';

export interface NamedAtom {
  readonly name: string;
  readonly atom: AtomId;
}

export interface ReachableGraph {
  readonly model: Model;
  readonly system: TransitionSystem;
  readonly store: StoredStates;
  /** Edges between stored states (CSR). */
  readonly graph: StateGraph;
  /** 1 where a state has successors that were not stored (exploration stopped first). */
  readonly cut: Uint8Array;
  /** Per state, the first range fault of a transition enabled there. */
  readonly faults: ReadonlyMap<number, string>;
  readonly complete: boolean;
  readonly stopReason?: StopReason;
  /** Atoms that hold where an invariant is false. */
  readonly invariants: readonly NamedAtom[];
}

/** Bit flags per state. */
export const INITIAL = 1;
export const ENDED = 2;
export const DEADLOCK = 4;
export const VIOLATION = 8;
export const FAULT = 16;
export const CUT = 32;

export interface StateFacts {
  readonly flags: Uint8Array;
  /** Names of the invariants false in each violating state. */
  readonly violated: ReadonlyMap<number, readonly string[]>;
}

export function stateFacts(g: ReachableGraph): StateFacts {
  const n = g.graph.states;
  const flags = new Uint8Array(n);
  const violated = new Map<number, string[]>();
  const s = new Int32Array(g.store.stateWords);
  for (let i = 0; i < n; i++) {
    g.store.read(i, s);
    let f = i === 0 ? INITIAL : 0;
    const ended = g.system.label(s, g.system.terminalAtom);
    if (ended) f |= ENDED;
    if (g.cut[i]) f |= CUT;
    if (g.faults.has(i)) f |= FAULT;
    else if (!ended && !g.cut[i] && g.graph.offsets[i] === g.graph.offsets[i + 1]) f |= DEADLOCK;
    const names = g.invariants.filter((inv) => g.system.label(s, inv.atom)).map((inv) => inv.name);
    if (names.length > 0) {
      f |= VIOLATION;
      violated.set(i, names);
    }
    flags[i] = f;
  }
  return { flags, violated };
}

/** One line saying what a state is, for tooltips and labels ('' for a plain state). */
export function describeFlags(f: number): string[] {
  const out: string[] = [];
  if (f & INITIAL) out.push('initial');
  if (f & ENDED) out.push('ended');
  if (f & DEADLOCK) out.push('deadlock');
  if (f & VIOLATION) out.push('violates an invariant');
  if (f & FAULT) out.push('range fault');
  if (f & CUT) out.push('not fully explored');
  return out;
}
