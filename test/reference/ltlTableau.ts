/**
 * The LTL reference's search: is there a fair maximal path from a state
 * satisfying a path formula? Exact on finite structures, with no length
 * bound: a tableau product (state × guessed truth of each X/U subformula),
 * then an accepting, fair loop in it. Any lasso found is re-checked by
 * direct evaluation in ltlReference.ts, so a wrong "yes" cannot get out.
 *
 * Completeness ("no" is right): along a real path π take the TRUE truth
 * values of the X/U subformulas at each position. They obey the local
 * expansion laws below by definition (X g now = g next; g U h now =
 * h ∨ (g ∧ (g U h) next)), so they form a path in the product; every
 * g U h true at a position has its h later, so each set "g U h false or h
 * true" is met infinitely often; and π's fairness (decided by the states
 * and edges seen infinitely often) is a property of the loop part. So the
 * product has a reachable strongly connected set meeting every condition,
 * which the search below looks for SCC by SCC (strong fairness guessed
 * per constraint: "never enabled in the loop" or "taken in the loop").
 */
import { unreachable } from '../../src/diagnostics/diagnostic.js';
import type { Formula } from '../../src/logic/formula.js';
import { type Kripke, type KripkeFairness, enabledStates, isDead, outEdges } from './kripke.js';
import { type Lasso, STUTTER } from './lasso.js';
import { strongComponents } from './strongComponents.js';

const TRUE: Formula = { kind: 'true' };
const not = (arg: Formula): Formula => ({ kind: 'not', arg });
const and = (left: Formula, right: Formula): Formula => ({ kind: 'and', left, right });
const or = (left: Formula, right: Formula): Formula => ({ kind: 'or', left, right });
const until = (left: Formula, right: Formula): Formula => ({ kind: 'U', left, right });

/** The same path formula over true/false/atom/not/and/or/X/U only, by the textbook identities. */
export function coreOf(f: Formula): Formula {
  switch (f.kind) {
    case 'true':
    case 'false':
    case 'atom':
      return f;
    case 'not':
      return not(coreOf(f.arg));
    case 'and':
    case 'or':
      return { kind: f.kind, left: coreOf(f.left), right: coreOf(f.right) };
    case 'implies':
      return or(not(coreOf(f.left)), coreOf(f.right));
    case 'iff': {
      const [a, b] = [coreOf(f.left), coreOf(f.right)];
      return or(and(a, b), and(not(a), not(b)));
    }
    case 'X':
      return { kind: 'X', arg: coreOf(f.arg) };
    case 'F':
      return until(TRUE, coreOf(f.arg));
    case 'G':
      return not(until(TRUE, not(coreOf(f.arg))));
    case 'U':
      return until(coreOf(f.left), coreOf(f.right));
    case 'R': // a R b = ¬(¬a U ¬b)
      return not(until(not(coreOf(f.left)), not(coreOf(f.right))));
    case 'W': {
      // a W b = ¬(¬b U (¬a ∧ ¬b))
      const [a, b] = [coreOf(f.left), coreOf(f.right)];
      return not(until(not(b), and(not(a), not(b))));
    }
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
    case 'A':
    case 'E':
      throw new Error(`not an LTL path formula: ${f.kind} inside`);
    default:
      return unreachable(f);
  }
}

/** Distinct subformulas of a core formula, children before parents; X/U ones get a bit each. */
interface Closure {
  readonly subs: Formula[];
  readonly children: number[][];
  /** bit[i] = bit of subformula i in a truth vector, -1 if it is not X/U. */
  readonly bit: number[];
  readonly bits: number;
}

function closureOf(core: Formula): Closure {
  const index = new Map<string, number>();
  const cl: Closure = { subs: [], children: [], bit: [], bits: 0 };
  let bits = 0;
  const visit = (g: Formula): number => {
    const key = JSON.stringify(g);
    const known = index.get(key);
    if (known !== undefined) return known;
    const kids = g.kind === 'not' || g.kind === 'X' ? [visit(g.arg)] : 'left' in g ? [visit(g.left), visit(g.right)] : [];
    const i = cl.subs.length;
    index.set(key, i);
    cl.subs.push(g);
    cl.children.push(kids);
    cl.bit.push(g.kind === 'X' || g.kind === 'U' ? bits++ : -1);
    return i;
  };
  visit(core);
  return { ...cl, bits };
}

