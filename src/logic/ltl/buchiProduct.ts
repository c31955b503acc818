/**
 * The product of a system with a (degeneralized) Büchi automaton, as a
 * TransitionSystem layer: product states are the system's words plus one
 * word holding (automaton state, acceptance counter). Dead system states
 * stutter (SPIN's semantics: a terminal state repeats forever). A virtual
 * start state lets several automaton states match the initial system state.
 */
import type { StateLayout } from '../../system/stateLayout.js';
import type { StateView } from '../../system/stateView.js';
import type { AtomId, AtomInfo, FaultSink, SuccessorSink, TransitionId, TransitionInfo, TransitionSystem } from '../../system/transitionSystem.js';
import type { Buchi } from './buchi.js';

export interface ProductSystem extends TransitionSystem {
  readonly base: TransitionSystem;
  /** Atom true in accepting product states (degeneralized acceptance). */
  readonly acceptingAtom: AtomId;
  /** Transition id of a stutter step at a dead system state. */
  readonly stutter: TransitionId;
  /** Transition id of the virtual first step into the automaton. */
  readonly start: TransitionId;
  /** Generalized acceptance: atom per acceptance set (for the SCC-based check). */
  readonly acceptanceAtoms: readonly AtomId[];
}

export function buchiProduct(base: TransitionSystem, automaton: Buchi): ProductSystem {
  const W = base.layout.stateWords;
  const k = Math.max(1, automaton.acceptance.length);
  const nq = automaton.states.length;
  const START = nq * k; // automaton word of the virtual start state
  const inSet = automaton.acceptance.map((set) => {
    const m = new Uint8Array(nq);
    for (const q of set) m[q] = 1;
    return m;
  });
  const stutter = base.transitionCount;
  const start = base.transitionCount + 1;
  const baseAtoms = base.atoms.length;
  const acceptingAtom = baseAtoms;
  const acceptanceAtoms = automaton.acceptance.map((_, i) => baseAtoms + 1 + i);
  const atoms: AtomInfo[] = [
    ...base.atoms,
    { name: 'accepting', text: 'accepting' },
    ...automaton.acceptance.map((_, i) => ({ name: `acceptance ${i}`, text: `acceptance ${i}` })),
  ];
  const layout: StateLayout = {
    stateWords: W + 1,
    slots: [...base.layout.slots, { name: '@buchi', lo: 0, hi: START, bits: 32, word: W, shift: 0, mask: 0xffffffff }],
  };

  const matches = (s: Int32Array, q: number): boolean => {
    for (const lit of automaton.states[q].label) if (base.label(s, lit.atom) !== lit.positive) return false;
    return true;
  };
  /** Counter after leaving automaton state q with counter i (degeneralization). */
  const nextCounter = (q: number, i: number): number => (automaton.acceptance.length === 0 ? 0 : inSet[i][q] ? (i + 1) % k : i);

  const out = new Int32Array(W + 1);
  const baseState = new Int32Array(W);
  let faulted = false;
  let outerFault: FaultSink | undefined;
  const onFault: FaultSink = (t, message) => {
    faulted = true;
    outerFault?.(t, message);
  };
  let emitOuter: SuccessorSink = () => {};
  let fromQ = 0;
  let counter = 0;
  let emitted = 0;
  const onBase: SuccessorSink = (t, next) => {
    const succ = automaton.states[fromQ].next;
    for (let j = 0; j < succ.length; j++) {
      const q2 = succ[j];
      if (!matches(next, q2)) continue;
      for (let w = 0; w < W; w++) out[w] = next[w];
      out[W] = q2 * k + counter;
      emitOuter(t, out);
      emitted++;
    }
  };

  const system: ProductSystem = {
    base,
    layout,
    transitionCount: base.transitionCount + 2,
    atoms,
    terminalAtom: base.terminalAtom,
    acceptingAtom,
    acceptanceAtoms,
    stutter,
    start,
    initial(o: Int32Array): void {
      base.initial(o);
      o[W] = START;
    },
    successors(s: Int32Array, emit: SuccessorSink, fault?: FaultSink): number {
      emitted = 0;
      const word = s[W];
      if (word === START) {
        for (const q of automaton.initial) {
          if (!matches(s, q)) continue;
          for (let w = 0; w < W; w++) out[w] = s[w];
          out[W] = q * k;
          emit(start, out);
          emitted++;
        }
        return emitted;
      }
      fromQ = Math.floor(word / k);
      counter = nextCounter(fromQ, word % k);
      emitOuter = emit;
      // The base system reads (and copies) exactly its own W words.
      for (let w = 0; w < W; w++) baseState[w] = s[w];
      faulted = false;
      outerFault = fault;
      const n = base.successors(baseState, onBase, onFault);
      if (n === 0 && !faulted) onBase(stutter, baseState);
      return emitted;
    },
    label(s: Int32Array, ap: AtomId): boolean {
      if (ap < baseAtoms) return base.label(s, ap);
      const word = s[W];
      if (word === START) return false;
      const q = Math.floor(word / k);
      if (ap === acceptingAtom) return automaton.acceptance.length === 0 || (word % k === 0 && inSet[0][q] === 1);
      return inSet[ap - baseAtoms - 1][q] === 1;
    },
    describe(s: Int32Array): StateView {
      return base.describe(s);
    },
    transitionInfo(t: TransitionId): TransitionInfo {
      if (t === stutter) return { name: '(stutter)', label: '(the run has ended: this state repeats forever)', kind: 'stutter' };
      if (t === start) return { name: '(start)', label: '(start)', kind: 'start' };
      return base.transitionInfo(t);
    },
  };
  return system;
}
