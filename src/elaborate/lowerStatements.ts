/**
 * Workflow statements → net transitions, continuation-passing: lowering a
 * statement list gets the place to continue at and returns its entry place.
 * Every workflow-code step is guarded by "workflow alive", so once the
 * workflow has ended only in-flight activities still complete.
 */
import { error } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/span.js';
import { binary, constant, not, slotRef } from '../model/expr.js';
import type { HandlerAst, StmtAst } from '../parse/ast.js';
import { pushVariants, type SagaStack } from './compensation.js';
import { callSlots, lowerCall } from './lowerCall.js';
import { lowerParallel, lowerRace } from './lowerConcurrency.js';
import { assignment, effectUpdates } from './lowerEffect.js';
import { BOOL, lowerExpr } from './lowerExpr.js';
import { COMPLETED, FAILED, type ActivityInfo, type Continuation, type InstanceLowering, type ThreadCtx } from './workflowContext.js';

export class StatementLowering {
  constructor(
    readonly w: InstanceLowering,
    readonly saga: SagaStack | undefined,
  ) {}

  seq(stmts: readonly StmtAst[], exit: number, t: ThreadCtx): number {
    let next = exit;
    for (let i = stmts.length - 1; i >= 0; i--) next = this.stmt(stmts[i], next, t);
    return next;
  }

  /** The continuation a handler gives to a failure; `exit` is where normal flow resumes. */
  handler(h: HandlerAst | undefined, exit: number, t: ThreadCtx): Continuation {
    if (!h || h.kind === 'fail') return t.fail;
    switch (h.kind) {
      case 'continue':
        return { post: [exit], updates: [] };
      case 'abort':
        return { post: [], updates: [this.w.setStatus(FAILED)] };
      case 'block':
        return { post: [this.seq(h.body, exit, t)], updates: [] };
    }
  }

  activity(name: { name: string; span: SourceSpan }): ActivityInfo | undefined {
    const a = this.w.activities.get(name.name);
    if (!a) {
      const binding = this.w.scope.lookup(name.name);
      const what = binding ? `'${name.name}' is not an activity` : `undefined activity '${name.name}'`;
      this.w.diags.push(error(binding ? 'WF208' : 'WF201', what, name.span));
    }
    return a;
  }

