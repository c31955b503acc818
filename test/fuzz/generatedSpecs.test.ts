/**
 * Random specs from the grammar (workflows, systems of instances, P/T nets,
 * as the differential tests generate them): each loads and gets a verdict
 * per property within small limits, with nothing thrown; a formula over its
 * variables checked through the API gets a verdict too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/api/loadedModel.js';
import { randomNetSpec } from '../arbitraries/randomNetSpec.js';
import { numRuns, propertyTimeout } from '../arbitraries/randomSystem.js';
import { randomSharedSystemSpec, randomWorkflowSpec } from '../arbitraries/randomWorkflowSpec.js';
import { FUZZ_LIMITS, answer, expectWellFormed } from './specAnswer.js';

const specs = fc.oneof(randomWorkflowSpec(), randomSharedSystemSpec(), randomNetSpec);

describe('generated specs', () => {
  it(
    'always get a verdict per property (never an exception), never holds after a limit',
    () => {
      fc.assert(
        fc.property(specs, (spec) => {
          const a = answer(spec.text);
          expectWellFormed(a, spec.text);
          expect(a.kind, a.kind === 'diagnostics' ? a.error.message : '').toBe('verdict');
        }),
        { numRuns: numRuns(40) },
      );
    },
    propertyTimeout,
  );

  it(
    'temporal formulas over their deadlock and termination atoms get a verdict through model.check',
    () => {
      const formulas = fc.constantFrom('AG !deadlock', 'EF deadlock', 'G !deadlock', 'F deadlock', 'AG EF !deadlock', 'G F !deadlock');
      fc.assert(
        fc.property(specs, formulas, (spec, formula) => {
          const r = parseSpec(spec.text, 'fuzz.wf').check(formula, FUZZ_LIMITS);
          expect(['holds', 'violated', 'unknown']).toContain(r.result);
          expect(r.kind).toBe(/^[AE]/.test(formula) ? 'ctl' : 'ltl');
        }),
        { numRuns: numRuns(25) },
      );
    },
    propertyTimeout,
  );
});
