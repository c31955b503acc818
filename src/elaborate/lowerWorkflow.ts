/**
 * One workflow instance → places and transitions in a NetBuilder: its
 * variables, activities, the main thread, the saga stack and the status
 * slot (`workflow` ∈ running | compensating | completed | failed).
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { and, binary, constant, slotRef, type Expr } from '../model/expr.js';
import type { ActivityDeclAst, ActivityOptionAst, StmtAst, VarDeclAst, WorkflowAst } from '../parse/ast.js';
import { createSagaStack, lowerUnwind } from './compensation.js';
import { declareVar } from './declarations.js';
import { lowerEffect } from './lowerEffect.js';
import { BOOL } from './lowerExpr.js';
import { StatementLowering } from './lowerStatements.js';
import type { NetBuilder } from './netBuilder.js';
import { Scope } from './scope.js';
import { compensationPairs, COMPENSATION_ORDER, HISTORY_ATOMS } from './atoms.js';
import { COMPENSATING, COMPLETED, COUNT_LIMIT, FAILED, InstanceLowering, RUNNING, STATUS_VALUES, type ActivityInfo, type ActivityTracking, type OrderPair, type ThreadCtx } from './workflowContext.js';

export interface InstanceResult {
  readonly scope: Scope;
  readonly status: number;
  /** The instance has ended (completed or failed). */
  readonly terminal: Expr;
}

export interface InstanceOptions {
  readonly prefix: string;
  readonly instance?: string;
  /** System scope: shared variables already declared there. */
  readonly parent?: Scope;
  /** History atoms the spec's properties use, as `fn:activity` (see atoms.ts). */
  readonly history?: ReadonlySet<string>;
}

const OPTION_TEXT: Record<ActivityOptionAst['kind'], string> = {
  mayFail: 'may fail',
  failAfterEffect: 'may fail after effect',
  idempotent: 'idempotent',
  disconnected: 'disconnected',
  retry: 'retry',
  compensatedBy: 'compensated by',
};

function activityInfo(ast: ActivityDeclAst, scope: Scope, diags: Diagnostic[]): ActivityInfo {
  let mayFail = false;
  let failAfterEffect = false;
  let idempotent = false;
  let disconnected = false;
  let retry: number | 'forever' = 0;
  const seen = new Set<string>();
  for (const o of ast.options) {
    const key = o.kind;
    if (seen.has(key)) diags.push(error('WF202', `option '${OPTION_TEXT[key]}' given twice`, o.span));
    seen.add(key);
    if (o.kind === 'mayFail') mayFail = true;
    if (o.kind === 'failAfterEffect') failAfterEffect = true;
    if (o.kind === 'idempotent') idempotent = true;
    if (o.kind === 'disconnected') disconnected = true;
    if (o.kind === 'retry') retry = o.count;
  }
  const effects = lowerEffect(ast.effect, { scope, diags });
  return { name: ast.name.name, ast, mayFail: mayFail || failAfterEffect, failAfterEffect, idempotent, disconnected, retry, effects: effects.length > 0 ? effects : [new Map()] };
}

function countCompensations(stmts: readonly StmtAst[]): number {
  let n = 0;
  const visit = (s: StmtAst): void => {
    switch (s.kind) {
      case 'register':
        n++;
        break;
      case 'call':
        if (s.compensation) n++;
        if (s.handler?.kind === 'block') s.handler.body.forEach(visit);
        break;
      case 'if':
        s.then.forEach(visit);
        s.else.forEach(visit);
        break;
      case 'while':
      case 'repeat':
      case 'block':
        s.body.forEach(visit);
        break;
      case 'either':
        s.branches.forEach((b) => b.forEach(visit));
        break;
      case 'parallel': {
        s.branches.forEach(visit);
        // ordered_continue lowers a handler block once per branch (each continues at its own await).
        const copies = s.join?.name === 'ordered_continue' ? Math.max(1, s.branches.length) : 1;
        if (s.handler?.kind === 'block') for (let k = 0; k < copies; k++) s.handler.body.forEach(visit);
        break;
      }
      case 'race':
        for (const arm of s.arms) {
          arm.body.forEach(visit);
          if (arm.kind === 'activity' && arm.handler?.kind === 'block') arm.handler.body.forEach(visit);
        }
        break;
      default:
        break;
    }
  };
  stmts.forEach(visit);
  return n;
}

