/**
 * The `sound` property for any model: what "finished", "finished
 * improperly" and "a step" mean for it, and the report with its evidence.
 * A P/T net (DSL or PNML) must first be a workflow net; it is then checked
 * from one token in its source place against the final marking [o]. A
 * workflow, machine or system is sound when from every reachable state a
 * terminal state is reachable and no call site (or edge) is dead.
 */
import type { PropertyReport } from '../api/checkReport.js';
import { exploreLimits, type CheckOptions, type LoadedSpec } from '../api/loadedSpec.js';
import { compileModel, type CompiledModel } from '../compile/compileModel.js';
import type { Counterexample } from '../counterexample/counterexample.js';
import { pathCounterexample } from '../counterexample/explainEvidence.js';
import { formatLocation } from '../diagnostics/codeFrame.js';
import { explore } from '../explore/explore.js';
import type { Exploration } from '../explore/exploration.js';
import { checkSoundness, type SoundnessQuestion, type SoundnessStep } from '../logic/templates/soundness.js';
import { notWorkflowNetMessage, workflowNetShape, type NetStructure } from '../logic/templates/workflowNetStructure.js';
import { and, binary, constant, not, slotRef, type Expr } from '../model/expr.js';
import type { Model } from '../model/model.js';
import { diffViews } from '../system/stateView.js';
import type { TransitionSystem } from '../system/transitionSystem.js';
import { tokenSum } from './netAtoms.js';

export const SOUND_PROPERTY = 'sound';

/** How soundness is checked on a model, or why it cannot be. */
export type SoundnessSetup =
  | {
      readonly ok: true;
      /** The model to explore (a net starts with one token in its source place). */
      readonly model: Model;
      /** The same change for another reading of the model (a PNML net re-read with wider places). */
      prepare(model: Model): Model;
      /** A net's final marking [o] (what a PNML workflow net's terminal states are). */
      readonly final?: Expr;
      readonly formula: string;
      /** What "finished" means, for the summary of a stuck trace. */
      readonly finishedText: string;
      /** Compiles the question's atoms into the explored system. */
      question(system: CompiledModel): SoundnessQuestion;
    }
  | { readonly ok: false; readonly formula: string; readonly message: string };

export function netStructure(model: Model): { net: NetStructure; slots: number[] } {
  const slots = model.slots.toArray().flatMap((s, i) => (s.role === 'place' ? [i] : []));
  const index = new Map(slots.map((slot, p) => [slot, p]));
  const places = (arcs: readonly { slot: number }[]) => arcs.flatMap((a) => (index.has(a.slot) ? [index.get(a.slot)!] : []));
  const net: NetStructure = {
    places: slots.map((slot) => model.slots.get(slot)!.name),
    transitions: model.transitions.toArray().map((t) => ({ name: t.name, pre: places(t.pre), post: places(t.post) })),
  };
  return { net, slots };
}

/** Exactly one token in `sink`, none elsewhere: the final marking [o]. */
export function finalMarking(model: Model, sink: number): Expr {
  const others = model.slots.toArray().flatMap((s, i) => (s.role === 'place' && i !== sink ? [i] : []));
  return and(binary('==', slotRef(sink), constant(1)), binary('==', tokenSum(others), constant(0)));
}

function netSetup(model: Model): SoundnessSetup {
  const { net, slots } = netStructure(model);
  const shape = workflowNetShape(net);
  const generic = 'sound: option to complete, proper completion, no dead transitions';
  if (!shape.ok) return { ok: false, formula: generic, message: notWorkflowNetMessage(shape) };
  const source = slots[shape.source];
  const sink = slots[shape.sink];
  const [i, o] = [net.places[shape.source], net.places[shape.sink]];
  const prepare = (m: Model): Model => m.set('slots', m.slots.map((s, k) => (s.role === 'place' ? s.set('initial', k === source ? 1 : 0) : s)));
  const final = finalMarking(model, sink);
  return {
    ok: true,
    model: prepare(model),
    prepare,
    final,
    formula: `${generic} (from one token in '${i}' to one token in '${o}')`,
    finishedText: `the final marking (one token in '${o}', nothing else)`,
    question: (system) => ({
      finalAtom: system.addAtom({ name: 'final marking', text: `[${o}]`, expr: final }),
      improperAtom: system.addAtom({ name: 'improper completion', text: `${o} > 0 && not [${o}]`, expr: and(binary('>=', slotRef(sink), constant(1)), not(final)) }),
      steps: net.transitions.map((t, k) => ({ name: t.name, transitions: [k] })),
    }),
  };
}

