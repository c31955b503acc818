/**
 * Language-preserving clean-ups of a tableau automaton, repeated until
 * nothing changes: drop states that are unreachable, contradictory or cannot
 * reach an accepting cycle; drop acceptance sets that say nothing; merge
 * bisimilar states; drop edges to dominated states. Smaller automata make
 * smaller products with the system.
 */
import type { Buchi, BuchiState } from './buchi.js';
import { stronglyConnected } from './buchiComponents.js';
import { contradictory, labelKey } from './buchiLabels.js';
import { mergeBisimilar } from './mergeBisimilar.js';
import { pruneDominated } from './pruneDominated.js';

export function reduceBuchi(automaton: Buchi): Buchi {
  let current = automaton;
  for (;;) {
    const reduced = pruneDominated(mergeBisimilar(cleanAcceptance(trim(current))));
    if (size(reduced) === size(current)) return reduced;
    current = reduced;
  }
}

/** Every clean-up only removes states, edges or sets, so an unchanged size means a fixpoint. */
function size(a: Buchi): string {
  const edges = a.states.reduce((sum, s) => sum + s.next.length, 0);
  return `${a.states.length}/${edges}/${a.initial.length}/${a.acceptance.length}`;
}

/** The sub-automaton on the states with `keep[i]`, renumbered in order. */
function restrict(a: Buchi, keep: readonly boolean[]): Buchi {
  const renumber = new Array<number>(a.states.length).fill(-1);
  let count = 0;
  keep.forEach((k, i) => {
    if (k) renumber[i] = count++;
  });
  const mapped = (list: readonly number[]): number[] => list.filter((i) => keep[i]).map((i) => renumber[i]);
  const states: BuchiState[] = [];
  a.states.forEach((s, i) => {
    if (keep[i]) states.push({ label: s.label, next: mapped(s.next) });
  });
  return { states, initial: mapped(a.initial), acceptance: a.acceptance.map(mapped) };
}

/** Keep the states on some initial run that can still be accepting. */
export function trim(a: Buchi): Buchi {
  const n = a.states.length;
  const usable = a.states.map((s) => !contradictory(s.label));
  const reachable = new Array<boolean>(n).fill(false);
  const queue = a.initial.filter((i) => usable[i]);
  for (const i of queue) reachable[i] = true;
  while (queue.length > 0) {
    for (const j of a.states[queue.pop() as number].next) {
      if (usable[j] && !reachable[j]) {
        reachable[j] = true;
        queue.push(j);
      }
    }
  }
  const next = a.states.map((s, i) => (reachable[i] ? s.next.filter((j) => reachable[j]) : []));
  const { component, cyclic } = stronglyConnected(next);
  const accepting = cyclic.map((c) => c);
  for (const set of a.acceptance) {
    const hit = new Array<boolean>(cyclic.length).fill(false);
    for (const i of set) if (reachable[i]) hit[component[i]] = true;
    hit.forEach((h, c) => {
      if (!h) accepting[c] = false;
    });
  }
  // Backwards from the accepting components.
  const previous: number[][] = a.states.map(() => []);
  next.forEach((succ, i) => succ.forEach((j) => previous[j].push(i)));
  const keep = new Array<boolean>(n).fill(false);
  const back: number[] = [];
  for (let i = 0; i < n; i++) {
    if (reachable[i] && accepting[component[i]]) {
      keep[i] = true;
      back.push(i);
    }
  }
  while (back.length > 0) {
    for (const j of previous[back.pop() as number]) {
      if (!keep[j]) {
        keep[j] = true;
        back.push(j);
      }
    }
  }
  return restrict(a, keep);
}

/**
 * States on no cycle are visited at most once per run, so their membership is
 * free: they copy it from a twin on a cycle (same label and successors, so the
 * two can merge) or else join every set. Then a set holding every state is
 * always met, and a set containing another set is met whenever that one is.
 */
export function cleanAcceptance(a: Buchi): Buchi {
  const n = a.states.length;
  const { component, cyclic } = stronglyConnected(a.states.map((s) => s.next));
  const onCycle = a.states.map((_, i) => cyclic[component[i]]);
  const shapeKey = (i: number): string => `${labelKey(a.states[i].label)}|${a.states[i].next.join(',')}`;
  const twinOnCycle = new Map<string, number>();
  for (let i = 0; i < n; i++) if (onCycle[i] && !twinOnCycle.has(shapeKey(i))) twinOnCycle.set(shapeKey(i), i);
  const twin = a.states.map((_, i) => (onCycle[i] ? i : twinOnCycle.get(shapeKey(i))));
  const sets = a.acceptance
    .map((set) => {
      const given = new Array<boolean>(n).fill(false);
      for (const i of set) given[i] = true;
      return twin.map((t) => (t === undefined ? true : given[t]));
    })
    .filter((member) => member.some((m) => !m));
  const subset = (x: readonly boolean[], y: readonly boolean[]): boolean => x.every((m, i) => !m || y[i]);
  const kept = sets.filter((set, i) =>
    sets.every((other, j) => j === i || !subset(other, set) || (subset(set, other) && i < j)),
  );
  const acceptance = kept.map((member) => {
    const list: number[] = [];
    for (let i = 0; i < n; i++) if (member[i]) list.push(i);
    return list;
  });
  return { states: a.states, initial: a.initial, acceptance };
}
