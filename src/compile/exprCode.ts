/**
 * Validated IR expressions → JavaScript source over a packed state `s`.
 * Only numbers we produce and fixed operators appear in the output: no
 * name or text from the spec ever reaches generated code.
 */
import type { Expr } from '../model/expr.js';
import type { SlotLayout, StateLayout } from '../system/stateLayout.js';

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer constant: ${n}`);
  return n < 0 ? `(${n})` : String(n);
}

/**
 * Where a state word is read from: the Int32Array named by a string (`s`
 * gives `s[3]`), or a function naming the word (a local holding `s[3]`).
 */
export type WordSource = string | ((word: number) => string);

function wordCode(v: WordSource, word: number): string {
  return typeof v === 'string' ? `${v}[${word}]` : v(word);
}

/** Source reading slot `L` from the state words `v`. */
export function readCode(L: SlotLayout, v: WordSource = 's'): string {
  if (L.bits === 0) return int(L.lo);
  const w = wordCode(v, L.word);
  const raw = L.bits === 32 ? `(${w} >>> 0)` : L.shift === 0 ? `(${w} & ${L.mask})` : `((${w} >>> ${L.shift}) & ${L.mask})`;
  return L.lo === 0 ? raw : `(${raw} + ${int(L.lo)})`;
}

/** Statement writing the number in JS variable `value` into slot `L` of `v`. */
export function writeCode(L: SlotLayout, value: string, v = 'next'): string {
  if (L.bits === 0) return '';
  const stored = L.lo === 0 ? value : `(${value} - ${int(L.lo)})`;
  if (L.bits === 32) return `${v}[${L.word}] = ${stored} | 0;`;
  const clear = ~((L.mask << L.shift) | 0) | 0;
  return `${v}[${L.word}] = (${v}[${L.word}] & ${clear}) | (${stored} << ${L.shift});`;
}

/** Numeric expression (booleans are 0/1). */
export function exprCode(e: Expr, layout: StateLayout, v: WordSource = 's'): string {
  switch (e.kind) {
    case 'const':
      return int(e.value);
    case 'slot':
      return readCode(layout.slots[e.slot], v);
    case 'neg':
      return `(-${exprCode(e.arg, layout, v)})`;
    case 'not':
      return `(${exprCode(e.arg, layout, v)} === 0 ? 1 : 0)`;
    case 'cond':
      return `(${exprCode(e.cond, layout, v)} !== 0 ? ${exprCode(e.then, layout, v)} : ${exprCode(e.else, layout, v)})`;
    case 'binary': {
      const a = exprCode(e.left, layout, v);
      const b = exprCode(e.right, layout, v);
      switch (e.op) {
        case '+':
        case '-':
        case '*':
          return `(${a} ${e.op} ${b})`;
        case '==':
          return `(${a} === ${b} ? 1 : 0)`;
        case '!=':
          return `(${a} !== ${b} ? 1 : 0)`;
        case '<':
        case '<=':
        case '>':
        case '>=':
          return `(${a} ${e.op} ${b} ? 1 : 0)`;
        case '&&':
          return `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`;
        case '||':
          return `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`;
        case '->':
          return `(${a} === 0 || ${b} !== 0 ? 1 : 0)`;
        case '<->':
          return `((${a} !== 0) === (${b} !== 0) ? 1 : 0)`;
        case 'min':
          return `Math.min(${a}, ${b})`;
        case 'max':
          return `Math.max(${a}, ${b})`;
      }
    }
  }
}

/** Boolean-valued condition code (for `if`). */
export function condCode(e: Expr, layout: StateLayout, v: WordSource = 's'): string {
  if (e.kind === 'const') return e.value !== 0 ? 'true' : 'false';
  if (e.kind === 'binary') {
    const a = () => exprCode(e.left, layout, v);
    const b = () => exprCode(e.right, layout, v);
    switch (e.op) {
      case '&&':
        return `(${condCode(e.left, layout, v)} && ${condCode(e.right, layout, v)})`;
      case '||':
        return `(${condCode(e.left, layout, v)} || ${condCode(e.right, layout, v)})`;
      case '==':
        return `(${a()} === ${b()})`;
      case '!=':
        return `(${a()} !== ${b()})`;
      case '<':
      case '<=':
      case '>':
      case '>=':
        return `(${a()} ${e.op} ${b()})`;
      default:
        break;
    }
  }
  if (e.kind === 'not') return `!${condCode(e.arg, layout, v)}`;
  return `(${exprCode(e, layout, v)} !== 0)`;
}
