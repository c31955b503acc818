/**
 * Interval analysis of IR expressions: bounds on the value an expression
 * can take, given each slot's declared range. Sound (over-approximating),
 * used to reject updates that can never stay within their target's range.
 */
import type { Expr } from './expr.js';

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

const BOOL: Interval = { lo: 0, hi: 1 };

export function intervalOf(e: Expr, rangeOf: (slot: number) => Interval): Interval {
  switch (e.kind) {
    case 'const':
      return { lo: e.value, hi: e.value };
    case 'slot':
      return rangeOf(e.slot);
    case 'neg': {
      const a = intervalOf(e.arg, rangeOf);
      return { lo: -a.hi, hi: -a.lo };
    }
    case 'not':
      return BOOL;
    case 'cond': {
      const a = intervalOf(e.then, rangeOf);
      const b = intervalOf(e.else, rangeOf);
      return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
    }
    case 'binary': {
      const a = intervalOf(e.left, rangeOf);
      const b = intervalOf(e.right, rangeOf);
      switch (e.op) {
        case '+':
          return { lo: a.lo + b.lo, hi: a.hi + b.hi };
        case '-':
          return { lo: a.lo - b.hi, hi: a.hi - b.lo };
        case '*': {
          const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
          return { lo: Math.min(...p), hi: Math.max(...p) };
        }
        case 'min':
          return { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
        case 'max':
          return { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
        default:
          return BOOL;
      }
    }
  }
}
