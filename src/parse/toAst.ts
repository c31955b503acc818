/**
 * The `toAst` ohm operation: parse tree → AST, stamping every node with the
 * span of the text it came from (this.source). Only syntax lives here.
 */
import type { MatchResult, Semantics } from 'ohm-js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/span.js';
import type * as A from './ast.js';
import { beginAst, ctx, endAst, expectation, ident, listOf, many, number, opt, reason, span, unquote } from './astContext.js';
import { exprActions } from './exprActions.js';
import { formulaActions } from './formulaActions.js';
import { getFormulaGrammar, getWorkflowGrammar } from './grammars.js';

/** Largest `parallel … for N` unrolled; beyond it the state space is hopeless anyway. */
const MAX_FAN_OUT = 64;

let formulaSemantics: Semantics | undefined;
let specSemantics: Semantics | undefined;

/** Semantics of grammar/formula.ohm: expressions and temporal formulas. */
export function getFormulaSemantics(): Semantics {
  if (!formulaSemantics) {
    formulaSemantics = getFormulaGrammar().createSemantics();
    formulaSemantics.addOperation('toAst', { ...exprActions, ...formulaActions });
  }
  return formulaSemantics;
}

/** Semantics of grammar/workflow.ohm, extending the formula semantics with declarations. */
function getSemantics(): Semantics {
  if (specSemantics) return specSemantics;
  const s = getWorkflowGrammar().extendSemantics(getFormulaSemantics());
  s.extendOperation('toAst', {
    Spec(decls) {
      return { file: ctx.file, decls: many<A.DeclAst>(decls), span: span(this) } satisfies A.SpecAst;
    },

    WorkflowDecl(_kw, name, _o, items, _c) {
      const all = many<WorkflowItem>(items);
      const mains = all.filter((i): i is MainItem => i.kind === 'main').map((m) => ({ body: m.body, span: m.span }));
      return {
        kind: 'workflow',
        name: ident(name),
        vars: all.filter((i): i is A.VarDeclAst => i.kind === 'var' || i.kind === 'shared'),
        activities: all.filter((i): i is A.ActivityDeclAst => i.kind === 'activity'),
        main: mains[0],
        mains,
        properties: all.filter(isProperty),
        cancellable: all.filter((i): i is CancellableItem => i.kind === 'cancellable').map((c) => c.span),
        span: span(this),
      } satisfies A.WorkflowAst;
    },
    CancellableDecl(_kw, _semi) {
      return { kind: 'cancellable', span: span(this) } satisfies CancellableItem;
    },
    VarDecl(_kw, name, _colon, type, _eq, init, _semi) {
      return { kind: 'var', name: ident(name), type: type.toAst(), init: init.toAst(), span: span(this) } satisfies A.VarDeclAst;
    },
    SharedDecl(_kw, name, _colon, type, _eq, init, _semi) {
      return { kind: 'shared', name: ident(name), type: type.toAst(), init: init.toAst(), span: span(this) } satisfies A.VarDeclAst;
    },
    Type_range(lo, _dots, hi) {
      return { kind: 'range', lo: number(lo), hi: number(hi), span: span(this) } satisfies A.TypeAst;
    },
    Type_bool(_kw) {
      return { kind: 'bool', span: span(this) } satisfies A.TypeAst;
    },
    Type_enum(_o, values, _c) {
      return { kind: 'enum', values: values.asIteration().children.map(ident), span: span(this) } satisfies A.TypeAst;
    },

    ActivityDecl(_kw, name, options, effect) {
      return {
        kind: 'activity',
        name: ident(name),
        options: many<A.ActivityOptionAst>(options),
        effect: opt(effect, (e) => e.toAst() as A.EffectStmtAst[]) ?? [],
        span: span(this),
      } satisfies A.ActivityDeclAst;
    },
    ActivityOption_failAfterEffect(_a, _b, _c, _d) {
      return { kind: 'failAfterEffect', span: span(this) } satisfies A.ActivityOptionAst;
    },
    ActivityOption_mayFail(_a, _b) {
      return { kind: 'mayFail', span: span(this) } satisfies A.ActivityOptionAst;
    },
    ActivityOption_idempotent(_a) {
      return { kind: 'idempotent', span: span(this) } satisfies A.ActivityOptionAst;
    },
    ActivityOption_disconnected(_a) {
      return { kind: 'disconnected', span: span(this) } satisfies A.ActivityOptionAst;
    },
    ActivityOption_retryForever(_a, _b) {
      return { kind: 'retry', count: 'forever', span: span(this) } satisfies A.ActivityOptionAst;
    },
    ActivityOption_compensatedBy(_a, _b, name) {
      return { kind: 'compensatedBy', compensation: ident(name), span: span(this) } satisfies A.ActivityOptionAst;
    },
    ActivityOption_retryCount(_a, n) {
      return { kind: 'retry', count: number(n), span: span(this) } satisfies A.ActivityOptionAst;
    },

    EffectBlock(_o, stmts, _c) {
      return many<A.EffectStmtAst>(stmts);
    },
    EffectStmt_if(_kw, cond, then, _else, elseBlock) {
      return {
        kind: 'if',
        cond: cond.toAst(),
        then: then.toAst(),
        else: opt(elseBlock, (b) => b.toAst() as A.EffectStmtAst[]) ?? [],
        span: span(this),
      } satisfies A.EffectStmtAst;
    },
    EffectStmt_either(_kw, first, _ors, rest) {
      return { kind: 'either', branches: [first.toAst(), ...many<A.EffectStmtAst[]>(rest)], span: span(this) } satisfies A.EffectStmtAst;
    },
    EffectStmt_assign(a) {
      return a.toAst();
    },
    Assignment(target, op, value, _semi) {
      return { kind: 'assign', target: ident(target), op: op.sourceString as A.AssignOpAst, value: value.toAst(), span: span(this) };
    },

    MainDecl(_kw, block) {
      return { kind: 'main', body: block.toAst(), span: span(this) } satisfies MainItem;
    },
    Block(_o, stmts, _c) {
      return many<A.StmtAst>(stmts);
    },
    Stmt_while(_kw, cond, body) {
      return { kind: 'while', cond: cond.toAst(), body: body.toAst(), span: span(this) } satisfies A.StmtAst;
    },
    Stmt_repeat(_kw, n, body) {
      return { kind: 'repeat', count: number(n), body: body.toAst(), span: span(this) } satisfies A.StmtAst;
    },
    Stmt_parallel(_kw, join, cancel, _o, branches, _c, handler) {
      return {
        kind: 'parallel',
        join: opt(join, ident),
        cancel: cancel.children.length > 0,
        branches: many<A.StmtAst>(branches),
        handler: opt(handler, (h) => h.toAst() as A.HandlerAst),
        span: span(this),
      } satisfies A.StmtAst;
    },
    Stmt_fanOut(_kw, join, cancel, _for, n, block, handler) {
      // `parallel J for N { body }`: N identical branches (a fan-out over a constant N).
      const body = block.toAst() as A.StmtAst[];
      const branch: A.StmtAst = { kind: 'block', body, span: span(block) };
      const count = number(n);
      if (count > MAX_FAN_OUT) {
        ctx.diagnostics.push(error('WF301', `a fan-out of ${count} branches is more than wfcheck unrolls (at most ${MAX_FAN_OUT})`, span(n)));
      }
      return {
        kind: 'parallel',
        join: opt(join, ident),
        cancel: cancel.children.length > 0,
        branches: Array.from({ length: Math.min(count, MAX_FAN_OUT) }, () => branch),
        handler: opt(handler, (h) => h.toAst() as A.HandlerAst),
        span: span(this),
      } satisfies A.StmtAst;
    },
    Stmt_awaitSignal(_kw, _signal, name, _semi) {
      return { kind: 'await', signal: ident(name), span: span(this) } satisfies A.StmtAst;
    },
    Stmt_race(_kw, cancel, _o, arms, _c) {
      return { kind: 'race', cancel: cancel.children.length > 0, arms: many<A.RaceArmAst>(arms), span: span(this) } satisfies A.StmtAst;
    },
    Stmt_either(_kw, first, _ors, rest) {
      return { kind: 'either', branches: [first.toAst(), ...many<A.StmtAst[]>(rest)], span: span(this) } satisfies A.StmtAst;
    },
    Stmt_fail(_kw, why, _semi) {
      return { kind: 'fail', reason: reason(why), span: span(this) } satisfies A.StmtAst;
    },
    Stmt_abort(_kw, why, _semi) {
      return { kind: 'abort', reason: reason(why), span: span(this) } satisfies A.StmtAst;
    },
    Stmt_return(_kw, _semi) {
      return { kind: 'return', span: span(this) } satisfies A.StmtAst;
    },
    Stmt_skip(_kw, _semi) {
      return { kind: 'skip', span: span(this) } satisfies A.StmtAst;
    },
    Stmt_register(_kw, _with, name, _semi) {
      return { kind: 'register', compensation: ident(name), span: span(this) } satisfies A.StmtAst;
    },
    Stmt_block(block) {
      return { kind: 'block', body: block.toAst(), span: span(this) } satisfies A.StmtAst;
    },
    Stmt_assign(a) {
      return a.toAst();
    },
    Stmt_call(name, comp, handler, _semi) {
      return {
        kind: 'call',
        activity: ident(name),
        compensation: opt(comp, (c) => c.toAst() as A.Ident),
        handler: opt(handler, (h) => h.toAst() as A.HandlerAst),
        span: span(this),
      } satisfies A.StmtAst;
    },
    IfStmt(_kw, cond, then, elseClause) {
      return {
        kind: 'if',
        cond: cond.toAst(),
        then: then.toAst(),
        else: opt(elseClause, (e) => e.toAst() as A.StmtAst[]) ?? [],
        span: span(this),
      } satisfies A.StmtAst;
    },
    ElseClause_elseIf(_kw, ifStmt) {
      return [ifStmt.toAst()];
    },
    ElseClause_else(_kw, block) {
      return block.toAst();
    },
    Compensation(_kw, name) {
      return ident(name);
    },
    Handler(_kw, body) {
      return body.toAst();
    },
    HandlerBody_continue(_kw) {
      return { kind: 'continue', span: span(this) } satisfies A.HandlerAst;
    },
    HandlerBody_fail(_kw, why) {
      return { kind: 'fail', reason: reason(why), span: span(this) } satisfies A.HandlerAst;
    },
    HandlerBody_abort(_kw, why) {
      return { kind: 'abort', reason: reason(why), span: span(this) } satisfies A.HandlerAst;
    },
    HandlerBody_block(block) {
      return { kind: 'block', body: block.toAst(), span: span(this) } satisfies A.HandlerAst;
    },
    RaceArm_timer(_kw, duration, _arrow, body) {
      return { kind: 'timer', duration: opt(duration, (d) => d.sourceString), body: body.toAst(), span: span(this) } satisfies A.RaceArmAst;
    },
    RaceArm_signal(_kw, name, _arrow, body) {
      return { kind: 'signal', signal: ident(name), body: body.toAst(), span: span(this) } satisfies A.RaceArmAst;
    },
    RaceArm_activity(name, handler, _arrows, bodies) {
      return {
        kind: 'activity',
        activity: ident(name),
        handler: opt(handler, (h) => h.toAst() as A.HandlerAst),
        body: opt(bodies, (b) => b.toAst() as A.StmtAst[]) ?? [],
        span: span(this),
      } satisfies A.RaceArmAst;
    },

    MachineDecl(_kw, name, _o, items, _c) {
      const all = many<MachineItem>(items);
      return {
        kind: 'machine',
        name: ident(name),
        initial: all.flatMap((i) => (i.kind === 'initial' ? [i.state] : [])),
        finals: all.flatMap((i) => (i.kind === 'final' ? i.states : [])),
        vars: all.flatMap((i) => (i.kind === 'var' || i.kind === 'shared' ? [i] : [])),
        edges: all.flatMap((i) => (i.kind === 'edge' ? [i.edge] : [])),
        properties: all.filter(isProperty),
        span: span(this),
      } satisfies A.MachineAst;
    },
    MachineItem_initial(_kw, name, _semi) {
      return { kind: 'initial', state: ident(name) } satisfies MachineItem;
    },
    MachineItem_final(_kw, names, _semi) {
      return { kind: 'final', states: names.asIteration().children.map(ident) } satisfies MachineItem;
    },
    MachineItem_var(v) {
      return v.toAst();
    },
    MachineItem_property(p) {
      return p.toAst();
    },
    MachineItem_edge(from, _arrow, to, event, guard, action, _semi) {
      const edge: A.EdgeAst = {
        from: from.toAst(),
        to: to.toAst(),
        event: opt(event, (e) => e.toAst() as A.Ident),
        guard: opt(guard, (g) => g.toAst() as A.ExprAst),
        action: opt(action, (a) => a.toAst() as A.EffectStmtAst[]) ?? [],
        span: span(this),
      };
      return { kind: 'edge', edge } satisfies MachineItem;
    },
    StateRef_star(_s) {
      return { kind: 'star', span: span(this) } satisfies A.StateRefAst;
    },
    StateRef_named(name) {
      return { kind: 'state', name: ident(name) } satisfies A.StateRefAst;
    },
    EdgeEvent(_kw, name) {
      return ident(name);
    },
    EdgeGuard(_kw, e) {
      return e.toAst();
    },
    EdgeAction(_kw, block) {
      return block.toAst();
    },

    NetDecl(_kw, name, _o, items, _c) {
      const all = many<NetItem>(items);
      return {
        kind: 'net',
        name: ident(name),
        places: all.flatMap((i) => (i.kind === 'places' ? i.places : [])),
        transitions: all.flatMap((i) => (i.kind === 'transition' ? [i.transition] : [])),
        properties: all.filter(isProperty),
        span: span(this),
      } satisfies A.NetAst;
    },
    NetItem_place(_kw, places, _semi) {
      return { kind: 'places', places: listOf<A.PlaceAst>(places) } satisfies NetItem;
    },
    NetItem_transition(_kw, name, _colon, inputs, _arrow, outputs, _semi) {
      const transition: A.NetTransitionAst = {
        name: ident(name),
        inputs: listOf<A.ArcAst>(inputs),
        outputs: listOf<A.ArcAst>(outputs),
        span: span(this),
      };
      return { kind: 'transition', transition } satisfies NetItem;
    },
    NetItem_property(p) {
      return p.toAst();
    },
    PlaceDef(name, init, capacity) {
      return {
        name: ident(name),
        initial: opt(init, (i) => i.toAst() as number) ?? 0,
        capacity: opt(capacity, (c) => c.toAst() as number),
        span: span(this),
      } satisfies A.PlaceAst;
    },
    PlaceInit(_eq, n) {
      return number(n);
    },
    PlaceCapacity(_kw, n) {
      return number(n);
    },
    ArcTerm_weighted(n, _star, place) {
      return { place: ident(place), weight: number(n), span: span(this) } satisfies A.ArcAst;
    },
    ArcTerm_single(place) {
      return { place: ident(place), weight: 1, span: span(this) } satisfies A.ArcAst;
    },

    SystemDecl(_kw, name, _o, items, _c) {
      const all = many<SystemItem>(items);
      return {
        kind: 'system',
        name: ident(name),
        shared: all.filter((i): i is A.VarDeclAst => i.kind === 'shared'),
        instances: all.flatMap((i) => (i.kind === 'instances' ? [i.decl] : [])),
        properties: all.filter(isProperty),
        span: span(this),
      } satisfies A.SystemAst;
    },
    SystemItem_shared(d) {
      return d.toAst();
    },
    SystemItem_count(_kw, n, _of, wf, _semi) {
      return { kind: 'instances', decl: { kind: 'count', count: number(n), workflow: ident(wf), span: span(this) } } satisfies SystemItem;
    },
    SystemItem_named(_kw, names, _colon, wf, _semi) {
      return {
        kind: 'instances',
        decl: { kind: 'named', names: names.asIteration().children.map(ident), workflow: ident(wf), span: span(this) },
      } satisfies SystemItem;
    },
    SystemItem_property(p) {
      return p.toAst();
    },

    PropertyDecl_invariant(_kw, name, _colon, expr, expect, _semi) {
      return { kind: 'invariant', name: ident(name), expr: expr.toAst(), expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_reachable(_kw, name, _colon, expr, expect, _semi) {
      return { kind: 'reachable', name: ident(name), expr: expr.toAst(), expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_deadlockFree(_kw, expect, _semi) {
      return { kind: 'deadlock_free', expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_ctl(_kw, name, _colon, formula, expect, _semi) {
      return { kind: 'ctl', name: ident(name), formula: formula.toAst(), expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_ltl(_kw, name, _colon, formula, expect, _semi) {
      return { kind: 'ltl', name: ident(name), formula: formula.toAst(), expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_fair(_kw, strength, target, _semi) {
      return { kind: 'fair', strength: strength.toAst(), target: target.toAst(), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_conserves(_kw, name, _colon, expr, expect, _semi) {
      return { kind: 'conserves', name: ident(name), expr: expr.toAst(), expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_exactlyOnce(_kw, activity, expect, _semi) {
      return { kind: 'exactly_once', activity: ident(activity), expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_atMostOnce(_kw, activity, expect, _semi) {
      return { kind: 'at_most_once', activity: ident(activity), expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_terminates(_kw, expect, _semi) {
      return { kind: 'terminates', expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    PropertyDecl_compensationComplete(_kw, expect, _semi) {
      return { kind: 'compensation_complete', expect: expectation(expect), span: span(this) } satisfies A.PropertyAst;
    },
    FairKind_weak(_kw) {
      return 'weak';
    },
    FairKind_strong(_kw) {
      return 'strong';
    },
    FairTarget_instance(_kw, name) {
      return { kind: 'instance', name: ident(name) } satisfies A.FairTargetAst;
    },
    FairTarget_transition(_kw, name) {
      return { kind: 'transition', name: ident(name) } satisfies A.FairTargetAst;
    },
    FairTarget_signal(_kw, name) {
      return { kind: 'signal', name: ident(name) } satisfies A.FairTargetAst;
    },
    FairTarget_activity(name) {
      return { kind: 'activity', name: ident(name) } satisfies A.FairTargetAst;
    },
    Expectation_violated(_a, _b) {
      return 'violated';
    },
    Expectation_holds(_a, _b) {
      return 'holds';
    },

  });
  specSemantics = s;
  return s;
}

type MainItem = { kind: 'main'; body: A.StmtAst[]; span: SourceSpan };
type CancellableItem = { kind: 'cancellable'; span: SourceSpan };
type WorkflowItem = A.VarDeclAst | A.ActivityDeclAst | MainItem | CancellableItem | A.PropertyAst;
type MachineItem =
  | { kind: 'initial'; state: A.Ident }
  | { kind: 'final'; states: A.Ident[] }
  | { kind: 'edge'; edge: A.EdgeAst }
  | A.VarDeclAst
  | A.PropertyAst;
type NetItem = { kind: 'places'; places: A.PlaceAst[] } | { kind: 'transition'; transition: A.NetTransitionAst } | A.PropertyAst;
type SystemItem = A.VarDeclAst | { kind: 'instances'; decl: A.InstanceDeclAst } | A.PropertyAst;

const PROPERTY_KINDS = new Set(['invariant', 'reachable', 'deadlock_free', 'ctl', 'ltl', 'fair', 'conserves', 'exactly_once', 'at_most_once', 'terminates', 'compensation_complete']);

function isProperty(i: { kind: string }): i is A.PropertyAst {
  return PROPERTY_KINDS.has(i.kind);
}

/** Build the AST of a successful match; number-range problems come back as diagnostics. */
export function buildAst(match: MatchResult, file: string): { ast: A.SpecAst; diagnostics: Diagnostic[] } {
  beginAst(file);
  const ast = getSemantics()(match).toAst() as A.SpecAst;
  return { ast, diagnostics: endAst() };
}

/** Build the AST of a formula matched with grammar/formula.ohm's FormulaText. */
export function buildFormulaAst(match: MatchResult, file: string): { ast: A.FormulaAst; diagnostics: Diagnostic[] } {
  beginAst(file);
  const ast = getFormulaSemantics()(match).toAst() as A.FormulaAst;
  return { ast, diagnostics: endAst() };
}
