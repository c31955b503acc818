/**
 * Evidence for a CTL formula (in negation normal form) that holds at a
 * state: a path for EF/EU/EX, a lasso (or a path into a dead state) for EG,
 * and a tree when a conjunction needs two sub-witnesses or a path ends
 * where a nested E-formula must be shown. A-formulas hold on every path,
 * so they contribute no path of their own. The evidence of a violated
 * property is the witness of its negation.
 */
import { fairCycleTargets, fairSccs } from '../fairness.js';
import type { Formula } from '../formula.js';
import { printFormula } from '../printFormula.js';
import { nontrivialSccs } from '../sccSubgraph.js';
import { shortestPath, type GraphPath, type StateSet } from '../stateSets.js';
import { pathEvidence, type Evidence } from '../verdict.js';
import type { CtlLabeller } from './labelStates.js';

function trivial(e: Evidence): boolean {
  return e.states.length === 1 && e.branches.length === 0;
}

/** prefix (ending at evidence's first state) followed by evidence. */
function concat(prefix: GraphPath, e: Evidence): Evidence {
  const shift = prefix.states.length - 1;
  return {
    states: [...prefix.states, ...e.states.slice(1)],
    transitions: [...prefix.transitions, ...e.transitions],
    ...(e.loopStart !== undefined ? { loopStart: e.loopStart + shift } : {}),
    branches: e.branches.map((b) => ({ ...b, at: b.at + shift })),
  };
}

export class CtlWitness {
  constructor(private readonly L: CtlLabeller) {}

  private text(f: Formula): string {
    return printFormula(f, this.L.system.atoms);
  }

  private fairTarget(set: StateSet): (s: number) => boolean {
    const fair = this.L.fairness.length > 0 ? this.L.fair() : undefined;
    return fair ? (s) => set[s] === 1 && fair[s] === 1 : (s) => set[s] === 1;
  }

  /** Evidence that `f` holds at `s` (the caller knows it does). */
  witness(s: number, f: Formula): Evidence {
    const L = this.L;
    const single = pathEvidence([s], []);
    switch (f.kind) {
      case 'and': {
        const l = this.witness(s, f.left);
        const r = this.witness(s, f.right);
        if (trivial(l)) return r;
        if (trivial(r)) return l;
        return {
          ...single,
          branches: [
            { at: 0, note: this.text(f.left), evidence: l },
            { at: 0, note: this.text(f.right), evidence: r },
          ],
        };
      }
      case 'or':
        return this.witness(s, L.sat(f.left)[s] ? f.left : f.right);
      case 'EX': {
        const target = this.fairTarget(L.sat(f.arg));
        const path = shortestPath(L.graph, s, target, () => false, 1);
        return path ? this.continueWith(path, f.arg) : single;
      }
      case 'EF':
        return this.until(s, undefined, f.arg);
      case 'EU':
        return this.until(s, f.left, f.right);
      case 'EW':
        return L.sat({ kind: 'EU', left: f.left, right: f.right })[s] ? this.until(s, f.left, f.right) : this.globally(s, f.left);
      case 'EG':
        return this.globally(s, f.arg);
      default:
        return single;
    }
  }

  /** A path to the end state of `path`, then the witness of `f` there. */
  private continueWith(path: GraphPath, f: Formula): Evidence {
    const end = path.states[path.states.length - 1];
    const rest = this.witness(end, f);
    if (rest.states.length === 1 && rest.branches.length > 0) {
      // A tree at the end: hang its branches off the last state of the path.
      return { ...pathEvidence(path.states, path.transitions), branches: rest.branches.map((b) => ({ ...b, at: path.states.length - 1 })) };
    }
    return concat(path, rest);
  }

  private until(s: number, left: Formula | undefined, right: Formula): Evidence {
    const L = this.L;
    const within = left ? L.sat(left) : undefined;
    const path = shortestPath(L.graph, s, this.fairTarget(L.sat(right)), within ? (x) => within[x] === 1 : () => true);
    return path ? this.continueWith(path, right) : pathEvidence([s], []);
  }

  /** EG φ: stay in φ into a dead φ-state, or around a (fair) φ-cycle forever. */
  private globally(s: number, f: Formula): Evidence {
    const L = this.L;
    const g = L.graph;
    const phi = L.sat(f);
    const comps = L.fairness.length > 0 ? fairSccs(g, phi, L.fairness) : nontrivialSccs(g, phi).map((states) => ({ states }));
    const compOf = new Int32Array(g.states).fill(-1);
    comps.forEach((c, i) => c.states.forEach((x) => (compOf[x] = i)));
    const stem = shortestPath(g, s, (x) => phi[x] === 1 && (L.dead[x] === 1 || compOf[x] >= 0), (x) => phi[x] === 1);
    if (!stem) return pathEvidence([s], []);
    const entry = stem.states[stem.states.length - 1];
    if (compOf[entry] < 0) return pathEvidence(stem.states, stem.transitions);
    const comp = comps[compOf[entry]];
    const inComp = new Uint8Array(g.states);
    for (const x of comp.states) inComp[x] = 1;
    const inside = (x: number) => inComp[x] === 1;
    const states = [...stem.states];
    const transitions = [...stem.transitions];
    const loopStart = states.length - 1;
    const goTo = (target: number, minSteps: number) => {
      const here = states[states.length - 1];
      const p = shortestPath(g, here, (x) => x === target, inside, minSteps);
      if (!p) throw new Error('internal: no path inside a strongly connected component');
      states.push(...p.states.slice(1));
      transitions.push(...p.transitions);
    };
    const needs = fairCycleTargets(g, comp, L.fairness, []);
    for (const w of needs.states) goTo(w, 0);
    for (const e of needs.edges) {
      goTo(e.from, 0);
      states.push(e.to);
      transitions.push(e.label);
    }
    goTo(entry, states.length - 1 === loopStart ? 1 : 0);
    return pathEvidence(states, transitions, loopStart);
  }
}
