/**
 * A deliberately plain explorer over the same TransitionSystem interface:
 * states are string keys in a Map, the queue is an array. Slow and obviously
 * right, so the packed engine is checked against it, never the other way.
 */
import type { AtomId, TransitionId, TransitionSystem } from '../../src/system/transitionSystem.js';

export function stateKey(s: Int32Array): string {
  return Array.from(s).join(',');
}

export interface ReferenceEdge {
  readonly from: string;
  readonly transition: TransitionId;
  readonly to: string;
}

export interface ReferenceFault {
  readonly state: string;
  readonly transition: TransitionId;
  readonly message: string;
}

export interface ReferenceResult {
  /** Every reachable state by key, with its BFS distance from the initial state. */
  readonly distance: Map<string, number>;
  readonly initial: string;
  readonly edges: readonly ReferenceEdge[];
  readonly deadlocks: Set<string>;
  readonly faults: readonly ReferenceFault[];
  /** Per watched atom: the least distance of a state where it holds, or -1. */
  readonly watchedDistance: readonly number[];
}

export function referenceExplore(system: TransitionSystem, watch: readonly AtomId[] = []): ReferenceResult {
  const words = system.layout.stateWords;
  const start = new Int32Array(words);
  system.initial(start);
  const initial = stateKey(start);
  const distance = new Map<string, number>([[initial, 0]]);
  const vectors = new Map<string, Int32Array>([[initial, start]]);
  const edges: ReferenceEdge[] = [];
  const faults: ReferenceFault[] = [];
  const deadlocks = new Set<string>();
  const queue: string[] = [initial];

  while (queue.length > 0) {
    const key = queue.shift() as string;
    const s = vectors.get(key) as Int32Array;
    const found: { transition: TransitionId; next: Int32Array }[] = [];
    let faulted = false;
    system.successors(
      s,
      (transition, next) => found.push({ transition, next: Int32Array.from(next) }),
      (transition, message) => {
        faulted = true;
        faults.push({ state: key, transition, message });
      },
    );
    for (const { transition, next } of found) {
      const to = stateKey(next);
      edges.push({ from: key, transition, to });
      if (!distance.has(to)) {
        distance.set(to, (distance.get(key) as number) + 1);
        vectors.set(to, next);
        queue.push(to);
      }
    }
    if (found.length === 0 && !faulted && !system.label(s, system.terminalAtom)) deadlocks.add(key);
  }

  const watchedDistance = watch.map((atom) => {
    let best = -1;
    for (const [key, d] of distance) {
      if (system.label(vectors.get(key) as Int32Array, atom) && (best < 0 || d < best)) best = d;
    }
    return best;
  });
  return { distance, initial, edges, deadlocks, faults, watchedDistance };
}
