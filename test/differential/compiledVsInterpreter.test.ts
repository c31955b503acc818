/**
 * Differential test of the whole pipeline on random specs: generated DSL
 * text is parsed, elaborated and compiled, and the packed explorers and
 * checkSpec must agree with the plain IR interpreter (test/reference).
 * Each run also asserts that its generator reached the constructs it is
 * meant to exercise, so a drifting generator cannot make the test vacuous.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GeneratedSpec } from '../arbitraries/generatedSpec.js';
import { randomNetSpec } from '../arbitraries/randomNetSpec.js';
import { randomSharedSystemSpec, randomWorkflowSpec } from '../arbitraries/randomWorkflowSpec.js';
import { checkAgainstInterpreter } from './compareWithInterpreter.js';

const deep = process.env.WFCHECK_DEEP !== undefined;
const runs = (base: number) => (deep ? base * 20 : base);
const timeout = deep ? 900_000 : 60_000;

const VERDICTS = ['invariant:holds', 'invariant:violated', 'reachable:holds', 'reachable:violated', 'deadlock_free:holds', 'range:violated'];
const WORKFLOW_FEATURES = [
  ...VERDICTS,
  'invariant:unknown',
  'fault',
  'no-fault',
  'kind:compensate',
  'kind:timer',
  'outcome:failed',
  'outcome:failed after effect',
  'outcome:retry',
  'outcome:retry after effect',
  'resets',
  'reads-written-slot',
  'either',
  'repeat',
  'while',
  'compensate with',
  'parallel wait_all',
  'parallel ordered_abort',
  'parallel ordered_continue',
  'parallel gather_raise',
  'join:join (all ok)',
  'join:join (a branch failed)',
  'join:await branch # (ok)',
  'join:await branch # (failed)',
  'join:branch # failed',
];

interface Generator {
  readonly name: string;
  readonly arb: fc.Arbitrary<GeneratedSpec>;
  readonly numRuns: number;
  readonly seed: number;
  /** Feature tags (specFeatures) some checked spec must show. */
  readonly mustCover: readonly string[];
}

const generators: readonly Generator[] = [
  { name: 'net', arb: randomNetSpec, numRuns: 80, seed: 0x5eed01, mustCover: [...VERDICTS, 'deadlock_free:violated', 'deadlock', 'fault', 'no-fault', 'weighted-arc', 'invariant:unknown'] },
  { name: 'workflow', arb: randomWorkflowSpec(), numRuns: 80, seed: 0x5eed02, mustCover: WORKFLOW_FEATURES },
  { name: 'system', arb: randomSharedSystemSpec(), numRuns: 30, seed: 0x5eed03, mustCover: [...VERDICTS, 'shared-written-by-two-instances', 'kind:compensate', 'outcome:retry'] },
];

describe('compiled system vs IR interpreter on random specs', () => {
  for (const g of generators) {
    it(`${g.name} specs: packed BFS/DFS, checkSpec and its counterexamples agree with the IR interpreter`, () => {
      let checked = 0;
      let skipped = 0;
      const seen = new Map<string, number>();
      fc.assert(
        fc.property(g.arb, (spec) => {
          const outcome = checkAgainstInterpreter(spec);
          if (outcome.kind === 'skipped') {
            skipped++;
            return;
          }
          checked++;
          for (const f of outcome.features) seen.set(f, (seen.get(f) ?? 0) + 1);
        }),
        { numRuns: runs(g.numRuns), seed: g.seed },
      );
      if (deep) console.log(`${g.name}: ${checked} checked, ${skipped} skipped (over the state limit); features: ${JSON.stringify([...seen].sort())}`);
      // Too-big specs are skipped; a generator that mostly skips tests nothing.
      expect(skipped).toBeLessThanOrEqual(checked / 10);
      expect(g.mustCover.filter((f) => !seen.has(f))).toEqual([]);
    }, timeout);
  }
});
