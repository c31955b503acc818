/**
 * Lowers data-only statement lists (activity effects, machine actions,
 * workflow assignments) to parallel assignments over the pre-state.
 * Sequential statements compose by substitution; `either` yields one
 * alternative per branch (a nondeterministic outcome).
 */
import { error } from '../diagnostics/diagnostic.js';
import type { EffectStmtAst, Ident, AssignOpAst, ExprAst } from '../parse/ast.js';
import { binary, substitute, type Expr } from '../model/expr.js';
import { typeRange } from '../model/types.js';
import type { Update } from '../model/model.js';
import { lowerExpr, slotRanges, type ExprContext } from './lowerExpr.js';
import { intervalOf } from '../model/interval.js';

/** slot → new value, as an expression over the pre-state. */
export type Effect = ReadonlyMap<number, Expr>;

export function assignment(target: Ident, op: AssignOpAst, value: ExprAst, env: Effect, ctx: ExprContext): Effect | undefined {
  const binding = ctx.scope.lookup(target.name);
  if (!binding) {
    ctx.diags.push(error('WF201', `undefined variable '${target.name}'`, target.span));
    return undefined;
  }
  if (binding.kind !== 'slot' || !binding.writable) {
    ctx.diags.push(error('WF207', `cannot assign to '${target.name}': it is not a variable`, target.span));
    return undefined;
  }
  if (op !== '=' && binding.type.kind !== 'int') {
    ctx.diags.push(error('WF203', `'${op}' needs an integer variable; '${target.name}' is ${binding.type.kind}`, target.span));
    return undefined;
  }
  const rhs = lowerExpr(value, ctx, binding.type.kind === 'int' ? { kind: 'int', lo: 0, hi: 0 } : binding.type);
  if (!rhs) return undefined;
  let v: Expr = rhs.expr;
  const self: Expr = { kind: 'slot', slot: binding.slot };
  if (op === '+=') v = binary('+', self, v);
  if (op === '-=') v = binary('-', self, v);
  // Reject an update that can never stay in range; one that only may leave it
  // is checked at run time, where a trace shows how.
  const { lo, hi } = typeRange(binding.type);
  const can = intervalOf(v, slotRanges(ctx.scope));
  if (can.hi < lo || can.lo > hi) {
    const what = can.lo === can.hi ? `${can.lo}` : `between ${can.lo} and ${can.hi}`;
    const span = { file: target.span.file, start: target.span.start, end: value.span.end };
    ctx.diags.push(error('WF206', `this assignment always leaves the range ${lo}..${hi} of '${target.name}': the new value is ${what}`, span));
    return undefined;
  }
  const next = new Map(env);
  next.set(binding.slot, substitute(v, env));
  return next;
}

export function lowerEffect(stmts: readonly EffectStmtAst[], ctx: ExprContext, start: Effect = new Map()): Effect[] {
  let alts: Effect[] = [start];
  for (const stmt of stmts) {
    const nextAlts: Effect[] = [];
    for (const env of alts) {
      switch (stmt.kind) {
        case 'assign': {
          const e = assignment(stmt.target, stmt.op, stmt.value, env, ctx);
          if (e) nextAlts.push(e);
          break;
        }
        case 'either':
          for (const branch of stmt.branches) nextAlts.push(...lowerEffect(branch, ctx, env));
          break;
        case 'if': {
          const c = lowerExpr(stmt.cond, ctx, { kind: 'bool' });
          if (!c) break;
          const cond = substitute(c.expr, env);
          const thens = lowerEffect(stmt.then, ctx, env);
          const elses = lowerEffect(stmt.else, ctx, env);
          for (const a of thens) for (const b of elses) nextAlts.push(mergeCond(cond, a, b));
          break;
        }
      }
    }
    alts = nextAlts;
  }
  return alts;
}

function mergeCond(cond: Expr, a: Effect, b: Effect): Effect {
  const out = new Map<number, Expr>();
  for (const slot of new Set([...a.keys(), ...b.keys()])) {
    const self: Expr = { kind: 'slot', slot };
    const x = a.get(slot) ?? self;
    const y = b.get(slot) ?? self;
    out.set(slot, x === y ? x : { kind: 'cond', cond, then: x, else: y });
  }
  return out;
}

export function effectUpdates(effect: Effect): Update[] {
  const out: Update[] = [];
  for (const [slot, value] of [...effect.entries()].sort((a, b) => a[0] - b[0])) {
    if (value.kind === 'slot' && value.slot === slot) continue;
    out.push({ slot, value });
  }
  return out;
}
