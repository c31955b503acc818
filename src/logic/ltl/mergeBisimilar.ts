/**
 * Quotient of a Büchi automaton by the coarsest bisimulation that respects
 * labels and acceptance membership: one of the clean-ups of reduceBuchi.
 */
import type { Buchi } from './buchi.js';
import { labelKey } from './buchiLabels.js';

/** Merged states have equal labels, equal sets and successors in the same classes: they accept the same words. */
export function mergeBisimilar(a: Buchi): Buchi {
  const n = a.states.length;
  const membership = a.states.map(() => '');
  a.acceptance.forEach((set, k) => {
    for (const i of set) membership[i] += `${k},`;
  });
  let classOf = classesBy(a.states.map((s, i) => `${labelKey(s.label)}|${membership[i]}`));
  let count = new Set(classOf).size;
  for (;;) {
    const refined = classesBy(
      a.states.map((s, i) => {
        const succ = [...new Set(s.next.map((j) => classOf[j]))].sort((x, y) => x - y);
        return `${classOf[i]}|${succ.join(',')}`;
      }),
    );
    const refinedCount = new Set(refined).size;
    classOf = refined;
    if (refinedCount === count) break;
    count = refinedCount;
  }
  if (count === n) return a;
  const representative = new Array<number>(count).fill(-1);
  classOf.forEach((c, i) => {
    if (representative[c] === -1) representative[c] = i;
  });
  const classes = (list: readonly number[]): number[] =>
    [...new Set(list.map((i) => classOf[i]))].sort((x, y) => x - y);
  return {
    states: representative.map((i) => ({ label: a.states[i].label, next: classes(a.states[i].next) })),
    initial: classes(a.initial),
    acceptance: a.acceptance.map(classes),
  };
}

/** Class numbers by first occurrence of each distinct key. */
function classesBy(keys: readonly string[]): number[] {
  const ids = new Map<string, number>();
  return keys.map((k) => {
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size;
      ids.set(k, id);
    }
    return id;
  });
}