/** Truth of every subformula at a state whose X/U subformulas are guessed by the bits of v. */
function truthAt(cl: Closure, labels: readonly boolean[], v: number): boolean[] {
  const t: boolean[] = [];
  cl.subs.forEach((g, i) => {
    const [a, b] = cl.children[i];
    if (cl.bit[i] >= 0) t.push(((v >> cl.bit[i]) & 1) === 1);
    else if (g.kind === 'true') t.push(true);
    else if (g.kind === 'false') t.push(false);
    else if (g.kind === 'atom') t.push(labels[g.atom]);
    else if (g.kind === 'not') t.push(!t[a]);
    else if (g.kind === 'and') t.push(t[a] && t[b]);
    else if (g.kind === 'or') t.push(t[a] || t[b]);
    else throw new Error(`not a core formula: ${g.kind}`);
  });
  return t;
}

/** g U h now is forced where it does not depend on the next position: true if h, false if neither g nor h. */
function locallyConsistent(cl: Closure, t: readonly boolean[]): boolean {
  return cl.subs.every((g, i) => {
    if (g.kind !== 'U') return true;
    const [a, b] = cl.children[i];
    return t[b] ? t[i] : t[a] || !t[i];
  });
}

/** X g now = g next; g U h now = (g U h) next where g ∧ ¬h now. */
function stepConsistent(cl: Closure, now: readonly boolean[], next: readonly boolean[]): boolean {
  return cl.subs.every((g, i) => {
    const [a, b] = cl.children[i];
    if (g.kind === 'X') return now[i] === next[a];
    if (g.kind === 'U' && now[a] && !now[b]) return now[i] === next[i];
    return true;
  });
}

interface Node {
  readonly state: number;
  readonly truth: readonly boolean[];
}

interface Step {
  readonly to: number;
  readonly via: number;
}

/** The guessed part of the product reachable from `from`, starting where the formula is true. */
function buildProduct(k: Kripke, from: number, cl: Closure): { nodes: Node[]; steps: Step[][]; initial: number[] } {
  if (cl.bits > 16) throw new Error(`formula too large for the LTL reference (${cl.bits} X/U subformulas)`);
  const out = outEdges(k);
  const consistent: { v: number; truth: boolean[] }[][] = [];
  const vectorsOf = (s: number): { v: number; truth: boolean[] }[] => {
    if (!consistent[s]) {
      consistent[s] = [];
      for (let v = 0; v < 1 << cl.bits; v++) {
        const truth = truthAt(cl, k.labels[s], v);
        if (locallyConsistent(cl, truth)) consistent[s].push({ v, truth });
      }
    }
    return consistent[s];
  };
  const ids = new Map<number, number>();
  const nodes: Node[] = [];
  const steps: Step[][] = [];
  const idOf = (s: number, v: number, truth: boolean[]): number => {
    const key = s * (1 << cl.bits) + v;
    let id = ids.get(key);
    if (id === undefined) {
      id = nodes.length;
      ids.set(key, id);
      nodes.push({ state: s, truth });
      steps.push([]);
    }
    return id;
  };
  const root = cl.subs.length - 1;
  const initial = vectorsOf(from).filter((x) => x.truth[root]).map((x) => idOf(from, x.v, x.truth));
  for (let id = 0; id < nodes.length; id++) {
    const { state, truth } = nodes[id];
    // A dead state repeats forever: a stutter step to itself, taking no transition.
    const moves = isDead(k, state) ? [{ to: state, transition: STUTTER }] : out[state];
    for (const e of moves) {
      for (const x of vectorsOf(e.to)) {
        if (stepConsistent(cl, truth, x.truth)) steps[id].push({ to: idOf(e.to, x.v, x.truth), via: e.transition });
      }
      if (nodes.length > 200_000) throw new Error('structure × formula too large for the LTL reference');
    }
  }
  return { nodes, steps, initial };
}

/** A waypoint the loop must pass: a node, or one particular step out of a node. */
type Waypoint = { readonly node: number } | { readonly from: number; readonly step: Step };

