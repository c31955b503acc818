/**
 * Formula AST → TemporalFormula, checking it belongs to the logic its
 * declaration names: `ctl` needs a path quantifier on every temporal
 * operator, `ltl` none inside (one outer A or E at most). A formula in the
 * wrong logic is a located error that says which operator gave it away.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemporalFormula } from '../model/temporal.js';
import type { FormulaAst } from '../parse/ast.js';
import { deadlockExpr, type ModelView } from './atoms.js';
import { BOOL, lowerExpr, type ExprContext } from './lowerExpr.js';

const LTL_OPS = new Set(['X', 'F', 'G', 'U', 'R', 'W']);
const CTL_OPS = new Set(['EX', 'AX', 'EF', 'AF', 'EG', 'AG', 'EU', 'AU', 'EW', 'AW']);

export function lowerFormula(f: FormulaAst, logic: 'ctl' | 'ltl', ctx: ExprContext, view: ModelView, text: string, top = true): TemporalFormula | undefined {
  const diags: Diagnostic[] = ctx.diags;
  const sub = (g: FormulaAst) => lowerFormula(g, logic, ctx, view, text, false);
  if (logic === 'ctl' && (LTL_OPS.has(f.kind) || f.kind === 'A' || f.kind === 'E')) {
    const op = f.kind === 'A' || f.kind === 'E' ? `the path quantifier ${f.kind} on its own` : `'${f.kind}'`;
    diags.push(error('WF402', `${op} is LTL, but this is a ctl property: write A${f.kind === 'A' || f.kind === 'E' ? 'G/AF/…' : f.kind} or E${f.kind === 'A' || f.kind === 'E' ? 'G/EF/…' : f.kind}, or declare the property as ltl`, f.span));
    return undefined;
  }
  if (logic === 'ltl' && CTL_OPS.has(f.kind)) {
    diags.push(error('WF402', `'${f.kind}' is CTL, but this is an ltl property: drop the path quantifier (write ${f.kind.slice(1)}), or declare the property as ctl`, f.span));
    return undefined;
  }
  if (logic === 'ltl' && (f.kind === 'A' || f.kind === 'E') && !top) {
    diags.push(error('WF402', `a path quantifier inside an ltl formula makes it CTL*, which wfcheck does not check: put A or E only in front of the whole formula`, f.span));
    return undefined;
  }
  switch (f.kind) {
    case 'atom': {
      const typed = lowerExpr(f.expr, ctx, BOOL);
      return typed && { kind: 'atom', expr: typed.expr, text: text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ').trim() };
    }
    case 'deadlock':
      return { kind: 'atom', expr: deadlockExpr(view), text: 'deadlock' };
    case 'not':
    case 'EX':
    case 'AX':
    case 'EF':
    case 'AF':
    case 'EG':
    case 'AG':
    case 'X':
    case 'F':
    case 'G': {
      const arg = sub(f.arg);
      return arg && { kind: f.kind, arg };
    }
    case 'A':
    case 'E': {
      const path = sub(f.path);
      return path && { kind: f.kind, path };
    }
    default: {
      const left = sub(f.left);
      const right = sub(f.right);
      return left && right ? { kind: f.kind, left, right } : undefined;
    }
  }
}
