/**
 * Atomic propositions beyond data expressions (DESIGN.md §2): done(A),
 * failed(A), count(A), compensated(A), cancelled(A) over an activity's history slots;
 * in(S) for machine states; tokens(p) for places; enabled(t) for
 * transitions; and `deadlock`. Also the pre-scan that tells the workflow
 * lowering which history slots a spec's properties need.
 */
import { error } from '../diagnostics/diagnostic.js';
import { and, binary, constant, not, or, slotRef, type Expr } from '../model/expr.js';
import type { NetTransitionProps } from '../model/model.js';
import type { ExprAst, FormulaAst, PropertyAst, StmtAst, WorkflowAst } from '../parse/ast.js';
import { BOOL, INT, type ApplyHook } from './lowerExpr.js';
import type { Binding, Scope } from './scope.js';

export const HISTORY_ATOMS = ['done', 'failed', 'count', 'compensated', 'cancelled'] as const;
export type HistoryAtom = (typeof HISTORY_ATOMS)[number];
/** Marker in historyAtomsUsed's set: compensation_complete needs the completion-order history. */
export const COMPENSATION_ORDER = 'order:compensations';

/** What the properties of a model can see of its transitions. */
export interface ModelView {
  readonly transitions: readonly NetTransitionProps[];
  readonly terminal: Expr;
  /** Initial value of every slot (for templates such as conserves). */
  readonly initial: readonly number[];
}

function argName(a: ExprAst | undefined): { name: string; scope?: string } | undefined {
  if (a?.kind === 'name') return { name: a.name };
  if (a?.kind === 'qualified') return { name: a.member.name, scope: a.scope.name };
  return undefined;
}

/** A workflow's steps and their compensations: `compensated by C` options and `A compensate C` calls. */
export function compensationPairs(wf: WorkflowAst): { step: string; compensation: string }[] {
  const pairs = new Map<string, { step: string; compensation: string }>();
  const add = (step: string, compensation: string) => pairs.set(`${step}>${compensation}`, { step, compensation });
  for (const a of wf.activities) for (const o of a.options) if (o.kind === 'compensatedBy') add(a.name.name, o.compensation.name);
  const visit = (s: StmtAst): void => {
    if (s.kind === 'call' && s.compensation) add(s.activity.name, s.compensation.name);
    const nested: (readonly StmtAst[])[] = [];
    if (s.kind === 'call' && s.handler?.kind === 'block') nested.push(s.handler.body);
    if (s.kind === 'if') nested.push(s.then, s.else);
    if (s.kind === 'while' || s.kind === 'repeat' || s.kind === 'block') nested.push(s.body);
    if (s.kind === 'either') nested.push(...s.branches);
    if (s.kind === 'parallel') {
      nested.push(s.branches);
      if (s.handler?.kind === 'block') nested.push(s.handler.body);
    }
    if (s.kind === 'race') for (const arm of s.arms) nested.push(arm.body, ...(arm.kind === 'activity' && arm.handler?.kind === 'block' ? [arm.handler.body] : []));
    nested.forEach((list) => list.forEach(visit));
  };
  (wf.main?.body ?? []).forEach(visit);
  return [...pairs.values()];
}

