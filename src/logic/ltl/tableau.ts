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

interface Pending {
  /** Which expansion this belongs to: the successors of every node whose Next set seeded it. */
  readonly seed: number;
  readonly fresh: Set<number>; // the paper's New
  readonly old: Set<number>;
  readonly next: Set<number>;
}

interface Seed {
  /** Nodes (or INIT) whose successors are the nodes this expansion ends in. */
  readonly predecessors: number[];
  readonly results: Set<number>;
}

const setKey = (s: ReadonlySet<number>): string => [...s].sort((a, b) => a - b).join(',');
const pendingKey = (p: Pending): string => `${p.seed}:${setKey(p.fresh)}|${setKey(p.old)}|${setKey(p.next)}`;

function split(p: Pending, eta: number): [Pending, Pending] {
  const copy = (): Pending => ({
    seed: p.seed,
    fresh: new Set(p.fresh),
    old: new Set(p.old).add(eta),
    next: new Set(p.next),
  });
  return [copy(), copy()];
}

/**
 * Literals, ∧ and X first (they never split), so contradictions surface and
 * shared work is done before the node is copied; then the oldest disjunction.
 */
function choose(table: NnfTable, p: Pending): number {
  let branching = -1;
  for (const id of p.fresh) {
    const kind = table.get(id).kind;
    if (kind !== 'or' && kind !== 'U' && kind !== 'R') return id;
    if (branching === -1 || alreadyMet(table.get(id), p.old)) branching = id;
  }
  return branching;
}

/**
 * A disjunctive obligation some part of Old already fulfils: a ∨ b with a or b
 * in Old, a U b with b in Old, a R b with both in Old. Then the other branch
 * only adds obligations, so it cannot add a run (the usual refinement of GPVW).
 */
function alreadyMet(f: Nnf, old: ReadonlySet<number>): boolean {
  switch (f.kind) {
    case 'or':
      return old.has(f.left.id) || old.has(f.right.id);
    case 'U':
      return old.has(f.right.id);
    case 'R':
      return old.has(f.left.id) && old.has(f.right.id);
    default:
      return false;
  }
}

type Until = Nnf & { kind: 'U' };

const untilsOf = (root: Nnf): Until[] => subformulas(root).filter((f): f is Until => f.kind === 'U');

/** The acceptance condition for a U b: the node does not promise it, or already meets it with b. */
const fulfils = (u: Until, old: ReadonlySet<number>): boolean => !old.has(u.id) || old.has(u.right.id);

/** All finished tableau nodes for `root` (a normal-form formula interned in `table`).
 *
 * Two shortcuts keep this fast without changing the resulting graph: in the
 * paper every finished node starts a fresh expansion of its Next set with
 * itself as the only incoming node, but that expansion depends only on the
 * Next set, so it is done once per distinct set and its result nodes collect
 * the incoming nodes of all the nodes sharing it. And within one expansion,
 * two pending nodes with equal New/Old/Next end in the same nodes, so the
 * second is dropped.
 */
export function expandTableau(table: NnfTable, root: Nnf): TableauNode[] {
  const nodes: { old: Set<number>; next: Set<number> }[] = [];
  const nodeByKey = new Map<string, number>();
  const seeds: Seed[] = [];
  const seedByKey = new Map<string, number>();
  const work: Pending[] = [];
  const pendingSeen = new Set<string>();
  const untils = untilsOf(root);
  // The paper merges nodes with equal Old and Next. Nodes that agree on their literals,
  // Next and acceptance membership are merged too: they have the same label, the same
  // successors and the same acceptance sets, so they accept the same words.
  const nodeKey = (p: Pending): string => {
    const literals = [...p.old].filter((id) => table.get(id).kind === 'lit');
    const member = untils.map((u) => (fulfils(u, p.old) ? '1' : '0')).join('');
    return `${setKey(new Set(literals))}|${setKey(p.next)}|${member}`;
  };

  const expandFrom = (fresh: ReadonlySet<number>, predecessor: number): void => {
    const key = setKey(fresh);
    const known = seedByKey.get(key);
    if (known !== undefined) {
      seeds[known].predecessors.push(predecessor);
      return;
    }
    seedByKey.set(key, seeds.length);
    work.push({ seed: seeds.length, fresh: new Set(fresh), old: new Set(), next: new Set() });
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

  expandFrom(new Set([root.id]), INIT);
  // A worklist instead of the paper's recursion: pending nodes are independent.
  while (work.length > 0) {
    const p = work.pop() as Pending;
    stats.pops++;
    for (;;) {
      if (p.fresh.size === 0) {
        finish(p);
        break;
      }
      const eta = choose(table, p);
      stats.steps++;
      p.fresh.delete(eta);
      if (p.old.has(eta)) continue; // already expanded in this node: its obligations are in place
      const f = table.get(eta);
      if (f.kind === 'false') break; // contradiction: drop the node
      if (f.kind === 'true') {
        p.old.add(eta);
        continue;
      }
      if (f.kind === 'lit') {
        const opposite = complementOf(table, f) as Nnf;
        if (p.old.has(opposite.id)) break; // p and !p: drop the node
        p.old.add(eta);
        continue;
      }
      if (f.kind === 'X') {
        p.old.add(eta);
        p.next.add(f.arg.id);
        continue;
      }
      if (f.kind === 'and') {
        p.old.add(eta);
        p.fresh.add(f.left.id).add(f.right.id);
        continue;
      }
      if (alreadyMet(f, p.old)) {
        p.old.add(eta);
        continue;
      }
      // Disjunctive obligations split the node in two.
      const [first, second] = split(p, eta);
      if (f.kind === 'or') {
        first.fresh.add(f.left.id);
        second.fresh.add(f.right.id);
      } else if (f.kind === 'U') {
        // a U b = b ∨ (a ∧ X (a U b)).
        first.fresh.add(f.left.id);
        first.next.add(eta);
        second.fresh.add(f.right.id);
      } else {
        // a R b = (a ∧ b) ∨ (b ∧ X (a R b)).
        first.fresh.add(f.right.id);
        first.next.add(eta);
        second.fresh.add(f.left.id).add(f.right.id);
      }
      for (const branch of [second, first]) {
        const key = pendingKey(branch);
        if (pendingSeen.has(key)) stats.dups++;
        if (!pendingSeen.has(key)) {
          pendingSeen.add(key);
          work.push(branch);
        }
      }
      break;
    }
  }

  const incoming = nodes.map(() => new Set<number>());
  for (const seed of seeds) {
    for (const j of seed.results) for (const i of seed.predecessors) incoming[j].add(i);
  }
  return nodes.map((node, j) => ({ incoming: incoming[j], old: node.old, next: node.next }));
}

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
  const acceptance = untilsOf(root).map((u) => nodes.flatMap((node, i) => (fulfils(u, node.old) ? [i] : [])));
  return { states, initial: initial.sort((a, b) => a - b), acceptance };
}
export const stats = { pops: 0, steps: 0, dups: 0 };
