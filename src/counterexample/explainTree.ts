/**
 * Evidence (state indices, transition ids, loop start, sub-witnesses) →
 * Counterexample: path, lasso or tree, each state described by the system
 * and each step named by it. Steps of kind 'stutter' (a terminal state
 * repeating, in LTL) are kept: they show why the run is infinite.
 */
import type { StoredStates } from '../explore/exploration.js';
import type { Evidence } from '../logic/verdict.js';
import { diffViews, type StateView } from '../system/stateView.js';
import type { TransitionSystem } from '../system/transitionSystem.js';
import type { Counterexample, TraceState } from './counterexample.js';
import { traceStep } from './explainEvidence.js';

function views(system: TransitionSystem, store: StoredStates, states: readonly number[]): TraceState[] {
  const buf = new Int32Array(store.stateWords);
  let previous: StateView | undefined;
  return states.map((i) => {
    store.read(i, buf);
    const values = system.describe(buf);
    const state: TraceState = { values, changes: diffViews(previous, values) };
    previous = values;
    return state;
  });
}

export function evidenceCounterexample(system: TransitionSystem, store: StoredStates, e: Evidence, summary: string): Counterexample {
  const branches = e.branches.map((b) => ({ at: b.at, note: b.note, witness: evidenceCounterexample(system, store, b.evidence, b.note) }));
  const kind = branches.length > 0 ? 'tree' : e.loopStart !== undefined ? 'lasso' : 'path';
  return {
    kind,
    states: views(system, store, e.states),
    steps: e.transitions.map((t) => traceStep(system, t)),
    ...(e.loopStart !== undefined ? { loopStart: e.loopStart } : {}),
    summary,
    ...(branches.length > 0 ? { branches } : {}),
  };
}