/**
 * A workflow's steps are its call sites and statements: the transitions
 * sharing one source span, whatever their outcome. The bookkeeping that
 * ends a workflow (completed / failed) is not a step of its own.
 */
function workflowSetup(model: Model, sources: ReadonlyMap<string, string>): SoundnessSetup {
  const groups = new Map<string, { name: string; transitions: number[] }>();
  model.transitions.forEach((t, k) => {
    if (t.kind === 'end') return;
    const key = `${t.origin.file}:${t.origin.start}:${t.origin.end}`;
    const group = groups.get(key) ?? { name: `${t.label} (${formatLocation(t.origin, sources)})`, transitions: [] };
    group.transitions.push(k);
    groups.set(key, group);
  });
  const steps: SoundnessStep[] = [...groups.values()];
  return {
    ok: true,
    model,
    prepare: (m) => m,
    formula: 'sound: from every reachable state a terminal state is reachable, and no step is dead',
    finishedText: 'a terminal state',
    question: (system) => ({ finalAtom: system.terminalAtom, steps }),
  };
}

export function soundnessSetup(model: Model, sources: ReadonlyMap<string, string>): SoundnessSetup {
  return model.kind === 'net' ? netSetup(model) : workflowSetup(model, sources);
}

/** The `sound` report from an exploration (with edges) of `setup.model`. */
export function soundnessReport(setup: SoundnessSetup, system: CompiledModel, x: Exploration, question: SoundnessQuestion): PropertyReport {
  const common = { name: SOUND_PROPERTY, kind: SOUND_PROPERTY, formula: setup.formula, states: x.states, seconds: x.seconds };
  if (!setup.ok) return notWorkflowNetReport(setup, system, common.states, common.seconds);
  const v = checkSoundness(system, x, question);
  switch (v.result) {
    case 'holds':
      return { ...common, result: 'holds' };
    case 'unknown':
      return { ...common, result: 'unknown', reason: v.reason };
    case 'violated': {
      // The trace leads to the improper marking when there is one (it shows how the extra tokens come about), else to a stuck state.
      const target = v.improper ?? v.stuck;
      const parts: string[] = [];
      if (v.improper !== undefined) parts.push('improper completion: the last marking of this trace marks the sink while other tokens remain');
      if (v.stuck !== undefined) {
        const where = v.stuck === 0 ? 'the initial state' : v.stuck === target ? 'the last state of this trace' : 'a state reached otherwise';
        parts.push(`no option to complete: from ${where} ${setup.finishedText} can no longer be reached`);
      }
      if (v.dead.length > 0) parts.push(`dead (never possible): ${v.dead.map((d) => `'${d}'`).join(', ')}`);
      const summary = `not sound: ${parts.join('; ')}`;
      const counterexample = target === undefined ? initialStateEvidence(system, summary) : pathCounterexample(system, x.store, target, summary);
      return { ...common, result: 'violated', counterexample };
    }
  }
}

/** A violation whose evidence is a statement about the initial state (not a WF-net, a dead step): a trace of no steps. */
export function initialStateEvidence(system: TransitionSystem, summary: string): Counterexample {
  const s = new Int32Array(system.layout.stateWords);
  system.initial(s);
  const values = system.describe(s);
  return { kind: 'path', states: [{ values, changes: diffViews(undefined, values) }], steps: [], summary };
}

/** `sound` for a net that is not a workflow net: violated, the evidence says what is wrong with its structure. */
export function notWorkflowNetReport(setup: { formula: string; message: string }, system: TransitionSystem, states = 0, seconds = 0): PropertyReport {
  const counterexample = initialStateEvidence(system, setup.message);
  return { name: SOUND_PROPERTY, kind: SOUND_PROPERTY, formula: setup.formula, result: 'violated', counterexample, states, seconds };
}

/** `sound` for a spec on its own: one exploration with edges (DSL models; PNML nets go through checkPnml). */
export function checkSoundProperty(spec: LoadedSpec, options: CheckOptions = {}): PropertyReport {
  const setup = soundnessSetup(spec.model, new Map([[spec.file, spec.text]]));
  if (!setup.ok) return notWorkflowNetReport(setup, spec.system);
  const system = setup.model === spec.model ? spec.system : compileModel(setup.model);
  const question = setup.question(system);
  const x = explore(system, {
    storeEdges: true,
    ...exploreLimits(options),
  });
  return soundnessReport(setup, system, x, question);
}
