/**
 * ohm actions of the `toAst` operation for data expressions
 * (grammar/formula.ohm, shared by specs and formulas).
 */
import type { ActionDict } from 'ohm-js';
import type * as A from './ast.js';
import { bin, ident, listOf, number, span } from './astContext.js';

export const exprActions: ActionDict<unknown> = {
    Iff_iff: bin('<->'),
    Implies_implies: bin('->'),
    Or_or: bin('||'),
    And_and: bin('&&'),
    Not_not(_bang, arg) {
      return { kind: 'unary', op: '!', arg: arg.toAst(), span: span(this) } satisfies A.ExprAst;
    },
    Compare_compare(l, op, r) {
      return { kind: 'binary', op: op.sourceString as A.BinaryOpAst, left: l.toAst(), right: r.toAst(), span: span(this) } satisfies A.ExprAst;
    },
    Sum_plus: bin('+'),
    Sum_minus: bin('-'),
    Product_times: bin('*'),
    Unary_neg(_minus, arg) {
      return { kind: 'unary', op: '-', arg: arg.toAst(), span: span(this) } satisfies A.ExprAst;
    },
    Primary_paren(_o, e, _c) {
      return e.toAst();
    },
    Primary_number(n) {
      return { kind: 'number', value: number(n), span: span(this) } satisfies A.ExprAst;
    },
    Primary_true(_kw) {
      return { kind: 'bool', value: true, span: span(this) } satisfies A.ExprAst;
    },
    Primary_false(_kw) {
      return { kind: 'bool', value: false, span: span(this) } satisfies A.ExprAst;
    },
    Primary_apply(fn, _o, args, _c) {
      return { kind: 'apply', fn: ident(fn), args: listOf<A.ExprAst>(args), span: span(this) } satisfies A.ExprAst;
    },
    Primary_qualified(scope, _dot, member) {
      return { kind: 'qualified', scope: ident(scope), member: ident(member), span: span(this) } satisfies A.ExprAst;
    },
    Primary_name(name) {
      return { kind: 'name', name: name.sourceString, span: span(this) } satisfies A.ExprAst;
    },
};
