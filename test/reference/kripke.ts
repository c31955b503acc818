/**
 * Explicit Kripke structures for the reference checkers: states 0..n-1,
 * successor lists with a transition id per edge, atom labels per state.
 * Converts both ways with TransitionSystem, so random structures feed the real checkers.
 */
import { OrderedMap } from 'immutable';
import type { FairnessConstraint } from '../../src/logic/fairness.js';
import { packLayout } from '../../src/system/stateLayout.js';
import type { StateView } from '../../src/system/stateView.js';
import type { AtomId, SuccessorSink, TransitionInfo, TransitionSystem } from '../../src/system/transitionSystem.js';
import { referenceExplore } from './referenceExplorer.js';

/**
 * A fairness constraint over a group of transition ids. A group is enabled
 * in a state with an outgoing edge whose id is in the group, and taken on such an edge.
 */
export interface KripkeFairness {
  readonly kind: 'weak' | 'strong';
  readonly transitions: readonly number[];
}

export interface Kripke {
  readonly states: number;
  readonly initial: number;
  /** succ[s] = targets of the edges leaving s; a state with none is dead. */
  readonly succ: readonly (readonly number[])[];
  /**
   * via[s][i] = transition id of the edge s -> succ[s][i]. Absent: every
   * edge is its own transition, numbered state by state in succ order.
   */
  readonly via?: readonly (readonly number[])[];
  /** labels[s][a] = atom a holds in state s. */
  readonly labels: readonly (readonly boolean[])[];
  readonly fairness?: readonly KripkeFairness[];
}

export interface KripkeEdge {
  readonly from: number;
  readonly to: number;
  readonly transition: number;
}

/** Every edge with its transition id (resolving the default numbering). */
export function edgesOf(k: Kripke): KripkeEdge[] {
  const edges: KripkeEdge[] = [];
  for (let s = 0; s < k.states; s++) {
    k.succ[s].forEach((to, i) => edges.push({ from: s, to, transition: k.via ? k.via[s][i] : edges.length }));
  }
  return edges;
}

/** Outgoing edges of each state, with transition ids. */
export function outEdges(k: Kripke): KripkeEdge[][] {
  const out: KripkeEdge[][] = Array.from({ length: k.states }, () => []);
  for (const e of edgesOf(k)) out[e.from].push(e);
  return out;
}

export function isDead(k: Kripke, s: number): boolean {
  return k.succ[s].length === 0;
}

export function atomCount(k: Kripke): number {
  return k.labels.length === 0 ? 0 : k.labels[0].length;
}

/** enabled[s] = state s has an outgoing edge in the group (the group is enabled there). */
export function enabledStates(k: Kripke, group: readonly number[]): boolean[] {
  const ids = new Set(group);
  const enabled = new Array<boolean>(k.states).fill(false);
  for (const e of edgesOf(k)) if (ids.has(e.transition)) enabled[e.from] = true;
  return enabled;
}

/**
 * The reachable part of a system, by the plain reference explorer: state 0
 * is the initial state (BFS order), label column i is system atom atoms[i].
 * Faulting transitions are not edges, so a state whose only moves fault is dead.
 */
export function kripkeOf(system: TransitionSystem, atoms: readonly AtomId[], fairness?: readonly KripkeFairness[]): Kripke {
  const ref = referenceExplore(system);
  const keys = [...ref.distance.keys()];
  const index = new Map(keys.map((key, i) => [key, i]));
  const succ: number[][] = keys.map(() => []);
  const via: number[][] = keys.map(() => []);
  for (const e of ref.edges) {
    const from = index.get(e.from) as number;
    succ[from].push(index.get(e.to) as number);
    via[from].push(e.transition);
  }
  const labels = keys.map((key) => {
    const s = Int32Array.from(key.split(',').map(Number));
    return atoms.map((a) => system.label(s, a));
  });
  return { states: keys.length, initial: index.get(ref.initial) as number, succ, via, labels, ...(fairness ? { fairness } : {}) };
}

export interface KripkeSystem extends TransitionSystem {
  readonly kripke: Kripke;
}

/**
 * The structure as a TransitionSystem: one word holding the state index;
 * system atom a is label column a, and the terminal atom (one past the
 * labels) is always false, so every dead state is a deadlock.
 */
export function systemOf(k: Kripke): KripkeSystem {
  const edges = outEdges(k);
  const all = edgesOf(k);
  const transitionCount = all.reduce((n, e) => Math.max(n, e.transition + 1), 0);
  const carriers: KripkeEdge[][] = Array.from({ length: transitionCount }, () => []);
  for (const e of all) carriers[e.transition].push(e);
  const atoms = atomCount(k);
  const next = new Int32Array(1);
  return {
    kripke: k,
    layout: packLayout([{ name: 'state', lo: 0, hi: Math.max(0, k.states - 1) }]),
    transitionCount,
    atoms: [
      ...Array.from({ length: atoms }, (_, a) => ({ name: `p${a}`, text: `p${a}` })),
      { name: 'terminal', text: 'false' },
    ],
    terminalAtom: atoms,
    initial(out: Int32Array): void {
      out.fill(0);
      out[0] = k.initial;
    },
    successors(s: Int32Array, emit: SuccessorSink): number {
      const from = edges[s[0]];
      for (const e of from) {
        next[0] = e.to;
        emit(e.transition, next);
      }
      return from.length;
    },
    label(s: Int32Array, ap: AtomId): boolean {
      return ap < atoms ? k.labels[s[0]][ap] : false;
    },
    describe(s: Int32Array): StateView {
      return OrderedMap<string, number>([['state', s[0]]]);
    },
    transitionInfo(t: number): TransitionInfo {
      const on = carriers[t] ?? [];
      const name = on.length === 1 ? `s${on[0].from}->s${on[0].to}` : `t${t}`;
      return { name, label: name, kind: 'kripke' };
    },
  };
}

/** The structure's fairness as the real checkers take it (membership bytes over systemOf's transition ids). */
export function fairnessConstraintsOf(k: Kripke): FairnessConstraint[] {
  const count = systemOf(k).transitionCount;
  return (k.fairness ?? []).map((c) => {
    const membership = new Uint8Array(count);
    for (const t of c.transitions) if (t < count) membership[t] = 1;
    return { kind: c.kind, name: `${c.kind} fairness of {${c.transitions.join(', ')}}`, membership };
  });
}