export function lowerWorkflowInstance(builder: NetBuilder, text: string, wf: WorkflowAst, diags: Diagnostic[], opts: InstanceOptions): InstanceResult {
  const scope = new Scope(opts.parent);
  const status = builder.addSlot({
    name: `${opts.prefix}workflow`,
    role: 'status',
    type: { kind: 'enum', name: 'workflow status', values: [...STATUS_VALUES] },
    initial: RUNNING,
    span: wf.name.span,
    instance: opts.instance,
  });
  const w = new InstanceLowering(builder, text, scope, diags, status, opts.prefix, opts.instance);

  for (const v of wf.vars) declareVarOrShared(v, builder, scope, diags, opts);
  for (const a of wf.activities) {
    const clash = scope.lookupLocal(a.name.name) ?? (w.activities.has(a.name.name) ? { kind: 'activity' as const, span: w.activities.get(a.name.name)!.ast.name.span } : undefined);
    if (clash) {
      const related = 'span' in clash && clash.span ? [{ message: 'first declared here', span: clash.span }] : undefined;
      diags.push(error('WF202', `duplicate name '${a.name.name}'`, a.name.span, related));
      continue;
    }
    const tracking = historySlots(w, a, opts.history ?? new Set());
    scope.define(a.name.name, { kind: 'activity', span: a.name.span, tracking });
    w.activities.set(a.name.name, activityInfo(a, scope, diags));
  }
  for (const a of wf.activities) {
    for (const o of a.options) {
      if (o.kind === 'compensatedBy' && !w.activities.has(o.compensation.name)) diags.push(error('WF201', `undefined activity '${o.compensation.name}'`, o.compensation.span));
    }
  }
  if (opts.history?.has(COMPENSATION_ORDER)) w.orderPairs = orderPairs(w, wf);
  const st = slotRef(status);
  const builtins: [string, Expr, string][] = [
    ['running', binary('==', st, constant(RUNNING)), 'the workflow is running'],
    ['compensating', binary('==', st, constant(COMPENSATING)), 'the workflow is running its compensations'],
    ['completed', binary('==', st, constant(COMPLETED)), 'the workflow completed'],
    ['failed', binary('==', st, constant(FAILED)), 'the workflow ended failed'],
    ['terminated', binary('>=', st, constant(COMPLETED)), 'the workflow ended'],
  ];
  for (const [name, expr, description] of builtins) scope.define(name, { kind: 'derived', expr, type: BOOL, description });

  if (wf.mains.length === 0) diags.push(error('WF302', `workflow '${wf.name.name}' has no main block`, wf.name.span));
  for (const extra of wf.mains.slice(1)) diags.push(error('WF202', 'a workflow has exactly one main block', extra.span, [{ message: 'first main block', span: wf.mains[0].span }]));

  const mainSpan = wf.main?.span ?? wf.span;
  const body = wf.main?.body ?? [];
  for (const extra of wf.cancellable.slice(1)) diags.push(error('WF202', "'cancellable' given twice", extra, [{ message: 'first given here', span: wf.cancellable[0] }]));
  if (wf.cancellable.length > 0) {
    w.cancelled = builder.addSlot({ name: `${opts.prefix}cancelled`, role: 'var', type: { kind: 'bool' }, initial: 0, span: wf.cancellable[0], instance: opts.instance });
    scope.define('cancelled', { kind: 'derived', expr: binary('==', slotRef(w.cancelled), constant(1)), type: BOOL, description: 'cancellation of the workflow was requested' });
  }
  const saga = createSagaStack(w, countCompensations(body), mainSpan);
  const unwind = w.newPlace('unwind', mainSpan, undefined);
  const mainThread: ThreadCtx = {
    fail: { post: [unwind], updates: [w.setStatus(COMPENSATING)] },
    orphanable: false,
    places: [],
    inBranch: false,
  };
  const end = w.newPlace('end', mainSpan, mainThread);
  const firstTransition = builder.transitions.length;
  const entry = new StatementLowering(w, saga).seq(body, end, mainThread);
  w.transition({ label: 'completed', kind: 'end', span: { ...mainSpan, start: mainSpan.end - 1 }, pre: [end], post: [], guard: w.alive, updates: [w.setStatus(COMPLETED)] });
  lowerUnwind(w, saga, unwind, mainSpan);
  if (w.cancelled >= 0) {
    // The environment requests cancellation once, at any moment while the workflow runs. It is
    // the instance's first transition, so shortest traces show a cancellation as early as it can come.
    w.transition({
      label: 'cancel requested',
      kind: 'event',
      span: wf.cancellable[0],
      pre: [],
      post: [],
      guard: and(w.alive, binary('==', slotRef(w.cancelled), constant(0))),
      updates: [{ slot: w.cancelled, value: constant(1) }, ...w.cancelCaptures],
    });
    builder.transitions.splice(firstTransition, 0, ...builder.transitions.splice(builder.transitions.length - 1, 1));
  }
  const entrySlot = builder.slots[entry];
  builder.slots[entry] = { ...entrySlot, initial: 1 };

  return { scope, status, terminal: binary('>=', st, constant(COMPLETED)) };
}

