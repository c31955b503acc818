/**
 * The automaton clean-ups on their own: on random small automata (including
 * contradictory labels, dead ends and unreachable states, which the tableau
 * never makes) each clean-up and their fixpoint keep the accepted lasso words;
 * hand-made cases pin what each one removes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Buchi, Literal } from '../../../src/logic/ltl/buchi.js';
import { mergeBisimilar } from '../../../src/logic/ltl/mergeBisimilar.js';
import { pruneDominated } from '../../../src/logic/ltl/pruneDominated.js';
import { cleanAcceptance, reduceBuchi, trim } from '../../../src/logic/ltl/reduceBuchi.js';
import { numRuns, propertyTimeout } from '../../arbitraries/randomSystem.js';
import { randomLasso } from '../../arbitraries/randomLtl.js';
import { acceptsLasso } from '../../reference/ltlOnLasso.js';

const literal: fc.Arbitrary<Literal> = fc.record({ atom: fc.integer({ min: 0, max: 1 }), positive: fc.boolean() });

/** Automata with 1–6 states over atoms 0 and 1; labels sorted as the translation keeps them. */
const randomBuchi: fc.Arbitrary<Buchi> = fc.integer({ min: 1, max: 6 }).chain((n) => {
  const indices = Array.from({ length: n }, (_, i) => i);
  const state = fc.record({
    label: fc
      .uniqueArray(literal, { maxLength: 2, selector: (l) => `${l.atom}${l.positive}` })
      .map((ls) => ls.sort((a, b) => a.atom - b.atom || Number(a.positive) - Number(b.positive))),
    next: fc.subarray(indices),
  });
  return fc.record({
    states: fc.array(state, { minLength: n, maxLength: n }),
    initial: fc.subarray(indices, { minLength: 1 }),
    acceptance: fc.array(fc.subarray(indices), { maxLength: 2 }),
  });
});

const edges = (a: Buchi): number => a.states.reduce((sum, s) => sum + s.next.length, 0);

describe('automaton clean-ups keep the language', () => {
  const steps: readonly (readonly [string, (a: Buchi) => Buchi])[] = [
    ['trim', trim],
    ['cleanAcceptance', cleanAcceptance],
    ['mergeBisimilar', mergeBisimilar],
    ['pruneDominated', pruneDominated],
    ['reduceBuchi', reduceBuchi],
  ];
  it.each(steps)('%s accepts the same lasso words', (_name, step) => {
    fc.assert(
      fc.property(randomBuchi, fc.array(randomLasso(2), { minLength: 1, maxLength: 8 }), (a, lassos) => {
        const b = step(a);
        expect(b.states.length).toBeLessThanOrEqual(a.states.length);
        expect(edges(b)).toBeLessThanOrEqual(edges(a));
        for (const lasso of lassos) expect(acceptsLasso(b, lasso), JSON.stringify(lasso)).toBe(acceptsLasso(a, lasso));
      }),
      { numRuns: numRuns(300), seed: 17 },
    );
  }, propertyTimeout);

  it('reduceBuchi reaches a fixpoint: nothing left to trim or merge', () => {
    fc.assert(
      fc.property(randomBuchi, (a) => {
        const b = reduceBuchi(a);
        expect(trim(b).states.length).toBe(b.states.length);
        expect(mergeBisimilar(b).states.length).toBe(b.states.length);
      }),
      { numRuns: numRuns(300), seed: 19 },
    );
  });
});

const p: Literal = { atom: 0, positive: true };
const notP: Literal = { atom: 0, positive: false };

describe('what each clean-up removes', () => {
  it('trim drops unreachable, contradictory and dead-end states', () => {
    const a: Buchi = {
      states: [
        { label: [], next: [0, 1, 2] }, // kept: a self-loop
        { label: [notP, p], next: [3] }, // contradictory
        { label: [p], next: [] }, // dead end
        { label: [], next: [3] }, // only reachable through the contradictory state
        { label: [], next: [4] }, // unreachable
      ],
      initial: [0],
      acceptance: [],
    };
    expect(trim(a)).toEqual({ states: [{ label: [], next: [0] }], initial: [0], acceptance: [] });
  });

  it('trim drops cycles that miss an acceptance set', () => {
    const a: Buchi = {
      states: [
        { label: [], next: [0, 1] },
        { label: [p], next: [1] },
      ],
      initial: [0],
      acceptance: [[0]],
    };
    expect(trim(a)).toEqual({ states: [{ label: [], next: [0] }], initial: [0], acceptance: [[0]] });
  });

  it('cleanAcceptance drops sets met by every state, and supersets of other sets', () => {
    const a: Buchi = {
      states: [
        { label: [notP], next: [1] }, // on no cycle, and no twin on one: joins every set
        { label: [p], next: [1, 2] },
        { label: [], next: [1] },
      ],
      initial: [0],
      acceptance: [[1, 2], [1], [1, 2, 0]],
    };
    expect(cleanAcceptance(a).acceptance).toEqual([[0, 1]]);
  });

  it('cleanAcceptance lets a state on no cycle copy the sets of its twin on a cycle', () => {
    const a: Buchi = {
      states: [
        { label: [], next: [1] }, // on no cycle; state 2 is its twin
        { label: [p], next: [1, 2] },
        { label: [], next: [1] },
      ],
      initial: [0],
      acceptance: [[1]],
    };
    expect(cleanAcceptance(a).acceptance).toEqual([[1]]);
    expect(reduceBuchi(a).states).toHaveLength(2);
  });

  it('mergeBisimilar merges states with equal labels, sets and successor classes', () => {
    const a: Buchi = {
      states: [
        { label: [], next: [1, 2] },
        { label: [p], next: [0] },
        { label: [p], next: [0] },
      ],
      initial: [0],
      acceptance: [[1, 2]],
    };
    expect(mergeBisimilar(a)).toEqual({
      states: [
        { label: [], next: [1] },
        { label: [p], next: [0] },
      ],
      initial: [0],
      acceptance: [[1]],
    });
  });

  it('mergeBisimilar keeps states apart that differ only in acceptance', () => {
    const a: Buchi = {
      states: [
        { label: [], next: [0, 1] },
        { label: [], next: [0, 1] },
      ],
      initial: [0],
      acceptance: [[1]],
    };
    expect(mergeBisimilar(a)).toEqual(a);
  });

  it('pruneDominated drops an edge to a state a sibling target can stand in for', () => {
    const a: Buchi = {
      states: [
        { label: [], next: [1, 2] },
        { label: [p], next: [0] }, // stronger label, fewer successors: dominated by 2
        { label: [], next: [0, 2] },
      ],
      initial: [0],
      acceptance: [],
    };
    expect(pruneDominated(a).states[0].next).toEqual([2]);
  });
});
