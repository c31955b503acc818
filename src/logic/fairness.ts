/**
 * Fairness constraints and fair SCCs. A constraint is a group of
 * transition ids. An infinite path is weakly fair for a group if the group
 * is not enabled continuously from some point on without being taken
 * infinitely often; strongly fair if it is not enabled infinitely often
 * without being taken infinitely often. Finite maximal paths (ending in a
 * dead state) are fair. An SCC carries a fair cycle iff, for each group,
 * the group is taken inside it, or (weak) disabled somewhere in it, or
 * (strong) disabled everywhere in it — strong groups are refined by
 * removing the states that enable them (Emerson–Lei).
 */
import type { StateGraph } from '../explore/exploration.js';
import { nontrivialSccs } from './sccSubgraph.js';
import type { StateSet } from './stateSets.js';

export interface FairnessConstraint {
  readonly kind: 'weak' | 'strong';
  /** Display name (e.g. "strong fairness of UnlockFunds"). */
  readonly name: string;
  /** membership[t] = 1 when transition t belongs to the group. */
  readonly membership: Uint8Array;
}

/** Extra requirement on cycles: visit a state of each set (generalized Büchi acceptance). */
export type AcceptanceSets = readonly StateSet[];

export interface FairComponent {
  readonly states: readonly number[];
}

/**
 * Whether constraint `c` (by index) has a transition enabled at state `s`.
 * On a system's own graph that is "some outgoing edge is in the group"; on a
 * Büchi product it must come from the system (the automaton may block an
 * enabled transition's product edge), so callers can supply it.
 */
export type EnabledOracle = (c: number, s: number) => boolean;

export function edgeEnabledness(g: StateGraph, constraints: readonly FairnessConstraint[]): EnabledOracle {
  return (c, s) => {
    const m = constraints[c].membership;
    for (let e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (m[g.labels[e]]) return true;
    return false;
  };
}

function takenInside(g: StateGraph, c: FairnessConstraint, inC: StateSet, states: readonly number[]): boolean {
  for (const s of states) {
    for (let e = g.offsets[s]; e < g.offsets[s + 1]; e++) if (c.membership[g.labels[e]] && inC[g.targets[e]]) return true;
  }
  return false;
}

/**
 * Non-trivial SCCs of the subgraph `within` that contain a cycle meeting
 * every fairness constraint and visiting every acceptance set.
 */
export function fairSccs(
  g: StateGraph,
  within: StateSet,
  constraints: readonly FairnessConstraint[],
  acceptance: AcceptanceSets = [],
  enabledIn: EnabledOracle = edgeEnabledness(g, constraints),
): FairComponent[] {
  const fair: FairComponent[] = [];
  const work: number[][] = nontrivialSccs(g, within);
  const mask = new Uint8Array(g.states);
  while (work.length > 0) {
    const states = work.pop()!;
    for (const s of states) mask[s] = 1;
    let verdict: 'fair' | 'unfair' | 'refined' = 'fair';
    if (!acceptance.every((set) => states.some((s) => set[s]))) verdict = 'unfair';
    for (let ci = 0; ci < constraints.length; ci++) {
      const c = constraints[ci];
      if (verdict !== 'fair') break;
      if (takenInside(g, c, mask, states)) continue;
      const enabled = states.filter((s) => enabledIn(ci, s));
      if (enabled.length === 0) continue;
      if (c.kind === 'weak') {
        if (enabled.length === states.length) verdict = 'unfair';
        continue;
      }
      // Strong: a fair cycle must avoid every state that enables the group.
      const rest = new Uint8Array(g.states);
      for (const s of states) rest[s] = 1;
      for (const s of enabled) rest[s] = 0;
      work.push(...nontrivialSccs(g, rest));
      verdict = 'refined';
    }
    for (const s of states) mask[s] = 0;
    if (verdict === 'fair') fair.push({ states });
  }
  return fair;
}

/**
 * A cycle through `start` inside the component that takes each constraint's
 * transition (when taken inside) or visits a disabling state, and visits each
 * acceptance set: the loop of a fair lasso.
 */
export function fairCycleTargets(
  g: StateGraph,
  component: FairComponent,
  constraints: readonly FairnessConstraint[],
  acceptance: AcceptanceSets,
  enabledIn: EnabledOracle = edgeEnabledness(g, constraints),
): { states: number[]; edges: { from: number; label: number; to: number }[] } {
  const inC = new Uint8Array(g.states);
  for (const s of component.states) inC[s] = 1;
  const states: number[] = [];
  const edges: { from: number; label: number; to: number }[] = [];
  for (const set of acceptance) {
    const s = component.states.find((x) => set[x]);
    if (s !== undefined) states.push(s);
  }
  for (let ci = 0; ci < constraints.length; ci++) {
    const c = constraints[ci];
    let edge: { from: number; label: number; to: number } | undefined;
    for (const s of component.states) {
      for (let e = g.offsets[s]; e < g.offsets[s + 1] && !edge; e++) {
        if (c.membership[g.labels[e]] && inC[g.targets[e]]) edge = { from: s, label: g.labels[e], to: g.targets[e] };
      }
      if (edge) break;
    }
    if (edge) {
      edges.push(edge);
      continue;
    }
    const disabled = component.states.find((s) => !enabledIn(ci, s));
    if (disabled !== undefined) states.push(disabled);
  }
  return { states, edges };
}
