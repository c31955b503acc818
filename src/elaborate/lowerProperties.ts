/**
 * Property declarations → PropertyIR, resolved in the model's scope.
 * Names must be unique in a model; the expectation defaults to `holds`.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PropertyIR } from '../model/model.js';
import type { PropertyAst } from '../parse/ast.js';
import { BOOL, lowerExpr } from './lowerExpr.js';
import type { Scope } from './scope.js';

export function lowerProperties(
  props: readonly PropertyAst[],
  scope: Scope,
  text: string,
  diags: Diagnostic[],
  namePrefix = '',
  taken: Map<string, PropertyAst> = new Map(),
): PropertyIR[] {
  const out: PropertyIR[] = [];
  for (const p of props) {
    const name = namePrefix + (p.kind === 'deadlock_free' ? 'deadlock_free' : p.name.name);
    const nameSpan = p.kind === 'deadlock_free' ? p.span : p.name.span;
    const first = taken.get(name);
    if (first) {
      diags.push(error('WF202', `duplicate property '${name}'`, nameSpan, [{ message: 'first declared here', span: first.span }]));
      continue;
    }
    taken.set(name, p);
    const expect = p.expect ?? 'holds';
    if (p.kind === 'deadlock_free') {
      out.push({ kind: 'deadlock_free', name, text: 'deadlock_free', expect, span: p.span });
      continue;
    }
    const typed = lowerExpr(p.expr, { scope, diags }, BOOL);
    if (!typed) continue;
    const exprText = text.slice(p.expr.span.start, p.expr.span.end).replace(/\s+/g, ' ').trim();
    out.push({ kind: p.kind, name, expr: typed.expr, text: exprText, expect, span: p.span });
  }
  return out;
}
