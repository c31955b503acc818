/**
 * The tableau of Gerth, Peled, Vardi & Wolper (1995), "Simple on-the-fly
 * automatic verification of linear temporal logic": expand nodes with
 * New/Old/Next sets until New is empty, merge equal nodes, then read off a
 * state-labelled generalized Büchi automaton.
 */
import type { Buchi, BuchiState, Literal } from './buchi.js';
import { complementOf, type Nnf, type NnfTable, subformulas } from './nnf.js';

/** Stands in `incoming` for the virtual "init" predecessor. */
const INIT = -1;

export interface TableauNode {
  /** Predecessor node indices; INIT marks an initial node. */
  readonly incoming: ReadonlySet<number>;
  /** Subformula ids this node promises hold now. */
  readonly old: ReadonlySet<number>;
  /** Subformula ids every successor must satisfy. */
  readonly next: ReadonlySet<number>;
}

/**
 * The root's subformulas numbered 0..k-1, so the expansion keeps Old and Next
 * as bigint bit sets: copying a node on a split is then free.
 */
class Closure {
  readonly formulas: Nnf[];
  readonly bit: bigint[];
  readonly left: number[] = [];
  readonly right: number[] = [];
  /** Position of the opposite literal, or -1. */
  readonly complement: number[] = [];
  literals = 0n;
  readonly untils: number[] = [];
  private readonly position = new Map<number, number>();

  constructor(table: NnfTable, root: Nnf) {
    this.formulas = subformulas(root);
    this.formulas.forEach((f, i) => this.position.set(f.id, i));
    this.bit = this.formulas.map((_, i) => 1n << BigInt(i));
    this.formulas.forEach((f, i) => {
      this.left.push(f.kind === 'X' ? this.at(f.arg) : 'left' in f ? this.at(f.left) : -1);
      this.right.push('right' in f ? this.at(f.right) : -1);
      const opposite = complementOf(table, f);
      this.complement.push(opposite ? (this.position.get(opposite.id) ?? -1) : -1);
      if (f.kind === 'lit') this.literals |= this.bit[i];
      if (f.kind === 'U') this.untils.push(i);
    });
  }

  at(f: Nnf): number {
    return this.position.get(f.id) as number;
  }

  has(set: bigint, i: number): boolean {
    return (set & this.bit[i]) !== 0n;
  }

  /** Nnf ids of the members of a bit set. */
  ids(set: bigint): Set<number> {
    const out = new Set<number>();
    this.formulas.forEach((f, i) => {
      if (this.has(set, i)) out.add(f.id);
    });
    return out;
  }

  /** GPVW acceptance for the until at position u: not promised, or already met by its right side. */
  fulfils(u: number, old: bigint): boolean {
    return !this.has(old, u) || this.has(old, this.right[u]);
  }

  /**
   * A disjunctive obligation Old already meets: a ∨ b with a or b in Old,
   * a U b with b in Old, a R b with both in Old. The other branch would only
   * add obligations, so it cannot add a run (the usual refinement of GPVW).
   */
  alreadyMet(i: number, old: bigint): boolean {
    switch (this.formulas[i].kind) {
      case 'or':
        return this.has(old, this.left[i]) || this.has(old, this.right[i]);
      case 'U':
        return this.has(old, this.right[i]);
      case 'R':
        return this.has(old, this.left[i]) && this.has(old, this.right[i]);
      default:
        return false;
    }
  }

  branches(i: number): boolean {
    const kind = this.formulas[i].kind;
    return kind === 'or' || kind === 'U' || kind === 'R';
  }
}

interface Pending {
  /** Which expansion this belongs to: the successors of every node whose Next set seeded it. */
  readonly seed: number;
  /** The paper's New, as closure positions. */
  readonly fresh: number[];
  old: bigint;
  next: bigint;
}

interface Seed {
  /** Nodes (or INIT) whose successors are the nodes this expansion ends in. */
  readonly predecessors: number[];
  readonly results: Set<number>;
}

/**
 * Takes the next obligation off New: the first one that will not split the
 * node (a literal, ∧, X, or a disjunction Old already meets), so that
 * contradictions surface and shared work is done before the node is copied;
 * failing that, the oldest disjunction.
 */
function take(c: Closure, p: Pending): number {
  let chosen = -1;
  for (let k = 0; k < p.fresh.length; k++) {
    const i = p.fresh[k];
    if (!c.branches(i) || c.alreadyMet(i, p.old)) {
      chosen = k;
      break;
    }
    if (chosen === -1) chosen = k;
  }
  return p.fresh.splice(chosen, 1)[0];
}

/**
 * All finished tableau nodes for `root` (a normal-form formula interned in `table`).
 *
 * In the paper every finished node starts a fresh expansion of its Next set
 * with itself as the only incoming node; that expansion depends only on the
 * Next set, so here it runs once per distinct set (a "seed") and its result
 * nodes collect the incoming nodes of every node sharing it. Same graph, less work.
 */
