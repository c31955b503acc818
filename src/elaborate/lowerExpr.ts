/**
 * Type-checks a data expression and resolves its names to slots, giving
 * the IR Expr. Enum literals are resolved against the type the context
 * expects, so two enums may share literal names.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ExprAst } from '../parse/ast.js';
import { binary, constant, type Expr } from '../model/expr.js';
import { formatType, typeRange, type ValueType } from '../model/types.js';
import { suggest, type Binding, type Scope } from './scope.js';

export type Typed = { readonly expr: Expr; readonly type: ValueType };

/** Extra functions a context understands (property atoms such as done(A)); undefined = not mine. */
export type ApplyHook = (ast: ExprAst & { kind: 'apply' }, scope: Scope, diags: Diagnostic[]) => Typed | undefined | 'unknown';

export interface ExprContext {
  readonly scope: Scope;
  readonly diags: Diagnostic[];
  readonly apply?: ApplyHook;
}

/** Declared range of a slot, from the binding that names it (for interval checks). */
export function slotRanges(scope: Scope): (slot: number) => { lo: number; hi: number } {
  const ranges = new Map<number, { lo: number; hi: number }>();
  const collect = (s: Scope | undefined): void => {
    if (!s) return;
    for (const name of s.visibleNames()) {
      const b = s.lookup(name);
      if (b?.kind === 'slot' && !ranges.has(b.slot)) ranges.set(b.slot, typeRange(b.type));
    }
  };
  collect(scope);
  return (slot) => ranges.get(slot) ?? { lo: -(2 ** 31), hi: 2 ** 31 - 1 };
}

const INT: ValueType = { kind: 'int', lo: -(2 ** 31), hi: 2 ** 31 - 1 };
const BOOL: ValueType = { kind: 'bool' };

export function sameType(a: ValueType, b: ValueType): boolean {
  if (a.kind === 'enum' && b.kind === 'enum') return a.values.join('|') === b.values.join('|');
  return a.kind === b.kind;
}

function typeName(t: ValueType): string {
  if (t.kind === 'int') return 'int';
  if (t.kind === 'bool') return 'bool';
  return `enum ${formatType(t)}`;
}

function describeBinding(b: Binding): string {
  switch (b.kind) {
    case 'activity':
      return 'an activity';
    case 'scope':
      return 'an instance';
    default:
      return 'a value';
  }
}

/** Resolve and check `ast`; `expected` guides enum literals and is checked when given. */
export function lowerExpr(ast: ExprAst, ctx: ExprContext, expected?: ValueType): Typed | undefined {
  const typed = infer(ast, ctx, expected);
  if (typed && expected && !sameType(typed.type, expected)) {
    ctx.diags.push(error('WF203', `expected ${typeName(expected)}, found ${typeName(typed.type)}`, ast.span));
    return undefined;
  }
  return typed;
}

function enumLiteral(name: string, expected: ValueType | undefined): Typed | undefined {
  if (expected?.kind !== 'enum') return undefined;
  const index = expected.values.indexOf(name);
  return index >= 0 ? { expr: constant(index), type: expected } : undefined;
}

function resolveName(name: string, span: ExprAst['span'], scope: Scope, ctx: ExprContext, expected?: ValueType): Typed | undefined {
  const literal = enumLiteral(name, expected);
  const binding = scope.lookup(name);
  if (literal && (!binding || binding.kind === 'enumValue')) return literal;
  if (!binding) {
    const hint = suggest(name, scope.visibleNames());
    ctx.diags.push(error('WF201', `undefined name '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}`, span));
    return undefined;
  }
  switch (binding.kind) {
    case 'slot':
      return { expr: { kind: 'slot', slot: binding.slot }, type: binding.type };
    case 'enumValue':
      return { expr: constant(binding.index), type: binding.type };
    case 'derived':
      return { expr: binding.expr, type: binding.type };
    case 'activity':
    case 'scope':
      ctx.diags.push(error('WF208', `'${name}' is ${describeBinding(binding)}, not a value`, span));
      return undefined;
  }
}

