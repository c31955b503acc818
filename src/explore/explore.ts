/**
 * Entry point of the engine: explores a TransitionSystem's reachable states
 * in BFS (default, shortest evidence) or DFS order within the given limits.
 * An early stop is always reported as `stopped`, never as complete.
 */
import { unreachable } from '../diagnostics/diagnostic.js';
import type { TransitionSystem } from '../system/transitionSystem.js';
import { breadthFirst } from './breadthFirst.js';
import { depthFirst } from './depthFirst.js';
import type { Exploration, ExploreOptions } from './exploration.js';
import { SearchRun } from './searchRun.js';

export function explore(system: TransitionSystem, options: ExploreOptions = {}): Exploration {
  const order = options.order ?? 'bfs';
  const run = new SearchRun(system, options, order === 'bfs');
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
