/**
 * Differential test of the generated successor code on random model IR:
 * in any state (reachable or not), the compiled successors, their order,
 * their transition ids and the range faults must be exactly what the IR
 * interpreter computes. The nets mix one-bit, wide and offset slots over
 * several words, weighted and duplicated arcs, resets, guards and updates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/compile/compileModel.js';
import { binary, constant, slotRef, type Expr } from '../../src/model/expr.js';
import { makeModel, makeSlot, makeTransition, type Model } from '../../src/model/model.js';
import { typeRange } from '../../src/model/types.js';
import { pack, unpack } from '../../src/system/stateLayout.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';
import { fire, step } from '../reference/irInterpreter.js';

/** Slot ranges: mostly one-bit places (packed 32 a word), some wide, some data with a negative low end. */
const slotRange = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ lo: 0, hi: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom({ lo: 0, hi: 3 }, { lo: 0, hi: 5 }, { lo: 0, hi: 255 }, { lo: 0, hi: 65535 }, { lo: 0, hi: 2 ** 31 - 1 }) },
  { weight: 1, arbitrary: fc.constantFrom({ lo: -2, hi: 3 }, { lo: 1, hi: 4 }, { lo: 0, hi: 2 ** 32 - 1 }, { lo: 7, hi: 7 }) },
);

interface Plan {
  readonly ranges: readonly { lo: number; hi: number }[];
  readonly transitions: readonly {
    pre: readonly { slot: number; weight: number }[];
    post: readonly { slot: number; weight: number }[];
    resets: readonly number[];
    guard: { slot: number; op: '>=' | '!=' | '<'; value: number } | null;
    updates: readonly { slot: number; from: number; add: number }[];
  }[];
}

const planOf = (minTransitions: number, maxTransitions: number): fc.Arbitrary<Plan> => fc.array(slotRange, { minLength: 1, maxLength: 80 }).chain((ranges) => {
  const slot = fc.nat(ranges.length - 1);
  const arc = fc.record({ slot, weight: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) }) });
  const transition = fc.record({
    pre: fc.array(arc, { maxLength: 4 }),
    post: fc.array(arc, { maxLength: 4 }),
    resets: fc.oneof({ weight: 6, arbitrary: fc.constant<number[]>([]) }, { weight: 1, arbitrary: fc.array(slot, { minLength: 1, maxLength: 2 }) }),
    guard: fc.option(fc.record({ slot, op: fc.constantFrom('>=' as const, '!=' as const, '<' as const), value: fc.integer({ min: -1, max: 3 }) }), { freq: 5 }),
    updates: fc.oneof({ weight: 6, arbitrary: fc.constant<{ slot: number; from: number; add: number }[]>([]) }, { weight: 1, arbitrary: fc.array(fc.record({ slot, from: slot, add: fc.integer({ min: -2, max: 2 }) }), { minLength: 1, maxLength: 2 }) }),
  });
  return fc.record({ ranges: fc.constant(ranges), transitions: fc.array(transition, { minLength: minTransitions, maxLength: maxTransitions }) });
});
const plan = planOf(1, 120);

function modelOf(p: Plan): Model {
  const span = { file: 'random', start: 0, end: 0 };
  const slots = p.ranges.map((r, i) => makeSlot({ name: `p${i}`, role: r.lo === 0 ? 'place' : 'var', type: { kind: 'int', ...r }, initial: r.lo }));
  const transitions = p.transitions.map((t, i) => {
    const guard: Expr | undefined = t.guard === null ? undefined : binary(t.guard.op, slotRef(t.guard.slot), constant(t.guard.value));
    // One update per slot: a transition assigns each slot at most once.
    const updates = [...new Map(t.updates.map((u) => [u.slot, u])).values()].map((u) => ({ slot: u.slot, value: binary('+', slotRef(u.from), constant(u.add)) }));
    return makeTransition({ name: `t${i}`, label: `t${i}`, kind: 'net', origin: span, pre: t.pre, post: t.post, updates, ...(guard ? { guard } : {}), ...(t.resets.length > 0 ? { resets: t.resets } : {}) });
  });
  return makeModel({ kind: 'net', name: 'random', span, slots, transitions, terminal: constant(0), properties: [], clusters: [] });
}

