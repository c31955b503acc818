/**
 * The checker checks its own evidence: a counterexample from checkSpec is
 * replayed from `system.initial` by re-running `successors` and following
 * the recorded transition names, each state must match the trace, and the
 * last state must really be bad (judged on the IR, not the compiled code).
 */
import { is } from 'immutable';
import { expect } from 'vitest';
import type { PropertyReport } from '../../src/api/checkReport.js';
import { RANGE_PROPERTY } from '../../src/api/checkSpec.js';
import type { LoadedSpec } from '../../src/api/loadedSpec.js';
import type { Counterexample } from '../../src/counterexample/counterexample.js';
import { evaluate } from '../../src/model/expr.js';
import { unpack } from '../../src/system/stateLayout.js';

function transitionIds(spec: LoadedSpec): Map<string, number> {
  const ids = new Map<string, number>();
  for (let t = 0; t < spec.system.transitionCount; t++) ids.set(spec.system.transitionInfo(t).name, t);
  return ids;
}

/** Follows the trace's steps; returns the packed last state. */
function replaySteps(spec: LoadedSpec, cex: Counterexample): Int32Array {
  const { system } = spec;
  const ids = transitionIds(spec);
  expect(cex.states.length).toBe(cex.steps.length + 1);
  let s: Int32Array = new Int32Array(system.layout.stateWords);
  system.initial(s);
  expect(is(system.describe(s), cex.states[0].values)).toBe(true);
  cex.steps.forEach((step, k) => {
    const id = ids.get(step.transition);
    expect(id, `step ${k} names an unknown transition ${step.transition}`).toBeDefined();
    let next: Int32Array | undefined;
    system.successors(s, (t, succ) => {
      if (t === id) {
        expect(next, `transition ${step.transition} emitted twice`).toBeUndefined();
        next = Int32Array.from(succ);
      }
    });
    expect(next, `step ${k} (${step.transition}) is not enabled where the trace takes it`).toBeDefined();
    s = next!;
    expect(is(system.describe(s), cex.states[k + 1].values), `state ${k + 1} differs from the replay`).toBe(true);
  });
  return s;
}

/** Replays `report`'s counterexample and checks that its last state violates the property. */
export function replayCounterexample(spec: LoadedSpec, report: PropertyReport): void {
  const cex = report.counterexample;
  expect(cex, `${report.name} is violated but has no counterexample`).toBeDefined();
  const last = replaySteps(spec, cex!);
  const values = unpack(spec.system.layout, last);
  const { system, model } = spec;

  if (report.name === RANGE_PROPERTY) {
    expect(cex!.fault).toBeDefined();
    const fault = cex!.fault!;
    const messages: string[] = [];
    system.successors(last, () => undefined, (t, message) => {
      if (system.transitionInfo(t).name === fault.step.transition) messages.push(message);
    });
    expect(messages).toContain(fault.message);
    return;
  }
  expect(cex!.fault).toBeUndefined();
  const p = model.properties.find((q) => q.name === report.name);
  expect(p, `no property ${report.name} in the model`).toBeDefined();
  switch (p!.kind) {
    case 'invariant':
      expect(evaluate(p!.expr, values), `the last state satisfies ${p!.name}: ${p!.text}`).toBe(0);
      break;
    case 'deadlock_free': {
      let moves = 0;
      let faults = 0;
      system.successors(last, () => moves++, () => faults++);
      expect({ moves, faults, terminal: evaluate(model.terminal, values) }).toEqual({ moves: 0, faults: 0, terminal: 0 });
      break;
    }
    default:
      // Reachability has witnesses, not counterexamples; temporal properties are checked elsewhere.
      throw new Error(`${p!.kind} ${p!.name}: not a property whose counterexample is replayed here`);
  }
}
