/**
 * Conformance against the Model Checking Contest's oracle (../shared/
 * conformance/mcc): every net up to 20,000 reachable markings must match
 * the MCC exactly on states, edges, token maxima, deadlock, UpperBounds and
 * ReachabilityDeadlock; the CTL and LTL answers are compared on the nets up
 * to 3,000 markings (all of the small nets under WFCHECK_DEEP). A single
 * mismatch fails. `npm run conformance` runs the whole set.
 */
import { describe, expect, it } from 'vitest';
import { mccDirectory, readManifest, runNet } from '../../bench/mccConformance.js';

const FIGURES_BOUND = 20_000;
const TEMPORAL_BOUND = process.env.WFCHECK_DEEP ? 20_000 : 3_000;
const STATE_SPACE_CATEGORIES = new Set(['UpperBounds', 'ReachabilityDeadlock']);

const manifest = readManifest();

describe('MCC conformance', () => {
  it('has the conformance set', () => {
    expect(manifest, `no manifest.json in ${mccDirectory()} (set WFCHECK_MCC_DIR)`).toBeDefined();
    expect(manifest!.models.length).toBe(manifest!.count);
  });

  for (const model of manifest?.models.filter((m) => m.states <= FIGURES_BOUND) ?? []) {
    const temporal = model.states <= TEMPORAL_BOUND;
    it(`${model.name}: figures, UpperBounds, ReachabilityDeadlock${temporal ? ', CTL, LTL' : ''}`, () => {
      const r = runNet(model, mccDirectory(), temporal ? {} : { categories: (c) => STATE_SPACE_CATEGORIES.has(c) });
      expect(r.mismatches).toEqual([]);
      expect(r.formulas.undecided).toBe(0);
      expect(r.formulas.total).toBeGreaterThan(0);
    });
  }
});
