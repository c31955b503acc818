/**
 * Large, regular systems for limit and growth tests: `slots` counters each
 * 0..size-1, one increment transition per counter. size^slots states,
 * slots·size^(slots-1)·(size-1) edges, one deadlock (all counters full).
 */
import { OrderedMap } from 'immutable';
import { packLayout, readSlot } from '../../src/system/stateLayout.js';
import type { AtomId, SuccessorSink, TransitionSystem } from '../../src/system/transitionSystem.js';

export interface CounterSystem extends TransitionSystem {
  readonly size: number;
  /** Packs counter values (test convenience). */
  encode(values: readonly number[]): Int32Array;
}

/** Atom 1 holds where every counter equals `target` (for watch tests). */
export function counterSystem(slots: number, size: number, target = size - 1): CounterSystem {
  const layout = packLayout(Array.from({ length: slots }, (_, i) => ({ name: `c${i}`, lo: 0, hi: size - 1 })));
  const next = new Int32Array(layout.stateWords);
  const value = (s: Int32Array, i: number): number => readSlot(layout, s, i);
  const encode = (values: readonly number[]): Int32Array => {
    const out = new Int32Array(layout.stateWords);
    values.forEach((v, i) => {
      const L = layout.slots[i];
      out[L.word] |= v << L.shift;
    });
    return out;
  };
  return {
    size,
    encode,
    layout,
    transitionCount: slots,
    atoms: [
      { name: 'never', text: 'false' },
      { name: 'target', text: `all counters = ${target}` },
    ],
    terminalAtom: 0,
    initial(out: Int32Array): void {
      out.fill(0);
    },
    successors(s: Int32Array, emit: SuccessorSink): number {
      let emitted = 0;
      for (let i = 0; i < slots; i++) {
        if (value(s, i) < size - 1) {
          const L = layout.slots[i];
          next.set(s);
          next[L.word] = s[L.word] + (1 << L.shift);
          emit(i, next);
          emitted++;
        }
      }
      return emitted;
    },
    label(s: Int32Array, ap: AtomId): boolean {
      if (ap !== 1) return false;
      for (let i = 0; i < slots; i++) if (value(s, i) !== target) return false;
      return true;
    },
    describe(s: Int32Array) {
      return OrderedMap(layout.slots.map((L, i): [string, number] => [L.name, value(s, i)]));
    },
    transitionInfo(t: number) {
      return { name: `inc_c${t}`, label: `inc c${t}` };
    },
  };
}