function infer(ast: ExprAst, ctx: ExprContext, expected?: ValueType): Typed | undefined {
  switch (ast.kind) {
    case 'number':
      return { expr: constant(ast.value), type: INT };
    case 'bool':
      return { expr: constant(ast.value ? 1 : 0), type: BOOL };
    case 'name':
      return resolveName(ast.name, ast.span, ctx.scope, ctx, expected);
    case 'qualified': {
      const scope = ctx.scope.lookup(ast.scope.name);
      if (!scope) {
        const hint = suggest(ast.scope.name, ctx.scope.visibleNames());
        ctx.diags.push(error('WF201', `undefined name '${ast.scope.name}'${hint ? ` (did you mean '${hint}'?)` : ''}`, ast.scope.span));
        return undefined;
      }
      if (scope.kind !== 'scope') {
        ctx.diags.push(error('WF208', `'${ast.scope.name}' is not an instance, so it has no member '${ast.member.name}'`, ast.scope.span));
        return undefined;
      }
      const member = scope.scope.lookupLocal(ast.member.name);
      if (!member) {
        ctx.diags.push(error('WF201', `instance '${ast.scope.name}' has no variable '${ast.member.name}'`, ast.member.span));
        return undefined;
      }
      return resolveName(ast.member.name, ast.member.span, scope.scope, ctx, expected);
    }
    case 'apply':
      return inferApply(ast, ctx);
    case 'unary': {
      if (ast.op === '!') {
        const arg = lowerExpr(ast.arg, ctx, BOOL);
        return arg && { expr: { kind: 'not', arg: arg.expr }, type: BOOL };
      }
      const arg = lowerExpr(ast.arg, ctx, INT);
      return arg && { expr: { kind: 'neg', arg: arg.expr }, type: INT };
    }
    case 'binary':
      return inferBinary(ast, ctx);
  }
}

function inferApply(ast: ExprAst & { kind: 'apply' }, ctx: ExprContext): Typed | undefined {
  const hooked = ctx.apply?.(ast, ctx.scope, ctx.diags);
  if (hooked === 'unknown') return undefined;
  if (hooked) return hooked;
  const fn = ast.fn.name;
  if (fn === 'min' || fn === 'max') {
    if (ast.args.length !== 2) {
      ctx.diags.push(error('WF203', `${fn} takes 2 arguments, found ${ast.args.length}`, ast.span));
      return undefined;
    }
    const a = lowerExpr(ast.args[0], ctx, INT);
    const b = lowerExpr(ast.args[1], ctx, INT);
    return a && b ? { expr: binary(fn, a.expr, b.expr), type: INT } : undefined;
  }
  ctx.diags.push(error('WF201', `unknown function '${fn}'`, ast.fn.span));
  return undefined;
}

function inferBinary(ast: ExprAst & { kind: 'binary' }, ctx: ExprContext): Typed | undefined {
  switch (ast.op) {
    case '+':
    case '-':
    case '*': {
      const l = lowerExpr(ast.left, ctx, INT);
      const r = lowerExpr(ast.right, ctx, INT);
      return l && r ? { expr: binary(ast.op, l.expr, r.expr), type: INT } : undefined;
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const l = lowerExpr(ast.left, ctx, INT);
      const r = lowerExpr(ast.right, ctx, INT);
      return l && r ? { expr: binary(ast.op, l.expr, r.expr), type: BOOL } : undefined;
    }
    case '&&':
    case '||':
    case '->':
    case '<->': {
      const l = lowerExpr(ast.left, ctx, BOOL);
      const r = lowerExpr(ast.right, ctx, BOOL);
      return l && r ? { expr: binary(ast.op, l.expr, r.expr), type: BOOL } : undefined;
    }
    case '==':
    case '!=': {
      // Type the side that is not an enum literal first, so `Running == status` works too.
      const literal = (e: ExprAst) => e.kind === 'name' && ctx.scope.lookup(e.name)?.kind !== 'slot' && ctx.scope.lookup(e.name)?.kind !== 'derived';
      const leftFirst = !literal(ast.left) || literal(ast.right);
      const [first, second] = leftFirst ? [ast.left, ast.right] : [ast.right, ast.left];
      const a = infer(first, ctx);
      if (!a) return undefined;
      const b = lowerExpr(second, ctx, a.type);
      if (!b) return undefined;
      return { expr: binary(ast.op, a.expr, b.expr), type: BOOL };
    }
  }
}

export { INT, BOOL };
