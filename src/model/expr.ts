/**
 * Data expressions of the model IR. Names are already resolved to slot
 * indices; booleans are 0/1 and enum values their index, so the compiler sees
 * integers only. `origin` spans are kept for range-fault messages.
 */
export type BinaryOp =
  | '+' | '-' | '*'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '&&' | '||' | '->' | '<->'
  | 'min' | 'max';

export type Expr =
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'slot'; readonly slot: number }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'not'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'cond'; readonly cond: Expr; readonly then: Expr; readonly else: Expr };

export const TRUE: Expr = { kind: 'const', value: 1 };
export const FALSE: Expr = { kind: 'const', value: 0 };

export function constant(value: number): Expr {
  return { kind: 'const', value };
}
export function slotRef(slot: number): Expr {
  return { kind: 'slot', slot };
}
export function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { kind: 'binary', op, left, right };
}
/** A balanced tree, so conjunctions over thousands of instances stay shallow for the compiler. */
function balanced(op: '&&' | '||', parts: readonly Expr[]): Expr {
  if (parts.length === 1) return parts[0];
  const mid = parts.length >> 1;
  return binary(op, balanced(op, parts.slice(0, mid)), balanced(op, parts.slice(mid)));
}
export function and(...xs: Expr[]): Expr {
  const parts = xs.filter((x) => !(x.kind === 'const' && x.value !== 0));
  if (parts.some((x) => x.kind === 'const' && x.value === 0)) return FALSE;
  if (parts.length === 0) return TRUE;
  return balanced('&&', parts);
}
export function or(...xs: Expr[]): Expr {
  const parts = xs.filter((x) => !(x.kind === 'const' && x.value === 0));
  if (parts.some((x) => x.kind === 'const' && x.value !== 0)) return TRUE;
  if (parts.length === 0) return FALSE;
  return balanced('||', parts);
}
export function not(x: Expr): Expr {
  if (x.kind === 'const') return constant(x.value === 0 ? 1 : 0);
  return { kind: 'not', arg: x };
}

/** Replace slot reads by expressions (used to compose sequential assignments). */
export function substitute(e: Expr, env: ReadonlyMap<number, Expr>): Expr {
  switch (e.kind) {
    case 'const':
      return e;
    case 'slot':
      return env.get(e.slot) ?? e;
    case 'neg':
      return { kind: 'neg', arg: substitute(e.arg, env) };
    case 'not':
      return { kind: 'not', arg: substitute(e.arg, env) };
    case 'binary':
      return { kind: 'binary', op: e.op, left: substitute(e.left, env), right: substitute(e.right, env) };
    case 'cond':
      return { kind: 'cond', cond: substitute(e.cond, env), then: substitute(e.then, env), else: substitute(e.else, env) };
  }
}

export function slotsRead(e: Expr, into: Set<number> = new Set()): Set<number> {
  switch (e.kind) {
    case 'const':
      break;
    case 'slot':
      into.add(e.slot);
      break;
    case 'neg':
    case 'not':
      slotsRead(e.arg, into);
      break;
    case 'binary':
      slotsRead(e.left, into);
      slotsRead(e.right, into);
      break;
    case 'cond':
      slotsRead(e.cond, into);
      slotsRead(e.then, into);
      slotsRead(e.else, into);
      break;
  }
  return into;
}

/** Evaluate over a plain value array: the reference semantics the compiled code must match. */
export function evaluate(e: Expr, values: ArrayLike<number>): number {
  switch (e.kind) {
    case 'const':
      return e.value;
    case 'slot':
      return values[e.slot];
    case 'neg':
      return -evaluate(e.arg, values);
    case 'not':
      return evaluate(e.arg, values) === 0 ? 1 : 0;
    case 'cond':
      return evaluate(e.cond, values) !== 0 ? evaluate(e.then, values) : evaluate(e.else, values);
    case 'binary': {
      const a = evaluate(e.left, values);
      // Short-circuit ops first, so a guarded division is not evaluated.
      if (e.op === '&&') return a !== 0 && evaluate(e.right, values) !== 0 ? 1 : 0;
      if (e.op === '||') return a !== 0 || evaluate(e.right, values) !== 0 ? 1 : 0;
      if (e.op === '->') return a === 0 || evaluate(e.right, values) !== 0 ? 1 : 0;
      const b = evaluate(e.right, values);
      return applyBinary(e.op, a, b);
    }
  }
}

/** Integer semantics shared by the reference evaluator and the code generator. (No division: workflows do not need it, and it would bring division-by-zero faults.) */
export function applyBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '&&': return a !== 0 && b !== 0 ? 1 : 0;
    case '||': return a !== 0 || b !== 0 ? 1 : 0;
    case '->': return a === 0 || b !== 0 ? 1 : 0;
    case '<->': return (a !== 0) === (b !== 0) ? 1 : 0;
    case 'min': return Math.min(a, b);
    case 'max': return Math.max(a, b);
  }
}
