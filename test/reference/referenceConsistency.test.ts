/**
 * The references checked against each other on random structures: CTL vs
 * LTL on the common fragment (with and without fairness), fair CTL under a
 * vacuous constraint vs the plain fixpoints, and the exact LTL search vs
 * brute-force enumeration of short lassos.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Formula } from '../../src/logic/formula.js';
import { commonPair, ctlFormula, ltlFormula } from '../arbitraries/randomFormula.js';
import { kripkeWith, randomKripke } from '../arbitraries/randomKripke.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';
import { ctlHolds } from './ctlReference.js';
import { type KripkeFairness } from './kripke.js';
import { evaluateOnLasso, isFairLasso, showLasso } from './lasso.js';
import { lassosUpTo } from './lassoEnumeration.js';
import { ltlExists, ltlHolds } from './ltlReference.js';
import { truthOnLasso } from './ltlOnLasso.js';
import { coreOf } from './ltlTableau.js';

const fairnessArb: fc.Arbitrary<KripkeFairness[]> = fc.array(
  fc.record({ kind: fc.constantFrom<'weak' | 'strong'>('weak', 'strong'), transitions: fc.uniqueArray(fc.nat({ max: 7 }), { maxLength: 3 }) }),
  { maxLength: 2 },
);

describe('CTL reference vs LTL reference on the common fragment', () => {
  for (const fairness of ['none', 'some'] as const) {
    it(`agrees at the initial state and everywhere via A/E (fairness: ${fairness})`, () => {
      fc.assert(
        fc.property(kripkeWith((atoms) => commonPair(atoms, 2), { fairness }), ({ kripke, value: pair }) => {
          const ctl = ctlHolds(kripke, pair.ctl);
          const ltl = pair.quantifier === 'A' ? ltlHolds(kripke, pair.path) : ltlExists(kripke, pair.path);
          expect(ctl[kripke.initial]).toBe(ltl);
          expect(ctlHolds(kripke, pair.quantified)).toEqual(ctl);
        }),
        { numRuns: numRuns(300) },
      );
    }, propertyTimeout);
  }

  it('does not equate AF AG p with A F G p (the generator must not either)', () => {
    const k = { states: 3, initial: 0, succ: [[0, 1], [2], [2]], labels: [[true], [false], [true]] };
    const p: Formula = { kind: 'atom', atom: 0 };
    expect(ctlHolds(k, { kind: 'AF', arg: { kind: 'AG', arg: p } })[0]).toBe(false);
    expect(ltlHolds(k, { kind: 'F', arg: { kind: 'G', arg: p } })).toBe(true);
  });
});

describe('fair CTL reference', () => {
  it('equals the plain fixpoints under a constraint that is never enabled', () => {
    const vacuous: KripkeFairness[] = [{ kind: 'strong', transitions: [] }];
    fc.assert(
      fc.property(kripkeWith((atoms) => ctlFormula(atoms, 3)), ({ kripke, value: f }) => {
        expect(ctlHolds(kripke, f, vacuous)).toEqual(ctlHolds(kripke, f, []));
      }),
      { numRuns: numRuns(300) },
    );
  }, propertyTimeout);

  it('gives every state a fair path (some terminal component can always be walked fairly)', () => {
    fc.assert(
      fc.property(randomKripke(), fairnessArb, (k, fairness) => {
        expect(ctlHolds(k, { kind: 'EG', arg: { kind: 'true' } }, fairness).every(Boolean)).toBe(true);
      }),
      { numRuns: numRuns(200) },
    );
  }, propertyTimeout);
});

describe('fair CTL reference vs fair LTL reference', () => {
  it('agrees on EG/AF of every literal at every state: loop sets vs the tableau', () => {
    fc.assert(
      fc.property(randomKripke({ fairness: 'some', maxConstraints: 3 }), (k) => {
        const literals: Formula[] = k.labels[0].flatMap((_, atom): Formula[] => [
          { kind: 'atom', atom },
          { kind: 'not', arg: { kind: 'atom', atom } },
        ]);
        for (const lit of literals) {
          const eg = ctlHolds(k, { kind: 'EG', arg: lit });
          const af = ctlHolds(k, { kind: 'AF', arg: lit });
          for (let s = 0; s < k.states; s++) {
            expect(eg[s]).toBe(ltlExists(k, { kind: 'G', arg: lit }, k.fairness, s));
            expect(af[s]).toBe(ltlHolds(k, { kind: 'F', arg: lit }, k.fairness, s));
          }
        }
      }),
      { numRuns: numRuns(250) },
    );
  }, propertyTimeout);
});

describe('LTL reference vs brute-force lasso enumeration', () => {
  it('finds every violation that a short lasso shows; core forms and the fixpoint evaluator agree', () => {
    fc.assert(
      fc.property(
        kripkeWith((atoms) => ltlFormula(atoms, 3), { maxStates: 4, maxOut: 2 }),
        fairnessArb,
        ({ kripke, value: f }, fairness) => {
          const holds = ltlHolds(kripke, f, fairness);
          const core = coreOf(f);
          for (const lasso of lassosUpTo(kripke, kripke.initial, 5)) {
            const truth = evaluateOnLasso(kripke, lasso, f);
            expect(evaluateOnLasso(kripke, lasso, core)).toEqual(truth);
            // ltlOnLasso.ts evaluates words of letters by fixpoints, independently of the scans here.
            const letters = lasso.states.map((st) => kripke.labels[st].flatMap((v, a) => (v ? [a] : [])));
            const word = { stem: letters.slice(0, lasso.loopStart), loop: letters.slice(lasso.loopStart) };
            expect(truthOnLasso(f, word)).toEqual(truth);
            if (holds && !truth[0] && isFairLasso(kripke, lasso, fairness)) {
              expect.fail(`missed the fair counterexample ${showLasso(lasso)}`);
            }
          }
        },
      ),
      { numRuns: numRuns(150) },
    );
  }, propertyTimeout);
});
