/**
 * The firing of a token-moving transition that may overflow a place, out of
 * line: generated code tests for the overflow and calls this, so the rare
 * case costs no code size in the hot chunks. It reports every place that
 * would overflow, as the general firing does, or emits the successor.
 */
import type { NetTransition } from '../model/model.js';
import { readSlot, writeSlot, type StateLayout } from '../system/stateLayout.js';
import type { SuccessorSink } from '../system/transitionSystem.js';
import { slotDeltas } from './transitionCode.js';

/** (id, s, next, emit) → successors emitted (0 or 1); `next` equals `s` again on return. */
export type OverflowFiring = (id: number, s: Int32Array, next: Int32Array, emit: SuccessorSink) => number;

export function overflowFiring(transitions: readonly NetTransition[], layout: StateLayout, fault: (t: number, slot: number, value: number) => void): OverflowFiring {
  const deltas = transitions.map((t) => [...slotDeltas(t)].filter(([, d]) => d !== 0));
  return (id, s, next, emit) => {
    const changes = deltas[id];
    let ok = true;
    for (const [slot, d] of changes) {
      const v = readSlot(layout, s, slot) + d;
      const L = layout.slots[slot];
      if (v < L.lo || v > L.hi) {
        fault(id, slot, v);
        ok = false;
      }
    }
    if (!ok) return 0;
    for (const [slot, d] of changes) writeSlot(layout, next, slot, readSlot(layout, s, slot) + d);
    emit(id, next);
    next.set(s);
    return 1;
  };
}
