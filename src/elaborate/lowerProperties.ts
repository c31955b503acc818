/**
 * Property declarations → PropertyIR (and fairness assumptions →
 * FairnessIR), resolved in the model's scope once all of its transitions
 * exist. Names must be unique in a model; the expectation defaults to holds.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PropertyIR } from '../model/model.js';
import type { FairnessIR } from '../model/temporal.js';
import type { PropertyAst } from '../parse/ast.js';
import { atomHook, type ModelView } from './atoms.js';
import { lowerFairness } from './lowerFairness.js';
import { lowerFormula } from './lowerFormula.js';
import { BOOL, lowerExpr } from './lowerExpr.js';
import { lowerTemplate, templateName, type TemplateAst } from './lowerTemplates.js';

function ownName(p: Exclude<PropertyAst, { kind: 'fair' }>): string {
  switch (p.kind) {
    case 'deadlock_free':
      return 'deadlock_free';
    case 'invariant':
    case 'reachable':
    case 'ctl':
    case 'ltl':
      return p.name.name;
    default:
      return templateName(p);
  }
}

function isTemplate(p: PropertyAst): p is TemplateAst {
  return p.kind === 'conserves' || p.kind === 'exactly_once' || p.kind === 'at_most_once' || p.kind === 'terminates' || p.kind === 'compensation_complete';
}
import type { Scope } from './scope.js';

export interface PropertyContext {
  readonly scope: Scope;
  readonly text: string;
  readonly diags: Diagnostic[];
  readonly view: ModelView;
  /** Workflow instance the declarations belong to (system instances). */
  readonly instance?: string;
  readonly namePrefix?: string;
  readonly taken?: Map<string, PropertyAst>;
  /** The workflow's (step, compensation) pairs, for compensation_complete. */
  readonly compensations?: readonly { readonly step: string; readonly compensation: string }[];
}

export function lowerProperties(props: readonly PropertyAst[], c: PropertyContext): { properties: PropertyIR[]; fairness: FairnessIR[] } {
  const properties: PropertyIR[] = [];
  const fairness: FairnessIR[] = [];
  const taken = c.taken ?? new Map<string, PropertyAst>();
  const ctx = { scope: c.scope, diags: c.diags, apply: atomHook(c.view) };
  const source = (span: { start: number; end: number }) => c.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  for (const p of props) {
    if (p.kind === 'fair') {
      fairness.push(...lowerFairness(p, c.view, c.instance, c.diags));
      continue;
    }
    const own = ownName(p);
    const name = (c.namePrefix ?? '') + own;
    const nameSpan = 'name' in p ? p.name.span : p.span;
    const first = taken.get(name);
    if (first) {
      c.diags.push(error('WF202', `duplicate property '${name}'`, nameSpan, [{ message: 'first declared here', span: first.span }]));
      continue;
    }
    taken.set(name, p);
    const expect = p.expect ?? 'holds';
    switch (p.kind) {
      case 'deadlock_free':
        properties.push({ kind: 'deadlock_free', name, text: 'deadlock_free', expect, span: p.span });
        break;
      case 'invariant':
      case 'reachable': {
        const typed = lowerExpr(p.expr, ctx, BOOL);
        if (typed) properties.push({ kind: p.kind, name, expr: typed.expr, text: source(p.expr.span), expect, span: p.span });
        break;
      }
      case 'conserves':
      case 'exactly_once':
      case 'at_most_once':
      case 'terminates':
      case 'compensation_complete': {
        const lowered = lowerTemplate(p, name, { expr: ctx, initial: c.view.initial, compensations: c.compensations ?? [], diags: c.diags, source });
        if (lowered) properties.push(lowered);
        break;
      }
      case 'ctl':
      case 'ltl': {
        const text = p.sourceText ?? c.text;
        const formula = lowerFormula(p.formula, p.kind, ctx, c.view, text);
        const shown = text.slice(p.formula.span.start, p.formula.span.end).replace(/\s+/g, ' ').trim();
        if (formula) properties.push({ kind: p.kind, name, formula, text: shown, expect, span: p.span });
        break;
      }
    }
  }
  return { properties, fairness };
}
