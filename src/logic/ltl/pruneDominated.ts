/**
 * Drops edges to dominated states: when u can go to s and to t, and t is at
 * least as permissive (weaker label, more successors, more acceptance sets),
 * every run through u→s can go through u→t instead, so u→s is redundant.
 * A cheap special case of direct simulation; one of reduceBuchi's clean-ups.
 */
import type { Buchi } from './buchi.js';
import { labelImplies } from './buchiLabels.js';

export function pruneDominated(a: Buchi): Buchi {
  const n = a.states.length;
  const successors = a.states.map((s) => new Set(s.next));
  const member = a.states.map(() => new Array<boolean>(a.acceptance.length).fill(false));
  a.acceptance.forEach((set, k) => {
    for (const i of set) member[i][k] = true;
  });
  // dominates(t, s): t can stand in for s anywhere s is entered (a preorder).
  const memo = new Map<number, boolean>();
  const dominates = (t: number, s: number): boolean => {
    const key = t * n + s;
    let d = memo.get(key);
    if (d === undefined) {
      d =
        labelImplies(a.states[s].label, a.states[t].label) &&
        a.states[s].next.every((w) => successors[t].has(w)) &&
        member[s].every((m, k) => !m || member[t][k]);
      memo.set(key, d);
    }
    return d;
  };
  // A strict order (ties go to the lower index), so of equivalent targets one survives,
  // and every dropped target has a kept dominator in the same list.
  const strictlyDominates = (t: number, s: number): boolean =>
    t !== s && dominates(t, s) && (!dominates(s, t) || t < s);
  const prune = (targets: readonly number[]): number[] =>
    targets.filter((s) => !targets.some((t) => strictlyDominates(t, s)));
  return {
    states: a.states.map((s) => ({ label: s.label, next: prune(s.next) })),
    initial: prune(a.initial),
    acceptance: a.acceptance,
  };
}
