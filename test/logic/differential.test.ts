/**
 * The real CTL and LTL checkers against the brute-force references on
 * random Kripke structures and random formulas (with and without
 * fairness), and every counterexample they return certified on the
 * structure: a real, fair path that really violates the formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormula, type FormulaCheck } from '../../src/logic/checkFormula.js';
import type { Formula } from '../../src/logic/formula.js';
import { ctlFormula, ltlFormula } from '../arbitraries/randomFormula.js';
import { kripkeWith } from '../arbitraries/randomKripke.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';
import { ctlHolds } from '../reference/ctlReference.js';
import { fairnessConstraintsOf, systemOf, type Kripke } from '../reference/kripke.js';
import { evaluateOnLasso, isFairLasso, isLassoOf, lassoFromPath, type Lasso } from '../reference/lasso.js';
import { ltlExists, ltlHolds } from '../reference/ltlReference.js';

const STUTTER = -1;

/** The evidence of a check as a lasso over the structure's own states and transition ids. */
function evidenceLasso(k: Kripke, r: FormulaCheck): Lasso {
  const v = r.verdict;
  const evidence = v.result === 'violated' ? v.evidence : v.result === 'holds' ? v.witness : undefined;
  if (!evidence || !r.evidenceStore) throw new Error('no evidence');
  const buf = new Int32Array(r.evidenceStore.stateWords);
  const states = evidence.states.map((i) => {
    r.evidenceStore!.read(i, buf);
    return buf[0];
  });
  const stutter = r.evidenceSystem.transitionCount - 2; // the product's stutter id (buchiProduct)
  const transitions = evidence.transitions.map((t) => (r.logic === 'ltl' && t === stutter ? STUTTER : t));
  return lassoFromPath(states, transitions, evidence.loopStart);
}

function certify(k: Kripke, r: FormulaCheck, f: Formula, shouldHold: boolean): void {
  const lasso = evidenceLasso(k, r);
  expect(lasso.states[0]).toBe(k.initial);
  expect(isLassoOf(k, lasso), 'the evidence is a path of the structure').toBe(true);
  expect(isFairLasso(k, lasso, k.fairness ?? []), 'the evidence is a fair path').toBe(true);
  expect(evaluateOnLasso(k, lasso, f)[0], 'the path satisfies/violates the formula').toBe(shouldHold);
}

describe('CTL against the fixpoint reference', () => {
  it('agrees on random structures and formulas', () => {
    fc.assert(
      fc.property(kripkeWith((atoms) => ctlFormula(atoms, 3)), ({ kripke, value: f }) => {
        const expected = ctlHolds(kripke, f, [])[kripke.initial];
        const r = checkFormula(systemOf(kripke), f);
        expect(r.verdict.result).toBe(expected ? 'holds' : 'violated');
      }),
      { numRuns: numRuns(300) },
    );
  }, propertyTimeout);

  it('agrees under weak and strong fairness', () => {
    fc.assert(
      fc.property(kripkeWith((atoms) => ctlFormula(atoms, 3), { fairness: 'some' }), ({ kripke, value: f }) => {
        const expected = ctlHolds(kripke, f)[kripke.initial];
        const r = checkFormula(systemOf(kripke), f, { fairness: fairnessConstraintsOf(kripke) });
        expect(r.verdict.result).toBe(expected ? 'holds' : 'violated');
      }),
      { numRuns: numRuns(300) },
    );
  }, propertyTimeout);
});

describe('LTL against the tableau reference', () => {
  for (const algorithm of ['ndfs', 'scc'] as const) {
    it(`A φ agrees (${algorithm}), and each counterexample is a real path violating φ`, () => {
      fc.assert(
        fc.property(kripkeWith((atoms) => ltlFormula(atoms, 3)), ({ kripke, value: f }) => {
          const expected = ltlHolds(kripke, f, []);
          const r = checkFormula(systemOf(kripke), { kind: 'A', path: f }, { ltlAlgorithm: algorithm });
          expect(r.verdict.result).toBe(expected ? 'holds' : 'violated');
          if (r.verdict.result === 'violated') certify(kripke, r, f, false);
        }),
        { numRuns: numRuns(250) },
      );
    }, propertyTimeout);
  }

  it('E φ agrees, and each witness is a real path satisfying φ', () => {
    fc.assert(
      fc.property(kripkeWith((atoms) => ltlFormula(atoms, 3)), ({ kripke, value: f }) => {
        const expected = ltlExists(kripke, f, []);
        const r = checkFormula(systemOf(kripke), { kind: 'E', path: f });
        expect(r.verdict.result).toBe(expected ? 'holds' : 'violated');
        if (r.verdict.result === 'holds') certify(kripke, r, f, true);
      }),
      { numRuns: numRuns(200) },
    );
  }, propertyTimeout);

  it('A φ agrees under fairness, and each counterexample is a fair path violating φ', () => {
    fc.assert(
      fc.property(kripkeWith((atoms) => ltlFormula(atoms, 3), { fairness: 'some' }), ({ kripke, value: f }) => {
        const expected = ltlHolds(kripke, f);
        const r = checkFormula(systemOf(kripke), { kind: 'A', path: f }, { fairness: fairnessConstraintsOf(kripke) });
        expect(r.verdict.result).toBe(expected ? 'holds' : 'violated');
        if (r.verdict.result === 'violated') certify(kripke, r, f, false);
      }),
      { numRuns: numRuns(250) },
    );
  }, propertyTimeout);
});
