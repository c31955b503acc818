/**
 * Model IR expressions back to readable text for tooltips and edge labels:
 * slot names instead of indices, enum and boolean values by name where the
 * other side of a comparison or assignment is an enum or bool slot, and
 * parentheses only where precedence needs them.
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import type { BinaryOp, Expr } from '../model/expr.js';
import type { Slot, Update } from '../model/model.js';
import { formatValue, type ValueType } from '../model/types.js';

const PRECEDENCE: Record<BinaryOp, number> = {
  '<->': 1,
  '->': 2,
  '||': 3,
  '&&': 4,
  '==': 5,
  '!=': 5,
  '<': 6,
  '<=': 6,
  '>': 6,
  '>=': 6,
  '+': 7,
  '-': 7,
  '*': 8,
  min: 10,
  max: 10,
};
const UNARY = 9;
const ATOM = 11;

/** Slot names and types by index: what a printed expression needs of the model. */
export type SlotTable = readonly Pick<Slot, 'name' | 'type'>[];

function typeOf(e: Expr, slots: SlotTable): ValueType | undefined {
  return e.kind === 'slot' ? slots[e.slot]?.type : undefined;
}

/** A constant as a value of `type` (an enum name, true/false), or a plain number. */
function constText(value: number, type: ValueType | undefined): string {
  if (type === undefined || type.kind === 'int') return String(value);
  return String(formatValue(type, value));
}

function precedenceOf(e: Expr): number {
  switch (e.kind) {
    case 'const':
    case 'slot':
      return ATOM;
    case 'neg':
    case 'not':
      return UNARY;
    case 'binary':
      return PRECEDENCE[e.op];
    case 'cond':
      return 0;
    default:
      return unreachable(e);
  }
}

function print(e: Expr, slots: SlotTable, hint: ValueType | undefined): string {
  switch (e.kind) {
    case 'const':
      return constText(e.value, hint);
    case 'slot':
      return slots[e.slot]?.name ?? `#${e.slot}`;
    case 'neg':
      return `-${wrap(e.arg, UNARY, slots, undefined)}`;
    case 'not':
      return `!${wrap(e.arg, UNARY, slots, undefined)}`;
    case 'cond':
      return `${wrap(e.cond, 1, slots, undefined)} ? ${wrap(e.then, 1, slots, hint)} : ${wrap(e.else, 1, slots, hint)}`;
    case 'binary': {
      if (e.op === 'min' || e.op === 'max') return `${e.op}(${print(e.left, slots, hint)}, ${print(e.right, slots, hint)})`;
      const p = PRECEDENCE[e.op];
      const comparison = p === 5 || p === 6;
      // A comparison shows a constant in the type of the slot on the other side.
      const leftHint = comparison ? typeOf(e.right, slots) : hint;
      const rightHint = comparison ? typeOf(e.left, slots) : hint;
      // Left-associative: an equal-precedence right operand needs parentheses.
      return `${wrap(e.left, p, slots, leftHint)} ${e.op} ${wrap(e.right, p + 1, slots, rightHint)}`;
    }
    default:
      return unreachable(e);
  }
}

function wrap(e: Expr, min: number, slots: SlotTable, hint: ValueType | undefined): string {
  const text = print(e, slots, hint);
  return precedenceOf(e) < min ? `(${text})` : text;
}

export function exprText(e: Expr, slots: SlotTable): string {
  return print(e, slots, undefined);
}

/** `x = e` with the value shown in x's type (`status = Completed`, `done = true`). */
export function updateText(u: Update, slots: SlotTable): string {
  const slot = slots[u.slot];
  return `${slot?.name ?? `#${u.slot}`} = ${print(u.value, slots, slot?.type)}`;
}

/** Conjuncts of a guard, top-level `&&` split apart (for one-per-line display). */
export function conjuncts(e: Expr): Expr[] {
  if (e.kind === 'binary' && e.op === '&&') return [...conjuncts(e.left), ...conjuncts(e.right)];
  if (e.kind === 'const' && e.value !== 0) return [];
  return [e];
}
