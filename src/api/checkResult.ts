/**
 * What `model.check(…)` answers for one property or formula: the verdict as
 * a discriminated union (a counterexample only where something is violated,
 * a reason only where nothing was decided) plus the figures of the run.
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import type { Counterexample } from '../counterexample/counterexample.js';
import type { PropertyReport } from './checkReport.js';

export interface CheckStats {
  /** States stored when the verdict was reached (product states for LTL). */
  readonly states: number;
  readonly seconds: number;
}

interface ResultBase {
  /** The property's name, or the formula text for a formula given to check(). */
  readonly name: string;
  /** invariant | reachable | deadlock_free | range | sound | ctl | ltl */
  readonly kind: string;
  readonly formula: string;
  /** What the spec declares (`expect violated`); absent for formulas and built-ins. */
  readonly expected?: 'holds' | 'violated';
  readonly stats: CheckStats;
}

export type CheckResult =
  | (ResultBase & { readonly result: 'holds' })
  /** `counterexample` is absent only where no finite evidence exists (e.g. a `reachable` target never reached). */
  | (ResultBase & { readonly result: 'violated'; readonly counterexample?: Counterexample })
  /** A limit stopped the run (or a range fault cut it): never `holds`. */
  | (ResultBase & { readonly result: 'unknown'; readonly reason: string });

/** A PropertyReport (what checkSpec lists) as a CheckResult, named `name`. */
export function toCheckResult(p: PropertyReport, name: string = p.name): CheckResult {
  const base = {
    name,
    kind: p.kind,
    formula: p.formula,
    ...(p.expected !== undefined ? { expected: p.expected } : {}),
    stats: { states: p.states, seconds: p.seconds },
  };
  switch (p.result) {
    case 'holds':
      return { ...base, result: 'holds' };
    case 'violated':
      return { ...base, result: 'violated', ...(p.counterexample !== undefined ? { counterexample: p.counterexample } : {}) };
    case 'unknown':
      return { ...base, result: 'unknown', reason: p.reason ?? 'not decided' };
    default:
      return unreachable(p.result);
  }
}
