/**
 * The verdicts checkSpec should give for invariant, reachable, deadlock
 * freedom and the range check, from the IR interpreter's exploration alone. A range fault cuts the state space short, so a verdict
 * that needs all of it is `unknown` then; one with a witness stays decided.
 */
import type { PropertyResult } from '../../src/api/checkReport.js';
import { RANGE_PROPERTY } from '../../src/api/checkSpec.js';
import type { Model } from '../../src/model/model.js';
import type { Interpretation } from '../reference/irInterpreter.js';

export interface ExpectedVerdict {
  readonly result: PropertyResult;
  /** Length of the shortest counterexample, when the result is `violated` and one is shown. */
  readonly depth?: number;
}

export function interpretedVerdicts(model: Model, ref: Interpretation): Map<string, ExpectedVerdict> {
  const faulty = ref.faults.length > 0;
  const out = new Map<string, ExpectedVerdict>();
  out.set(RANGE_PROPERTY, faulty ? { result: 'violated', depth: ref.faultDepth } : { result: 'holds' });
  model.properties.forEach((p, k) => {
    const hit = ref.properties[k].firstHit;
    // Temporal properties (ctl/ltl) are not the interpreter's business: no entry.
    if (p.kind === 'invariant') out.set(p.name, hit >= 0 ? { result: 'violated', depth: hit } : { result: faulty ? 'unknown' : 'holds' });
    if (p.kind === 'reachable') out.set(p.name, { result: hit >= 0 ? 'holds' : faulty ? 'unknown' : 'violated' });
    if (p.kind === 'deadlock_free') {
      out.set(p.name, ref.deadlocks > 0 ? { result: 'violated', depth: ref.deadlockDepth } : { result: faulty ? 'unknown' : 'holds' });
    }
  });
  return out;
}
