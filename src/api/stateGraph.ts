/**
 * The reachable state graph of a loaded spec, for drawing: one exploration
 * with edges stored. When a limit stops it early the stored edges are not
 * kept, so the edges among the stored states are recomputed here (a few
 * hundred thousand states at most matter for a picture), and states with
 * successors outside the stored part are marked as cut.
 */
import type { StateGraph, StoredStates } from '../explore/exploration.js';
import { explore } from '../explore/explore.js';
import type { ExploreLimits } from '../explore/limits.js';
import type { NamedAtom, ReachableGraph } from '../render/reachableGraph.js';
import type { TransitionSystem } from '../system/transitionSystem.js';
import type { LoadedSpec } from './loadedSpec.js';

interface Rebuilt {
  readonly graph: StateGraph;
  readonly cut: Uint8Array;
  readonly faults: Map<number, string>;
}

/** Successor edges of every stored state, keeping only those into stored states. */
function rebuildEdges(system: TransitionSystem, store: StoredStates): Rebuilt {
  const n = store.count;
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  const labels: number[] = [];
  const cut = new Uint8Array(n);
  const faults = new Map<number, string>();
  const s = new Int32Array(store.stateWords);
  for (let i = 0; i < n; i++) {
    store.read(i, s);
    system.successors(
      s,
      (t, next) => {
        const j = store.find(next);
        if (j < 0) {
          cut[i] = 1;
        } else {
          targets.push(j);
          labels.push(t);
        }
      },
      (t, message) => {
        if (!faults.has(i)) faults.set(i, `${system.transitionInfo(t).label}: ${message}`);
      },
    );
    offsets[i + 1] = targets.length;
  }
  return { graph: { states: n, offsets, targets: Int32Array.from(targets), labels: Int32Array.from(labels) }, cut, faults };
}

export function reachableGraphOf(spec: LoadedSpec, limits: ExploreLimits = {}): ReachableGraph {
  const { system, model } = spec;
  const x = explore(system, { ...limits, storeEdges: true });
  const invariants: NamedAtom[] = [];
  model.properties.forEach((p, i) => {
    const atom = system.propertyAtoms[i];
    if (p.kind === 'invariant' && atom !== undefined) invariants.push({ name: p.name, atom });
  });
  const base = { model, system, store: x.store, invariants };
  if (x.status.kind === 'complete' && x.graph !== undefined) {
    const faults = new Map<number, string>();
    for (const f of x.faults) {
      if (!faults.has(f.state)) faults.set(f.state, `${system.transitionInfo(f.transition).label}: ${f.message}`);
    }
    return { ...base, graph: x.graph, cut: new Uint8Array(x.states), faults, complete: true };
  }
  const rebuilt = rebuildEdges(system, x.store);
  return {
    ...base,
    ...rebuilt,
    complete: false,
    ...(x.status.kind === 'stopped' ? { stopReason: x.status.reason } : {}),
  };
}
