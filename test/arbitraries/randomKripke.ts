/**
 * Random small Kripke structures (1–6 states, 1–3 atoms, dead states and
 * self-loops likely) with optional fairness, for differential tests of the
 * CTL/LTL checkers against the references. Plain JSON, so fast-check shrinks them.
 */
import fc from 'fast-check';
import { type Kripke, type KripkeFairness, atomCount, kripkeOf, systemOf } from '../reference/kripke.js';

export interface KripkeOptions {
  readonly maxStates?: number;
  readonly maxAtoms?: number;
  /** Most edges leaving one state. */
  readonly maxOut?: number;
  /** Fairness constraints: 'none', or up to `maxConstraints` random weak/strong groups. */
  readonly fairness?: 'none' | 'some';
  readonly maxConstraints?: number;
  /** Keep only the states reachable from the initial one (renumbered in BFS order). */
  readonly reachableOnly?: boolean;
}

interface StateSpec {
  readonly out: readonly { readonly to: number; readonly id: number }[];
  readonly label: readonly boolean[];
}

interface KripkeSpec {
  readonly states: readonly StateSpec[];
  readonly atoms: number;
  readonly initial: number;
  /** Edges share a few transition ids (like one activity enabled in several states) or each has its own. */
  readonly sharedIds: boolean;
  readonly fairness: readonly { readonly kind: 'weak' | 'strong'; readonly transitions: readonly number[] }[];
}

function build(spec: KripkeSpec, reachableOnly: boolean): Kripke {
  const n = spec.states.length;
  const succ: number[][] = [];
  const via: number[][] = [];
  let next = 0;
  for (const st of spec.states) {
    const seen = new Set<string>();
    const to: number[] = [];
    const ids: number[] = [];
    for (const e of st.out) {
      const target = e.to % n;
      const id = spec.sharedIds ? e.id : next;
      if (seen.has(`${target}:${id}`)) continue;
      seen.add(`${target}:${id}`);
      to.push(target);
      ids.push(id);
      if (!spec.sharedIds) next++;
    }
    succ.push(to);
    via.push(ids);
  }
  const transitionCount = via.flat().reduce((m, t) => Math.max(m, t + 1), 0);
  const fairness: KripkeFairness[] = spec.fairness.map((c) => ({
    kind: c.kind,
    transitions: transitionCount === 0 ? [] : [...new Set(c.transitions.map((t) => t % transitionCount))].sort((a, b) => a - b),
  }));
  const labels = spec.states.map((st) => st.label.slice(0, spec.atoms));
  const k: Kripke = { states: n, initial: spec.initial % n, succ, via, labels, ...(fairness.length > 0 ? { fairness } : {}) };
  if (!reachableOnly) return k;
  return kripkeOf(systemOf(k), Array.from({ length: atomCount(k) }, (_, a) => a), k.fairness);
}

/** Random Kripke structures; every state has exactly `atoms` label columns (1–maxAtoms). */
export function randomKripke(options: KripkeOptions = {}): fc.Arbitrary<Kripke> {
  const maxStates = options.maxStates ?? 6;
  const maxAtoms = options.maxAtoms ?? 3;
  const maxOut = options.maxOut ?? 3;
  const edge = fc.record({ to: fc.nat({ max: maxStates - 1 }), id: fc.nat({ max: 3 }) });
  const state: fc.Arbitrary<StateSpec> = fc.record({
    // Under fairness, dead states are rarer: fairness only matters on loops.
    out: options.fairness === 'some'
      ? fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 5, arbitrary: fc.array(edge, { minLength: 1, maxLength: maxOut }) })
      : fc.array(edge, { maxLength: maxOut }),
    label: fc.array(fc.boolean(), { minLength: maxAtoms, maxLength: maxAtoms }),
  });
  const constraint = fc.record({
    kind: fc.constantFrom<'weak' | 'strong'>('weak', 'strong'),
    // Mostly one or two transitions: big groups are taken everywhere and rarely constrain anything.
    transitions: fc.array(fc.nat({ max: 15 }), { minLength: 1, maxLength: 2 }),
  });
  const spec: fc.Arbitrary<KripkeSpec> = fc.record({
    states: fc.array(state, { minLength: 1, maxLength: maxStates }),
    atoms: fc.integer({ min: 1, max: maxAtoms }),
    initial: fc.nat({ max: maxStates - 1 }),
    // Shared ids make a group enabled in several states: what separates weak from strong fairness.
    sharedIds: options.fairness === 'some' ? fc.constantFrom(true, true, true, false) : fc.boolean(),
    fairness:
      options.fairness === 'some'
        ? fc.array(constraint, { minLength: 1, maxLength: options.maxConstraints ?? 2 })
        : fc.constant([]),
  });
  return spec.map((s) => build(s, options.reachableOnly ?? false));
}

/** A structure together with something generated for its atom count (a formula, a pair…). */
export function kripkeWith<T>(make: (atoms: number) => fc.Arbitrary<T>, options: KripkeOptions = {}): fc.Arbitrary<{ kripke: Kripke; value: T }> {
  return randomKripke(options).chain((kripke) => make(atomCount(kripke)).map((value) => ({ kripke, value })));
}
