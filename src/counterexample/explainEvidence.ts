/**
 * Turns integer evidence (a stored state index, optionally a range fault)
 * into a Counterexample users can read: the path from the initial state,
 * each state as named values with what changed, each step as spec names.
 */
import type { Fault, StoredStates } from '../explore/exploration.js';
import { diffViews } from '../system/stateView.js';
import type { StateView } from '../system/stateView.js';
import type { TransitionId, TransitionSystem } from '../system/transitionSystem.js';
import type { Counterexample, TraceState, TraceStep } from './counterexample.js';

/** The step a transition id stands for, copying only the fields the system gave. */
export function traceStep(system: TransitionSystem, t: TransitionId): TraceStep {
  const info = system.transitionInfo(t);
  return {
    transition: info.name,
    label: info.label,
    ...(info.kind !== undefined ? { kind: info.kind } : {}),
    ...(info.outcome !== undefined ? { outcome: info.outcome } : {}),
    ...(info.instance !== undefined ? { instance: info.instance } : {}),
    ...(info.span !== undefined ? { span: info.span } : {}),
  };
}

/**
 * The search-tree path to `target` (shortest when the store came from BFS).
 * With `fault` (which must have happened at `target`), the trace ends with
 * the faulting step and its message; no state follows it.
 */
export function pathCounterexample(
  system: TransitionSystem,
  store: StoredStates,
  target: number,
  summary: string,
  fault?: Fault,
): Counterexample {
  if (fault !== undefined && fault.state !== target) {
    throw new Error(`internal: fault at state ${fault.state} explained on a path to ${target}`);
  }
  const path = store.pathTo(target);
  const s = new Int32Array(store.stateWords);
  const states: TraceState[] = [];
  let previous: StateView | undefined;
  for (const index of path.states) {
    store.read(index, s);
    const values = system.describe(s);
    states.push({ values, changes: diffViews(previous, values) });
    previous = values;
  }
  return {
    kind: 'path',
    states,
    steps: path.transitions.map((t) => traceStep(system, t)),
    summary,
    ...(fault !== undefined ? { fault: { step: traceStep(system, fault.transition), message: fault.message } } : {}),
  };
}
