/**
 * ohm actions of the `toAst` operation for formula rules (grammar/formula.ohm):
 * temporal operators, path quantifiers and atoms, each node with its span.
 */
import type { ActionDict, Node } from 'ohm-js';
import type * as A from './ast.js';
import { span } from './astContext.js';

const LTL_UNARY: Record<string, 'X' | 'F' | 'G'> = { X: 'X', F: 'F', G: 'G', '[]': 'G', '<>': 'F' };

const bin = (kind: 'and' | 'or' | 'implies' | 'iff' | 'U' | 'R' | 'W') =>
    function (this: Node, l: Node, _op: Node, r: Node): A.FormulaAst {
      return { kind, left: l.toAst(), right: r.toAst(), span: span(this) };
    };

export const formulaActions: ActionDict<unknown> = {
    FormulaText(f, _end) {
      return f.toAst();
    },
    FIff_iff: bin('iff'),
    FImp_implies: bin('implies'),
    FOr_or: bin('or'),
    FAnd_and: bin('and'),
    FBin_until: bin('U'),
    FBin_release: bin('R'),
    FBin_weakUntil: bin('W'),
    FPlain_implies: bin('implies'),
    FPlain_iff: bin('iff'),
    FPlainOr_or: bin('or'),
    FPlainAnd_and: bin('and'),
    FUnary_not(_bang, arg) {
      return { kind: 'not', arg: arg.toAst(), span: span(this) } satisfies A.FormulaAst;
    },
    FUnary_ctl(op, arg) {
      return { kind: op.sourceString as 'EX', arg: arg.toAst(), span: span(this) } satisfies A.FormulaAst;
    },
    FUnary_ctlBinary(q, _open, left, op, right, _close) {
      const kind = `${q.sourceString}${op.sourceString}` as 'EU' | 'AU' | 'EW' | 'AW';
      return { kind, left: left.toAst(), right: right.toAst(), span: span(this) } satisfies A.FormulaAst;
    },
    FUnary_quantified(q, path) {
      return { kind: q.sourceString as 'A' | 'E', path: path.toAst(), span: span(this) } satisfies A.FormulaAst;
    },
    FUnary_ltl(op, arg) {
      return { kind: LTL_UNARY[op.sourceString], arg: arg.toAst(), span: span(this) } satisfies A.FormulaAst;
    },
    FPrimary_atom(e) {
      return { kind: 'atom', expr: e.toAst(), span: span(this) } satisfies A.FormulaAst;
    },
    FPrimary_paren(_o, f, _c) {
      return f.toAst();
    },
    FPrimary_deadlock(_kw) {
      return { kind: 'deadlock', span: span(this) } satisfies A.FormulaAst;
    },
};
