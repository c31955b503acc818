/**
 * Checks one temporal formula on a system: pure CTL by labelling the
 * stored graph; LTL (`A φ`, `E φ`, or a bare path formula meaning `A φ`)
 * through the Büchi product — on the fly by nested DFS, or by fair SCCs
 * of the full product when fairness is declared. Early stops and range
 * faults give `unknown`, never `holds`.
 */
import { explore } from '../explore/explore.js';
import type { Exploration, StoredStates } from '../explore/exploration.js';
import type { ExploreLimits } from '../explore/limits.js';
import type { TransitionSystem } from '../system/transitionSystem.js';
import { CtlLabeller } from './ctl/labelStates.js';
import { ctlNnf } from './ctl/negationNormalForm.js';
import { CtlWitness } from './ctl/ctlWitness.js';
import type { FairnessConstraint } from './fairness.js';
import { isCtl, isLtlPath, type Formula } from './formula.js';
import { buchiProduct } from './ltl/buchiProduct.js';
import { nestedDfs } from './ltl/nestedDfs.js';
import { sccEmptiness } from './ltl/sccEmptiness.js';
import { ltlToBuchi } from './ltl/toBuchi.js';
import type { Evidence, Verdict } from './verdict.js';

export interface FormulaCheckOptions {
  readonly fairness?: readonly FairnessConstraint[];
  readonly limits?: ExploreLimits;
  /** LTL emptiness algorithm; default: nested DFS without fairness, SCCs with. */
  readonly ltlAlgorithm?: 'ndfs' | 'scc';
  /** A finished exploration of the same system with edges stored, to share among CTL checks. */
  readonly exploration?: Exploration;
}

export interface FormulaCheck {
  readonly logic: 'ctl' | 'ltl';
  readonly verdict: Verdict;
  /** States explored (product states for LTL). */
  readonly states: number;
  /** What evidence indices refer to, and how to show those states. */
  readonly evidenceSystem: TransitionSystem;
  readonly evidenceStore?: StoredStates;
}

export class FormulaError extends Error {}

/** How a formula is checked: CTL, or LTL under A or E (bare path formulas mean A). */
export function classify(f: Formula): { logic: 'ctl'; formula: Formula } | { logic: 'ltl'; quantifier: 'A' | 'E'; path: Formula } {
  if (isCtl(f)) return { logic: 'ctl', formula: f };
  if ((f.kind === 'A' || f.kind === 'E') && isLtlPath(f.path)) return { logic: 'ltl', quantifier: f.kind, path: f.path };
  if (isLtlPath(f)) return { logic: 'ltl', quantifier: 'A', path: f };
  throw new FormulaError('the formula mixes CTL and LTL operators (CTL* is not supported): use path quantifiers on every temporal operator (CTL) or on none (LTL)');
}

export function checkFormula(system: TransitionSystem, f: Formula, options: FormulaCheckOptions = {}): FormulaCheck {
  const c = classify(f);
  if (c.logic === 'ctl') return checkCtl(system, c.formula, options);
  if (c.quantifier === 'A') return checkLtl(system, c.path, options);
  // E φ = ¬A ¬φ: a run satisfying φ is a counterexample to A ¬φ.
  const dual = checkLtl(system, { kind: 'not', arg: c.path }, options);
  const v = dual.verdict;
  const verdict: Verdict = v.result === 'violated' ? { result: 'holds', witness: v.evidence } : v.result === 'holds' ? { result: 'violated' } : v;
  return { ...dual, verdict };
}

function checkCtl(system: TransitionSystem, f: Formula, options: FormulaCheckOptions): FormulaCheck {
  const x = options.exploration?.graph ? options.exploration : explore(system, { ...options.limits, storeEdges: true });
  const base = { logic: 'ctl' as const, states: x.states, evidenceSystem: system, evidenceStore: x.store };
  if (x.status.kind === 'stopped' || !x.graph) {
    return { ...base, verdict: { result: 'unknown', reason: x.status.kind === 'stopped' && x.status.reason !== 'watched-found' ? x.status.reason : 'memory' } };
  }
  if (x.faults.length > 0) return { ...base, verdict: { result: 'unknown', reason: 'fault' } };
  const labeller = new CtlLabeller(system, x.store, x.graph, options.fairness ?? []);
  if (labeller.sat(f)[0] === 1) return { ...base, verdict: { result: 'holds' } };
  const evidence = new CtlWitness(labeller).witness(0, ctlNnf(f, true));
  return { ...base, verdict: { result: 'violated', evidence } };
}

/**
 * The product lasso as the user should see it: without the virtual first
 * step (the automaton choosing its start state), and with a terminal state's
 * stutter shown once (the automaton may need several rounds of it; the
 * system state does not change).
 */
function displayLasso(e: Evidence, start: number, stutter: number): Evidence {
  let states = [...e.states];
  let transitions = [...e.transitions];
  let loopStart = e.loopStart;
  if (transitions[0] === start) {
    states = states.slice(1);
    transitions = transitions.slice(1);
    if (loopStart !== undefined) loopStart = Math.max(0, loopStart - 1);
  }
  const k = transitions.indexOf(stutter);
  if (k >= 0) {
    // From the first stutter on, the system stays in that terminal state forever.
    states = [...states.slice(0, k + 1), states[k]];
    transitions = [...transitions.slice(0, k), stutter];
    loopStart = k;
  }
  return { states, transitions, ...(loopStart !== undefined ? { loopStart } : {}), branches: [] };
}

function checkLtl(system: TransitionSystem, path: Formula, options: FormulaCheckOptions): FormulaCheck {
  const automaton = ltlToBuchi({ kind: 'not', arg: path });
  const product = buchiProduct(system, automaton);
  const fairness = options.fairness ?? [];
  const algorithm = options.ltlAlgorithm ?? (fairness.length > 0 ? 'scc' : 'ndfs');
  if (algorithm === 'ndfs' && fairness.length > 0) throw new FormulaError('nested DFS does not handle fairness; use the SCC algorithm');
  const r = algorithm === 'ndfs' ? nestedDfs(product, product.acceptingAtom, options.limits) : sccEmptiness(product, fairness, options.limits);
  const base = { logic: 'ltl' as const, states: r.states, evidenceSystem: product };
  switch (r.kind) {
    case 'stopped':
      return { ...base, verdict: { result: 'unknown', reason: r.reason } };
    case 'no-accepting-cycle':
      return { ...base, verdict: r.faults > 0 ? { result: 'unknown', reason: 'fault' } : { result: 'holds' } };
    case 'accepting-cycle':
      return { ...base, evidenceStore: r.store, verdict: { result: 'violated', evidence: displayLasso(r.lasso, product.start, product.stutter) } };
  }
}
