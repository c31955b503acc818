/**
 * Temporal formulas of the IR → SPIN's LTL syntax (`[]`, `<>`, `X`, `U`,
 * `W`, `V` for release). Atoms become names the caller `#define`s. CTL
 * operators have no SPIN counterpart: such a formula gives undefined.
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import type { Expr } from '../model/expr.js';
import type { TemporalFormula } from '../model/temporal.js';

export interface LtlText {
  readonly text: string;
  /** Uses X, which SPIN accepts only when it was built with -DNXT. */
  readonly usesNext: boolean;
}

export function ltlText(f: TemporalFormula, atom: (e: Expr) => string): LtlText | undefined {
  let usesNext = false;
  const walk = (g: TemporalFormula): string | undefined => {
    const two = (op: string, l: TemporalFormula, r: TemporalFormula) => {
      const a = walk(l);
      const b = walk(r);
      return a === undefined || b === undefined ? undefined : `(${a} ${op} ${b})`;
    };
    const one = (op: string, x: TemporalFormula) => {
      const a = walk(x);
      return a === undefined ? undefined : `${op}(${a})`;
    };
    switch (g.kind) {
      case 'atom':
        return atom(g.expr);
      case 'not':
        return one('!', g.arg);
      case 'and':
        return two('&&', g.left, g.right);
      case 'or':
        return two('||', g.left, g.right);
      case 'implies':
        return two('->', g.left, g.right);
      case 'iff':
        return two('<->', g.left, g.right);
      case 'X':
        usesNext = true;
        return one('X ', g.arg);
      case 'F':
        return one('<> ', g.arg);
      case 'G':
        return one('[] ', g.arg);
      case 'U':
        return two('U', g.left, g.right);
      case 'W':
        return two('W', g.left, g.right);
      case 'R':
        return two('V', g.left, g.right);
      case 'EX':
      case 'AX':
      case 'EF':
      case 'AF':
      case 'EG':
      case 'AG':
      case 'EU':
      case 'AU':
      case 'EW':
      case 'AW':
      case 'A':
      case 'E':
        return undefined;
      default:
        return unreachable(g);
    }
  };
  const text = walk(f);
  return text === undefined ? undefined : { text, usesNext };
}
