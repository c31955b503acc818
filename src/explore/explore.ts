/**
 * Entry point of the engine: explores a TransitionSystem's reachable states
 * in BFS (default, shortest evidence) or DFS order within the given limits,
 * storing states exactly or, opt-in, as 64-bit fingerprints (BFS only).
 * An early stop is always reported as `stopped`, never as complete.
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import type { TransitionSystem } from '../system/transitionSystem.js';
import { breadthFirst } from './breadthFirst.js';
import { depthFirst } from './depthFirst.js';
import type { Exploration, ExploreOptions } from './exploration.js';
import { fingerprintBreadthFirst } from './fingerprintBreadthFirst.js';
import { FingerprintStore } from './fingerprintStore.js';
import { SearchRun } from './searchRun.js';
import { StateStore } from './stateStore.js';

export function explore(system: TransitionSystem, options: ExploreOptions = {}): Exploration {
  const order = options.order ?? 'bfs';
  const words = system.layout.stateWords;
  if (options.fingerprint) {
    if (order !== 'bfs' || options.storeEdges) throw new Error('internal: fingerprint mode explores breadth-first and records no edges');
    const run = new SearchRun(system, options, true, (budget) => new FingerprintStore(words, system, budget, options.maxStates));
    const frontierEmpty = run.start() && fingerprintBreadthFirst(system, run);
    return { ...run.finish(frontierEmpty), fingerprint: { bits: 64, missProbability: run.store.missProbability } };
  }
  const run = new SearchRun(system, options, order === 'bfs', (budget) => new StateStore(words, budget, options.maxStates, system, order === 'bfs'));
  let frontierEmpty = false;
  if (run.start()) {
    switch (order) {
      case 'bfs':
        frontierEmpty = breadthFirst(system, run);
        break;
      case 'dfs':
        frontierEmpty = depthFirst(system, run);
        break;
      default:
        unreachable(order);
    }
  }
  return run.finish(frontierEmpty);
}
