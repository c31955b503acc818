/**
 * Reference CTL checker over explicit Kripke structures: the textbook
 * fixpoints on boolean arrays, over maximal paths (a dead state has no
 * successor: EX false, AX true, EG φ = φ there). Fair CTL quantifies over
 * fair paths only, with fair EG found by trying every candidate loop set.
 * Path quantifiers over LTL (A φ, E φ) go to the LTL reference, per state.
 */
import { unreachable } from '../../src/diagnostics/diagnostic.js';
import type { Formula } from '../../src/logic/formula.js';
import { type Kripke, type KripkeFairness, edgesOf, enabledStates, isDead } from './kripke.js';
import { ltlExists, ltlHolds } from './ltlReference.js';
import { strongComponents } from './strongComponents.js';

type Sat = boolean[];

/** Truth of a CTL formula in every state. Fairness defaults to the structure's own. */
export function ctlHolds(k: Kripke, f: Formula, fairness: readonly KripkeFairness[] = k.fairness ?? []): boolean[] {
  return new CtlReference(k, fairness).sat(f);
}

class CtlReference {
  private readonly all: number[];
  private readonly dead: Sat;
  /** States with at least one fair maximal path (computed on first use). */
  private fairStates: Sat | undefined;

  constructor(
    readonly k: Kripke,
    readonly fairness: readonly KripkeFairness[],
  ) {
    this.all = Array.from({ length: k.states }, (_, s) => s);
    this.dead = this.all.map((s) => isDead(k, s));
  }

  private map(fn: (s: number) => boolean): Sat {
    return this.all.map(fn);
  }

  private not(a: Sat): Sat {
    return a.map((x) => !x);
  }

  private and(a: Sat, b: Sat): Sat {
    return a.map((x, s) => x && b[s]);
  }

  private or(a: Sat, b: Sat): Sat {
    return a.map((x, s) => x || b[s]);
  }

  /** Some successor satisfies a (false at a dead state). */
  private ex(a: Sat): Sat {
    return this.map((s) => this.k.succ[s].some((t) => a[t]));
  }

  /** Every successor satisfies a (true at a dead state). */
  private ax(a: Sat): Sat {
    return this.map((s) => this.k.succ[s].every((t) => a[t]));
  }

  /** Least (from all-false) or greatest (from all-true) fixpoint of a monotone step. */
  private fixpoint(start: boolean, step: (z: Sat) => Sat): Sat {
    let z = this.map(() => start);
    for (;;) {
      const next = step(z);
      if (next.every((x, s) => x === z[s])) return z;
      z = next;
    }
  }

  private eu(phi: Sat, psi: Sat): Sat {
    return this.fixpoint(false, (z) => this.or(psi, this.and(phi, this.ex(z))));
  }

  sat(f: Formula): Sat {
    if (this.fairness.length > 0) return this.fairSat(f);
    const sat = (g: Formula): Sat => this.sat(g);
    const live = this.not(this.dead);
    switch (f.kind) {
      case 'EX':
        return this.ex(sat(f.arg));
      case 'AX':
        return this.ax(sat(f.arg));
      case 'EF': {
        const phi = sat(f.arg);
        return this.fixpoint(false, (z) => this.or(phi, this.ex(z)));
      }
      case 'AF': {
        const phi = sat(f.arg);
        return this.fixpoint(false, (z) => this.or(phi, this.and(live, this.ax(z))));
      }
      case 'EG': {
        const phi = sat(f.arg);
        return this.fixpoint(true, (z) => this.and(phi, this.or(this.dead, this.ex(z))));
      }
      case 'AG': {
        const phi = sat(f.arg);
        return this.fixpoint(true, (z) => this.and(phi, this.ax(z)));
      }
      case 'EU':
        return this.eu(sat(f.left), sat(f.right));
      case 'AU': {
        const [phi, psi] = [sat(f.left), sat(f.right)];
        return this.fixpoint(false, (z) => this.or(psi, this.and(phi, this.and(live, this.ax(z)))));
      }
      case 'EW':
        return this.or(sat({ kind: 'EU', left: f.left, right: f.right }), sat({ kind: 'EG', arg: f.left }));
      case 'AW': {
        // A[φ W ψ] = ¬E[¬ψ U (¬φ ∧ ¬ψ)]
        const [phi, psi] = [sat(f.left), sat(f.right)];
        return this.not(this.eu(this.not(psi), this.and(this.not(phi), this.not(psi))));
      }
      default:
        return this.stateSat(f);
    }
  }

  /** Booleans, atoms and A/E over LTL: the same with or without fairness. */
  private stateSat(f: Formula): Sat {
    const sat = (g: Formula): Sat => this.sat(g);
    switch (f.kind) {
      case 'true':
        return this.map(() => true);
      case 'false':
        return this.map(() => false);
      case 'atom':
        return this.map((s) => this.k.labels[s][f.atom]);
      case 'not':
        return this.not(sat(f.arg));
      case 'and':
        return this.and(sat(f.left), sat(f.right));
      case 'or':
        return this.or(sat(f.left), sat(f.right));
      case 'implies':
        return this.or(this.not(sat(f.left)), sat(f.right));
      case 'iff': {
        const [a, b] = [sat(f.left), sat(f.right)];
        return a.map((x, s) => x === b[s]);
      }
      case 'A':
      case 'E':
        return this.pathQuantifier(f.kind, f.path);
      case 'X':
      case 'F':
      case 'G':
      case 'U':
      case 'R':
      case 'W':
        throw new Error(`LTL operator ${f.kind} outside a path quantifier`);
      case 'EX':
      case 'AX':
      case 'EF':
      case 'AF':
      case 'EG':
      case 'AG':
      case 'EU':
      case 'AU':
      case 'EW':
      case 'AW':
        throw new Error(`stateSat called on ${f.kind}`);
      default:
        return unreachable(f);
    }
  }

