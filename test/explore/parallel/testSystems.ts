/**
 * A system source for parallel-exploration tests: worker threads import
 * this module and rebuild the random or counter system from plain data.
 * `broken` builds a system that differs from the main thread's, to see
 * the fingerprint check fail; `throwing` one whose successors throw in the
 * worker after a while.
 */
import type { SystemSource } from '../../../src/explore/parallel/workerProtocol.js';
import type { TransitionSystem } from '../../../src/system/transitionSystem.js';
import { buildRandomSystem, type RandomSystem, type RandomSystemSpec } from '../../arbitraries/randomSystem.js';
import { counterSystem } from '../counterSystem.js';

export type TestSystemArg =
  | { readonly kind: 'random'; readonly spec: RandomSystemSpec }
  | { readonly kind: 'counter'; readonly slots: number; readonly size: number; readonly target?: number }
  | { readonly kind: 'broken'; readonly slots: number; readonly size: number }
  | { readonly kind: 'throwing'; readonly slots: number; readonly size: number; readonly after: number };

export function buildSystem(arg: TestSystemArg): TransitionSystem {
  switch (arg.kind) {
    case 'random':
      return buildRandomSystem(arg.spec);
    case 'counter':
      return counterSystem(arg.slots, arg.size, arg.target);
    case 'broken':
      return counterSystem(arg.slots, arg.size + 1);
    case 'throwing': {
      const inner = counterSystem(arg.slots, arg.size);
      let expansions = 0;
      const successors: TransitionSystem['successors'] = (s, emit, fault) => {
        if (++expansions > arg.after) throw new Error('boom in a worker');
        return inner.successors(s, emit, fault);
      };
      return { ...inner, successors };
    }
  }
}

export function sourceOf(arg: TestSystemArg): SystemSource {
  return { module: new URL('./testSystems.ts', import.meta.url).href, arg };
}

export function randomSource(system: RandomSystem): SystemSource {
  return sourceOf({ kind: 'random', spec: system.spec });
}
