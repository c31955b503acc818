/**
 * Conservation of an integer expression: `AG (expr == v)` where v is the
 * expression's value in the initial state. v is computed from the model IR
 * (the expression is elaborated in the model's scope, then evaluated on the
 * slots' initial values), and the formula is checked like any other.
 */
import { evaluate } from '../model/expr.js';
import type { CheckResult } from './checkResult.js';
import { checkFormulaText, freshPropertyName, type ModelCheckOptions } from './checkModel.js';
import type { LoadedSpec } from './loadedSpec.js';
import { loadSpecText } from './loadSpec.js';

/** The value of integer expression `expr` in the initial state; SpecError if it does not elaborate (or is not an integer). */
export function initialValue(spec: LoadedSpec, expr: string): number {
  const name = freshPropertyName(spec, 'conserved');
  // `<=` takes integers only, so a boolean or enum expression is a type error pointing at it.
  const extended = loadSpecText(spec.text, spec.file, { formulas: [{ name, text: `(${expr}) <= 0` }] });
  const property = extended.model.properties.find((p) => p.name === name);
  const atom = property?.kind === 'ltl' || property?.kind === 'ctl' ? property.formula : undefined;
  if (atom?.kind !== 'atom' || atom.expr.kind !== 'binary') throw new Error(`internal: '${expr}' did not elaborate to a comparison`);
  return evaluate(atom.expr.left, extended.model.slots.toArray().map((s) => s.initial));
}

/** The formula toConserve checks: `AG ((expr) == v)`. */
export function conservationFormula(spec: LoadedSpec, expr: string): string {
  return `AG ((${expr.trim()}) == ${initialValue(spec, expr)})`;
}

/** Checks that `expr` keeps its initial value in every reachable state. */
export function checkConservation(spec: LoadedSpec, expr: string, options: ModelCheckOptions = {}): CheckResult {
  const result = checkFormulaText(spec, conservationFormula(spec, expr), options);
  return { ...result, name: `conserves ${expr.trim()}` };
}