  /**
   * A φ / E φ with φ an LTL path formula: state subformulas with temporal
   * operators inside φ are computed first and become fresh atoms.
   */
  private pathQuantifier(q: 'A' | 'E', path: Formula): Sat {
    const columns: Sat[] = [];
    const base = this.k.labels.length === 0 ? 0 : this.k.labels[0].length;
    const abstract = (g: Formula): Formula => {
      switch (g.kind) {
        case 'true':
        case 'false':
        case 'atom':
          return g;
        case 'not':
        case 'X':
        case 'F':
        case 'G':
          return { kind: g.kind, arg: abstract(g.arg) };
        case 'and':
        case 'or':
        case 'implies':
        case 'iff':
        case 'U':
        case 'R':
        case 'W':
          return { kind: g.kind, left: abstract(g.left), right: abstract(g.right) };
        default:
          columns.push(this.sat(g));
          return { kind: 'atom', atom: base + columns.length - 1 };
      }
    };
    const ltl = abstract(path);
    const labels = this.k.labels.map((row, s) => [...row, ...columns.map((c) => c[s])]);
    const k: Kripke = { ...this.k, labels };
    return this.map((s) => (q === 'A' ? ltlHolds(k, ltl, this.fairness, s) : ltlExists(k, ltl, this.fairness, s)));
  }

  /**
   * Fair CTL: path quantifiers range over fair maximal paths. Every
   * operator is reduced to fair EX, fair EU and fair EG: prefixing any path
   * to a fair path gives a fair path, so "a fair path does X" is "reach,
   * the ordinary way, a state with a fair path that does the rest".
   */
  private fairSat(f: Formula): Sat {
    const sat = (g: Formula): Sat => this.sat(g);
    const fair = (): Sat => (this.fairStates ??= this.fairEg(this.map(() => true)));
    const ex = (a: Sat): Sat => this.ex(this.and(a, fair()));
    const eu = (a: Sat, b: Sat): Sat => this.eu(a, this.and(b, fair()));
    const eg = (a: Sat): Sat => this.fairEg(a);
    const not = (a: Sat): Sat => this.not(a);
    /** E[¬ψ U (¬φ ∧ ¬ψ)]: some fair path breaks φ W ψ. */
    const breaksW = (phi: Sat, psi: Sat): Sat => eu(not(psi), this.and(not(phi), not(psi)));
    switch (f.kind) {
      case 'EX':
        return ex(sat(f.arg));
      case 'AX':
        return not(ex(not(sat(f.arg))));
      case 'EF':
        return eu(this.map(() => true), sat(f.arg));
      case 'AF':
        return not(eg(not(sat(f.arg))));
      case 'EG':
        return eg(sat(f.arg));
      case 'AG':
        return not(eu(this.map(() => true), not(sat(f.arg))));
      case 'EU':
        return eu(sat(f.left), sat(f.right));
      case 'AU': {
        // A[φ U ψ] = A[φ W ψ] ∧ AF ψ
        const [phi, psi] = [sat(f.left), sat(f.right)];
        return this.and(not(breaksW(phi, psi)), not(eg(not(psi))));
      }
      case 'EW': {
        const [phi, psi] = [sat(f.left), sat(f.right)];
        return this.or(eu(phi, psi), eg(phi));
      }
      case 'AW':
        return not(breaksW(sat(f.left), sat(f.right)));
      default:
        return this.stateSat(f);
    }
  }

  /**
   * States with a fair maximal path staying in φ: through φ-states to a dead
   * φ-state, or to a loop set L ⊆ φ — a set whose induced subgraph is
   * strongly connected with an edge, and fair as the set of states visited
   * infinitely often (an infinite path's infinitely-visited states form such a
   * set, and a walk round all of L's edges forever realizes it). Tried one by one.
   */
  private fairEg(phi: Sat): Sat {
    const edges = edgesOf(this.k).filter((e) => phi[e.from] && phi[e.to]);
    const succ = this.all.map((s) => edges.filter((e) => e.from === s).map((e) => e.to));
    const settle = this.map((s) => phi[s] && this.dead[s]);
    for (const component of strongComponents(succ, phi)) {
      if (component.length > 16) throw new Error('component too large for the fair CTL reference');
      for (let mask = 1; mask < 1 << component.length; mask++) {
        const set = component.filter((_, i) => (mask >> i) & 1);
        if (this.isFairLoopSet(new Set(set), edges)) for (const s of set) settle[s] = true;
      }
    }
    return this.eu(phi, this.and(phi, settle));
  }

  private isFairLoopSet(set: ReadonlySet<number>, edges: readonly { from: number; to: number; transition: number }[]): boolean {
    const inside = edges.filter((e) => set.has(e.from) && set.has(e.to));
    if (inside.length === 0) return false;
    const reach = (forward: boolean): Set<number> => {
      const start = inside[0].from;
      const seen = new Set([start]);
      for (let frontier = [start]; frontier.length > 0; ) {
        const s = frontier.pop() as number;
        for (const e of inside) {
          const [a, b] = forward ? [e.from, e.to] : [e.to, e.from];
          if (a === s && !seen.has(b)) {
            seen.add(b);
            frontier.push(b);
          }
        }
      }
      return seen;
    };
    if (reach(true).size !== set.size || reach(false).size !== set.size) return false;
    return this.fairness.every((c) => {
      const group = new Set(c.transitions);
      const enabled = enabledStates(this.k, c.transitions);
      const taken = inside.some((e) => group.has(e.transition));
      const members = [...set];
      return taken || (c.kind === 'weak' ? members.some((s) => !enabled[s]) : members.every((s) => !enabled[s]));
    });
  }
}
