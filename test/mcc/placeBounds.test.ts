/**
 * Structural place bounds from P-semiflows: exact on small nets, absent
 * where no semiflow covers a place, and never below a marking the IR
 * interpreter reaches on random P/T nets (a bound below one would only
 * cost a widening round, but it must not happen).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constant } from '../../src/model/expr.js';
import { makeModel, makeSlot, makeTransition, type Model } from '../../src/model/model.js';
import { placeBounds, pSemiflows } from '../../src/mcc/placeBounds.js';
import { readPnml } from '../../src/pnml/readPnml.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';
import { interpretModel } from '../reference/irInterpreter.js';
import { pnmlText, type NetLines } from '../pnml/pnmlText.js';

function boundsOf(net: NetLines): (number | undefined)[] {
  return placeBounds(readPnml(pnmlText(net), 'n.pnml').model);
}

describe('placeBounds', () => {
  it('bounds the places of a conservative net by its token sums', () => {
    // Two mutex users: idle/wait/crit per user, one lock.
    const net = {
      places: 'i1=1 c1 i2=1 c2 lock=1',
      transitions: ['e1: i1 + lock -> c1', 'x1: c1 -> i1 + lock', 'e2: i2 + lock -> c2', 'x2: c2 -> i2 + lock'],
    };
    expect(boundsOf(net)).toEqual([1, 1, 1, 1, 1]);
  });

  it('divides by the weight of a place in its semiflow', () => {
    // 2a + b is invariant (t moves one a into two b): a ≤ 3, b ≤ 6.
    expect(boundsOf({ places: 'a=3 b', transitions: ['t: a -> 2*b', 'u: 2*b -> a'] })).toEqual([3, 6]);
  });

  it('gives no bound to a place no semiflow covers', () => {
    expect(boundsOf({ places: 'p=1 q', transitions: ['pump: p -> p + q'] })).toEqual([1, undefined]);
    expect(pSemiflows(readPnml(pnmlText({ places: 'p', transitions: ['pump: -> p'] }), 'n.pnml').model)).toEqual([]);
  });

  it('leaves a net too large for dense P-vectors to widening', () => {
    const places = Array.from({ length: 2001 }, (_, i) => `p${i}${i === 0 ? '=1' : ''}`).join(' ');
    const model = readPnml(pnmlText({ places, transitions: ['t: p0 -> p1', 'u: p1 -> p0'] }), 'n.pnml').model;
    expect(pSemiflows(model)).toBeUndefined();
    expect(placeBounds(model).every((b) => b === undefined)).toBe(true);
  });

  it('never bounds a place below what it holds in a reachable marking (random nets)', () => {
    const span = { file: 'random', start: 0, end: 0 };
    const arcs = (places: number) => fc.array(fc.record({ slot: fc.nat(places - 1), weight: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 });
    const net = fc.integer({ min: 1, max: 7 }).chain((places) =>
      fc.record({
        initial: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: places, maxLength: places }),
        transitions: fc.array(fc.record({ pre: arcs(places), post: arcs(places) }), { minLength: 1, maxLength: 8 }),
      }),
    );
    let bounded = 0;
    fc.assert(
      fc.property(net, ({ initial, transitions }) => {
        const model: Model = makeModel({
          kind: 'net',
          name: 'random',
          span,
          slots: initial.map((n, i) => makeSlot({ name: `p${i}`, role: 'place', type: { kind: 'int', lo: 0, hi: 60 }, initial: n })),
          transitions: transitions.map((t, i) => makeTransition({ name: `t${i}`, label: `t${i}`, kind: 'net', origin: span, pre: t.pre, post: t.post, updates: [] })),
          terminal: constant(0),
          properties: [],
          clusters: [],
        });
        const bounds = placeBounds(model);
        const ref = interpretModel(model, 3000);
        for (const key of ref.depth.keys()) {
          key.split(',').forEach((v, p) => {
            const b = bounds[p];
            if (b !== undefined) expect(Number(v)).toBeLessThanOrEqual(b);
          });
        }
        if (bounds.some((b) => b !== undefined)) bounded++;
      }),
      { numRuns: numRuns(200), seed: 0xb0b0 },
    );
    expect(bounded).toBeGreaterThan(20);
  }, propertyTimeout * 3);
});
