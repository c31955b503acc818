/**
 * CTL model checking by labelling: the set of states satisfying each
 * subformula, bottom-up over the stored graph (byte masks, linear in
 * graph × formula). Maximal-path semantics: a dead state has no successor,
 * so EX is false and AX true there, and EG φ holds at a dead φ-state.
 * Under fairness, path quantifiers range over fair paths (finite maximal
 * paths are fair): fair EG by fair SCCs, the rest reduced to it.
 */
import { unreachable } from '../../diagnostics/diagnostic.js';
import type { StateGraph, StoredStates } from '../../explore/exploration.js';
import type { AtomId, TransitionSystem } from '../../system/transitionSystem.js';
import { fairSccs, type FairnessConstraint } from '../fairness.js';
import type { Formula } from '../formula.js';
import { nontrivialSccs } from '../sccSubgraph.js';
import { backwardReach, isDead, reverseGraph, type ReverseGraph, type StateSet } from '../stateSets.js';

export class CtlLabeller {
  readonly rev: ReverseGraph;
  readonly dead: StateSet;
  private readonly atoms = new Map<AtomId, StateSet>();
  private fairStates: StateSet | undefined;
  private readonly cache = new Map<Formula, StateSet>();

  constructor(
    readonly system: TransitionSystem,
    readonly store: StoredStates,
    readonly graph: StateGraph,
    readonly fairness: readonly FairnessConstraint[] = [],
  ) {
    this.rev = reverseGraph(graph);
    this.dead = new Uint8Array(graph.states);
    for (let s = 0; s < graph.states; s++) if (isDead(graph, s)) this.dead[s] = 1;
  }

  get states(): number {
    return this.graph.states;
  }

  atom(a: AtomId): StateSet {
    let set = this.atoms.get(a);
    if (!set) {
      set = new Uint8Array(this.states);
      const buf = new Int32Array(this.store.stateWords);
      for (let s = 0; s < this.states; s++) {
        this.store.read(s, buf);
        if (this.system.label(buf, a)) set[s] = 1;
      }
      this.atoms.set(a, set);
    }
    return set;
  }

  /** States with at least one fair maximal path (all states without fairness). */
  fair(): StateSet {
    if (!this.fairStates) {
      this.fairStates = this.fairness.length === 0 ? this.constant(1) : this.eg(this.constant(1));
    }
    return this.fairStates;
  }

  sat(f: Formula): StateSet {
    let set = this.cache.get(f);
    if (!set) {
      set = this.compute(f);
      this.cache.set(f, set);
    }
    return set;
  }

  private constant(v: 0 | 1): StateSet {
    return new Uint8Array(this.states).fill(v);
  }

  private map2(a: StateSet, b: StateSet, op: (x: number, y: number) => number): StateSet {
    const out = new Uint8Array(this.states);
    for (let s = 0; s < out.length; s++) out[s] = op(a[s], b[s]);
    return out;
  }

  private not(a: StateSet): StateSet {
    const out = new Uint8Array(this.states);
    for (let s = 0; s < out.length; s++) out[s] = a[s] ^ 1;
    return out;
  }

  private and(a: StateSet, b: StateSet): StateSet {
    return this.map2(a, b, (x, y) => x & y);
  }

  /** EX φ over fair successors. */
  ex(phi: StateSet): StateSet {
    const g = this.graph;
    const target = this.fairness.length > 0 ? this.and(phi, this.fair()) : phi;
    const out = new Uint8Array(this.states);
    for (let s = 0; s < out.length; s++) {
      for (let e = g.offsets[s]; e < g.offsets[s + 1]; e++) {
        if (target[g.targets[e]]) {
          out[s] = 1;
          break;
        }
      }
    }
    return out;
  }

  /** E[φ U ψ], ψ reached at a fair state. */
  eu(phi: StateSet, psi: StateSet): StateSet {
    const target = this.fairness.length > 0 ? this.and(psi, this.fair()) : psi;
    return backwardReach(this.graph, this.rev, target, phi);
  }

  /** States of φ from which some (fair) maximal path stays in φ forever. */
  eg(phi: StateSet): StateSet {
    return backwardReach(this.graph, this.rev, this.egTargets(phi), phi);
  }

  /** Where EG φ's paths can settle: a dead φ-state or a (fair) φ-cycle. */
  egTargets(phi: StateSet): StateSet {
    const targets = this.and(phi, this.dead);
    const comps = this.fairness.length > 0 ? fairSccs(this.graph, phi, this.fairness).map((c) => c.states) : nontrivialSccs(this.graph, phi);
    for (const c of comps) for (const s of c) targets[s] = 1;
    return targets;
  }

  private compute(f: Formula): StateSet {
    switch (f.kind) {
      case 'true':
        return this.constant(1);
      case 'false':
        return this.constant(0);
      case 'atom':
        return this.atom(f.atom);
      case 'not':
        return this.not(this.sat(f.arg));
      case 'and':
        return this.and(this.sat(f.left), this.sat(f.right));
      case 'or':
        return this.map2(this.sat(f.left), this.sat(f.right), (x, y) => x | y);
      case 'implies':
        return this.map2(this.sat(f.left), this.sat(f.right), (x, y) => (x ^ 1) | y);
      case 'iff':
        return this.map2(this.sat(f.left), this.sat(f.right), (x, y) => (x === y ? 1 : 0));
      case 'EX':
        return this.ex(this.sat(f.arg));
      case 'AX':
        return this.not(this.ex(this.not(this.sat(f.arg))));
      case 'EF':
        return this.eu(this.constant(1), this.sat(f.arg));
      case 'AG':
        return this.not(this.eu(this.constant(1), this.not(this.sat(f.arg))));
      case 'EG':
        return this.eg(this.sat(f.arg));
      case 'AF':
        return this.not(this.eg(this.not(this.sat(f.arg))));
      case 'EU':
        return this.eu(this.sat(f.left), this.sat(f.right));
      case 'EW': {
        const phi = this.sat(f.left);
        return this.map2(this.eu(phi, this.sat(f.right)), this.eg(phi), (x, y) => x | y);
      }
      case 'AU': {
        // A[φ U ψ] = ¬(E[¬ψ U (¬φ ∧ ¬ψ)] ∨ EG ¬ψ)
        const notPsi = this.not(this.sat(f.right));
        const bad = this.eu(notPsi, this.and(this.not(this.sat(f.left)), notPsi));
        return this.not(this.map2(bad, this.eg(notPsi), (x, y) => x | y));
      }
      case 'AW': {
        // A[φ W ψ] = ¬E[¬ψ U (¬φ ∧ ¬ψ)]
        const notPsi = this.not(this.sat(f.right));
        return this.not(this.eu(notPsi, this.and(this.not(this.sat(f.left)), notPsi)));
      }
      case 'X':
      case 'F':
      case 'G':
      case 'U':
      case 'R':
      case 'W':
      case 'A':
      case 'E':
        throw new Error(`internal: ${f.kind} is not a CTL operator (the caller routes LTL to the LTL checker)`);
      default:
        return unreachable(f);
    }
  }
}