/**
 * The order history of compensation_complete: two hidden flags per ordered
 * pair of distinct compensable steps with distinct compensations.
 */
function orderPairs(w: InstanceLowering, wf: WorkflowAst): OrderPair[] {
  const pairs = compensationPairs(wf).filter((p) => w.activities.has(p.step) && w.activities.has(p.compensation));
  const out: OrderPair[] = [];
  for (const a of pairs) {
    for (const b of pairs) {
      if (a.step === b.step || a.compensation === b.compensation) continue;
      const flag = (what: string) =>
        w.builder.addSlot({ name: `${w.prefix}@${what}(${a.step},${b.step})`, role: 'activity', type: { kind: 'bool' }, initial: 0, span: wf.name.span, instance: w.instance, hidden: true });
      const pair: OrderPair = { first: a.step, second: b.step, firstCompensation: a.compensation, secondCompensation: b.compensation, after: flag('after'), inverted: flag('inverted') };
      out.push(pair);
      const t = w.tracking.get(a.step);
      if (t) (t.order ??= []).push(pair);
    }
  }
  return out;
}

/** Slots for the history atoms of activity `a` that some property uses. */
function historySlots(w: InstanceLowering, a: ActivityDeclAst, used: ReadonlySet<string>): ActivityTracking {
  const t: ActivityTracking = {};
  for (const fn of HISTORY_ATOMS) {
    if (!used.has(`${fn}:${a.name.name}`)) continue;
    t[fn] = w.builder.addSlot({
      name: `${w.prefix}${fn}(${a.name.name})`,
      role: 'activity',
      type: fn === 'count' ? { kind: 'int', lo: 0, hi: COUNT_LIMIT } : { kind: 'bool' },
      initial: 0,
      span: a.name.span,
      instance: w.instance,
    });
  }
  w.tracking.set(a.name.name, t);
  return t;
}

function declareVarOrShared(v: VarDeclAst, builder: NetBuilder, scope: Scope, diags: Diagnostic[], opts: InstanceOptions): void {
  if (v.kind === 'shared' && opts.parent) {
    // In a system the shared variable lives in the system scope (declared there first).
    const outer = opts.parent.lookupLocal(v.name.name);
    if (outer?.kind === 'slot') return;
  }
  declareVar(v, builder, scope, diags, { prefix: v.kind === 'shared' ? '' : opts.prefix, instance: v.kind === 'shared' ? undefined : opts.instance });
}
