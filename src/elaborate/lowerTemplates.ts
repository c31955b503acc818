/**
 * Property templates, each lowered to an ordinary invariant or CTL property
 * (no special checking code), with the meaning the README states:
 * - conserves N: e          e keeps its initial value in every reachable state
 * - at_most_once A          A's effect lands at most once (per instance)
 * - exactly_once A          at most once, and exactly once when the workflow completes
 * - terminates              AF terminated (under the declared fairness)
 * - compensation_complete   when the workflow has failed, every step that completed and has a
 *                           compensation (its `compensated by C`, or a `A compensate C` call)
 *                           has had that compensation complete, in reverse completion order:
 *                           when B completed after A, B's compensation completed before A's
 *                           (history flags per ordered pair, see OrderPair)
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { and, binary, constant, evaluate, not, slotRef, type Expr } from '../model/expr.js';
import type { PropertyIR } from '../model/model.js';
import type { PropertyAst } from '../parse/ast.js';
import { lowerExpr, type ExprContext } from './lowerExpr.js';
import type { ActivityTracking } from './workflowContext.js';

export type TemplateAst = PropertyAst & { kind: 'conserves' | 'exactly_once' | 'at_most_once' | 'terminates' | 'compensation_complete' };

export interface TemplateContext {
  readonly expr: ExprContext;
  /** Initial value of every slot. */
  readonly initial: readonly number[];
  /** (step, compensation) pairs of the workflow, for compensation_complete. */
  readonly compensations: readonly { readonly step: string; readonly compensation: string }[];
  readonly diags: Diagnostic[];
  readonly source: (span: { start: number; end: number }) => string;
}

function tracking(c: TemplateContext, activity: { name: string; span: PropertyAst['span'] }): ActivityTracking | undefined {
  const b = c.expr.scope.lookup(activity.name);
  if (b?.kind !== 'activity') {
    c.diags.push(error('WF208', `'${activity.name}' is not an activity`, activity.span));
    return undefined;
  }
  return b.tracking;
}

/** The template's name in reports (declared names for conserves, otherwise derived). */
export function templateName(p: TemplateAst): string {
  switch (p.kind) {
    case 'conserves':
      return p.name.name;
    case 'exactly_once':
    case 'at_most_once':
      return `${p.kind}(${p.activity.name})`;
    default:
      return p.kind;
  }
}

export function lowerTemplate(p: TemplateAst, name: string, c: TemplateContext): PropertyIR | undefined {
  const expect = p.expect ?? 'holds';
  const span = p.span;
  switch (p.kind) {
    case 'conserves': {
      const typed = lowerExpr(p.expr, c.expr, { kind: 'int', lo: 0, hi: 0 });
      if (!typed) return undefined;
      const v = evaluate(typed.expr, c.initial);
      return { kind: 'invariant', name, expr: binary('==', typed.expr, constant(v)), text: `${c.source(p.expr.span)} == ${v}`, expect, span, template: p.kind };
    }
    case 'at_most_once':
    case 'exactly_once': {
      const t = tracking(c, { name: p.activity.name, span: p.activity.span });
      if (!t || t.count === undefined) return undefined;
      const count = slotRef(t.count);
      const atMost = binary('<=', count, constant(1));
      if (p.kind === 'at_most_once') return { kind: 'invariant', name, expr: atMost, text: `count(${p.activity.name}) <= 1`, expect, span, template: p.kind };
      const completed = c.expr.scope.lookup('completed');
      if (completed?.kind !== 'derived') {
        c.diags.push(error('WF302', 'exactly_once needs a workflow (it speaks of completed runs)', span));
        return undefined;
      }
      const once: Expr = and(atMost, binary('->', completed.expr, binary('==', count, constant(1))));
      return { kind: 'invariant', name, expr: once, text: `count(${p.activity.name}) <= 1 && (completed -> count(${p.activity.name}) == 1)`, expect, span, template: p.kind };
    }
    case 'terminates': {
      const terminated = c.expr.scope.lookup('terminated');
      if (terminated?.kind !== 'derived') {
        c.diags.push(error('WF302', 'terminates needs a model with an end (a workflow, system or machine with final states)', span));
        return undefined;
      }
      return { kind: 'ctl', name, formula: { kind: 'AF', arg: { kind: 'atom', expr: terminated.expr, text: 'terminated' } }, text: 'AF terminated', expect, span, template: p.kind };
    }
    case 'compensation_complete': {
      const failed = c.expr.scope.lookup('failed');
      if (failed?.kind !== 'derived') {
        c.diags.push(error('WF302', 'compensation_complete needs a workflow', span));
        return undefined;
      }
      const parts: Expr[] = [];
      const texts: string[] = [];
      for (const { step, compensation } of c.compensations) {
        const done = c.expr.scope.lookup(step);
        const comp = c.expr.scope.lookup(compensation);
        if (done?.kind !== 'activity' || comp?.kind !== 'activity' || done.tracking?.done === undefined || comp.tracking?.compensated === undefined) continue;
        parts.push(binary('->', slotRef(done.tracking.done), slotRef(comp.tracking.compensated)));
        texts.push(`(done(${step}) -> compensated(${compensation}))`);
        for (const pair of done.tracking.order ?? []) {
          if (pair.firstCompensation !== compensation) continue;
          parts.push(not(slotRef(pair.inverted)));
          texts.push(`(${pair.second} after ${step} -> ${pair.secondCompensation} before ${compensation})`);
        }
      }
      const all = and(...parts);
      return { kind: 'invariant', name, expr: binary('->', failed.expr, all), text: `failed -> ${texts.join(' && ') || 'true'}`, expect, span, template: p.kind };
    }
  }
}

