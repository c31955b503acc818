/**
 * Expressions printed back for tooltips and machine edges: names for slots,
 * enum and bool values by name, parentheses exactly where needed.
 */
import { describe, expect, it } from 'vitest';
import { binary, constant, not, slotRef, type Expr } from '../../src/model/expr.js';
import { conjuncts, exprText, updateText, type SlotTable } from '../../src/render/exprText.js';

const SLOTS: SlotTable = [
  { name: 'x', type: { kind: 'int', lo: 0, hi: 9 } },
  { name: 'y', type: { kind: 'int', lo: -5, hi: 5 } },
  { name: 'status', type: { kind: 'enum', name: 'status', values: ['Running', 'Done'] } },
  { name: 'ok', type: { kind: 'bool' } },
];
const x = slotRef(0);
const y = slotRef(1);

describe('exprText', () => {
  it('parenthesises by precedence and left associativity', () => {
    expect(exprText(binary('*', binary('+', x, y), constant(2)), SLOTS)).toBe('(x + y) * 2');
    expect(exprText(binary('+', x, binary('*', y, constant(2))), SLOTS)).toBe('x + y * 2');
    expect(exprText(binary('-', x, binary('-', y, constant(1))), SLOTS)).toBe('x - (y - 1)');
    expect(exprText(binary('-', binary('-', x, y), constant(1)), SLOTS)).toBe('x - y - 1');
    expect(exprText(binary('&&', binary('||', x, y), not(binary('<', x, constant(3)))), SLOTS)).toBe('(x || y) && !(x < 3)');
    expect(exprText({ kind: 'neg', arg: binary('+', x, y) }, SLOTS)).toBe('-(x + y)');
    expect(exprText(binary('max', x, constant(1)), SLOTS)).toBe('max(x, 1)');
    expect(exprText({ kind: 'cond', cond: slotRef(3), then: x, else: y }, SLOTS)).toBe('ok ? x : y');
  });

  it('names enum and bool constants compared with or assigned to such slots', () => {
    expect(exprText(binary('==', slotRef(2), constant(1)), SLOTS)).toBe('status == Done');
    expect(exprText(binary('!=', constant(0), slotRef(2)), SLOTS)).toBe('Running != status');
    expect(exprText(binary('==', slotRef(3), constant(1)), SLOTS)).toBe('ok == true');
    expect(updateText({ slot: 2, value: constant(0) }, SLOTS)).toBe('status = Running');
    expect(updateText({ slot: 0, value: binary('+', x, constant(1)) }, SLOTS)).toBe('x = x + 1');
  });

  it('splits a guard into its conjuncts, dropping `true`', () => {
    const g: Expr = binary('&&', binary('&&', binary('<', x, constant(3)), constant(1)), slotRef(3));
    expect(conjuncts(g).map((c) => exprText(c, SLOTS))).toEqual(['x < 3', 'ok']);
  });
});
