/**
 * Emptiness of a Büchi product by SCC analysis of the whole product graph:
 * an accepting run exists iff a reachable non-trivial SCC meets every
 * acceptance set and every fairness constraint (fairness.ts). Used when
 * fairness is declared, and to cross-check the on-the-fly nested DFS.
 * Fairness talks about the *system's* enabled transitions, which are
 * recomputed per product state (the automaton can hide an enabled one).
 */
import { explore } from '../../explore/explore.js';
import type { ExploreLimits, StopReason } from '../../explore/limits.js';
import type { StoredStates } from '../../explore/exploration.js';
import { fairCycleTargets, fairSccs, type FairnessConstraint } from '../fairness.js';
import { shortestPath } from '../stateSets.js';
import { pathEvidence, type Evidence } from '../verdict.js';
import type { ProductSystem } from './buchiProduct.js';

export type SccEmptinessResult =
  | { readonly kind: 'accepting-cycle'; readonly store: StoredStates; readonly lasso: Evidence; readonly states: number }
  | { readonly kind: 'no-accepting-cycle'; readonly states: number; readonly faults: number }
  | { readonly kind: 'stopped'; readonly reason: StopReason; readonly states: number };

/** enabled[c][s] for product states, from the base system's own successors. */
function systemEnabledness(product: ProductSystem, store: StoredStates, states: number, fairness: readonly FairnessConstraint[]): Uint8Array[] {
  const enabled = fairness.map(() => new Uint8Array(states));
  const W = product.base.layout.stateWords;
  const buf = new Int32Array(product.layout.stateWords);
  const baseState = new Int32Array(W);
  for (let s = 0; s < states; s++) {
    store.read(s, buf);
    for (let w = 0; w < W; w++) baseState[w] = buf[w];
    product.base.successors(baseState, (t) => {
      for (let c = 0; c < fairness.length; c++) if (fairness[c].membership[t]) enabled[c][s] = 1;
    });
  }
  return enabled;
}

export function sccEmptiness(product: ProductSystem, fairness: readonly FairnessConstraint[], limits: ExploreLimits = {}): SccEmptinessResult {
  const x = explore(product, { ...limits, storeEdges: true });
  if (x.status.kind === 'stopped' || !x.graph) {
    return { kind: 'stopped', reason: x.status.kind === 'stopped' ? (x.status.reason === 'watched-found' ? 'max-states' : x.status.reason) : 'memory', states: x.states };
  }
  const g = x.graph;
  const n = g.states;
  const buf = new Int32Array(product.layout.stateWords);
  const acceptance = product.acceptanceAtoms.map((atom) => {
    const set = new Uint8Array(n);
    for (let s = 0; s < n; s++) {
      x.store.read(s, buf);
      if (product.label(buf, atom)) set[s] = 1;
    }
    return set;
  });
  const enabled = fairness.length > 0 ? systemEnabledness(product, x.store, n, fairness) : [];
  const oracle = (c: number, s: number) => enabled[c][s] === 1;
  const all = new Uint8Array(n).fill(1);
  const comps = fairSccs(g, all, fairness, acceptance, oracle);
  if (comps.length === 0) return { kind: 'no-accepting-cycle', states: n, faults: x.faults.length };

  // Lasso: shortest stem to any accepting component, then a loop through what it needs.
  const compOf = new Int32Array(n).fill(-1);
  comps.forEach((c, i) => c.states.forEach((s) => (compOf[s] = i)));
  const stem = shortestPath(g, 0, (s) => compOf[s] >= 0, () => true)!;
  const entry = stem.states[stem.states.length - 1];
  const comp = comps[compOf[entry]];
  const inComp = new Uint8Array(n);
  for (const s of comp.states) inComp[s] = 1;
  const states = [...stem.states];
  const transitions = [...stem.transitions];
  const loopStart = states.length - 1;
  const goTo = (target: number, minSteps: number) => {
    const p = shortestPath(g, states[states.length - 1], (s) => s === target, (s) => inComp[s] === 1, minSteps)!;
    states.push(...p.states.slice(1));
    transitions.push(...p.transitions);
  };
  const needs = fairCycleTargets(g, comp, fairness, acceptance, oracle);
  for (const w of needs.states) goTo(w, 0);
  for (const e of needs.edges) {
    goTo(e.from, 0);
    states.push(e.to);
    transitions.push(e.label);
  }
  goTo(entry, states.length - 1 === loopStart ? 1 : 0);
  return { kind: 'accepting-cycle', store: x.store, lasso: pathEvidence(states, transitions, loopStart), states: n };
}