/** States to expand: each slot at its low end, one above, its high end or anywhere in range, so that arcs are both enabled and overflowing. */
function statesFor(p: Plan): fc.Arbitrary<number[][]> {
  const value = (r: { lo: number; hi: number }) =>
    fc.oneof(fc.constant(r.lo), fc.constant(Math.min(r.hi, r.lo + 1)), fc.constant(r.hi), fc.constant(Math.max(r.lo, r.hi - 1)), fc.integer({ min: r.lo, max: r.hi }));
  return fc.array(fc.tuple(...p.ranges.map(value)), { minLength: 1, maxLength: 12 });
}

interface Observed {
  readonly emitted: { t: number; next: number[] }[];
  readonly faults: { t: number; message: string }[];
}

function expected(model: Model, s: number[]): Observed {
  const emitted: Observed['emitted'] = [];
  const faults: Observed['faults'] = [];
  const transitions = model.transitions.toArray();
  for (const { transition, next } of step(model, s)) {
    if (next !== undefined) {
      emitted.push({ t: transition, next });
      continue;
    }
    // Every value out of its slot's range is reported, in slot order here (the compiled order may differ).
    fire(transitions[transition], s).forEach((v, slot) => {
      const sl = model.slots.get(slot)!;
      const { lo, hi } = typeRange(sl.type);
      if (v < lo || v > hi) faults.push({ t: transition, message: sl.role === 'place' ? `place '${sl.name}' would hold ${v} tokens (capacity ${hi})` : `'${sl.name}' would become ${v}, outside its range ${lo}..${hi}` });
    });
  }
  return { emitted, faults };
}

function sortFaults(f: Observed['faults']): Observed['faults'] {
  return [...f].sort((a, b) => a.t - b.t || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

describe('generated successor code vs the IR interpreter', () => {
  const agrees = (plans: fc.Arbitrary<Plan>, runs: number, seed: number) => {
    let multiWord = 0;
    let emittedAny = 0;
    let faultedAny = 0;
    fc.assert(
      fc.property(
        plans.chain((p) => fc.tuple(fc.constant(p), statesFor(p))),
        ([p, states]) => {
          const model = modelOf(p);
          const system = compileModel(model);
          if (system.layout.stateWords > 1) multiWord++;
          for (const values of states) {
            const s = pack(system.layout, values);
            const copy = s.slice();
            const seen: Observed = { emitted: [], faults: [] };
            const n = system.successors(
              s,
              (t, next) => seen.emitted.push({ t, next: unpack(system.layout, next) }),
              (t, message) => seen.faults.push({ t, message }),
            );
            const want = expected(model, values);
            expect(seen.emitted).toEqual(want.emitted);
            expect(n).toBe(want.emitted.length);
            expect(sortFaults(seen.faults)).toEqual(sortFaults(want.faults));
            expect(s).toEqual(copy);
            if (want.emitted.length > 0) emittedAny++;
            if (want.faults.length > 0) faultedAny++;
          }
        },
      ),
      { numRuns: numRuns(runs), seed },
    );
    return { multiWord, emittedAny, faultedAny };
  };

  it('emits the same successors in transition order and reports the same faults, from any state', () => {
    const seen = agrees(plan, 150, 0x9e4c01);
    // The generator must reach what the fast paths special-case.
    expect(seen.multiWord).toBeGreaterThan(10);
    expect(seen.emittedAny).toBeGreaterThan(50);
    expect(seen.faultedAny).toBeGreaterThan(20);
  }, propertyTimeout * 6);

  it('agrees on nets of hundreds of transitions, compiled into several functions', () => {
    const seen = agrees(planOf(400, 700), 8, 0x9e4c03);
    expect(seen.emittedAny).toBeGreaterThan(8);
  }, propertyTimeout * 6);

  it('gives the same successors when a sink asks for successors of another state meanwhile', () => {
    fc.assert(
      fc.property(
        plan.chain((p) => fc.tuple(fc.constant(p), statesFor(p))),
        ([p, states]) => {
          const model = modelOf(p);
          const system = compileModel(model);
          const packed = states.map((v) => pack(system.layout, v));
          const plainRun = (s: Int32Array) => {
            const out: number[][] = [];
            system.successors(s, (t, next) => out.push([t, ...next]));
            return out;
          };
          const alone = packed.map(plainRun);
          const nested = packed.map((s, i) => {
            const out: number[][] = [];
            system.successors(s, (t, next) => {
              const inner = plainRun(packed[(i + 1) % packed.length]);
              expect(inner).toEqual(alone[(i + 1) % packed.length]);
              out.push([t, ...next]);
            });
            return out;
          });
          expect(nested).toEqual(alone);
        },
      ),
      { numRuns: numRuns(40), seed: 0x9e4c02 },
    );
  }, propertyTimeout * 3);
});
