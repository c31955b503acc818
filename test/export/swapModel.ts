/**
 * A hand-built IR model whose one transition assigns in parallel with a
 * cross read (x := y; y := x + 1 mod 3, both from the pre-state): 6 states,
 * but 3 if the export forgot to copy the pre-state value of x first.
 */
import { binary, constant, slotRef } from '../../src/model/expr.js';
import { makeModel, makeSlot, makeTransition, type Model } from '../../src/model/model.js';

const span = { file: 'swap.wf', start: 0, end: 0 };

export const SWAP_STATES = 6;

export function swapModel(): Model {
  const x = slotRef(0);
  const y = slotRef(1);
  return makeModel({
    kind: 'machine',
    name: 'Swap',
    span,
    slots: [
      makeSlot({ name: 'x', role: 'var', type: { kind: 'int', lo: 0, hi: 2 }, initial: 0 }),
      makeSlot({ name: 'y', role: 'var', type: { kind: 'int', lo: 0, hi: 2 }, initial: 1 }),
    ],
    transitions: [
      makeTransition({
        name: 'shift',
        label: 'shift',
        kind: 'step',
        origin: span,
        pre: [],
        post: [],
        updates: [
          { slot: 0, value: y },
          { slot: 1, value: { kind: 'cond', cond: binary('>=', x, constant(2)), then: constant(0), else: binary('+', x, constant(1)) } },
        ],
      }),
    ],
    terminal: constant(0),
    properties: [],
    clusters: [],
  });
}