/** Shortest path (as steps) from `start` to a node with `goal`, through `allowed` nodes only. */
function shortestPath(steps: readonly Step[][], starts: readonly number[], goal: (n: number) => boolean, allowed: (n: number) => boolean): { start: number; path: { from: number; step: Step }[] } | undefined {
  const parent = new Map<number, { from: number; step: Step } | null>();
  const queue = [...starts];
  for (const s of starts) parent.set(s, null);
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head];
    if (goal(n)) {
      const path: { from: number; step: Step }[] = [];
      for (let p = parent.get(n); p; p = parent.get(p.from)) path.unshift(p);
      return { start: path.length > 0 ? path[0].from : n, path };
    }
    for (const step of steps[n]) {
      if (!allowed(step.to) || parent.has(step.to)) continue;
      parent.set(step.to, { from: n, step });
      queue.push(step.to);
    }
  }
  return undefined;
}

/**
 * A fair maximal path from `from` on which the path formula f holds, as a
 * lasso of the structure, or undefined if there is none.
 */
export function searchLasso(k: Kripke, from: number, f: Formula, fairness: readonly KripkeFairness[]): Lasso | undefined {
  const cl = closureOf(coreOf(f));
  const { nodes, steps, initial } = buildProduct(k, from, cl);
  const enabled = fairness.map((c) => enabledStates(k, c.transitions));
  const groups = fairness.map((c) => new Set(c.transitions));
  const strong = fairness.map((c, i) => (c.kind === 'strong' ? i : -1)).filter((i) => i >= 0);
  const untils = cl.subs.map((g, i) => i).filter((i) => cl.subs[i].kind === 'U');

  for (let guess = 0; guess < 1 << strong.length; guess++) {
    // Bit j set: strong constraint strong[j] is satisfied by never being enabled in the loop.
    const avoided = strong.filter((_, j) => (guess >> j) & 1);
    // (Components found under a guess avoid those groups' enabling states, so they pass as never enabled.)
    const allowed = (n: number): boolean => avoided.every((c) => !enabled[c][nodes[n].state]);
    const inside = nodes.map((_, n) => allowed(n));
    for (const component of strongComponents(steps.map((ss) => ss.map((s) => s.to)), inside)) {
      const inC = new Set(component);
      const internal = component.flatMap((n) => steps[n].filter((s) => inC.has(s.to)).map((step) => ({ from: n, step })));
      if (internal.length === 0) continue;
      const waypoints: (Waypoint | undefined)[] = [internal[0]];
      for (const u of untils) {
        const [, h] = cl.children[u];
        const n = component.find((x) => !nodes[x].truth[u] || nodes[x].truth[h]);
        waypoints.push(n === undefined ? undefined : { node: n });
      }
      fairness.forEach((c, i) => {
        const taken = internal.find((e) => groups[i].has(e.step.via));
        const idle = component.filter((x) => !enabled[i][nodes[x].state]);
        if (taken) waypoints.push(taken);
        else if (c.kind === 'weak' && idle.length > 0) waypoints.push({ node: idle[0] });
        else if (c.kind === 'strong' && idle.length === component.length) return;
        else waypoints.push(undefined);
      });
      if (waypoints.some((w) => w === undefined)) continue;
      return lassoThrough(nodes, steps, initial, inC, waypoints as Waypoint[], allowed);
    }
  }
  return undefined;
}

/** Stem from an initial node into the component, then a loop inside it through every waypoint. */
function lassoThrough(nodes: readonly Node[], steps: readonly Step[][], initial: readonly number[], inC: ReadonlySet<number>, waypoints: readonly Waypoint[], allowed: (n: number) => boolean): Lasso {
  const stem = shortestPath(steps, initial, (n) => inC.has(n), () => true);
  if (!stem) throw new Error('LTL reference: component not reachable');
  const entry = stem.path.length > 0 ? stem.path[stem.path.length - 1].step.to : stem.start;
  const inside = (n: number): boolean => inC.has(n) && allowed(n);
  const loop: { from: number; step: Step }[] = [];
  let at = entry;
  const walkTo = (target: number): void => {
    const part = shortestPath(steps, [at], (n) => n === target, inside);
    if (!part) throw new Error('LTL reference: component not strongly connected');
    loop.push(...part.path);
    at = target;
  };
  for (const w of waypoints) {
    if ('node' in w) walkTo(w.node);
    else {
      walkTo(w.from);
      loop.push(w);
      at = w.step.to;
    }
  }
  walkTo(entry);
  const states = [...stem.path.map((p) => nodes[p.from].state), ...loop.map((p) => nodes[p.from].state)];
  const via = [...stem.path.map((p) => p.step.via), ...loop.map((p) => p.step.via)];
  return { states, via, loopStart: stem.path.length };
}
