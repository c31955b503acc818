/**
 * IR expressions → Promela expression text (C integer semantics match ours
 * within 32 bits: comparisons and logic give 0/1). Only numbers we print and
 * fixed operators appear; slots are read through the caller's `read`.
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import type { Expr } from '../model/expr.js';

/**
 * 'statement': Promela's `(c -> a : b)` is used for choices. 'ltl': SPIN's
 * LTL parser takes `->` for implication even inside a proposition, so
 * choices become arithmetic (`c * a + !c * b`) there.
 */
export type ExprMode = 'statement' | 'ltl';

/** How a slot's value (not its stored number) is read, e.g. `p_idle` or `(v_x - 5)`. */
export type SlotReader = (slot: number) => string;

export function promelaInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer constant: ${n}`);
  if (n >= 0) return String(n);
  // Written as a subtraction (see 'neg' below); -2^31 has no positive counterpart in a Promela int.
  return -n > 2147483647 ? `(0 - ${-n - 1} - 1)` : `(0 - ${-n})`;
}

function choice(c: string, a: string, b: string, mode: ExprMode): string {
  return mode === 'statement' ? `(${c} -> ${a} : ${b})` : `((${c} != 0) * ${a} + (${c} == 0) * ${b})`;
}

export function promelaExpr(e: Expr, read: SlotReader, mode: ExprMode = 'statement'): string {
  const sub = (x: Expr) => promelaExpr(x, read, mode);
  switch (e.kind) {
    case 'const':
      return promelaInt(e.value);
    case 'slot':
      return read(e.slot);
    case 'neg':
      // Not `-x`: SPIN reprints inline LTL without spaces and then lexes `a < -x` as a broken `<->`.
      return `(0 - ${sub(e.arg)})`;
    case 'not':
      return `(!${sub(e.arg)})`;
    case 'cond':
      return choice(sub(e.cond), sub(e.then), sub(e.else), mode);
    case 'binary': {
      const a = sub(e.left);
      const b = sub(e.right);
      switch (e.op) {
        case '+':
        case '-':
        case '*':
        case '==':
        case '!=':
        case '<':
        case '<=':
        case '>':
        case '>=':
        case '&&':
        case '||':
          return `(${a} ${e.op} ${b})`;
        case '->':
          return `(!${a} || ${b})`;
        case '<->':
          return `((${a} != 0) == (${b} != 0))`;
        case 'min':
          return choice(`(${a} <= ${b})`, a, b, mode);
        case 'max':
          return choice(`(${a} >= ${b})`, a, b, mode);
        default:
          return unreachable(e.op);
      }
    }
    default:
      return unreachable(e);
  }
}
