/**
 * Cross-checks between the real algorithms: CTL vs LTL on the common
 * fragment (AG p ≡ A G p, EF p ≡ E F p, …), CTL evidence certified as real
 * (fair) paths, and fairness that cannot matter changing nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormula } from '../../src/logic/checkFormula.js';
import type { Evidence } from '../../src/logic/verdict.js';
import { commonPair, ctlFormula } from '../arbitraries/randomFormula.js';
import { kripkeWith } from '../arbitraries/randomKripke.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';
import { fairnessConstraintsOf, systemOf, type Kripke } from '../reference/kripke.js';
import { isFairLasso, isLassoOf, lassoFromPath } from '../reference/lasso.js';

function kripkeStates(r: ReturnType<typeof checkFormula>, e: Evidence): number[] {
  const buf = new Int32Array(r.evidenceStore!.stateWords);
  return e.states.map((i) => {
    r.evidenceStore!.read(i, buf);
    return buf[0];
  });
}

/** Every path of a CTL evidence tree is a real path of k; lassos are fair. */
function certifyTree(k: Kripke, r: ReturnType<typeof checkFormula>, e: Evidence, from: number): void {
  const states = kripkeStates(r, e);
  expect(states[0]).toBe(from);
  for (let i = 0; i + 1 < states.length; i++) expect(k.succ[states[i]]).toContain(states[i + 1]);
  if (e.loopStart !== undefined) {
    const lasso = lassoFromPath(states, [...e.transitions], e.loopStart);
    expect(isLassoOf(k, lasso)).toBe(true);
    expect(isFairLasso(k, lasso, k.fairness ?? [])).toBe(true);
  }
  for (const b of e.branches) certifyTree(k, r, b.evidence, states[b.at]);
}

describe('CTL and LTL agree on their common fragment', () => {
  it('a CTL formula and its LTL twin give the same verdict (without and with fairness)', () => {
    for (const fairness of ['none', 'some'] as const) {
      fc.assert(
        fc.property(kripkeWith((atoms) => commonPair(atoms, 2), { fairness }), ({ kripke, value: pair }) => {
          const options = { fairness: fairnessConstraintsOf(kripke) };
          const ctl = checkFormula(systemOf(kripke), pair.ctl, options);
          const ltl = checkFormula(systemOf(kripke), pair.quantified, options);
          expect(ctl.logic).toBe('ctl');
          expect(ltl.logic).toBe('ltl');
          expect(ctl.verdict.result).toBe(ltl.verdict.result);
        }),
        { numRuns: numRuns(200) },
      );
    }
  }, propertyTimeout);
});

describe('CTL evidence', () => {
  it('every violated formula comes with a tree of real (and fair) paths from the initial state', () => {
    fc.assert(
      fc.property(kripkeWith((atoms) => ctlFormula(atoms, 3), { fairness: 'some' }), ({ kripke, value: f }) => {
        const r = checkFormula(systemOf(kripke), f, { fairness: fairnessConstraintsOf(kripke) });
        if (r.verdict.result === 'violated' && r.verdict.evidence) certifyTree(kripke, r, r.verdict.evidence, kripke.initial);
      }),
      { numRuns: numRuns(300) },
    );
  }, propertyTimeout);
});

describe('fairness where it cannot matter', () => {
  it('on acyclic structures every maximal path is finite, so fairness changes no verdict', () => {
    fc.assert(
      fc.property(kripkeWith((atoms) => ctlFormula(atoms, 3), { fairness: 'some' }), ({ kripke, value: f }) => {
        // Keep only forward edges: the structure becomes acyclic.
        const acyclic: Kripke = { ...kripke, succ: kripke.succ.map((ts, s) => ts.filter((t) => t > s)), via: kripke.via?.map((vs, s) => vs.filter((_, i) => kripke.succ[s][i] > s)) };
        const plain = checkFormula(systemOf(acyclic), f);
        const fair = checkFormula(systemOf(acyclic), f, { fairness: fairnessConstraintsOf(acyclic) });
        expect(fair.verdict.result).toBe(plain.verdict.result);
      }),
      { numRuns: numRuns(200) },
    );
  }, propertyTimeout);
});
