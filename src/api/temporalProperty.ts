/**
 * ctl/ltl properties of a spec: the IR formula's atoms compiled into the
 * system, the spec's fairness assumptions as transition masks, the logic
 * layer's verdict turned into a PropertyReport with readable evidence.
 */
import { evidenceCounterexample } from '../counterexample/explainTree.js';
import type { Exploration } from '../explore/exploration.js';
import { checkFormula } from '../logic/checkFormula.js';
import type { FairnessConstraint } from '../logic/fairness.js';
import type { Formula } from '../logic/formula.js';
import type { Model, TemporalPropertyIR } from '../model/model.js';
import type { TemporalFormula } from '../model/temporal.js';
import type { CompiledModel } from '../compile/compileModel.js';
import type { PropertyReport } from './checkReport.js';
import { exploreLimits, type CheckOptions, type LoadedSpec } from './loadedSpec.js';

/** Longest counterexample turned into named states (an LTL lasso from nested DFS can be huge). */
export const MAX_TRACE_STATES = 10_000;

export function toLogicFormula(f: TemporalFormula, system: CompiledModel): Formula {
  const go = (g: TemporalFormula): Formula => {
    switch (g.kind) {
      case 'atom':
        return { kind: 'atom', atom: system.addAtom({ name: g.text, text: g.text, expr: g.expr }) };
      case 'A':
      case 'E':
        return { kind: g.kind, path: go(g.path) };
      case 'not':
      case 'EX':
      case 'AX':
      case 'EF':
      case 'AF':
      case 'EG':
      case 'AG':
      case 'X':
      case 'F':
      case 'G':
        return { kind: g.kind, arg: go(g.arg) };
      default:
        return { kind: g.kind, left: go(g.left), right: go(g.right) };
    }
  };
  return go(f);
}

export function fairnessConstraints(model: Model): FairnessConstraint[] {
  const n = model.transitions.size;
  return model.fairness.toArray().map((f) => {
    const membership = new Uint8Array(n + 2);
    for (const t of f.transitions) membership[t] = 1;
    return { kind: f.strength, name: f.name, membership };
  });
}

export function checkTemporal(spec: LoadedSpec, p: TemporalPropertyIR, options: CheckOptions, shared: Exploration | undefined): PropertyReport {
  const started = performance.now();
  const fairness = fairnessConstraints(spec.model);
  const limits = exploreLimits(options);
  const formula = toLogicFormula(p.formula, spec.system);
  const r = checkFormula(spec.system, formula, { fairness, limits, ...(shared ? { exploration: shared } : {}) });
  const common = { name: p.name, kind: (p.kind === 'ctl' ? p.template : undefined) ?? p.kind, formula: p.text, expected: p.expect, states: r.states, seconds: (performance.now() - started) / 1000 };
  const v = r.verdict;
  switch (v.result) {
    case 'holds':
      return { ...common, result: 'holds' };
    case 'unknown':
      return {
        ...common,
        result: 'unknown',
        reason: v.reason === 'fault' ? 'a value left its declared range (see in_range), so the states beyond it were not explored' : `exploration stopped early (${v.reason}) after ${r.states} states`,
      };
    case 'violated': {
      const summary = `${p.kind} ${p.name} is false: ${p.text}${fairness.length > 0 ? ` (under ${fairness.map((f) => f.name).join(', ')})` : ''}`;
      // A nested-DFS lasso can run through millions of states; naming each one would exhaust memory.
      const shown = v.evidence && v.evidence.states.length > 0 && v.evidence.states.length <= MAX_TRACE_STATES;
      const counterexample = shown && r.evidenceStore ? evidenceCounterexample(r.evidenceSystem, r.evidenceStore, v.evidence!, summary) : undefined;
      const reason = v.evidence && !shown && v.evidence.states.length > MAX_TRACE_STATES ? { reason: `the counterexample has ${v.evidence.states.length} states, too long to show` } : {};
      return { ...common, result: 'violated', ...reason, ...(counterexample ? { counterexample } : {}) };
    }
  }
}