  stmt(s: StmtAst, exit: number, t: ThreadCtx): number {
    const w = this.w;
    switch (s.kind) {
      case 'skip':
        return exit;
      case 'block':
        return this.seq(s.body, exit, t);
      case 'assign': {
        const entry = w.newPlace('assign', s.span, t);
        const effect = assignment(s.target, s.op, s.value, new Map(), { scope: w.scope, diags: w.diags });
        if (effect) w.step({ label: w.source(s.span), kind: 'step', span: s.span, pre: [entry], post: [exit], updates: effectUpdates(effect), cluster: t.cluster });
        return entry;
      }
      case 'if': {
        const entry = w.newPlace('if', s.span, t);
        const c = lowerExpr(s.cond, { scope: w.scope, diags: w.diags }, BOOL);
        const thenEntry = this.seq(s.then, exit, t);
        const elseEntry = this.seq(s.else, exit, t);
        if (c) {
          const text = w.source(s.cond.span);
          w.step({ label: `if ${text}`, outcome: 'true', kind: 'step', span: s.cond.span, pre: [entry], post: [thenEntry], guard: c.expr, cluster: t.cluster });
          w.step({ label: `if ${text}`, outcome: 'false', kind: 'step', span: s.cond.span, pre: [entry], post: [elseEntry], guard: not(c.expr), cluster: t.cluster });
        }
        return entry;
      }
      case 'while': {
        const loop = w.newPlace('while', s.span, t);
        const c = lowerExpr(s.cond, { scope: w.scope, diags: w.diags }, BOOL);
        const body = this.seq(s.body, loop, t);
        if (c) {
          const text = w.source(s.cond.span);
          w.step({ label: `while ${text}`, outcome: 'true', kind: 'step', span: s.cond.span, pre: [loop], post: [body], guard: c.expr, cluster: t.cluster });
          w.step({ label: `while ${text}`, outcome: 'false', kind: 'step', span: s.cond.span, pre: [loop], post: [exit], guard: not(c.expr), cluster: t.cluster });
        }
        return loop;
      }
      case 'repeat': {
        const loop = w.newPlace('repeat', s.span, t);
        const counter = w.hiddenCounter('repeat', s.span, s.count);
        const body = this.seq(s.body, loop, t);
        const k = slotRef(counter);
        w.step({
          label: `repeat ${s.count}`,
          kind: 'step',
          span: s.span,
          pre: [loop],
          post: [body],
          guard: binary('<', k, constant(s.count)),
          updates: [{ slot: counter, value: binary('+', k, constant(1)) }],
          cluster: t.cluster,
        });
        w.step({
          label: `end repeat ${s.count}`,
          kind: 'step',
          span: s.span,
          pre: [loop],
          post: [exit],
          guard: binary('==', k, constant(s.count)),
          updates: [{ slot: counter, value: constant(0) }],
          cluster: t.cluster,
        });
        return loop;
      }
      case 'either': {
        const entry = w.newPlace('either', s.span, t);
        s.branches.forEach((branch, i) => {
          w.step({ label: `either #${i + 1}`, kind: 'step', span: s.span, pre: [entry], post: [this.seq(branch, exit, t)], cluster: t.cluster });
        });
        return entry;
      }
      case 'fail': {
        const entry = w.newPlace('fail', s.span, t);
        const label = s.reason === undefined ? 'fail' : `fail "${s.reason}"`;
        w.step({ label, kind: 'step', span: s.span, pre: [entry], post: t.fail.post, updates: t.fail.updates, resets: t.fail.resets, cluster: t.cluster });
        return entry;
      }
      case 'abort': {
        const entry = w.newPlace('abort', s.span, t);
        const label = s.reason === undefined ? 'abort' : `abort "${s.reason}"`;
        w.step({ label, kind: 'end', span: s.span, pre: [entry], post: [], updates: [w.setStatus(FAILED)], cluster: t.cluster });
        return entry;
      }
      case 'return': {
        const entry = w.newPlace('return', s.span, t);
        if (t.inBranch) w.diags.push(error('WF302', "'return' is not allowed inside a parallel branch; end the branch instead", s.span));
        w.step({ label: 'return', kind: 'end', span: s.span, pre: [entry], post: [], updates: [w.setStatus(COMPLETED)], cluster: t.cluster });
        return entry;
      }
      case 'register': {
        const entry = w.newPlace('register', s.span, t);
        const c = this.activity(s.compensation);
        if (c && this.saga) {
          for (const v of pushVariants(this.saga, c, s.compensation.span)) {
            w.step({ label: `compensate with ${c.name}`, kind: 'step', span: s.span, pre: [entry], post: [exit], guard: v.guard, updates: v.updates, cluster: t.cluster });
          }
        }
        return entry;
      }
      case 'await': {
        // The environment may send the signal at any moment, or never.
        const entry = w.newPlace(`await ${s.signal.name}`, s.span, t);
        w.step({ label: `signal ${s.signal.name}`, kind: 'event', span: s.span, pre: [entry], post: [exit], cluster: t.cluster });
        // "Never" is a run that waits forever: without this step a run would have to take the
        // signal once nothing else can move. `fair weak signal X` assumes it comes.
        w.step({ label: `no signal ${s.signal.name} yet`, kind: 'event', span: s.span, pre: [entry], post: [entry], cluster: t.cluster });
        return entry;
      }
      case 'call':
        return this.call(s, exit, t);
      case 'parallel':
        return lowerParallel(this, s, exit, t);
      case 'race':
        return lowerRace(this, s, exit, t);
    }
  }

  private call(s: StmtAst & { kind: 'call' }, exit: number, t: ThreadCtx): number {
    const w = this.w;
    const entry = w.newPlace(s.activity.name, s.span, t);
    const a = this.activity(s.activity);
    const comp = s.compensation ? this.activity(s.compensation) : undefined;
    if (!a || (s.compensation && !comp)) return entry;
    const failCont = this.handler(s.handler, exit, t);
    lowerCall(w, {
      activity: a,
      slots: callSlots(w, a, s.span),
      span: s.span,
      kind: 'complete',
      pre: [entry],
      ok: { post: [exit], updates: [] },
      fail: failCont,
      okVariants: comp && this.saga ? pushVariants(this.saga, comp, s.compensation!.span, a.name) : undefined,
      orphanable: t.orphanable,
      cluster: t.cluster,
    });
    return entry;
  }
}