export function expandTableau(table: NnfTable, root: Nnf): TableauNode[] {
  const c = new Closure(table, root);
  const nodes: { old: bigint; next: bigint }[] = [];
  const nodeByKey = new Map<string, number>();
  const seeds: Seed[] = [];
  const seedByKey = new Map<bigint, number>();
  const work: Pending[] = [];
  // The paper merges nodes with equal Old and Next. Nodes that agree on their literals,
  // Next and acceptance membership are merged too: they have the same label, the same
  // successors and the same acceptance sets, so they accept the same words.
  const nodeKey = (p: Pending): string => {
    const member = c.untils.map((u) => (c.fulfils(u, p.old) ? '1' : '0')).join('');
    return `${(p.old & c.literals).toString(36)}|${p.next.toString(36)}|${member}`;
  };
  const expandFrom = (obligations: bigint, predecessor: number): void => {
    const known = seedByKey.get(obligations);
    if (known !== undefined) {
      seeds[known].predecessors.push(predecessor);
      return;
    }
    seedByKey.set(obligations, seeds.length);
    const fresh = c.formulas.flatMap((_, i) => (c.has(obligations, i) ? [i] : []));
    work.push({ seed: seeds.length, fresh, old: 0n, next: 0n });
    seeds.push({ predecessors: [predecessor], results: new Set() });
  };
  const finish = (p: Pending): void => {
    const key = nodeKey(p);
    let index = nodeByKey.get(key);
    if (index === undefined) {
      index = nodes.length;
      nodes.push({ old: p.old, next: p.next });
      nodeByKey.set(key, index);
      expandFrom(p.next, index);
    }
    seeds[p.seed].results.add(index);
  };

  expandFrom(c.bit[c.at(root)], INIT);
  // A worklist instead of the paper's recursion: pending nodes are independent.
  while (work.length > 0) {
    const p = work.pop() as Pending;
    for (;;) {
      if (p.fresh.length === 0) {
        finish(p);
        break;
      }
      const eta = take(c, p);
      if (c.has(p.old, eta)) continue; // already expanded in this node: its obligations are in place
      const f = c.formulas[eta];
      const [left, right] = [c.left[eta], c.right[eta]];
      if (f.kind === 'false') break; // contradiction: drop the node
      if (f.kind === 'lit' && c.complement[eta] !== -1 && c.has(p.old, c.complement[eta])) break; // p and !p
      p.old |= c.bit[eta];
      if (f.kind === 'X') p.next |= c.bit[left];
      else if (f.kind === 'and') p.fresh.push(left, right);
      if (!c.branches(eta) || c.alreadyMet(eta, p.old)) continue;
      // Disjunctive obligations split the node in two.
      const second: Pending = { seed: p.seed, fresh: p.fresh.slice(), old: p.old, next: p.next };
      if (f.kind === 'or') {
        p.fresh.push(left);
        second.fresh.push(right);
      } else if (f.kind === 'U') {
        // a U b = b ∨ (a ∧ X (a U b)).
        p.fresh.push(left);
        p.next |= c.bit[eta];
        second.fresh.push(right);
      } else {
        // a R b = (a ∧ b) ∨ (b ∧ X (a R b)).
        p.fresh.push(right);
        p.next |= c.bit[eta];
        second.fresh.push(left, right);
      }
      work.push(second, p);
      break;
    }
  }

  const incoming = nodes.map(() => new Set<number>());
  for (const seed of seeds) {
    for (const j of seed.results) for (const i of seed.predecessors) incoming[j].add(i);
  }
  return nodes.map((node, j) => ({ incoming: incoming[j], old: c.ids(node.old), next: c.ids(node.next) }));
}

type Until = Nnf & { kind: 'U' };

/** The acceptance condition for a U b: the node does not promise it, or already meets it with b. */
const fulfils = (u: Until, old: ReadonlySet<number>): boolean => !old.has(u.id) || old.has(u.right.id);

/**
 * One automaton state per node: label = the literals in Old, successors = the
 * nodes listing it as incoming, one acceptance set per U subformula a U b
 * (the nodes where a U b ∉ Old or b ∈ Old).
 */
export function tableauToBuchi(table: NnfTable, root: Nnf, nodes: readonly TableauNode[]): Buchi {
  const next: number[][] = nodes.map(() => []);
  const initial: number[] = [];
  nodes.forEach((node, to) => {
    for (const from of node.incoming) {
      if (from === INIT) initial.push(to);
      else next[from].push(to);
    }
  });
  const states: BuchiState[] = nodes.map((node, i) => {
    const label: Literal[] = [];
    for (const id of node.old) {
      const f = table.get(id);
      if (f.kind === 'lit') label.push({ atom: f.atom, positive: f.positive });
    }
    label.sort((a, b) => a.atom - b.atom || Number(a.positive) - Number(b.positive));
    return { label, next: next[i].sort((a, b) => a - b) };
  });
  const untils = subformulas(root).filter((f): f is Until => f.kind === 'U');
  const acceptance = untils.map((u) => nodes.flatMap((node, i) => (fulfils(u, node.old) ? [i] : [])));
  return { states, initial: initial.sort((a, b) => a - b), acceptance };
}