/** `fn:activity` pairs of history atoms used anywhere in these properties (templates included). */
export function historyAtomsUsed(props: readonly PropertyAst[], pairs: readonly { step: string; compensation: string }[] = []): Set<string> {
  const used = new Set<string>();
  for (const p of props) {
    if (p.kind === 'exactly_once' || p.kind === 'at_most_once') used.add(`count:${p.activity.name}`);
    if (p.kind === 'compensation_complete') {
      for (const { step, compensation } of pairs) {
        used.add(`done:${step}`);
        used.add(`compensated:${compensation}`);
      }
      used.add(COMPENSATION_ORDER);
    }
  }
  const expr = (e: ExprAst): void => {
    switch (e.kind) {
      case 'apply': {
        const arg = argName(e.args[0]);
        if ((HISTORY_ATOMS as readonly string[]).includes(e.fn.name) && arg) used.add(`${e.fn.name}:${arg.name}`);
        e.args.forEach(expr);
        break;
      }
      case 'unary':
        expr(e.arg);
        break;
      case 'binary':
        expr(e.left);
        expr(e.right);
        break;
      default:
        break;
    }
  };
  const formula = (f: FormulaAst): void => {
    if (f.kind === 'atom') expr(f.expr);
    else if (f.kind === 'deadlock') return;
    else if ('arg' in f) formula(f.arg);
    else if ('path' in f) formula(f.path);
    else {
      formula(f.left);
      formula(f.right);
    }
  };
  for (const p of props) {
    if (p.kind === 'invariant' || p.kind === 'reachable') expr(p.expr);
    if (p.kind === 'ctl' || p.kind === 'ltl') formula(p.formula);
  }
  return used;
}

export function enabledExpr(t: NetTransitionProps): Expr {
  return and(...t.pre.map((a) => binary('>=', slotRef(a.slot), constant(a.weight))), t.guard ?? constant(1));
}

export function deadlockExpr(view: ModelView): Expr {
  return and(not(or(...view.transitions.map(enabledExpr))), not(view.terminal));
}

function resolveArg(ast: ExprAst & { kind: 'apply' }, scope: Scope): Binding | undefined {
  const arg = argName(ast.args[0]);
  if (!arg) return undefined;
  if (!arg.scope) return scope.lookup(arg.name);
  const inst = scope.lookup(arg.scope);
  return inst?.kind === 'scope' ? inst.scope.lookupLocal(arg.name) : undefined;
}

export function atomHook(view: ModelView): ApplyHook {
  return (ast, scope, diags) => {
    const fn = ast.fn.name;
    const known = (HISTORY_ATOMS as readonly string[]).includes(fn) || fn === 'in' || fn === 'tokens' || fn === 'enabled';
    if (!known) return undefined;
    if (ast.args.length !== 1 || !argName(ast.args[0])) {
      diags.push(error('WF203', `${fn}(…) takes one name`, ast.span));
      return 'unknown';
    }
    const b = resolveArg(ast, scope);
    const argText = ast.args[0].kind === 'name' ? ast.args[0].name : `${argName(ast.args[0])!.scope}.${argName(ast.args[0])!.name}`;
    if ((HISTORY_ATOMS as readonly string[]).includes(fn)) {
      if (b?.kind !== 'activity') {
        diags.push(error('WF208', `${fn}(…) takes an activity; '${argText}' is not one`, ast.args[0].span));
        return 'unknown';
      }
      const slot = b.tracking?.[fn as HistoryAtom];
      if (slot === undefined) {
        diags.push(error('WF302', `${fn}(${argText}) is not available here`, ast.span));
        return 'unknown';
      }
      return { expr: slotRef(slot), type: fn === 'count' ? INT : BOOL };
    }
    if (fn === 'tokens') {
      if (b?.kind !== 'slot') {
        diags.push(error('WF208', `tokens(…) takes a place; '${argText}' is not one`, ast.args[0].span));
        return 'unknown';
      }
      return { expr: slotRef(b.slot), type: INT };
    }
    if (fn === 'in') {
      const state = scope.lookup('state');
      if (b?.kind !== 'enumValue' || state?.kind !== 'slot' || b.type.name !== 'state') {
        diags.push(error('WF208', `in(…) takes a state of the machine; '${argText}' is not one`, ast.args[0].span));
        return 'unknown';
      }
      return { expr: binary('==', slotRef(state.slot), constant(b.index)), type: BOOL };
    }
    // enabled(t): by transition name, machine event or activity label.
    const matching = view.transitions.filter((t) => t.name === argText || t.label === argText);
    if (matching.length === 0) {
      diags.push(error('WF201', `enabled(…): no transition, event or activity named '${argText}'`, ast.args[0].span));
      return 'unknown';
    }
    return { expr: or(...matching.map(enabledExpr)), type: BOOL };
  };
}
